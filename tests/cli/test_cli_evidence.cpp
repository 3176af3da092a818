// End-to-end tests of `dlitracker-cli evidence`: attach, list and export run as the built
// executable, with the database checked afterwards with SQLite itself.
#include "support/test_support.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <sqlite3.h>
#include <string>

using namespace Qt::StringLiterals;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using dli::test::readFile;
using dli::test::TempDir;
using dli::test::writeFile;

namespace {

enum EvidenceExit : int { Ok = 0, Bad = 2, DbError = 3 };

struct EvidenceRun {
    int exitCode = -1;
    QByteArray stdoutBytes;
    std::string out;
    std::string err;
};

// Runs dlitracker-cli with args in a clean environment and checks its exit status.
EvidenceRun runCli(const QStringList& args, int expectedExit)
{
    QProcess process;
    QProcessEnvironment env;
    env.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"HOME"_s, QDir::tempPath());
    env.insert(u"USER"_s, u"mne.officer"_s);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setWorkingDirectory(QDir::tempPath());
    process.start(QString::fromUtf8(DLI_CLI_PATH), args);
    INFO("dlitracker-cli " << args.join(u' '));
    REQUIRE(process.waitForStarted(10000));
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        FAIL("dlitracker-cli did not finish within 60 s");
    }
    EvidenceRun r;
    r.stdoutBytes = process.readAllStandardOutput();
    r.out = r.stdoutBytes.toStdString();
    r.err = process.readAllStandardError().toStdString();
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    r.exitCode = process.exitCode();
    INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
    CHECK(r.exitCode == expectedExit);
    return r;
}

// Runs SQL on a database file with SQLite itself.
void rawSql(const QString& path, const char* statements)
{
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
    std::string message = sqlite3_errmsg(db);
    if (rc == SQLITE_OK) {
        char* error = nullptr;
        rc = sqlite3_exec(db, statements, nullptr, nullptr, &error);
        message = error ? error : "";
        sqlite3_free(error);
    }
    sqlite3_close(db);
    INFO(statements << "\n" << message);
    REQUIRE(rc == SQLITE_OK);
}

// The first column of the first row of a query, as text.
std::string rawValue(const QString& path, const char* query)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, query, -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

QString hexSha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

const QByteArray kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";
const QByteArray kPng = QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200000001000000010806"
                                            "0000001f15c4890000000d49444154789c6360000002000001"
                                            "e221bc330000000049454e44ae426082");

// A demo database with observation obs-1, firm F-001 (row firm-1) and service svc-1.
QString evidenceDatabase(const TempDir& dir)
{
    const QString db = dir.path(u"evidence.dlidb"_s);
    runCli({u"demo"_s, db}, Ok);
    // Without the demo's own evidence, and after its observations, so that the counts below are
    // this test's files.
    rawSql(db, "DELETE FROM evidence; DELETE FROM evidence_contents;"
               "INSERT INTO observations (id, indicator_id, period, org_unit_id, value, reporter, "
               "created_at) SELECT 'obs-1', i.id, 'FY2027-Q1', u.id, '30', 'test', "
               "'2025-01-01T00:00:00Z' FROM indicators i, org_units u "
               "WHERE i.code = 'DAYS_REG' AND u.code = 'PB';"
               "INSERT INTO firms (id, code, name, cluster_id, entered_by, entered_at) "
               "SELECT 'firm-1', 'F-001', 'Sialkot Surgical Works', id, 'test', "
               "'2025-01-01T00:00:00Z' FROM org_units WHERE code = 'SKT-SURG';"
               "INSERT INTO services (id, firm_id, service_type, date, status, entered_by, "
               "entered_at) VALUES ('svc-1', 'firm-1', 'training', '2025-02-01', 'completed', "
               "'test', '2025-02-02T00:00:00Z');");
    return db;
}

QString written(const TempDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.path(name);
    writeFile(path, bytes);
    return path;
}

QJsonArray listedJson(const QString& db, const QStringList& extra = {})
{
    const EvidenceRun r =
        runCli(QStringList{u"evidence"_s, u"list"_s, db, u"--format"_s, u"json"_s} + extra, Ok);
    const QJsonDocument doc = QJsonDocument::fromJson(r.stdoutBytes);
    REQUIRE(doc.isObject());
    return doc.object().value(u"evidence"_s).toArray();
}

} // namespace

TEST_CASE("cli evidence: attach, list and export a file round trip", "[cli][evidence]")
{
    const TempDir dir;
    const QString db = evidenceDatabase(dir);
    const QString pdf = written(dir, u"progress report.pdf"_s, kPdf);
    const QString png = written(dir, u"site.png"_s, kPng);

    const EvidenceRun attached =
        runCli({u"evidence"_s, u"attach"_s, db, u"--observation"_s, u"obs-1"_s, pdf, png}, Ok);
    const QStringList lines =
        QString::fromUtf8(attached.stdoutBytes).split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 2);
    const QRegularExpression line(u"^([0-9a-f-]{36})  ([0-9a-f]{64})  (.+)$"_s);
    const auto first = line.match(lines[0]);
    const auto second = line.match(lines[1]);
    REQUIRE(first.hasMatch());
    REQUIRE(second.hasMatch());
    CHECK(first.captured(2) == hexSha256(kPdf));
    CHECK(first.captured(3) == pdf);
    CHECK(second.captured(2) == hexSha256(kPng));
    CHECK_THAT(attached.err, Contains("Attached 2 file(s) to observation obs-1"));

    const EvidenceRun table = runCli({u"evidence"_s, u"list"_s, db}, Ok);
    CHECK_THAT(table.out, StartsWith("Id  "));
    for (const char* text :
         {"File", "Type", "Size", "SHA-256", "Target", "By", "When", "progress report.pdf",
          "application/pdf", "image/png", "observation obs-1", "mne.officer"})
        CHECK_THAT(table.out, Contains(text));
    CHECK_THAT(table.out, Contains(hexSha256(kPdf).left(12).toStdString() + "  "));
    CHECK_FALSE(table.out.find(hexSha256(kPdf).toStdString()) != std::string::npos);

    const QJsonArray json = listedJson(db, {u"--observation"_s, u"obs-1"_s});
    REQUIRE(json.size() == 2);
    const QJsonObject pdfEntry = json.at(0).toObject();
    CHECK(pdfEntry.value(u"id"_s).toString() == first.captured(1));
    CHECK(pdfEntry.value(u"file_name"_s).toString() == u"progress report.pdf"_s);
    CHECK(pdfEntry.value(u"mime_type"_s).toString() == u"application/pdf"_s);
    CHECK(pdfEntry.value(u"size"_s).toInteger() == kPdf.size());
    CHECK(pdfEntry.value(u"sha256"_s).toString() == hexSha256(kPdf));
    CHECK(pdfEntry.value(u"target"_s).toString() == u"observation"_s);
    CHECK(pdfEntry.value(u"target_id"_s).toString() == u"obs-1"_s);
    CHECK(pdfEntry.value(u"attached_by"_s).toString() == u"mne.officer"_s);
    CHECK_FALSE(pdfEntry.value(u"attached_at"_s).toString().isEmpty());

    const QString out = dir.path(u"copy.png"_s);
    const EvidenceRun exported =
        runCli({u"evidence"_s, u"export"_s, db, second.captured(1), out}, Ok);
    CHECK(exported.out.empty());
    CHECK(readFile(out) == kPng);
    CHECK(hexSha256(readFile(out)) == second.captured(2));

    // OUT is never overwritten.
    const EvidenceRun again =
        runCli({u"evidence"_s, u"export"_s, db, second.captured(1), pdf}, Bad);
    CHECK_THAT(again.err, Contains("already exists"));
    CHECK(readFile(pdf) == kPdf);

    const EvidenceRun unknown =
        runCli({u"evidence"_s, u"export"_s, db, u"no-such-id"_s, dir.path(u"x"_s)}, Bad);
    CHECK_THAT(unknown.err, Contains("no evidence has the id \"no-such-id\""));
    CHECK_FALSE(QFileInfo::exists(dir.path(u"x"_s)));
}

TEST_CASE("cli evidence: the same content is stored once and refused twice on one target",
          "[cli][evidence]")
{
    const TempDir dir;
    const QString db = evidenceDatabase(dir);
    const QString pdf = written(dir, u"certificate.pdf"_s, kPdf);
    runCli({u"evidence"_s, u"attach"_s, db, u"--firm"_s, u"F-001"_s, pdf}, Ok);
    runCli({u"evidence"_s, u"attach"_s, db, u"--service"_s, u"svc-1"_s, pdf}, Ok);
    CHECK(rawValue(db, "SELECT count(*) FROM evidence_contents") == "1");
    CHECK(rawValue(db, "SELECT count(*) FROM evidence") == "2");
    CHECK(rawValue(db, "SELECT firm_id FROM evidence WHERE firm_id IS NOT NULL") == "firm-1");

    const QByteArray before = readFile(db);
    const QString renamed = written(dir, u"certificate (2).pdf"_s, kPdf);
    const EvidenceRun twice =
        runCli({u"evidence"_s, u"attach"_s, db, u"--firm"_s, u"F-001"_s, renamed}, Bad);
    CHECK_THAT(twice.err, Contains("already attached to firm F-001 as certificate.pdf"));
    CHECK_THAT(twice.err, Contains("nothing was attached"));
    CHECK(twice.out.empty());
    CHECK(readFile(db) == before);

    const QJsonArray json = listedJson(db, {u"--firm"_s, u"F-001"_s});
    REQUIRE(json.size() == 1);
    CHECK(json.at(0).toObject().value(u"target_id"_s).toString() == u"F-001"_s);
}

TEST_CASE("cli evidence: a file above 25 MiB and a missing file are refused, nothing attached",
          "[cli][evidence]")
{
    const TempDir dir;
    const QString db = evidenceDatabase(dir);
    const QString pdf = written(dir, u"ok.pdf"_s, kPdf);
    const QString big = written(dir, u"huge scan.tif"_s, QByteArray(25 * 1024 * 1024 + 1, 'z'));
    const QByteArray before = readFile(db);

    const EvidenceRun tooLarge =
        runCli({u"evidence"_s, u"attach"_s, db, u"--firm"_s, u"F-001"_s, pdf, big}, Bad);
    CHECK_THAT(tooLarge.err, Contains("huge scan.tif"));
    CHECK_THAT(tooLarge.err, Contains("26214401 bytes"));
    CHECK_THAT(tooLarge.err, Contains("limit of 26214400 bytes (25 MiB)"));
    CHECK(tooLarge.out.empty());

    const QString missing = dir.path(u"lost.pdf"_s);
    const EvidenceRun gone =
        runCli({u"evidence"_s, u"attach"_s, db, u"--firm"_s, u"F-001"_s, pdf, missing}, Bad);
    CHECK_THAT(gone.err, Contains(missing.toStdString() + ": no such file"));
    CHECK(gone.out.empty());

    CHECK(readFile(db) == before);
    CHECK(rawValue(db, "SELECT count(*) FROM evidence") == "0");
    CHECK(rawValue(db, "SELECT count(*) FROM evidence_contents") == "0");
}

TEST_CASE("cli evidence: an unknown firm code or observation is bad input", "[cli][evidence]")
{
    const TempDir dir;
    const QString db = evidenceDatabase(dir);
    const QString pdf = written(dir, u"ok.pdf"_s, kPdf);
    const QByteArray before = readFile(db);
    const EvidenceRun firm =
        runCli({u"evidence"_s, u"attach"_s, db, u"--firm"_s, u"F-404"_s, pdf}, Bad);
    CHECK_THAT(firm.err, Contains("no firm has the code \"F-404\""));
    const EvidenceRun observation =
        runCli({u"evidence"_s, u"attach"_s, db, u"--observation"_s, u"obs-9"_s, pdf}, Bad);
    CHECK_THAT(observation.err, Contains("no observation has the id \"obs-9\""));
    CHECK(readFile(db) == before);

    const EvidenceRun list =
        runCli({u"evidence"_s, u"list"_s, db, u"--observation"_s, u"obs-9"_s}, Bad);
    CHECK_THAT(list.err, Contains("obs-9"));
    CHECK(list.out.empty());
}

TEST_CASE("cli evidence: attach needs exactly one target option", "[cli][evidence]")
{
    const TempDir dir;
    const QString db = evidenceDatabase(dir);
    const QString pdf = written(dir, u"ok.pdf"_s, kPdf);
    const QByteArray before = readFile(db);
    struct Case {
        QStringList args;
        const char* expected;
    };
    const QList<Case> cases{
        {{db, pdf}, "name what the files are evidence for"},
        {{db, u"--firm"_s, u"F-001"_s, u"--service"_s, u"svc-1"_s, pdf}, "name only one target"},
        {{db, u"--firm"_s, u"F-001"_s, u"--firm"_s, u"F-002"_s, pdf}, "name only one target"},
        {{db, u"--firm"_s, u"F-001"_s}, "dlitracker-cli evidence attach: missing arguments"},
        {{db, u"--colour"_s, u"red"_s, pdf}, "colour"},
    };
    for (const Case& c : cases) {
        const EvidenceRun r = runCli(QStringList{u"evidence"_s, u"attach"_s} + c.args, Bad);
        CHECK_THAT(r.err, Contains(c.expected));
        CHECK(r.out.empty());
    }
    CHECK(readFile(db) == before);
}

TEST_CASE("cli evidence: damaged stored content is a database error on export", "[cli][evidence]")
{
    const TempDir dir;
    const QString db = evidenceDatabase(dir);
    const EvidenceRun attached = runCli({u"evidence"_s, u"attach"_s, db, u"--service"_s, u"svc-1"_s,
                                         written(dir, u"cert.pdf"_s, kPdf)},
                                        Ok);
    const QString id = QString::fromUtf8(attached.stdoutBytes).section(u' ', 0, 0);
    rawSql(db, "UPDATE evidence_contents SET content = zeroblob(length(content))");

    const QString out = dir.path(u"cert-out.pdf"_s);
    const EvidenceRun r = runCli({u"evidence"_s, u"export"_s, db, id, out}, DbError);
    CHECK_THAT(r.err, Contains("the stored evidence is damaged"));
    CHECK_THAT(r.err, Contains(id.toStdString()));
    CHECK_FALSE(QFileInfo::exists(out));
}

TEST_CASE("cli evidence: list of an empty store and bad formats", "[cli][evidence]")
{
    const TempDir dir;
    const QString db = evidenceDatabase(dir);
    const EvidenceRun table = runCli({u"evidence"_s, u"list"_s, db}, Ok);
    CHECK(table.out.empty());
    CHECK_THAT(table.err, Contains("No evidence is attached."));
    CHECK(listedJson(db).isEmpty());
    const EvidenceRun xml = runCli({u"evidence"_s, u"list"_s, db, u"--format"_s, u"xml"_s}, Bad);
    CHECK_THAT(xml.err, Contains("--format is table or json, not \"xml\""));
}

TEST_CASE("cli evidence: help, usage and unknown actions", "[cli][evidence]")
{
    const EvidenceRun usage = runCli({u"--help"_s}, Ok);
    for (const char* text :
         {"evidence attach DB (--observation ID | --firm CODE | --service ID) FILE...",
          "evidence list DB [--observation ID] [--format table|json]",
          "evidence export DB EVIDENCE_ID OUT"})
        CHECK_THAT(usage.out, Contains(text));

    for (const char* action : {"attach", "list", "export"}) {
        const QString command = u"evidence "_s + QString::fromLatin1(action);
        const EvidenceRun r = runCli({u"evidence"_s, QString::fromLatin1(action), u"--help"_s}, Ok);
        CHECK_THAT(r.out,
                   StartsWith((u"Usage: dlitracker-cli "_s + command + u" "_s).toStdString()));
        CHECK(r.err.empty());
    }
    const EvidenceRun attachHelp = runCli({u"evidence"_s, u"attach"_s, u"--help"_s}, Ok);
    CHECK_THAT(attachHelp.out, Contains("26214400 bytes (25 MiB)"));
    CHECK_THAT(attachHelp.out, Contains("--observation ID"));

    const EvidenceRun help = runCli({u"evidence"_s, u"--help"_s}, Ok);
    CHECK_THAT(help.out, StartsWith("Usage: dlitracker-cli evidence attach DB"));
    const EvidenceRun none = runCli({u"evidence"_s}, Bad);
    CHECK_THAT(none.err, Contains("choose an action, attach, list or export"));
    const EvidenceRun unknown = runCli({u"evidence"_s, u"delete"_s}, Bad);
    CHECK_THAT(unknown.err, Contains("unknown action \"delete\""));
}
