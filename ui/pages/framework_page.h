#pragma once

#include "ui/pages/page.h"

class QTreeView;

namespace dli::ui {

class DetailsPanel;
class FrameworkEditor;
class ResultsFrameworkModel;

// The results framework: results areas, indicators, DLIs and DLRs as a tree; everything the
// program file says about the selected item, and an editor of the fields an administrator may
// change (each change an undoable command; read-only for everyone else, with the reason).
class FrameworkPage : public Page {
    Q_OBJECT
public:
    explicit FrameworkPage(Workspace& workspace, QWidget* parent = nullptr);

    QString id() const override { return QStringLiteral("framework"); }
    QString title() const override { return tr("Results framework"); }
    void refresh() override;
    void showItem(const QString& item) override;

    ResultsFrameworkModel* model() const { return m_model; }
    QTreeView* view() const { return m_tree; }
    DetailsPanel* details() const { return m_details; }
    FrameworkEditor* editor() const { return m_editor; }

private:
    void onSelectionChanged();

    ResultsFrameworkModel* m_model = nullptr;
    QTreeView* m_tree = nullptr;
    DetailsPanel* m_details = nullptr;
    FrameworkEditor* m_editor = nullptr;
};

} // namespace dli::ui
