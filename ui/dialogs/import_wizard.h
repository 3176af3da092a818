#pragma once

#include "core/io/importer.h"
#include "core/model/register_fields.h"
#include "core/result.h"

#include <QWizard>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace dli::ui {

class FilteredTable;
class ImportPreviewModel;
class ImportProblemModel;
class Workspace;

// Imports a CSV or XLSX file of observations or of one register in three steps: pick the file
// and what it holds; preview its first rows; see every problem the importer's dry run finds,
// each with its FILE:LINE:COLUMN, before anything is written. "Import" then writes all rows or
// none, off the GUI thread behind a progress dialog whose Cancel rolls everything back.
// Tests drive it without exec(): setFile(), loadPreview(), runCheck(), runImport().
class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { FilePage, PreviewPage, CheckPage };

    ImportWizard(Workspace& workspace, ImportKind kind, QWidget* parent = nullptr);

    void setKind(ImportKind kind);
    ImportKind kind() const;
    void setFile(const QString& path);
    QString file() const;
    void setSheet(const QString& sheet);

    // Reads the first rows of the file for the preview; false, with the reason shown, when the
    // file cannot be read.
    bool loadPreview();
    // The dry run: true when the file can be imported as it is. Every problem is listed in
    // problemModel(), warnings too.
    bool runCheck();
    // Imports the file (after a check that passed): all rows or none.
    Status runImport();

    ImportPreviewModel* previewModel() const { return m_preview; }
    ImportProblemModel* problemModel() const { return m_problems; }
    QString previewSummary() const;
    QString checkSummary() const;
    const ImportReport& report() const { return m_report; }

    // How a file is chosen (a file dialog by default); tests replace it.
    using FileChooser = std::function<QString(QWidget* parent)>;
    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }

signals:
    void imported(dli::ImportKind kind, qint64 rows);

private:
    QWizardPage* makeFilePage();
    QWizardPage* makePreviewPage();
    QWizardPage* makeCheckPage();
    void kindChanged();
    Result<ImportReport> runImporter(const QString& title, bool dryRun);

    Workspace& m_ws;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_file = nullptr;
    QLineEdit* m_sheet = nullptr;
    QLabel* m_columns = nullptr;
    QLabel* m_previewSummary = nullptr;
    QLabel* m_checkSummary = nullptr;
    QPushButton* m_recheck = nullptr;
    ImportPreviewModel* m_preview = nullptr;
    ImportProblemModel* m_problems = nullptr;
    FilteredTable* m_previewTable = nullptr;
    FilteredTable* m_problemTable = nullptr;
    ImportReport m_report;
    bool m_previewed = false;
    bool m_passed = false;
    FileChooser m_chooser;
};

} // namespace dli::ui
