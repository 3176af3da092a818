// End-to-end tests of `dlitracker-cli import` and `dlitracker-cli template`: the built executable
// on the demo database, with its exit status and standard error checked, and the database
// checked with the sqlite3 shell's .dump.
#include "cli_process.h"
#include "core/io/xlsx_table_reader.h"
#include "core/model/register_fields.h"
#include "support/test_support.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <string>
#include <vector>
#include <xlsxwriter.h>

using namespace Qt::StringLiterals;
using namespace dli::test::cli;
using Catch::Matchers::Contains;
using dli::ImportKind;
using dli::RegisterFields;
using dli::TableRow;
using dli::XlsxTableReader;
using dli::test::dataPath;
using dli::test::readFile;
using dli::test::TempDir;
using dli::test::writeFile;

namespace {

QString importDemo(const TempDir& dir)
{
    const QString db = dir.path(u"demo.dlidb"_s);
    cli({u"demo"_s, db}, Success);
    REQUIRE(QFileInfo::exists(db));
    return db;
}

// The database's content as the sqlite3 shell's .dump prints it.
QByteArray shellDump(const QString& db)
{
    const QString shell = QStandardPaths::findExecutable(u"sqlite3"_s);
    INFO("the sqlite3 shell is installed by scripts/setup-deps.sh");
    REQUIRE_FALSE(shell.isEmpty());
    QProcess process;
    process.start(shell, {db, u".dump"_s});
    REQUIRE(process.waitForStarted(10000));
    process.closeWriteChannel();
    QByteArray out;
    while (!process.waitForFinished(100))
        out += process.readAllStandardOutput();
    out += process.readAllStandardOutput();
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    REQUIRE(process.exitCode() == 0);
    REQUIRE(out.contains("CREATE TABLE firms"));
    return out;
}

// One value from the database, read with the sqlite3 shell.
std::string shellQuery(const QString& db, const QString& sql)
{
    QProcess process;
    process.start(QStandardPaths::findExecutable(u"sqlite3"_s), {db, sql});
    REQUIRE(process.waitForFinished(30000));
    REQUIRE(process.exitCode() == 0);
    return process.readAllStandardOutput().trimmed().toStdString();
}

QString importCsv(const TempDir& dir, const QString& name, const QStringList& lines)
{
    const QString path = dir.path(name);
    writeFile(path, (lines.join(u"\n"_s) + u"\n"_s).toUtf8());
    return path;
}

std::string text(const QString& s)
{
    return s.toStdString();
}

QStringList specColumns(ImportKind kind)
{
    QStringList names;
    for (const auto& f : RegisterFields::spec(kind).fields)
        names << f.name;
    return names;
}

// Rows of one sheet of a workbook, by the XLSX reader of the importer.
std::vector<TableRow> sheetRows(const QString& path, const QString& sheet)
{
    auto opened = XlsxTableReader::open(path, sheet);
    if (!opened)
        FAIL(opened.error().text());
    std::vector<TableRow> rows;
    TableRow row;
    for (;;) {
        const auto more = opened.value()->next(row);
        if (!more)
            FAIL(more.error().text());
        if (!more.value())
            break;
        rows.push_back(row);
    }
    return rows;
}

// A workbook of text cells, one sheet per entry.
void writeImportWorkbook(const QString& path,
                         const std::vector<std::pair<QString, QList<QStringList>>>& sheets)
{
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook* book = workbook_new(file.constData());
    REQUIRE(book);
    for (const auto& [name, rows] : sheets) {
        const QByteArray sheetName = name.toUtf8();
        lxw_worksheet* sheet = workbook_add_worksheet(book, sheetName.constData());
        REQUIRE(sheet);
        for (qsizetype r = 0; r < rows.size(); ++r) {
            for (qsizetype c = 0; c < rows[r].size(); ++c) {
                const QByteArray cell = rows[r][c].toUtf8();
                if (!cell.isEmpty())
                    worksheet_write_string(sheet, static_cast<lxw_row_t>(r),
                                           static_cast<lxw_col_t>(c), cell.constData(), nullptr);
            }
        }
    }
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);
}

const QString kKinds = u"observations|firms|services|trainees|exports"_s;

} // namespace

// ---------------------------------------------------------------------------------------------
// import

TEST_CASE("cli import: firms then services from CSV are imported and counted", "[cli][import]")
{
    const TempDir dir;
    const QString db = importDemo(dir);
    const std::string firmsBefore = shellQuery(db, u"SELECT count(*) FROM firms"_s);

    const QString firms =
        importCsv(dir, u"firms.csv"_s,
                  {u"Code,Name,Cluster,Size class,Women owned"_s,
                   u"T-001,Test Works,SKT-SURG,small,yes"_s, u"T-002,Other Works,LHR-AUTO,,no"_s});
    const Run f = cli({u"import"_s, db, u"--kind"_s, u"firms"_s, firms}, Success);
    CHECK_THAT(f.err, Contains(text(u"Imported 2 firms rows from "_s + firms + u"."_s)));
    CHECK(f.out.empty());
    CHECK(shellQuery(db, u"SELECT count(*) FROM firms"_s) ==
          std::to_string(std::stoi(firmsBefore) + 2));
    CHECK(shellQuery(db, u"SELECT entered_by FROM firms WHERE code = 'T-001'"_s) == "officer");

    const QString services = importCsv(dir, u"services.csv"_s,
                                       {u"firm,service_type,date,provider,cost,status"_s,
                                        u"T-001,training,2025-09-01,PSIC,100,completed"_s,
                                        u"T-002,design,2025-09-02,PSIC,,ongoing"_s,
                                        u"T-002,design,2025-09-03,PSIC,,ongoing"_s});
    const Run s = cli({u"import"_s, db, u"--kind=services"_s, services}, Success);
    CHECK_THAT(s.err, Contains(text(u"Imported 3 services rows from "_s + services + u"."_s)));
    CHECK(shellQuery(db, u"SELECT count(*) FROM services s JOIN firms f ON f.id = s.firm_id "
                         "WHERE f.code LIKE 'T-%'"_s) == "3");
    cli({u"check"_s, db}, Success);
}

TEST_CASE("cli import: a refused file exits 2, lists FILE:LINE:COLUMN problems, writes nothing",
          "[cli][import]")
{
    const TempDir dir;
    const QString db = importDemo(dir);
    const QByteArray before = shellDump(db);

    const QString dates = dataPath(u"bad/bad-date.csv"_s);
    const Run r = cli({u"import"_s, db, u"--kind"_s, u"services"_s, dates}, BadInput);
    CHECK_THAT(r.err, Contains(text(u"dlitracker-cli: "_s + dates +
                                    u": 2 problems in 2 rows; nothing was imported\n"_s)));
    CHECK_THAT(r.err, Contains(text(u"\n  "_s + dates +
                                    u":2:3: expected a date written YYYY-MM-DD, got "
                                    "\"15/07/2024\"\n"_s)));
    CHECK_THAT(r.err, Contains(text(u"\n  "_s + dates + u":3:3: expected a date"_s)));
    CHECK(r.out.empty());

    // Good rows first, then a bad one: nothing of the good rows is kept.
    QStringList lines{u"firm,service_type,date,provider,cost,status"_s};
    for (int i = 0; i < 2000; ++i)
        lines << u"SKT-SURG-001,training,2025-01-%1,Provider %2,10,completed"_s
                     .arg(i % 28 + 1, 2, 10, QChar(u'0'))
                     .arg(i);
    lines << u"SKT-SURG-001,training,2025-01-01,Provider 0,10,completed"_s;
    const QString late = importCsv(dir, u"late.csv"_s, lines);
    const Run l = cli({u"import"_s, db, u"--kind"_s, u"services"_s, late}, BadInput);
    CHECK_THAT(l.err, Contains(text(late + u":2002:1: SKT-SURG-001, training, 2025-01-01, "
                                           "Provider 0 appears twice in the file (also on line "
                                           "2)"_s)));

    // The validation rules refuse like any other bad row.
    const QString rule = dataPath(u"bad/obs-rule.csv"_s);
    const Run v = cli({u"import"_s, db, u"--kind"_s, u"observations"_s, rule}, BadInput);
    CHECK_THAT(v.err, Contains(text(rule + u":3:5: rule VR1 for FY2027-Q1 at SDH: More women "
                                           "trained than people trained (100 against 50)"_s)));

    // An XLSX file is located by sheet and cell.
    const QString book = dir.path(u"firms.xlsx"_s);
    writeImportWorkbook(book, {{u"Firms"_s,
                                {{u"code"_s, u"name"_s, u"cluster"_s, u"latitude"_s},
                                 {u"T-001"_s, u"Works"_s, u"SKT-SURG"_s, u"95"_s}}}});
    const Run x = cli({u"import"_s, db, u"--kind"_s, u"firms"_s, book}, BadInput);
    CHECK_THAT(x.err, Contains("\n  Firms!D2: latitude 95 is not between -90 and 90\n"));

    CHECK(shellDump(db) == before);
}

TEST_CASE("cli import: the problem list stops at the limit and counts the rest", "[cli][import]")
{
    const TempDir dir;
    const QString db = importDemo(dir);
    QStringList lines{u"firm,service_type,date,provider,cost,status"_s};
    for (int i = 0; i < 150; ++i)
        lines << u"SKT-SURG-001,training,2025-01-01,P%1,-%1,completed"_s.arg(i + 1);
    const QString path = importCsv(dir, u"negative.csv"_s, lines);
    const Run r = cli({u"import"_s, db, u"--kind"_s, u"services"_s, path}, BadInput);
    CHECK_THAT(r.err, Contains("150 problems in 150 rows; nothing was imported"));
    CHECK_THAT(r.err, Contains(text(path + u":2:5: cost cannot be negative\n"_s)));
    CHECK_THAT(r.err, Contains(text(path + u":101:5: cost cannot be negative\n"_s)));
    CHECK_THAT(r.err, !Contains(text(path + u":102:5:"_s)));
    CHECK_THAT(r.err, Contains("\n  ... and 50 more problems (150 in all)\n"));
    // The count is the importer's: nothing cuts the list shorter or counts it again.
    CHECK_THAT(r.err, !Contains("more problems (101 in all)"));
}

TEST_CASE("cli import: --dry-run checks every row and writes nothing", "[cli][import]")
{
    const TempDir dir;
    const QString db = importDemo(dir);
    const QByteArray before = shellDump(db);
    const QString path = importCsv(
        dir, u"observations.csv"_s,
        {u"indicator,period,org_unit,category,value"_s, u"LINKAGES,FY2027-Q1,SKT-SURG,,3"_s,
         u"JOBS,FY2027,SKT-SURG,women,40"_s, u"JOBS,FY2027,SKT-SURG,men,60"_s});
    const Run r =
        cli({u"import"_s, db, u"--kind"_s, u"observations"_s, path, u"--dry-run"_s}, Success);
    CHECK_THAT(r.err, Contains(text(u"Checked 3 rows of "_s + path +
                                    u": no problems. Nothing was written (--dry-run)."_s)));
    CHECK(shellDump(db) == before);

    // A dry run of a bad file is refused like a real one.
    const QString bad = dataPath(u"bad/obs-category.csv"_s);
    const Run b =
        cli({u"import"_s, db, u"--dry-run"_s, u"--kind"_s, u"observations"_s, bad}, BadInput);
    CHECK_THAT(b.err, Contains(text(bad + u":3:4: \"girls\" is not a sex category of JOBS"_s)));
    CHECK(shellDump(db) == before);

    // Without --dry-run the same file goes in.
    const Run real = cli({u"import"_s, db, u"--kind"_s, u"observations"_s, path}, Success);
    CHECK_THAT(real.err, Contains("Imported 3 observations rows"));
    CHECK(shellDump(db) != before);
}

TEST_CASE("cli import: --sheet picks an XLSX sheet and a missing sheet lists the sheets",
          "[cli][import]")
{
    const TempDir dir;
    const QString db = importDemo(dir);
    const QString book = dir.path(u"book.xlsx"_s);
    writeImportWorkbook(book, {{u"Notes"_s, {{u"Filled in by the Sialkot office"_s}}},
                               {u"Firm list"_s,
                                {{u"code"_s, u"name"_s, u"cluster"_s},
                                 {u"T-010"_s, u"Sheet Works"_s, u"SKT-SPRT"_s}}}});

    // The first sheet by default: here a note, not a table of firms.
    const Run first = cli({u"import"_s, db, u"--kind"_s, u"firms"_s, book}, BadInput);
    CHECK_THAT(first.err, Contains("Notes!A1: unknown column \"Filled in by the Sialkot office\""));

    const Run missing = cli(
        {u"import"_s, db, u"--kind"_s, u"firms"_s, book, u"--sheet"_s, u"Trainees"_s}, BadInput);
    CHECK_THAT(missing.err, Contains("Trainees"));
    CHECK_THAT(missing.err, Contains("Notes, Firm list"));

    const Run named = cli(
        {u"import"_s, db, u"--kind"_s, u"firms"_s, book, u"--sheet"_s, u"Firm list"_s}, Success);
    CHECK_THAT(named.err, Contains("Imported 1 firms rows"));
    CHECK(shellQuery(db, u"SELECT name FROM firms WHERE code = 'T-010'"_s) == "Sheet Works");
}

TEST_CASE("cli import: a missing or unknown --kind and a missing file are bad input",
          "[cli][import]")
{
    const TempDir dir;
    const QString db = importDemo(dir);
    const QByteArray before = shellDump(db);
    const QString file = dataPath(u"bad/negative.csv"_s);

    const Run none = cli({u"import"_s, db, file}, BadInput);
    CHECK_THAT(none.err, Contains(text(u"say what the file holds with --kind "_s + kKinds)));
    const Run bad = cli({u"import"_s, db, u"--kind"_s, u"people"_s, file}, BadInput);
    CHECK_THAT(bad.err, Contains(text(u"--kind is one of "_s + kKinds + u", not \"people\""_s)));

    const QString nowhere = dir.path(u"nowhere.csv"_s);
    const Run gone = cli({u"import"_s, db, u"--kind"_s, u"firms"_s, nowhere}, BadInput);
    CHECK_THAT(gone.err, Contains(text(nowhere + u": the file does not exist"_s)));

    const Run few = cli({u"import"_s, db, u"--kind"_s, u"firms"_s}, BadInput);
    CHECK_THAT(few.err, Contains("missing arguments"));

    const QString old = dir.path(u"old.xls"_s);
    writeFile(old, "not really a workbook");
    const Run xls = cli({u"import"_s, db, u"--kind"_s, u"firms"_s, old}, BadInput);
    CHECK_THAT(xls.err, Contains(".xls"));

    CHECK(shellDump(db) == before);
}

// ---------------------------------------------------------------------------------------------
// template

TEST_CASE("cli template: a CSV template holds the header line of the kind's columns",
          "[cli][template]")
{
    const TempDir dir;
    const QString out = dir.path(u"services.csv"_s);
    const Run r = cli({u"template"_s, u"--kind"_s, u"services"_s, out}, Success);
    CHECK_THAT(r.err, Contains(text(u"Wrote the services template "_s + out)));
    const QByteArray header = readFile(out);
    CHECK(header == specColumns(ImportKind::Services).join(u',').toUtf8() + "\r\n");
    CHECK(header == "firm,service_type,date,provider,cost,status\r\n");

    for (const QString& kind : kKinds.split(u'|')) {
        const QString path = dir.path(kind + u".csv"_s);
        if (QFileInfo::exists(path))
            continue;
        cli({u"template"_s, u"--kind"_s, kind, path}, Success);
        const auto k = dli::enumFromString(dli::kImportKindNames, kind);
        REQUIRE(k);
        CHECK(readFile(path) == specColumns(*k).join(u',').toUtf8() + "\r\n");
    }
}

TEST_CASE("cli template: an XLSX template from a database lists its codes on a second sheet",
          "[cli][template]")
{
    const TempDir dir;
    const QString db = importDemo(dir);
    const QString out = dir.path(u"observations.xlsx"_s);
    cli({u"template"_s, db, u"--kind"_s, u"observations"_s, out}, Success);

    auto opened = XlsxTableReader::open(out);
    REQUIRE(opened);
    CHECK(opened.value()->sheetNames() == QStringList{u"Observations"_s, u"Codes"_s});
    const auto header = sheetRows(out, u"Observations"_s);
    REQUIRE(header.size() == 1);
    CHECK(header[0].cells == specColumns(ImportKind::Observations));

    const auto codes = sheetRows(out, u"Codes"_s);
    REQUIRE(codes.size() > 10);
    CHECK(codes[0].cells == QStringList{u"Indicators"_s, u"Periods"_s, u"Org units"_s, u"Firms"_s});
    QStringList indicators, periods, units, firms;
    for (std::size_t i = 1; i < codes.size(); ++i) {
        const QStringList& c = codes[i].cells;
        QStringList* lists[] = {&indicators, &periods, &units, &firms};
        for (int column = 0; column < 4; ++column) {
            if (!c.value(column).isEmpty())
                *lists[column] << c.value(column);
        }
    }
    // The demo's reported and register indicators; SHARE_W is a formula and is never imported.
    CHECK(indicators == QStringList{u"STRATEGY"_s, u"DAYS_REG"_s, u"FIRMS_UPGRADE"_s,
                                    u"TRAINED_W"_s, u"TRAINED_ALL"_s, u"EXPORTERS_NEW"_s,
                                    u"LINKAGES"_s, u"JOBS"_s, u"EXPORT_USD"_s});
    CHECK(periods.contains(u"FY2027"_s));
    CHECK(periods.contains(u"FY2027-Q1"_s));
    CHECK(units == QStringList{u"PB"_s, u"SKT-SURG"_s, u"SKT-SPRT"_s, u"LHR-RMG"_s, u"LHR-FTW"_s,
                               u"LHR-AUTO"_s, u"GRW-LENG"_s, u"SDH"_s, u"ADRC"_s});
    CHECK(firms.size() == 345);
    CHECK(firms.contains(u"SKT-SURG-001"_s));

    // Without a database, an XLSX template has no Codes sheet.
    const QString bare = dir.path(u"firms.xlsx"_s);
    cli({u"template"_s, u"--kind"_s, u"firms"_s, bare}, Success);
    auto plain = XlsxTableReader::open(bare);
    REQUIRE(plain);
    CHECK(plain.value()->sheetNames() == QStringList{u"Firms"_s});
}

TEST_CASE("cli template: refuses a file that exists, an unknown kind and another extension",
          "[cli][template]")
{
    const TempDir dir;
    const QString csv = dir.path(u"taken.csv"_s);
    writeFile(csv, "keep me\n");
    const Run taken = cli({u"template"_s, u"--kind"_s, u"firms"_s, csv}, BadInput);
    CHECK_THAT(taken.err, Contains("already exists"));
    CHECK(readFile(csv) == "keep me\n");
    const QString xlsx = dir.path(u"taken.xlsx"_s);
    writeFile(xlsx, "keep me too\n");
    cli({u"template"_s, u"--kind"_s, u"firms"_s, xlsx}, BadInput);
    CHECK(readFile(xlsx) == "keep me too\n");

    const Run kind = cli({u"template"_s, u"--kind"_s, u"people"_s, dir.path(u"p.csv"_s)}, BadInput);
    CHECK_THAT(kind.err, Contains(text(u"--kind "_s + kKinds)));
    const Run noKind = cli({u"template"_s, dir.path(u"p.csv"_s)}, BadInput);
    CHECK_THAT(noKind.err, Contains("--kind"));
    const Run txt = cli({u"template"_s, u"--kind"_s, u"firms"_s, dir.path(u"p.txt"_s)}, BadInput);
    CHECK_THAT(txt.err, Contains("a template is written as .csv or .xlsx"));
    CHECK_FALSE(QFileInfo::exists(dir.path(u"p.csv"_s)));
    CHECK_FALSE(QFileInfo::exists(dir.path(u"p.txt"_s)));
}

TEST_CASE("cli template: a template filled in imports back", "[cli][template][import]")
{
    const TempDir dir;
    const QString db = importDemo(dir);

    // CSV: rows added under the header, as a spreadsheet saved as CSV would.
    const QString firms = dir.path(u"firms.csv"_s);
    cli({u"template"_s, db, u"--kind"_s, u"firms"_s, firms}, Success);
    QByteArray filled = readFile(firms);
    filled += "T-500,Template Works,GRW-LENG,Gujranwala,,medium,no,yes,32.16,74.19,\r\n"
              "T-501,Template Works Two,GRW-LENG,,,,,,,,\r\n";
    writeFile(firms, filled);
    const Run f = cli({u"import"_s, db, u"--kind"_s, u"firms"_s, firms}, Success);
    CHECK_THAT(f.err, Contains("Imported 2 firms rows"));

    // XLSX: the template's header row, read back, with rows under it in the template's sheet.
    const QString observations = dir.path(u"observations.xlsx"_s);
    cli({u"template"_s, db, u"--kind"_s, u"observations"_s, observations}, Success);
    const auto header = sheetRows(observations, u"Observations"_s);
    REQUIRE(header.size() == 1);
    const QString filledBook = dir.path(u"observations-filled.xlsx"_s);
    writeImportWorkbook(filledBook,
                        {{u"Observations"_s,
                          {header[0].cells,
                           {u"LINKAGES"_s, u"FY2027-Q2"_s, u"GRW-LENG"_s, u""_s, u"7"_s,
                            u"cluster survey"_s, u"from the template"_s},
                           {u"JOBS"_s, u"FY2027"_s, u"GRW-LENG"_s, u"women"_s, u"12"_s}}}});
    const Run o = cli({u"import"_s, db, u"--kind"_s, u"observations"_s, filledBook}, Success);
    CHECK_THAT(o.err, Contains("Imported 2 observations rows"));
    CHECK(shellQuery(db, u"SELECT o.note FROM observations o JOIN indicators i ON i.id = "
                         "o.indicator_id WHERE i.code = 'LINKAGES' AND o.period = "
                         "'FY2027-Q2'"_s) == "from the template");

    // Services for the firms just imported, through the template too.
    const QString services = dir.path(u"services.csv"_s);
    cli({u"template"_s, u"--kind"_s, u"services"_s, services}, Success);
    writeFile(services, readFile(services) + "T-500,exhibition,2026-04-01,TDAP,5000,completed\r\n");
    cli({u"import"_s, db, u"--kind"_s, u"services"_s, services}, Success);
    CHECK(shellQuery(db, u"SELECT s.service_type FROM services s JOIN firms f ON f.id = "
                         "s.firm_id WHERE f.code = 'T-500'"_s) == "exhibition");
    cli({u"check"_s, db}, Success);
}
