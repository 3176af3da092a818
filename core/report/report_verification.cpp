// Sections 6 to 8 of the quarterly report: the verification work of the quarter, the validation
// findings open on the as-of date, and the evidence behind the DLRs claimed.
#include "core/engine/reconciliation.h"
#include "core/engine/rule_engine.h"
#include "core/engine/value_calculator.h"
#include "core/report/report_builder.h"
#include "core/report/report_context.h"
#include "core/storage/session.h"
#include "core/workflow/samples.h"

#include <QMap>

using namespace Qt::StringLiterals;
namespace State = dli::ObservationState;

namespace dli::report {

namespace {

using K = ReportColumnKind;

QString figureName(const Observation& o)
{
    QString s = o.indicator + u' ' + o.period.code() + u' ' + o.orgUnit;
    if (!o.category.isEmpty())
        s += u" ("_s + o.category + u')';
    return s;
}

// The state of a figure on the as-of date: verified only if its verification is dated by then.
QString stateOnAsOf(const ReportContext& ctx, const Observation& o)
{
    if (o.state == State::Verified && o.verifiedOn.isValid() && o.verifiedOn > ctx.asOf)
        return State::Submitted;
    return o.state;
}

ValueCalculator::RegisterAggregate registersTo(Session& session, const QDate& asOf)
{
    RegisterRepository& registers = session.registers();
    return [&registers, asOf](const IndicatorSource& s, const QDate& from, const QDate& to,
                              const QStringList& units) {
        return registers.aggregate(s, from, std::min(to, asOf), units);
    };
}

QString resolution(const ReportContext& ctx, const ReconciliationRow& row)
{
    QStringList parts;
    for (const Observation& o : ctx.observations) {
        if (o.indicator != row.indicator || o.period != row.period || o.orgUnit != row.orgUnit)
            continue;
        const QString state = stateOnAsOf(ctx, o);
        if (state == State::Verified)
            parts << (o.verifiedValue && *o.verifiedValue != o.value
                          ? ReportBuilder::tr("verified at %1 (reported %2) on %3")
                                .arg(o.verifiedValue->toString(), o.value.toString(),
                                     isoDate(o.verifiedOn))
                          : ReportBuilder::tr("verified as reported on %1")
                                .arg(isoDate(o.verifiedOn)));
        else if (state == State::Rejected)
            parts << ReportBuilder::tr("rejected");
        else if (state == State::Queried)
            parts << ReportBuilder::tr("queried: awaiting the officer's correction");
        else if (state == State::Submitted)
            parts << ReportBuilder::tr("awaiting verification");
        else if (state == State::Draft)
            parts << ReportBuilder::tr("not submitted yet");
    }
    parts.removeDuplicates();
    return parts.isEmpty() ? ReportBuilder::tr("open") : parts.join(u"; "_s);
}

} // namespace

Result<ReportSection> verificationSection(ReportContext& ctx)
{
    ReportSection s;
    s.key = u"verification"_s;
    s.title = ReportBuilder::tr("Verification");

    // The quarter's workflow, per indicator.
    QHash<QString, const Observation*> byId;
    for (const Observation& o : ctx.observations)
        byId.insert(o.id, &o);
    const QStringList states{State::Submitted, State::Verified, State::Rejected, State::Queried};
    QMap<QString, QList<int>> counts; // indicator -> submitted, verified, rejected, queried, open
    for (const Transition& t : ctx.transitions) {
        const QDate day = t.at.toUTC().date();
        const Observation* o = byId.value(t.observationId);
        const qsizetype i = states.indexOf(t.toState);
        if (!o || i < 0 || !ctx.inQuarter(day))
            continue;
        QList<int>& c = counts[o->indicator];
        c.resize(5);
        c[i] += 1;
    }
    for (const Observation& o : ctx.observationsByAsOf()) {
        if (stateOnAsOf(ctx, o) != State::Submitted)
            continue;
        QList<int>& c = counts[o.indicator];
        c.resize(5);
        c[4] += 1;
    }
    ReportTable flow;
    flow.key = u"verification-flow"_s;
    flow.title = ReportBuilder::tr("Observations in %1, by indicator").arg(ctx.quarter.code());
    flow.columns = {column(u"indicator"_s, ReportBuilder::tr("Indicator"), K::Text, 3),
                    column(u"submitted"_s, ReportBuilder::tr("Submitted"), K::Integer, 1),
                    column(u"verified"_s, ReportBuilder::tr("Verified"), K::Integer, 1),
                    column(u"rejected"_s, ReportBuilder::tr("Rejected"), K::Integer, 1),
                    column(u"queried"_s, ReportBuilder::tr("Queried"), K::Integer, 1),
                    column(u"awaiting"_s,
                           ReportBuilder::tr("Awaiting on %1").arg(isoDate(ctx.asOf)), K::Integer,
                           2)};
    flow.emptyText = ReportBuilder::tr("Nothing was submitted or decided this quarter, and "
                                       "nothing awaits verification.");
    QList<int> total(5);
    for (const Indicator& x : ctx.program.indicators) {
        if (!counts.contains(x.code))
            continue;
        const QList<int>& c = counts.value(x.code);
        QList<ReportCell> row{textCell(x.code)};
        for (int i = 0; i < 5; ++i) {
            row << intCell(c[i]);
            total[i] += c[i];
        }
        flow.rows << row;
    }
    if (!flow.rows.isEmpty()) {
        flow.groupRows << static_cast<int>(flow.rows.size());
        QList<ReportCell> row{textCell(ReportBuilder::tr("Total"))};
        for (int i = 0; i < 5; ++i)
            row << intCell(total[i]);
        flow.rows << row;
    }
    s.paragraphs << ReportBuilder::tr("In %1, %2 figures were submitted, %3 verified, %4 "
                                      "rejected and %5 queried; %6 awaited verification on %7.")
                        .arg(ctx.quarter.code())
                        .arg(total[0])
                        .arg(total[1])
                        .arg(total[2])
                        .arg(total[3])
                        .arg(total[4])
                        .arg(longDate(ctx.asOf));
    s.tables << flow;

    // Samples closed this quarter.
    QList<Sample> all;
    DLI_ASSIGN(all, Samples(ctx.session, ctx.program).all());
    ReportTable samples;
    samples.key = u"samples"_s;
    samples.title = ReportBuilder::tr("Samples closed in %1").arg(ctx.quarter.code());
    samples.columns = {column(u"figure"_s, ReportBuilder::tr("Figure"), K::Text, 4),
                       column(u"seed"_s, ReportBuilder::tr("Seed"), K::Text, 3),
                       column(u"size"_s, ReportBuilder::tr("Size"), K::Integer, 1),
                       column(u"population"_s, ReportBuilder::tr("Population"), K::Integer, 1),
                       column(u"failed"_s, ReportBuilder::tr("Failed"), K::Integer, 1),
                       column(u"error_rate"_s, ReportBuilder::tr("Error rate"), K::Percent, 1),
                       column(u"outcome"_s, ReportBuilder::tr("Outcome"), K::Text, 1),
                       column(u"closed_on"_s, ReportBuilder::tr("Closed on"), K::Date, 2)};
    samples.emptyText = ReportBuilder::tr("No sample was closed this quarter.");
    int closed = 0;
    for (const Sample& x : all) {
        if (!x.closedAt.isValid() || x.closedAt > ctx.knownAt ||
            !ctx.inQuarter(x.closedAt.toUTC().date()))
            continue;
        ++closed;
        const Observation* o = byId.value(x.observationId);
        samples.rows << QList<ReportCell>{
            textCell(o ? figureName(*o) : x.observationId),
            textCell(x.seed),
            intCell(x.size),
            intCell(x.population),
            x.failed ? intCell(*x.failed) : textCell({}),
            x.errorRate ? percentCell(*x.errorRate * Decimal::fromInt(100)) : textCell({}),
            textCell(x.outcome),
            textCell(isoDate(x.closedAt.toUTC().date()))};
    }
    s.tables << samples;

    // Reconciliation findings of the quarter's figures (and of the fiscal year's, in its last
    // quarter), and what became of them.
    const QList<Observation> figures = ctx.observationsByAsOf();
    ValueCalculator claims(ctx.program, figures, registersTo(ctx.session, ctx.asOf),
                           ValueCalculator::Basis::Claims);
    ValueCalculator sources(ctx.program, figures, registersTo(ctx.session, ctx.asOf));
    QList<Period> periods{ctx.quarter};
    if (ctx.quarter.end(ctx.sm()) == Period::year(ctx.quarter.fiscalYear()).end(ctx.sm()))
        periods << Period::year(ctx.quarter.fiscalYear());
    ReportTable rec;
    rec.key = u"reconciliation"_s;
    rec.title = ReportBuilder::tr("Reconciliation findings: reported figures against registers");
    rec.columns = {column(u"figure"_s, ReportBuilder::tr("Figure"), K::Text, 3),
                   column(u"reported"_s, ReportBuilder::tr("Reported"), K::Number, 1),
                   column(u"register"_s, ReportBuilder::tr("Register"), K::Number, 1),
                   column(u"gap"_s, ReportBuilder::tr("Gap"), K::Number, 1),
                   column(u"allowed"_s, ReportBuilder::tr("Allowed"), K::Number, 1),
                   column(u"resolution"_s, ReportBuilder::tr("Resolution"), K::Text, 5)};
    rec.emptyText = ReportBuilder::tr("Every reported figure agrees with its register within "
                                      "tolerance.");
    for (const Period& p : periods) {
        QList<ReconciliationRow> rows;
        DLI_ASSIGN(rows, Reconciliation::run(ctx.program, figures, claims, sources, p));
        for (const ReconciliationRow& r : rows) {
            if (!r.finding)
                continue;
            rec.rows << QList<ReportCell>{
                textCell(r.indicator + u' ' + r.period.code() + u' ' + r.orgUnit),
                decimalCell(r.reported),
                decimalCell(r.registered),
                decimalCell(r.gap),
                decimalCell(r.allowed),
                textCell(resolution(ctx, r))};
        }
    }
    s.tables << rec;
    s.paragraphs << ReportBuilder::tr("%1 closed this quarter; %2 against the registers.")
                        .arg(counted(closed, ReportBuilder::tr("sample"),
                                     ReportBuilder::tr("samples")),
                             counted(rec.rows.size(), ReportBuilder::tr("reconciliation finding"),
                                     ReportBuilder::tr("reconciliation findings")));
    return s;
}

Result<ReportSection> dataQualitySection(ReportContext& ctx)
{
    ReportSection s;
    s.key = u"data-quality"_s;
    s.title = ReportBuilder::tr("Data quality");
    const QList<Observation> figures = ctx.observationsByAsOf();
    ValueCalculator claims(ctx.program, figures, registersTo(ctx.session, ctx.asOf),
                           ValueCalculator::Basis::Claims);
    QList<Period> periods;
    for (const Period& p : RuleEngine::allPeriods(ctx.program)) {
        if (p.start(ctx.sm()) <= ctx.asOf)
            periods << p;
    }
    QList<Violation> found;
    DLI_ASSIGN(found, RuleEngine::evaluate(ctx.program, claims, periods,
                                           RuleEngine::allOrgUnits(ctx.program)));
    for (const Observation& o : figures) {
        if (!ValueCalculator::counts(o))
            continue;
        if (const Indicator* x = ctx.program.indicator(o.indicator))
            found << RuleEngine::builtIn(*x, o.period, o.orgUnit, o.value);
    }
    ReportTable t;
    t.key = u"data-quality"_s;
    t.title = ReportBuilder::tr("Validation findings open on %1").arg(longDate(ctx.asOf));
    t.columns = {column(u"rule"_s, ReportBuilder::tr("Rule"), K::Text, 2),
                 column(u"severity"_s, ReportBuilder::tr("Severity"), K::Text, 1),
                 column(u"period"_s, ReportBuilder::tr("Period"), K::Text, 2),
                 column(u"org_unit"_s, ReportBuilder::tr("Org unit"), K::Text, 2),
                 column(u"left"_s, ReportBuilder::tr("Left"), K::Number, 1),
                 column(u"right"_s, ReportBuilder::tr("Right"), K::Number, 1),
                 column(u"message"_s, ReportBuilder::tr("Message"), K::Text, 6)};
    t.emptyText = ReportBuilder::tr("No validation rule is broken.");
    int errors = 0;
    for (const Violation& v : found) {
        const bool error = v.severity == Severity::Error;
        errors += error ? 1 : 0;
        t.rows << QList<ReportCell>{
            textCell(v.rule),
            textCell(error ? ReportBuilder::tr("error") : ReportBuilder::tr("warning")),
            textCell(v.period.code()),
            textCell(v.orgUnit),
            decimalCell(v.left),
            decimalCell(v.right),
            textCell(v.message)};
    }
    s.paragraphs << ReportBuilder::tr("%1 open on %2 (%3).")
                        .arg(counted(found.size(), ReportBuilder::tr("validation finding"),
                                     ReportBuilder::tr("validation findings")),
                             longDate(ctx.asOf),
                             counted(errors, ReportBuilder::tr("error"),
                                     ReportBuilder::tr("errors")));
    s.tables << t;
    return s;
}

Result<ReportSection> evidenceSection(ReportContext& ctx)
{
    ReportSection s;
    s.key = u"evidence"_s;
    s.title = ReportBuilder::tr("Annex: evidence");
    // The DLRs claimed this quarter: disbursed in it, or whose earnings grew in it.
    QStringList claimed;
    for (const DisbursementEvent& e : ctx.events) {
        if (e.kind == EventKind::Disburse && ctx.inQuarter(e.date) && !claimed.contains(e.dlr))
            claimed << e.dlr;
    }
    for (const DliResult& d : ctx.status.dlis) {
        for (const DlrResult& r : d.dlrs) {
            const DlrResult* before = ctx.previous.dlr(r.code);
            if (r.money.earned > (before ? before->money.earned : Money()) &&
                !claimed.contains(r.code))
                claimed << r.code;
        }
    }
    QList<Evidence> files;
    DLI_ASSIGN(files, ctx.session.evidence().list());
    QHash<QString, QList<const Evidence*>> byObservation;
    for (const Evidence& e : files) {
        if (e.target == Evidence::Target::Observation && e.attachedAt <= ctx.knownAt)
            byObservation[e.targetId] << &e;
    }
    ReportTable t;
    t.key = u"evidence"_s;
    t.title = ReportBuilder::tr("Evidence for the DLRs claimed in %1").arg(ctx.quarter.code());
    t.columns = {column(u"dlr"_s, ReportBuilder::tr("DLR"), K::Text, 1),
                 column(u"figure"_s, ReportBuilder::tr("Figure"), K::Text, 3),
                 column(u"file"_s, ReportBuilder::tr("File"), K::Text, 4),
                 column(u"sha256"_s, ReportBuilder::tr("SHA-256"), K::Text, 6),
                 column(u"attached_by"_s, ReportBuilder::tr("Attached by"), K::Text, 1),
                 column(u"attached_at"_s, ReportBuilder::tr("Attached at (UTC)"), K::Text, 2)};
    t.emptyText = ReportBuilder::tr("No DLR was claimed this quarter.");
    const QList<Observation> figures = ctx.observationsByAsOf();
    for (const DliResult& d : ctx.status.dlis) {
        const Dli* dli = ctx.program.dli(d.code);
        for (const DlrResult& r : d.dlrs) {
            if (!dli || !claimed.contains(r.code))
                continue;
            const QDate until = std::min(ctx.asOf, r.cutOff.isValid() ? r.cutOff : ctx.asOf);
            for (const Observation& o : figures) {
                if (o.indicator != dli->indicator || stateOnAsOf(ctx, o) != State::Verified ||
                    o.period.end(ctx.sm()) > until)
                    continue;
                for (const Evidence* e : byObservation.value(o.id))
                    t.rows << QList<ReportCell>{
                        textCell(r.code),
                        textCell(figureName(o)),
                        textCell(e->fileName),
                        textCell(e->sha256),
                        textCell(e->attachedBy),
                        textCell(e->attachedAt.toUTC().toString(u"yyyy-MM-dd HH:mm"_s))};
            }
        }
    }
    s.paragraphs << ReportBuilder::tr("The files on record behind the verified figures of "
                                      "each DLR claimed in %1 (disbursed in the quarter, or "
                                      "whose earnings grew in it): %2. Each file's SHA-256 "
                                      "identifies it exactly.")
                        .arg(ctx.quarter.code(), counted(t.rows.size(), ReportBuilder::tr("file"),
                                                         ReportBuilder::tr("files")));
    s.tables << t;
    return s;
}

} // namespace dli::report
