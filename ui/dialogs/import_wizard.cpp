#include "ui/dialogs/import_wizard.h"

#include "core/storage/session.h"
#include "ui/models/import_preview_model.h"
#include "ui/models/import_problem_model.h"
#include "ui/task_runner.h"
#include "ui/widgets/filtered_table.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <limits>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

// A wizard page whose completeness, validation and entry the wizard decides.
class Step : public QWizardPage {
public:
    std::function<bool()> complete;
    std::function<bool()> validate;
    std::function<void()> enter;

    bool isComplete() const override { return complete ? complete() : true; }
    bool validatePage() override { return validate ? validate() : true; }
    void initializePage() override
    {
        if (enter)
            enter();
    }
    void changed() { emit completeChanged(); }
};

QLabel* wrapped(const QString& text = {})
{
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

ImportWizard::ImportWizard(Workspace& workspace, ImportKind kind, QWidget* parent)
    : QWizard(parent), m_ws(workspace)
{
    setWindowTitle(tr("Import data"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setButtonText(QWizard::FinishButton, tr("&Import"));
    m_preview = new ImportPreviewModel(this);
    m_problems = new ImportProblemModel(this);
    m_chooser = [this](QWidget* owner) {
        return QFileDialog::getOpenFileName(
            owner, tr("Choose the file to import"), QFileInfo(file()).absolutePath(),
            tr("Tables (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)"));
    };
    setPage(FilePage, makeFilePage());
    setPage(PreviewPage, makePreviewPage());
    setPage(CheckPage, makeCheckPage());
    setKind(kind);
    resize(900, 620);
}

QWizardPage* ImportWizard::makeFilePage()
{
    auto* page = new Step;
    page->setTitle(tr("Choose the file"));
    page->setSubTitle(tr("A CSV or XLSX file whose first row names the columns."));
    m_kind = new QComboBox;
    for (ImportKind k : {ImportKind::Observations, ImportKind::Firms, ImportKind::Services,
                         ImportKind::Trainees, ImportKind::Exports})
        m_kind->addItem(RegisterFields::spec(k).title, static_cast<int>(k));
    m_file = new QLineEdit;
    m_file->setPlaceholderText(tr("Path of a .csv or .xlsx file"));
    auto* browse = new QPushButton(tr("&Browse..."));
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    m_sheet = new QLineEdit;
    m_sheet->setPlaceholderText(tr("The first sheet"));
    m_columns = wrapped();

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("The file &holds:"), m_kind);
    auto* fileLabel = new QLabel(tr("&File:"));
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    form->addRow(tr("XLSX &sheet:"), m_sheet);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(m_columns);
    layout->addStretch(1);

    page->complete = [this] {
        const QFileInfo info(file());
        return !file().isEmpty() && info.isFile();
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ImportWizard::kindChanged);
    connect(m_file, &QLineEdit::textChanged, page, [this, page] {
        const QString suffix = QFileInfo(file()).suffix().toLower();
        m_sheet->setEnabled(suffix == u"xlsx"_s || suffix == u"xlsm"_s);
        page->changed();
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = m_chooser(this);
        if (!chosen.isEmpty())
            setFile(chosen);
    });
    return page;
}

QWizardPage* ImportWizard::makePreviewPage()
{
    auto* page = new Step;
    page->setTitle(tr("Preview"));
    page->setSubTitle(tr("The first rows of the file, as it has them. Nothing is written yet."));
    m_previewSummary = wrapped();
    m_previewTable = new FilteredTable;
    m_previewTable->setModel(m_preview);
    m_previewTable->view()->setAccessibleName(tr("First rows of the file"));
    m_previewTable->setEmptyText(tr("The file has a header row and no data rows."));
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_previewSummary);
    layout->addWidget(m_previewTable, 1);
    page->enter = [this] {
        (void)loadPreview();
    };
    page->complete = [this] {
        return m_previewed;
    };
    return page;
}

QWizardPage* ImportWizard::makeCheckPage()
{
    auto* page = new Step;
    page->setTitle(tr("Check"));
    page->setSubTitle(tr("Every row is checked as the import would check it; nothing is written "
                         "until you choose Import."));
    m_checkSummary = wrapped();
    m_checkSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemTable = new FilteredTable;
    m_problemTable->setModel(m_problems);
    m_problemTable->view()->setAccessibleName(tr("Problems found in the file"));
    m_problemTable->view()->setWordWrap(true);
    // A wrapped message makes its row taller; no row gets shorter than the others.
    QHeaderView* rows = m_problemTable->view()->verticalHeader();
    rows->setMinimumSectionSize(rows->defaultSectionSize());
    m_problemTable->setFilterPlaceholder(tr("Filter the problems (Ctrl+F)"));
    m_problemTable->setEmptyText(tr("No problems found."));
    m_recheck = new QPushButton(tr("Check &again"));
    m_recheck->setToolTip(tr("After correcting the file, check it again"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_recheck);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_checkSummary);
    layout->addWidget(m_problemTable, 1);
    layout->addLayout(buttons);
    page->enter = [this] {
        (void)runCheck();
    };
    page->complete = [this] {
        return m_passed;
    };
    page->validate = [this] {
        const Status done = runImport();
        return done.ok();
    };
    connect(m_recheck, &QPushButton::clicked, this, [this] { (void)runCheck(); });
    return page;
}

void ImportWizard::setKind(ImportKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(kind)));
    kindChanged();
}

ImportKind ImportWizard::kind() const
{
    return static_cast<ImportKind>(m_kind->currentData().toInt());
}

void ImportWizard::setFile(const QString& path)
{
    m_file->setText(QDir::toNativeSeparators(path));
}

QString ImportWizard::file() const
{
    return QDir::fromNativeSeparators(m_file->text().trimmed());
}

void ImportWizard::setSheet(const QString& sheet)
{
    m_sheet->setText(sheet);
}

void ImportWizard::kindChanged()
{
    const RegisterSpec& spec = RegisterFields::spec(kind());
    QStringList required;
    QStringList optional;
    for (const FieldSpec& f : spec.fields)
        (f.required ? required : optional) << f.name;
    m_columns->setText(
        tr("A file of %1 has the columns %2 (required) and %3 (optional), in any "
           "order; case and spaces in the names do not matter.")
            .arg(spec.title.toLower(), required.join(u", "_s), optional.join(u", "_s)));
    m_previewed = false;
    m_passed = false;
}

bool ImportWizard::loadPreview()
{
    m_previewed = false;
    const Status loaded = m_preview->load(file(), m_sheet->text().trimmed(), kind());
    if (!loaded) {
        m_previewSummary->setText(tr("The file cannot be read: %1").arg(loaded.error().text()));
    } else {
        QStringList lines{tr("The first rows of %1, up to 20.").arg(QFileInfo(file()).fileName())};
        if (!m_preview->missingColumns().isEmpty())
            lines << tr("Missing required columns: %1.")
                         .arg(m_preview->missingColumns().join(u", "_s));
        if (!m_preview->unknownColumns().isEmpty())
            lines << tr("Columns the import does not know: %1.")
                         .arg(m_preview->unknownColumns().join(u", "_s));
        m_previewSummary->setText(lines.join(u' '));
        m_previewTable->view()->resizeColumnsToContents();
        m_previewed = true;
    }
    if (auto* step = dynamic_cast<Step*>(page(PreviewPage)))
        step->changed();
    return m_previewed;
}

Result<ImportReport> ImportWizard::runImporter(const QString& title, bool dryRun)
{
    if (!m_ws.program())
        return Error(ErrorCode::NotFound, tr("the database holds no program yet"));
    ImportOptions options;
    options.kind = kind();
    options.path = file();
    options.sheet = m_sheet->text().trimmed();
    options.dryRun = dryRun;
    options.maxProblems = std::numeric_limits<int>::max(); // every problem, not the first 100
    const Program program = *m_ws.program();
    std::optional<Result<ImportReport>> outcome;
    const Status ran = TaskRunner::run(
        this, m_ws, title, [&](Session& session, TaskRunner::Progress& progress) -> Status {
            ImportOptions o = options;
            o.progress = [&progress](qint64 rows) {
                progress.setDone(rows);
                return !progress.cancelled();
            };
            outcome = Importer::run(session, program, o);
            if (!outcome->ok())
                return outcome->error();
            return {};
        });
    if (!ran)
        return ran.error();
    return outcome.value_or(Error(ErrorCode::Io, tr("the import did not run")));
}

bool ImportWizard::runCheck()
{
    m_passed = false;
    m_problems->clear();
    const QString name = QFileInfo(file()).fileName();
    auto checked = runImporter(tr("Checking %1").arg(name), true);
    if (checked) {
        m_report = checked.value();
        m_problems->setProblems({}, m_report.warnings, file());
        m_checkSummary->setText(
            m_report.warnings.isEmpty()
                ? tr("All %1 rows passed the checks. Choose Import to write them; they are "
                     "written all at once or not at all.")
                      .arg(QLocale().toString(m_report.rows))
                : tr("All %1 rows passed the checks, with %2 warnings below. Choose Import to "
                     "write them; they are written all at once or not at all.")
                      .arg(QLocale().toString(m_report.rows))
                      .arg(m_report.warnings.size()));
        m_passed = true;
    } else {
        const Error& e = checked.error();
        m_problems->setProblems(e.details, {}, file());
        const QString what = e.location.isEmpty() || !e.details.isEmpty()
                                 ? e.message
                                 : e.location + u": "_s + e.message;
        m_checkSummary->setText(e.details.isEmpty()
                                    ? tr("The file cannot be imported: %1.").arg(what)
                                    : tr("The file cannot be imported as it is: %1. Correct the "
                                         "rows below in the file, then check again.")
                                          .arg(what));
    }
    m_problemTable->view()->resizeColumnToContents(ImportProblemModel::WhereColumn);
    // Long messages wrap onto a second line (measuring every row is for a readable number).
    if (m_problems->rowCount() <= 2000)
        m_problemTable->view()->resizeRowsToContents();
    if (auto* step = dynamic_cast<Step*>(page(CheckPage)))
        step->changed();
    return m_passed;
}

Status ImportWizard::runImport()
{
    if (!m_passed)
        return Error(ErrorCode::Usage, tr("check the file first"));
    const QString name = QFileInfo(file()).fileName();
    auto done = runImporter(tr("Importing %1").arg(name), false);
    if (!done) {
        m_checkSummary->setText(tr("Nothing was imported: %1").arg(done.error().text()));
        m_ws.report(tr("The import did not happen"), done.error());
        return done.error();
    }
    m_report = done.value();
    m_checkSummary->setText(
        tr("Imported %1 rows from %2.").arg(QLocale().toString(m_report.written), name));
    // The job wrote through its own connection: tell this session's views.
    if (kind() == ImportKind::Observations)
        emit m_ws.session().notifier().observationsChanged();
    emit imported(kind(), m_report.written);
    return {};
}

QString ImportWizard::previewSummary() const
{
    return m_previewSummary->text();
}

QString ImportWizard::checkSummary() const
{
    return m_checkSummary->text();
}

} // namespace dli::ui
