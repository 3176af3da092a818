// Field returns back in at the office: the laptop's work replayed through the core services as
// its author, conflicts kept rather than overwritten, nothing taken twice, and returns that are
// foreign, damaged or altered refused whole.
#include "core/io/evidence_service.h"
#include "core/workflow/samples.h"
#include "field_trip.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace dli;
using namespace dli::test;

namespace {

FieldPackage::Request trip(const QString& assignee, const QString& unit = u"SKT-SURG"_s)
{
    FieldPackage::Request r;
    r.assignee = assignee;
    r.orgUnits = {unit};
    return r;
}

QString pdf(const TempDir& dir, const QString& name)
{
    const QString path = dir.path(name);
    writeFile(path, "%PDF-1.4\n% " + name.toUtf8() + "\ntrailer\n%%EOF\n");
    return path;
}

const FieldChange* changeFor(const FieldImportReport& r, const QString& action, const QString& row)
{
    for (const FieldChange& c : r.changes) {
        if (c.action == action && c.rowId == row)
            return &c;
    }
    return nullptr;
}

QList<AuditEntry> entriesOf(DemoCopy& office, const QString& table, const QString& row)
{
    AuditLog::Filter f;
    f.table = table;
    f.rowId = row;
    return must(office.session->audit().entries(f));
}

qsizetype evidenceOn(DemoCopy& office, const QString& observation)
{
    return must(office.session->evidence().list(
                    EvidenceRepository::TargetKey{Evidence::Target::Observation, observation}))
        .size();
}

void checkIntact(DemoCopy& office)
{
    const AuditReport report = must(office.session->audit().verify());
    INFO(report.problems.join(u'\n').toStdString());
    CHECK(report.problems.isEmpty());
}

} // namespace

TEST_CASE("Field import: a round trip applies the laptop's work as its author", "[import]")
{
    DemoCopy office;
    const QStringList ids = submittedOf(office, u"SKT-SURG"_s);
    REQUIRE(ids.size() >= 3);
    Laptop laptop(office, u"skt"_s, trip(u"verifier"_s), 500);

    Workflow::VerifyRequest v = fieldVisit(ids[0]);
    v.evidencePaths = {pdf(office.dir(), u"visit-note.pdf"_s)};
    v.note = u"seen at the firm"_s;
    const Verification verified = must(laptop.workflow().verify(v));
    must(laptop.workflow().reject(ids[1], u"no upgrade contract at the firm"_s));
    must(laptop.workflow().query(ids[2], u"two firms closed"_s));
    const QString firm =
        column(laptop.session->database(), u"SELECT code FROM firms ORDER BY code LIMIT 1"_s)
            .first();
    const auto onFirm = must(EvidenceService::attachFiles(
        *laptop.session, Evidence::Target::Firm, firm, {pdf(office.dir(), u"firm-sign.pdf"_s)}));
    const QString ret = laptop.makeReturn();

    office.advance(3 * 24 * 3600);
    const FieldImportReport r = must(importAtOffice(office, ret));
    CHECK_FALSE(r.alreadyImported);
    CHECK(r.record.applied == 5);
    CHECK(r.record.conflicts == 0);
    CHECK(r.record.refused == 0);
    CHECK(r.record.packageId == laptop.manifest.packageId);
    CHECK(office.state(ids[0]) == u"verified"_s);
    CHECK(office.state(ids[1]) == u"rejected"_s);
    CHECK(office.state(ids[2]) == u"queried"_s);

    // As the field made it: its author, its date, its note, its evidence under the same id.
    const auto o = must(office.session->observations().verification(ids[0]));
    REQUIRE(o.has_value());
    CHECK(o->verifier == u"verifier"_s);
    CHECK(o->method == VerificationMethod::FieldVisit);
    CHECK(o->verifiedOn == verified.verifiedOn);
    CHECK(o->note == u"seen at the firm"_s);
    CHECK(o->evidenceId == verified.evidenceId);
    CHECK(must(office.session->evidence().content(verified.evidenceId)) ==
          readFile(office.dir().path(u"visit-note.pdf"_s)));
    CHECK(must(office.session->evidence().find(onFirm.first().id)).targetId == firm);

    // The office log names the field author, the package and the field entry.
    const QList<AuditEntry> logged = entriesOf(office, u"observations"_s, ids[0]);
    REQUIRE_FALSE(logged.isEmpty());
    const AuditEntry& last = logged.last();
    CHECK(last.action == u"observation.verify"_s);
    CHECK(last.user == u"verifier"_s);
    const QJsonObject details = QJsonDocument::fromJson(last.details).object();
    CHECK(details.value("field_package"_L1).toString() == laptop.manifest.packageId);
    const FieldChange* change = changeFor(r, u"observation.verify"_s, ids[0]);
    REQUIRE(change);
    CHECK(details.value("field_entry"_L1).toString() == change->fieldHash);
    CHECK(change->outcome == FieldChange::Applied);
    const auto all = must(office.session->audit().entries());
    CHECK(all.last().action == u"package.import"_s);
    CHECK(all.last().user == u"manager"_s);
    checkIntact(office);
}

TEST_CASE("Field import: the same return twice changes nothing; a later one adds only the new",
          "[import]")
{
    DemoCopy office;
    const QStringList ids = submittedOf(office, u"SKT-SURG"_s);
    Laptop laptop(office, u"skt"_s, trip(u"verifier"_s), 501);
    must(laptop.workflow().verify(fieldVisit(ids[0])));
    const QString first = laptop.makeReturn();
    office.advance(3 * 24 * 3600);
    const FieldImportReport once = must(importAtOffice(office, first));
    CHECK(once.record.applied == 1);
    const QStringList after = office.dump();

    const FieldImportReport twice = must(importAtOffice(office, first));
    CHECK(twice.alreadyImported);
    CHECK(twice.changes.isEmpty());
    CHECK(twice.record.id == once.record.id);
    CHECK(office.dump() == after);

    // The laptop goes on; its next return holds both changes, and only the new one is taken.
    must(laptop.workflow().reject(ids[1], u"firm not found"_s));
    const QString second = laptop.makeReturn();
    const FieldImportReport next = must(importAtOffice(office, second));
    CHECK_FALSE(next.alreadyImported);
    REQUIRE(next.changes.size() == 1);
    CHECK(next.changes.first().action == u"observation.reject"_s);
    CHECK(next.record.applied == 1);
    CHECK(office.state(ids[1]) == u"rejected"_s);
    checkIntact(office);
}

TEST_CASE("Field import: a row changed on both sides is a conflict, kept and never overwritten",
          "[import]")
{
    DemoCopy office;
    const QStringList ids = submittedOf(office, u"SKT-SURG"_s);
    REQUIRE(ids.size() >= 3);
    Laptop laptop(office, u"skt"_s, trip(u"verifier"_s), 502);

    // The office decides two figures while the verifier is away; the field decides them too.
    office.actAs(u"verifier"_s);
    must(Workflow(*office.session, office.program()).verify(fieldVisit(ids[0])));
    must(Workflow(*office.session, office.program()).query(ids[2], u"totals differ"_s));
    office.actAs(u"officer"_s);
    must(Workflow(*office.session, office.program()).submit(ids[2]));
    must(laptop.workflow().query(ids[0], u"firm closed"_s));
    must(laptop.workflow().verify(fieldVisit(ids[1])));
    must(laptop.workflow().verify(fieldVisit(ids[2])));
    const QString ret = laptop.makeReturn();

    office.advance(3 * 24 * 3600);
    const FieldImportReport r = must(importAtOffice(office, ret));
    CHECK(r.record.applied == 1);
    CHECK(r.record.conflicts == 2);
    CHECK(office.state(ids[0]) == u"verified"_s); // the office's decision stands
    CHECK(office.state(ids[1]) == u"verified"_s);
    CHECK(office.state(ids[2]) == u"submitted"_s);

    const QList<FieldConflict> open = must(FieldImport::conflicts(*office.session));
    REQUIRE(open.size() == 2);
    const FieldConflict& first = open[0];
    CHECK(first.rowId == ids[0]);
    CHECK(first.action == u"observation.query"_s);
    CHECK(first.fieldUser == u"verifier"_s);
    CHECK(first.reason.contains(u"observation.verify"_s));
    // Both versions are kept: the office row as it stood, the field's change in full.
    CHECK(QJsonDocument::fromJson(first.officeValues).object().value("state"_L1).toString() ==
          u"verified"_s);
    const QJsonObject field = QJsonDocument::fromJson(first.fieldValues).object();
    CHECK(field.value("row"_L1).toObject().value("state"_L1).toString() == u"queried"_s);
    const FieldChange* held = changeFor(r, u"observation.query"_s, ids[0]);
    REQUIRE(held);
    CHECK(held->outcome == FieldChange::Conflict);
    CHECK(held->conflictId == first.id);

    // Only a verifier resolves; the field's query cannot be kept on a verified figure.
    office.actAs(u"manager"_s);
    CHECK_FALSE(FieldImport::resolve(*office.session, first.id, FieldConflict::KeepOffice).ok());
    office.actAs(u"verifier"_s);
    const auto refused = FieldImport::resolve(*office.session, first.id, FieldConflict::KeepField);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(u"stays open"_s));
    CHECK(office.state(ids[0]) == u"verified"_s);
    const FieldConflict kept =
        must(FieldImport::resolve(*office.session, first.id.left(8), FieldConflict::KeepOffice));
    CHECK(kept.state == u"resolved"_s);
    CHECK(kept.resolution == FieldConflict::KeepOffice);
    CHECK(kept.resolvedBy == u"verifier"_s);
    CHECK_FALSE(FieldImport::resolve(*office.session, first.id, FieldConflict::KeepField).ok());

    // The other: resubmitted at the office, so the field's verification can be kept, as its
    // author made it.
    const FieldConflict& second = open[1];
    CHECK(second.rowId == ids[2]);
    must(FieldImport::resolve(*office.session, second.id, FieldConflict::KeepField));
    CHECK(office.state(ids[2]) == u"verified"_s);
    const auto o = must(office.session->observations().verification(ids[2]));
    REQUIRE(o.has_value());
    CHECK(o->verifier == u"verifier"_s);
    CHECK(must(FieldImport::conflicts(*office.session)).isEmpty());
    CHECK(must(FieldImport::conflicts(*office.session, false)).size() == 2);
    checkIntact(office);
}

TEST_CASE("Field import: the four-eyes rule holds for incoming changes", "[import]")
{
    DemoCopy office;
    office.addUser(u"ayesha"_s, {Role::Officer, Role::Verifier});
    const QStringList ids = submittedOf(office, u"SKT-SURG"_s);
    // A figure Ayesha reported herself.
    const QString own = office.draft(u"LINKAGES"_s, must(Period::parse(u"FY2027-Q1"_s)),
                                     u"SKT-SURG"_s, Decimal::fromInt(4), u"ayesha"_s);
    office.actAs(u"ayesha"_s);
    must(Workflow(*office.session, office.program()).submit(own));
    Laptop laptop(office, u"skt"_s, trip(u"ayesha"_s), 503);
    CHECK_FALSE(laptop.workflow().verify(fieldVisit(own)).ok()); // the laptop says no too

    // A laptop copy tampered with so that it let her: the authorship is hidden while she
    // verifies, then put back, so only the decision travels.
    const QString work = laptop.workPath();
    laptop.session.reset();
    rawExec(work, u"UPDATE observations SET reporter = 'officer' WHERE id = '%1'; UPDATE "
                  "transitions SET user_name = 'officer' WHERE observation_id = '%1'"_s.arg(own));
    laptop.session = must(
        Session::open(work, SessionOptions::deterministic(504, office.now().addDays(1), u"x"_s)));
    laptop.session->setCurrentUser(*must(laptop.session->users().find(u"ayesha"_s)));
    must(laptop.workflow().verify(fieldVisit(own)));
    must(laptop.workflow().verify(fieldVisit(ids[0])));
    laptop.session.reset();
    rawExec(work, u"UPDATE observations SET reporter = 'ayesha' WHERE id = '%1'; UPDATE "
                  "transitions SET user_name = 'ayesha' WHERE observation_id = '%1' AND action = "
                  "'submit'"_s.arg(own));
    laptop.session = must(
        Session::open(work, SessionOptions::deterministic(505, office.now().addDays(1), u"x"_s)));
    const QString ret = laptop.makeReturn();

    office.advance(3 * 24 * 3600);
    const FieldImportReport r = must(importAtOffice(office, ret));
    const FieldChange* refused = changeFor(r, u"observation.verify"_s, own);
    REQUIRE(refused);
    CHECK(refused->outcome == FieldChange::Refused);
    CHECK(refused->reason.contains(u"four eyes"_s));
    CHECK(office.state(own) == u"submitted"_s);
    // The rest applies.
    CHECK(office.state(ids[0]) == u"verified"_s);
    CHECK(r.record.applied == 1);
    CHECK(r.record.refused == 1);
    checkIntact(office);
}

TEST_CASE("Field import: foreign, damaged, truncated or altered returns are refused whole",
          "[import]")
{
    DemoCopy office;
    const QStringList ids = submittedOf(office, u"SKT-SURG"_s);
    Laptop laptop(office, u"skt"_s, trip(u"verifier"_s), 506);
    must(laptop.workflow().verify(fieldVisit(ids[0])));
    const QString ret = laptop.makeReturn();
    const QByteArray bytes = readFile(ret);
    office.advance(3 * 24 * 3600);
    const QStringList before = office.dump();

    auto refusedWith = [&](const QString& path, const QString& words) {
        const auto r = importAtOffice(office, path);
        REQUIRE_FALSE(r.ok());
        INFO(r.error().text().toStdString());
        CHECK(r.error().text().contains(words));
        CHECK(office.dump() == before);
    };
    SECTION("a flipped byte")
    {
        QByteArray damaged = bytes;
        damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x20);
        writeFile(office.dir().path(u"flipped.dlireturn"_s), damaged);
        refusedWith(office.dir().path(u"flipped.dlireturn"_s), u"altered"_s);
    }
    SECTION("cut short")
    {
        writeFile(office.dir().path(u"short.dlireturn"_s), bytes.left(bytes.size() - 40));
        refusedWith(office.dir().path(u"short.dlireturn"_s), u"incomplete"_s);
    }
    SECTION("a wrong passphrase")
    {
        office.actAs(u"manager"_s);
        CHECK_FALSE(FieldImport::run(*office.session, ret, "not the passphrase").ok());
        CHECK(office.dump() == before);
    }
    SECTION("made for another database")
    {
        DemoCopy other;
        other.exec(u"UPDATE meta SET value = 'another-office' WHERE key = 'database_id'"_s);
        const QStringList otherBefore = other.dump();
        other.actAs(u"manager"_s);
        const auto r = FieldImport::run(*other.session, ret, kTripPassphrase);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().text().contains(u"made for the database"_s));
        CHECK(other.dump() == otherBefore);
    }
    SECTION("a working copy changed outside DLI Tracker")
    {
        laptop.session.reset();
        rawExec(laptop.workPath(),
                u"UPDATE observations SET value = '99' WHERE id = '%1'"_s.arg(ids[1]));
        laptop.session = must(Session::open(laptop.workPath()));
        refusedWith(laptop.makeReturn(), u"without an audit entry"_s);
    }
    SECTION("a package package is not a return")
    {
        refusedWith(office.dir().path(u"skt.dlipkg"_s), u"not a return"_s);
    }
    SECTION("a user without the role")
    {
        office.actAs(u"officer"_s);
        CHECK_FALSE(FieldImport::run(*office.session, ret, kTripPassphrase).ok());
        CHECK(office.dump() == before);
    }
}

TEST_CASE("Field import: two laptops back in either order, nothing lost", "[import]")
{
    for (const bool aFirst : {true, false}) {
        DYNAMIC_SECTION((aFirst ? "A then B" : "B then A"))
        {
            DemoCopy office;
            office.addUser(u"verifier2"_s, {Role::Verifier});
            const QStringList ids = submittedOf(office, u"SKT-SURG"_s);
            REQUIRE(ids.size() >= 3);
            Laptop a(office, u"a"_s, trip(u"verifier"_s), 510);
            Laptop b(office, u"b"_s, trip(u"verifier2"_s), 511);
            must(a.workflow().verify(fieldVisit(ids[0])));
            must(b.workflow().reject(ids[0], u"not upgraded"_s));
            must(a.workflow().query(ids[1], u"list the firms"_s));
            must(b.workflow().verify(fieldVisit(ids[2])));
            const QString ra = a.makeReturn();
            const QString rb = b.makeReturn();
            office.advance(3 * 24 * 3600);
            const FieldImportReport first = must(importAtOffice(office, aFirst ? ra : rb));
            const FieldImportReport second = must(importAtOffice(office, aFirst ? rb : ra));
            CHECK(first.record.conflicts == 0);
            CHECK(first.record.applied == 2);
            CHECK(second.record.conflicts == 1);
            CHECK(second.record.applied == 1);
            // The first back wins the shared row; the other's decision waits, kept.
            CHECK(office.state(ids[0]) == (aFirst ? u"verified"_s : u"rejected"_s));
            CHECK(office.state(ids[1]) == u"queried"_s);
            CHECK(office.state(ids[2]) == u"verified"_s);
            const auto open = must(FieldImport::conflicts(*office.session));
            REQUIRE(open.size() == 1);
            CHECK(open.first().rowId == ids[0]);
            CHECK(open.first().fieldUser == (aFirst ? u"verifier2"_s : u"verifier"_s));
            CHECK(open.first().reason.contains(aFirst ? u"verify"_s : u"reject"_s));
            checkIntact(office);
        }
    }
}

TEST_CASE("Field import: sample outcomes recorded in the field, and the close's decision",
          "[import]")
{
    DemoCopy office;
    const QStringList claims =
        column(office.session->database(),
               u"SELECT o.id FROM observations o JOIN org_units u ON u.id = o.org_unit_id JOIN "
               "indicators i ON i.id = o.indicator_id WHERE u.code = 'SKT-SURG' AND i.code = "
               "'FIRMS_UPGRADE' AND o.state = 'submitted' ORDER BY o.id LIMIT 1"_s);
    REQUIRE(claims.size() == 1);
    office.actAs(u"verifier"_s);
    const Sample drawn =
        must(Samples(*office.session, office.program()).draw(claims[0], u"field"_s, 3));
    FieldPackage::Request request = trip(u"verifier"_s);
    request.samples = {drawn.id};
    Laptop laptop(office, u"skt"_s, request, 520);
    Samples field(*laptop.session, laptop.program);
    for (const SampleItem& item : drawn.items)
        must(field.record(drawn.id, item.key, SampleOutcome::Confirmed, u"seen"_s));
    must(field.close(drawn.id));
    const QString ret = laptop.makeReturn();

    office.advance(3 * 24 * 3600);
    const FieldImportReport r = must(importAtOffice(office, ret));
    CHECK(r.record.refused == 0);
    CHECK(r.record.conflicts == 0);
    CHECK(r.record.applied == drawn.items.size() + 1);
    const Sample closed = must(Samples(*office.session, office.program()).find(drawn.id));
    CHECK(closed.state == u"closed"_s);
    CHECK(closed.closedBy == u"verifier"_s);
    for (const SampleItem& item : closed.items) {
        CHECK(item.outcome == SampleOutcome::Confirmed);
        CHECK(item.recordedBy == u"verifier"_s);
    }
    CHECK(office.state(claims[0]) == u"verified"_s);
    const auto o = must(office.session->observations().verification(claims[0]));
    REQUIRE(o.has_value());
    CHECK(o->method == VerificationMethod::Sample);
    checkIntact(office);
}

TEST_CASE("Field import: a file the office attached meanwhile is the field's evidence too",
          "[import]")
{
    DemoCopy office;
    const QStringList ids = submittedOf(office, u"SKT-SURG"_s);
    Laptop laptop(office, u"skt"_s, trip(u"verifier"_s), 530);
    const QString file = pdf(office.dir(), u"contract.pdf"_s);
    office.actAs(u"officer"_s);
    const auto atOffice = must(EvidenceService::attachFiles(
        *office.session, Evidence::Target::Observation, ids[0], {file}));
    Workflow::VerifyRequest v = fieldVisit(ids[0]);
    v.evidencePaths = {file};
    const Verification inField = must(laptop.workflow().verify(v));
    REQUIRE(inField.evidenceId != atOffice.first().id);
    const QString ret = laptop.makeReturn();

    const qsizetype attachedBefore = evidenceOn(office, ids[0]);
    office.advance(3 * 24 * 3600);
    const FieldImportReport r = must(importAtOffice(office, ret));
    CHECK(r.record.refused == 0);
    CHECK(r.record.applied == 2);
    const auto verified = must(office.session->observations().verification(ids[0]));
    REQUIRE(verified.has_value());
    CHECK(verified->evidenceId == atOffice.first().id); // one file, not two
    CHECK(evidenceOn(office, ids[0]) == attachedBefore);
}
