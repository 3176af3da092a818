// End-to-end tests of `dlitracker-cli evidence`: attach, list and export run as the built
// executable, with the database checked afterwards with SQLite itself.
#include "cli_process.h"
#include "support/test_support.h"

#include <QByteArray>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <sqlite3.h>
#include <string>

using namespace Qt::StringLiterals;
using namespace dli::test::cli;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using dli::test::readFile;
using dli::test::TempDir;
using dli::test::writeFile;

namespace {

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

const QByteArray kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";
const QByteArray kPng = QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200000001000000010806"
                                            "0000001f15c4890000000d49444154789c6360000002000001"
                                            "e221bc330000000049454e44ae426082");

// A demo database with observation obs-1, firm F-001 (row firm-1) and service svc-1.
QString evidenceDatabase(const TempDir& dir)
{
    const QString db = dir.path(u"evidence.dlidb"_s);
    cli({u"demo"_s, db}, Success);
    // Without the demo's own evidence, and after its observations, so that the counts below are
    // this test's files.
    sql(db, "DELETE FROM evidence; DELETE FROM evidence_contents;"
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
    const Run r =
        cli(QStringList{u"evidence"_s, u"list"_s, db, u"--format"_s, u"json"_s} + extra, Success);
    return parseObject(r.stdoutBytes).value(u"evidence"_s).toArray();
}

} // namespace

TEST_CASE("cli evidence: attach, list and export a file round trip", "[cli][evidence]")
{
    const TempDir dir;
    const QString db = evidenceDatabase(dir);
    const QString pdf = written(dir, u"progress report.pdf"_s, kPdf);
    const QString png = written(dir, u"site.png"_s, kPng);

    const Run attached =
        cli({u"evidence"_s, u"attach"_s, db, u"--observation"_s, u"obs-1"_s, pdf, png}, Success);
    const QStringList lines =
        QString::fromUtf8(attached.stdoutBytes).split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 2);
    const QRegularExpression line(u"^([0-9a-f-]{36})  ([0-9a-f]{64})  (.+)$"_s);
    const auto first = line.match(lines[0]);
    const auto second = line.match(lines[1]);
    REQUIRE(first.hasMatch());
    REQUIRE(second.hasMatch());
    CHECK(first.captured(2) == sha256Hex(kPdf));
    CHECK(first.captured(3) == pdf);
    CHECK(second.captured(2) == sha256Hex(kPng));
    CHECK_THAT(attached.err, Contains("Attached 2 file(s) to observation obs-1"));

    const Run table = cli({u"evidence"_s, u"list"_s, db}, Success);
    CHECK_THAT(table.out, StartsWith("Id  "));
    for (const char* text :
         {"File", "Type", "Size", "SHA-256", "Target", "By", "When", "progress report.pdf",
          "application/pdf", "image/png", "observation obs-1", "officer"})
        CHECK_THAT(table.out, Contains(text));
    CHECK_THAT(table.out, Contains(sha256Hex(kPdf).left(12).toStdString() + "  "));
    CHECK_FALSE(table.out.find(sha256Hex(kPdf).toStdString()) != std::string::npos);

    const QJsonArray json = listedJson(db, {u"--observation"_s, u"obs-1"_s});
    REQUIRE(json.size() == 2);
    const QJsonObject pdfEntry = json.at(0).toObject();
    CHECK(pdfEntry.value(u"id"_s).toString() == first.captured(1));
    CHECK(pdfEntry.value(u"file_name"_s).toString() == u"progress report.pdf"_s);
    CHECK(pdfEntry.value(u"mime_type"_s).toString() == u"application/pdf"_s);
    CHECK(pdfEntry.value(u"size"_s).toInteger() == kPdf.size());
    CHECK(pdfEntry.value(u"sha256"_s).toString() == sha256Hex(kPdf));
    CHECK(pdfEntry.value(u"target"_s).toString() == u"observation"_s);
    CHECK(pdfEntry.value(u"target_id"_s).toString() == u"obs-1"_s);
    CHECK(pdfEntry.value(u"attached_by"_s).toString() == u"officer"_s);
    CHECK_FALSE(pdfEntry.value(u"attached_at"_s).toString().isEmpty());
    // Attached at the office: not judged.
    CHECK(pdfEntry.value(u"findings"_s).isNull());
    CHECK(json.at(1).toObject().value(u"findings"_s).isNull());

    const QString out = dir.path(u"copy.png"_s);
    const Run exported = cli({u"evidence"_s, u"export"_s, db, second.captured(1), out}, Success);
    CHECK(exported.out.empty());
    CHECK(readFile(out) == kPng);
    CHECK(sha256Hex(readFile(out)) == second.captured(2));

    // OUT is never overwritten.
    const Run again = cli({u"evidence"_s, u"export"_s, db, second.captured(1), pdf}, BadInput);
    CHECK_THAT(again.err, Contains("already exists"));
    CHECK(readFile(pdf) == kPdf);

    const Run unknown =
        cli({u"evidence"_s, u"export"_s, db, u"no-such-id"_s, dir.path(u"x"_s)}, BadInput);
    CHECK_THAT(unknown.err, Contains("no evidence has the id \"no-such-id\""));
    CHECK_FALSE(QFileInfo::exists(dir.path(u"x"_s)));
}

TEST_CASE("cli evidence: the findings on photos of a field visit are listed", "[cli][evidence]")
{
    const TempDir dir;
    const QString db = evidenceDatabase(dir);
    const QString pdf = written(dir, u"certificate.pdf"_s, kPdf);
    const QString png = written(dir, u"gate.png"_s, kPng);
    const QString far = written(dir, u"street.png"_s, kPng + "street");
    cli({u"evidence"_s, u"attach"_s, db, u"--firm"_s, u"F-001"_s, pdf, png, far}, Success);
    // As a field visit's photo check leaves them (tests/core/services/test_field_photos.cpp).
    sql(db, "UPDATE evidence SET findings = '[]' WHERE file_name = 'gate.png';"
            "UPDATE evidence SET findings = '[{\"kind\":\"far_from_firm\",\"message\":"
            "\"taken 2.3 km from F-001''s registered location (limit 500 m)\"},{\"kind\":"
            "\"no_time\",\"message\":\"the photo has no capture time\"}]' "
            "WHERE file_name = 'street.png';");

    const Run table = cli({u"evidence"_s, u"list"_s, db}, Success);
    CHECK_THAT(table.out, Contains("  Findings\n"));
    const QStringList lines = QString::fromUtf8(table.stdoutBytes).split(u'\n');
    REQUIRE(lines.size() >= 5);
    CHECK(lines[2].contains(u"certificate.pdf"_s));
    CHECK(lines[2].trimmed().endsWith(u"Z"_s)); // the time, then a blank: not judged
    CHECK(lines[3].trimmed().endsWith(u"  none"_s));
    CHECK(lines[4].trimmed().endsWith(u"  far_from_firm,no_time"_s));

    const QJsonArray json = listedJson(db, {u"--firm"_s, u"F-001"_s});
    REQUIRE(json.size() == 3);
    CHECK(json.at(0).toObject().value(u"findings"_s).isNull());
    CHECK(json.at(1).toObject().value(u"findings"_s).toArray().isEmpty());
    CHECK(json.at(1).toObject().value(u"findings"_s).isArray());
    const QJsonArray findings = json.at(2).toObject().value(u"findings"_s).toArray();
    REQUIRE(findings.size() == 2);
    CHECK(findings.at(0).toObject().value(u"kind"_s).toString() == u"far_from_firm"_s);
    CHECK(findings.at(0).toObject().value(u"message"_s).toString() ==
          u"taken 2.3 km from F-001's registered location (limit 500 m)"_s);
    CHECK(findings.at(1).toObject().value(u"kind"_s).toString() == u"no_time"_s);
}

TEST_CASE("cli evidence: the same content is stored once and refused twice on one target",
          "[cli][evidence]")
{
    const TempDir dir;
    const QString db = evidenceDatabase(dir);
    const QString pdf = written(dir, u"certificate.pdf"_s, kPdf);
    cli({u"evidence"_s, u"attach"_s, db, u"--firm"_s, u"F-001"_s, pdf}, Success);
    cli({u"evidence"_s, u"attach"_s, db, u"--service"_s, u"svc-1"_s, pdf}, Success);
    CHECK(rawValue(db, "SELECT count(*) FROM evidence_contents") == "1");
    CHECK(rawValue(db, "SELECT count(*) FROM evidence") == "2");
    CHECK(rawValue(db, "SELECT firm_id FROM evidence WHERE firm_id IS NOT NULL") == "firm-1");

    const QByteArray before = readFile(db);
    const QString renamed = written(dir, u"certificate (2).pdf"_s, kPdf);
    const Run twice =
        cli({u"evidence"_s, u"attach"_s, db, u"--firm"_s, u"F-001"_s, renamed}, BadInput);
    CHECK_THAT(twice.err, Contains("already attached to firm F-001 as certificate.pdf"));
    CHECK_THAT(twice.err, Contains("nothing was attached"));
    CHECK(twice.out.empty());
    CHECK(sha256Hex(readFile(db)) == sha256Hex(before));

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

    const Run tooLarge =
        cli({u"evidence"_s, u"attach"_s, db, u"--firm"_s, u"F-001"_s, pdf, big}, BadInput);
    CHECK_THAT(tooLarge.err, Contains("huge scan.tif"));
    CHECK_THAT(tooLarge.err, Contains("26214401 bytes"));
    CHECK_THAT(tooLarge.err, Contains("limit of 26214400 bytes (25 MiB)"));
    CHECK(tooLarge.out.empty());

    const QString missing = dir.path(u"lost.pdf"_s);
    const Run gone =
        cli({u"evidence"_s, u"attach"_s, db, u"--firm"_s, u"F-001"_s, pdf, missing}, BadInput);
    CHECK_THAT(gone.err, Contains(missing.toStdString() + ": no such file"));
    CHECK(gone.out.empty());

    CHECK(sha256Hex(readFile(db)) == sha256Hex(before));
    CHECK(rawValue(db, "SELECT count(*) FROM evidence") == "0");
    CHECK(rawValue(db, "SELECT count(*) FROM evidence_contents") == "0");
}

TEST_CASE("cli evidence: an unknown firm code or observation is bad input", "[cli][evidence]")
{
    const TempDir dir;
    const QString db = evidenceDatabase(dir);
    const QString pdf = written(dir, u"ok.pdf"_s, kPdf);
    const QByteArray before = readFile(db);
    const Run firm = cli({u"evidence"_s, u"attach"_s, db, u"--firm"_s, u"F-404"_s, pdf}, BadInput);
    CHECK_THAT(firm.err, Contains("no firm has the code \"F-404\""));
    const Run observation =
        cli({u"evidence"_s, u"attach"_s, db, u"--observation"_s, u"obs-9"_s, pdf}, BadInput);
    CHECK_THAT(observation.err, Contains("no observation has the id \"obs-9\""));
    CHECK(sha256Hex(readFile(db)) == sha256Hex(before));

    const Run list = cli({u"evidence"_s, u"list"_s, db, u"--observation"_s, u"obs-9"_s}, BadInput);
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
        const Run r = cli(QStringList{u"evidence"_s, u"attach"_s} + c.args, BadInput);
        CHECK_THAT(r.err, Contains(c.expected));
        CHECK(r.out.empty());
    }
    CHECK(sha256Hex(readFile(db)) == sha256Hex(before));
}

TEST_CASE("cli evidence: damaged stored content is a database error on export", "[cli][evidence]")
{
    const TempDir dir;
    const QString db = evidenceDatabase(dir);
    const Run attached = cli({u"evidence"_s, u"attach"_s, db, u"--service"_s, u"svc-1"_s,
                              written(dir, u"cert.pdf"_s, kPdf)},
                             Success);
    const QString id = QString::fromUtf8(attached.stdoutBytes).section(u' ', 0, 0);
    sql(db, "UPDATE evidence_contents SET content = zeroblob(length(content))");

    const QString out = dir.path(u"cert-out.pdf"_s);
    const Run r = cli({u"evidence"_s, u"export"_s, db, id, out}, DatabaseError);
    CHECK_THAT(r.err, Contains("the stored evidence is damaged"));
    CHECK_THAT(r.err, Contains(id.toStdString()));
    CHECK_FALSE(QFileInfo::exists(out));
}

TEST_CASE("cli evidence: list of an empty store and bad formats", "[cli][evidence]")
{
    const TempDir dir;
    const QString db = evidenceDatabase(dir);
    const Run table = cli({u"evidence"_s, u"list"_s, db}, Success);
    CHECK(table.out.empty());
    CHECK_THAT(table.err, Contains("No evidence is attached."));
    CHECK(listedJson(db).isEmpty());
    const Run xml = cli({u"evidence"_s, u"list"_s, db, u"--format"_s, u"xml"_s}, BadInput);
    CHECK_THAT(xml.err, Contains("--format is table or json, not \"xml\""));
}

TEST_CASE("cli evidence: help, usage and unknown actions", "[cli][evidence]")
{
    const Run usage = cli({u"--help"_s}, Success);
    for (const char* text :
         {"evidence attach DB (--observation ID | --firm CODE | --service ID) FILE...",
          "evidence list DB [--observation ID] [--format table|json]",
          "evidence export DB EVIDENCE_ID OUT"})
        CHECK_THAT(usage.out, Contains(text));

    for (const char* action : {"attach", "list", "export"}) {
        const QString command = u"evidence "_s + QString::fromLatin1(action);
        const Run r = cli({u"evidence"_s, QString::fromLatin1(action), u"--help"_s}, Success);
        CHECK_THAT(r.out,
                   StartsWith((u"Usage: dlitracker-cli "_s + command + u" "_s).toStdString()));
        CHECK(r.err.empty());
    }
    const Run attachHelp = cli({u"evidence"_s, u"attach"_s, u"--help"_s}, Success);
    CHECK_THAT(attachHelp.out, Contains("26214400 bytes (25 MiB)"));
    CHECK_THAT(attachHelp.out, Contains("--observation ID"));

    const Run help = cli({u"evidence"_s, u"--help"_s}, Success);
    CHECK_THAT(help.out, StartsWith("Usage: dlitracker-cli evidence attach DB"));
    const Run none = cli({u"evidence"_s}, BadInput);
    CHECK_THAT(none.err, Contains("choose an action, attach, list or export"));
    const Run unknown = cli({u"evidence"_s, u"delete"_s}, BadInput);
    CHECK_THAT(unknown.err, Contains("unknown action \"delete\""));
}
