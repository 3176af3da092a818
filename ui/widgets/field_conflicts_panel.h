#pragma once

#include "core/model/field_exchange.h"
#include "core/result.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace dli::ui {

class FieldConflictCompareModel;
class FieldConflictsModel;
class FieldRowLabels;
class FilteredTable;
class Workspace;

// "Conflicts": rows changed both at the office and in the field wait here for a verifier. The
// selected one shows the office's row and the field's side by side (differences first and
// emphasised), the field change, who made it and when, and why it waits. Keep office, Keep
// field, or Edit..., which opens the figure on the Verification page.
class FieldConflictsPanel : public QWidget {
    Q_OBJECT
public:
    explicit FieldConflictsPanel(Workspace& workspace, QWidget* parent = nullptr);

    // Reads the conflicts again, keeping the one selected. The labels outlive the panel.
    void reload(const FieldRowLabels& labels);
    // Selects a conflict (its id or first 8 characters); false if it is not listed.
    bool showConflict(const QString& conflictId);
    // Resolves the conflict; a refusal is reported through the workspace and returned.
    Result<FieldConflict> resolve(const QString& conflictId, QStringView keep);
    void keepOffice();
    void keepField();
    // Opens the selected conflict's figure on the Verification page.
    void editRow();

    int openCount() const { return m_open; }
    QString blockedReason() const;
    void updateState();
    void focusFind();

    FilteredTable* table() const { return m_table; }
    FieldConflictsModel* model() const { return m_model; }
    FieldConflictCompareModel* compareModel() const { return m_compare; }
    QTableView* compareView() const { return m_compareView; }
    QLabel* detailsLabel() const { return m_details; }
    QCheckBox* showResolvedCheck() const { return m_showResolved; }
    QPushButton* keepOfficeButton() const { return m_keepOffice; }
    QPushButton* keepFieldButton() const { return m_keepField; }
    QPushButton* editButton() const { return m_edit; }
    // The selected conflict, or nullptr.
    const FieldConflict* current() const;

signals:
    // A conflict was resolved: the page updates what counts them.
    void resolved();

private:
    void onCurrentChanged();
    void load();

    Workspace& m_ws;
    const FieldRowLabels* m_labels = nullptr;
    int m_open = 0;
    FieldConflictsModel* m_model = nullptr;
    FilteredTable* m_table = nullptr;
    FieldConflictCompareModel* m_compare = nullptr;
    QTableView* m_compareView = nullptr;
    QLabel* m_details = nullptr;
    QCheckBox* m_showResolved = nullptr;
    QPushButton* m_keepOffice = nullptr;
    QPushButton* m_keepField = nullptr;
    QPushButton* m_edit = nullptr;
};

} // namespace dli::ui
