#pragma once

#include <QString>
#include <QWidget>

namespace dli::ui {

class Workspace;

// One page of the main window's sidebar. Each page is its own class and file; MainWindow only
// lists them. Pages read and write through core, never SQL.
class Page : public QWidget {
    Q_OBJECT
public:
    Page(Workspace& workspace, QWidget* parent = nullptr) : QWidget(parent), m_ws(workspace) {}

    // A stable name ("dashboard") for navigation and tests.
    virtual QString id() const = 0;
    // Its name in the sidebar.
    virtual QString title() const = 0;
    // Reads everything again from the store (View > Refresh).
    virtual void refresh() {}
    // Ctrl+F: puts the cursor in the filter of the page's main table.
    virtual void focusFind() {}
    // Shows one item, named as the page understands it (an observation id, a DLR code).
    virtual void showItem(const QString& item) { Q_UNUSED(item); }
    // Empty when the logged-in user may use the page; otherwise why not, for the tooltip.
    virtual QString unavailableReason() const { return {}; }

protected:
    Workspace& m_ws;
};

} // namespace dli::ui
