#include "ui/pages/reports_page.h"

#include "core/report/report_builder.h"
#include "core/report/report_csv.h"
#include "core/report/report_xlsx.h"
#include "core/storage/session.h"
#include "ui/dialogs/report_save_dialogs.h"
#include "ui/report/report_pdf.h"
#include "ui/task_runner.h"
#include "ui/widgets/report_facts.h"
#include "ui/widgets/report_preview.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

enum Format { Pdf, Xlsx, Csv };

// Busy cursor while the GUI thread writes a file or draws for the printer.
class BusyCursor {
public:
    BusyCursor() { QGuiApplication::setOverrideCursor(Qt::WaitCursor); }
    ~BusyCursor() { QGuiApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor&) = delete;
    BusyCursor& operator=(const BusyCursor&) = delete;
};

QString isoDate(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

} // namespace

ReportsPage::ReportsPage(Workspace& workspace, QWidget* parent) : Page(workspace, parent)
{
    m_quarter = new QComboBox;
    m_quarter->setMinimumContentsLength(30);
    m_quarter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto* quarterLabel = new QLabel(tr("&Quarter:"));
    quarterLabel->setBuddy(m_quarter);
    m_asOf = new QDateEdit;
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_asOf->setToolTip(tr("The date the report computes at: the quarter's last day unless you "
                          "choose another"));
    auto* asOfLabel = new QLabel(tr("&As of:"));
    asOfLabel->setBuddy(m_asOf);
    m_make = new QPushButton(tr("&Make report"));
    m_make->setDefault(true);
    m_make->setToolTip(tr("Make the report for the quarter and as-of date chosen (Ctrl+R)"));

    m_print = new QPushButton(tr("&Print..."));
    m_savePdf = new QPushButton(tr("Save P&DF..."));
    m_saveXlsx = new QPushButton(tr("Save &XLSX..."));
    m_saveCsv = new QPushButton(tr("Save &CSV..."));

    auto* choice = new QHBoxLayout;
    choice->addWidget(quarterLabel);
    choice->addWidget(m_quarter);
    choice->addSpacing(12);
    choice->addWidget(asOfLabel);
    choice->addWidget(m_asOf);
    choice->addSpacing(12);
    choice->addWidget(m_make);
    choice->addStretch(1);
    choice->addWidget(m_print);
    choice->addWidget(m_savePdf);
    choice->addWidget(m_saveXlsx);
    choice->addWidget(m_saveCsv);

    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_preview = new ReportPreview;
    m_facts = new ReportFacts;

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(choice);
    layout->addWidget(m_note);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_facts);

    setTabOrder(m_quarter, m_asOf);
    setTabOrder(m_asOf, m_make);
    setTabOrder(m_make, m_print);
    setTabOrder(m_print, m_savePdf);
    setTabOrder(m_savePdf, m_saveXlsx);
    setTabOrder(m_saveXlsx, m_saveCsv);

    // Ctrl+R and Ctrl+P act only while the page is shown (a hidden widget's shortcuts sleep).
    auto* makeKey = new QShortcut(QKeySequence(u"Ctrl+R"_s), this);
    connect(makeKey, &QShortcut::activated, m_make, &QPushButton::click);
    auto* printKey = new QShortcut(QKeySequence::Print, this);
    connect(printKey, &QShortcut::activated, m_print, &QPushButton::click);

    connect(m_make, &QPushButton::clicked, this, [this] { (void)makeReport(); });
    connect(m_print, &QPushButton::clicked, this, &ReportsPage::print);
    connect(m_savePdf, &QPushButton::clicked, this, [this] { askAndSave(Pdf); });
    connect(m_saveXlsx, &QPushButton::clicked, this, [this] { askAndSave(Xlsx); });
    connect(m_saveCsv, &QPushButton::clicked, this, [this] { askAndSave(Csv); });
    connect(m_quarter, &QComboBox::currentIndexChanged, this, &ReportsPage::quarterChosen);
    connect(m_asOf, &QDateEdit::dateChanged, this, [this](const QDate& d) {
        // Choosing the quarter's last day again means "follow the quarter" once more.
        const int sm =
            m_ws.program() ? m_ws.program()->fiscalYearStartMonth : Period::DefaultStartMonth;
        m_asOfEdited = d != m_shownQuarter.end(sm);
        m_done.clear();
        updateNote();
    });
    connect(&m_ws, &Workspace::programReloaded, this, &ReportsPage::fillQuarters);

    m_preview->setPlaceholder(
        tr("Choose a quarter and an as-of date, then Make report (Ctrl+R).\n\n"
           "The report has a cover, a table of contents, the executive summary, DLI status, the "
           "results framework, charts, verification, data quality and an evidence annex. Its "
           "pages show here, ready to print or to save as PDF, as XLSX (one sheet per section) "
           "or as CSV (one file per table).\n\nEvery page carries the data fingerprint: anyone "
           "can check later that the report still matches the database."));
    fillQuarters();
    updateButtons();
}

void ReportsPage::fillQuarters()
{
    const Program* p = m_ws.program();
    const Period keep = selectedQuarter();
    {
        const QSignalBlocker quiet(m_quarter);
        m_quarter->clear();
        if (p) {
            const int sm = p->fiscalYearStartMonth;
            const QDate today = m_ws.session().options().now().date();
            const QDate signing =
                p->signingDate.isValid() ? p->signingDate : p->firstYear().start(sm);
            const Period current = Period::containing(today, Period::Kind::Quarter, sm);
            const QLocale locale;
            for (Period q = Period::containing(signing, Period::Kind::Quarter, sm); q <= current;
                 q = q.next()) {
                if (!p->periodInRange(q))
                    continue;
                m_quarter->addItem(tr("%1  (%2 to %3)")
                                       .arg(q.code(), locale.toString(q.start(sm), u"d MMM yyyy"_s),
                                            locale.toString(q.end(sm), u"d MMM yyyy"_s)),
                                   q.code());
            }
            // The last quarter that has ended: the one a progress report is usually due for.
            int at = m_quarter->findData(keep.isValid() ? keep.code() : current.previous().code());
            if (at < 0)
                at = m_quarter->count() - 1;
            m_quarter->setCurrentIndex(at);
        }
    }
    const bool any = m_quarter->count() > 0;
    m_quarter->setEnabled(any);
    m_asOf->setEnabled(any);
    m_make->setEnabled(any);
    m_make->setToolTip(any ? tr("Make the report for the quarter and as-of date chosen (Ctrl+R)")
                           : tr("This database holds no program with quarters to report on"));
    quarterChosen();
}

Period ReportsPage::selectedQuarter() const
{
    const Program* p = m_ws.program();
    const QString code = m_quarter->currentData().toString();
    if (!p || code.isEmpty())
        return {};
    return Period::parse(code, p->fiscalYearStartMonth).value_or(Period());
}

void ReportsPage::quarterChosen()
{
    const Period q = selectedQuarter();
    if (q.isValid()) {
        const int sm = m_ws.program()->fiscalYearStartMonth;
        const QSignalBlocker quiet(m_asOf);
        m_asOf->setMinimumDate(q.start(sm));
        // The as-of date follows the quarter unless the user chose another.
        if (!m_asOfEdited || m_asOf->date() < q.start(sm))
            m_asOf->setDate(q.end(sm));
        m_shownQuarter = q;
        m_asOfEdited = m_asOf->date() != q.end(sm);
    }
    m_done.clear();
    updateNote();
}

void ReportsPage::refresh()
{
    if (isVisible() && m_make->isEnabled())
        (void)makeReport();
    else
        fillQuarters();
}

void ReportsPage::showItem(const QString& item)
{
    const int at = m_quarter->findData(item.trimmed().toUpper());
    if (at >= 0)
        m_quarter->setCurrentIndex(at);
}

bool ReportsPage::makeReport()
{
    const Program* p = m_ws.program();
    const Period quarter = selectedQuarter();
    if (!p || !quarter.isValid())
        return false;
    const Program program = *p;
    const QDate asOf = m_asOf->date();
    std::optional<QuarterlyReport> made;
    QByteArray pdf;
    bool sawCancel = false;
    QElapsedTimer clock;
    clock.start();
    const Status done = TaskRunner::run(
        window(), m_ws, tr("Making the %1 report").arg(quarter.code()),
        [&](Session& session, TaskRunner::Progress& progress) -> Status {
            progress.setTotal(100);
            // The data take about half the time, the pages the other half.
            const auto going = [&](int percent) {
                progress.setDone(percent);
                if (progress.cancelled())
                    sawCancel = true;
                return !sawCancel;
            };
            ReportBuilder::Options options;
            options.quarter = quarter;
            options.asOf = asOf;
            options.progress = [&](int percent, const QString&) {
                return going(percent / 2);
            };
            DLI_ASSIGN(QuarterlyReport report, ReportBuilder::build(session, program, options));
            DLI_ASSIGN(pdf, ReportPdf::bytes(report,
                                             [&](int percent) { return going(50 + percent / 2); }));
            made = std::move(report);
            return {};
        });
    if (!done) {
        if (sawCancel) {
            m_done = m_report ? tr("Cancelled; the report made before is still shown.")
                              : tr("Cancelled; no report was made.");
            updateNote();
        } else {
            m_ws.report(tr("The report was not made"), done.error());
        }
        return false;
    }
    m_report = std::move(made);
    m_pdf = pdf;
    m_preview->setPdf(m_pdf);
    m_facts->setReport(&*m_report, m_ws.session().path());
    const double seconds = static_cast<double>(clock.elapsed()) / 1000.0;
    m_done = tr("Made the %1 report as of %2 in %3 s.")
                 .arg(m_report->quarter.code(), isoDate(m_report->asOf),
                      QLocale().toString(seconds, 'f', 1));
    updateButtons();
    updateNote();
    return true;
}

void ReportsPage::updateButtons()
{
    const bool have = m_report.has_value();
    const QString why = tr("Make the report first (Ctrl+R)");
    const QString code = have ? m_report->quarter.code() : QString();
    const QList<std::pair<QPushButton*, QString>> outputs{
        {m_print, tr("Print the %1 report, with a print preview (Ctrl+P)").arg(code)},
        {m_savePdf, tr("Save the %1 report as a PDF file").arg(code)},
        {m_saveXlsx,
         tr("Save the %1 report as an Excel workbook, one sheet per section").arg(code)},
        {m_saveCsv, tr("Save each table of the %1 report as a CSV file in a folder").arg(code)}};
    for (const auto& [button, tip] : outputs) {
        button->setEnabled(have);
        button->setToolTip(have ? tip : why);
    }
}

void ReportsPage::updateNote()
{
    QString text = m_done;
    const Period q = selectedQuarter();
    if (!m_ws.program()) {
        text = tr("This database holds no program yet: there is nothing to report on.");
    } else if (m_report && q.isValid() &&
               (q != m_report->quarter || m_asOf->date() != m_report->asOf)) {
        text = tr("The pages below are the %1 report as of %2. Make the report (Ctrl+R) to see "
                  "%3 as of %4.")
                   .arg(m_report->quarter.code(), isoDate(m_report->asOf), q.code(),
                        isoDate(m_asOf->date()));
    }
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

QString ReportsPage::fileName(const QString& suffix) const
{
    QString name = m_report->programCode + u'-' + m_report->quarter.code();
    if (m_report->asOf != m_report->quarterEnd)
        name += u"-as-of-"_s + isoDate(m_report->asOf);
    // Keep a file name portable whatever the program's code holds.
    for (QChar& c : name) {
        if (u"\\/:*?\"<>|"_s.contains(c))
            c = u'_';
    }
    return name + suffix;
}

void ReportsPage::askAndSave(int format)
{
    if (!m_report)
        return;
    QString path;
    if (format == Pdf)
        path = ReportSaveDialogs::saveFile(this, tr("Save the report as PDF"), fileName(u".pdf"_s),
                                           tr("PDF documents (*.pdf)"));
    else if (format == Xlsx)
        path = ReportSaveDialogs::saveFile(this, tr("Save the report as XLSX"),
                                           fileName(u".xlsx"_s), tr("Excel workbooks (*.xlsx)"));
    else
        path = ReportSaveDialogs::folder(this, tr("Choose the folder for the report's CSV files"));
    if (path.isEmpty())
        return;
    if (format == Pdf)
        (void)savePdf(path);
    else if (format == Xlsx)
        (void)saveXlsx(path);
    else
        (void)saveCsv(path);
}

Status ReportsPage::savePdf(const QString& path)
{
    if (!m_report)
        return Error(ErrorCode::InvalidInput, tr("make the report first"));
    // The very bytes previewed: what is saved is what was seen.
    QSaveFile file(path);
    const bool written =
        file.open(QIODevice::WriteOnly) && file.write(m_pdf) == m_pdf.size() && file.commit();
    if (!written) {
        const Error error(ErrorCode::Io, tr("cannot write the report: %1").arg(file.errorString()),
                          path);
        m_ws.report(tr("The report was not saved"), error);
        return error;
    }
    m_done = tr("Saved %1").arg(QDir::toNativeSeparators(path));
    updateNote();
    return {};
}

Status ReportsPage::saveXlsx(const QString& path)
{
    if (!m_report)
        return Error(ErrorCode::InvalidInput, tr("make the report first"));
    Status saved;
    {
        const BusyCursor busy;
        saved = ReportXlsx::write(*m_report, path);
    }
    if (!saved) {
        m_ws.report(tr("The report was not saved"), saved.error());
        return saved;
    }
    m_done = tr("Saved %1").arg(QDir::toNativeSeparators(path));
    updateNote();
    return {};
}

Status ReportsPage::saveCsv(const QString& folder)
{
    if (!m_report)
        return Error(ErrorCode::InvalidInput, tr("make the report first"));
    Result<QStringList> written = QStringList();
    {
        const BusyCursor busy;
        written = ReportCsv::writeAll(*m_report, folder);
    }
    if (!written) {
        m_ws.report(tr("The report was not saved"), written.error());
        return written.error();
    }
    m_done = tr("Saved %n CSV file(s) in %1", nullptr, static_cast<int>(written->size()))
                 .arg(QDir::toNativeSeparators(folder));
    updateNote();
    return {};
}

void ReportsPage::print()
{
    if (!m_report)
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(QPageLayout::Portrait);
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the %1 report").arg(m_report->quarter.code()));
    dialog.resize(window()->size() * 9 / 10);
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter* target) {
        Status drawn;
        {
            const BusyCursor busy;
            drawn = ReportPdf::print(*m_report, *target);
        }
        if (!drawn)
            m_ws.report(tr("The report was not printed"), drawn.error());
    });
    ReportSaveDialogs::showPrintPreview(dialog);
}

} // namespace dli::ui
