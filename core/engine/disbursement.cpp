#include "core/engine/disbursement.h"

#include "core/engine/value_calculator.h"
#include "core/model/int128.h"
#include "core/model/verification.h"

#include <QHash>
#include <QMap>
#include <algorithm>

using namespace Qt::StringLiterals;
namespace State = dli::ObservationState;

namespace dli {

MoneySums& MoneySums::operator+=(const MoneySums& o)
{
    available += o.available;
    earned += o.earned;
    disbursed += o.disbursed;
    eligible += o.eligible;
    recovered += o.recovered;
    payable += o.payable;
    carriedIn += o.carriedIn;
    carriedOut += o.carriedOut;
    reallocatedIn += o.reallocatedIn;
    reallocatedOut += o.reallocatedOut;
    cancelled += o.cancelled;
    pendingReallocation += o.pendingReallocation;
    return *this;
}

const DlrResult* Disbursement::dlr(QStringView code) const
{
    for (const DliResult& d : dlis) {
        for (const DlrResult& r : d.dlrs) {
            if (r.code == code)
                return &r;
        }
    }
    return nullptr;
}

const DliResult* Disbursement::dli(QStringView code) const
{
    for (const DliResult& d : dlis) {
        if (d.code == code)
            return &d;
    }
    return nullptr;
}

QStringList Disbursement::findingKinds()
{
    return {u"advance_cap_exceeded"_s,
            u"prior_results_cap_exceeded"_s,
            u"advance_outstanding_at_closing"_s,
            u"overpayment"_s,
            u"time_bound_missed"_s,
            u"forced_event"_s,
            u"decision_not_covered"_s};
}

namespace {

// Money moving into a DLR on a day. Events of one day happen in recording order; what a DLR
// carries forward arrives before any event of that day.
struct Flow {
    QDate date;
    qint64 sequence = -1;
    Money amount;
    bool carried = false; // else a reallocation decision
    QString from;

    bool before(const QDate& d, qint64 seq) const
    {
        return date < d || (date == d && sequence < seq);
    }
    friend bool operator==(const Flow&, const Flow&) = default;
};

// What a decision (reallocate or cancel event) actually took from its DLR.
struct Taken {
    const DisbursementEvent* event = nullptr;
    Money amount;
    bool beforeFinal = false;
};

// A verified figure as the engine uses it: counted from `from`, until `until` (exclusive) when a
// verified correction replaced it.
struct Figure {
    Observation observation;
    QDate from;
    std::optional<QDate> until;
};

// (A - B) / (T - B) compared with a fraction, exactly: sign of (A - B) / (T - B) - q.
int compareFraction(Decimal progress, Decimal span, Decimal q)
{
    // progress / span <=> q  <=>  progress * sign(span) <=> q * |span|
    const Int128 left =
        static_cast<Int128>(progress.units()) * Decimal::Factor * (span.isNegative() ? -1 : 1);
    const Int128 right =
        static_cast<Int128>(q.units()) * (span.isNegative() ? -span.units() : span.units());
    return left < right ? -1 : (left > right ? 1 : 0);
}

// Six decimals, rounded half away from zero.
Decimal ratio(Decimal num, Decimal den)
{
    const Int128 n = static_cast<Int128>(num.units()) * Decimal::Factor;
    const Int128 d = den.units();
    const bool negative = (n < 0) != (d < 0);
    const Int128 an = n < 0 ? -n : n;
    const Int128 ad = d < 0 ? -d : d;
    Int128 q = an / ad;
    if ((an % ad) * 2 >= ad)
        ++q;
    return Decimal::fromUnits(static_cast<std::int64_t>(negative ? -q : q));
}

QString percent(Decimal f)
{
    // 0.533333 -> "53.33%"
    const Decimal hundred = Decimal::fromInt(100);
    const Decimal p = f * hundred;
    const std::int64_t cents = (p.units() + (p.units() < 0 ? -5000 : 5000)) / 10000;
    QString text = QString::number(static_cast<double>(cents) / 100.0, 'f', 2);
    while (text.endsWith(u'0') && text.contains(u'.'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text + u'%';
}

QString noun(EventKind kind)
{
    switch (kind) {
    case EventKind::Disburse:
        return DisbursementEngine::tr("disbursement");
    case EventKind::Advance:
        return DisbursementEngine::tr("advance");
    case EventKind::Refund:
        return DisbursementEngine::tr("refund");
    case EventKind::Reallocate:
        return DisbursementEngine::tr("reallocation");
    case EventKind::Cancel:
        return DisbursementEngine::tr("cancellation");
    }
    return {};
}

QString isoDate(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

class Computation {
public:
    Computation(const Program& program, const DisbursementEngine::Input& input)
        : p(program), in(input), sm(program.fiscalYearStartMonth)
    {}

    Disbursement run();

private:
    struct DlrWork {
        const Dli* dli = nullptr;
        const Dlr* dlr = nullptr;
        const Indicator* indicator = nullptr;
        int index = 0; // in the DLI's list
        QString next;  // the next DLR of the same DLI, by deadline
        DlrResult r;
        Money capacity; // M: what it can earn
        QList<Flow> inflows;
        QList<Taken> taken;
        QList<std::pair<QString, Flow>> outflows; // to DLR code
        int excludedLate = 0; // verified figures left out because verified after the window
    };

    void prepareFigures();
    void measure(DlrWork& w);
    void settle(DlrWork& w);
    void collect(Disbursement& out);
    QString money(Money m) const { return m.format(p.currency); }
    void explain(DlrWork& w, const QList<const DisbursementEvent*>& disbursements);

    const Program& p;
    const DisbursementEngine::Input& in;
    const int sm;
    QList<Figure> m_figures;
    QList<DlrWork> m_work; // DLIs in file order, DLRs in deadline order
    QHash<QString, qsizetype> m_index;
    QList<Finding> m_findings;
};

void Computation::prepareFigures()
{
    // A figure counts from its verification date; a submitted one, in a forecast, from the
    // as-of date at its reported value.
    QHash<QString, const Observation*> byId;
    for (const Observation& o : in.observations)
        byId.insert(o.id, &o);
    auto verifiedOn = [&](const Observation& o) -> std::optional<QDate> {
        if ((o.state == State::Verified || o.state == State::Superseded) && o.verifiedOn.isValid())
            return o.verifiedOn;
        if (in.forecast && o.state == State::Submitted)
            return in.asOf;
        return std::nullopt;
    };
    for (const Observation& o : in.observations) {
        const auto from = verifiedOn(o);
        if (!from)
            continue;
        Figure f;
        f.observation = o;
        f.observation.value = o.state == State::Submitted ? o.value : o.countedValue();
        f.observation.state = State::Verified;
        f.from = *from;
        // It stops counting when the first correction down its chain is verified.
        QString next = o.replacedBy;
        for (int hops = 0; !next.isEmpty() && hops <= in.observations.size(); ++hops) {
            const Observation* r = byId.value(next);
            if (!r)
                break;
            if (const auto when = verifiedOn(*r)) {
                f.until = *when;
                break;
            }
            next = r->replacedBy;
        }
        m_figures << f;
    }
}

void Computation::measure(DlrWork& w)
{
    DlrResult& r = w.r;
    const QDate effective = std::min(in.asOf, r.windowEnd);
    const QDate lastPeriodEnd = std::min(r.cutOff, in.asOf);
    const bool toDate =
        w.indicator && (w.indicator->cumulative || w.indicator->aggregation == Aggregation::Latest);
    QList<Observation> counted;
    for (const Figure& f : m_figures) {
        const Observation& o = f.observation;
        if (o.indicator != w.dli->indicator || o.period.end(sm) > lastPeriodEnd)
            continue;
        if (f.until && *f.until <= effective)
            continue;
        if (f.from > effective) {
            if (f.from > r.windowEnd && (!f.until || *f.until > r.windowEnd) &&
                (toDate || w.dlr->period.contains(o.period)))
                ++w.excludedLate;
            continue;
        }
        counted << o;
    }
    r.baseline = p.dlrBaseline(*w.dli, w.index);
    r.target = w.dlr->target;
    if (counted.isEmpty() || !w.indicator || !p.rootOrgUnit())
        return;
    ValueCalculator calc(p, counted, {}, ValueCalculator::Basis::Claims);
    auto v =
        calc.value(w.indicator->code, toDate ? p.lastYear() : w.dlr->period, p.rootOrgUnit()->code);
    if (!v || !v->hasValue || v->observations == 0)
        return;
    r.counted = v->observations;
    r.achieved = v->value;
    const Decimal span = r.target - r.baseline;
    if (!span.isZero())
        r.fraction = ratio(*r.achieved - r.baseline, span);
}

// Earned, rollover and decisions of one DLR, given what flowed into it.
void Computation::settle(DlrWork& w)
{
    DlrResult& r = w.r;
    const Dlr& d = *w.dlr;
    MoneySums& m = r.money;
    const Money allocation = d.allocation;
    m = MoneySums();
    w.taken.clear();
    w.outflows.clear();
    auto arrivedBy = [&](const QDate& date, qint64 seq) {
        Money total = allocation;
        for (const Flow& f : w.inflows) {
            if (f.before(date, seq))
                total += f.amount;
        }
        return total;
    };
    for (const Flow& f : w.inflows) {
        if (f.date > in.asOf)
            continue;
        (f.carried ? m.carriedIn : m.reallocatedIn) += f.amount;
    }
    m.available = allocation + m.carriedIn + m.reallocatedIn;

    QList<const DisbursementEvent*> decisions;
    for (const DisbursementEvent& e : in.events) {
        if ((e.kind == EventKind::Reallocate || e.kind == EventKind::Cancel) && e.dlr == d.code &&
            e.date <= in.asOf)
            decisions << &e;
    }
    std::stable_sort(decisions.begin(), decisions.end(), [](auto* a, auto* b) {
        return a->date < b->date || (a->date == b->date && a->sequence < b->sequence);
    });

    // Decisions before the DLR is final are restructurings: they lower what it can earn.
    Money takenBefore;
    for (const DisbursementEvent* e : decisions) {
        if (e->date > r.windowEnd)
            continue;
        const Money room = max(Money(), arrivedBy(e->date, e->sequence) - takenBefore);
        const Money take = min(e->amount, room);
        takenBefore += take;
        w.taken << Taken{e, take, true};
    }
    const QDate effective = std::min(in.asOf, r.windowEnd);
    w.capacity = max(Money(), arrivedBy(effective.addDays(1), -1) - takenBefore);
    const Money M = w.capacity;

    // Earned.
    if (r.achieved && M > Money()) {
        const Decimal A = *r.achieved;
        const Decimal B = r.baseline;
        const Decimal T = r.target;
        const bool decreasing = w.indicator && w.indicator->direction == Direction::Decrease;
        const bool yesNo = w.indicator && (w.indicator->unit == IndicatorUnit::YesNo ||
                                           w.indicator->unit == IndicatorUnit::Milestone);
        switch (d.kind) {
        case DlrKind::Binary: {
            const bool met = yesNo ? A >= Decimal::fromInt(1) : (decreasing ? A <= T : A >= T);
            m.earned = met ? M : Money();
            break;
        }
        case DlrKind::Linear: {
            const Decimal progress = A - B;
            const Decimal span = T - B;
            if (span.isZero() || compareFraction(progress, span, Decimal()) <= 0 ||
                compareFraction(progress, span, d.minFraction) < 0)
                m.earned = Money();
            else if (compareFraction(progress, span, Decimal::fromInt(1)) >= 0)
                m.earned = M;
            else
                m.earned = M.mulRatio(progress, span);
            break;
        }
        case DlrKind::PerUnit: {
            const Decimal progress = decreasing ? B - A : A - B;
            const Money unit = d.unitAmount.value_or(Money());
            m.earned = progress.isNegative() || progress.isZero()
                           ? Money()
                           : min(M, unit.mulDecimal(progress));
            break;
        }
        }
    }

    for (const Taken& t : w.taken)
        (t.event->kind == EventKind::Reallocate ? m.reallocatedOut : m.cancelled) += t.amount;

    r.final = in.asOf > r.windowEnd;
    if (r.final) {
        // The rest follows the rollover: what was unearned at the window end rolls the day
        // after; what arrived later rolls on the day it arrived.
        QList<Flow> rolling;
        const Money onTime = max(Money(), M - m.earned);
        if (onTime > Money())
            rolling << Flow{r.windowEnd.addDays(1), -1, onTime, true, d.code};
        for (const Flow& f : w.inflows) {
            if (f.date > r.windowEnd && f.date <= in.asOf)
                rolling << Flow{f.date, f.sequence, f.amount, true, d.code};
        }
        Money rest;
        for (const Flow& f : rolling)
            rest += f.amount;
        switch (d.rollover) {
        case Rollover::CarryForward:
            if (w.next.isEmpty()) {
                m.cancelled += rest;
            } else {
                m.carriedOut += rest;
                for (const Flow& f : rolling)
                    w.outflows.append({w.next, f});
            }
            break;
        case Rollover::Cancel:
            m.cancelled += rest;
            break;
        case Rollover::Reallocate:
            m.pendingReallocation = rest;
            break;
        }
        // Decisions after the window end take from what is pending.
        Money takenAfter;
        for (const DisbursementEvent* e : decisions) {
            if (e->date <= r.windowEnd)
                continue;
            Money pool;
            if (d.rollover == Rollover::Reallocate) {
                for (const Flow& f : rolling) {
                    if (f.before(e->date, e->sequence))
                        pool += f.amount;
                }
            }
            const Money take = min(e->amount, max(Money(), pool - takenAfter));
            takenAfter += take;
            w.taken << Taken{e, take, false};
            (e->kind == EventKind::Reallocate ? m.reallocatedOut : m.cancelled) += take;
        }
        m.pendingReallocation -= takenAfter;
    }
    for (const Taken& t : w.taken) {
        if (t.event->kind == EventKind::Reallocate && t.amount > Money())
            w.outflows.append(
                {t.event->toDlr, Flow{t.event->date, t.event->sequence, t.amount, false, d.code}});
    }

    // Status.
    if (M.isZero())
        r.status = DlrStatus::Cancelled;
    else if (m.earned == M)
        r.status = DlrStatus::Achieved;
    else if (r.final)
        r.status = m.earned.isZero() ? DlrStatus::Missed : DlrStatus::PartiallyAchieved;
    else if (in.asOf > r.cutOff)
        r.status = DlrStatus::UnderVerification;
    else
        r.status = r.achieved ? DlrStatus::InProgress : DlrStatus::NotStarted;
}

Disbursement Computation::run()
{
    prepareFigures();
    for (const Dli& dli : p.dlis) {
        const QList<int> order = p.dlrOrder(dli);
        for (qsizetype k = 0; k < order.size(); ++k) {
            const Dlr& d = dli.dlrs[order[k]];
            DlrWork w;
            w.dli = &dli;
            w.dlr = &d;
            w.index = order[k];
            w.indicator = p.indicator(dli.indicator);
            if (k + 1 < order.size())
                w.next = dli.dlrs[order[k + 1]].code;
            w.r.code = d.code;
            w.r.dli = dli.code;
            w.r.allocation = d.allocation;
            w.r.deadline = d.effectiveDeadline(sm);
            w.r.cutOff = p.cutOff(d);
            w.r.windowEnd = p.finalDate(d);
            measure(w);
            m_index.insert(d.code, m_work.size());
            m_work << w;
        }
    }

    // Money flows only forward in time, so settling every DLR again with the flows of the
    // previous round reaches a fixed point within as many rounds as there are flows.
    const qsizetype rounds = m_work.size() + in.events.size() + 2;
    for (qsizetype round = 0; round < rounds; ++round) {
        QHash<QString, QList<Flow>> incoming;
        for (DlrWork& w : m_work) {
            settle(w);
            for (const auto& [to, flow] : w.outflows)
                incoming[to] << flow;
        }
        bool same = true;
        for (DlrWork& w : m_work) {
            QList<Flow> flows = incoming.value(w.r.code);
            std::sort(flows.begin(), flows.end(), [](const Flow& a, const Flow& b) {
                return std::tie(a.date, a.sequence, a.from) < std::tie(b.date, b.sequence, b.from);
            });
            if (flows != w.inflows) {
                same = false;
                w.inflows = flows;
            }
        }
        if (same)
            break;
    }

    Disbursement out;
    collect(out);
    return out;
}

void Computation::collect(Disbursement& out)
{
    out.asOf = in.asOf;
    out.knownAt = in.knownAt;
    out.forecast = in.forecast;
    out.financing = p.financing;
    out.allocation = p.allocatedToDlis();
    out.advanceCap = p.financing.mulDecimal(p.advanceCapShare);
    out.priorResultsCap = p.financing.mulDecimal(p.priorResultsCapShare);

    QHash<QString, QList<const DisbursementEvent*>> disbursements;
    for (const DisbursementEvent& e : in.events) {
        if (e.kind == EventKind::Disburse && e.date <= in.asOf)
            disbursements[e.dlr] << &e;
    }
    for (auto& list : disbursements) {
        std::stable_sort(list.begin(), list.end(),
                         [](auto* a, auto* b) { return a->date < b->date; });
    }

    qsizetype k = 0;
    for (const Dli& dli : p.dlis) {
        DliResult dr;
        dr.code = dli.code;
        dr.allocation = dli.allocation;
        for (const DisbursementEvent& e : in.events) {
            if (e.dli != dli.code || e.date > in.asOf)
                continue;
            if (e.kind == EventKind::Advance)
                dr.advanced += e.amount;
            else if (e.kind == EventKind::Refund)
                dr.refunded += e.amount;
        }
        Money pool = max(Money(), dr.advanced - dr.refunded);
        for (qsizetype i = 0; i < dli.dlrs.size(); ++i, ++k) {
            DlrWork& w = m_work[k];
            MoneySums& m = w.r.money;
            for (const DisbursementEvent* e : disbursements.value(w.r.code))
                m.disbursed += e->amount;
            m.eligible = max(Money(), m.earned - m.disbursed);
            m.recovered = min(m.eligible, pool);
            pool -= m.recovered;
            m.payable = m.eligible - m.recovered;
            if (m.disbursed > m.earned)
                m_findings << Finding{
                    u"overpayment"_s,
                    dli.code,
                    w.r.code,
                    {},
                    DisbursementEngine::tr("DLR %1 was disbursed %2 but has earned %3: %4 to "
                                           "refund, or to be earned before the DLR is final")
                        .arg(w.r.code, money(m.disbursed), money(m.earned),
                             money(m.disbursed - m.earned))};
            if (w.r.final && w.r.status == DlrStatus::Missed && w.dlr->timeBound)
                m_findings << Finding{
                    u"time_bound_missed"_s,
                    dli.code,
                    w.r.code,
                    {},
                    DisbursementEngine::tr("Time-bound DLR %1 was missed: nothing was verified "
                                           "as achieved by its deadline %2")
                        .arg(w.r.code, isoDate(w.r.deadline))};
            if (w.dlr->priorResult)
                out.priorResultsEarned += m.earned;
            explain(w, disbursements.value(w.r.code));
            dr.money += m;
            dr.dlrs << w.r;
        }
        dr.outstandingAdvance = pool;
        if (in.asOf > p.closingDate && pool > Money())
            m_findings << Finding{
                u"advance_outstanding_at_closing"_s,
                dli.code,
                {},
                {},
                DisbursementEngine::tr("DLI %1 still has an advance of %2 outstanding after the "
                                       "closing date %3: it must be refunded")
                    .arg(dli.code, money(pool), isoDate(p.closingDate))};
        out.totals += dr.money;
        out.outstandingAdvances += dr.outstandingAdvance;
        out.dlis << dr;
    }

    QList<Finding> findings;
    if (out.outstandingAdvances > out.advanceCap)
        findings << Finding{u"advance_cap_exceeded"_s,
                            {},
                            {},
                            {},
                            DisbursementEngine::tr("Outstanding advances of %1 exceed the cap of "
                                                   "%2 (%3 of the financing)")
                                .arg(money(out.outstandingAdvances), money(out.advanceCap),
                                     percent(p.advanceCapShare))};
    if (out.priorResultsEarned > out.priorResultsCap)
        findings << Finding{u"prior_results_cap_exceeded"_s,
                            {},
                            {},
                            {},
                            DisbursementEngine::tr("Prior results earned %1, more than the cap "
                                                   "of %2 (%3 of the financing)")
                                .arg(money(out.priorResultsEarned), money(out.priorResultsCap),
                                     percent(p.priorResultsCapShare))};
    findings << m_findings;
    for (const DisbursementEvent& e : in.events) {
        if (!e.forced || e.date > in.asOf)
            continue;
        const QString what = noun(e.kind);
        const QString target = !e.dlr.isEmpty() ? u"DLR "_s + e.dlr : u"DLI "_s + e.dli;
        findings << Finding{
            u"forced_event"_s,
            e.dli.isEmpty() && m_index.contains(e.dlr) ? m_work[m_index.value(e.dlr)].r.dli : e.dli,
            e.dlr, e.id,
            DisbursementEngine::tr("The %1 of %2 against %3 on %4 (%5) was recorded against "
                                   "the rules by %6: \"%7\"")
                .arg(what, money(e.amount), target, isoDate(e.date), e.reference,
                     e.recordedBy.isEmpty() ? DisbursementEngine::tr("a manager") : e.recordedBy,
                     e.reason)};
    }
    for (const DlrWork& w : m_work) {
        for (const Taken& t : w.taken) {
            if (t.amount < t.event->amount)
                findings << Finding{
                    u"decision_not_covered"_s, w.r.dli, w.r.code, t.event->id,
                    DisbursementEngine::tr("The decision %1 of %2 (%3) found only %4 to take "
                                           "from DLR %5; the rest was not moved")
                        .arg(t.event->reference, isoDate(t.event->date), money(t.event->amount),
                             money(t.amount), w.r.code)};
        }
    }
    out.findings = findings;
}

void Computation::explain(DlrWork& w, const QList<const DisbursementEvent*>& disbursements)
{
    DlrResult& r = w.r;
    const MoneySums& m = r.money;
    const Dlr& d = *w.dlr;
    const QString kind = enumToString(kDlrKindNames, d.kind);
    QStringList& out = r.explanation;
    out.clear();

    // When.
    const QString cut =
        d.timeBound ? DisbursementEngine::tr("time-bound: results up to its deadline %1 count")
                          .arg(isoDate(r.cutOff))
                    : DisbursementEngine::tr("results up to the closing date %1 count")
                          .arg(isoDate(r.cutOff));
    out << (r.final ? DisbursementEngine::tr("DLR %1 (%2), %3; final since its verification "
                                             "window ended on %4.")
                    : DisbursementEngine::tr("DLR %1 (%2), %3; verifications dated up to %4 "
                                             "count."))
               .arg(r.code, kind, cut, isoDate(r.windowEnd));

    // What it could earn.
    QStringList parts{DisbursementEngine::tr("allocation %1").arg(money(r.allocation))};
    if (!m.carriedIn.isZero())
        parts << DisbursementEngine::tr("%1 carried in").arg(money(m.carriedIn));
    if (!m.reallocatedIn.isZero())
        parts << DisbursementEngine::tr("%1 reallocated in").arg(money(m.reallocatedIn));
    if (parts.size() > 1)
        out << DisbursementEngine::tr("Available %1: %2.")
                   .arg(money(m.available), parts.join(u" + "_s));
    Money before;
    for (const Taken& t : w.taken) {
        if (t.beforeFinal)
            before += t.amount;
    }
    if (!before.isZero())
        out << DisbursementEngine::tr("Decisions before it was final took %1 away: it can earn "
                                      "%2.")
                   .arg(money(before), money(w.capacity));

    // What it earned.
    const QString ind = w.dli->indicator;
    if (!r.achieved) {
        if (w.excludedLate > 0)
            out << DisbursementEngine::tr("No verified figure of %1 counts (%2 verified after "
                                          "the window): nothing earned.")
                       .arg(ind)
                       .arg(w.excludedLate);
        else if (r.final)
            out << DisbursementEngine::tr("No verified figure of %1 counts: nothing earned.")
                       .arg(ind);
        else
            out << DisbursementEngine::tr("No verified figure of %1 counts yet: nothing earned.")
                       .arg(ind);
    } else {
        const QString A = r.achieved->toString();
        const QString B = r.baseline.toString();
        const QString T = r.target.toString();
        const QString M = money(w.capacity);
        const bool decreasing = w.indicator && w.indicator->direction == Direction::Decrease;
        QString counted =
            r.counted == 1
                ? DisbursementEngine::tr("verified %1 = %2 (1 figure counted").arg(ind, A)
                : DisbursementEngine::tr("verified %1 = %2 (%3 figures counted")
                      .arg(ind, A)
                      .arg(r.counted);
        if (w.excludedLate == 1)
            counted += DisbursementEngine::tr("; 1 verified after the window does not count");
        else if (w.excludedLate > 1)
            counted += DisbursementEngine::tr("; %1 verified after the window do not count")
                           .arg(w.excludedLate);
        counted += u')';
        switch (d.kind) {
        case DlrKind::Binary:
            out << (m.earned.isZero()
                        ? DisbursementEngine::tr("%1 against target %2 (%3): not met → nothing "
                                                 "earned.")
                              .arg(counted, T,
                                   decreasing ? DisbursementEngine::tr("at most")
                                              : DisbursementEngine::tr("at least"))
                        : DisbursementEngine::tr("%1 against target %2 (%3): met → %4 earned.")
                              .arg(counted, T,
                                   decreasing ? DisbursementEngine::tr("at most")
                                              : DisbursementEngine::tr("at least"),
                                   money(m.earned)));
            break;
        case DlrKind::Linear: {
            const QString f = r.fraction ? percent(*r.fraction) : u"-"_s;
            QString how;
            if (m.earned.isZero() && r.fraction && !r.fraction->isNegative() &&
                !r.fraction->isZero())
                how = DisbursementEngine::tr("below the minimum fraction %1 → nothing earned")
                          .arg(percent(d.minFraction));
            else if (m.earned.isZero())
                how = DisbursementEngine::tr("no progress → nothing earned");
            else if (m.earned == w.capacity)
                how = DisbursementEngine::tr("target reached → %1 earned").arg(money(m.earned));
            else
                how = DisbursementEngine::tr("%1 × %2 = %3 earned")
                          .arg(r.fraction->toString(), M, money(m.earned));
            out << DisbursementEngine::tr("%1 against target %2 from baseline %3 → %4; %5.")
                       .arg(counted, T, B, f, how);
            break;
        }
        case DlrKind::PerUnit: {
            const Decimal progress =
                decreasing ? r.baseline - *r.achieved : *r.achieved - r.baseline;
            const QString unit = money(d.unitAmount.value_or(Money()));
            out << DisbursementEngine::tr("%1 from baseline %2: %3 units × %4, at most %5 → %6 "
                                          "earned.")
                       .arg(counted, B, progress.isNegative() ? u"0"_s : progress.toString(), unit,
                            M, money(m.earned));
            break;
        }
        }
    }

    // Where the rest went.
    if (!m.carriedOut.isZero())
        out << DisbursementEngine::tr("%1 unearned carried forward to DLR %2.")
                   .arg(money(m.carriedOut), w.next);
    QStringList moved;
    for (const Taken& t : w.taken) {
        if (t.amount.isZero())
            continue;
        moved << (t.event->kind == EventKind::Reallocate
                      ? DisbursementEngine::tr("%1 reallocated to DLR %2 on %3 (%4)")
                            .arg(money(t.amount), t.event->toDlr, isoDate(t.event->date),
                                 t.event->reference)
                      : DisbursementEngine::tr("%1 cancelled on %2 (%3)")
                            .arg(money(t.amount), isoDate(t.event->date), t.event->reference));
    }
    if (!moved.isEmpty())
        out << DisbursementEngine::tr("Decisions: %1.").arg(moved.join(u"; "_s));
    Money decidedCancel;
    for (const Taken& t : w.taken) {
        if (t.event->kind == EventKind::Cancel)
            decidedCancel += t.amount;
    }
    if (m.cancelled > decidedCancel)
        out << DisbursementEngine::tr("%1 unearned cancelled (rollover: %2).")
                   .arg(money(m.cancelled - decidedCancel),
                        enumToString(kRolloverNames, d.rollover));
    if (!m.pendingReallocation.isZero())
        out << DisbursementEngine::tr("%1 unearned awaits a reallocation or cancellation "
                                      "decision.")
                   .arg(money(m.pendingReallocation));

    // Cash.
    if (!disbursements.isEmpty()) {
        QStringList paid;
        for (const DisbursementEvent* e : disbursements)
            paid << DisbursementEngine::tr("%1 on %2 (%3)")
                        .arg(money(e->amount), isoDate(e->date), e->reference);
        out << DisbursementEngine::tr("Disbursed %1 → %2 eligible.")
                   .arg(paid.join(u", "_s), money(m.eligible));
    } else if (!m.earned.isZero()) {
        out << DisbursementEngine::tr("Nothing disbursed yet → %1 eligible.")
                   .arg(money(m.eligible));
    }
    if (!m.recovered.isZero())
        out << DisbursementEngine::tr("Advance of %1 recovered → %2 payable.")
                   .arg(money(m.recovered), money(m.payable));
    else if (!m.eligible.isZero())
        out << DisbursementEngine::tr("%1 payable.").arg(money(m.payable));
}

} // namespace

Disbursement DisbursementEngine::compute(const Program& program, const Input& input)
{
    Computation c(program, input);
    return c.run();
}

QStringList DisbursementEngine::refusals(const Program& program, const Input& before,
                                         const DisbursementEvent& event)
{
    Input at = before;
    at.asOf = event.date;
    at.forecast = false;
    const Disbursement s = compute(program, at);
    const auto money = [&](Money m) {
        return m.format(program.currency);
    };
    const QString date = isoDate(event.date);
    QStringList out;
    switch (event.kind) {
    case EventKind::Disburse:
        if (const DlrResult* r = s.dlr(event.dlr); r && event.amount > r->money.payable)
            out << tr("%1 is more than the %2 payable for DLR %3 on %4 (earned %5, disbursed "
                      "%6, recovered against advances %7)")
                       .arg(money(event.amount), money(r->money.payable), event.dlr, date,
                            money(r->money.earned), money(r->money.disbursed),
                            money(r->money.recovered));
        break;
    case EventKind::Advance:
        if (s.outstandingAdvances + event.amount > s.advanceCap)
            out << tr("an advance of %1 would bring outstanding advances to %2, above the cap "
                      "of %3 (%4 of the financing)")
                       .arg(money(event.amount), money(s.outstandingAdvances + event.amount),
                            money(s.advanceCap), percent(program.advanceCapShare));
        break;
    case EventKind::Refund:
        if (const DliResult* d = s.dli(event.dli); d && event.amount > d->outstandingAdvance)
            out << tr("%1 is more than the %2 of advances outstanding for DLI %3 on %4")
                       .arg(money(event.amount), money(d->outstandingAdvance), event.dli, date);
        break;
    case EventKind::Reallocate:
    case EventKind::Cancel:
        if (const DlrResult* r = s.dlr(event.dlr); r && event.amount > r->money.pendingReallocation)
            out << (r->final ? tr("%1 is more than the %2 pending reallocation on DLR %3 on %4")
                                   .arg(money(event.amount), money(r->money.pendingReallocation),
                                        event.dlr, date)
                             : tr("DLR %1 is not final on %2 (its verification window ends on "
                                  "%3): nothing is pending reallocation yet")
                                   .arg(event.dlr, date, isoDate(r->windowEnd)));
        if (event.kind == EventKind::Reallocate) {
            if (const DlrResult* to = s.dlr(event.toDlr); to && to->final)
                out << tr("DLR %1 is final since %2: money moved into it can no longer be "
                          "earned")
                           .arg(event.toDlr, isoDate(to->windowEnd.addDays(1)));
        }
        break;
    }
    return out;
}

} // namespace dli
