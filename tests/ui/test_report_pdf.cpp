// The quarterly report as PDF (ReportPdf), on the hand-made report of the writers' tests: its
// text read back with pdftotext (every numbered heading, the contents and their page numbers,
// "Page N of M" and the full fingerprint on every page, a long table's header repeated on the
// pages it continues onto), charts drawn as vectors (no image in the file), cancelling leaves
// no file, the in-memory copy and printing. Its pages are rendered to PNG in
// DLI_SCREENSHOT_DIR (report-pdf-N.png) for people to look at, and so are the pages of the
// demo's report for FY2026-Q3 (report-demo-N.png) and the printed one (report-printed-N.png).
#include "core/report/report_builder.h"
#include "support/report_fixture.h"
#include "ui/report/report_layout.h"
#include "ui/report/report_pdf.h"
#include "ui_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <catch2/catch.hpp>
#include <iostream>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::ui::ReportPdf;

namespace {

// What a poppler tool prints, or FAIL when it cannot run.
QString run(const QString& tool, const QStringList& args)
{
    QProcess process;
    process.start(tool, args);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        FAIL(tool.toStdString() << " failed: " << process.readAllStandardError().toStdString());
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The text of each page, as laid out (pdftotext ends every page with a form feed).
QStringList pagesOf(const QString& pdf)
{
    QStringList pages = run(u"pdftotext"_s, {u"-layout"_s, pdf, u"-"_s}).split(u'\f');
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

// The PDF's pages as DLI_SCREENSHOT_DIR/<name>-N.png, and the PDF itself as <name>.pdf, for
// people to look at.
void savePages(const QString& pdf, const QString& name, int count)
{
    const QString dir = QString::fromUtf8(DLI_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    const QStringList filter{name + u"-*.png"_s};
    for (const QString& old : QDir(dir).entryList(filter))
        QFile::remove(dir + u'/' + old);
    QFile::remove(dir + u'/' + name + u".pdf"_s);
    CHECK(QFile::copy(pdf, dir + u'/' + name + u".pdf"_s));
    run(u"pdftoppm"_s, {u"-png"_s, u"-r"_s, u"60"_s, pdf, dir + u'/' + name});
    CHECK(QDir(dir).entryList(filter).size() == count);
}

} // namespace

TEST_CASE("The report's PDF has every heading, the contents, page numbers and the fingerprint on "
          "every page",
          "[report][pdf]")
{
    const QuarterlyReport report = dli::test::handMadeReport(80);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"report.pdf"_s);
    QList<int> seen;
    const Status written = ReportPdf::write(report, path, [&seen](int percent) {
        seen << percent;
        return true;
    });
    if (!written)
        FAIL(written.error().text().toStdString());
    REQUIRE(QFile::exists(path));
    // The progress rises from 0 to 100, each percent told once.
    REQUIRE_FALSE(seen.isEmpty());
    CHECK(seen.first() == 0);
    CHECK(seen.last() == 100);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end());

    const QStringList pages = pagesOf(path);
    const int count = static_cast<int>(pages.size());
    INFO("pages: " << count);
    savePages(path, u"report-pdf"_s, count);
    REQUIRE(count >= 9); // cover, contents, seven sections, the evidence over several pages

    // The cover.
    CHECK(pages[0].contains(report.programTitle.left(30)));
    CHECK(pages[0].contains(u"PJC-CDI"_s));
    CHECK(pages[0].contains(u"Quarterly progress report"_s));
    CHECK(pages[0].contains(report.quarterText()));
    CHECK(pages[0].contains(u"Demo M&E officer (officer)"_s));
    CHECK(pages[0].contains(u"2025-01-15 09:00:00 UTC"_s));
    CHECK(pages[0].contains(report.auditHead));
    CHECK(pages[0].contains(u"1,234"_s));

    // Every page: its number, and the whole fingerprint in the footer.
    for (int p = 0; p < count; ++p) {
        INFO("page " << p + 1);
        CHECK(pages[p].contains(u"Page %1 of %2"_s.arg(p + 1).arg(count)));
        CHECK(pages[p].contains(report.fingerprint));
    }

    // Every section under its number, where the contents say it starts.
    const QString contents = pages[1];
    CHECK(contents.contains(u"Contents"_s));
    CHECK(QRegularExpression(u"(?m)^\\s*1\\.\\s+Cover\\s+1\\s*$"_s).match(contents).hasMatch());
    for (qsizetype i = 0; i < report.sections.size(); ++i) {
        const QString title = report.sections[i].title;
        const QString number = QString::number(i + ui::ReportLayout::FirstSectionNumber);
        INFO(title.toStdString());
        const QRegularExpression line(u"(?m)^\\s*"_s + number + u"\\.\\s+"_s +
                                      QRegularExpression::escape(title) + u"\\s+(\\d+)\\s*$"_s);
        const QRegularExpressionMatch m = line.match(contents);
        REQUIRE(m.hasMatch());
        const int page = m.captured(1).toInt();
        REQUIRE(page > 2);
        REQUIRE(page <= count);
        CHECK(pages[page - 1].contains(number + u". "_s + title));
        CHECK_FALSE(pages[page - 2].contains(u"\n"_s + number + u". "_s + title));
    }

    // The 80 rows of evidence continue over pages, each under the table's header.
    const QRegularExpression evidenceHeader(u"DLR\\s+File\\s+SHA-256"_s);
    int headed = 0;
    for (const QString& page : pages)
        headed += page.contains(evidenceHeader) ? 1 : 0;
    CHECK(headed >= 2);
    CHECK(pages.join(u'\n').count(u"(continued)"_s) >= 1);

    // Urdu text, an empty table and an empty chart say what they hold.
    const QString all = pages.join(u'\n');
    CHECK(all.contains(u"women trained"_s));
    CHECK(all.contains(u"No sample was closed this quarter."_s));
    CHECK(all.contains(u"Disbursement by DLI"_s));
    CHECK(all.contains(u"No figure for FY2025-Q2."_s));
    CHECK(all.contains(u"US$8,820,000.00"_s));

    // Charts are vectors: the file holds no image at all.
    if (!QStandardPaths::findExecutable(u"pdfimages"_s).isEmpty()) {
        const QStringList lines =
            run(u"pdfimages"_s, {u"-list"_s, path}).split(u'\n', Qt::SkipEmptyParts);
        CHECK(lines.size() == 2); // the two header lines, no image
    }
}

TEST_CASE("A cancelled PDF report is an error and leaves no file", "[report][pdf]")
{
    const QuarterlyReport report = dli::test::handMadeReport(80);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"cancelled.pdf"_s);
    int last = -1;
    const Status written = ReportPdf::write(report, path, [&last](int percent) {
        last = percent;
        return percent < 50;
    });
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().code == ErrorCode::Conflict);
    CHECK(written.error().message.contains(u"cancelled"_s));
    CHECK(last == 50);
    CHECK_FALSE(QFile::exists(path));
    CHECK(QDir(dir.path()).entryList(QDir::Files).isEmpty());

    // Cancelled from the start, in memory too.
    const Result<QByteArray> none = ReportPdf::bytes(report, [](int) { return false; });
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == ErrorCode::Conflict);
}

TEST_CASE("The report's PDF in memory and on a printer", "[report][pdf]")
{
    const QuarterlyReport report = dli::test::handMadeReport(10);
    const Result<QByteArray> pdf = ReportPdf::bytes(report);
    REQUIRE(pdf.ok());
    CHECK(pdf->startsWith("%PDF"));
    CHECK(pdf->size() > 10000);

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"printed.pdf"_s);
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageSize(QPageSize(QPageSize::A4));
    const Status printed = ReportPdf::print(report, printer);
    if (!printed)
        FAIL(printed.error().text().toStdString());
    const QStringList pages = pagesOf(path);
    REQUIRE(pages.size() >= 8);
    savePages(path, u"report-printed"_s, static_cast<int>(pages.size()));
    CHECK(pages[0].contains(u"Page 1 of %1"_s.arg(pages.size())));
    CHECK(pages.last().contains(report.fingerprint));
}

TEST_CASE("The demo's report as PDF", "[report][pdf]")
{
    dli::test::ui::DemoWorkspace demo(u"officer"_s);
    const Result<Program> program = demo.session->programs().load();
    REQUIRE(program.ok());
    const Result<QuarterlyReport> built =
        ReportBuilder::build(*demo.session, *program, {Period::quarter(2026, 3), {}, {}, {}, {}});
    if (!built)
        FAIL(built.error().text().toStdString());
    const QuarterlyReport& report = *built;

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"demo.pdf"_s);
    QElapsedTimer timer;
    timer.start();
    const Status written = ReportPdf::write(report, path);
    if (!written)
        FAIL(written.error().text().toStdString());
    std::cout << "The demo's report as PDF: " << timer.elapsed() << " ms\n";

    const QStringList pages = pagesOf(path);
    const int count = static_cast<int>(pages.size());
    savePages(path, u"report-demo"_s, count);
    const QString all = pages.join(u'\n');
    for (qsizetype i = 0; i < report.sections.size(); ++i) {
        INFO(report.sections[i].title.toStdString());
        CHECK(all.contains(QString::number(i + ui::ReportLayout::FirstSectionNumber) + u". "_s +
                           report.sections[i].title));
    }
    for (int p = 0; p < count; ++p) {
        INFO("page " << p + 1);
        CHECK(pages[p].contains(u"Page %1 of %2"_s.arg(p + 1).arg(count)));
        CHECK(pages[p].contains(report.fingerprint));
    }
}

TEST_CASE("The report's PDF is made on a worker thread, as the Reports page makes it",
          "[report][pdf]")
{
    const QuarterlyReport report = dli::test::handMadeReport(20);
    // Charts made on this thread first: Qt Charts keeps state made by the first thread using it.
    const QuarterlyReport first = dli::test::handMadeReport(5);
    REQUIRE(ReportPdf::bytes(first).ok());
    std::optional<Result<QByteArray>> made;
    QThread* worker = QThread::create([&] { made = ReportPdf::bytes(report); });
    // This thread draws the charts meanwhile: it runs its event loop, as TaskRunner does.
    QEventLoop loop;
    QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    REQUIRE(worker->wait(60000));
    delete worker;
    REQUIRE(made.has_value());
    REQUIRE(made->ok());
    CHECK(made->value().startsWith("%PDF"));
}
