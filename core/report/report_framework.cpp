// Sections 4 and 5 of the quarterly report: the results framework and the charts.
#include "core/charts/chart_data.h"
#include "core/charts/chart_source.h"
#include "core/engine/value_calculator.h"
#include "core/report/report_builder.h"
#include "core/report/report_context.h"
#include "core/storage/session.h"

using namespace Qt::StringLiterals;

namespace dli::report {

namespace {

using K = ReportColumnKind;

// Figures reported by the as-of date as they stood then: a verification dated later had not
// happened yet; drafts were not reported.
QList<Observation> asTheyStood(const ReportContext& ctx)
{
    QList<Observation> out;
    for (Observation o : ctx.observationsByAsOf()) {
        if (o.state == ObservationState::Draft)
            continue;
        if (o.verifiedValue && o.verifiedOn.isValid() && o.verifiedOn > ctx.asOf &&
            o.state == ObservationState::Verified) {
            o.state = ObservationState::Submitted;
            o.verifiedValue.reset();
            o.verifiedOn = QDate();
        }
        out << o;
    }
    return out;
}

// A flow (a non-cumulative sum, counted per period) adds up over periods; any other indicator
// is a stock whose latest value is its progress.
bool isFlow(const Indicator& x)
{
    return x.aggregation == Aggregation::Sum && !x.cumulative;
}

// The periods of an indicator's frequency from the program's first fiscal year to the quarter
// (quarters), or the fiscal years ended by the as-of date (a year still running has not been
// reported yet).
QList<Period> periodsTo(const ReportContext& ctx, const Indicator& x)
{
    QList<Period> out;
    const Period first = ctx.program.firstYear();
    for (int fy = first.fiscalYear(); fy <= ctx.quarter.fiscalYear(); ++fy) {
        if (x.frequency == Frequency::Yearly) {
            if (Period::year(fy).end(ctx.sm()) <= ctx.asOf)
                out << Period::year(fy);
            continue;
        }
        for (const Period& q : Period::year(fy).quarters()) {
            if (q <= ctx.quarter)
                out << q;
        }
    }
    return out;
}

std::optional<Decimal> endTarget(const Indicator& x)
{
    if (x.targets.isEmpty())
        return std::nullopt;
    if (isFlow(x)) {
        Decimal total;
        for (const Target& t : x.targets)
            total += t.value;
        return total;
    }
    const Target* last = &x.targets.first();
    for (const Target& t : x.targets) {
        if (last->period < t.period)
            last = &t;
    }
    return last->value;
}

} // namespace

Result<ReportSection> frameworkSection(ReportContext& ctx)
{
    const Program& program = ctx.program;
    const QString root = program.rootOrgUnit() ? program.rootOrgUnit()->code : QString();
    RegisterRepository& registers = ctx.session.registers();
    const QDate asOf = ctx.asOf;
    ValueCalculator calc(program, asTheyStood(ctx),
                         [&registers, asOf](const IndicatorSource& s, const QDate& from,
                                            const QDate& to, const QStringList& units) {
                             return registers.aggregate(s, from, std::min(to, asOf), units);
                         });
    const int fy = ctx.quarter.fiscalYear();
    ReportSection s;
    s.key = u"results-framework"_s;
    s.title = ReportBuilder::tr("Results framework");
    s.paragraphs
        << ReportBuilder::tr(
               "Every PDO and intermediate indicator for the whole program, from the figures "
               "reported "
               "by %1 (verified or awaiting verification; rejected and superseded figures left "
               "out) "
               "and the registers. A yearly indicator shows its latest fiscal year. The cumulative "
               "value adds up the periods of an indicator counted per period; progress is "
               "(cumulative - baseline) / (end target - baseline).")
               .arg(longDate(asOf));
    ReportTable t;
    t.key = u"results-framework"_s;
    t.title = ReportBuilder::tr("Indicators in %1").arg(ctx.quarter.code());
    t.columns = {column(u"indicator"_s, ReportBuilder::tr("Indicator"), K::Text, 2),
                 column(u"title"_s, ReportBuilder::tr("Title"), K::Text, 5),
                 column(u"baseline"_s, ReportBuilder::tr("Baseline"), K::Number, 1),
                 column(u"target_fy"_s, ReportBuilder::tr("Target FY%1").arg(fy), K::Number, 1),
                 column(u"value"_s, ReportBuilder::tr("This quarter"), K::Number, 2),
                 column(u"cumulative"_s, ReportBuilder::tr("Cumulative"), K::Number, 2),
                 column(u"end_target"_s, ReportBuilder::tr("End target"), K::Number, 1),
                 column(u"progress"_s, ReportBuilder::tr("Progress"), K::Percent, 1)};
    for (const IndicatorLevel level : {IndicatorLevel::Pdo, IndicatorLevel::Intermediate}) {
        t.groupRows << static_cast<int>(t.rows.size());
        t.rows << QList<ReportCell>{textCell(level == IndicatorLevel::Pdo
                                                 ? ReportBuilder::tr("PDO indicators")
                                                 : ReportBuilder::tr("Intermediate indicators")),
                                    textCell({}),
                                    textCell({}),
                                    textCell({}),
                                    textCell({}),
                                    textCell({}),
                                    textCell({}),
                                    textCell({})};
        for (const Indicator& x : program.indicators) {
            if (x.level != level)
                continue;
            // This quarter's value; a yearly indicator's latest fiscal year begun by the as-of
            // date that has one.
            ReportCell now = textCell({});
            std::optional<Decimal> latest;
            if (x.frequency == Frequency::Yearly) {
                const QList<Period> years = periodsTo(ctx, x);
                for (qsizetype i = years.size() - 1; i >= 0 && !latest; --i) {
                    const int y = years[i].fiscalYear();
                    IndicatorValue v;
                    DLI_ASSIGN(v, calc.value(x.code, Period::year(y), root));
                    if (v.hasValue &&
                        (v.observations > 0 || x.source.kind != SourceKind::Reported)) {
                        latest = v.value;
                        now = decimalCell(v.value);
                        now.text += u" (FY"_s + QString::number(y) + u')';
                    }
                }
            } else {
                IndicatorValue v;
                DLI_ASSIGN(v, calc.value(x.code, ctx.quarter, root));
                if (v.hasValue) {
                    latest = v.value;
                    now = decimalCell(v.value);
                }
            }
            std::optional<Decimal> cumulative = latest;
            if (isFlow(x)) {
                std::optional<Decimal> total;
                for (const Period& p : periodsTo(ctx, x)) {
                    IndicatorValue v;
                    DLI_ASSIGN(v, calc.value(x.code, p, root));
                    if (v.hasValue)
                        total = total.value_or(Decimal()) + v.value;
                }
                cumulative = total;
            }
            const std::optional<Decimal> end = endTarget(x);
            // A flow against the program's total target; a stock from its baseline to the end
            // target.
            std::optional<Decimal> progress;
            if (cumulative && end && isFlow(x) && !end->isZero())
                progress = *cumulative * Decimal::fromInt(100) / *end;
            else if (cumulative && end && !isFlow(x) && *end != x.baseline.value)
                progress = (*cumulative - x.baseline.value) * Decimal::fromInt(100) /
                           (*end - x.baseline.value);
            t.rows << QList<ReportCell>{textCell(x.code),
                                        textCell(x.title),
                                        decimalCell(x.baseline.value),
                                        decimalCell(x.targetFor(Period::year(fy))),
                                        now,
                                        decimalCell(cumulative),
                                        decimalCell(end),
                                        progress ? percentCell(progress) : textCell({})};
        }
    }
    s.tables << t;
    return s;
}

Result<ReportSection> chartsSection(ReportContext& ctx)
{
    Session& session = ctx.session;
    const Program& program = ctx.program;
    ReportSection s;
    s.key = u"charts"_s;
    s.title = ReportBuilder::tr("Charts");
    s.paragraphs << ReportBuilder::tr("The charts as of %1, drawn from the same data as the "
                                      "tables: each DLI's progress, disbursement by DLI and "
                                      "over time, and the clusters compared.")
                        .arg(longDate(ctx.asOf));
    // One replay of the store for every chart: the one the report's tables rest on.
    ChartSource source(
        session, program,
        DisbursementEngine::Input{ctx.observations, ctx.events, ctx.asOf, ctx.knownAt, false},
        ctx.status);
    for (const Dli& d : program.dlis) {
        ChartData c;
        DLI_ASSIGN(c, ChartData::dliProgress(source, d.code));
        s.charts << c;
    }
    ChartData by;
    DLI_ASSIGN(by, ChartData::disbursementByDli(source));
    s.charts << by;
    ChartData over;
    DLI_ASSIGN(over, ChartData::disbursementTimeline(source));
    s.charts << over;
    // The main cluster indicators: reported per cluster and measured by a DLI or a PDO.
    for (const Indicator& x : program.indicators) {
        if (x.reportedAt != OrgUnitKind::Cluster ||
            (!program.dliForIndicator(x.code) && x.level != IndicatorLevel::Pdo))
            continue;
        ChartData c;
        if (x.frequency != Frequency::Yearly) {
            DLI_ASSIGN(c, ChartData::clusters(source, x.code, ctx.quarter));
        } else {
            // The latest fiscal year ended by the as-of date that has figures: a year's survey
            // comes in some weeks after it ends.
            for (int fy = ctx.quarter.fiscalYear(); fy >= ctx.quarter.fiscalYear() - 2; --fy) {
                const Period year = Period::year(fy);
                if (year.end(ctx.sm()) > ctx.asOf || !program.periodInRange(year))
                    continue;
                DLI_ASSIGN(c, ChartData::clusters(source, x.code, year));
                if (c.emptyText.isEmpty())
                    break;
            }
            if (c.kind.isEmpty())
                continue;
        }
        s.charts << c;
    }
    return s;
}

} // namespace dli::report
