// Sample verification (DOMAIN.md): a reproducible draw of register rows, an outcome for each,
// and the error rate that gives the verified value floor(reported x (1 - e)) or the rejection.
#include "core/engine/sample_draw.h"
#include "core/workflow/samples.h"
#include "core/workflow/workflow.h"
#include "trust_support.h"

#include <QCryptographicHash>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace dli;
namespace State = dli::ObservationState;

namespace {

const QDateTime kNow(QDate(2027, 10, 15), QTime(9, 0), Qt::UTC);

Decimal dec(const QString& text)
{
    auto d = Decimal::parse(text);
    REQUIRE(d.ok());
    return d.value();
}

// A copy of the demo in which officers claim FIRMS_UPGRADE figures (DLI3: a sample of 50 firms,
// at most 10% failing, evidence required) for quarters the demo has not reached.
struct Sampling : test::DemoCopy {
    Sampling() : test::DemoCopy(kNow) {}

    Samples samples() { return Samples(*session, program()); }
    Workflow workflow() { return Workflow(*session, program()); }

    // A submitted claim of `value` firms upgraded in the cluster, reported by `reporter`.
    QString claim(const QString& cluster, const Decimal& value, int quarter = 1,
                  const QString& reporter = u"officer"_s)
    {
        const std::optional<User> before = session->currentUser();
        const QString id =
            draft(u"FIRMS_UPGRADE"_s, Period::quarter(2027, quarter), cluster, value, reporter);
        actAs(reporter);
        attachEvidence(id);
        Workflow w = workflow();
        const Status s = w.submit(id);
        if (!s)
            FAIL(s.error().text().toStdString());
        if (before)
            session->setCurrentUser(*before);
        return id;
    }

    Sample draw(const QString& observationId, const QString& seed, std::optional<int> size = {})
    {
        auto s = samples().draw(observationId, seed, size);
        if (!s)
            FAIL(s.error().text().toStdString());
        return s.value();
    }

    // Records the first `failures` drawn rows as failed (alternately not confirmed and not
    // found) and the rest as confirmed.
    void recordAll(const Sample& s, int failures)
    {
        for (qsizetype i = 0; i < s.items.size(); ++i) {
            const SampleOutcome outcome = i >= failures ? SampleOutcome::Confirmed
                                          : i % 2 == 0  ? SampleOutcome::NotConfirmed
                                                        : SampleOutcome::NotFound;
            const Status r = samples().record(s.id, s.items[i].key, outcome);
            if (!r)
                FAIL(r.error().text().toStdString());
        }
    }

    // The firms behind a cumulative FIRMS_UPGRADE figure of the cluster up to the end of
    // FY2027-Q1, straight from the register: completed services since the baseline.
    QStringList candidates(const QString& cluster)
    {
        return test::column(
            session->database(),
            u"SELECT DISTINCT f.code FROM services s JOIN firms f ON f.id = s.firm_id JOIN "
            "org_units u ON u.id = f.cluster_id WHERE s.status = 'completed' AND s.date BETWEEN "
            "'2022-07-01' AND '2026-09-30' AND u.code = '"_s +
                cluster + u"'"_s);
    }

    Observation find(const QString& id)
    {
        auto o = session->observations().find(id);
        REQUIRE(o.ok());
        return o.value();
    }
};

template <typename T> Error refused(const Result<T>& r, ErrorCode code)
{
    REQUIRE_FALSE(r.ok());
    INFO(r.error().text().toStdString());
    CHECK(r.error().code == code);
    return r.error();
}

// The draw as anyone would redo it from DOMAIN.md, without DLI Tracker's code.
QStringList independentDraw(const QString& seed, const QStringList& keys, int n)
{
    QList<QPair<QByteArray, QString>> ranked;
    for (const QString& key : keys)
        ranked << qMakePair(
            QCryptographicHash::hash((seed + u':' + key).toUtf8(), QCryptographicHash::Sha256)
                .toHex(),
            key);
    std::sort(ranked.begin(), ranked.end());
    QStringList out;
    for (int i = 0; i < n && i < ranked.size(); ++i)
        out << ranked[i].second;
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The arithmetic

TEST_CASE("Samples: the error rate is accepted up to the limit, equal included",
          "[samples][arithmetic]")
{
    const Decimal tenPercent = dec(u"0.1"_s);
    CHECK_FALSE(Samples::exceeds(0, 50, tenPercent));
    CHECK_FALSE(Samples::exceeds(4, 50, tenPercent));
    CHECK_FALSE(Samples::exceeds(5, 50, tenPercent)); // exactly 10%
    CHECK(Samples::exceeds(6, 50, tenPercent));
    CHECK(Samples::exceeds(50, 50, tenPercent));
    CHECK_FALSE(Samples::exceeds(3, 60, dec(u"0.05"_s)));
    CHECK(Samples::exceeds(4, 60, dec(u"0.05"_s)));
    // A protocol that accepts no error: any failure exceeds it.
    CHECK_FALSE(Samples::exceeds(0, 30, Decimal()));
    CHECK(Samples::exceeds(1, 30, Decimal()));
    // Exact, not floating point: 1/3 exceeds 0.333333 but not 0.333334.
    CHECK(Samples::exceeds(1, 3, dec(u"0.333333"_s)));
    CHECK_FALSE(Samples::exceeds(1, 3, dec(u"0.333334"_s)));
    CHECK_FALSE(Samples::exceeds(1, 10, dec(u"0.1"_s)));
    CHECK_FALSE(Samples::exceeds(3, 10, dec(u"0.3"_s)));
}

TEST_CASE("Samples: the error rate is failed / sampled, truncated to six decimals",
          "[samples][arithmetic]")
{
    CHECK(Samples::errorRate(5, 50) == dec(u"0.1"_s));
    CHECK(Samples::errorRate(6, 50) == dec(u"0.12"_s));
    CHECK(Samples::errorRate(0, 50) == Decimal());
    CHECK(Samples::errorRate(50, 50) == Decimal::fromInt(1));
    CHECK(Samples::errorRate(1, 3) == dec(u"0.333333"_s));
    CHECK(Samples::errorRate(2, 3) == dec(u"0.666666"_s)); // truncated, not rounded
    CHECK(Samples::errorRate(1, 7) == dec(u"0.142857"_s));
    CHECK(Samples::errorRate(3, 0) == Decimal());
}

TEST_CASE("Samples: the verified value is floor(reported x (1 - e)), exactly",
          "[samples][arithmetic]")
{
    CHECK(Samples::verifiedValue(Decimal::fromInt(100), 5, 50) == Decimal::fromInt(90));
    CHECK(Samples::verifiedValue(Decimal::fromInt(100), 6, 50) == Decimal::fromInt(88));
    CHECK(Samples::verifiedValue(Decimal::fromInt(101), 5, 50) == Decimal::fromInt(90)); // 90.9
    CHECK(Samples::verifiedValue(Decimal::fromInt(37), 2, 20) == Decimal::fromInt(33));  // 33.3
    CHECK(Samples::verifiedValue(Decimal::fromInt(40), 2, 20) == Decimal::fromInt(36));
    CHECK(Samples::verifiedValue(dec(u"10.5"_s), 1, 3) == Decimal::fromInt(7));
    CHECK(Samples::verifiedValue(dec(u"10.7"_s), 1, 3) == Decimal::fromInt(7)); // 7.1333..
    CHECK(Samples::verifiedValue(dec(u"10.999999"_s), 0, 3) == Decimal::fromInt(10));
    CHECK(Samples::verifiedValue(dec(u"0.9"_s), 0, 10) == Decimal());
    // Where binary floating point falls just below a whole number, the exact result does not:
    // 10 x (1 - 4/5) is 1.9999999999999996 in doubles.
    CHECK(Samples::verifiedValue(Decimal::fromInt(10), 4, 5) == Decimal::fromInt(2));
    CHECK(Samples::verifiedValue(Decimal::fromInt(5), 4, 5) == Decimal::fromInt(1));
    CHECK(Samples::verifiedValue(Decimal::fromInt(49), 1, 7) == Decimal::fromInt(42));
    CHECK(Samples::verifiedValue(Decimal::fromInt(11), 9, 11) == Decimal::fromInt(2));
    // No failure: the reported whole number; all failed: zero.
    CHECK(Samples::verifiedValue(Decimal::fromInt(61), 0, 50) == Decimal::fromInt(61));
    CHECK(Samples::verifiedValue(Decimal::fromInt(61), 50, 50) == Decimal());
    CHECK(Samples::verifiedValue(Decimal(), 3, 10) == Decimal());
    // Nothing sampled: nothing to go on, the reported value stands.
    CHECK(Samples::verifiedValue(Decimal::fromInt(12), 0, 0) == Decimal::fromInt(12));
}

// ---------------------------------------------------------------------------------------------
// The draw

TEST_CASE("Samples: the draw is SampleDraw over the register's rows, as anyone can redo it",
          "[samples][draw]")
{
    Sampling f;
    const QString id = f.claim(u"SKT-SURG"_s, Decimal::fromInt(58));
    const QStringList candidates = f.candidates(u"SKT-SURG"_s);
    REQUIRE(candidates.size() > 50);

    f.actAs(u"verifier"_s);
    f.advance(90);
    const QString seed = u"IVA-2027-round-2 ak"_s;
    const Sample s = f.draw(id, seed); // the protocol's size: 50
    CHECK(s.size == 50);
    CHECK(s.population == candidates.size());
    CHECK(s.seed == seed);
    CHECK(s.observationId == id);
    CHECK(s.keyKind == u"firm code"_s);
    CHECK(s.state == u"open"_s);
    CHECK(s.drawnBy == u"verifier"_s);
    CHECK(s.drawnAt == kNow.addSecs(90));

    QStringList keys;
    for (const SampleItem& i : s.items)
        keys << i.key;
    CHECK(keys == independentDraw(seed, candidates, 50));
    CHECK(keys == SampleDraw::draw(seed, candidates, 50));
    auto fromRegister =
        f.session->registers().rowKeys(f.program().indicator(u"FIRMS_UPGRADE"_s)->source,
                                       QDate(2022, 7, 1), QDate(2026, 9, 30), {u"SKT-SURG"_s});
    REQUIRE(fromRegister.ok());
    QStringList sortedRegister = fromRegister.value();
    QStringList sortedCandidates = candidates;
    sortedRegister.sort();
    sortedCandidates.sort();
    CHECK(sortedRegister == sortedCandidates);
    for (qsizetype i = 0; i < s.items.size(); ++i) {
        const SampleItem& item = s.items[i];
        CHECK(item.position == i + 1);
        CHECK(item.rank ==
              QString::fromLatin1(QCryptographicHash::hash((seed + u':' + item.key).toUtf8(),
                                                           QCryptographicHash::Sha256)
                                      .toHex()));
        if (i > 0)
            CHECK(s.items[i - 1].rank < item.rank);
        CHECK_FALSE(item.outcome.has_value());
    }

    // What is stored is what was drawn.
    auto stored = f.samples().find(s.id);
    REQUIRE(stored.ok());
    CHECK(stored->items.size() == 50);
    for (qsizetype i = 0; i < s.items.size(); ++i) {
        CHECK(stored->items[i].key == s.items[i].key);
        CHECK(stored->items[i].rank == s.items[i].rank);
    }
    CHECK(stored->seed == seed);
    auto listed = f.samples().forObservation(id);
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK(listed->first().id == s.id);

    // The same seed over the same rows draws the same sample; another seed, another sample.
    const QString later = f.claim(u"SKT-SURG"_s, Decimal::fromInt(58), 2);
    f.actAs(u"verifier"_s);
    const Sample again = f.draw(later, seed);
    QStringList againKeys;
    for (const SampleItem& i : again.items)
        againKeys << i.key;
    CHECK(againKeys == keys);
    const QString third = f.claim(u"SKT-SURG"_s, Decimal::fromInt(58), 3);
    f.actAs(u"verifier"_s);
    const Sample other = f.draw(third, u"another seed"_s, 10);
    QStringList otherKeys;
    for (const SampleItem& i : other.items)
        otherKeys << i.key;
    CHECK(otherKeys == independentDraw(u"another seed"_s, candidates, 10));
    CHECK(otherKeys != keys.mid(0, 10));
}

TEST_CASE("Samples: a sample larger than the rows behind the figure takes them all",
          "[samples][draw]")
{
    Sampling f;
    const QString id = f.claim(u"GRW-LENG"_s, Decimal::fromInt(40));
    f.actAs(u"verifier"_s);
    const Sample s = f.draw(id, u"small cluster"_s);
    const QStringList candidates = f.candidates(u"GRW-LENG"_s);
    REQUIRE(candidates.size() < 50);
    CHECK(s.size == candidates.size());
    CHECK(s.population == candidates.size());
    QStringList keys;
    for (const SampleItem& i : s.items)
        keys << i.key;
    CHECK(keys == independentDraw(u"small cluster"_s, candidates, 50));
}

TEST_CASE("Samples: a draw is refused for the wrong observation, user, seed or size",
          "[samples][draw]")
{
    Sampling f;
    f.addUser(u"dual"_s, {Role::Officer, Role::Verifier});
    const QString submitted = f.claim(u"SKT-SPRT"_s, Decimal::fromInt(30));
    const QString own = f.claim(u"LHR-RMG"_s, Decimal::fromInt(30), 1, u"dual"_s);
    const QString draft =
        f.draft(u"FIRMS_UPGRADE"_s, Period::quarter(2027, 1), u"LHR-FTW"_s, Decimal::fromInt(5));
    const QString reported =
        f.draft(u"LINKAGES"_s, Period::quarter(2027, 1), u"LHR-FTW"_s, Decimal::fromInt(5));
    f.actAs(u"officer"_s);
    Workflow w = f.workflow();
    REQUIRE(w.submit(reported).ok());
    const QStringList before = f.dump();

    Samples samples = f.samples();
    const Error role = refused(samples.draw(submitted, u"seed"_s), ErrorCode::Forbidden);
    CHECK(role.message.contains(u"verifier"_s));
    f.actAs(u"dual"_s);
    const Error eyes = refused(samples.draw(own, u"seed"_s), ErrorCode::Forbidden);
    CHECK(eyes.message.contains(u"four eyes"_s));
    f.actAs(u"verifier"_s);
    const Error state = refused(samples.draw(draft, u"seed"_s), ErrorCode::Forbidden);
    CHECK(state.message.contains(u"draft"_s));
    refused(samples.draw(submitted, u"   "_s), ErrorCode::Usage);
    refused(samples.draw(submitted, u"seed"_s, 0), ErrorCode::Usage);
    const Error noRegister = refused(samples.draw(reported, u"seed"_s, 5), ErrorCode::InvalidInput);
    CHECK(noRegister.message.contains(u"LINKAGES"_s));
    refused(samples.draw(u"no-such-observation"_s, u"seed"_s), ErrorCode::NotFound);
    CHECK(f.dump() == before);

    // One open sample per observation.
    const Sample first = f.draw(submitted, u"seed"_s, 5);
    const Error open = refused(samples.draw(submitted, u"other seed"_s, 5), ErrorCode::Conflict);
    CHECK(open.message.contains(first.id));
}

// ---------------------------------------------------------------------------------------------
// Outcomes and closing

TEST_CASE("Samples: outcomes are recorded for drawn rows only, by a verifier other than the "
          "reporter",
          "[samples][record]")
{
    Sampling f;
    f.addUser(u"dual"_s, {Role::Officer, Role::Verifier});
    const QString id = f.claim(u"LHR-RMG"_s, Decimal::fromInt(30), 1, u"dual"_s);
    f.actAs(u"verifier"_s);
    const Sample s = f.draw(id, u"record test"_s, 8);
    Samples samples = f.samples();

    // A firm of the cluster that was not drawn, and one that does not exist.
    QStringList notDrawn = f.candidates(u"LHR-RMG"_s);
    for (const SampleItem& i : s.items)
        notDrawn.removeAll(i.key);
    REQUIRE_FALSE(notDrawn.isEmpty());
    const QStringList before = f.dump();
    const Error missing = refused(samples.record(s.id, notDrawn.first(), SampleOutcome::Confirmed),
                                  ErrorCode::NotFound);
    CHECK(missing.message.contains(notDrawn.first()));
    refused(samples.record(s.id, u"F-NOPE"_s, SampleOutcome::Confirmed), ErrorCode::NotFound);
    refused(samples.record(u"no-such-sample"_s, s.items[0].key, SampleOutcome::Confirmed),
            ErrorCode::NotFound);

    // Four eyes and roles apply to every step.
    f.actAs(u"dual"_s);
    const Error eyes = refused(samples.record(s.id, s.items[0].key, SampleOutcome::Confirmed),
                               ErrorCode::Forbidden);
    CHECK(eyes.message.contains(u"four eyes"_s));
    refused(samples.close(s.id), ErrorCode::Forbidden);
    f.actAs(u"officer"_s);
    refused(samples.record(s.id, s.items[0].key, SampleOutcome::Confirmed), ErrorCode::Forbidden);
    f.actAs(u"manager"_s);
    refused(samples.close(s.id), ErrorCode::Forbidden);
    CHECK(f.dump() == before);

    f.actAs(u"verifier"_s);
    f.advance(600);
    REQUIRE(samples.record(s.id, s.items[0].key, SampleOutcome::Confirmed).ok());
    REQUIRE(samples.record(s.id, s.items[1].key, SampleOutcome::NotFound, u"closed down"_s).ok());
    // An outcome may change while the sample is open.
    REQUIRE(
        samples.record(s.id, s.items[0].key, SampleOutcome::NotConfirmed, u"no upgrade"_s).ok());
    auto stored = samples.find(s.id);
    REQUIRE(stored.ok());
    CHECK(stored->items[0].outcome == SampleOutcome::NotConfirmed);
    CHECK(stored->items[0].note == u"no upgrade"_s);
    CHECK(stored->items[0].recordedBy == u"verifier"_s);
    CHECK(stored->items[0].recordedAt == kNow.addSecs(600));
    CHECK(stored->items[1].outcome == SampleOutcome::NotFound);
    CHECK_FALSE(stored->items[2].outcome.has_value());

    // With a field visit's checklist, the file is attached to the observation.
    const QString checklist = f.dir().path(u"checklist.pdf"_s);
    test::writeFile(checklist, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");
    const std::int64_t files = f.session->observations().evidenceCount(id).value();
    REQUIRE(samples.record(s.id, s.items[2].key, SampleOutcome::Confirmed, {}, {checklist}).ok());
    CHECK(f.session->observations().evidenceCount(id).value() == files + 1);
    CHECK_FALSE(samples.find(s.id)->items[2].evidenceId.isEmpty());
}

TEST_CASE("Samples: a sample with rows still unchecked does not close", "[samples][close]")
{
    Sampling f;
    const QString id = f.claim(u"SKT-SPRT"_s, Decimal::fromInt(30));
    f.actAs(u"verifier"_s);
    const Sample s = f.draw(id, u"pending"_s, 6);
    Samples samples = f.samples();
    for (int i = 0; i < 4; ++i)
        REQUIRE(samples.record(s.id, s.items[i].key, SampleOutcome::Confirmed).ok());
    const QStringList before = f.dump();
    const Error e = refused(samples.close(s.id), ErrorCode::Forbidden);
    CHECK(e.message.contains(u"2"_s));
    CHECK(e.details == QStringList{s.items[4].key, s.items[5].key});
    CHECK(f.dump() == before);
    CHECK(samples.find(s.id)->state == u"open"_s);
    CHECK(f.find(id).state == State::Submitted);
}

TEST_CASE("Samples: closing within the limit verifies the reduced value, by sample",
          "[samples][close]")
{
    Sampling f;
    const QString id = f.claim(u"SKT-SURG"_s, Decimal::fromInt(37));
    f.actAs(u"verifier"_s);
    const Sample s = f.draw(id, u"within"_s, 20);
    f.recordAll(s, 2); // 10%: the protocol's limit, accepted
    f.advance(3600);
    auto closed = f.samples().close(s.id);
    INFO((closed ? QString() : closed.error().text()).toStdString());
    REQUIRE(closed.ok());
    CHECK(closed->state == u"closed"_s);
    CHECK(closed->outcome == State::Verified);
    CHECK(closed->failed == 2);
    CHECK(closed->errorRate == dec(u"0.1"_s));
    CHECK(closed->closedBy == u"verifier"_s);
    CHECK(closed->closedAt == kNow.addSecs(3600));

    const Observation o = f.find(id);
    CHECK(o.state == State::Verified);
    CHECK(o.value == Decimal::fromInt(37));
    REQUIRE(o.verifiedValue.has_value());
    CHECK(*o.verifiedValue == Decimal::fromInt(33)); // floor(37 x 0.9) = floor(33.3)
    auto v = f.session->observations().verification(id);
    REQUIRE(v.ok());
    REQUIRE(v->has_value());
    CHECK(v->value().method == VerificationMethod::Sample);
    CHECK(v->value().sampleId == s.id);
    CHECK(v->value().verifier == u"verifier"_s);
    CHECK(v->value().reportedValue == Decimal::fromInt(37));
    CHECK(v->value().verifiedValue == Decimal::fromInt(33));
    CHECK(v->value().reason.contains(s.id));
    CHECK(v->value().verifiedOn == kNow.date());

    // Closed: no more outcomes, no second close.
    Samples samples = f.samples();
    refused(samples.record(s.id, s.items[0].key, SampleOutcome::Confirmed), ErrorCode::Forbidden);
    refused(samples.close(s.id), ErrorCode::Forbidden);

    auto report = f.session->audit().verify();
    REQUIRE(report.ok());
    INFO(report->problems.join(u'\n').toStdString());
    CHECK(report->problems.isEmpty());
}

TEST_CASE("Samples: closing with no failures verifies the reported value as it is",
          "[samples][close]")
{
    Sampling f;
    const QString id = f.claim(u"LHR-FTW"_s, Decimal::fromInt(44));
    f.actAs(u"verifier"_s);
    const Sample s = f.draw(id, u"clean"_s, 10);
    f.recordAll(s, 0);
    auto closed = f.samples().close(s.id);
    REQUIRE(closed.ok());
    CHECK(closed->failed == 0);
    CHECK(closed->errorRate == Decimal());
    const Observation o = f.find(id);
    CHECK(o.state == State::Verified);
    CHECK(*o.verifiedValue == Decimal::fromInt(44));
    CHECK(f.session->observations().verification(id).value()->reason.isEmpty());
}

TEST_CASE("Samples: closing above the limit rejects the figure", "[samples][close]")
{
    Sampling f;
    const QString id = f.claim(u"LHR-AUTO"_s, Decimal::fromInt(37));
    f.actAs(u"verifier"_s);
    const Sample s = f.draw(id, u"above"_s, 20);
    f.recordAll(s, 3); // 15% > 10%
    auto closed = f.samples().close(s.id);
    INFO((closed ? QString() : closed.error().text()).toStdString());
    REQUIRE(closed.ok());
    CHECK(closed->outcome == State::Rejected);
    CHECK(closed->failed == 3);
    CHECK(closed->errorRate == dec(u"0.15"_s));

    const Observation o = f.find(id);
    CHECK(o.state == State::Rejected);
    CHECK_FALSE(o.verifiedValue.has_value());
    auto verification = f.session->observations().verification(id);
    REQUIRE(verification.ok());
    CHECK_FALSE(verification->has_value());
    auto t = f.session->observations().transitions(id);
    REQUIRE(t.ok());
    CHECK(t->last().action == u"reject"_s);
    CHECK(t->last().user == u"verifier"_s);
    CHECK(t->last().reason.contains(s.id));
    CHECK(t->last().reason.contains(u"15%"_s));
    CHECK(t->last().reason.contains(u"10%"_s));
    auto stored = f.samples().find(s.id);
    REQUIRE(stored.ok());
    CHECK(stored->state == u"closed"_s);
    CHECK(stored->outcome == State::Rejected);
}

TEST_CASE("Samples: a verification by sample must rest on this observation's closed sample",
          "[samples][close]")
{
    Sampling f;
    const QString sampled = f.claim(u"SKT-SURG"_s, Decimal::fromInt(37));
    const QString other = f.claim(u"SKT-SPRT"_s, Decimal::fromInt(37));
    f.actAs(u"verifier"_s);
    const Sample s = f.draw(sampled, u"borrowed"_s, 10);
    Workflow w = f.workflow();
    Workflow::VerifyRequest byHand;
    byHand.id = other;
    byHand.method = VerificationMethod::Sample;
    byHand.sampleId = s.id;

    // Another observation's sample, open: refused.
    refused(w.verify(byHand), ErrorCode::Usage);
    // Its own sample, still open: refused.
    byHand.id = sampled;
    refused(w.verify(byHand), ErrorCode::Usage);
    CHECK(f.find(sampled).state == State::Submitted);

    // Closed and verified, it still does not vouch for another figure.
    f.recordAll(s, 0);
    REQUIRE(f.samples().close(s.id).ok());
    byHand.id = other;
    const QStringList before = f.dump();
    refused(w.verify(byHand), ErrorCode::Usage);
    byHand.sampleId = u"no-such-sample"_s;
    refused(w.verify(byHand), ErrorCode::Usage);
    // Nor does a sample stand behind a verification by another method.
    byHand.method = VerificationMethod::DeskReview;
    byHand.sampleId = s.id;
    refused(w.verify(byHand), ErrorCode::Usage);
    CHECK(f.dump() == before);
    CHECK(f.find(other).state == State::Submitted);
}
