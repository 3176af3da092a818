#pragma once

#include "core/model/register_fields.h"

#include <QWidget>

class QLabel;
class QTimer;

namespace dli::ui {

class FilteredTable;
class RegisterTableModel;
class Workspace;

// One register on the Data page: its rows as a table that fetches a page at a time as it
// scrolls, filtered and sorted at the source (a click on a column header orders the whole
// register, not only the rows read so far), and a line saying how many rows there are.
class RegisterView : public QWidget {
    Q_OBJECT
public:
    RegisterView(Workspace& workspace, ImportKind kind, QWidget* parent = nullptr);

    ImportKind kind() const;
    FilteredTable* table() const { return m_table; }
    RegisterTableModel* model() const { return m_model; }
    // Reads the register again from its first page.
    void reload();
    // Applies the filter typed so far now, instead of a moment after the last key.
    void applyFilter();
    QString summary() const;

private:
    void updateSummary();
    void fitColumns();

    Workspace& m_ws;
    FilteredTable* m_table = nullptr;
    RegisterTableModel* m_model = nullptr;
    QLabel* m_summary = nullptr;
    QTimer* m_filterTimer = nullptr;
    QString m_pendingFilter;
};

} // namespace dli::ui
