#pragma once

#include "core/package/field_import.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace dli::ui {

class FieldChangesModel;
class FieldImportsModel;
class FieldRowLabels;
class FilteredTable;
class Workspace;

// "Returns in": the office imports a verifier's return. Each change is replayed under the
// usual rules, refused with why, or held as a conflict; the result says how many of each and
// lists the changes, refused and conflicts first. Below, every import so far; selecting one
// lists its changes.
class FieldReturnsPanel : public QWidget {
    Q_OBJECT
public:
    explicit FieldReturnsPanel(Workspace& workspace, QWidget* parent = nullptr);

    // Reads the imports again, keeping the one selected. The labels outlive the panel.
    void reload(const FieldRowLabels& labels);

    // Imports in the background (no dialog) and shows the result; an error is reported through
    // the workspace and returned.
    Result<FieldImportReport> importReturn(const QString& path, const QByteArray& passphrase);
    // A file, its passphrase, then importReturn.
    void chooseAndImport();
    // Selects an import and lists its changes.
    void showImport(const QString& importId);

    QString blockedReason() const;
    void updateState();
    void focusFind();

    QPushButton* importButton() const { return m_import; }
    QLabel* resultLabel() const { return m_result; }
    QLabel* changesHeading() const { return m_changesHeading; }
    FilteredTable* importsTable() const { return m_imports; }
    FilteredTable* changesTable() const { return m_changes; }
    FieldImportsModel* importsModel() const { return m_importsModel; }
    FieldChangesModel* changesModel() const { return m_changesModel; }

signals:
    // An import wrote to the store: the page reads the conflicts and lists again.
    void imported();

private:
    void onImportSelected();
    void showResult(const FieldImportReport& report);

    Workspace& m_ws;
    const FieldRowLabels* m_labels = nullptr;
    QPushButton* m_import = nullptr;
    QLabel* m_result = nullptr;
    QLabel* m_changesHeading = nullptr;
    FieldImportsModel* m_importsModel = nullptr;
    FieldChangesModel* m_changesModel = nullptr;
    FilteredTable* m_imports = nullptr;
    FilteredTable* m_changes = nullptr;
};

} // namespace dli::ui
