// The disbursement engine over the store: events recorded by managers and checked against the
// rules, forced events, and computations as known at a moment.
#include "core/io/status_report.h"
#include "core/workflow/disbursements.h"
#include "core/workflow/workflow.h"
#include "trust_support.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::DemoCopy;

namespace {

const QDate kToday(2026, 7, 1);

DisbursementEvent event(EventKind kind, const QString& code, Money amount, const QDate& date,
                        const QString& ref = u"REF-1"_s, const QString& to = {})
{
    DisbursementEvent e;
    e.kind = kind;
    (kind == EventKind::Advance || kind == EventKind::Refund ? e.dli : e.dlr) = code;
    e.toDlr = to;
    e.amount = amount;
    e.date = date;
    e.reference = ref;
    return e;
}

Disbursement status(DemoCopy& d, const QDate& asOf = kToday, const QDateTime& knownAt = {})
{
    auto s = Disbursements(*d.session, d.program()).compute(asOf, knownAt);
    if (!s)
        FAIL(s.error().text().toStdString());
    return s.value();
}

const DlrResult& dlrOf(const Disbursement& s, const QString& code)
{
    const DlrResult* r = s.dlr(code);
    REQUIRE(r);
    return *r;
}

// The SHA-256 of the status document without its known-at line: Catch would take minutes to
// print two documents.
QString digest(const Program& p, Disbursement s)
{
    s.knownAt = QDateTime();
    return QString::fromLatin1(
        QCryptographicHash::hash(StatusReport::json(p, s), QCryptographicHash::Sha256).toHex());
}

QString usd(Money m)
{
    return m.toPlainString(2);
}

// A DLR with something payable today, and that amount.
std::pair<QString, Money> somethingPayable(const Disbursement& s)
{
    for (const DliResult& d : s.dlis) {
        for (const DlrResult& r : d.dlrs) {
            if (r.money.payable > Money())
                return {r.code, r.money.payable};
        }
    }
    FAIL("nothing payable in the demo");
    return {};
}

} // namespace

TEST_CASE("Events: managers record them, audited; the engine counts them", "[disbursement][events]")
{
    DemoCopy d;
    Disbursements money(*d.session, d.program());
    const Disbursement before = status(d);
    const auto [code, payable] = somethingPayable(before);

    d.actAs(u"officer"_s);
    auto byOfficer = money.record(event(EventKind::Disburse, code, payable, kToday), false);
    REQUIRE_FALSE(byOfficer);
    CHECK(byOfficer.error().code == ErrorCode::Forbidden);
    CHECK(byOfficer.error().message.contains(u"manager"_s));

    d.actAs(u"manager"_s);
    auto recorded =
        money.record(event(EventKind::Disburse, code, payable, kToday, u"WA-99"_s), false);
    REQUIRE(recorded);
    CHECK_FALSE(recorded->forced);
    CHECK(recorded->recordedBy == u"manager"_s);
    CHECK(recorded->sequence == 10); // after the demo's nine

    const DlrResult& after = dlrOf(status(d), code);
    CHECK(usd(after.money.disbursed) == usd(dlrOf(before, code).money.disbursed + payable));
    CHECK(usd(after.money.payable) == u"0.00"_s);
    CHECK(after.explanation.join(u' ').contains(u"(WA-99)"_s));

    auto events = money.events();
    REQUIRE(events);
    CHECK(events->size() == 10);
    CHECK(events->last().id == recorded->id);
    auto log = d.session->audit().entries({{}, {}, u"events"_s, recorded->id});
    REQUIRE(log);
    REQUIRE(log->size() == 1);
    CHECK(log->first().action == u"event.disburse"_s);
    CHECK(log->first().user == u"manager"_s);
    auto verified = d.session->audit().verify();
    REQUIRE(verified);
    CHECK(verified->problems.isEmpty());
}

TEST_CASE("Events: a rule broken refuses the event and changes nothing", "[disbursement][events]")
{
    DemoCopy d;
    d.actAs(u"manager"_s);
    Disbursements money(*d.session, d.program());
    const Disbursement s = status(d);
    const auto [code, payable] = somethingPayable(s);
    const QStringList before = d.dump();
    const Money cent = Money::fromMinor(1);

    auto tooMuch = money.record(event(EventKind::Disburse, code, payable + cent, kToday), false);
    REQUIRE_FALSE(tooMuch);
    CHECK(tooMuch.error().code == ErrorCode::Forbidden);
    CHECK(tooMuch.error().message.contains(u"payable"_s));
    CHECK(tooMuch.error().message.contains(u"--force"_s));

    // The advance cap counts what is outstanding on the day.
    const Money room = s.advanceCap - s.outstandingAdvances;
    auto advance = money.record(event(EventKind::Advance, u"DLI5"_s, room + cent, kToday), false);
    REQUIRE_FALSE(advance);
    CHECK(advance.error().message.contains(u"cap"_s));

    auto refund = money.record(
        event(EventKind::Refund, u"DLI3"_s, s.dli(u"DLI3")->outstandingAdvance + cent, kToday),
        false);
    REQUIRE_FALSE(refund);
    CHECK(refund.error().message.contains(u"outstanding"_s));

    // 6.1 is not final: nothing is pending yet.
    auto early = money.record(
        event(EventKind::Reallocate, u"6.1"_s, cent, kToday, u"D-1"_s, u"4.4"_s), false);
    REQUIRE_FALSE(early);
    CHECK(early.error().message.contains(u"not final"_s));

    // 4.2 has money pending; 2.1 is final and can no longer receive any.
    const Money pending = dlrOf(s, u"4.2"_s).money.pendingReallocation;
    REQUIRE(pending > Money());
    auto intoFinal = money.record(
        event(EventKind::Reallocate, u"4.2"_s, pending, kToday, u"D-2"_s, u"2.1"_s), false);
    REQUIRE_FALSE(intoFinal);
    CHECK(intoFinal.error().message.contains(u"2.1 is final"_s));
    auto aboveCancel =
        money.record(event(EventKind::Cancel, u"4.2"_s, pending + cent, kToday), false);
    REQUIRE_FALSE(aboveCancel);
    CHECK(aboveCancel.error().message.contains(u"pending"_s));

    CHECK(d.dump() == before);

    // Within the rules: exactly what is pending moves.
    auto moved = money.record(
        event(EventKind::Reallocate, u"4.2"_s, pending, kToday, u"D-3"_s, u"4.4"_s), false);
    REQUIRE(moved);
    const Disbursement after = status(d);
    CHECK(usd(dlrOf(after, u"4.2"_s).money.pendingReallocation) == u"0.00"_s);
    CHECK(usd(dlrOf(after, u"4.4"_s).money.reallocatedIn) ==
          usd(dlrOf(s, u"4.4"_s).money.reallocatedIn + pending));
}

TEST_CASE("Events: forcing needs a reason, kept as a finding", "[disbursement][events]")
{
    DemoCopy d;
    d.actAs(u"manager"_s);
    Disbursements money(*d.session, d.program());
    const auto [code, payable] = somethingPayable(status(d));
    DisbursementEvent e =
        event(EventKind::Disburse, code, payable + Money::fromMinor(100'00), kToday, u"WA-50"_s);

    auto noReason = money.record(e, true);
    REQUIRE_FALSE(noReason);
    CHECK(noReason.error().code == ErrorCode::InvalidInput);
    CHECK(noReason.error().message.contains(u"reason"_s));

    e.reason = u"The Bank paid the full tranche on the IVA's preliminary report"_s;
    auto forced = money.record(e, true);
    REQUIRE(forced);
    CHECK(forced->forced);
    const Disbursement s = status(d);
    bool shown = false;
    for (const Finding& f : s.findings)
        shown = shown || (f.kind == u"forced_event"_s && f.eventId == forced->id &&
                          f.message.contains(e.reason) && f.dlr == code);
    CHECK(shown);
    auto log = d.session->audit().entries({{}, {}, u"events"_s, forced->id});
    REQUIRE(log);
    REQUIRE(log->size() == 1);
    CHECK(QString::fromUtf8(log->first().details).contains(u"payable"_s));

    // Forcing an event that keeps the rules records a plain event.
    DisbursementEvent fine =
        event(EventKind::Advance, u"DLI5"_s, Money::fromMinor(1'000'00), kToday, u"ADV-9"_s);
    fine.reason = u"not needed"_s;
    auto plain = money.record(fine, true);
    REQUIRE(plain);
    CHECK_FALSE(plain->forced);
    CHECK(plain->reason.isEmpty());
}

TEST_CASE("Events: what no one may force", "[disbursement][events]")
{
    DemoCopy d;
    d.actAs(u"manager"_s);
    Disbursements money(*d.session, d.program());
    const QStringList before = d.dump();
    const Money some = Money::fromMinor(1'000'00);
    auto refused = [&](const DisbursementEvent& e, const QString& words) {
        DisbursementEvent forcedOne = e;
        forcedOne.reason = u"trying anyway"_s;
        auto r = money.record(forcedOne, true);
        INFO(words.toStdString());
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::InvalidInput);
        CHECK(r.error().message.contains(words));
    };
    refused(event(EventKind::Disburse, u"9.9"_s, some, kToday), u"unknown DLR \"9.9\""_s);
    refused(event(EventKind::Advance, u"DLI9"_s, some, kToday), u"unknown DLI \"DLI9\""_s);
    refused(event(EventKind::Disburse, u"1.1"_s, Money(), kToday), u"more than zero"_s);
    refused(event(EventKind::Disburse, u"1.1"_s, some, kToday.addDays(1)), u"future"_s);
    refused(event(EventKind::Disburse, u"1.1"_s, some, QDate(2022, 9, 14)), u"signed"_s);
    refused(event(EventKind::Reallocate, u"4.2"_s, some, kToday, u"D"_s, u"4.2"_s),
            u"another DLR"_s);
    refused(event(EventKind::Reallocate, u"4.2"_s, some, kToday, u"D"_s), u"--to"_s);
    refused(event(EventKind::Disburse, u"1.1"_s, some, kToday, u"  "_s), u"reference"_s);
    CHECK(d.dump() == before);
}

TEST_CASE("As known at: what was recorded later is left out, whatever its dates",
          "[disbursement][known-at]")
{
    DemoCopy d;
    const QDateTime recorded = d.now(); // the demo's story ends at this moment
    Disbursements money(*d.session, d.program());
    const QDate asOf = kToday;
    const QString atCreation = digest(d.program(), status(d, asOf, recorded));
    CHECK(atCreation == digest(d.program(), status(d, asOf, recorded.addSecs(60))));

    // A month later the verifier enters a verification dated back in May: it counts from then
    // on, but not as known at the demo's moment.
    d.setNow(recorded.addDays(31));
    d.actAs(u"verifier"_s);
    auto all = d.session->observations().all();
    REQUIRE(all);
    QString pendingId;
    for (const Observation& o : all.value()) {
        if (o.state == ObservationState::Submitted && o.indicator == u"TRAINED_W"_s &&
            o.period == Period::quarter(2026, 2))
            pendingId = o.id;
    }
    REQUIRE_FALSE(pendingId.isEmpty());
    Workflow::VerifyRequest r;
    r.id = pendingId;
    r.date = QDate(2026, 5, 15);
    REQUIRE(Workflow(*d.session, d.program()).verify(r));
    d.actAs(u"manager"_s);
    const auto [code, payable] = somethingPayable(status(d, asOf));
    REQUIRE(money.record(event(EventKind::Disburse, code, payable, asOf, u"WA-L"_s), false));

    const Disbursement now = status(d, asOf);
    CHECK(dlrOf(now, u"4.3"_s).money.earned >
          dlrOf(status(d, asOf, recorded), u"4.3"_s).money.earned);
    // The same moment gives the same document, byte for byte.
    CHECK(digest(d.program(), status(d, asOf, recorded)) == atCreation);
    // Before anything was recorded (the demo's program was set up on 19 September 2022),
    // nothing counts.
    const Disbursement empty =
        status(d, asOf, QDateTime(QDate(2022, 9, 19), QTime(8, 59), Qt::UTC));
    CHECK(usd(empty.totals.earned) == u"0.00"_s);
    CHECK(usd(empty.totals.disbursed) == u"0.00"_s);
}

TEST_CASE("As known at: states and values are replayed from the history",
          "[disbursement][known-at]")
{
    DemoCopy d;
    const QDateTime start = d.now();
    Disbursements money(*d.session, d.program());
    auto all = d.session->observations().all();
    REQUIRE(all);
    QString queriedId;
    Decimal oldValue;
    for (const Observation& o : all.value()) {
        if (o.state == ObservationState::Queried) {
            queriedId = o.id;
            oldValue = o.value;
        }
    }
    REQUIRE_FALSE(queriedId.isEmpty());
    d.setNow(start.addDays(2));
    d.actAs(u"officer"_s);
    Workflow flow(*d.session, d.program());
    REQUIRE(flow.amend(queriedId, oldValue + Decimal::fromInt(5)));
    REQUIRE(flow.submit(queriedId));

    auto find = [&](const QDateTime& at) {
        auto in = money.inputs(kToday, at);
        REQUIRE(in);
        for (const Observation& o : in->observations) {
            if (o.id == queriedId)
                return o;
        }
        FAIL("observation missing");
        return Observation();
    };
    const Observation then = find(start.addDays(1));
    CHECK(then.state == ObservationState::Queried);
    CHECK(then.value == oldValue);
    const Observation later = find(start.addDays(3));
    CHECK(later.state == ObservationState::Submitted);
    CHECK(later.value == oldValue + Decimal::fromInt(5));
    // An observation entered after the moment does not exist then.
    d.actAs(u"officer"_s);
    const QString fresh =
        d.draft(u"TRAINED_W"_s, Period::quarter(2027, 1), u"SDH"_s, Decimal::fromInt(40));
    auto in = money.inputs(kToday, start.addDays(1));
    REQUIRE(in);
    bool seen = false;
    for (const Observation& o : in->observations)
        seen = seen || o.id == fresh;
    CHECK_FALSE(seen);
}
