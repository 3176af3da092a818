// End-to-end tests of dlitracker-cli: each runs the built executable in a clean environment and
// checks its exit status, standard output and standard error, and that refused commands leave
// the database exactly as it was.
#include "cli_process.h"
#include "core/storage/database.h"
#include "core/storage/schema.h"
#include "support/test_support.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <string>

using namespace Qt::StringLiterals;
using namespace dli::test::cli;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using dli::test::readFile;
using dli::test::sharedExample;
using dli::test::TempDir;
using dli::test::writeFile;

namespace {

QString makeDemo(const TempDir& dir, const QString& name = u"demo.db"_s)
{
    const QString path = dir.path(name);
    must({u"demo"_s, path});
    return path;
}

QString makeEmpty(const TempDir& dir, const QString& name = u"empty.db"_s)
{
    const QString path = dir.path(name);
    must({u"init"_s, path});
    return path;
}

QByteArray exported(const QString& db)
{
    return must({u"program"_s, u"export"_s, db}).stdoutBytes;
}

QByteArray shownJson(const QString& db)
{
    return must({u"show"_s, db, u"--format"_s, u"json"_s}).stdoutBytes;
}

// What a database holds as far as the CLI can tell, plus its bytes: everything a refused
// command must leave as it was.
struct Snapshot {
    QByteArray fileBytes;
    QString exportHash;
    QByteArray outline;

    bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(const QString& db)
{
    REQUIRE_FALSE(QFileInfo::exists(db + u"-wal"_s)); // every run leaves one self-contained file
    return {readFile(db), sha256Hex(exported(db)), shownJson(db)};
}

// The worked example with dlis[0].dlrs[0].target made a piece of text.
QByteArray malformedWorkedExample()
{
    QJsonObject root = parseObject(readFile(sharedExample(u"worked-program.json"_s)));
    QJsonArray dlis = root.value(u"dlis"_s).toArray();
    QJsonObject dli = dlis.at(0).toObject();
    QJsonArray dlrs = dli.value(u"dlrs"_s).toArray();
    QJsonObject dlr = dlrs.at(0).toObject();
    REQUIRE(dlr.contains(u"target"_s));
    dlr.insert(u"target"_s, u"400 firms"_s);
    dlrs.replace(0, dlr);
    dli.insert(u"dlrs"_s, dlrs);
    dlis.replace(0, dli);
    root.insert(u"dlis"_s, dlis);
    return QJsonDocument(root).toJson();
}

const QStringList kSubcommands{u"init"_s,           u"demo"_s,           u"check"_s, u"backup"_s,
                               u"program import"_s, u"program export"_s, u"show"_s};

} // namespace

// ---------------------------------------------------------------------------------------------
// Usage

TEST_CASE("cli: --version prints the program and schema versions", "[cli]")
{
    const Run r = cli({u"--version"_s}, Success);
    CHECK_THAT(r.out, StartsWith("dlitracker-cli " DLI_VERSION "\n"));
    CHECK_THAT(r.out, Contains("schema version " + std::to_string(dli::Schema::currentVersion())));
    CHECK(r.err.empty());
}

TEST_CASE("cli: --help lists every command and the exit statuses", "[cli]")
{
    for (const QString& flag : {u"--help"_s, u"-h"_s, u"help"_s}) {
        const Run r = cli({flag}, Success);
        CHECK_THAT(r.out, StartsWith("Usage: dlitracker-cli COMMAND"));
        for (const char* command :
             {"init DB", "demo DB [--seed N]", "check DB", "backup DB OUT",
              "program import DB FILE", "program export DB [OUT]", "show DB [--format table|json]"})
            CHECK_THAT(r.out, Contains(command));
        CHECK_THAT(r.out, Contains("0 success, 1 problems found"));
        CHECK_THAT(r.out, Contains("3 database error"));
        CHECK(r.err.empty());
    }
}

TEST_CASE("cli: no arguments is bad usage and shows the usage on stderr", "[cli]")
{
    const Run r = cli({}, BadInput);
    CHECK_THAT(r.err, Contains("Usage: dlitracker-cli COMMAND"));
    CHECK(r.out.empty());
}

TEST_CASE("cli: an unknown command is bad usage with a hint", "[cli]")
{
    const Run r = cli({u"frobnicate"_s, u"x.db"_s}, BadInput);
    CHECK_THAT(r.err, Contains("unknown command \"frobnicate\""));
    CHECK_THAT(r.err, Contains("dlitracker-cli --help"));
    CHECK(r.out.empty());
}

TEST_CASE("cli: every subcommand has --help", "[cli]")
{
    for (const QString& command : kSubcommands) {
        for (const QString& flag : {u"--help"_s, u"-h"_s}) {
            const Run r = cli(command.split(u' ') << flag, Success);
            CHECK_THAT(r.out,
                       StartsWith((u"Usage: dlitracker-cli "_s + command + u" "_s).toStdString()));
            CHECK_THAT(r.out, Contains("--help"));
            CHECK(r.err.empty());
        }
    }
    const Run program = cli({u"program"_s, u"--help"_s}, Success);
    CHECK_THAT(program.out, StartsWith("Usage: dlitracker-cli program import DB FILE"));
    CHECK_THAT(program.out, Contains("dlitracker-cli program export DB [OUT]"));

    const Run demo = cli({u"demo"_s, u"--help"_s}, Success);
    CHECK_THAT(demo.out, Contains("--seed N"));
    const Run show = cli({u"show"_s, u"--help"_s}, Success);
    CHECK_THAT(show.out, Contains("--format"));
    const Run import = cli({u"program"_s, u"import"_s, u"--help"_s}, Success);
    CHECK_THAT(import.out, Contains("--replace"));
    const Run exporting = cli({u"program"_s, u"export"_s, u"--help"_s}, Success);
    CHECK_THAT(exporting.out, Contains("--force"));
}

TEST_CASE("cli: missing arguments, too many arguments and unknown options are bad usage", "[cli]")
{
    struct Case {
        QStringList args;
        const char* expected;
    };
    const TempDir dir;
    const QString a = dir.path(u"a.db"_s);
    const QString b = dir.path(u"b.db"_s);
    const QList<Case> cases{
        {{u"init"_s}, "dlitracker-cli init: missing arguments"},
        {{u"init"_s, a, b}, "dlitracker-cli init: too many arguments: "},
        {{u"demo"_s}, "dlitracker-cli demo: missing arguments"},
        {{u"demo"_s, a, b}, "dlitracker-cli demo: too many arguments: "},
        {{u"check"_s}, "dlitracker-cli check: missing arguments"},
        {{u"check"_s, a, b}, "dlitracker-cli check: too many arguments: "},
        {{u"backup"_s, a}, "dlitracker-cli backup: missing arguments"},
        {{u"backup"_s, a, b, u"c.db"_s}, "dlitracker-cli backup: too many arguments: c.db"},
        {{u"program"_s, u"import"_s, a}, "dlitracker-cli program import: missing arguments"},
        {{u"program"_s, u"import"_s, a, u"p.json"_s, u"x"_s}, "too many arguments: x"},
        {{u"program"_s, u"export"_s}, "dlitracker-cli program export: missing arguments"},
        {{u"program"_s, u"export"_s, a, b, u"x"_s}, "too many arguments: x"},
        {{u"show"_s}, "dlitracker-cli show: missing arguments"},
        {{u"show"_s, a, b}, "dlitracker-cli show: too many arguments: "},
        {{u"show"_s, a, u"--bogus"_s}, "bogus"},
        {{u"check"_s, a, u"--replace"_s}, "replace"},
        {{u"demo"_s, a, u"--seed"_s}, "seed"},
    };
    for (const Case& c : cases) {
        const Run r = cli(c.args, BadInput);
        CHECK_THAT(r.err, Contains(c.expected));
        CHECK_THAT(r.err, Contains("Usage: dlitracker-cli "));
        CHECK(r.out.empty());
    }
    // None of them created a file, although some named one.
    CHECK_FALSE(QFileInfo::exists(a));
    CHECK_FALSE(QFileInfo::exists(b));
}

// ---------------------------------------------------------------------------------------------
// init and demo

TEST_CASE("cli: init creates an empty database and refuses a file that exists", "[cli]")
{
    const TempDir dir;
    const QString db = dir.path(u"new.db"_s);
    const Run created = cli({u"init"_s, db}, Success);
    CHECK_THAT(created.err, Contains("program import"));
    CHECK(QFileInfo(db).size() > 0);
    cli({u"check"_s, db}, Success);

    const QByteArray before = readFile(db);
    const Run again = cli({u"init"_s, db}, BadInput);
    CHECK_THAT(again.err, Contains("already exists"));
    CHECK(sha256Hex(readFile(db)) == sha256Hex(before));

    // A file that is not a database is not overwritten either.
    const QString notes = dir.path(u"notes.txt"_s);
    writeFile(notes, "my notes\n");
    const Run other = cli({u"init"_s, notes}, BadInput);
    CHECK_THAT(other.err, Contains("already exists"));
    CHECK(readFile(notes) == "my notes\n");
}

TEST_CASE("cli: demo gives the same content for the same seed", "[cli]")
{
    const TempDir dir;
    const QString first = dir.path(u"first.db"_s);
    const QString second = dir.path(u"second.db"_s);
    const Run made = cli({u"demo"_s, first, u"--seed"_s, u"7"_s}, Success);
    CHECK_THAT(made.err, Contains("seed 7"));
    cli({u"demo"_s, second, u"--seed"_s, u"7"_s}, Success);
    CHECK(exported(first) == exported(second));
    CHECK(shownJson(first) == shownJson(second));

    const QString byDefault = makeDemo(dir, u"default.db"_s);
    cli({u"check"_s, byDefault}, Success);
    CHECK(exported(byDefault) == exported(first)); // the seed varies the data, not the program
}

TEST_CASE("cli: demo refuses a bad seed and an existing file", "[cli]")
{
    const TempDir dir;
    const QString db = dir.path(u"demo.db"_s);
    for (const QString& seed : {u"abc"_s, u"-1"_s, u"1.5"_s, u""_s}) {
        const Run r = cli({u"demo"_s, db, u"--seed"_s, seed}, BadInput);
        CHECK_THAT(r.err, Contains("--seed takes a whole number"));
        CHECK_FALSE(QFileInfo::exists(db));
    }
    makeDemo(dir);
    const QByteArray before = readFile(db);
    const Run again = cli({u"demo"_s, db}, BadInput);
    CHECK_THAT(again.err, Contains("already exists"));
    CHECK(sha256Hex(readFile(db)) == sha256Hex(before));
}

// ---------------------------------------------------------------------------------------------
// show

TEST_CASE("cli: show prints the demo's results framework as a table and refuses other formats",
          "[cli]")
{
    const TempDir dir;
    const QString db = makeDemo(dir);
    for (const QStringList& args :
         {QStringList{u"show"_s, db}, QStringList{u"show"_s, db, u"--format"_s, u"table"_s},
          QStringList{u"show"_s, db, u"--format=table"_s}}) {
        const Run r = cli(args, Success);
        CHECK_THAT(r.out, StartsWith("PJC-CDI  "));
        for (const char* text :
             {"RA1  ", "RA2  ", "RA3  ", "FIRMS_UPGRADE", "DLI3  ", "3.2", "FY2025", "2025-06-30",
              "US$1,500,000.00", "US$20,000,000.00", "carry_forward", "time-bound",
              "Surgical instruments, Sialkot", "Shoe Design Hub", "Org units", "Validation rules"})
            CHECK_THAT(r.out, Contains(text));
        CHECK(r.err.empty());
    }
    // Results areas come before their indicators, indicators before their DLIs and DLRs.
    const std::string out = cli({u"show"_s, db}, Success).out;
    const auto ra2 = out.find("RA2  ");
    const auto indicator = out.find("FIRMS_UPGRADE  ");
    const auto dli3 = out.find("DLI3  ");
    const auto dlr32 = out.find("3.2  ");
    const auto units = out.find("Org units");
    CHECK(ra2 < indicator);
    CHECK(indicator < dli3);
    CHECK(dli3 < dlr32);
    CHECK(dlr32 < units);

    const Run xml = cli({u"show"_s, db, u"--format"_s, u"xml"_s}, BadInput);
    CHECK_THAT(xml.err, Contains("--format is table or json, not \"xml\""));
    CHECK(xml.out.empty());
}

TEST_CASE("cli: show --format json nests the framework and chains the DLR baselines", "[cli]")
{
    const TempDir dir;
    const QString db = makeDemo(dir);
    const Run r = cli({u"show"_s, db, u"--format"_s, u"json"_s}, Success);
    CHECK(r.err.empty());
    const QJsonObject root = parseObject(r.stdoutBytes);
    CHECK(root.value(u"program"_s).toObject().value(u"code"_s).toString() == u"PJC-CDI"_s);
    CHECK(root.value(u"program"_s).toObject().value(u"currency"_s).toString() == u"USD"_s);

    QJsonObject dli3;
    QStringList areas;
    for (const QJsonValue area : root.value(u"result_areas"_s).toArray()) {
        areas << area.toObject().value(u"code"_s).toString();
        for (const QJsonValue indicator : area.toObject().value(u"indicators"_s).toArray()) {
            const QJsonObject dli = indicator.toObject().value(u"dli"_s).toObject();
            if (dli.value(u"code"_s).toString() == u"DLI3"_s)
                dli3 = dli;
        }
    }
    CHECK(areas == QStringList{u"RA1"_s, u"RA2"_s, u"RA3"_s});
    REQUIRE_FALSE(dli3.isEmpty());
    CHECK(dli3.value(u"allocation"_s).toDouble() == 5000000.0);
    const QJsonArray dlrs = dli3.value(u"dlrs"_s).toArray();
    REQUIRE(dlrs.size() == 3);
    QStringList codes;
    for (const QJsonValue dlr : dlrs)
        codes << dlr.toObject().value(u"code"_s).toString();
    CHECK(codes == QStringList{u"3.1"_s, u"3.2"_s, u"3.3"_s});
    const QJsonObject dlr32 = dlrs.at(1).toObject();
    CHECK(dlr32.value(u"period"_s).toString() == u"FY2025"_s);
    CHECK(dlr32.value(u"deadline"_s).toString() == u"2025-06-30"_s);
    // A DLR's baseline is the previous DLR's target.
    CHECK(dlrs.at(0).toObject().value(u"baseline"_s).toDouble() == 0.0);
    CHECK(dlr32.value(u"baseline"_s).toDouble() == 120.0);
    CHECK(dlr32.value(u"target"_s).toDouble() == 220.0);
    CHECK(dlr32.value(u"allocation"_s).toDouble() == 1500000.0);
    CHECK(dlrs.at(2).toObject().value(u"baseline"_s).toDouble() == 220.0);

    QStringList units;
    for (const QJsonValue unit : root.value(u"org_units"_s).toArray())
        units << unit.toObject().value(u"name"_s).toString();
    CHECK(units.contains(u"Surgical instruments, Sialkot"_s));
    CHECK(units.contains(u"Shoe Design Hub, Lahore"_s));
}

TEST_CASE("cli: commands on a missing file suggest init and create nothing", "[cli]")
{
    const TempDir dir;
    const QString db = dir.path(u"missing.db"_s);
    for (const QStringList& args :
         {QStringList{u"show"_s, db}, QStringList{u"check"_s, db},
          QStringList{u"backup"_s, db, dir.path(u"copy.db"_s)},
          QStringList{u"program"_s, u"export"_s, db},
          QStringList{u"program"_s, u"import"_s, db, sharedExample(u"worked-program.json"_s)}}) {
        const Run r = cli(args, BadInput);
        CHECK_THAT(r.err, Contains((u"no database at "_s + db).toStdString()));
        CHECK_THAT(r.err, Contains((u"dlitracker-cli init "_s + db).toStdString()));
        CHECK(r.out.empty());
        CHECK_FALSE(QFileInfo::exists(db));
        CHECK_FALSE(QFileInfo::exists(dir.path(u"copy.db"_s)));
    }
}

TEST_CASE("cli: files that are not DLI Tracker databases are refused and left alone", "[cli]")
{
    const TempDir dir;
    const QString text = dir.path(u"garbage.db"_s);
    writeFile(text, "This is a spreadsheet export, not a database.\n");
    const QString noise = dir.path(u"noise.db"_s);
    QByteArray bytes;
    for (int i = 0; i < 8192; ++i)
        bytes += static_cast<char>((i * 7919 + 13) % 251);
    writeFile(noise, bytes);
    const QString foreign = dir.path(u"foreign.db"_s);
    sql(foreign, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ayesha');",
        true);
    const QString empty = dir.path(u"zero.db"_s);
    writeFile(empty, QByteArray());

    for (const QString& file : {text, noise, foreign, empty}) {
        const QByteArray before = readFile(file);
        for (const QString& command : {u"show"_s, u"check"_s}) {
            const Run r = cli({command, file}, DatabaseError);
            CHECK_THAT(r.err, Contains("not a DLI Tracker database"));
            CHECK_THAT(r.err, Contains(file.toStdString()));
        }
        cli({u"program"_s, u"import"_s, file, sharedExample(u"worked-program.json"_s)},
            DatabaseError);
        cli({u"program"_s, u"export"_s, file}, DatabaseError);
        CHECK(sha256Hex(readFile(file)) == sha256Hex(before));
        CHECK_FALSE(QFileInfo::exists(file + u"-wal"_s));
    }
    const Run folder = cli({u"check"_s, dir.path(QString())}, DatabaseError);
    CHECK_THAT(folder.err, Contains("is a folder, not a database"));
}

TEST_CASE("cli: show on an empty database says to import a program", "[cli]")
{
    const TempDir dir;
    const QString db = makeEmpty(dir);
    for (const QStringList& args :
         {QStringList{u"show"_s, db}, QStringList{u"show"_s, db, u"--format"_s, u"json"_s},
          QStringList{u"program"_s, u"export"_s, db}}) {
        const Run r = cli(args, BadInput);
        CHECK_THAT(r.err, Contains("holds no program yet"));
        CHECK_THAT(r.err, Contains("dlitracker-cli program import"));
        CHECK(r.out.empty());
    }
}

// ---------------------------------------------------------------------------------------------
// check

TEST_CASE("cli: check reports the schema version and a sound file", "[cli]")
{
    const TempDir dir;
    for (const QString& db : {makeDemo(dir), makeEmpty(dir)}) {
        const QByteArray before = readFile(db);
        const Run r = cli({u"check"_s, db}, Success);
        const std::string version = std::to_string(dli::Schema::currentVersion());
        CHECK_THAT(r.out, Contains("Schema version:  " + version + " (this DLI Tracker writes " +
                                   version + ")"));
        CHECK_THAT(r.out, Contains("Integrity:"));
        CHECK_THAT(r.out, Contains("Integrity:       ok"));
        CHECK_THAT(r.out, Contains("Database id:"));
        CHECK(r.err.empty());
        CHECK(sha256Hex(readFile(db)) == sha256Hex(before));
    }
}

TEST_CASE("cli: check finds an index that disagrees with its table", "[cli]")
{
    const TempDir dir;
    const QString db = makeDemo(dir);
    // An index whose declared columns no longer match what its b-tree holds, as if the file
    // had been damaged.
    sql(db, "CREATE INDEX damaged ON dlrs (code);"
            "PRAGMA writable_schema = ON;"
            "UPDATE sqlite_schema SET sql = 'CREATE INDEX damaged ON dlrs (title)'"
            " WHERE name = 'damaged';");
    const Run r = cli({u"check"_s, db}, ProblemsFound);
    CHECK_THAT(r.out, Contains("Integrity:       problems found"));
    CHECK_THAT(r.out, Contains("missing from index damaged"));
    CHECK_THAT(r.err, Contains("the database is damaged"));
    CHECK_THAT(r.err, Contains("backup"));
}

TEST_CASE("cli: check finds rows that refer to missing rows", "[cli]")
{
    const TempDir dir;
    const QString db = makeDemo(dir);
    sql(db, "PRAGMA foreign_keys = OFF; UPDATE dlrs SET dli_id = 'gone' WHERE code = '3.2';");
    const Run r = cli({u"check"_s, db}, ProblemsFound);
    CHECK_THAT(r.out, Contains("Integrity:       problems found (1)"));
    CHECK_THAT(r.out, Contains("of table dlrs refers to a missing row of table dlis"));
    CHECK_THAT(r.err, Contains("the database is damaged"));
}

TEST_CASE("cli: a page overwritten with garbage is reported, never a crash", "[cli]")
{
    const TempDir dir;
    const QString db = makeDemo(dir);
    const QByteArray sound = readFile(db);
    REQUIRE(sound.size() > 100);
    const int pageSize =
        (static_cast<unsigned char>(sound[16]) << 8) | static_cast<unsigned char>(sound[17]);
    REQUIRE(pageSize >= 512);
    const qsizetype pages = sound.size() / pageSize;
    REQUIRE(pages > 2);
    const QString damaged = dir.path(u"damaged.db"_s);
    for (qsizetype page = 0; page < pages; ++page) {
        QByteArray bytes = sound;
        // Keep the 100-byte file header so that the file is still recognisably ours.
        const qsizetype from = page * pageSize + (page == 0 ? 100 : 0);
        for (qsizetype i = from; i < (page + 1) * pageSize; ++i)
            bytes[i] = '\xA5';
        QFile::remove(damaged);
        writeFile(damaged, bytes);
        INFO("page " << page + 1 << " of " << pages << " overwritten");
        const Run checked = launch({u"check"_s, damaged});
        CHECK((checked.exitCode == ProblemsFound || checked.exitCode == DatabaseError));
        CHECK_THAT(checked.err, Contains("damaged"));
        CHECK_THAT(checked.err, Contains("backup"));
        const Run shown = launch({u"show"_s, damaged});
        // show reads only the program's tables: it may not notice damage elsewhere.
        CHECK((shown.exitCode == Success || shown.exitCode == DatabaseError));
        if (shown.exitCode != Success)
            CHECK_THAT(shown.err, Contains("damaged"));
    }
}

TEST_CASE("cli: a database written by a newer version is refused and left alone", "[cli]")
{
    const TempDir dir;
    const QString db = makeDemo(dir);
    sql(db, "PRAGMA user_version = 99;");
    const QByteArray before = readFile(db);
    for (const QStringList& args :
         {QStringList{u"check"_s, db}, QStringList{u"show"_s, db},
          QStringList{u"program"_s, u"export"_s, db},
          QStringList{u"program"_s, u"import"_s, db, sharedExample(u"worked-program.json"_s),
                      u"--replace"_s}}) {
        const Run r = cli(args, DatabaseError);
        CHECK_THAT(r.err, Contains("newer"));
        CHECK_THAT(r.err, Contains("schema version 99"));
        CHECK(r.out.empty());
    }
    CHECK(sha256Hex(readFile(db)) == sha256Hex(before));
}

TEST_CASE("cli: check brings a database of an older schema up to date", "[cli]")
{
    const TempDir dir;
    const QString db = dir.path(u"old.db"_s);
    {
        auto old = dli::Database::open(db, dli::Database::Mode::CreateNew, 1);
        REQUIRE(old);
        REQUIRE(old.value()->schemaVersion() == 1);
    }
    // A backup copies the file as it is, without upgrading it.
    const QString copy = dir.path(u"copy.db"_s);
    cli({u"backup"_s, db, copy}, Success);
    const QByteArray oldBytes = readFile(db);

    const QString version = QString::number(dli::Schema::currentVersion());
    const Run r = cli({u"check"_s, db}, Success);
    CHECK_THAT(r.out, Contains((u"Schema version:  "_s + version).toStdString()));
    CHECK_THAT(r.out, Contains("Upgraded:        from schema version 1"));
    CHECK_THAT(r.out, Contains("Integrity:       ok"));
    // The file as it was before the upgrade is kept beside it.
    CHECK(readFile(db + u".schema1.bak"_s).size() > 0);
    cli({u"program"_s, u"import"_s, db, sharedExample(u"worked-program.json"_s)}, Success);

    auto copied = dli::Database::open(copy, dli::Database::Mode::OpenExisting, -1);
    REQUIRE(copied);
    CHECK(copied.value()->schemaVersion() == 1);
    CHECK_FALSE(oldBytes.isEmpty());
}

// ---------------------------------------------------------------------------------------------
// backup

TEST_CASE("cli: backup writes a copy that passes check and shows the same program", "[cli]")
{
    const TempDir dir;
    const QString db = makeDemo(dir);
    const QString copy = dir.path(u"copy.db"_s);
    const Run r = cli({u"backup"_s, db, copy}, Success);
    CHECK_THAT(r.err, Contains("Backed up"));
    // The audit head the copy holds, to be kept apart from it.
    const QRegularExpression head(u"^Audit head: ([0-9a-f]{64})\n$"_s);
    const auto m = head.match(QString::fromStdString(r.out));
    REQUIRE(m.hasMatch());
    cli({u"audit"_s, u"verify"_s, copy, u"--expect"_s, m.captured(1)}, Success);
    CHECK_FALSE(QFileInfo::exists(copy + u"-wal"_s));
    const Run checked = cli({u"check"_s, copy}, Success);
    CHECK_THAT(checked.out, Contains("Integrity:       ok"));
    // The copy is the same database, down to its id.
    const std::string original = cli({u"check"_s, db}, Success).out;
    const auto idLine = [](const std::string& out) {
        const auto from = out.find("Database id:");
        return out.substr(from, out.find('\n', from) - from);
    };
    CHECK(idLine(checked.out) == idLine(original));
    CHECK(cli({u"show"_s, copy}, Success).out == cli({u"show"_s, db}, Success).out);
    CHECK(shownJson(copy) == shownJson(db));
    CHECK(exported(copy) == exported(db));
}

TEST_CASE("cli: backup never overwrites a file", "[cli]")
{
    const TempDir dir;
    const QString db = makeDemo(dir);
    const QString copy = dir.path(u"copy.db"_s);
    cli({u"backup"_s, db, copy}, Success);
    const QByteArray first = readFile(copy);
    const Run again = cli({u"backup"_s, db, copy}, BadInput);
    CHECK_THAT(again.err, Contains("already exists"));
    CHECK(readFile(copy) == first);

    const QString notes = dir.path(u"notes.txt"_s);
    writeFile(notes, "keep me\n");
    cli({u"backup"_s, db, notes}, BadInput);
    CHECK(readFile(notes) == "keep me\n");
}

// ---------------------------------------------------------------------------------------------
// program export and import

TEST_CASE("cli: program export writes to standard output or to a file", "[cli]")
{
    const TempDir dir;
    const QString db = makeDemo(dir);
    const Run toStdout = cli({u"program"_s, u"export"_s, db}, Success);
    CHECK(toStdout.err.empty());
    const QJsonObject json = parseObject(toStdout.stdoutBytes);
    CHECK(json.value(u"format"_s).toString() == u"dlitracker-program/1"_s);
    CHECK(json.value(u"program"_s).toObject().value(u"code"_s).toString() == u"PJC-CDI"_s);

    const QString file = dir.path(u"program.json"_s);
    const Run toFile = cli({u"program"_s, u"export"_s, db, file}, Success);
    CHECK(toFile.out.empty());
    CHECK_THAT(toFile.err, Contains("Exported program PJC-CDI"));
    CHECK(readFile(file) == toStdout.stdoutBytes);

    writeFile(file, "older export\n");
    const Run refused = cli({u"program"_s, u"export"_s, db, file}, BadInput);
    CHECK_THAT(refused.err, Contains("already exists"));
    CHECK_THAT(refused.err, Contains("--force"));
    CHECK(readFile(file) == "older export\n");

    cli({u"program"_s, u"export"_s, db, file, u"--force"_s}, Success);
    CHECK(readFile(file) == toStdout.stdoutBytes);

    // "-" names standard output, as in most command-line tools.
    const Run dash = cli({u"program"_s, u"export"_s, db, u"-"_s}, Success);
    CHECK(dash.stdoutBytes == toStdout.stdoutBytes);
    CHECK_FALSE(QFileInfo::exists(QDir::temp().filePath(u"-"_s)));
}

TEST_CASE("cli: a file in a folder that does not exist is bad input", "[cli]")
{
    const TempDir dir;
    const QString nowhere = dir.path(u"no-such-folder/new.dlidb"_s);
    const Run init = cli({u"init"_s, nowhere}, BadInput);
    CHECK_THAT(init.err, Contains("does not exist"));
    const QString db = makeDemo(dir);
    const Run backup = cli({u"backup"_s, db, nowhere}, BadInput);
    CHECK_THAT(backup.err, Contains("does not exist"));
    CHECK_FALSE(QFileInfo::exists(dir.path(u"no-such-folder"_s)));
}

TEST_CASE("cli: program import stores the worked example", "[cli]")
{
    const TempDir dir;
    const QString db = makeEmpty(dir);
    const Run r =
        cli({u"program"_s, u"import"_s, db, sharedExample(u"worked-program.json"_s)}, Success);
    CHECK_THAT(r.err, Contains("Imported program PUB-1"));
    CHECK_THAT(r.err, Contains("3 indicators, 3 DLIs"));
    cli({u"check"_s, db}, Success);
    const Run shown = cli({u"show"_s, db}, Success);
    CHECK_THAT(shown.out, StartsWith("PUB-1  Public worked example"));
    for (const char* text : {"DLI-A", "EXP_FIRMS", "FY2021", "Sports goods, Sialkot"})
        CHECK_THAT(shown.out, Contains(text));
    // DLR A2's baseline is A1's target.
    const QJsonObject root = parseObject(shownJson(db));
    const QJsonObject dli = root.value(u"result_areas"_s)
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(u"indicators"_s)
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(u"dli"_s)
                                .toObject();
    CHECK(dli.value(u"code"_s).toString() == u"DLI-A"_s);
    const QJsonArray dlrs = dli.value(u"dlrs"_s).toArray();
    REQUIRE(dlrs.size() == 2);
    CHECK(dlrs.at(1).toObject().value(u"baseline"_s).toDouble() == 100.0);
}

TEST_CASE("cli: an exported program imports back to the same program", "[cli]")
{
    const TempDir dir;
    const QString demo = makeDemo(dir);
    const QString file = dir.path(u"program.json"_s);
    must({u"program"_s, u"export"_s, demo, file});
    const QString db = makeEmpty(dir);
    cli({u"program"_s, u"import"_s, db, file}, Success);
    CHECK(exported(db) == readFile(file));
    CHECK(shownJson(db) == shownJson(demo));
}

TEST_CASE("cli: program import refuses a second program unless --replace", "[cli]")
{
    const TempDir dir;
    // The demo's program without the demo's observations, which would forbid --replace.
    const QString db = makeEmpty(dir);
    const QString demoProgram = dir.path(u"demo-program.json"_s);
    must({u"program"_s, u"export"_s, makeDemo(dir), demoProgram});
    must({u"program"_s, u"import"_s, db, demoProgram});
    const QString worked = sharedExample(u"worked-program.json"_s);
    const Snapshot before = snapshot(db);
    const Run refused = cli({u"program"_s, u"import"_s, db, worked}, BadInput);
    CHECK_THAT(refused.err, Contains("already holds a program"));
    CHECK_THAT(refused.err, Contains("add --replace"));
    CHECK_THAT(refused.err, Contains("--replace"));
    CHECK(snapshot(db) == before);

    cli({u"program"_s, u"import"_s, db, worked, u"--replace"_s}, Success);
    const QJsonObject root = parseObject(exported(db));
    CHECK(root.value(u"program"_s).toObject().value(u"code"_s).toString() == u"PUB-1"_s);
    cli({u"check"_s, db}, Success);
}

TEST_CASE("cli: program import --replace is refused once observations exist", "[cli]")
{
    const TempDir dir;
    const QString db = makeDemo(dir);
    sql(db, "INSERT INTO observations (id, indicator_id, period, org_unit_id, value, reporter, "
            "created_at) SELECT 'obs-1', i.id, 'FY2025Q1', u.id, '12', 'tester', "
            "'2024-10-01T00:00:00' FROM indicators i, org_units u "
            "WHERE i.code = 'FIRMS_UPGRADE' AND u.code = 'SKT-SURG';"
            "PRAGMA wal_checkpoint(TRUNCATE);");
    const Snapshot before = snapshot(db);
    const Run r = cli(
        {u"program"_s, u"import"_s, db, sharedExample(u"worked-program.json"_s), u"--replace"_s},
        BadInput, as(u"admin"_s));
    CHECK_THAT(r.err, Contains("cannot be replaced"));
    CHECK_THAT(r.err, Contains("observations"));
    CHECK(snapshot(db) == before);
}

TEST_CASE("cli: a malformed program file is refused with its location and changes nothing", "[cli]")
{
    const TempDir dir;
    const QString bad = dir.path(u"bad-program.json"_s);
    writeFile(bad, malformedWorkedExample());
    const QString empty = makeEmpty(dir);
    const QString demo = makeDemo(dir);

    const QByteArray emptyBefore = readFile(empty);
    const Run intoEmpty = cli({u"program"_s, u"import"_s, empty, bad}, BadInput);
    CHECK_THAT(intoEmpty.err,
               Contains(R"(dlis[0].dlrs[0].target: expected a number, got "400 firms")"));
    CHECK_THAT(intoEmpty.err, Contains("nothing was imported"));
    CHECK(readFile(empty) == emptyBefore);
    cli({u"show"_s, empty}, BadInput); // still no program

    const Snapshot before = snapshot(demo);
    for (const QStringList& extra : {QStringList{}, QStringList{u"--replace"_s}}) {
        const Run r = cli(QStringList{u"program"_s, u"import"_s, demo, bad} + extra, BadInput);
        CHECK_THAT(r.err,
                   Contains(R"(dlis[0].dlrs[0].target: expected a number, got "400 firms")"));
        CHECK(snapshot(demo) == before);
    }
}

TEST_CASE("cli: a program file that is not valid JSON is refused with line and column", "[cli]")
{
    const TempDir dir;
    const QString db = makeEmpty(dir);
    const QString broken = dir.path(u"broken.json"_s);
    writeFile(broken, "{\n  \"format\": \"dlitracker-program/1\",\n  \"program\": {,\n}\n");
    const QByteArray before = readFile(db);
    const Run r = cli({u"program"_s, u"import"_s, db, broken}, BadInput);
    const QRegularExpression located(u"broken\\.json:[0-9]+:[0-9]+: "_s);
    INFO(r.err);
    CHECK(located.match(QString::fromStdString(r.err)).hasMatch());
    CHECK_THAT(r.err, Contains("not valid JSON"));
    CHECK(sha256Hex(readFile(db)) == sha256Hex(before));

    const Run missing = cli({u"program"_s, u"import"_s, db, dir.path(u"absent.json"_s)}, BadInput);
    CHECK_THAT(missing.err, Contains("absent.json"));
    CHECK(sha256Hex(readFile(db)) == sha256Hex(before));
}

TEST_CASE("cli: program without an action or with an unknown action is bad usage", "[cli]")
{
    const Run none = cli({u"program"_s}, BadInput);
    CHECK_THAT(none.err, Contains("import or export"));
    CHECK_THAT(none.err, Contains("Usage: dlitracker-cli program import DB FILE"));
    const Run unknown = cli({u"program"_s, u"delete"_s, u"x.db"_s}, BadInput);
    CHECK_THAT(unknown.err, Contains("unknown action \"delete\""));
    CHECK_THAT(unknown.err, Contains("Usage: dlitracker-cli program"));
    CHECK(none.out.empty());
    CHECK(unknown.out.empty());
}
