// The quarterly report as an XLSX workbook, read back with the project's own XLSX reader, and at
// the level of the sheet XML where the reader gives only text: numbers stored as numbers with
// their formats, the cover and fingerprint on the Summary sheet, frozen headers, autofilters,
// Urdu text, and a failure that leaves no file.
#include "core/io/xlsx_table_reader.h"
#include "core/io/zip_reader.h"
#include "core/report/report_builder.h"
#include "core/report/report_xlsx.h"
#include "support/report_fixture.h"
#include "support/test_support.h"
#include "trust_support.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::must;

namespace {

void mustWrite(const QuarterlyReport& report, const QString& path)
{
    const Status written = ReportXlsx::write(report, path);
    if (!written)
        FAIL(written.error().text().toStdString());
}

// Every non-empty row of a sheet as the importer reads it.
QList<TableRow> readSheet(const QString& path, const QString& sheet)
{
    auto reader = must(XlsxTableReader::open(path, sheet));
    QList<TableRow> rows;
    TableRow row;
    while (must(reader->next(row)))
        rows << row;
    return rows;
}

// The first row whose first cell is `first`, from sheet row `from` on; line 0 when there is
// none.
TableRow rowStarting(const QList<TableRow>& rows, const QString& first, qint64 from = 0)
{
    for (const TableRow& row : rows) {
        if (row.line >= from && row.cells.value(0) == first)
            return row;
    }
    return {};
}

QByteArray part(const QString& path, const QString& name)
{
    auto zip = must(ZipReader::open(path));
    return must(zip->read(name));
}

// libxlsxwriter names the worksheets' parts in sheet order.
QString sheetXml(const QString& path, int index)
{
    return QString::fromUtf8(part(path, u"xl/worksheets/sheet%1.xml"_s.arg(index + 1)));
}

// A cell as the sheet XML stores it.
struct RawCell {
    bool found = false;
    QString type; // t="s", t="str"... empty for a number
    int style = 0;
    QString value; // <v>
};

RawCell rawCell(const QString& xml, const QString& ref)
{
    const QRegularExpression cell(u"<c r=\""_s + ref + u"\"([^>/]*)(?:/>|>(.*?)</c>)"_s);
    const QRegularExpressionMatch m = cell.match(xml);
    RawCell out;
    if (!m.hasMatch())
        return out;
    out.found = true;
    const QString attributes = m.captured(1);
    out.type = QRegularExpression(u"t=\"(\\w+)\""_s).match(attributes).captured(1);
    out.style = QRegularExpression(u"s=\"(\\d+)\""_s).match(attributes).captured(1).toInt();
    out.value = QRegularExpression(u"<v>([^<]*)</v>"_s).match(m.captured(2)).captured(1);
    return out;
}

// Each cell style's number format code and whether its font is bold.
struct Styles {
    QStringList formats;
    QList<bool> bold;
};

Styles readStyles(const QString& path)
{
    QHash<int, QString> codes{{0, u"General"_s}, {1, u"0"_s},        {2, u"0.00"_s},
                              {3, u"#,##0"_s},   {4, u"#,##0.00"_s}, {14, u"m/d/yyyy"_s}};
    QList<bool> fonts;
    Styles styles;
    QXmlStreamReader xml(part(path, u"xl/styles.xml"_s));
    bool inFonts = false;
    bool inXfs = false;
    while (!xml.atEnd()) {
        xml.readNext();
        const QStringView name = xml.name();
        if (xml.isStartElement()) {
            if (name == u"numFmt")
                codes.insert(xml.attributes().value(u"numFmtId"_s).toInt(),
                             xml.attributes().value(u"formatCode"_s).toString());
            else if (name == u"fonts")
                inFonts = true;
            else if (inFonts && name == u"font")
                fonts << false;
            else if (inFonts && name == u"b")
                fonts.last() = true;
            else if (name == u"cellXfs")
                inXfs = true;
            else if (inXfs && name == u"xf") {
                styles.formats << codes.value(xml.attributes().value(u"numFmtId"_s).toInt());
                styles.bold << fonts.value(xml.attributes().value(u"fontId"_s).toInt());
            }
        } else if (xml.isEndElement()) {
            if (name == u"fonts")
                inFonts = false;
            else if (name == u"cellXfs")
                inXfs = false;
        }
    }
    REQUIRE_FALSE(xml.hasError());
    return styles;
}

const QStringList kSheets{u"Summary"_s,    u"DLI status"_s,   u"Results framework"_s,
                          u"Chart data"_s, u"Verification"_s, u"Data quality"_s,
                          u"Evidence"_s};

} // namespace

TEST_CASE("the report workbook has one sheet per section and the cover on Summary",
          "[report][xlsx]")
{
    test::TempDir dir;
    const QString path = dir.path(u"report.xlsx"_s);
    const QuarterlyReport report = test::handMadeReport(80);
    mustWrite(report, path);

    auto reader = must(XlsxTableReader::open(path));
    CHECK(reader->sheetNames() == kSheets);

    const QList<TableRow> summary = readSheet(path, u"Summary"_s);
    CHECK(summary.value(0).cells.value(0) == u"Quarterly progress report"_s);
    CHECK(rowStarting(summary, u"Data fingerprint (SHA-256)"_s).cells.value(1) ==
          report.fingerprint);
    CHECK(rowStarting(summary, u"Audit head"_s).cells.value(1) == report.auditHead);
    CHECK(rowStarting(summary, u"Audit entries"_s).cells.value(1) == u"1234"_s);
    CHECK(rowStarting(summary, u"Quarter"_s).cells.value(1) == report.quarterText());
    CHECK(rowStarting(summary, u"As of"_s).cells.value(1) == u"2024-12-31"_s);
    CHECK(rowStarting(summary, u"Known at (UTC)"_s).cells.value(1) == u"2025-01-15T09:00:00Z"_s);
    CHECK(rowStarting(summary, u"Prepared by"_s).cells.value(1) == report.preparedBy);
    // The paragraphs one per row, then the figures with their unit, then the tables.
    const TableRow paragraph = rowStarting(summary, report.sections[0].paragraphs[0]);
    const TableRow financing = rowStarting(summary, u"Financing (USD)"_s);
    const TableRow keyFigures = rowStarting(summary, u"Key figures"_s);
    CHECK(paragraph.line > rowStarting(summary, u"Audit entries"_s).line);
    CHECK(financing.line > paragraph.line);
    CHECK(financing.cells.value(1) == u"20000000"_s);
    CHECK(keyFigures.line > financing.line);
    CHECK(rowStarting(summary, u"Figure"_s).cells == QStringList{u"Figure"_s, u"Value (USD)"_s});

    const QString core = QString::fromUtf8(part(path, u"docProps/core.xml"_s));
    CHECK(core.contains(u"<dc:title>Quarterly progress report PJC-CDI FY2025-Q2</dc:title>"_s));
    CHECK(core.contains(u"<dc:creator>Demo M&amp;E officer (officer)</dc:creator>"_s));
    CHECK(core.contains(u"<dc:subject>Punjab Jobs"_s));
    CHECK(core.contains(u"2025-01-15T09:00:00Z"_s));

    // Nothing but the workbook is left in the folder.
    CHECK(QDir(dir.path({})).entryList(QDir::Files | QDir::Hidden) ==
          QStringList{u"report.xlsx"_s});
}

TEST_CASE("the report workbook stores numbers as numbers with their formats", "[report][xlsx]")
{
    test::TempDir dir;
    const QString path = dir.path(u"report.xlsx"_s);
    mustWrite(test::handMadeReport(10), path);
    const Styles styles = readStyles(path);
    const QString status = sheetXml(path, 1);

    const QList<TableRow> rows = readSheet(path, u"DLI status"_s);
    CHECK(rows.value(0).cells.value(0) == u"DLIs and DLRs"_s);
    CHECK(rows.value(1).cells == QStringList{u"DLI / DLR"_s, u"Title"_s, u"Status"_s, u"Target"_s,
                                             u"Achieved"_s, u"Allocation (USD)"_s,
                                             u"Earned (USD)"_s, u"Disbursed (USD)"_s});
    CHECK(rows.value(2).cells.value(6) == u"1500000"_s);
    CHECK(rows.value(3).cells.value(7) == u"n/a"_s);

    // DLI1's earned money: a number, exactly, in a money format; its row bold as a group.
    const RawCell earned = rawCell(status, u"G3"_s);
    REQUIRE(earned.found);
    CHECK(earned.type.isEmpty());
    CHECK(earned.value == u"1500000"_s);
    CHECK(styles.formats.value(earned.style) == u"#,##0.00"_s);
    CHECK(styles.bold.value(earned.style));
    CHECK(styles.bold.value(rawCell(status, u"A3"_s).style));
    // A DLR below it is not bold; its achieved value keeps its one decimal.
    const RawCell achieved = rawCell(status, u"E4"_s);
    CHECK(achieved.type.isEmpty());
    CHECK(achieved.value == u"84.5"_s);
    CHECK(styles.formats.value(achieved.style) == u"#,##0.0"_s);
    CHECK_FALSE(styles.bold.value(achieved.style));
    CHECK(styles.formats.value(rawCell(status, u"D4"_s).style) == u"#,##0"_s);
    // "n/a" where a money column has no number: text, not a zero.
    CHECK(rawCell(status, u"H4"_s).type == u"s"_s);

    // A percentage as 45 in 0.0 under a header that says %.
    const QList<TableRow> framework = readSheet(path, u"Results framework"_s);
    CHECK(framework.value(1).cells.value(2) == u"Progress (%)"_s);
    const RawCell progress = rawCell(sheetXml(path, 2), u"C3"_s);
    CHECK(progress.type.isEmpty());
    CHECK(progress.value == u"45"_s);
    CHECK(styles.formats.value(progress.style) == u"0.0"_s);

    // Counts as integers.
    const RawCell submitted = rawCell(sheetXml(path, 4), u"B3"_s);
    CHECK(submitted.type.isEmpty());
    CHECK(submitted.value == u"6"_s);
    CHECK(styles.formats.value(submitted.style) == u"#,##0"_s);

    // A date as a real Excel date: the serial number of 12 January 2025.
    const RawCell attached = rawCell(sheetXml(path, 6), u"E3"_s);
    CHECK(attached.type.isEmpty());
    CHECK(attached.value == u"45669"_s);
    CHECK(styles.formats.value(attached.style) == u"yyyy-mm-dd"_s);
    CHECK(readSheet(path, u"Evidence"_s).value(2).cells.value(4) == u"2025-01-12"_s);

    // The charts' series as a table, in the chart's currency.
    const QList<TableRow> charts = readSheet(path, u"Chart data"_s);
    CHECK(charts.value(0).cells.value(0) == u"Disbursement by DLI"_s);
    CHECK(charts.value(1).cells == QStringList{u"DLI"_s, u"Disbursed (USD)"_s});
    CHECK(rowStarting(charts, u"DLI1"_s).cells.value(1) == u"2000000"_s);
    CHECK(rowStarting(charts, u"Clusters compared"_s).line > 0);
    CHECK(rowStarting(charts, u"No figure for FY2025-Q2."_s).line > 0);
}

TEST_CASE("the report workbook stacks tables with a frozen, filtered first header",
          "[report][xlsx]")
{
    test::TempDir dir;
    const QString path = dir.path(u"report.xlsx"_s);
    mustWrite(test::handMadeReport(10), path);

    // 6 DLIs of 3 DLRs each: rows 3 to 26 under the header on row 2.
    const QString status = sheetXml(path, 1);
    CHECK(status.contains(u"<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" "
                          "state=\"frozen\"/>"_s));
    CHECK(status.contains(u"<autoFilter ref=\"A2:H26\"/>"_s));
    CHECK(status.contains(u"<cols>"_s));
    CHECK(status.contains(u"<col min=\"9\""_s) == false);

    // One blank row, then the second table's title, header and row.
    const QList<TableRow> rows = readSheet(path, u"DLI status"_s);
    const TableRow second = rowStarting(rows, u"DLRs that changed this quarter"_s);
    CHECK(second.line == 28);
    CHECK(rowStarting(rows, u"DLR"_s).line == 29);
    CHECK(rowStarting(rows, u"3.2"_s, second.line).line == 30);
    // Its explanation, the last of its two columns, spans the sheet's eight.
    CHECK(status.contains(u"<mergeCell ref=\"B29:H29\"/>"_s));
    CHECK(status.contains(u"<mergeCell ref=\"B30:H30\"/>"_s));

    // An empty table says so under its header.
    const QList<TableRow> verification = readSheet(path, u"Verification"_s);
    const TableRow samples = rowStarting(verification, u"Samples closed this quarter"_s);
    CHECK(rowStarting(verification, u"Sample"_s).line == samples.line + 1);
    CHECK(rowStarting(verification, u"No sample was closed this quarter."_s).line ==
          samples.line + 2);

    // Urdu survives the round trip.
    CHECK(rowStarting(readSheet(path, u"Results framework"_s), u"خواتین کی تربیت (women trained)"_s)
              .line == 3);
}

TEST_CASE("the report workbook is written whole or not at all", "[report][xlsx]")
{
    test::TempDir dir;
    const QuarterlyReport report = test::handMadeReport(3);

    SECTION("a folder that does not exist")
    {
        const QString path = dir.path(u"missing/report.xlsx"_s);
        const Status written = ReportXlsx::write(report, path);
        REQUIRE_FALSE(written.ok());
        CHECK(written.error().code == ErrorCode::Io);
        CHECK(written.error().location == path);
        CHECK(written.error().text().contains(u"does not exist"_s));
        CHECK_FALSE(QFile::exists(path));
    }
    SECTION("a folder in the way of the file")
    {
        const QString path = dir.path(u"report.xlsx"_s);
        REQUIRE(QDir().mkpath(path));
        const Status written = ReportXlsx::write(report, path);
        REQUIRE_FALSE(written.ok());
        CHECK(written.error().code == ErrorCode::Io);
        CHECK(written.error().text().startsWith(path));
        CHECK(QDir(dir.path({})).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }
    SECTION("an existing file is replaced")
    {
        const QString path = dir.path(u"report.xlsx"_s);
        test::writeFile(path, "an older report");
        mustWrite(report, path);
        CHECK(must(XlsxTableReader::open(path))->sheetNames() == kSheets);
        CHECK(QDir(dir.path({})).entryList(QDir::Files | QDir::Hidden) ==
              QStringList{u"report.xlsx"_s});
    }
}

TEST_CASE("the demo's report workbook carries the builder's money on the DLI status sheet",
          "[report][xlsx]")
{
    test::DemoCopy d;
    const QuarterlyReport report = must(
        ReportBuilder::build(*d.session, d.program(), {Period::quarter(2026, 3), {}, {}, {}, {}}));
    const ReportSection* status = report.section(u"dli-status");
    REQUIRE(status);
    REQUIRE_FALSE(status->tables.isEmpty());
    const ReportTable& table = status->tables.first();
    REQUIRE_FALSE(table.rows.isEmpty());

    test::TempDir dir;
    const QString path = dir.path(u"FY2026-Q3.xlsx"_s);
    mustWrite(report, path);
    CHECK(rowStarting(readSheet(path, u"Summary"_s), u"Data fingerprint (SHA-256)"_s)
              .cells.value(1) == report.fingerprint);

    // Every row of the table, DLIs, DLRs and the total, found by its first cell: each money
    // cell reads back as the builder's exact amount.
    const QList<TableRow> rows = readSheet(path, u"DLI status"_s);
    const TableRow title = rowStarting(rows, table.title);
    REQUIRE(title.line > 0);
    int moneyCells = 0;
    int mismatches = 0;
    for (const QList<ReportCell>& expected : table.rows) {
        const TableRow actual = rowStarting(rows, expected.value(0).text, title.line);
        INFO(expected.value(0).text.toStdString());
        REQUIRE(actual.line > 0);
        for (qsizetype c = 0; c < table.columns.size(); ++c) {
            if (table.columns[c].kind != ReportColumnKind::Money || !expected.value(c).number)
                continue;
            ++moneyCells;
            const auto read = Decimal::parse(actual.cells.value(c));
            if (!read || *read != *expected.value(c).number) {
                ++mismatches;
                UNSCOPED_INFO(table.columns[c].key.toStdString()
                              << ": " << actual.cells.value(c).toStdString()
                              << " != " << expected.value(c).number->toString().toStdString());
            }
        }
    }
    CHECK(moneyCells >= 6);
    CHECK(mismatches == 0);

    // The total row is the engine's totals, stored as numbers.
    const TableRow total = rowStarting(rows, table.rows.last().value(0).text, title.line);
    CHECK(total.line == title.line + 1 + table.rows.size());
    const qsizetype earnedColumn =
        std::find_if(table.columns.cbegin(), table.columns.cend(),
                     [](const ReportColumn& c) { return c.key == u"earned"; }) -
        table.columns.cbegin();
    REQUIRE(earnedColumn < table.columns.size());
    const int sheet =
        static_cast<int>(must(XlsxTableReader::open(path))->sheetNames().indexOf(u"DLI status"_s));
    const RawCell earned =
        rawCell(sheetXml(path, sheet), XlsxTableReader::columnName(static_cast<int>(earnedColumn)) +
                                           QString::number(total.line));
    CHECK(earned.type.isEmpty());
    CHECK(Decimal::parse(earned.value).value_or(Decimal()) ==
          table.rows.last().value(earnedColumn).number.value_or(Decimal::fromInt(-1)));
}
