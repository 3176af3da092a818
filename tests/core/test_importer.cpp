// The importer against the demo database: every kind of refused row, in CSV and in XLSX, with
// its exact location; the forgiving parts (header names, delimiters, BOM, quoted line breaks);
// the problem limit; dry runs, cancelling and the all-or-nothing guarantee as `sqlite3 DB .dump`
// sees it; and successful imports of each kind.
#include "core/io/csv_table_reader.h"
#include "core/io/demo.h"
#include "core/io/importer.h"
#include "core/io/table_reader.h"
#include "core/storage/session.h"
#include "support/test_support.h"

#include <QByteArray>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <algorithm>
#include <memory>
#include <xlsxwriter.h>

using namespace Qt::StringLiterals;
using dli::CsvTableReader;
using dli::Demo;
using dli::Error;
using dli::ErrorCode;
using dli::Importer;
using dli::ImportKind;
using dli::ImportOptions;
using dli::ImportReport;
using dli::Observation;
using dli::Program;
using dli::RegisterRepository;
using dli::Result;
using dli::Session;
using dli::TableRow;
using dli::test::dataPath;
using dli::test::TempDir;
using dli::test::writeFile;

inline std::ostream& operator<<(std::ostream& os, const QStringList& list)
{
    return os << "[\n  " << list.join(u"\n  "_s).toStdString() << "\n]";
}

namespace {

// ---------------------------------------------------------------------------------------------
// Helpers

// "Services" for ImportKind::Services: the sheet name the template writer gives.
QString sheetOf(ImportKind kind)
{
    QString name = enumToString(dli::kImportKindNames, kind);
    name[0] = name[0].toUpper();
    return name;
}

// A new demo database, opened, for one test case (the demo takes a moment to make).
class DemoStore {
public:
    DemoStore() : m_path(m_dir.path(u"demo.dlidb"_s))
    {
        const auto made = Demo::create(m_path);
        if (!made)
            FAIL("cannot make the demo: " << made.error().text());
        open();
    }

    QString path() const { return m_path; }
    QString file(const QString& name) const { return m_dir.path(name); }
    Session& session() { return *m_session; }
    const Program& program() const { return m_program; }

    void open()
    {
        auto s = Session::open(m_path);
        if (!s)
            FAIL("cannot open the demo: " << s.error().text());
        m_session = std::move(s).value();
        // The demo's officer imports the files.
        if (auto officer = m_session->users().find(u"officer"_s); officer && officer.value())
            m_session->setCurrentUser(*officer.value());
        auto p = m_session->programs().load();
        if (!p)
            FAIL("cannot load the demo program: " << p.error().text());
        m_program = std::move(p).value();
    }
    void close() { m_session.reset(); }

    Result<ImportReport> import(ImportKind kind, const QString& path, const QString& sheet = {},
                                bool dryRun = false)
    {
        ImportOptions options;
        options.kind = kind;
        options.path = path;
        options.sheet = sheet;
        options.dryRun = dryRun;
        return Importer::run(*m_session, m_program, options);
    }
    Result<ImportReport> import(const ImportOptions& options)
    {
        return Importer::run(*m_session, m_program, options);
    }

    std::int64_t count(ImportKind kind)
    {
        auto n = kind == ImportKind::Observations ? m_session->observations().count()
                                                  : m_session->registers().count(kind);
        REQUIRE(n);
        return n.value();
    }

    // The first column of the first row of a query, as text; empty when there is no row.
    QString text(const QString& sql)
    {
        auto stmt = m_session->database().prepare(sql);
        if (!stmt)
            FAIL(stmt.error().text());
        auto row = stmt->step();
        REQUIRE(row);
        return row.value() ? stmt->text(0) : QString();
    }

private:
    TempDir m_dir;
    QString m_path;
    std::unique_ptr<Session> m_session;
    Program m_program;
};

// Fails the test with the importer's problems when the import was refused.
ImportReport mustImport(Result<ImportReport> result)
{
    if (!result)
        FAIL("the import was refused: " << result.error().text());
    return std::move(result).value();
}

QString csvText(const QStringList& lines)
{
    return lines.join(u"\r\n"_s) + u"\r\n"_s;
}

QString writeCsv(const DemoStore& store, const QString& name, const QStringList& lines)
{
    const QString path = store.file(name);
    writeFile(path, csvText(lines).toUtf8());
    return path;
}

// One sheet of a workbook written with libxlsxwriter: rows of text cells, each at its row
// number (1-based), so that gaps stay gaps.
struct Sheet {
    QString name;
    QList<std::pair<qint64, QStringList>> rows;
};

void writeWorkbook(const QString& path, const QList<Sheet>& sheets)
{
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook* book = workbook_new(file.constData());
    REQUIRE(book);
    for (const Sheet& s : sheets) {
        const QByteArray name = s.name.toUtf8();
        lxw_worksheet* sheet = workbook_add_worksheet(book, name.constData());
        REQUIRE(sheet);
        for (const auto& [line, cells] : s.rows) {
            for (qsizetype c = 0; c < cells.size(); ++c) {
                if (cells[c].isEmpty())
                    continue;
                const QByteArray text = cells[c].toUtf8();
                REQUIRE(worksheet_write_string(sheet, static_cast<lxw_row_t>(line - 1),
                                               static_cast<lxw_col_t>(c), text.constData(),
                                               nullptr) == LXW_NO_ERROR);
            }
        }
    }
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);
}

// The same table as a workbook: every cell as text, every row on the line it had in the CSV, so
// that "x.csv:4:3" there is "Sheet!C4" here.
void csvToWorkbook(const QString& csvPath, const QString& xlsxPath, const QString& sheetName)
{
    auto reader = CsvTableReader::open(csvPath);
    if (!reader)
        FAIL(reader.error().text());
    Sheet sheet{sheetName, {}};
    TableRow row;
    for (;;) {
        const auto more = reader.value()->next(row);
        if (!more)
            FAIL(more.error().text());
        if (!more.value())
            break;
        sheet.rows.append({row.line, row.cells});
    }
    writeWorkbook(xlsxPath, {sheet});
}

// Runs the sqlite3 shell's .dump on a database: its whole content as SQL text.
QByteArray sqliteDump(const QString& db)
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
        out += process.readAllStandardOutput(); // the dump is larger than a pipe holds
    out += process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    INFO("sqlite3 " << db << " .dump: " << err.toStdString());
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    REQUIRE(process.exitCode() == 0);
    REQUIRE(err.isEmpty());
    REQUIRE(out.contains("CREATE TABLE firms"));
    return out;
}

// The demo's firm codes, sorted.
QStringList firmCodes(DemoStore& store)
{
    auto ids = store.session().registers().firmIds();
    REQUIRE(ids);
    QStringList codes = ids->keys();
    codes.sort();
    REQUIRE(codes.size() > 300);
    return codes;
}

QString key(const QStringList& parts)
{
    return parts.join(RegisterRepository::KeySeparator);
}

// ---------------------------------------------------------------------------------------------
// The table of refused files in tests/data/bad/

// A problem the importer must report. line and column are 1-based; column 0 is a problem of a
// whole row of the header (located "FILE:LINE"); line 0 is a problem of the whole file (located
// by the file alone, with no details).
struct Expected {
    qint64 line = 0;
    int column = 0;
    QStringList words; // all in the problem's message
};

struct BadFile {
    QString name; // under tests/data/bad/
    ImportKind kind;
    QList<Expected> problems; // all of them, in the order reported
};

QList<BadFile> badFiles()
{
    const QString services = u"firm, service_type, date, provider, cost, status"_s;
    return {
        // The header row
        {u"unknown-column.csv"_s,
         ImportKind::Services,
         {{1,
           7,
           {u"unknown column \"Colour\""_s, u"a services file has the columns "_s + services}}}},
        {u"missing-column.csv"_s,
         ImportKind::Services,
         {{1, 0, {u"the required column \"date\" is missing"_s}},
          {1, 0, {u"the required column \"status\" is missing"_s}}}},
        {u"column-twice.csv"_s, ImportKind::Firms, {{1, 4, {u"column \"name\" appears twice"_s}}}},
        {u"empty.csv"_s,
         ImportKind::Services,
         {{0, 0, {u"the file is empty"_s, u"must name the columns: "_s + services}}}},
        // Values of registers
        {u"required-missing.csv"_s,
         ImportKind::Services,
         {{2, 6, {u"status is required"_s}}, {3, 1, {u"firm is required"_s}}}},
        {u"bad-date.csv"_s,
         ImportKind::Services,
         {{2, 3, {u"expected a date written YYYY-MM-DD, got \"15/07/2024\""_s}},
          {3, 3, {u"expected a date written YYYY-MM-DD, got \"2024-02-30\""_s}}}},
        {u"date-outside.csv"_s,
         ImportKind::Trainees,
         {{2, 6, {u"2019-03-01 lies outside the program, which runs from FY2022 to FY2027"_s}}}},
        {u"period.csv"_s,
         ImportKind::Exports,
         {{2, 2, {u"\"next year\" is not a period"_s, u"FY2025-Q1"_s}},
          {3,
           2,
           {u"\"2025\" is not a period"_s, u"ambiguous (calendar or fiscal year?)"_s,
            u"write FY2025 or 2024-25"_s}},
          {4, 2, {u"FY2035 lies outside the program, which runs from FY2022 to FY2027"_s}},
          {5, 2, {u"ambiguous (calendar or fiscal quarter?)"_s}}}},
        {u"not-a-number.csv"_s,
         ImportKind::Services,
         {{2, 5, {u"expected a number, got \"ten\""_s}}}},
        {u"negative.csv"_s, ImportKind::Services, {{2, 5, {u"cost cannot be negative"_s}}}},
        {u"exports-negative.csv"_s,
         ImportKind::Exports,
         {{2, 3, {u"value_pkr cannot be negative"_s}}}},
        {u"latitude.csv"_s,
         ImportKind::Firms,
         {{2, 4, {u"latitude 91.5 is not between -90 and 90"_s}},
          {3, 5, {u"longitude -181 is not between -180 and 180"_s}}}},
        {u"boolean.csv"_s,
         ImportKind::Firms,
         {{2, 4, {u"expected yes or no, got \"maybe\""_s}},
          {3, 5, {u"expected yes or no, got \"2\""_s}}}},
        {u"choice.csv"_s,
         ImportKind::Services,
         {{2,
           2,
           {u"expected one of training, design, certification, exhibition, lead_firm_linkage, "
            "consultancy, common_facility, other; got \"massage\""_s}},
          {3, 6, {u"expected one of planned, ongoing, completed, cancelled; got \"done\""_s}}}},
        {u"unknown-firm.csv"_s,
         ImportKind::Services,
         {{2, 1, {u"unknown firm \"NOPE-001\""_s, u"firms register first"_s}}}},
        {u"unknown-cluster.csv"_s,
         ImportKind::Firms,
         {{2, 3, {u"\"SDH\" is not a cluster of the program"_s}},
          {3, 3, {u"\"NOWHERE\" is not a cluster of the program"_s}}}},
        {u"unknown-centre.csv"_s,
         ImportKind::Trainees,
         {{2, 4, {u"\"LHR-RMG\" is not a centre of the program"_s}}}},
        {u"duplicate-in-file.csv"_s,
         ImportKind::Services,
         {{4,
           1,
           {u"SKT-SURG-001, training, 2024-07-15, PSIC appears twice in the file (also on line "
            "2)"_s}}}},
        {u"duplicate-in-store.csv"_s,
         ImportKind::Firms,
         {{2, 1, {u"SKT-SURG-001 is already in the database"_s}}}},
        {u"exports-duplicate-in-store.csv"_s,
         ImportKind::Exports,
         {{2, 1, {u"SKT-SURG-002, FY2024, customs is already in the database"_s}}}},
        {u"bad-uuid.csv"_s,
         ImportKind::Firms,
         {{2, 1, {u"\"not-a-uuid\" is not a UUID"_s}},
          {3, 1, {u"\"{3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b}\" is not a UUID"_s}},
          {5, 1, {u"the id 3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b appears twice in the file"_s}}}},
        // Observations
        {u"obs-period.csv"_s,
         ImportKind::Observations,
         {{2, 2, {u"FY2035-Q1 lies outside the program"_s}},
          {3, 2, {u"\"2026\" is not a period"_s, u"ambiguous"_s}}}},
        {u"obs-not-a-number.csv"_s,
         ImportKind::Observations,
         {{2, 5, {u"expected a number, got \"lots\""_s}}}},
        {u"obs-negative.csv"_s, ImportKind::Observations, {{2, 5, {u"-3 cannot be negative"_s}}}},
        {u"obs-unknown-codes.csv"_s,
         ImportKind::Observations,
         {{2, 1, {u"unknown indicator \"NOPE\""_s}}, {3, 3, {u"unknown org unit \"NOWHERE\""_s}}}},
        {u"obs-level.csv"_s,
         ImportKind::Observations,
         {{2, 3, {u"DAYS_REG is reported per program, and SKT-SURG is a cluster"_s}},
          {3, 3, {u"TRAINED_W is reported per centre, and PB is a program"_s}}}},
        {u"obs-frequency.csv"_s,
         ImportKind::Observations,
         {{2, 2, {u"JOBS is reported yearly; give a fiscal year such as FY2027"_s}},
          {3, 2, {u"DAYS_REG is reported quarterly; give a quarter such as FY2027-Q1"_s}}}},
        {u"obs-category.csv"_s,
         ImportKind::Observations,
         {{2, 4, {u"JOBS is reported by sex; give one of women, men"_s}},
          {3, 4, {u"\"girls\" is not a sex category of JOBS; give one of women, men"_s}},
          {4, 4, {u"DAYS_REG has no disaggregation; leave the category empty"_s}}}},
        {u"obs-yes-no.csv"_s,
         ImportKind::Observations,
         {{2, 5, {u"STRATEGY is reported as 1 for yes or 0 for no, not 2"_s}},
          {3, 1, {u"SHARE_W is computed by a formula and is not reported"_s}}}},
        {u"obs-duplicate.csv"_s,
         ImportKind::Observations,
         {{4, 1, {u"JOBS, FY2027, SKT-SURG, women appears twice in the file (also on line 2)"_s}},
          {5, 1, {u"DAYS_REG, FY2025-Q1, PB is already in the database"_s}}}},
        {u"obs-rule.csv"_s,
         ImportKind::Observations,
         {{3,
           5,
           {u"rule VR1 for FY2027-Q1 at SDH: More women trained than people trained (100 against "
            "50)"_s}},
          {3, 5, {u"rule VR2 for FY2027-Q1 at SDH"_s, u"(200 against 100)"_s}}}},
    };
}

// Where a problem must be reported: "x.csv:4:3" in CSV, "Services!C4" in XLSX.
QString locationOf(const QString& source, const QString& sheet, const Expected& e)
{
    if (e.column == 0)
        return source + u':' + QString::number(e.line);
    if (sheet.isEmpty())
        return source + u':' + QString::number(e.line) + u':' + QString::number(e.column);
    return sheet + u'!' + QChar(u'A' + e.column - 1) + QString::number(e.line);
}

// Imports a bad file and checks that it is refused with exactly the expected problems, and
// that nothing was written.
void checkRefused(DemoStore& store, const BadFile& c, const QString& path, const QString& sheet)
{
    INFO(c.name << " read as " << (sheet.isEmpty() ? "CSV" : "XLSX"));
    const std::int64_t before = store.count(c.kind);
    const auto result = store.import(c.kind, path);
    REQUIRE_FALSE(result);
    const Error& e = result.error();
    INFO(e.text());
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.location == path);
    if (c.problems.size() == 1 && c.problems[0].line == 0) {
        for (const QString& w : c.problems[0].words)
            CHECK(e.message.contains(w));
        CHECK(e.details.isEmpty());
    } else {
        CHECK(e.message.contains(u"nothing was imported"_s));
        REQUIRE(e.details.size() == c.problems.size());
        for (qsizetype i = 0; i < c.problems.size(); ++i) {
            const QString where = locationOf(path, sheet, c.problems[i]) + u": "_s;
            INFO("problem " << i << ": " << e.details[i] << "\nexpected at " << where);
            CHECK(e.details[i].startsWith(where));
            for (const QString& w : c.problems[i].words) {
                INFO("expected words: " << w);
                CHECK(e.details[i].contains(w));
            }
        }
    }
    CHECK(store.count(c.kind) == before);
}

// A line of a services file that passes every check.
QString serviceLine(const QString& firm, int n)
{
    const QDate date = QDate(2024, 7, 1).addDays(n % 700);
    return firm + u",training,"_s + date.toString(Qt::ISODate) + u",Provider "_s +
           QString::number(n) + u",1500.25,completed"_s;
}

QStringList goodServices(const QStringList& firms, int rows)
{
    QStringList lines{u"firm,service_type,date,provider,cost,status"_s};
    for (int i = 0; i < rows; ++i)
        lines << serviceLine(firms[i % firms.size()], i);
    return lines;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Every kind of refused file

TEST_CASE("Importer refuses every bad CSV fixture with its line, column and reason",
          "[import][csv]")
{
    DemoStore store;
    for (const BadFile& c : badFiles())
        checkRefused(store, c, dataPath(u"bad/"_s + c.name), {});
}

TEST_CASE("Importer refuses every bad fixture as XLSX with its sheet and cell", "[import][xlsx]")
{
    DemoStore store;
    for (const BadFile& c : badFiles()) {
        const QString sheet = sheetOf(c.kind);
        const QString xlsx = store.file(QString(c.name).replace(u".csv"_s, u".xlsx"_s));
        csvToWorkbook(dataPath(u"bad/"_s + c.name), xlsx, sheet);
        checkRefused(store, c, xlsx, sheet);
    }
}

TEST_CASE("Importer fixtures of bad files are all in the table of cases", "[import]")
{
    // A fixture added to tests/data/bad/ without a case would never be run.
    QStringList named;
    for (const BadFile& c : badFiles())
        named << c.name;
    named.sort();
    QStringList present = QDir(dataPath(u"bad"_s)).entryList({u"*.csv"_s}, QDir::Files);
    present.sort();
    CHECK(present == named);
}

TEST_CASE("Importer names a sheet that is not a plain word in quotes", "[import][xlsx]")
{
    DemoStore store;
    const QString xlsx = store.file(u"firms.xlsx"_s);
    writeWorkbook(xlsx, {{u"Notes"_s, {{1, {u"read me"_s}}}},
                         {u"Firm list"_s,
                          {{1, {u"code"_s, u"name"_s, u"cluster"_s}},
                           {3, {u"T-001"_s, u"Test Works"_s, u"SDH"_s}}}}});
    const auto result = store.import(ImportKind::Firms, xlsx, u"firm list"_s);
    REQUIRE_FALSE(result);
    REQUIRE(result.error().details.size() == 1);
    CHECK(result.error().details[0] ==
          u"'Firm list'!C3: \"SDH\" is not a cluster of the program"_s);
}

// ---------------------------------------------------------------------------------------------
// What the importer forgives

TEST_CASE("Importer maps header names in any case with spaces, hyphens or underscores", "[import]")
{
    DemoStore store;
    const std::int64_t services = store.count(ImportKind::Services);
    const QString spaced =
        writeCsv(store, u"spaced.csv"_s,
                 {u"Firm,SERVICE TYPE,Date,Provider,COST,Status"_s,
                  u"SKT-SURG-001,Lead firm linkage,2025-01-10,Spaced Ltd,10,Completed"_s});
    CHECK(mustImport(store.import(ImportKind::Services, spaced)).written == 1);
    const QString hyphen =
        writeCsv(store, u"hyphen.csv"_s,
                 {u" firm , service-type ,date,provider,cost,status"_s,
                  u"SKT-SURG-001,common facility,2025-01-11,Hyphen Ltd,,planned"_s});
    CHECK(mustImport(store.import(ImportKind::Services, hyphen)).written == 1);
    CHECK(store.count(ImportKind::Services) == services + 2);
    auto keys = store.session().registers().existingKeys(ImportKind::Services);
    REQUIRE(keys);
    // Choices are stored in their canonical spelling.
    CHECK(keys->contains(
        key({u"SKT-SURG-001"_s, u"lead_firm_linkage"_s, u"2025-01-10"_s, u"Spaced Ltd"_s})));
    CHECK(keys->contains(
        key({u"SKT-SURG-001"_s, u"common_facility"_s, u"2025-01-11"_s, u"Hyphen Ltd"_s})));

    const QString observations = writeCsv(store, u"observations.csv"_s,
                                          {u"INDICATOR,Period,Org unit,Category,Value,Source"_s,
                                           u"LINKAGES,FY2027-Q1,SKT-SURG,,4,survey"_s});
    CHECK(mustImport(store.import(ImportKind::Observations, observations)).written == 1);
    // "Org-Unit" is the same column as "org unit": refused as a column given twice.
    const QString twice = writeCsv(store, u"twice.csv"_s,
                                   {u"indicator,period,Org-Unit,org unit,value"_s,
                                    u"LINKAGES,FY2027-Q2,SKT-SURG,SKT-SURG,4"_s});
    const auto refused = store.import(ImportKind::Observations, twice);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().details ==
          QStringList{twice + u":1:4: column \"org_unit\" appears twice"_s});
}

TEST_CASE("Importer reads semicolon CSV with a byte order mark and quoted line breaks",
          "[import][csv]")
{
    DemoStore store;
    const std::int64_t services = store.count(ImportKind::Services);
    const QString semicolon = store.file(u"semicolon.csv"_s);
    writeFile(semicolon, "\xEF\xBB\xBF"
                         "firm;service_type;date;provider;cost;status\r\n"
                         "SKT-SURG-001;design;2025-02-01;\"Design; Co\";250.50;completed\r\n"
                         "SKT-SURG-002;\"consultancy\";2025-02-02;\"Lahore\nDesk\";;ongoing\r\n"
                         "\r\n"
                         "SKT-SURG-003;training;2025-02-03;\"He said \"\"yes\"\"\";0;planned\r\n");
    const ImportReport report = mustImport(store.import(ImportKind::Services, semicolon));
    CHECK(report.rows == 3);
    CHECK(report.written == 3);
    CHECK(store.count(ImportKind::Services) == services + 3);
    auto keys = store.session().registers().existingKeys(ImportKind::Services);
    REQUIRE(keys);
    CHECK(keys->contains(key({u"SKT-SURG-001"_s, u"design"_s, u"2025-02-01"_s, u"Design; Co"_s})));
    CHECK(keys->contains(
        key({u"SKT-SURG-002"_s, u"consultancy"_s, u"2025-02-02"_s, u"Lahore\nDesk"_s})));
    CHECK(keys->contains(
        key({u"SKT-SURG-003"_s, u"training"_s, u"2025-02-03"_s, u"He said \"yes\""_s})));
    CHECK(store.text(u"SELECT cost FROM services WHERE provider = 'Design; Co'"_s) == u"250.5"_s);
    CHECK(store.text(u"SELECT coalesce(cost, 'null') FROM services WHERE provider LIKE "
                     "'Lahore%'"_s) == u"null"_s);

    // Lines are physical lines: a record after a quoted line break and a blank line is located
    // where it stands in the file.
    const QString located = store.file(u"located.csv"_s);
    writeFile(located, "\xEF\xBB\xBF"
                       "firm;service_type;date;provider;cost;status\n"
                       "SKT-SURG-001;design;2025-03-01;\"two\nlines\";1;completed\n"
                       "\n"
                       "SKT-SURG-001;design;2025-03-02;one line;1;finished\n");
    const auto refused = store.import(ImportKind::Services, located);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().details ==
          QStringList{located + u":5:6: expected one of planned, ongoing, completed, cancelled; "
                                "got \"finished\""_s});
}

// ---------------------------------------------------------------------------------------------
// The problem limit

TEST_CASE("Importer lists problems up to the limit and counts the rest", "[import]")
{
    DemoStore store;
    QStringList lines{u"firm,service_type,date,provider,cost,status"_s};
    for (int i = 0; i < 150; ++i)
        lines << u"SKT-SURG-001,training,2024-07-%1x,P,1,completed"_s.arg(i % 28 + 1, 2, 10,
                                                                          QChar(u'0'));
    const QString path = writeCsv(store, u"many.csv"_s, lines);

    const auto byDefault = store.import(ImportKind::Services, path);
    REQUIRE_FALSE(byDefault);
    const Error& e = byDefault.error();
    CHECK(e.message == u"150 problems in 150 rows; nothing was imported"_s);
    REQUIRE(e.details.size() == 101);
    CHECK(e.details[0].startsWith(path + u":2:3: expected a date written YYYY-MM-DD"_s));
    CHECK(e.details[99].startsWith(path + u":101:3: "_s));
    CHECK(e.details[100] == u"... and 50 more problems (150 in all)"_s);

    ImportOptions options;
    options.kind = ImportKind::Services;
    options.path = path;
    options.maxProblems = 10;
    const auto limited = store.import(options);
    REQUIRE_FALSE(limited);
    REQUIRE(limited.error().details.size() == 11);
    CHECK(limited.error().details[9].startsWith(path + u":11:3: "_s));
    CHECK(limited.error().details[10] == u"... and 140 more problems (150 in all)"_s);

    // At the limit exactly, there is no count of the rest.
    options.maxProblems = 150;
    const auto all = store.import(options);
    REQUIRE_FALSE(all);
    CHECK(all.error().details.size() == 150);
}

// ---------------------------------------------------------------------------------------------
// Successful imports

TEST_CASE("Importer writes firms then services trainees exports and observations", "[import]")
{
    DemoStore store;
    const std::int64_t firms = store.count(ImportKind::Firms);
    const std::int64_t services = store.count(ImportKind::Services);
    const std::int64_t trainees = store.count(ImportKind::Trainees);
    const std::int64_t exports = store.count(ImportKind::Exports);
    const std::int64_t observations = store.count(ImportKind::Observations);

    const QString firmFile = writeCsv(
        store, u"firms.csv"_s,
        {u"code,name,cluster,district,ntn,size_class,women_owned,export_oriented,latitude,"
         "longitude,contact"_s,
         u"T-100,Test Works,SKT-SPRT,Sialkot,1234567-8,Small,Yes,no,32.4945,74.5229,0300-1234567"_s,
         u"T-101,\"Test Works, Two\",LHR-FTW,Lahore,,,,,,,"_s});
    const ImportReport firmReport = mustImport(store.import(ImportKind::Firms, firmFile));
    CHECK(firmReport.rows == 2);
    CHECK(firmReport.written == 2);
    CHECK(firmReport.warnings.isEmpty());
    CHECK(store.count(ImportKind::Firms) == firms + 2);
    auto clusters = store.session().registers().firmClusters();
    REQUIRE(clusters);
    CHECK(clusters->value(u"T-100"_s) == u"SKT-SPRT"_s);
    CHECK(clusters->value(u"T-101"_s) == u"LHR-FTW"_s);
    CHECK(store.text(u"SELECT name || '|' || size_class || '|' || women_owned || '|' || "
                     "export_oriented || '|' || latitude || '|' || contact FROM firms WHERE code "
                     "= 'T-100'"_s) == u"Test Works|small|1|0|32.4945|0300-1234567"_s);
    CHECK(store.text(u"SELECT name || '|' || coalesce(women_owned, 'null') || '|' || "
                     "coalesce(latitude, 'null') FROM firms WHERE code = 'T-101'"_s) ==
          u"Test Works, Two|null|null"_s);

    // Services and trainees may name the firms just imported.
    const QString serviceFile =
        writeCsv(store, u"services.csv"_s,
                 {u"firm,service_type,date,provider,cost,status"_s,
                  u"T-100,certification,2026-01-15,PSIC Sialkot,1234.50,completed"_s,
                  u"T-101,exhibition,2026-02-01,,,planned"_s,
                  u"SKT-SURG-001,design,2026-02-01,Design Hub,0,ongoing"_s});
    CHECK(mustImport(store.import(ImportKind::Services, serviceFile)).written == 3);
    CHECK(store.count(ImportKind::Services) == services + 3);
    auto serviceKeys = store.session().registers().existingKeys(ImportKind::Services);
    REQUIRE(serviceKeys);
    CHECK(serviceKeys->contains(
        key({u"T-100"_s, u"certification"_s, u"2026-01-15"_s, u"PSIC Sialkot"_s})));
    CHECK(serviceKeys->contains(key({u"T-101"_s, u"exhibition"_s, u"2026-02-01"_s, u""_s})));
    CHECK(store
              .text(u"SELECT s.cost || '|' || s.status || '|' || s.entered_by FROM services s "
                    "JOIN firms f ON f.id = s.firm_id WHERE f.code = 'T-100'"_s)
              .startsWith(u"1234.5|completed|"_s));

    const QString traineeFile = writeCsv(store, u"trainees.csv"_s,
                                         {u"person_key,sex,firm,centre,course,date,completed"_s,
                                          u"K-1,female,T-100,SDH,Shoe design,2026-03-01,yes"_s,
                                          u"K-2,Male,,ADRC,Pattern making,2026-03-02,0"_s});
    CHECK(mustImport(store.import(ImportKind::Trainees, traineeFile)).written == 2);
    CHECK(store.count(ImportKind::Trainees) == trainees + 2);
    CHECK(store.text(u"SELECT t.sex || '|' || f.code || '|' || u.code || '|' || t.completed FROM "
                     "trainees t JOIN firms f ON f.id = t.firm_id JOIN org_units u ON u.id = "
                     "t.centre_id WHERE t.person_key = 'K-1'"_s) == u"female|T-100|SDH|1"_s);
    CHECK(store.text(u"SELECT sex || '|' || coalesce(firm_id, 'null') || '|' || completed FROM "
                     "trainees WHERE person_key = 'K-2'"_s) == u"male|null|0"_s);

    const QString exportFile = writeCsv(store, u"exports.csv"_s,
                                        {u"firm,period,value_pkr,value_usd,source"_s,
                                         u"T-100,FY2026,28000000,100000.5,customs"_s,
                                         u"T-100,FY2027-Q1,,5000,self-reported"_s});
    CHECK(mustImport(store.import(ImportKind::Exports, exportFile)).written == 2);
    CHECK(store.count(ImportKind::Exports) == exports + 2);
    auto exportKeys = store.session().registers().existingKeys(ImportKind::Exports);
    REQUIRE(exportKeys);
    CHECK(exportKeys->contains(key({u"T-100"_s, u"FY2026"_s, u"customs"_s})));
    CHECK(exportKeys->contains(key({u"T-100"_s, u"FY2027-Q1"_s, u"self_reported"_s})));
    CHECK(store.text(u"SELECT period || '|' || start_date || '|' || end_date || '|' || value_usd "
                     "FROM exports WHERE period = 'FY2026' AND firm_id = (SELECT id FROM firms "
                     "WHERE code = 'T-100')"_s) == u"FY2026|2025-07-01|2026-06-30|100000.5"_s);

    const QString observationFile =
        writeCsv(store, u"observations.csv"_s,
                 {u"indicator,period,org_unit,category,value,source,note"_s,
                  u"LINKAGES,FY2027-Q1,SKT-SURG,,4,cluster survey,first quarter"_s,
                  u"JOBS,FY2027,LHR-RMG,women,120,payroll,"_s,
                  u"JOBS,FY2027,LHR-RMG,men,80.5,payroll,"_s, u"TRAINED_W,FY2027-Q1,SDH,,40,,"_s,
                  u"TRAINED_ALL,FY2027-Q1,SDH,,90,,"_s, u"STRATEGY,FY2027-Q1,PB,,1,,"_s});
    const ImportReport obsReport =
        mustImport(store.import(ImportKind::Observations, observationFile));
    CHECK(obsReport.rows == 6);
    CHECK(obsReport.written == 6);
    CHECK(store.count(ImportKind::Observations) == observations + 6);
    auto all = store.session().observations().all();
    REQUIRE(all);
    const auto find = [&](const QString& indicator, const QString& period, const QString& unit,
                          const QString& category) -> const Observation* {
        for (const Observation& o : all.value()) {
            if (o.indicator == indicator && o.period.code() == period && o.orgUnit == unit &&
                o.category == category)
                return &o;
        }
        return nullptr;
    };
    const Observation* linkages = find(u"LINKAGES"_s, u"FY2027-Q1"_s, u"SKT-SURG"_s, {});
    REQUIRE(linkages);
    CHECK(linkages->value == dli::Decimal::fromInt(4));
    CHECK(linkages->source == u"cluster survey"_s);
    CHECK(linkages->note == u"first quarter"_s);
    CHECK(linkages->state == u"draft"_s);
    CHECK_FALSE(linkages->reporter.isEmpty());
    CHECK_FALSE(QUuid::fromString(linkages->id).isNull());
    const Observation* men = find(u"JOBS"_s, u"FY2027"_s, u"LHR-RMG"_s, u"men"_s);
    REQUIRE(men);
    CHECK(men->value.toString() == u"80.5"_s);
    CHECK(find(u"JOBS"_s, u"FY2027"_s, u"LHR-RMG"_s, u"women"_s));
    CHECK(find(u"TRAINED_ALL"_s, u"FY2027-Q1"_s, u"SDH"_s, {}));

    // Imported again, every row is a duplicate of the store.
    const auto again = store.import(ImportKind::Observations, observationFile);
    REQUIRE_FALSE(again);
    CHECK(again.error().details.size() == 6);
    CHECK(again.error().details[0] ==
          observationFile + u":2:1: LINKAGES, FY2027-Q1, SKT-SURG is already in the database"_s);
    const auto firmsAgain = store.import(ImportKind::Firms, firmFile);
    REQUIRE_FALSE(firmsAgain);
    CHECK(firmsAgain.error().details.size() == 2);
}

TEST_CASE("Importer reads typed XLSX cells: numbers, dates and booleans", "[import][xlsx]")
{
    DemoStore store;
    const std::int64_t services = store.count(ImportKind::Services);
    const QString path = store.file(u"typed.xlsx"_s);
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook* book = workbook_new(file.constData());
    REQUIRE(book);
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "dd/mm/yyyy");
    lxw_worksheet* s = workbook_add_worksheet(book, "Services");
    const char* headers[] = {"firm", "service_type", "date", "provider", "cost", "status"};
    for (lxw_col_t c = 0; c < 6; ++c)
        worksheet_write_string(s, 0, c, headers[c], nullptr);
    lxw_datetime day{2025, 11, 3, 0, 0, 0};
    worksheet_write_string(s, 1, 0, "SKT-SURG-001", nullptr);
    worksheet_write_string(s, 1, 1, "Training", nullptr);
    worksheet_write_datetime(s, 1, 2, &day, date);
    worksheet_write_number(s, 1, 3, 42, nullptr); // a provider that is a number
    worksheet_write_number(s, 1, 4, 1500.75, nullptr);
    worksheet_write_string(s, 1, 5, "completed", nullptr);
    lxw_worksheet* f = workbook_add_worksheet(book, "Firms");
    const char* firmHeaders[] = {"code", "name", "cluster", "women_owned", "latitude"};
    for (lxw_col_t c = 0; c < 5; ++c)
        worksheet_write_string(f, 0, c, firmHeaders[c], nullptr);
    worksheet_write_number(f, 1, 0, 7001, nullptr);
    worksheet_write_string(f, 1, 1, "Numbered Works", nullptr);
    worksheet_write_string(f, 1, 2, "GRW-LENG", nullptr);
    worksheet_write_boolean(f, 1, 3, 1, nullptr);
    worksheet_write_number(f, 1, 4, -31.25, nullptr);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);

    CHECK(mustImport(store.import(ImportKind::Services, path)).written == 1);
    CHECK(store.count(ImportKind::Services) == services + 1);
    CHECK(store.text(u"SELECT service_type || '|' || date || '|' || cost FROM services WHERE "
                     "provider = '42'"_s) == u"training|2025-11-03|1500.75"_s);
    CHECK(mustImport(store.import(ImportKind::Firms, path, u"Firms"_s)).written == 1);
    CHECK(store.text(u"SELECT name || '|' || women_owned || '|' || latitude FROM firms WHERE "
                     "code = '7001'"_s) == u"Numbered Works|1|-31.25"_s);
}

TEST_CASE("Importer keeps the UUIDs of an id column and makes new ones for empty cells", "[import]")
{
    DemoStore store;
    const QString firms =
        writeCsv(store, u"firms.csv"_s,
                 {u"ID,code,name,cluster"_s,
                  u"3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b,T-200,Kept Works,SKT-SURG"_s,
                  u" A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D ,T-201,Upper Works,SKT-SURG"_s,
                  u",T-202,New Works,SKT-SURG"_s});
    CHECK(mustImport(store.import(ImportKind::Firms, firms)).written == 3);
    CHECK(store.text(u"SELECT id FROM firms WHERE code = 'T-200'"_s) ==
          u"3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b"_s);
    CHECK(store.text(u"SELECT id FROM firms WHERE code = 'T-201'"_s) ==
          u"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"_s);
    const QString made = store.text(u"SELECT id FROM firms WHERE code = 'T-202'"_s);
    CHECK(made.size() == 36);
    CHECK_FALSE(QUuid::fromString(made).isNull());
    auto ids = store.session().registers().firmIds();
    REQUIRE(ids);
    CHECK(ids->value(u"T-200"_s) == u"3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b"_s);

    const QString services = writeCsv(
        store, u"services.csv"_s,
        {u"firm,service_type,date,provider,cost,status,id"_s,
         u"T-200,design,2025-05-05,Hub,,completed,0b8e6a52-93c4-4d6e-8f10-2a3b4c5d6e7f"_s});
    CHECK(mustImport(store.import(ImportKind::Services, services)).written == 1);
    CHECK(store.text(u"SELECT firm_id FROM services WHERE id = "
                     "'0b8e6a52-93c4-4d6e-8f10-2a3b4c5d6e7f'"_s) ==
          u"3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b"_s);

    // Observations have no id column: it is an unknown column there.
    const QString observations =
        writeCsv(store, u"observations.csv"_s,
                 {u"id,indicator,period,org_unit,value"_s,
                  u"0b8e6a52-93c4-4d6e-8f10-2a3b4c5d6e70,LINKAGES,FY2027-Q1,SKT-SURG,1"_s});
    const auto refused = store.import(ImportKind::Observations, observations);
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().details.size() == 1);
    CHECK(refused.error().details[0].startsWith(observations + u":1:1: unknown column \"id\""_s));
}

TEST_CASE("Importer refuses an id that a stored row already has, with its location", "[import]")
{
    DemoStore store;
    const QString taken = store.text(u"SELECT id FROM firms ORDER BY code LIMIT 1"_s);
    REQUIRE(taken.size() == 36);
    const std::int64_t before = store.count(ImportKind::Firms);
    const QString path = writeCsv(store, u"firms.csv"_s,
                                  {u"code,name,cluster,id"_s, u"T-300,New Works,SKT-SURG,"_s,
                                   u"T-301,Clashing Works,SKT-SURG,"_s + taken});
    const auto result = store.import(ImportKind::Firms, path);
    REQUIRE_FALSE(result);
    INFO(result.error().text());
    CHECK(result.error().code == ErrorCode::InvalidInput);
    REQUIRE(result.error().details.size() == 1);
    CHECK(result.error().details[0].startsWith(path + u":3:4: "_s));
    CHECK(result.error().details[0].contains(taken));
    CHECK(result.error().details[0].contains(u"already in the database"_s));
    CHECK(store.count(ImportKind::Firms) == before);
}

// ---------------------------------------------------------------------------------------------
// Dry runs, cancelling and the all-or-nothing guarantee

TEST_CASE("Importer dry run checks everything and writes nothing", "[import]")
{
    DemoStore store;
    const QStringList firms = firmCodes(store);
    const std::int64_t services = store.count(ImportKind::Services);
    const QString path = writeCsv(store, u"services.csv"_s, goodServices(firms, 50));
    const ImportReport dry = mustImport(store.import(ImportKind::Services, path, {}, true));
    CHECK(dry.rows == 50);
    CHECK(dry.written == 0);
    CHECK(store.count(ImportKind::Services) == services);
    // It could have been written: the real run takes the same rows.
    const ImportReport real = mustImport(store.import(ImportKind::Services, path));
    CHECK(real.rows == 50);
    CHECK(real.written == 50);
    CHECK(store.count(ImportKind::Services) == services + 50);

    // A dry run refuses what a real run refuses, validation rules included.
    const auto rule =
        store.import(ImportKind::Observations, dataPath(u"bad/obs-rule.csv"_s), {}, true);
    REQUIRE_FALSE(rule);
    CHECK(rule.error().details.size() == 2);
}

TEST_CASE("Importer progress callback sees the rows and can cancel, writing nothing", "[import]")
{
    DemoStore store;
    const QStringList firms = firmCodes(store);
    const std::int64_t services = store.count(ImportKind::Services);
    const QString path = writeCsv(store, u"services.csv"_s, goodServices(firms, 12000));

    QList<qint64> calls;
    ImportOptions options;
    options.kind = ImportKind::Services;
    options.path = path;
    options.progress = [&](qint64 rows) {
        calls << rows;
        return rows < 10000;
    };
    const auto cancelled = store.import(options);
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().message.contains(u"cancelled"_s));
    CHECK(calls == QList<qint64>{5000, 10000});
    CHECK(store.count(ImportKind::Services) == services);

    calls.clear();
    options.progress = [&](qint64 rows) {
        calls << rows;
        return true;
    };
    const ImportReport done = mustImport(store.import(options));
    CHECK(calls == QList<qint64>{5000, 10000});
    CHECK(done.written == 12000);
    CHECK(store.count(ImportKind::Services) == services + 12000);
}

TEST_CASE("Importer leaves the sqlite3 dump identical after refused, dry and cancelled imports",
          "[import][dump]")
{
    DemoStore store;
    const QStringList firms = firmCodes(store);
    store.close();
    const QByteArray before = sqliteDump(store.path());
    store.open();
    const std::int64_t services = store.count(ImportKind::Services);

    // Services: 6000 good rows, then one with an unknown firm. The good rows are inserted inside
    // the transaction as they pass, as the progress callback sees, and then rolled back.
    QStringList serviceLines = goodServices(firms, 6000);
    serviceLines << u"NOPE-001,training,2025-01-01,Late,1,completed"_s;
    const QString servicePath = writeCsv(store, u"services.csv"_s, serviceLines);
    ImportOptions options;
    options.kind = ImportKind::Services;
    options.path = servicePath;
    std::int64_t seenInside = -1;
    options.progress = [&](qint64) {
        seenInside = store.count(ImportKind::Services);
        return true;
    };
    const auto refusedServices = store.import(options);
    REQUIRE_FALSE(refusedServices);
    CHECK(refusedServices.error().details ==
          QStringList{servicePath +
                      u":6002:1: unknown firm \"NOPE-001\"; import it in the firms register "
                      "first"_s});
    CHECK(seenInside == services + 4999);
    CHECK(sqliteDump(store.path()) == before);

    // Firms: 1000 new firms, the last a second T-0000.
    QStringList firmLines{u"code,name,cluster,women_owned,latitude"_s};
    for (int i = 0; i < 1000; ++i)
        firmLines << u"T-%1,Works %1,SKT-SURG,yes,31.5"_s.arg(i, 4, 10, QChar(u'0'));
    firmLines << u"T-0000,Works again,LHR-RMG,no,31.5"_s;
    const QString firmPath = writeCsv(store, u"firms.csv"_s, firmLines);
    const auto refusedFirms = store.import(ImportKind::Firms, firmPath);
    REQUIRE_FALSE(refusedFirms);
    CHECK(refusedFirms.error().details ==
          QStringList{firmPath + u":1002:1: T-0000 appears twice in the file (also on line 2)"_s});
    CHECK(sqliteDump(store.path()) == before);

    // Trainees: 1000 good ones, the last at a cluster instead of a centre.
    QStringList traineeLines{u"person_key,sex,firm,centre,course,date,completed"_s};
    for (int i = 0; i < 1000; ++i)
        traineeLines << u"K-%1,%2,%3,SDH,Shoe design,2026-01-%4,yes"_s.arg(i)
                            .arg(i % 2 ? u"male"_s : u"female"_s, firms[i % firms.size()])
                            .arg(i % 28 + 1, 2, 10, QChar(u'0'));
    traineeLines << u"K-last,female,,LHR-FTW,Shoe design,2026-01-01,yes"_s;
    const QString traineePath = writeCsv(store, u"trainees.csv"_s, traineeLines);
    const auto refusedTrainees = store.import(ImportKind::Trainees, traineePath);
    REQUIRE_FALSE(refusedTrainees);
    CHECK(refusedTrainees.error().details ==
          QStringList{traineePath + u":1002:4: \"LHR-FTW\" is not a centre of the program"_s});
    CHECK(sqliteDump(store.path()) == before);

    // Exports: 300 good ones, the last already in the store.
    QStringList exportLines{u"firm,period,value_pkr,value_usd,source"_s};
    for (int i = 0; i < 300; ++i)
        exportLines << firms[i] + u",FY2027-Q2,1000,4,self_reported"_s;
    exportLines << u"SKT-SURG-002,FY2024,100,1,customs"_s;
    const QString exportPath = writeCsv(store, u"exports.csv"_s, exportLines);
    const auto refusedExports = store.import(ImportKind::Exports, exportPath);
    REQUIRE_FALSE(refusedExports);
    CHECK(refusedExports.error().details ==
          QStringList{exportPath + u":302:1: SKT-SURG-002, FY2024, customs is already in the "
                                   "database"_s});
    CHECK(sqliteDump(store.path()) == before);

    // Observations: every row passes its own checks and is inserted; the validation rules, run
    // over the figures as they would stand, then refuse the last two. (No row names LHR-FTW,
    // the cluster above SDH, where the rules would be broken too.)
    QStringList observationLines{u"indicator,period,org_unit,category,value"_s};
    for (const QString& cluster :
         {u"SKT-SURG"_s, u"SKT-SPRT"_s, u"LHR-RMG"_s, u"LHR-AUTO"_s, u"GRW-LENG"_s}) {
        for (int q = 1; q <= 4; ++q)
            observationLines << u"LINKAGES,FY2027-Q%1,%2,,%3"_s.arg(q).arg(cluster).arg(q * 3);
        observationLines << u"JOBS,FY2027,%1,women,40"_s.arg(cluster)
                         << u"JOBS,FY2027,%1,men,60"_s.arg(cluster);
    }
    observationLines << u"TRAINED_W,FY2027-Q1,SDH,,100"_s << u"TRAINED_ALL,FY2027-Q1,SDH,,50"_s;
    const QString observationPath = writeCsv(store, u"observations.csv"_s, observationLines);
    const auto refusedObservations = store.import(ImportKind::Observations, observationPath);
    REQUIRE_FALSE(refusedObservations);
    INFO(refusedObservations.error().details);
    REQUIRE(refusedObservations.error().details.size() == 2);
    CHECK(refusedObservations.error().details[0].startsWith(
        observationPath + u":%1:5: rule VR1 for FY2027-Q1 at SDH"_s.arg(observationLines.size())));
    CHECK(sqliteDump(store.path()) == before);

    // A dry run of good rows, and a cancelled import of good rows.
    observationLines.removeLast();
    observationLines.removeLast();
    CHECK(mustImport(store.import(ImportKind::Observations,
                                  writeCsv(store, u"good.csv"_s, observationLines), {}, true))
              .rows == 30);
    CHECK(sqliteDump(store.path()) == before);
    options.path = writeCsv(store, u"good-services.csv"_s, goodServices(firms, 5500));
    options.progress = [](qint64) {
        return false;
    };
    REQUIRE_FALSE(store.import(options));
    CHECK(sqliteDump(store.path()) == before);

    // With the session closed, as another program would find the file.
    store.close();
    CHECK(sqliteDump(store.path()) == before);

    // And the dump does see a change: a real import of the same good rows.
    store.open();
    options.progress = {};
    CHECK(mustImport(store.import(options)).written == 5500);
    store.close();
    const QByteArray after = sqliteDump(store.path());
    CHECK(after != before);
    CHECK(after.count("INSERT INTO services VALUES") ==
          before.count("INSERT INTO services VALUES") + 5500);
}
