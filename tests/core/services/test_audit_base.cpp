// A field copy's audit log (docs/audit.md, "Field copies"): it starts empty and continues the
// office chain from the base recorded in meta. Its own entries are checked as any log's; rows
// copied from the office name entries at or before the base and are taken as the office left
// them; without a base nothing changes.
#include "core/workflow/workflow.h"
#include "trust_support.h"

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::DemoCopy;

namespace {

// Late enough that the LINKAGES quarters of FY2027 have begun.
const QDateTime kNow(QDate(2027, 10, 15), QTime(9, 0), Qt::UTC);

template <typename T> void ok(const Result<T>& r)
{
    if (!r)
        FAIL(r.error().text().toStdString());
}

// A copy of the demo made into a field copy: the office's head noted, the log emptied, the base
// set.
struct FieldCopy : DemoCopy {
    QString baseHash;
    std::int64_t baseSeq = 0;

    explicit FieldCopy(bool withBase = true) : DemoCopy(kNow)
    {
        auto head = session->audit().head();
        REQUIRE(head.ok());
        baseHash = head.value();
        auto next = session->audit().nextSeq();
        REQUIRE(next.ok());
        baseSeq = next.value() - 1;
        REQUIRE(baseSeq > 100);
        exec(u"DELETE FROM audit_log"_s);
        if (withBase)
            ok(AuditLog::setBase(session->database(), baseHash, baseSeq));
    }

    AuditReport verify(const QString& expect = {})
    {
        auto report = session->audit().verify(expect);
        if (!report)
            FAIL(report.error().text().toStdString());
        return report.value();
    }

    QList<AuditEntry> log()
    {
        auto entries = session->audit().entries();
        REQUIRE(entries.ok());
        return entries.value();
    }

    // A LINKAGES observation drafted (one bulk entry), submitted by the officer and verified by
    // the verifier: audited changes made in the field.
    QString verifiedInTheField(int quarter = 1)
    {
        const QString id = draft(u"LINKAGES"_s, Period::quarter(2027, quarter), u"SKT-SURG"_s,
                                 Decimal::fromInt(7));
        Workflow w(*session, program());
        actAs(u"officer"_s);
        ok(w.submit(id));
        actAs(u"verifier"_s);
        Workflow::VerifyRequest r;
        r.id = id;
        ok(w.verify(r));
        return id;
    }
};

} // namespace

TEST_CASE("Audit base: an emptied field copy starts at the office's head", "[audit][base]")
{
    FieldCopy f;
    auto base = f.session->audit().base();
    REQUIRE(base.ok());
    REQUIRE(base.value().has_value());
    CHECK(base.value()->hash == f.baseHash);
    CHECK(base.value()->seq == f.baseSeq);
    CHECK(f.session->audit().head().value() == f.baseHash);
    CHECK(f.session->audit().nextSeq().value() == f.baseSeq + 1);

    const AuditReport r = f.verify();
    INFO(r.problems.join(u'\n').toStdString());
    CHECK(r.problems.isEmpty());
    CHECK(r.entries == 0);
    CHECK(r.head == f.baseHash);
    CHECK(r.baseSeq == f.baseSeq);
    CHECK(r.baseHash == f.baseHash);
    CHECK(r.rowsChecked > 4000);
    CHECK(r.rowsFromBase == r.rowsChecked); // the base's two meta rows among them
    // The office's head recorded elsewhere is accepted as the expected head.
    CHECK(f.verify(f.baseHash).problems.isEmpty());

    // Opened again, the copy is not taken for a database from before the audit log: no
    // "audit.start" entry adopts its rows.
    f.close();
    f.open();
    CHECK(f.log().isEmpty());
    CHECK(f.session->audit().nextSeq().value() == f.baseSeq + 1);
    CHECK(f.verify().problems.isEmpty());
}

TEST_CASE("Audit base: entries made in the field continue the chain and verify clean",
          "[audit][base]")
{
    FieldCopy f;
    const QString id = f.verifiedInTheField();

    const QList<AuditEntry> log = f.log();
    REQUIRE(log.size() >= 3); // the draft, the submission, the verification
    CHECK(log.first().seq == f.baseSeq + 1);
    CHECK(log.first().prevHash == f.baseHash);
    for (qsizetype i = 0; i < log.size(); ++i) {
        CHECK(log[i].seq == f.baseSeq + 1 + i);
        CHECK(log[i].hash == AuditLog::hashOf(log[i]));
        if (i > 0)
            CHECK(log[i].prevHash == log[i - 1].hash);
    }
    CHECK(f.session->audit().head().value() == log.last().hash);
    CHECK(f.session->audit().nextSeq().value() == log.last().seq + 1);
    CHECK(f.session->audit().base().value()->seq == f.baseSeq); // the base stays

    // The field branch is everything after the base.
    auto branch = f.session->audit().entriesAfter(f.baseSeq);
    REQUIRE(branch.ok());
    REQUIRE(branch->size() == log.size());
    CHECK(branch->first().hash == log.first().hash);
    CHECK(branch->last().hash == log.last().hash);
    CHECK(f.session->audit().entriesAfter(f.baseSeq + 1)->size() == log.size() - 1);
    CHECK(f.session->audit().entriesAfter(log.last().seq)->isEmpty());

    const AuditReport r = f.verify();
    INFO(r.problems.join(u'\n').toStdString());
    CHECK(r.problems.isEmpty());
    CHECK(r.entries == log.size());
    CHECK(r.head == log.last().hash);
    CHECK(r.baseSeq == f.baseSeq);
    CHECK(r.rowsFromBase > 4000);
    CHECK(r.rowsFromBase < r.rowsChecked); // the field's rows are checked against their entries
    CHECK(f.state(id) == u"verified"_s);
    CHECK(f.verify(f.baseHash).problems.isEmpty());
    CHECK(f.verify(log[1].hash).problems.isEmpty());
}

TEST_CASE("Audit base: a row changed in the field and then outside DLI Tracker is named",
          "[audit][base]")
{
    FieldCopy f;
    const QString id = f.verifiedInTheField();
    const QString ref =
        test::column(f.session->database(),
                     u"SELECT audit_ref FROM observations WHERE id = '"_s + id + u"'"_s)
            .value(0);
    REQUIRE(ref.toLongLong() > f.baseSeq);

    SECTION("its content")
    {
        f.exec(u"UPDATE observations SET value = '70' WHERE id = '"_s + id + u"'"_s);
        CHECK_MENTIONS(f.verify().problems, u"observations row "_s + id, u"differs"_s);
    }
    SECTION("its audit_ref set back to an office entry")
    {
        f.exec(u"UPDATE observations SET audit_ref = 5 WHERE id = '"_s + id + u"'"_s);
        CHECK_MENTIONS(f.verify().problems, u"observations row "_s + id,
                       u"from before the field copy was made"_s, u"entry "_s + ref);
    }
    SECTION("its audit_ref cleared")
    {
        f.exec(u"UPDATE observations SET audit_ref = NULL WHERE id = '"_s + id + u"'"_s);
        CHECK_MENTIONS(f.verify().problems, u"observations row "_s + id, u"not in the audit log"_s);
    }
    SECTION("deleted")
    {
        f.exec(u"PRAGMA foreign_keys = OFF; DELETE FROM observations WHERE id = '"_s + id + u"'"_s);
        CHECK_MENTIONS(f.verify().problems, u"observations row "_s + id, u"missing"_s);
    }
}

TEST_CASE("Audit base: rows as copied from the office are taken as they are, unless they lack "
          "an audit_ref",
          "[audit][base]")
{
    FieldCopy f;
    f.verifiedInTheField();
    const QString firm =
        test::column(f.session->database(), u"SELECT id FROM firms ORDER BY id LIMIT 1"_s).value(0);
    REQUIRE_FALSE(firm.isEmpty());
    REQUIRE(test::column(f.session->database(),
                         u"SELECT audit_ref FROM firms WHERE id = '"_s + firm + u"'"_s)
                .value(0)
                .toLongLong() <= f.baseSeq);

    // Its entry is in the office's log: the office checks it when the field branch returns.
    f.exec(u"UPDATE firms SET name = name || ' (field)' WHERE id = '"_s + firm + u"'"_s);
    const AuditReport r = f.verify();
    INFO(r.problems.join(u'\n').toStdString());
    CHECK(r.problems.isEmpty());

    // A row that names no entry at all was written outside DLI Tracker, here as anywhere.
    f.exec(u"UPDATE firms SET audit_ref = NULL WHERE id = '"_s + firm + u"'"_s);
    CHECK_MENTIONS(f.verify().problems, u"firms row "_s + firm, u"not in the audit log"_s);
}

TEST_CASE("Audit base: a first entry that does not link to the base is named", "[audit][base]")
{
    FieldCopy f;
    f.verifiedInTheField();
    const QString first = QString::number(f.baseSeq + 1);
    const QString other = QString(64, u'a');

    SECTION("the base's hash changed")
    {
        f.exec(u"UPDATE meta SET value = '"_s + other + u"' WHERE key = 'audit_base_hash'"_s);
        const QStringList problems = f.verify().problems;
        CHECK_MENTIONS(problems, u"audit entry "_s + first,
                       u"does not continue the office chain from entry "_s +
                           QString::number(f.baseSeq));
        // Nor is the base in the chain any more.
        CHECK(f.verify(other).problems.size() == problems.size() + 1);
    }
    SECTION("the first entry's link changed")
    {
        f.exec(u"UPDATE audit_log SET prev_hash = '"_s + other + u"' WHERE seq = "_s + first);
        const QStringList problems = f.verify().problems;
        CHECK_MENTIONS(problems, u"audit entry "_s + first, u"does not continue"_s);
        CHECK_MENTIONS(problems, u"audit entry "_s + first, u"does not match its hash"_s);
    }
    SECTION("the base's number changed")
    {
        f.exec(u"UPDATE meta SET value = '"_s + QString::number(f.baseSeq - 1) +
               u"' WHERE key = 'audit_base_seq'"_s);
        CHECK_MENTIONS(f.verify().problems, u"audit entry "_s + first,
                       u"expected entry "_s + QString::number(f.baseSeq));
    }
    SECTION("the base removed")
    {
        f.exec(u"DELETE FROM meta WHERE key = 'audit_base_seq'"_s);
        const QStringList problems = f.verify().problems;
        CHECK_MENTIONS(problems, u"audit base"_s, u"damaged"_s, u"(missing)"_s);
        CHECK_MENTIONS(problems, u"audit entry "_s + first, u"expected entry 1 here"_s);
        CHECK_FALSE(f.session->audit().base().ok());
    }
}

TEST_CASE("Audit base: no entry starts a chain from a damaged base", "[audit][base]")
{
    FieldCopy f;
    f.exec(u"UPDATE meta SET value = 'x' WHERE key = 'audit_base_seq'"_s);
    CHECK_MENTIONS(f.verify().problems, u"audit base"_s, u"damaged"_s);
    CHECK_FALSE(f.session->audit().base().ok());
    CHECK_FALSE(f.session->audit().head().ok());
    CHECK_FALSE(f.session->audit().nextSeq().ok());
    CHECK_FALSE(f.session->audit().recordEvent(u"test.event"_s).ok());
    CHECK(f.log().isEmpty());
    // It still opens, for `audit verify` to say so.
    f.close();
    f.open();
    CHECK(f.log().isEmpty());
    CHECK_MENTIONS(f.verify().problems, u"audit base"_s, u"damaged"_s);
}

TEST_CASE("Audit base: set only on an emptied log, at or after every row's entry", "[audit][base]")
{
    DemoCopy d;
    Database& db = d.session->database();
    const QString head = d.session->audit().head().value();
    const std::int64_t seq = d.session->audit().nextSeq().value() - 1;

    // The office's log is not empty.
    const Status onOffice = AuditLog::setBase(db, head, seq);
    REQUIRE_FALSE(onOffice.ok());
    CHECK(onOffice.error().code == ErrorCode::Conflict);
    CHECK(d.session->audit().base().value() == std::nullopt);

    d.exec(u"DELETE FROM audit_log"_s);
    CHECK_FALSE(AuditLog::setBase(db, u"not a hash"_s, seq).ok());
    CHECK_FALSE(AuditLog::setBase(db, head.toUpper(), seq).ok());
    CHECK_FALSE(AuditLog::setBase(db, head, 0).ok());
    const std::int64_t lastObservation =
        test::column(db, u"SELECT MAX(audit_ref) FROM observations"_s).value(0).toLongLong();
    REQUIRE(lastObservation > 1);
    const Status tooEarly = AuditLog::setBase(db, head, lastObservation - 1);
    REQUIRE_FALSE(tooEarly.ok());
    CHECK(tooEarly.error().message.contains(u"after "_s + QString::number(lastObservation - 1)));
    CHECK(d.session->audit().base().value() == std::nullopt);

    ok(AuditLog::setBase(db, head, seq));
    ok(AuditLog::setBase(db, head, seq)); // again, while the log is empty
    CHECK(d.session->audit().base().value()->seq == seq);
    CHECK(
        test::column(db, u"SELECT audit_ref FROM meta WHERE key = 'audit_base_hash'"_s).value(0) ==
        QString::number(seq));

    ok(d.session->audit().recordEvent(u"test.event"_s));
    CHECK_FALSE(AuditLog::setBase(db, head, seq).ok());
}

TEST_CASE("Audit base: without one, an emptied log starts again at entry 1", "[audit][base]")
{
    FieldCopy f(false);
    CHECK(f.session->audit().base().value() == std::nullopt);
    CHECK(f.session->audit().head().value().isEmpty());
    CHECK(f.session->audit().nextSeq().value() == 1);
    f.verifiedInTheField();
    const QList<AuditEntry> log = f.log();
    REQUIRE_FALSE(log.isEmpty());
    CHECK(log.first().seq == 1);
    CHECK(log.first().prevHash.isEmpty());
    const AuditReport r = f.verify();
    CHECK(r.baseSeq == 0);
    CHECK(r.baseHash.isEmpty());
    CHECK(r.rowsFromBase == 0);
    // The rows copied from the office name entries this log does not hold.
    CHECK_MENTIONS(r.problems, u"which does not exist"_s);
}

TEST_CASE("Audit base: the office's own log has none", "[audit][base]")
{
    DemoCopy d;
    CHECK(d.session->audit().base().value() == std::nullopt);
    auto r = d.session->audit().verify();
    REQUIRE(r.ok());
    CHECK(r->problems.isEmpty());
    CHECK(r->baseSeq == 0);
    CHECK(r->baseHash.isEmpty());
    CHECK(r->rowsFromBase == 0);
}
