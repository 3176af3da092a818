// Randomized field imports: random decisions and sample outcomes at the office and on two
// laptops, returns imported in a random order. Whatever happens, no update is lost: every row
// keeps the office's change or the first field change to come back, every other change to it
// waits as a conflict, and every field change is accounted for exactly once.
#include "core/package/field_replay.h"
#include "core/workflow/samples.h"
#include "field_trip.h"

#include <QFile>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using namespace dli;
using namespace dli::test;

namespace {

constexpr int kScenarios = 200;

// A database file copied for one scenario, opened with its own clock as `user`.
struct Side {
    Side(const QString& from, const QString& to, quint64 seed, const QDateTime& now,
         const QString& user)
    {
        REQUIRE(QFile::copy(from, to));
        QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
        if (QFile::exists(from + u".original"_s))
            REQUIRE(QFile::copy(from + u".original"_s, to + u".original"_s));
        SessionOptions o = SessionOptions::deterministic(seed, now, u"test"_s);
        o.minimumPasswordCost = true;
        session = must(Session::open(to, o));
        session->setCurrentUser(*must(session->users().find(user)));
        program = must(session->programs().load());
    }
    std::unique_ptr<Session> session;
    Program program;
    QHash<QString, QString> changed; // row key -> its final value on this side
};

QString itemKey(const QString& id)
{
    return u"item:"_s + id;
}

// Random work on one side: decisions on submitted figures, outcomes on the sample's rows.
void work(Side& side, QRandomGenerator& rng, const QStringList& figures, const Sample& sample)
{
    Workflow workflow(*side.session, side.program);
    for (const QString& id : figures) {
        if (rng.bounded(100) >= 35)
            continue;
        switch (rng.bounded(3)) {
        case 0:
            must(workflow.verify(fieldVisit(id)));
            side.changed.insert(id, u"verified"_s);
            break;
        case 1:
            must(workflow.reject(id, u"random rejection"_s));
            side.changed.insert(id, u"rejected"_s);
            break;
        default:
            must(workflow.query(id, u"random query"_s));
            side.changed.insert(id, u"queried"_s);
            break;
        }
    }
    Samples samples(*side.session, side.program);
    static const QList<SampleOutcome> outcomes{
        SampleOutcome::Confirmed, SampleOutcome::NotConfirmed, SampleOutcome::NotFound};
    for (const SampleItem& item : sample.items) {
        const int times = rng.bounded(100) < 30 ? 1 + static_cast<int>(rng.bounded(2)) : 0;
        for (int t = 0; t < times; ++t) {
            const SampleOutcome o = outcomes.at(static_cast<int>(rng.bounded(3)));
            must(samples.record(sample.id, item.key, o));
            side.changed.insert(itemKey(item.id), enumToString(kSampleOutcomeNames, o));
        }
    }
}

QString officeValue(Side& office, const QString& key, const Sample& sample)
{
    if (!key.startsWith(u"item:"_s))
        return must(office.session->observations().find(key)).state;
    const Sample now = must(Samples(*office.session, office.program).find(sample.id));
    for (const SampleItem& item : now.items) {
        if (itemKey(item.id) == key)
            return item.outcome ? enumToString(kSampleOutcomeNames, *item.outcome) : QString();
    }
    return {};
}

int primaryEntries(Session& laptop)
{
    int n = 0;
    for (const AuditEntry& e : must(laptop.audit().entries())) {
        if (FieldReplay::kindOf(e, nullptr) == FieldReplay::Kind::Replayed)
            ++n;
    }
    return n;
}

} // namespace

TEST_CASE("Field import: 200 random scenarios lose no update and surface every conflict",
          "[import][random]")
{
    // One office and two packages, copied afresh for every scenario.
    DemoCopy base;
    base.addUser(u"verifier2"_s, {Role::Verifier});
    const QStringList figures = submittedOf(base, u"SKT-SURG"_s);
    REQUIRE(figures.size() >= 4);
    const QString claim = column(base.session->database(),
                                 u"SELECT o.id FROM observations o JOIN indicators i ON i.id = "
                                 "o.indicator_id WHERE o.id IN ('%1') AND i.code = "
                                 "'FIRMS_UPGRADE' LIMIT 1"_s.arg(figures.join(u"','"_s)))
                              .value(0);
    REQUIRE_FALSE(claim.isEmpty());
    base.actAs(u"verifier"_s);
    const Sample sample = must(Samples(*base.session, base.program()).draw(claim, u"random"_s, 3));
    QStringList decided = figures;
    decided.removeAll(claim); // the sampled figure is decided by closing its sample
    FieldPackage::Request request;
    request.orgUnits = {u"SKT-SURG"_s};
    request.samples = {sample.id};
    request.assignee = u"verifier"_s;
    Laptop a(base, u"a"_s, request, 900);
    request.assignee = u"verifier2"_s;
    Laptop b(base, u"b"_s, request, 901);
    const QString aPath = a.workPath();
    const QString bPath = b.workPath();
    a.session.reset();
    b.session.reset();
    base.close();
    const QDateTime start = base.now();

    int conflictsSeen = 0;
    int appliedSeen = 0;
    for (int n = 0; n < kScenarios; ++n) {
        INFO("scenario " << n);
        QRandomGenerator rng(static_cast<quint32>(7000 + n));
        const QString dir = base.dir().path(u"s%1-"_s.arg(n));
        Side office(base.path(), dir + u"office.dlidb"_s, 2000 + n, start.addDays(3),
                    u"verifier"_s);
        Side fieldA(aPath, dir + u"a.dlidb"_s, 3000 + n, start.addDays(1), u"verifier"_s);
        Side fieldB(bPath, dir + u"b.dlidb"_s, 4000 + n, start.addDays(1), u"verifier2"_s);
        work(office, rng, decided, sample);
        work(fieldA, rng, decided, sample);
        work(fieldB, rng, decided, sample);
        const int aChanges = primaryEntries(*fieldA.session);
        const int bChanges = primaryEntries(*fieldB.session);
        const QString ra = dir + u"a.dlireturn"_s;
        const QString rb = dir + u"b.dlireturn"_s;
        must(FieldReturn::make(*fieldA.session, ra, kTripPassphrase,
                               SealedArchive::KeyCost::Minimum));
        must(FieldReturn::make(*fieldB.session, rb, kTripPassphrase,
                               SealedArchive::KeyCost::Minimum));

        const bool aFirst = rng.bounded(2) == 0;
        Side& first = aFirst ? fieldA : fieldB;
        Side& second = aFirst ? fieldB : fieldA;
        office.session->setCurrentUser(*must(office.session->users().find(u"manager"_s)));
        FieldImportReport r1 =
            must(FieldImport::run(*office.session, aFirst ? ra : rb, kTripPassphrase));
        FieldImportReport r2 =
            must(FieldImport::run(*office.session, aFirst ? rb : ra, kTripPassphrase));
        for (const FieldImportReport* r : {&r1, &r2}) {
            for (const FieldChange& c : r->changes) {
                INFO(c.action.toStdString() << " " << c.reason.toStdString());
                CHECK(c.outcome != FieldChange::Refused);
            }
        }
        // Every field change accounted for, once.
        CHECK(r1.changes.size() == (aFirst ? aChanges : bChanges));
        CHECK(r2.changes.size() == (aFirst ? bChanges : aChanges));

        // Each row keeps the office's change, else the first field change back.
        QSet<QString> rows;
        for (Side* s : {&office, &fieldA, &fieldB}) {
            for (auto it = s->changed.cbegin(); it != s->changed.cend(); ++it)
                rows.insert(it.key());
        }
        int expectedConflictRows = 0;
        for (const QString& row : rows) {
            const Side* winner = office.changed.contains(row)  ? &office
                                 : first.changed.contains(row) ? &first
                                                               : &second;
            INFO("row " << row.toStdString());
            CHECK(officeValue(office, row, sample) == winner->changed.value(row));
            const bool secondHeld = winner != &second && second.changed.contains(row);
            const bool firstHeld = winner == &office && first.changed.contains(row);
            expectedConflictRows += (secondHeld ? 1 : 0) + (firstHeld ? 1 : 0);
        }
        // Every conflict surfaced: one per (laptop, row) that lost, each with both versions.
        QSet<QString> conflictRows;
        const QList<FieldConflict> open = must(FieldImport::conflicts(*office.session));
        for (const FieldConflict& k : open) {
            CHECK_FALSE(k.fieldValues.isEmpty());
            CHECK_FALSE(k.officeValues.isEmpty());
            conflictRows.insert(k.packageId + u'/' + k.table + u'/' + k.rowId);
        }
        CHECK(conflictRows.size() == expectedConflictRows);
        conflictsSeen += static_cast<int>(open.size());
        appliedSeen += r1.record.applied + r2.record.applied;

        // Importing again changes nothing.
        const FieldImportReport again =
            must(FieldImport::run(*office.session, aFirst ? ra : rb, kTripPassphrase));
        CHECK(again.alreadyImported);
        if (n % 25 == 0) {
            const AuditReport report = must(office.session->audit().verify());
            CHECK(report.problems.isEmpty());
        }
    }
    // The scenarios did exercise both outcomes.
    CHECK(conflictsSeen > kScenarios / 2);
    CHECK(appliedSeen > kScenarios);
}
