// Sections 2 and 3 of the quarterly report: the executive summary and the DLI status.
#include "core/engine/dli_outlook.h"
#include "core/report/report_builder.h"
#include "core/report/report_context.h"

using namespace Qt::StringLiterals;

namespace dli::report {

namespace {

using K = ReportColumnKind;

const Dlr* dlrOf(const Program& program, const QString& dli, const QString& code)
{
    if (const Dli* d = program.dli(dli)) {
        for (const Dlr& r : d->dlrs) {
            if (r.code == code)
                return &r;
        }
    }
    return nullptr;
}

const DlrResult* find(const Disbursement& d, const QString& code)
{
    return d.dlr(code);
}

bool changed(const DlrResult& now, const DlrResult* before)
{
    return !before || before->status != now.status || before->money != now.money ||
           before->achieved != now.achieved;
}

QList<ReportCell> moneyCells(const MoneySums& m, const Money& allocation, const Currency& c)
{
    return {moneyCell(allocation, c), moneyCell(m.earned, c),  moneyCell(m.disbursed, c),
            moneyCell(m.eligible, c), moneyCell(m.payable, c), moneyCell(m.cancelled, c)};
}

QString list(const QStringList& codes)
{
    if (codes.size() <= 1)
        return codes.join(QString());
    return codes.mid(0, codes.size() - 1).join(u", "_s) + ReportBuilder::tr(" and ") + codes.last();
}

} // namespace

Result<ReportSection> statusSection(ReportContext& ctx)
{
    const Currency& c = ctx.currency();
    ReportSection s;
    s.key = u"dli-status"_s;
    s.title = ReportBuilder::tr("DLI status");
    s.paragraphs << ReportBuilder::tr(
                        "Every DLI and its DLRs as of %1: the status the disbursement engine "
                        "gives, the target and what the verified figures achieve, and the "
                        "money in %2. DLI rows carry the DLI's outlook and its DLRs' sums.")
                        .arg(longDate(ctx.asOf), c.code);
    ReportTable t;
    t.key = u"dli-status"_s;
    t.title = ReportBuilder::tr("DLIs and DLRs as of %1").arg(longDate(ctx.asOf));
    t.columns = {column(u"code"_s, ReportBuilder::tr("DLI / DLR"), K::Text, 1),
                 column(u"title"_s, ReportBuilder::tr("Title"), K::Text, 4),
                 column(u"status"_s, ReportBuilder::tr("Status"), K::Text, 2),
                 column(u"deadline"_s, ReportBuilder::tr("Deadline"), K::Date, 2),
                 column(u"target"_s, ReportBuilder::tr("Target"), K::Number, 1),
                 column(u"achieved"_s, ReportBuilder::tr("Achieved"), K::Number, 1),
                 moneyColumn(u"allocation"_s, ReportBuilder::tr("Allocation"), c),
                 moneyColumn(u"earned"_s, ReportBuilder::tr("Earned"), c),
                 moneyColumn(u"disbursed"_s, ReportBuilder::tr("Disbursed"), c),
                 moneyColumn(u"eligible"_s, ReportBuilder::tr("Eligible"), c),
                 moneyColumn(u"payable"_s, ReportBuilder::tr("Payable"), c),
                 moneyColumn(u"cancelled"_s, ReportBuilder::tr("Cancelled"), c)};
    for (const DliResult& d : ctx.status.dlis) {
        const Dli* dli = ctx.program.dli(d.code);
        const DliOutlook outlook = DliOutlook::of(d, c, ctx.asOf);
        t.groupRows << static_cast<int>(t.rows.size());
        t.rows << (QList<ReportCell>{textCell(d.code), textCell(dli ? dli->title : QString()),
                                     textCell(DliOutlook::lightName(outlook.light)), textCell({}),
                                     textCell({}), textCell({})} +
                   moneyCells(d.money, d.allocation, c));
        for (const DlrResult& r : d.dlrs) {
            const Dlr* dlr = dlrOf(ctx.program, d.code, r.code);
            t.rows << (QList<ReportCell>{textCell(r.code), textCell(dlr ? dlr->title : QString()),
                                         textCell(dlrStatusText(r.status)),
                                         textCell(isoDate(r.deadline)), decimalCell(r.target),
                                         decimalCell(r.achieved)} +
                       moneyCells(r.money, r.allocation, c));
        }
    }
    t.groupRows << static_cast<int>(t.rows.size());
    t.rows << (QList<ReportCell>{textCell(ReportBuilder::tr("Total")),
                                 textCell(ReportBuilder::tr("All DLIs")), textCell({}),
                                 textCell({}), textCell({}), textCell({})} +
               moneyCells(ctx.status.totals, ctx.status.allocation, c));
    s.tables << t;

    ReportTable why;
    why.key = u"dlr-explanations"_s;
    why.title = ReportBuilder::tr("DLRs that changed this quarter, and why");
    why.columns = {
        column(u"dlr"_s, ReportBuilder::tr("DLR"), K::Text, 1),
        column(u"before"_s,
               ReportBuilder::tr("Status on %1").arg(isoDate(ctx.quarterStart.addDays(-1))),
               K::Text, 2),
        column(u"now"_s, ReportBuilder::tr("Status on %1").arg(isoDate(ctx.asOf)), K::Text, 2),
        column(u"explanation"_s, ReportBuilder::tr("Derivation"), K::Text, 9)};
    why.emptyText = ReportBuilder::tr("No DLR changed this quarter.");
    for (const DliResult& d : ctx.status.dlis) {
        for (const DlrResult& r : d.dlrs) {
            const DlrResult* before = find(ctx.previous, r.code);
            if (!changed(r, before))
                continue;
            why.rows << QList<ReportCell>{
                textCell(r.code), textCell(before ? dlrStatusText(before->status) : QString()),
                textCell(dlrStatusText(r.status)), textCell(r.explanation.join(u' '))};
        }
    }
    s.tables << why;
    return s;
}

Result<ReportSection> summarySection(ReportContext& ctx, const QList<ReportSection>& others)
{
    const Currency& c = ctx.currency();
    const Disbursement& d = ctx.status;
    ReportSection s;
    s.key = u"summary"_s;
    s.title = ReportBuilder::tr("Executive summary");
    auto figure = [&s](const QString& key, const QString& label, const ReportCell& value,
                       K kind = K::Money) {
        s.figures << ReportFigure{key, label, value, kind};
    };
    auto full = [&c](const Money& m) {
        ReportCell cell = moneyCell(m, c);
        cell.text = m.format(c);
        return cell;
    };
    figure(u"financing"_s, ReportBuilder::tr("Financing"), full(d.financing));
    figure(u"allocated"_s, ReportBuilder::tr("Allocated to DLIs"), full(d.allocation));
    figure(u"earned"_s, ReportBuilder::tr("Earned"), full(d.totals.earned));
    figure(u"disbursed"_s, ReportBuilder::tr("Disbursed"), full(d.totals.disbursed));
    figure(u"eligible"_s, ReportBuilder::tr("Eligible now (earned, not disbursed)"),
           full(d.totals.eligible));
    figure(u"payable"_s, ReportBuilder::tr("Payable (eligible less advance recoveries)"),
           full(d.totals.payable));
    figure(u"outstanding_advances"_s, ReportBuilder::tr("Outstanding advances"),
           full(d.outstandingAdvances));

    // DLRs of note: achieved this quarter, at risk, missed.
    ReportTable note;
    note.key = u"dlrs-of-note"_s;
    note.title = ReportBuilder::tr("DLRs achieved this quarter, at risk and missed");
    note.columns = {column(u"code"_s, ReportBuilder::tr("DLI / DLR"), K::Text, 1),
                    column(u"standing"_s, ReportBuilder::tr("Standing"), K::Text, 2),
                    column(u"detail"_s, ReportBuilder::tr("Detail"), K::Text, 8)};
    note.emptyText = ReportBuilder::tr("No DLR was achieved, is at risk or was missed.");
    QStringList achieved;
    QStringList missed;
    QStringList atRisk;
    for (const DliResult& dli : d.dlis) {
        for (const DlrResult& r : dli.dlrs) {
            const DlrResult* before = find(ctx.previous, r.code);
            const bool nowAchieved = r.status == DlrStatus::Achieved ||
                                     (r.status == DlrStatus::PartiallyAchieved && r.final);
            const bool wasAchieved =
                before && (before->status == DlrStatus::Achieved ||
                           (before->status == DlrStatus::PartiallyAchieved && before->final));
            if (nowAchieved && !wasAchieved) {
                achieved << r.code;
                note.rows << QList<ReportCell>{
                    textCell(r.code), textCell(ReportBuilder::tr("achieved this quarter")),
                    textCell(ReportBuilder::tr("%1: %2 earned of %3 available")
                                 .arg(dlrStatusText(r.status), r.money.earned.format(c),
                                      r.money.available.format(c)))};
            }
            if (r.status == DlrStatus::Missed) {
                missed << r.code;
                note.rows << QList<ReportCell>{
                    textCell(r.code), textCell(ReportBuilder::tr("missed")),
                    textCell(ReportBuilder::tr("nothing earned by its verification window's "
                                               "end, %1")
                                 .arg(longDate(r.windowEnd)))};
            }
        }
        for (const DlrResult& r : dli.dlrs) {
            if (const auto why = DliOutlook::atRisk(r, c, ctx.asOf)) {
                atRisk << r.code;
                note.rows << QList<ReportCell>{
                    textCell(r.code), textCell(ReportBuilder::tr("at risk")), textCell(*why)};
            }
        }
    }
    figure(u"dlrs_achieved"_s, ReportBuilder::tr("DLRs achieved this quarter"),
           intCell(achieved.size()), K::Integer);
    figure(u"dlrs_at_risk"_s, ReportBuilder::tr("DLRs at risk"), intCell(atRisk.size()),
           K::Integer);
    figure(u"dlrs_missed"_s, ReportBuilder::tr("DLRs missed"), intCell(missed.size()), K::Integer);

    // Key findings, in sentences.
    const Money& financing = d.financing;
    const QString share =
        financing.isZero()
            ? QString()
            : ReportBuilder::tr(" (%1 of the financing)")
                  .arg(percentCell(Decimal::fromInt(d.totals.earned.minor()) *
                                   Decimal::fromInt(100) / Decimal::fromInt(financing.minor()))
                           .text);
    s.paragraphs << ReportBuilder::tr("By %1, %2 of the %3 financing has been earned%4 and %5 "
                                      "disbursed. %6 is eligible for disbursement, of which %7 "
                                      "is payable now after %8 recovered against outstanding "
                                      "advances.")
                        .arg(longDate(ctx.asOf), d.totals.earned.format(c), financing.format(c),
                             share, d.totals.disbursed.format(c), d.totals.eligible.format(c),
                             d.totals.payable.format(c), d.totals.recovered.format(c));
    s.paragraphs << (achieved.isEmpty()
                         ? ReportBuilder::tr("No DLR was achieved in %1.").arg(ctx.quarter.code())
                         : ReportBuilder::tr("%1 achieved in %2: %3.")
                               .arg(counted(achieved.size(), ReportBuilder::tr("DLR"),
                                            ReportBuilder::tr("DLRs")),
                                    ctx.quarter.code(), list(achieved)));
    if (!atRisk.isEmpty())
        s.paragraphs << ReportBuilder::tr("%1 at risk: %2.")
                            .arg(counted(atRisk.size(), ReportBuilder::tr("DLR"),
                                         ReportBuilder::tr("DLRs")),
                                 list(atRisk));
    // A missed DLR is told by the engine's finding, below, and listed in the table.
    for (const Finding& f : d.findings) {
        QString sentence = f.message;
        if (!sentence.endsWith(u'.') && !sentence.endsWith(u'?') && !sentence.endsWith(u'!'))
            sentence += u'.';
        s.paragraphs << sentence;
    }
    // What the other sections found, one sentence each.
    for (const ReportSection& other : others) {
        for (const QString& key : {u"verification"_s, u"data-quality"_s}) {
            if (other.key == key && !other.paragraphs.isEmpty())
                s.paragraphs << other.paragraphs.first();
        }
    }
    s.tables << note;
    return s;
}

} // namespace dli::report
