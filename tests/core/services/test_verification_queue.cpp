// The verifier's queue: the submitted observations, without the ones the verifier reported or
// amended (four eyes), with their evidence, their open sample's progress and their
// reconciliation, the same as the repositories and the workflow give one at a time.
#include "core/workflow/samples.h"
#include "core/workflow/verification_queue.h"
#include "core/workflow/workflow.h"
#include "trust_support.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::DemoCopy;
namespace State = dli::ObservationState;

namespace {

QList<QueueEntry> load(DemoCopy& d, bool includeOwn = false)
{
    VerificationQueue::Options options;
    options.includeOwn = includeOwn;
    auto q = VerificationQueue::load(*d.session, d.program(), options);
    if (!q)
        FAIL(q.error().text().toStdString());
    return q.value();
}

const QueueEntry* entry(const QList<QueueEntry>& queue, const QString& id)
{
    for (const QueueEntry& e : queue) {
        if (e.observation.id == id)
            return &e;
    }
    return nullptr;
}

QStringList submittedIds(DemoCopy& d)
{
    auto all = d.session->observations().all();
    REQUIRE(all.ok());
    QStringList ids;
    for (const Observation& o : all.value()) {
        if (o.state == State::Submitted)
            ids << o.id;
    }
    return ids;
}

} // namespace

TEST_CASE("The verifier's queue holds every submitted observation of others",
          "[verification-queue]")
{
    DemoCopy d;
    d.actAs(u"verifier"_s);
    QElapsedTimer timer;
    timer.start();
    const QList<QueueEntry> queue = load(d);
    WARN("VerificationQueue::load on the demo: " << timer.elapsed() << " ms");
    const QStringList submitted = submittedIds(d);
    REQUIRE(queue.size() == submitted.size());
    REQUIRE_FALSE(queue.isEmpty());
    QDateTime previous;
    for (const QueueEntry& e : queue) {
        INFO(e.observation.id.toStdString());
        CHECK(submitted.contains(e.observation.id));
        CHECK_FALSE(e.own);
        // The same observation as the repository reads it.
        auto stored = d.session->observations().find(e.observation.id);
        REQUIRE(stored.ok());
        CHECK(e.observation == stored.value());
        auto files = d.session->observations().evidenceCount(e.observation.id);
        REQUIRE(files.ok());
        CHECK(e.evidenceFiles == files.value());
        // Oldest submission first.
        CHECK(e.submittedAt.isValid());
        if (previous.isValid())
            CHECK(previous <= e.submittedAt);
        previous = e.submittedAt;
        // The reconciliation the workflow gives for this one observation.
        auto expected = Workflow(*d.session, d.program()).reconciliation(e.observation);
        REQUIRE(expected.ok());
        REQUIRE(e.reconciliation.has_value() == expected->has_value());
        if (e.reconciliation) {
            CHECK(e.reconciliation->reported == expected.value()->reported);
            CHECK(e.reconciliation->registered == expected.value()->registered);
            CHECK(e.reconciliation->finding == expected.value()->finding);
        }
    }

    SECTION("without reconciliation when not asked for")
    {
        VerificationQueue::Options options;
        options.reconcile = false;
        auto q = VerificationQueue::load(*d.session, d.program(), options);
        REQUIRE(q.ok());
        REQUIRE(q->size() == queue.size());
        for (const QueueEntry& e : q.value())
            CHECK_FALSE(e.reconciliation.has_value());
    }
}

TEST_CASE("The queue leaves out what the verifier reported or amended", "[verification-queue]")
{
    DemoCopy d;
    d.addUser(u"both"_s, {Role::Officer, Role::Verifier});
    Workflow workflow(*d.session, d.program());

    // Reported by "both".
    const QString reported = d.draft(u"TRAINED_ALL"_s, Period::quarter(2027, 1), u"SDH"_s,
                                     Decimal::fromInt(12), u"both"_s);
    d.actAs(u"both"_s);
    REQUIRE(workflow.submit(reported).ok());

    // Reported by the officer, queried by the verifier, amended by "both" and submitted again.
    const QString amended =
        d.draft(u"TRAINED_ALL"_s, Period::quarter(2027, 1), u"ADRC"_s, Decimal::fromInt(30));
    d.actAs(u"officer"_s);
    REQUIRE(workflow.submit(amended).ok());
    d.actAs(u"verifier"_s);
    REQUIRE(workflow.query(amended, u"Check the attendance sheets"_s).ok());
    d.actAs(u"both"_s);
    REQUIRE(workflow.amend(amended, Decimal::fromInt(31)).ok());
    REQUIRE(workflow.submit(amended).ok());

    const QList<QueueEntry> mine = load(d);
    CHECK(entry(mine, reported) == nullptr);
    CHECK(entry(mine, amended) == nullptr);
    CHECK(mine.size() == submittedIds(d).size() - 2);

    const QList<QueueEntry> all = load(d, true);
    CHECK(all.size() == submittedIds(d).size());
    int own = 0;
    for (const QueueEntry& e : all) {
        // The same rule as the workflow's four-eyes check.
        auto authors = d.session->observations().authors(e.observation.id);
        REQUIRE(authors.ok());
        CHECK(e.own == authors->contains(u"both"_s));
        own += e.own ? 1 : 0;
    }
    CHECK(own == 2);
    REQUIRE(entry(all, amended) != nullptr);
    CHECK(entry(all, amended)->observation.value == Decimal::fromInt(31));

    // Someone else sees both.
    d.actAs(u"verifier"_s);
    const QList<QueueEntry> theirs = load(d);
    CHECK(entry(theirs, reported) != nullptr);
    CHECK(entry(theirs, amended) != nullptr);
}

TEST_CASE("The queue shows how far an open sample has come", "[verification-queue]")
{
    DemoCopy d;
    d.actAs(u"verifier"_s);
    QString id;
    for (const QueueEntry& e : load(d)) {
        if (e.observation.indicator == u"TRAINED_ALL"_s && !e.observation.value.isZero()) {
            id = e.observation.id;
            break;
        }
    }
    REQUIRE_FALSE(id.isEmpty());
    Samples samples(*d.session, d.program());
    auto s = samples.draw(id, u"queue-test"_s, 5);
    if (!s)
        FAIL(s.error().text().toStdString());
    REQUIRE(s->items.size() == 5);
    REQUIRE(samples.record(s->id, s->items[0].key, SampleOutcome::Confirmed).ok());
    REQUIRE(samples.record(s->id, s->items[1].key, SampleOutcome::NotFound).ok());

    const QList<QueueEntry> queue = load(d);
    const QueueEntry* e = entry(queue, id);
    REQUIRE(e != nullptr);
    CHECK(e->openSample == s->id);
    CHECK(e->sampleSize == 5);
    CHECK(e->sampleChecked == 2);
    CHECK(e->sampleFailed == 1);
    for (const QueueEntry& other : queue) {
        if (other.observation.id != id)
            CHECK(other.openSample.isEmpty());
    }
}
