#include "core/charts/chart_data.h"

#include "core/charts/chart_source.h"
#include "core/engine/disbursement.h"
#include "core/engine/value_calculator.h"
#include "core/model/verification.h"
#include "core/storage/register_repository.h"
#include "core/storage/session.h"
#include "core/workflow/disbursements.h"

#include <QHash>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
namespace State = dli::ObservationState;

namespace dli {

namespace {

// y of an amount: exact minor units, divided only at the end.
double moneyY(Money m, const Currency& c)
{
    return static_cast<double>(m.minor()) / std::pow(10.0, c.minorDigits);
}

ChartPoint moneyPoint(const QString& x, Money m, const Currency& c)
{
    return ChartPoint{x, moneyY(m, c), m.format(c)};
}

ChartPoint valuePoint(const QString& x, const Decimal& d, const QString& label = {})
{
    return ChartPoint{x, d.toDouble(), label.isEmpty() ? d.toString() : label};
}

ChartPoint nothing(const QString& x, const QString& label = {})
{
    return ChartPoint{x, std::nullopt, label};
}

QString isoDate(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

// Every quarter from the one holding `from` to the one holding `to`.
QList<Period> quarterRange(const QDate& from, const QDate& to, int sm)
{
    QList<Period> out;
    if (!from.isValid() || !to.isValid() || to < from)
        return out;
    const Period last = Period::containing(to, Period::Kind::Quarter, sm);
    for (Period q = Period::containing(from, Period::Kind::Quarter, sm); q <= last; q = q.next())
        out << q;
    return out;
}

// The axis of an indicator's chart: quarters (years for an indicator reported yearly) from the
// one holding the earlier of the signing date and the indicator's baseline date, to the one
// holding the closing date, within the program's years.
QList<Period> indicatorAxis(const Program& program, const Indicator& x)
{
    const int sm = program.fiscalYearStartMonth;
    QDate from = program.signingDate;
    if (x.baseline.date.isValid() && (!from.isValid() || x.baseline.date < from))
        from = x.baseline.date;
    const Period first = program.firstYear();
    if (first.isValid() && from < first.start(sm))
        from = first.start(sm);
    if (x.frequency == Frequency::Yearly) {
        QList<Period> years;
        if (!from.isValid() || !program.closingDate.isValid())
            return years;
        const Period last = Period::containing(program.closingDate, Period::Kind::Year, sm);
        for (Period y = Period::containing(from, Period::Kind::Year, sm); y <= last; y = y.next())
            years << y;
        return years;
    }
    return quarterRange(from, program.closingDate, sm);
}

// The store's observations as they stood on the as-of date, for values: a figure verified on
// or before it counts as verified with its verified value; a figure verified later, or
// submitted now, counts as pending (submitted, with its reported value); a verified figure
// whose correction was verified after the as-of date still counts. Drafts, queried and
// rejected figures, and figures for periods that begin after the as-of date, are left out.
// With verifiedOnly, pending figures are left out too.
QList<Observation> figuresAsOf(const QList<Observation>& all, const Program& program,
                               const QDate& asOf, bool verifiedOnly)
{
    const int sm = program.fiscalYearStartMonth;
    QHash<QString, const Observation*> byId;
    for (const Observation& o : all)
        byId.insert(o.id, &o);
    const auto verifiedBy = [&asOf](const Observation& o) {
        return o.verifiedOn.isValid() && o.verifiedOn <= asOf;
    };
    QList<Observation> out;
    for (Observation o : all) {
        if (o.period.start(sm) > asOf)
            continue;
        const bool wasVerified = o.state == State::Verified || o.state == State::Superseded;
        if (wasVerified && verifiedBy(o)) {
            if (o.state == State::Superseded) {
                const Observation* r = byId.value(o.replacedBy);
                if (r && verifiedBy(*r))
                    continue; // its correction counts instead
            }
            o.state = State::Verified;
        } else if ((wasVerified && o.state != State::Superseded) || o.state == State::Submitted) {
            if (verifiedOnly)
                continue;
            o.state = State::Submitted;
            o.verifiedValue.reset();
            o.verifiedOn = QDate();
        } else {
            continue;
        }
        out << std::move(o);
    }
    return out;
}

// Whether a value meets a target in the indicator's direction.
bool meets(const Indicator& x, const Decimal& value, const Decimal& target)
{
    return x.direction == Direction::Increase ? value >= target : value <= target;
}

// The values of an indicator along an axis for the whole program. A non-cumulative `sum`
// indicator reported quarterly shows its fiscal year to date (the sum of the year's quarters up
// to this one), the figure its yearly targets and DLRs compare with; any other shows its value
// for the period (a cumulative total, a latest level, a mean). Periods that begin after the
// as-of date have no value.
struct AxisValue {
    std::optional<Decimal> value;
    int observations = 0;
    bool verifiedOnly = false;
};

Result<QList<AxisValue>> valuesAlong(ValueCalculator& calc, const Program& program,
                                     const Indicator& x, const QList<Period>& axis,
                                     const QDate& asOf, bool yearToDate)
{
    const int sm = program.fiscalYearStartMonth;
    const QString root = program.rootOrgUnit() ? program.rootOrgUnit()->code : QString();
    QList<AxisValue> out;
    AxisValue running;
    int runningYear = 0;
    for (const Period& p : axis) {
        if (p.start(sm) > asOf) {
            out << AxisValue{};
            continue;
        }
        Result<IndicatorValue> v = calc.value(x.code, p, root);
        if (!v)
            return v.error();
        AxisValue a;
        if (v->hasValue) {
            a.value = v->value;
            a.observations = v->observations;
            a.verifiedOnly = v->verifiedOnly;
        }
        if (yearToDate && p.isQuarter()) {
            if (runningYear != p.fiscalYear()) {
                running = AxisValue{};
                running.verifiedOnly = true;
                runningYear = p.fiscalYear();
            }
            if (a.value) {
                running.value = running.value.value_or(Decimal()) + *a.value;
                running.observations += a.observations;
                running.verifiedOnly = running.verifiedOnly && a.verifiedOnly;
            }
            a = running;
            if (!a.value)
                a.verifiedOnly = false;
        }
        out << a;
    }
    return out;
}

bool isYearToDate(const Indicator& x)
{
    return x.aggregation == Aggregation::Sum && !x.cumulative &&
           x.frequency == Frequency::Quarterly;
}

QString csvField(const QString& s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n'))
        return s;
    QString q = s;
    q.replace(u"\""_s, u"\"\""_s);
    return u'"' + q + u'"';
}

QString csvNumber(double y)
{
    QString s = QString::number(y, 'f', 6);
    while (s.endsWith(u'0'))
        s.chop(1);
    if (s.endsWith(u'.'))
        s.chop(1);
    if (s == u"-0"_s)
        s = u"0"_s;
    return s;
}

bool anyPoint(const QList<ChartSeries>& series)
{
    for (const ChartSeries& s : series) {
        for (const ChartPoint& p : s.points) {
            if (p.y)
                return true;
        }
    }
    return false;
}

ChartData empty(ChartData chart, const QString& why)
{
    chart.series.clear();
    chart.notes.clear();
    chart.emptyText = why;
    return chart;
}

} // namespace

const ChartSeries* ChartData::find(QStringView role) const
{
    for (const ChartSeries& s : series) {
        if (s.role == role)
            return &s;
    }
    return nullptr;
}

// DLI progress, for one DLI, along the quarters of its indicator (fiscal years for a yearly
// indicator; see indicatorAxis):
//  - "verified" (line): the indicator's value for the whole program from the figures verified on
//    or before the as-of date, with their verified values (the claims: a register-defined
//    indicator takes its observations, as the engine does). A non-cumulative `sum` indicator
//    shows its fiscal year to date, so that a yearly DLR's A is the fourth quarter's point;
//    a cumulative one its running total, a `latest` one its level.
//  - "reported" (dashed): the same with the pending figures (submitted, or verified after the
//    as-of date) counted as reported.
//  - "target" (step): at each period, the target of the next DLR due (the first whose deadline
//    falls in or after the period); none after the last deadline.
//  - "baseline" (dashed): the indicator's baseline value at every period.
//  - markers at each DLR's deadline period, y its target: "met" when the verified value for the
//    deadline period meets the target; else "missed" once the deadline's verification window
//    (verification_window_days after the deadline) has passed by the as-of date; "pending"
//    after the deadline while the window is open; "due" before the deadline. One note per DLR.
// Both lines have no value after the as-of date. Empty when no verified or pending figure of
// the indicator counts.
Result<ChartData> ChartData::dliProgress(ChartSource& source, const QString& dliCode)
{
    const Program& program = source.program();
    const QDate& asOf = source.asOf();
    const Dli* dli = program.dli(dliCode);
    if (!dli)
        return Error(ErrorCode::NotFound, tr("unknown DLI \"%1\"").arg(dliCode));
    const Indicator* x = program.indicator(dli->indicator);
    if (!x)
        return Error(
            ErrorCode::NotFound,
            tr("DLI %1 measures an unknown indicator \"%2\"").arg(dliCode, dli->indicator));
    const int sm = program.fiscalYearStartMonth;
    ChartData chart;
    chart.kind = u"dli-progress"_s;
    chart.title = tr("%1: %2").arg(dli->code, dli->title);
    chart.xTitle = x->frequency == Frequency::Yearly ? tr("Fiscal year") : tr("Fiscal quarter");
    chart.yTitle = x->title.isEmpty() ? x->code : x->title;

    QList<Observation> all;
    DLI_ASSIGN(all, source.observations());
    all.removeIf([x](const Observation& o) { return o.indicator != x->code; });
    const QList<Period> axis = indicatorAxis(program, *x);
    const bool ytd = isYearToDate(*x);
    ValueCalculator verifiedCalc(program, figuresAsOf(all, program, asOf, true), {},
                                 ValueCalculator::Basis::Claims);
    ValueCalculator reportedCalc(program, figuresAsOf(all, program, asOf, false), {},
                                 ValueCalculator::Basis::Claims);
    QList<AxisValue> verified;
    QList<AxisValue> reported;
    DLI_ASSIGN(verified, valuesAlong(verifiedCalc, program, *x, axis, asOf, ytd));
    DLI_ASSIGN(reported, valuesAlong(reportedCalc, program, *x, axis, asOf, ytd));
    bool anyFigure = false;
    for (const AxisValue& v : reported)
        anyFigure = anyFigure || v.observations > 0;
    if (!anyFigure)
        return empty(
            chart,
            tr("No figure of %1 has been reported or verified by %2.").arg(x->code, isoDate(asOf)));

    ChartSeries verifiedLine{tr("Verified"), u"verified"_s, u"line"_s, {}};
    ChartSeries reportedLine{tr("Including pending figures"), u"reported"_s, u"dashed"_s, {}};
    ChartSeries targets{tr("DLR targets"), u"target"_s, u"step"_s, {}};
    ChartSeries baseline{tr("Baseline"), u"baseline"_s, u"dashed"_s, {}};
    for (qsizetype i = 0; i < axis.size(); ++i) {
        const QString code = axis[i].code();
        verifiedLine.points << (verified[i].value ? valuePoint(code, *verified[i].value)
                                                  : nothing(code));
        reportedLine.points << (reported[i].value ? valuePoint(code, *reported[i].value)
                                                  : nothing(code));
        baseline.points << valuePoint(
            code, x->baseline.value,
            tr("baseline %1 (%2)").arg(x->baseline.value.toString(), isoDate(x->baseline.date)));
    }

    // DLRs in deadline order, each at the period holding its deadline.
    const Period::Kind axisKind =
        x->frequency == Frequency::Yearly ? Period::Kind::Year : Period::Kind::Quarter;
    struct Due {
        const Dlr* dlr;
        QDate deadline;
        Period period;
    };
    QList<Due> dues;
    for (int index : program.dlrOrder(*dli)) {
        const Dlr& r = dli->dlrs[index];
        const QDate d = r.effectiveDeadline(sm);
        dues << Due{&r, d, Period::containing(d, axisKind, sm)};
    }
    for (const Period& p : axis) {
        const auto next =
            std::find_if(dues.cbegin(), dues.cend(), [&p](const Due& d) { return d.period >= p; });
        if (next == dues.cend())
            targets.points << nothing(p.code());
        else
            targets.points << valuePoint(
                p.code(), next->dlr->target,
                tr("DLR %1: target %2 due %3")
                    .arg(next->dlr->code, next->dlr->target.toString(), isoDate(next->deadline)));
    }

    ChartSeries met{tr("Deadline met"), u"met"_s, u"marker"_s, {}};
    ChartSeries missed{tr("Deadline missed"), u"missed"_s, u"marker"_s, {}};
    ChartSeries pending{
        tr("Deadline passed, verification window open"), u"pending"_s, u"marker"_s, {}};
    ChartSeries due{tr("Deadline ahead"), u"due"_s, u"marker"_s, {}};
    for (const Due& d : dues) {
        const qsizetype i = axis.indexOf(d.period);
        std::optional<Decimal> atDeadline;
        if (i >= 0)
            atDeadline = verified[i].value;
        const QString reached =
            atDeadline ? tr("verified %1 against target %2")
                             .arg(atDeadline->toString(), d.dlr->target.toString())
                       : tr("nothing verified against target %1").arg(d.dlr->target.toString());
        ChartSeries* into = &due;
        QString what;
        if (atDeadline && meets(*x, *atDeadline, d.dlr->target)) {
            into = &met;
            what = tr("met");
        } else if (asOf > d.deadline.addDays(program.verificationWindowDays)) {
            into = &missed;
            what = tr("missed");
        } else if (asOf > d.deadline) {
            into = &pending;
            what = tr("passed, verification window open until %1")
                       .arg(isoDate(d.deadline.addDays(program.verificationWindowDays)));
        } else {
            what = tr("ahead");
        }
        const QString text =
            tr("DLR %1, due %2: %3 (%4)").arg(d.dlr->code, isoDate(d.deadline), what, reached);
        into->points << valuePoint(d.period.code(), d.dlr->target, text);
        chart.notes << text;
    }
    chart.series = {verifiedLine, reportedLine, targets, baseline, met, missed, pending, due};
    return chart;
}

// Disbursement by DLI, from Disbursements::compute(asOf) (everything recorded counts), one bar
// per DLI in program order, stacked segments adding up to the DLI's allocation adjusted by
// reallocations (allocation + reallocated in - reallocated out):
//  - "disbursed": cash disbursed against its DLRs (events dated on or before the as-of date);
//  - "payable": earned, not disbursed, not covered by an advance: claimable now;
//  - "recovered": earned, not disbursed, recovered against an outstanding advance;
//  - "pending_reallocation": left unearned by final DLRs, awaiting a decision;
//  - "cancelled": cancelled (by rollover or decision);
//  - "available": the rest, still to be earned (its DLRs are not final, or carried forward);
//    never below zero (an overpayment is said in the notes).
// "allocation" (marker) is the adjusted allocation, the bar's full length. Empty when the
// program has no DLI or the DLIs allocate nothing.
Result<ChartData> ChartData::disbursementByDli(ChartSource& source)
{
    const Program& program = source.program();
    const QDate& asOf = source.asOf();
    ChartData chart;
    chart.kind = u"disbursement"_s;
    chart.title = tr("Disbursement by DLI as of %1").arg(isoDate(asOf));
    chart.xTitle = tr("DLI");
    chart.yTitle = tr("Amount (%1)").arg(program.currency.code);
    chart.money = true;
    chart.currency = program.currency.code;
    if (program.dlis.isEmpty() || program.allocatedToDlis().isZero())
        return empty(chart, tr("The program has no DLI with money allocated."));
    Disbursement d;
    DLI_ASSIGN(d, source.disbursement());
    const Currency& c = program.currency;
    ChartSeries disbursed{tr("Disbursed"), u"disbursed"_s, u"stacked"_s, {}};
    ChartSeries payable{tr("Payable now"), u"payable"_s, u"stacked"_s, {}};
    ChartSeries recovered{
        tr("Earned, recovered against advances"), u"recovered"_s, u"stacked"_s, {}};
    ChartSeries available{tr("Still available"), u"available"_s, u"stacked"_s, {}};
    ChartSeries pending{tr("Pending reallocation"), u"pending_reallocation"_s, u"stacked"_s, {}};
    ChartSeries cancelled{tr("Cancelled"), u"cancelled"_s, u"stacked"_s, {}};
    ChartSeries allocation{tr("Allocation"), u"allocation"_s, u"marker"_s, {}};
    for (const DliResult& r : d.dlis) {
        const MoneySums& m = r.money;
        const Money adjusted = r.allocation + m.reallocatedIn - m.reallocatedOut;
        Money rest =
            adjusted - m.disbursed - m.recovered - m.payable - m.cancelled - m.pendingReallocation;
        if (rest.isNegative()) {
            chart.notes << tr("%1: disbursed beyond what it earned by %2 (an overpayment to "
                              "refund)")
                               .arg(r.code, (-rest).format(c));
            rest = Money();
        }
        disbursed.points << moneyPoint(r.code, m.disbursed, c);
        payable.points << moneyPoint(r.code, m.payable, c);
        recovered.points << moneyPoint(r.code, m.recovered, c);
        available.points << moneyPoint(r.code, rest, c);
        pending.points << moneyPoint(r.code, m.pendingReallocation, c);
        cancelled.points << moneyPoint(r.code, m.cancelled, c);
        ChartPoint full = moneyPoint(r.code, adjusted, c);
        if (adjusted != r.allocation)
            full.label = tr("%1 (allocated %2, adjusted by reallocations)")
                             .arg(adjusted.format(c), r.allocation.format(c));
        allocation.points << full;
    }
    chart.series = {disbursed, payable, recovered, available, pending, cancelled, allocation};
    return chart;
}

// Disbursement over time, per fiscal quarter from the one holding the signing date to the one
// holding the closing date (extended to the last DLR deadline):
//  - "disbursed" (line): totals.disbursed of the engine as of the quarter's end, or the as-of
//    date for the quarter holding it: cash disbursed to date;
//  - "earned" (line): totals.earned of the engine as of the same date (the store as it stands
//    now, verifications dated by then);
//  - "allocation" (step): the allocations of the DLRs whose deadline falls on or before the
//    quarter's end, for every quarter (the future too).
// The two lines have no value for quarters that begin after the as-of date. Empty when the
// program has no DLI, or nothing was earned or disbursed by the as-of date.
Result<ChartData> ChartData::disbursementTimeline(ChartSource& source)
{
    const Program& program = source.program();
    const QDate& asOf = source.asOf();
    const int sm = program.fiscalYearStartMonth;
    const Currency& c = program.currency;
    ChartData chart;
    chart.kind = u"timeline"_s;
    chart.title = tr("Disbursement over time as of %1").arg(isoDate(asOf));
    chart.xTitle = tr("Fiscal quarter");
    chart.yTitle = tr("Cumulative amount (%1)").arg(c.code);
    chart.money = true;
    chart.currency = c.code;
    if (program.dlis.isEmpty())
        return empty(chart, tr("The program has no DLI."));
    QDate last = program.closingDate;
    for (const Dli& dli : program.dlis) {
        for (const Dlr& r : dli.dlrs)
            last = std::max(last, r.effectiveDeadline(sm));
    }
    const QList<Period> axis = quarterRange(program.signingDate, last, sm);
    DisbursementEngine::Input in;
    DLI_ASSIGN(in, source.input());
    ChartSeries disbursed{tr("Disbursed (cumulative)"), u"disbursed"_s, u"line"_s, {}};
    ChartSeries earned{tr("Earned (cumulative)"), u"earned"_s, u"line"_s, {}};
    ChartSeries allocation{
        tr("Allocation by due date (cumulative)"), u"allocation"_s, u"step"_s, {}};
    bool anything = false;
    for (const Period& q : axis) {
        const QString code = q.code();
        Money due;
        for (const Dli& dli : program.dlis) {
            for (const Dlr& r : dli.dlrs) {
                if (r.effectiveDeadline(sm) <= q.end(sm))
                    due += r.allocation;
            }
        }
        allocation.points << moneyPoint(code, due, c);
        if (q.start(sm) > asOf) {
            disbursed.points << nothing(code);
            earned.points << nothing(code);
            continue;
        }
        in.asOf = std::min(q.end(sm), asOf);
        const Disbursement d = DisbursementEngine::compute(program, in);
        disbursed.points << moneyPoint(code, d.totals.disbursed, c);
        earned.points << moneyPoint(code, d.totals.earned, c);
        anything = anything || !d.totals.disbursed.isZero() || !d.totals.earned.isZero();
    }
    if (!anything)
        return empty(chart, tr("Nothing has been earned or disbursed by %1.").arg(isoDate(asOf)));
    chart.series = {disbursed, earned, allocation};
    return chart;
}

// Clusters compared: for each org unit of kind cluster (program order), the indicator's value
// for the period over the cluster and the units below it, as the values page computes it
// (registers for register-defined indicators, with rows dated up to the as-of date; reported
// figures verified or pending on the as-of date, see figuresAsOf) as "value" bars; no value
// where nothing counts. "target" (dashed) repeats the indicator's target for the period at
// every cluster, where the framework sets one: it is the whole program's target, as a note
// says. Empty when no cluster has a value (an indicator reported for the whole program only, a
// quarter of a yearly indicator, nothing reported).
Result<ChartData> ChartData::clusters(ChartSource& source, const QString& indicator,
                                      const Period& period)
{
    Session& session = source.session();
    const Program& program = source.program();
    const QDate& asOf = source.asOf();
    const Indicator* x = program.indicator(indicator);
    if (!x)
        return Error(ErrorCode::NotFound, tr("unknown indicator \"%1\"").arg(indicator));
    if (!period.isValid() || !program.periodInRange(period))
        return Error(ErrorCode::NotFound, program.outsideMessage(period.code()));
    ChartData chart;
    chart.kind = u"clusters"_s;
    chart.title = tr("%1 by cluster, %2").arg(x->code, period.code());
    chart.xTitle = tr("Cluster");
    chart.yTitle = x->title.isEmpty() ? x->code : x->title;

    QList<Observation> all;
    DLI_ASSIGN(all, source.observations());
    RegisterRepository& registers = session.registers();
    ValueCalculator calc(program, figuresAsOf(all, program, asOf, false),
                         [&registers, asOf](const IndicatorSource& s, const QDate& from,
                                            const QDate& to, const QStringList& units) {
                             return registers.aggregate(s, from, std::min(to, asOf), units);
                         });
    ChartSeries values{x->code, u"value"_s, u"bar"_s, {}};
    ChartSeries target{tr("Program target"), u"target"_s, u"dashed"_s, {}};
    const std::optional<Decimal> t = x->targetFor(period);
    for (const OrgUnit& u : program.orgUnits) {
        if (u.kind != OrgUnitKind::Cluster)
            continue;
        Result<IndicatorValue> v = IndicatorValue::none();
        if (period.start(program.fiscalYearStartMonth) <= asOf)
            v = calc.value(x->code, period, u.code);
        if (!v)
            return v.error();
        if (v->hasValue)
            values.points << valuePoint(
                u.code, v->value,
                v->observations > 0 && !v->verifiedOnly
                    ? tr("%1 (includes unverified)").arg(v->value.toString())
                    : QString());
        else
            values.points << nothing(u.code, tr("no data"));
        if (t)
            target.points << valuePoint(u.code, *t);
    }
    if (!anyPoint({values}))
        return empty(chart, tr("No cluster has a value of %1 for %2 by %3.")
                                .arg(x->code, period.code(), isoDate(asOf)));
    chart.series = {values};
    if (t) {
        chart.series << target;
        chart.notes << tr("The target %1 is for the whole program, all clusters together.")
                           .arg(t->toString());
    }
    return chart;
}

// Verification flow, per fiscal quarter from the one holding the earlier of the signing date
// and the first transition, to the one holding the as-of date, from the workflow's transitions
// (ObservationRepository::allTransitions) dated (UTC) on or before the as-of date:
//  - "submitted", "verified", "rejected", "queried" (bars): transitions into that state dated in
//    the quarter (a resubmission after a query counts again);
//  - "within30" (line, a percentage, 0 to 100): of the quarter's verifications, the share whose
//    observation's latest submission before it was at most 30 days earlier (by date); none in a
//    quarter without verifications. Its label reads "7 of 9 (77.8%)".
// Empty when no transition is dated on or before the as-of date.
Result<ChartData> ChartData::verificationFlow(ChartSource& source)
{
    Session& session = source.session();
    const Program& program = source.program();
    const QDate& asOf = source.asOf();
    const QDateTime& knownAt = source.knownAt();
    const int sm = program.fiscalYearStartMonth;
    ChartData chart;
    chart.kind = u"verification"_s;
    chart.title = tr("Verification flow as of %1").arg(isoDate(asOf));
    chart.xTitle = tr("Fiscal quarter");
    chart.yTitle = tr("Observations");
    QList<Transition> transitions;
    DLI_ASSIGN(transitions, session.observations().allTransitions());
    transitions.removeIf([&asOf, &knownAt](const Transition& t) {
        return t.at.toUTC().date() > asOf || (knownAt.isValid() && t.at > knownAt);
    });
    if (transitions.isEmpty())
        return empty(chart, tr("No observation has been submitted by %1.").arg(isoDate(asOf)));
    std::stable_sort(transitions.begin(), transitions.end(),
                     [](const Transition& a, const Transition& b) { return a.at < b.at; });
    QDate first = transitions.first().at.toUTC().date();
    if (program.signingDate.isValid())
        first = std::min(first, program.signingDate);
    const QList<Period> axis = quarterRange(first, asOf, sm);

    QHash<Period, QHash<QString, int>> counts;
    QHash<Period, int> quick;
    QHash<QString, QDate> lastSubmitted;
    for (const Transition& t : transitions) {
        const QDate day = t.at.toUTC().date();
        const Period q = Period::containing(day, Period::Kind::Quarter, sm);
        counts[q][t.toState] += 1;
        if (t.toState == State::Submitted)
            lastSubmitted.insert(t.observationId, day);
        if (t.toState == State::Verified) {
            const QDate submitted = lastSubmitted.value(t.observationId);
            if (submitted.isValid() && submitted.daysTo(day) <= 30)
                quick[q] += 1;
        }
    }
    const QStringList states{State::Submitted, State::Verified, State::Rejected, State::Queried};
    const QStringList names{tr("Submitted"), tr("Verified"), tr("Rejected"), tr("Queried")};
    for (qsizetype i = 0; i < states.size(); ++i) {
        ChartSeries s{names[i], states[i], u"bar"_s, {}};
        for (const Period& q : axis) {
            const int n = counts.value(q).value(states[i]);
            s.points << ChartPoint{q.code(), static_cast<double>(n), QString::number(n)};
        }
        chart.series << s;
    }
    ChartSeries share{
        tr("Verified within 30 days of submission (%)"), u"within30"_s, u"line"_s, {}};
    for (const Period& q : axis) {
        const int verified = counts.value(q).value(State::Verified);
        if (verified == 0) {
            share.points << nothing(q.code());
            continue;
        }
        const int n = quick.value(q);
        const double pct = std::round(100.0 * n / verified * 1e6) / 1e6;
        share.points << ChartPoint{q.code(), pct,
                                   tr("%1 of %2 (%3%)")
                                       .arg(QString::number(n), QString::number(verified),
                                            QString::number(100.0 * n / verified, 'f', 1))};
    }
    chart.series << share;
    chart.notes << tr("The share verified within 30 days is a percentage (right axis).");
    return chart;
}

// Indicator trend, along the indicator's quarters (fiscal years for a yearly indicator; see
// indicatorAxis), for the whole program, computed as in clusters():
//  - "value": the value for the period (line; bars for a non-cumulative `sum` indicator,
//    whose quarters are increments); none for periods that begin after the as-of date;
//  - "year_to_date" (dashed), for a non-cumulative `sum` indicator reported quarterly only:
//    the fiscal year to date, the figure the yearly target compares with;
//  - "target" (step): the target the framework sets for the period's fiscal year, at each of
//    its quarters; none for a year without target.
// Empty when no point rests on a figure: no observation counts, and a register or formula
// gives nothing but zero (or the baseline) everywhere.
Result<ChartData> ChartData::indicatorTrend(ChartSource& source, const QString& indicator)
{
    Session& session = source.session();
    const Program& program = source.program();
    const QDate& asOf = source.asOf();
    const Indicator* x = program.indicator(indicator);
    if (!x)
        return Error(ErrorCode::NotFound, tr("unknown indicator \"%1\"").arg(indicator));
    ChartData chart;
    chart.kind = u"trend"_s;
    chart.title = tr("%1 over time").arg(x->code);
    chart.xTitle = x->frequency == Frequency::Yearly ? tr("Fiscal year") : tr("Fiscal quarter");
    chart.yTitle = x->title.isEmpty() ? x->code : x->title;
    QList<Observation> all;
    DLI_ASSIGN(all, source.observations());
    RegisterRepository& registers = session.registers();
    ValueCalculator calc(program, figuresAsOf(all, program, asOf, false),
                         [&registers, asOf](const IndicatorSource& s, const QDate& from,
                                            const QDate& to, const QStringList& units) {
                             return registers.aggregate(s, from, std::min(to, asOf), units);
                         });
    const QList<Period> axis = indicatorAxis(program, *x);
    const bool ytd = isYearToDate(*x);
    QList<AxisValue> values;
    DLI_ASSIGN(values, valuesAlong(calc, program, *x, axis, asOf, false));
    QList<AxisValue> toDate;
    if (ytd) {
        DLI_ASSIGN(toDate, valuesAlong(calc, program, *x, axis, asOf, true));
    }
    bool rests = false;
    for (const AxisValue& v : values) {
        rests = rests || v.observations > 0 ||
                (x->source.kind != SourceKind::Reported && v.value && !v.value->isZero() &&
                 *v.value != x->baseline.value);
    }
    if (!rests)
        return empty(chart, tr("No figure of %1 counts by %2.").arg(x->code, isoDate(asOf)));
    ChartSeries line{x->code, u"value"_s, ytd ? u"bar"_s : u"line"_s, {}};
    ChartSeries running{tr("Year to date"), u"year_to_date"_s, u"dashed"_s, {}};
    ChartSeries targets{tr("Yearly target"), u"target"_s, u"step"_s, {}};
    for (qsizetype i = 0; i < axis.size(); ++i) {
        const QString code = axis[i].code();
        const AxisValue& v = values[i];
        line.points << (v.value ? valuePoint(
                                      code, *v.value,
                                      v.observations > 0 && !v.verifiedOnly
                                          ? tr("%1 (includes unverified)").arg(v.value->toString())
                                          : QString())
                                : nothing(code));
        if (ytd)
            running.points << (toDate[i].value ? valuePoint(code, *toDate[i].value)
                                               : nothing(code));
        const std::optional<Decimal> t = x->targetFor(axis[i].fiscalYearPeriod());
        targets.points << (t ? valuePoint(
                                   code, *t,
                                   tr("target %1 for %2")
                                       .arg(t->toString(), axis[i].fiscalYearPeriod().code()))
                             : nothing(code));
    }
    chart.series << line;
    if (ytd)
        chart.series << running;
    chart.series << targets;
    return chart;
}

QString ChartData::csv(const ChartData& chart)
{
    QString out = u"series,x,y\n"_s;
    for (const ChartSeries& s : chart.series) {
        for (const ChartPoint& p : s.points) {
            out += csvField(s.name) + u',' + csvField(p.x) + u',' +
                   (p.y ? csvNumber(*p.y) : QString()) + u'\n';
        }
    }
    return out;
}

Result<ChartData> ChartData::dliProgress(Session& session, const Program& program,
                                         const QString& dliCode, const QDate& asOf,
                                         const QDateTime& knownAt)
{
    ChartSource source(session, program, asOf, knownAt);
    return dliProgress(source, dliCode);
}

Result<ChartData> ChartData::disbursementByDli(Session& session, const Program& program,
                                               const QDate& asOf, const QDateTime& knownAt)
{
    ChartSource source(session, program, asOf, knownAt);
    return disbursementByDli(source);
}

Result<ChartData> ChartData::disbursementTimeline(Session& session, const Program& program,
                                                  const QDate& asOf, const QDateTime& knownAt)
{
    ChartSource source(session, program, asOf, knownAt);
    return disbursementTimeline(source);
}

Result<ChartData> ChartData::clusters(Session& session, const Program& program,
                                      const QString& indicator, const Period& period,
                                      const QDate& asOf, const QDateTime& knownAt)
{
    ChartSource source(session, program, asOf, knownAt);
    return clusters(source, indicator, period);
}

Result<ChartData> ChartData::verificationFlow(Session& session, const Program& program,
                                              const QDate& asOf, const QDateTime& knownAt)
{
    ChartSource source(session, program, asOf, knownAt);
    return verificationFlow(source);
}

Result<ChartData> ChartData::indicatorTrend(Session& session, const Program& program,
                                            const QString& indicator, const QDate& asOf,
                                            const QDateTime& knownAt)
{
    ChartSource source(session, program, asOf, knownAt);
    return indicatorTrend(source, indicator);
}

} // namespace dli
