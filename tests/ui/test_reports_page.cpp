// The Reports page: the quarters offered and the as-of date that follows them, a report made in
// the background through the button and previewed page by page, its fingerprint the builder's,
// saved as PDF, XLSX and CSV into the folder last used, printed through the print preview, and
// a cancel that leaves nothing behind.
#include "core/report/report_builder.h"
#include "ui/dialogs/report_save_dialogs.h"
#include "ui/pages/charts_page.h"
#include "ui/pages/reports_page.h"
#include "ui/task_runner.h"
#include "ui/widgets/report_facts.h"
#include "ui/widgets/report_preview.h"
#include "ui_support.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTest>

using namespace Qt::StringLiterals;
using dli::test::ui::DemoWorkspace;
using dli::ui::ReportSaveDialogs;
using dli::ui::ReportsPage;
using dli::ui::TaskRunner;

namespace {

// Lets the window work until `done` holds or a few seconds pass.
template <typename F> bool waitFor(F done, int ms = 10000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QTest::qWait(20);
    return done();
}

void chooseQuarter(ReportsPage& page, const QString& code)
{
    const int at = page.quarterBox()->findData(code);
    REQUIRE(at >= 0);
    page.quarterBox()->setCurrentIndex(at);
}

// Makes the report through the button, with the progress dialog shown at once.
void make(ReportsPage& page)
{
    TaskRunner::setDialogDelay(0);
    QTest::mouseClick(page.makeButton(), Qt::LeftButton);
    TaskRunner::setDialogDelay(400);
}

// The file dialogs answer from a list, and remember what they were asked.
struct Answers {
    QStringList paths;
    QStringList suggested;
    Answers()
    {
        ReportSaveDialogs::setChooser([this](const QString&, const QString& start, const QString&) {
            suggested << start;
            return paths.isEmpty() ? QString() : paths.takeFirst();
        });
    }
    ~Answers() { ReportSaveDialogs::setChooser({}); }
};

bool anyVisibleDialog()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && qobject_cast<QDialog*>(w))
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("The reports page offers the program's quarters, the as-of date following the quarter",
          "[reports-page][ui]")
{
    DemoWorkspace ws(u"viewer"_s);
    ReportsPage page(*ws.workspace);
    CHECK(page.unavailableReason().isEmpty()); // it only reads: viewers make reports too
    const dli::Program& program = *ws.workspace->program();
    const int sm = program.fiscalYearStartMonth;
    QComboBox* quarters = page.quarterBox();
    REQUIRE(quarters->count() > 4);
    // From the quarter of the signing to the one holding the demo's today (2026-07-01).
    CHECK(quarters->itemData(0).toString() ==
          dli::Period::containing(program.signingDate, dli::Period::Kind::Quarter, sm).code());
    CHECK(quarters->itemData(quarters->count() - 1).toString() == u"FY2027-Q1"_s);
    // The last quarter that has ended is chosen, as of its last day.
    CHECK(page.selectedQuarter().code() == u"FY2026-Q4"_s);
    CHECK(page.asOfEdit()->date() == QDate(2026, 6, 30));
    CHECK(quarters->currentText().startsWith(u"FY2026-Q4"_s));

    chooseQuarter(page, u"FY2026-Q3"_s);
    CHECK(page.asOfEdit()->date() == QDate(2026, 3, 31));
    // A date the user chose stays when the quarter changes, while it is inside it or later...
    page.asOfEdit()->setDate(QDate(2026, 3, 15));
    chooseQuarter(page, u"FY2026-Q2"_s);
    CHECK(page.asOfEdit()->date() == QDate(2026, 3, 15));
    // ...and the quarter's last day chosen again means following it once more.
    page.asOfEdit()->setDate(QDate(2025, 12, 31));
    chooseQuarter(page, u"FY2026-Q1"_s);
    CHECK(page.asOfEdit()->date() == QDate(2025, 9, 30));
    // No date before the quarter begins: the builder would refuse it.
    CHECK(page.asOfEdit()->minimumDate() == QDate(2025, 7, 1));
    page.showItem(u"FY2026-Q3"_s);
    CHECK(page.selectedQuarter().code() == u"FY2026-Q3"_s);

    // Nothing to print or save before a report is made, and the buttons say why.
    for (QPushButton* b :
         {page.printButton(), page.savePdfButton(), page.saveXlsxButton(), page.saveCsvButton()}) {
        CHECK_FALSE(b->isEnabled());
        CHECK(b->toolTip().contains(u"Make the report first"_s));
    }
    CHECK(page.makeButton()->isEnabled());
    CHECK_FALSE(page.facts()->isVisibleTo(&page));
    page.resize(1280, 760);
    dli::test::ui::screenshot(page, u"page-reports-empty-1280.png"_s, {1280, 800});
    CHECK(ws.errors.isEmpty());
}

TEST_CASE(
    "The reports page makes a quarter's report in the background, previews, saves and prints it",
    "[reports-page][ui]")
{
    DemoWorkspace ws(u"viewer"_s);
    ReportsPage page(*ws.workspace);
    page.resize(1280, 760);
    page.show();
    chooseQuarter(page, u"FY2026-Q3"_s);
    make(page);
    REQUIRE(ws.errors.isEmpty());
    REQUIRE(page.report().has_value());
    CHECK(page.report()->quarter.code() == u"FY2026-Q3"_s);
    CHECK(page.report()->asOf == QDate(2026, 3, 31));
    CHECK(page.pdf().startsWith("%PDF"));

    // The pages are shown in the preview, with their count.
    QPdfDocument* doc = page.preview()->document();
    REQUIRE(waitFor([doc] { return doc->status() == QPdfDocument::Status::Ready; }));
    CHECK(doc->pageCount() > 3);
    CHECK(page.preview()->pageLabel()->text().endsWith(u"of %1"_s.arg(doc->pageCount())));
    CHECK(page.noteLabel()->text().contains(u"Made the FY2026-Q3 report"_s));
    // Scrolled to the end, the last page is the one counted.
    QScrollBar* scroll = page.preview()->view()->verticalScrollBar();
    scroll->setValue(scroll->maximum());
    CHECK(waitFor(
        [&] {
            return page.preview()->pageLabel()->text() == u"Page %1 of %1"_s.arg(doc->pageCount());
        },
        2000));
    scroll->setValue(0);

    // The fingerprint shown is the builder's for the same quarter, as-of date and moment.
    const dli::Program& program = *ws.workspace->program();
    dli::ReportBuilder::Options same;
    same.quarter = dli::Period::quarter(2026, 3);
    same.knownAt = page.report()->knownAt;
    const auto built = dli::ReportBuilder::build(*ws.session, program, same);
    REQUIRE(built.ok());
    CHECK(page.facts()->fingerprintLabel()->text() == built->fingerprint);
    CHECK(page.facts()->fingerprintLabel()->text().size() == 64);
    CHECK(page.facts()->isVisibleTo(&page));
    CHECK(page.facts()->commandLabel()->text().contains(
        u"report fingerprint copy.dlidb --quarter FY2026-Q3 --as-of 2026-03-31 --known-at "_s));
    CHECK(
        bool(page.facts()->fingerprintLabel()->textInteractionFlags() & Qt::TextSelectableByMouse));

    // Choosing another quarter says the pages are still the old report's.
    chooseQuarter(page, u"FY2026-Q4"_s);
    CHECK(page.noteLabel()->text().contains(u"are the FY2026-Q3 report"_s));
    chooseQuarter(page, u"FY2026-Q3"_s);
    CHECK_FALSE(page.noteLabel()->text().contains(u"are the FY2026-Q3 report"_s));

    for (QPushButton* b :
         {page.printButton(), page.savePdfButton(), page.saveXlsxButton(), page.saveCsvButton()})
        CHECK(b->isEnabled());

    // Saved through the buttons, each file asked for in the folder last used.
    QSettings().remove(ReportSaveDialogs::settingsKey());
    const QDir out(ws.dirPath(u"out"_s));
    REQUIRE(QDir().mkpath(out.path()));
    const QString csvFolder = out.filePath(u"csv"_s);
    REQUIRE(QDir().mkpath(csvFolder));
    {
        Answers answers;
        answers.paths = {out.filePath(u"q3.pdf"_s), out.filePath(u"q3"_s), csvFolder};
        QTest::mouseClick(page.savePdfButton(), Qt::LeftButton);
        CHECK(answers.suggested.value(0).endsWith(u"-FY2026-Q3.pdf"_s));
        CHECK(QSettings().value(ReportSaveDialogs::settingsKey()).toString() == out.path());
        QTest::mouseClick(page.saveXlsxButton(), Qt::LeftButton);
        CHECK(answers.suggested.value(1) ==
              out.filePath(QFileInfo(answers.suggested.value(1)).fileName()));
        CHECK(answers.suggested.value(1).endsWith(u".xlsx"_s));
        QTest::mouseClick(page.saveCsvButton(), Qt::LeftButton);
        CHECK(answers.suggested.value(2) == out.path());
        // Cancelling a file dialog saves nothing and says nothing.
        QTest::mouseClick(page.savePdfButton(), Qt::LeftButton);
        CHECK(answers.suggested.size() == 4);
    }
    CHECK(ws.errors.isEmpty());
    QFile pdf(out.filePath(u"q3.pdf"_s));
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    CHECK(pdf.size() == page.pdf().size());
    CHECK(pdf.read(4) == "%PDF");
    CHECK(QFileInfo(out.filePath(u"q3.xlsx"_s)).size() > 1000);
    CHECK(QFileInfo::exists(csvFolder + u"/dli-status.csv"_s));
    CHECK(page.noteLabel()->text().contains(u"CSV file"_s));
    // The CSV folder is remembered: the next question starts there.
    CHECK(QSettings().value(ReportSaveDialogs::settingsKey()).toString() == csvFolder);
    CHECK(ReportSaveDialogs::lastFolder() == csvFolder);

    // Print: the preview dialog draws every page, without waiting for anyone.
    int previewed = 0;
    ReportSaveDialogs::setPrintPresenter([&previewed](QPrintPreviewDialog& dialog) {
        auto* widget = dialog.findChild<QPrintPreviewWidget*>();
        REQUIRE(widget);
        widget->updatePreview();
        previewed = widget->pageCount();
    });
    QTest::mouseClick(page.printButton(), Qt::LeftButton);
    ReportSaveDialogs::setPrintPresenter({});
    CHECK(previewed > 3);
    CHECK(ws.errors.isEmpty());

    // F5 on the page makes the report again; the same data give the same fingerprint.
    const QString before = page.report()->fingerprint;
    TaskRunner::setDialogDelay(0);
    page.refresh();
    TaskRunner::setDialogDelay(400);
    CHECK(page.report()->fingerprint == before);

    // The view renders its pages on another thread: give it a moment before each picture.
    const auto shoot = [&page](const QString& name, const QSize& size) {
        page.resize(size);
        QTest::qWait(400);
        dli::test::ui::screenshot(page, name, size);
    };
    shoot(u"page-reports-1280.png"_s, {1280, 800});
    shoot(u"page-reports-1920.png"_s, {1920, 1080});
    // Further in: the tables, as the user scrolls to them.
    page.preview()->zoomBox()->setCurrentIndex(1); // whole page
    page.preview()->view()->pageNavigator()->jump(4, QPointF(), 0);
    shoot(u"page-reports-page5-1920.png"_s, {1920, 1080});
    page.preview()->zoomBox()->setCurrentIndex(0);
    page.preview()->view()->pageNavigator()->jump(0, QPointF(), 0);
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    shoot(u"page-reports-rtl-1280.png"_s, {1280, 800});
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);
    CHECK(ws.errors.isEmpty());
}

TEST_CASE("Cancelling the report leaves no report and no dialog", "[reports-page][ui]")
{
    DemoWorkspace ws(u"manager"_s);
    ReportsPage page(*ws.workspace);
    page.show();
    chooseQuarter(page, u"FY2026-Q3"_s);
    TaskRunner::setCancelAtOnce(true);
    make(page);
    TaskRunner::setCancelAtOnce(false);
    CHECK_FALSE(page.report().has_value());
    CHECK(page.pdf().isEmpty());
    CHECK(page.preview()->pageCount() == 0);
    CHECK(ws.errors.isEmpty()); // the user chose to cancel: no error to read
    CHECK(page.noteLabel()->text().contains(u"Cancelled"_s));
    CHECK_FALSE(page.savePdfButton()->isEnabled());
    CHECK_FALSE(anyVisibleDialog());

    // F5 while another page is shown makes no report.
    page.hide();
    page.refresh();
    CHECK_FALSE(page.report().has_value());
}

TEST_CASE("A report file that cannot be written is reported, as the CLI says it",
          "[reports-page][ui]")
{
    DemoWorkspace ws(u"viewer"_s);
    ReportsPage page(*ws.workspace);
    page.show();
    chooseQuarter(page, u"FY2026-Q3"_s);
    // A write that fails: a folder where the PDF file should go.
    make(page);
    REQUIRE(page.report().has_value());
    const QString folder = ws.dirPath(u"taken.pdf"_s);
    REQUIRE(QDir().mkpath(folder));
    CHECK_FALSE(page.savePdf(folder).ok());
    REQUIRE(ws.errors.size() == 1);
    CHECK(ws.errors[0].startsWith(u"The report was not saved: "_s));
}

TEST_CASE("The report is made after charts were drawn in the window", "[reports-page][ui]")
{
    // The dashboard and the Charts page draw with Qt Charts on the GUI thread before anyone
    // opens Reports; the report's pages are then drawn on a worker thread.
    DemoWorkspace ws(u"viewer"_s);
    ws.workspace->setAsOf(QDate(2026, 7, 1));
    {
        dli::ui::ChartsPage charts(*ws.workspace);
        charts.resize(1280, 760);
        charts.show();
        for (const QString& kind : {u"dli-progress:DLI3"_s, u"disbursement"_s, u"timeline"_s,
                                    u"clusters:FIRMS_UPGRADE"_s, u"verification"_s}) {
            charts.showItem(kind);
            QTest::qWait(50);
        }
    }
    ReportsPage page(*ws.workspace);
    page.show();
    chooseQuarter(page, u"FY2026-Q3"_s);
    make(page);
    CHECK(ws.errors.isEmpty());
    CHECK(page.report().has_value());
    CHECK(page.pdf().startsWith("%PDF"));
}
