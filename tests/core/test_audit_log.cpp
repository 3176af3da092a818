// The hash-chained audit log against another program writing to the file: every edit, deletion,
// insertion or reordering of entries, and every change to an audited row or an evidence file
// made outside DLI Tracker, is a problem `audit verify` names. A rewritten chain is caught by
// the head recorded before.
#include "core/storage/program_repository.h"
#include "core/storage/schema.h"
#include "trust_support.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace dli;

namespace {

// A copy of the demo whose file the test changes behind DLI Tracker's back.
struct Tampered : test::DemoCopy {
    QList<AuditEntry> log;

    Tampered()
    {
        auto entries = session->audit().entries();
        REQUIRE(entries.ok());
        log = entries.value();
        REQUIRE(log.size() > 100);
    }

    QStringList verify(const QString& expect = {})
    {
        auto report = session->audit().verify(expect);
        if (!report)
            FAIL(report.error().text().toStdString());
        return report->problems;
    }

    // Closes the session, runs the SQL with SQLite's C API, reopens, and verifies.
    QStringList tamper(const QString& sql, const QString& expect = {})
    {
        close();
        test::rawExec(path(), sql);
        open();
        return verify(expect);
    }

    const AuditEntry& first(const QString& action) const
    {
        for (const AuditEntry& e : log) {
            if (e.action == action)
                return e;
        }
        FAIL("no audit entry " << action.toStdString());
        return log.first();
    }

    QString text(const QString& sql)
    {
        const QStringList c = test::column(session->database(), sql);
        REQUIRE_FALSE(c.isEmpty());
        return c.first();
    }
};

QString entryText(std::int64_t seq)
{
    return u"audit entry "_s + QString::number(seq);
}

} // namespace

TEST_CASE("Audit: a fresh copy of the demo verifies clean, every row checked", "[audit][verify]")
{
    Tampered t;
    auto report = t.session->audit().verify();
    REQUIRE(report.ok());
    INFO(report->problems.join(u'\n').toStdString());
    CHECK(report->problems.isEmpty());
    CHECK(report->entries == t.log.size());
    CHECK(report->head == t.log.last().hash);
    CHECK(report->rowsChecked > 4000);
    // The entries form a chain: numbered from 1, each naming its predecessor's hash.
    QString prev;
    for (qsizetype i = 0; i < t.log.size(); ++i) {
        const AuditEntry& e = t.log[i];
        CHECK(e.seq == i + 1);
        CHECK(e.prevHash == prev);
        CHECK(e.hash == AuditLog::hashOf(e));
        CHECK(e.hash.size() == 64);
        prev = e.hash;
    }
    CHECK(t.session->audit().head().value() == prev);
    CHECK_FALSE(t.session->audit().hasUnstampedRows().value());
}

// ---------------------------------------------------------------------------------------------
// The entries

TEST_CASE("Audit: an edited entry is named", "[audit][tamper]")
{
    struct Edit {
        const char* what;
        QString set;
    };
    const QList<Edit> edits{
        {"user", u"user_name = 'mallory'"_s},
        {"time", u"at = '2026-01-01T00:00:00.000Z'"_s},
        {"action", u"action = 'observation.amend'"_s},
        {"reason", u"details = replace(details, 'purchase orders', 'delivery notes')"_s},
        {"new values", u"new_values = replace(new_values, '\"rejected\"', '\"verified\"')"_s},
        {"old values", u"old_values = replace(old_values, '\"submitted\"', '\"draft\"')"_s},
        {"row", u"row_id = 'another-row'"_s},
    };
    for (const Edit& edit : edits) {
        INFO(edit.what);
        Tampered t;
        const AuditEntry& reject = t.first(u"observation.reject"_s);
        const QStringList problems = t.tamper(u"UPDATE audit_log SET "_s + edit.set +
                                              u" WHERE seq = "_s + QString::number(reject.seq));
        CHECK_MENTIONS(problems, entryText(reject.seq), u"does not match its hash"_s);
    }
}

TEST_CASE("Audit: a deleted entry is found, in the middle or at the end", "[audit][tamper]")
{
    {
        Tampered t;
        const AuditEntry& verify = t.first(u"observation.verify"_s);
        const QStringList problems =
            t.tamper(u"DELETE FROM audit_log WHERE seq = "_s + QString::number(verify.seq));
        CHECK_MENTIONS(problems, entryText(verify.seq + 1),
                       u"expected entry "_s + QString::number(verify.seq));
        CHECK_MENTIONS(problems, entryText(verify.seq + 1), u"does not follow"_s);
    }
    {
        // The last entries leave an intact chain behind, but the rows they wrote name them.
        Tampered t;
        const AuditEntry& last = t.log.last();
        const QStringList problems =
            t.tamper(u"DELETE FROM audit_log WHERE seq = "_s + QString::number(last.seq));
        CHECK_MENTIONS(problems, u"names "_s + entryText(last.seq), u"does not exist"_s);
    }
}

TEST_CASE("Audit: entries swapped or renumbered are found", "[audit][tamper]")
{
    {
        Tampered t;
        const std::int64_t a = t.first(u"observation.query"_s).seq;
        const QString sql = u"UPDATE audit_log SET seq = -1 WHERE seq = %1; "
                            "UPDATE audit_log SET seq = %1 WHERE seq = %2; "
                            "UPDATE audit_log SET seq = %2 WHERE seq = -1;"_s.arg(a)
                                .arg(a + 1);
        const QStringList problems = t.tamper(sql);
        CHECK_MENTIONS(problems, entryText(a), u"does not follow"_s);
        CHECK_MENTIONS(problems, entryText(a), u"does not match its hash"_s);
        CHECK_MENTIONS(problems, entryText(a + 1));
    }
    {
        // Two entries far apart.
        Tampered t;
        const std::int64_t a = t.first(u"user.add"_s).seq;
        const std::int64_t b = t.first(u"sample.close"_s).seq;
        const QString sql = u"UPDATE audit_log SET seq = -1 WHERE seq = %1; "
                            "UPDATE audit_log SET seq = %1 WHERE seq = %2; "
                            "UPDATE audit_log SET seq = %2 WHERE seq = -1;"_s.arg(a)
                                .arg(b);
        const QStringList problems = t.tamper(sql);
        CHECK_MENTIONS(problems, entryText(a));
        CHECK_MENTIONS(problems, entryText(b));
    }
    {
        // Renumbered from one entry on, hashes untouched.
        Tampered t;
        const std::int64_t a = t.first(u"sample.draw"_s).seq;
        const QStringList problems =
            t.tamper(u"UPDATE audit_log SET seq = seq + 1000 WHERE seq >= "_s + QString::number(a));
        CHECK_MENTIONS(problems, entryText(a + 1000), u"expected entry "_s + QString::number(a));
    }
    {
        // An entry slipped in at the end, with a good link but no valid hash.
        Tampered t;
        const AuditEntry& last = t.log.last();
        const QStringList problems = t.tamper(
            u"INSERT INTO audit_log (seq, at, user_name, action, prev_hash, hash) VALUES (%1, "
            "'2026-07-02T00:00:00.000Z', 'mallory', 'backup', '%2', '%3')"_s.arg(last.seq + 1)
                .arg(last.hash, QString(64, u'0')));
        CHECK_MENTIONS(problems, entryText(last.seq + 1), u"does not match its hash"_s);
    }
}

// ---------------------------------------------------------------------------------------------
// The rows

TEST_CASE("Audit: an audited row changed outside DLI Tracker is found", "[audit][tamper]")
{
    SECTION("a verified observation's value")
    {
        Tampered t;
        const QString id =
            t.text(u"SELECT id FROM observations WHERE state = 'verified' LIMIT 1"_s);
        const QStringList problems =
            t.tamper(u"UPDATE observations SET value = '999' WHERE id = '"_s + id + u"'"_s);
        CHECK_MENTIONS(problems, u"observations row "_s + id, u"differs"_s);
    }
    SECTION("a bulk-imported firm's name")
    {
        Tampered t;
        const QString code = t.text(u"SELECT code FROM firms ORDER BY code LIMIT 1"_s);
        const std::int64_t bulk = t.first(u"demo.populate"_s).seq;
        const QStringList problems = t.tamper(
            u"UPDATE firms SET name = 'Ghost Exports Ltd' WHERE code = '"_s + code + u"'"_s);
        CHECK_MENTIONS(problems, entryText(bulk), u"demo.populate"_s, u"firms"_s);
    }
    SECTION("a draft observation, as imported")
    {
        Tampered t;
        const QString id = t.text(u"SELECT id FROM observations WHERE state = 'draft' LIMIT 1"_s);
        const QStringList problems =
            t.tamper(u"UPDATE observations SET value = value + 1 WHERE id = '"_s + id + u"'"_s);
        CHECK_MENTIONS(problems, u"demo.populate"_s, u"observations"_s);
    }
    SECTION("the program's definition")
    {
        Tampered t;
        const std::int64_t imported = t.first(u"program.import"_s).seq;
        const QStringList problems =
            t.tamper(u"UPDATE dlrs SET allocation_minor = allocation_minor * 2 WHERE rowid = 1"_s);
        CHECK_MENTIONS(problems, entryText(imported), u"dlrs"_s);
    }
    SECTION("an account's roles")
    {
        Tampered t;
        const QString id = t.text(u"SELECT id FROM users WHERE name = 'viewer'"_s);
        const QStringList problems =
            t.tamper(u"UPDATE users SET roles = 'admin' WHERE name = 'viewer'"_s);
        CHECK_MENTIONS(problems, u"users row "_s + id);
    }
    SECTION("a verified observation rolled back to its submitted state and entry")
    {
        // The row as the verification found it, naming the entry that wrote it then.
        Tampered t;
        const AuditEntry& verify = t.first(u"observation.verify"_s);
        const QJsonObject before = QJsonDocument::fromJson(verify.oldValues).object();
        REQUIRE(before.value("state"_L1).toString() == u"submitted"_s);
        const QString sql = u"UPDATE observations SET state = 'submitted', audit_ref = %1 WHERE "
                            "id = '%2'"_s.arg(before.value("audit_ref"_L1).toInteger())
                                .arg(verify.rowId);
        const QStringList problems = t.tamper(sql);
        CHECK_MENTIONS(problems, u"observations row "_s + verify.rowId, u"not its last change"_s);
    }
    SECTION("a row that names another row's entry")
    {
        Tampered t;
        const AuditEntry& verify = t.first(u"observation.verify"_s);
        const QString other =
            t.text(u"SELECT id FROM observations WHERE state = 'verified' AND id <> '"_s +
                   verify.rowId + u"' LIMIT 1"_s);
        const QStringList problems = t.tamper(
            u"UPDATE observations SET value = '1', audit_ref = %1 WHERE id = '%2'"_s.arg(verify.seq)
                .arg(other));
        CHECK_MENTIONS(problems, u"observations row "_s + other, entryText(verify.seq));
    }
}

TEST_CASE("Audit: an audited row deleted outside DLI Tracker is found", "[audit][tamper]")
{
    SECTION("a register row, imported in bulk")
    {
        Tampered t;
        const std::int64_t bulk = t.first(u"demo.populate"_s).seq;
        const int trainees = t.text(u"SELECT count(*) FROM trainees"_s).toInt();
        const QStringList problems = t.tamper(
            u"DELETE FROM trainees WHERE id = (SELECT id FROM trainees ORDER BY id LIMIT 1)"_s);
        CHECK_MENTIONS(problems, entryText(bulk), u"trainees"_s,
                       u"recorded "_s + QString::number(trainees) + u" rows"_s,
                       QString::number(trainees - 1) + u" are there"_s);
    }
    SECTION("a transition, audited on its own")
    {
        Tampered t;
        const AuditEntry& added = t.first(u"transition.add"_s);
        const QStringList problems =
            t.tamper(u"DELETE FROM transitions WHERE id = '"_s + added.rowId + u"'"_s);
        CHECK_MENTIONS(problems, u"transitions row "_s + added.rowId, u"missing"_s);
    }
    SECTION("a verification")
    {
        Tampered t;
        const AuditEntry& added = t.first(u"verification.add"_s);
        const QStringList problems =
            t.tamper(u"DELETE FROM verifications WHERE id = '"_s + added.rowId + u"'"_s);
        CHECK_MENTIONS(problems, u"verifications row "_s + added.rowId, u"missing"_s);
    }
}

TEST_CASE("Audit: a row inserted outside DLI Tracker is found", "[audit][tamper]")
{
    const QString firm =
        u"INSERT INTO firms (id, code, name, cluster_id, entered_by, entered_at, audit_ref) "
        "SELECT 'forged-firm', 'F-FORGED', 'Forged Firm', cluster_id, 'mallory', "
        "'2026-01-01T00:00:00Z', %1 FROM firms LIMIT 1"_s;
    SECTION("without an audit reference")
    {
        Tampered t;
        const QStringList problems = t.tamper(firm.arg(u"NULL"_s));
        CHECK_MENTIONS(problems, u"firms row forged-firm"_s, u"not in the audit log"_s);
    }
    SECTION("naming the bulk entry of the import")
    {
        Tampered t;
        const std::int64_t bulk = t.first(u"demo.populate"_s).seq;
        const int firms = t.text(u"SELECT count(*) FROM firms"_s).toInt();
        const QStringList problems = t.tamper(firm.arg(bulk));
        CHECK_MENTIONS(problems, entryText(bulk), u"firms"_s,
                       QString::number(firms + 1) + u" are there"_s);
    }
    SECTION("naming an entry that does not exist")
    {
        Tampered t;
        const QStringList problems = t.tamper(firm.arg(t.log.size() + 50));
        CHECK_MENTIONS(problems, u"firms row forged-firm"_s, u"does not exist"_s);
    }
    SECTION("naming an entry about another row")
    {
        Tampered t;
        const std::int64_t user = t.first(u"user.add"_s).seq;
        const QStringList problems = t.tamper(firm.arg(user));
        CHECK_MENTIONS(problems, u"firms row forged-firm"_s, entryText(user));
    }
    SECTION("an observation")
    {
        Tampered t;
        const QStringList problems = t.tamper(
            u"INSERT INTO observations (id, indicator_id, period, org_unit_id, value, reporter, "
            "created_at, state) SELECT 'forged-obs', indicator_id, 'FY2027-Q1', org_unit_id, "
            "'100', 'officer', '2026-07-01T00:00:00Z', 'verified' FROM observations LIMIT 1"_s);
        CHECK_MENTIONS(problems, u"observations row forged-obs"_s, u"not in the audit log"_s);
    }
}

TEST_CASE("Audit: an evidence file changed outside DLI Tracker is found", "[audit][tamper]")
{
    SECTION("its content")
    {
        Tampered t;
        const QString sha = t.text(u"SELECT sha256 FROM evidence_contents ORDER BY sha256"_s);
        const QStringList problems =
            t.tamper(u"UPDATE evidence_contents SET content = CAST('forged report' AS BLOB) WHERE "
                     "sha256 = '"_s +
                     sha + u"'"_s);
        CHECK_MENTIONS(problems, u"evidence file "_s + sha, u"SHA-256"_s);
    }
    SECTION("one byte of it")
    {
        Tampered t;
        const QString sha = t.text(u"SELECT sha256 FROM evidence_contents ORDER BY sha256"_s);
        const QStringList problems = t.tamper(
            u"UPDATE evidence_contents SET content = substr(content, 1, length(content) - 1) || "
            "X'00' WHERE sha256 = '"_s +
            sha + u"'"_s);
        CHECK_MENTIONS(problems, u"evidence file "_s + sha);
    }
    SECTION("swapped for another file, consistently stored under its own SHA-256")
    {
        Tampered t;
        const QByteArray forged = "%PDF-1.4\nforged\n%%EOF\n";
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(forged, QCryptographicHash::Sha256).toHex());
        const QString id = t.text(u"SELECT id FROM evidence ORDER BY id LIMIT 1"_s);
        const QStringList problems = t.tamper(
            u"INSERT INTO evidence_contents (sha256, size, content) VALUES ('%1', %2, X'%3'); "
            "UPDATE evidence SET sha256 = '%1', size = %2 WHERE id = '%4';"_s.arg(sha)
                .arg(forged.size())
                .arg(QString::fromLatin1(forged.toHex()), id));
        INFO(problems.join(u'\n').toStdString());
        CHECK_FALSE(problems.isEmpty());
        CHECK((test::mentions(problems, {u"evidence row "_s + id}) ||
               test::mentions(problems, {u"evidence"_s, u"digest"_s})));
    }
}

// ---------------------------------------------------------------------------------------------
// The head

TEST_CASE("Audit: verify(expect) wants a hash of the chain, intact up to it", "[audit][head]")
{
    Tampered t;
    CHECK(t.verify(t.log.last().hash).isEmpty());
    CHECK(t.verify(t.log[99].hash).isEmpty()); // an earlier head: the log has grown since
    CHECK(t.verify(t.log.first().hash).isEmpty());

    const QString unknown = QString::fromLatin1(
        QCryptographicHash::hash("not an entry", QCryptographicHash::Sha256).toHex());
    const QStringList problems = t.verify(unknown);
    CHECK_MENTIONS(problems, unknown, u"not in the chain"_s);
    CHECK(problems.size() == 1);
    CHECK_MENTIONS(t.verify(t.log.last().hash.toUpper()), u"not in the chain"_s);

    // Truncated: the head a reader noted before is gone.
    const QString head = t.log.last().hash;
    const QStringList truncated =
        t.tamper(u"DELETE FROM audit_log WHERE seq > "_s + QString::number(t.log.size() - 5), head);
    CHECK_MENTIONS(truncated, head, u"not in the chain"_s);
}

TEST_CASE("Audit: a chain rewritten consistently passes plain verify but not verify(old head)",
          "[audit][head]")
{
    Tampered t;
    const QString oldHead = t.log.last().hash;
    const qsizetype k = t.log.size() / 2;
    const QString beforeEdit = t.log[k - 1].hash;
    const QString editedHash = t.log[k].hash;

    // Blame someone else for entry k and recompute every hash from there on, as a careful
    // forger would.
    QList<AuditEntry> rewritten = t.log;
    rewritten[k].user = u"mallory"_s;
    for (qsizetype i = k; i < rewritten.size(); ++i) {
        rewritten[i].prevHash = rewritten[i - 1].hash;
        rewritten[i].hash = AuditLog::hashOf(rewritten[i]);
    }
    REQUIRE(rewritten.last().hash != oldHead);
    t.close();
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open_v2(t.path().toUtf8().constData(), &db, SQLITE_OPEN_READWRITE,
                                nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db,
                                   "UPDATE audit_log SET user_name = ?, prev_hash = ?, hash = ? "
                                   "WHERE seq = ?",
                                   -1, &stmt, nullptr) == SQLITE_OK);
        for (qsizetype i = k; i < rewritten.size(); ++i) {
            const QByteArray user = rewritten[i].user.toUtf8();
            const QByteArray prev = rewritten[i].prevHash.toLatin1();
            const QByteArray hash = rewritten[i].hash.toLatin1();
            sqlite3_bind_text(stmt, 1, user.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(stmt, 2, prev.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(stmt, 3, hash.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(stmt, 4, rewritten[i].seq);
            REQUIRE(sqlite3_step(stmt) == SQLITE_DONE);
            sqlite3_reset(stmt);
        }
        sqlite3_finalize(stmt);
        REQUIRE(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    t.open();

    const QStringList plain = t.verify();
    INFO(plain.join(u'\n').toStdString());
    CHECK(plain.isEmpty());
    CHECK(t.session->audit().head().value() == rewritten.last().hash);
    CHECK(t.session->audit().entries().value()[k].user == u"mallory"_s);

    CHECK_MENTIONS(t.verify(oldHead), oldHead, u"not in the chain"_s);
    CHECK_MENTIONS(t.verify(editedHash), editedHash);
    CHECK(t.verify(beforeEdit).isEmpty()); // the part before the edit is untouched
    CHECK(t.verify(rewritten.last().hash).isEmpty());
}

TEST_CASE("Audit: new work extends the chain and keeps it verifiable", "[audit][verify]")
{
    Tampered t;
    const QString oldHead = t.log.last().hash;
    t.actAs(u"officer"_s);
    const QString id =
        t.draft(u"LINKAGES"_s, Period::quarter(2027, 1), u"SKT-SURG"_s, Decimal::fromInt(3));
    t.attachEvidence(id);
    auto report = t.session->audit().verify(oldHead);
    REQUIRE(report.ok());
    INFO(report->problems.join(u'\n').toStdString());
    CHECK(report->problems.isEmpty());
    CHECK(report->entries > t.log.size());
    CHECK(report->head != oldHead);
    // A bulk entry records, per table, how many rows it covers and their digest.
    auto entries = t.session->audit().entries();
    REQUIRE(entries.ok());
    const AuditEntry* bulk = nullptr;
    for (const AuditEntry& e : entries.value()) {
        if (e.action == u"test.observations"_s)
            bulk = &e;
    }
    REQUIRE(bulk);
    const QJsonObject details = QJsonDocument::fromJson(bulk->details).object();
    CHECK(details.value("rows"_L1).toInteger() == 1);
    const QJsonObject observations =
        details.value("tables"_L1).toObject().value("observations"_L1).toObject();
    CHECK(observations.value("rows"_L1).toInteger() == 1);
    CHECK(observations.value("digest"_L1).toString().size() == 64);
    CHECK(t.text(u"SELECT audit_ref FROM observations WHERE id = '"_s + id + u"'"_s) ==
          QString::number(bulk->seq));
}

// ---------------------------------------------------------------------------------------------
// A file from before the audit log

TEST_CASE("Audit: an older database's rows enter the log in one entry when it is upgraded",
          "[audit][migration]")
{
    test::TempDir dir;
    const QString path = dir.path(u"v3.dlit"_s);
    auto program = Demo::program();
    REQUIRE(program.ok());
    {
        auto db = Database::open(path, Database::Mode::CreateNew, 3);
        if (!db)
            FAIL(db.error().text().toStdString());
        Database& d = *db.value();
        REQUIRE(d.schemaVersion() == 3);
        const SessionOptions options =
            SessionOptions::deterministic(9, Demo::fixedNow(), u"before"_s);
        Transaction tx(d);
        REQUIRE(tx.begun().ok());
        ProgramRepository repo(d, options);
        const Status inserted = repo.insert(program.value());
        if (!inserted)
            FAIL(inserted.error().text().toStdString());
        REQUIRE(d.exec(u"INSERT INTO firms (id, code, name, cluster_id, entered_by, entered_at) "
                       "SELECT 'firm-1', 'F-001', 'Old Firm', id, 'before', "
                       "'2024-01-01T00:00:00Z' FROM org_units WHERE code = 'SKT-SURG'"_s)
                    .ok());
        REQUIRE(tx.commit().ok());
    }
    {
        auto s = Session::open(path, SessionOptions::deterministic(10, Demo::fixedNow(), u"u"_s));
        if (!s)
            FAIL(s.error().text().toStdString());
        Session& session = *s.value();
        CHECK(session.database().schemaVersion() == Schema::currentVersion());
        CHECK(QFileInfo::exists(session.database().preMigrationCopy()));
        auto entries = session.audit().entries();
        REQUIRE(entries.ok());
        REQUIRE(entries->size() == 1);
        const AuditEntry& start = entries->first();
        CHECK(start.action == u"audit.start"_s);
        CHECK(start.prevHash.isEmpty());
        const QJsonObject details = QJsonDocument::fromJson(start.details).object();
        const QJsonObject tables = details.value("tables"_L1).toObject();
        CHECK(tables.value("firms"_L1).toObject().value("rows"_L1).toInteger() == 1);
        CHECK(tables.value("dlis"_L1).toObject().value("rows"_L1).toInteger() ==
              program->dlis.size());
        CHECK_FALSE(session.audit().hasUnstampedRows().value());
        auto report = session.audit().verify();
        REQUIRE(report.ok());
        INFO(report->problems.join(u'\n').toStdString());
        CHECK(report->problems.isEmpty());
        CHECK(report->rowsChecked == details.value("rows"_L1).toInteger());
    }
    // Opening it again adds nothing; changing an adopted row afterwards is found.
    {
        auto s = Session::open(path, SessionOptions::deterministic(11, Demo::fixedNow(), u"u"_s));
        REQUIRE(s.ok());
        CHECK(s.value()->audit().entries().value().size() == 1);
    }
    test::rawExec(path, u"UPDATE firms SET name = 'New Name' WHERE code = 'F-001'"_s);
    auto s = Session::open(path, SessionOptions::deterministic(12, Demo::fixedNow(), u"u"_s));
    REQUIRE(s.ok());
    auto report = s.value()->audit().verify();
    REQUIRE(report.ok());
    CHECK_MENTIONS(report->problems, entryText(1), u"audit.start"_s, u"firms"_s);
}
