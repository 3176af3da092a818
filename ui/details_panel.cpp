#include "ui/details_panel.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

// One "label: value" row of a two-column property table.
QString row(const QString& label, const QString& value)
{
    return u"<tr><td style='color:#555; padding-right:12px; white-space:nowrap'>"_s + esc(label) +
           u"</td><td>"_s + value + u"</td></tr>"_s;
}

QString table(const QString& rows)
{
    return u"<table cellspacing='0' cellpadding='3'>"_s + rows + u"</table>"_s;
}

QString heading(const QString& kicker, const QString& title)
{
    return u"<p style='color:#666; margin-bottom:0'>"_s + esc(kicker) +
           u"</p><h2 style='margin-top:2px'>"_s + esc(title) + u"</h2>"_s;
}

QString rolloverText(Rollover r)
{
    switch (r) {
    case Rollover::CarryForward:
        return DetailsPanel::tr("carried forward to the next DLR of this DLI (cancelled if "
                                "there is none)");
    case Rollover::Cancel:
        return DetailsPanel::tr("cancelled");
    case Rollover::Reallocate:
        return DetailsPanel::tr("held as pending reallocation until a recorded decision moves "
                                "or cancels it");
    }
    return {};
}

QString kindText(const Dlr& r, const Currency& c)
{
    switch (r.kind) {
    case DlrKind::Binary:
        return DetailsPanel::tr("binary: the whole amount when the target is met, else nothing");
    case DlrKind::Linear:
        return r.minFraction.isZero()
                   ? DetailsPanel::tr("linear: in proportion to the progress from baseline to "
                                      "target")
                   : DetailsPanel::tr("linear: in proportion to the progress from baseline to "
                                      "target, nothing below %1% of the way")
                         .arg((r.minFraction * Decimal::fromInt(100)).toString());
    case DlrKind::PerUnit:
        return DetailsPanel::tr("per unit: %1 for each unit of progress, up to the amount "
                                "available")
            .arg(r.unitAmount ? r.unitAmount->format(c) : QString());
    }
    return {};
}

// Where a DLR's baseline comes from, as the program's rule decides it.
QString baselineOrigin(const Program& p, const Dli& d, int index)
{
    QString previous;
    switch (p.dlrBaselineOrigin(d, index, &previous)) {
    case Program::BaselineOrigin::Own:
        return DetailsPanel::tr("set for this DLR");
    case Program::BaselineOrigin::PreviousTarget:
        return DetailsPanel::tr("the target of DLR %1, the one before").arg(previous);
    case Program::BaselineOrigin::Indicator:
        break;
    }
    return DetailsPanel::tr("the indicator's baseline");
}

} // namespace

DetailsPanel::DetailsPanel(QWidget* parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(16);
}

void DetailsPanel::showNothing()
{
    setHtml(QString());
}

void DetailsPanel::showProgram(const Program& p)
{
    setHtml(programHtml(p));
}

void DetailsPanel::showItem(const Program& p, ResultsFrameworkModel::Kind kind, const QString& code)
{
    using Kind = ResultsFrameworkModel::Kind;
    switch (kind) {
    case Kind::ResultArea:
        setHtml(areaHtml(p, code));
        return;
    case Kind::Indicator:
        setHtml(indicatorHtml(p, code));
        return;
    case Kind::Dli:
        setHtml(dliHtml(p, code));
        return;
    case Kind::Dlr:
        setHtml(dlrHtml(p, code));
        return;
    case Kind::Group:
        setHtml(programHtml(p));
        return;
    }
}

QString DetailsPanel::programHtml(const Program& p) const
{
    const Currency& c = p.currency;
    const Money allocated = p.allocatedToDlis();
    QString rows;
    rows += row(tr("Financing"), esc(p.financing.format(c)));
    rows += row(tr("Allocated to DLIs"),
                esc(allocated.format(c)) + u" ("_s + tr("%1 DLIs").arg(p.dlis.size()) + u')');
    rows += row(tr("Signed"), p.signingDate.toString(Qt::ISODate));
    rows += row(tr("Closes"), p.closingDate.toString(Qt::ISODate));
    rows += row(tr("Fiscal years"), tr("%1 to %2, starting in month %3")
                                        .arg(p.firstYear().code(), p.lastYear().code())
                                        .arg(p.fiscalYearStartMonth));
    rows += row(tr("Verification window"),
                tr("%1 days after a DLR's cut-off").arg(p.verificationWindowDays));
    rows += row(tr("Advance cap"),
                tr("%1% of financing").arg((p.advanceCapShare * Decimal::fromInt(100)).toString()));
    rows += row(
        tr("Prior results cap"),
        tr("%1% of financing").arg((p.priorResultsCapShare * Decimal::fromInt(100)).toString()));
    rows += row(tr("Results areas"), QString::number(p.resultAreas.size()));
    rows += row(tr("Indicators"), QString::number(p.indicators.size()));
    rows += row(tr("Org units"), QString::number(p.orgUnits.size()));
    return heading(tr("Program %1").arg(p.code), p.title) + table(rows) +
           u"<p style='color:#666'>"_s +
           esc(tr("Select a results area, indicator, DLI or DLR on the left to see its "
                  "details.")) +
           u"</p>"_s;
}

QString DetailsPanel::areaHtml(const Program& p, const QString& code) const
{
    const ResultArea* a = p.resultArea(code);
    if (!a)
        return programHtml(p);
    QString items;
    for (const Indicator& x : p.indicators) {
        if (x.resultArea == code)
            items += u"<li><b>"_s + esc(x.code) + u"</b> "_s + esc(x.title) + u"</li>"_s;
    }
    return heading(tr("Results area %1").arg(a->code), a->title) + u"<ul>"_s + items + u"</ul>"_s;
}

QString DetailsPanel::indicatorHtml(const Program& p, const QString& code) const
{
    const Indicator* x = p.indicator(code);
    if (!x)
        return programHtml(p);
    QString rows;
    rows +=
        row(tr("Level"), x->level == IndicatorLevel::Pdo ? tr("PDO indicator (outcome)")
                                                         : tr("Intermediate results indicator"));
    rows += row(tr("Unit"), enumToString(kIndicatorUnitNames, x->unit));
    rows += row(tr("Direction"), x->direction == Direction::Increase ? tr("higher is better")
                                                                     : tr("lower is better"));
    rows += row(tr("Accumulation"), x->cumulative ? tr("cumulative from the baseline date")
                                                  : tr("a figure per period"));
    rows += row(tr("Aggregation"), enumToString(kAggregationNames, x->aggregation));
    rows += row(tr("Reported"), tr("per %1, %2")
                                    .arg(enumToString(kOrgUnitKindNames, x->reportedAt),
                                         enumToString(kFrequencyNames, x->frequency)));
    if (x->disaggregation)
        rows += row(tr("Disaggregated by"), esc(x->disaggregation->code + u": "_s +
                                                x->disaggregation->categories.join(u", "_s)));
    rows += row(
        tr("Baseline"),
        tr("%1 on %2").arg(x->baseline.value.toString(), x->baseline.date.toString(Qt::ISODate)));
    QString source;
    switch (x->source.kind) {
    case SourceKind::Reported:
        source = tr("reported by officers");
        break;
    case SourceKind::Register:
        source = tr("computed from the %1 register (%2%3)")
                     .arg(enumToString(kRegisterKindNames, x->source.registerKind),
                          enumToString(kRegisterMeasureNames, x->source.measure),
                          x->source.field.isEmpty() ? QString() : u" of "_s + x->source.field);
        for (auto it = x->source.filters.cbegin(); it != x->source.filters.cend(); ++it)
            source += u"; "_s + it.key() + u" = "_s + it.value();
        break;
    case SourceKind::Formula:
        source = tr("formula %1").arg(x->source.formula);
        break;
    }
    rows += row(tr("Source"), esc(source));
    if (!x->tolerance.isZero())
        rows += row(tr("Tolerance"), tr("%1% gap between report and register")
                                         .arg((x->tolerance * Decimal::fromInt(100)).toString()));
    QString targets;
    for (const Target& t : x->targets)
        targets += u"<tr><td>"_s + t.period.code() + u"</td><td>"_s +
                   esc(t.period.label(p.fiscalYearStartMonth)) + u"</td><td align='right'>"_s +
                   t.value.toString() + u"</td></tr>"_s;
    QString html = heading(tr("Indicator %1").arg(x->code), x->title) + table(rows);
    if (!targets.isEmpty())
        html += u"<h3>"_s + esc(tr("Targets")) +
                u"</h3><table cellspacing='0' cellpadding='3'><tr><th align='left'>"_s +
                esc(tr("Period")) + u"</th><th align='left'>"_s + esc(tr("Fiscal year")) +
                u"</th><th align='right'>"_s + esc(tr("Target")) + u"</th></tr>"_s + targets +
                u"</table>"_s;
    if (const Dli* d = p.dliForIndicator(code))
        html += u"<p>"_s + esc(tr("Disbursement-linked: %1 %2").arg(d->code, d->title)) + u"</p>"_s;
    return html;
}

QString DetailsPanel::dliHtml(const Program& p, const QString& code) const
{
    const Dli* d = p.dli(code);
    if (!d)
        return programHtml(p);
    const Currency& c = p.currency;
    QString rows;
    rows += row(tr("Indicator"), esc(d->indicator));
    rows += row(tr("Allocation"), esc(d->allocation.format(c)));
    const VerificationProtocol& v = d->protocol;
    if (!v.verifier.isEmpty())
        rows += row(tr("Verified by"), esc(v.verifier));
    if (!v.method.isEmpty())
        rows += row(tr("Method"), esc(v.method));
    if (!v.evidence.isEmpty())
        rows +=
            row(tr("Evidence"),
                esc(v.evidence.join(u"; "_s)) +
                    (v.evidenceRequired ? u" <i>("_s + tr("required") + u")</i>"_s : QString()));
    if (v.sampleSize > 0)
        rows += row(tr("Sample"), tr("%1 records; largest error rate accepted %2%")
                                      .arg(v.sampleSize)
                                      .arg((v.maxErrorRate * Decimal::fromInt(100)).toString()));
    QString dlrs;
    for (int i : p.dlrOrder(*d)) {
        const Dlr& r = d->dlrs[i];
        dlrs += u"<tr><td><b>"_s + esc(r.code) + u"</b></td><td>"_s + r.period.code() +
                u"</td><td>"_s + r.effectiveDeadline(p.fiscalYearStartMonth).toString(Qt::ISODate) +
                u"</td><td>"_s + enumToString(kDlrKindNames, r.kind) +
                u"</td><td align='right'>"_s + p.dlrBaseline(*d, i).toString() +
                u"</td><td align='right'>"_s + r.target.toString() + u"</td><td align='right'>"_s +
                esc(r.allocation.format(c)) + u"</td></tr>"_s;
    }
    return heading(tr("Disbursement-linked indicator %1").arg(d->code), d->title) + table(rows) +
           u"<h3>"_s + esc(tr("Disbursement-linked results")) +
           u"</h3><table cellspacing='0' cellpadding='4'><tr><th align='left'>"_s + esc(tr("DLR")) +
           u"</th><th align='left'>"_s + esc(tr("Period")) + u"</th><th align='left'>"_s +
           esc(tr("Deadline")) + u"</th><th align='left'>"_s + esc(tr("Kind")) +
           u"</th><th align='right'>"_s + esc(tr("Baseline")) + u"</th><th align='right'>"_s +
           esc(tr("Target")) + u"</th><th align='right'>"_s + esc(tr("Allocation")) +
           u"</th></tr>"_s + dlrs + u"</table>"_s;
}

QString DetailsPanel::dlrHtml(const Program& p, const QString& code) const
{
    for (const Dli& d : p.dlis) {
        for (int i = 0; i < d.dlrs.size(); ++i) {
            const Dlr& r = d.dlrs[i];
            if (r.code != code)
                continue;
            const Currency& c = p.currency;
            const int sm = p.fiscalYearStartMonth;
            const QDate deadline = r.effectiveDeadline(sm);
            QString rows;
            rows += row(tr("DLI"), esc(d.code + u"  "_s + d.title));
            rows += row(tr("Period"), esc(r.period.code() + u" ("_s + r.period.label(sm) + u", "_s +
                                          r.period.start(sm).toString(Qt::ISODate) + u" to "_s +
                                          r.period.end(sm).toString(Qt::ISODate) + u')'));
            rows +=
                row(tr("Deadline"), deadline.toString(Qt::ISODate) +
                                        (r.deadline ? QString() : u" "_s + tr("(end of period)")));
            rows += row(tr("Counts results"),
                        r.timeBound ? tr("up to its deadline (time-bound)")
                                    : tr("up to the program's closing date %1 (not time-bound)")
                                          .arg(p.closingDate.toString(Qt::ISODate)));
            rows += row(tr("Final after"), tr("%1 (%2 days' verification window after the cut-off)")
                                               .arg(p.finalDate(r).toString(Qt::ISODate))
                                               .arg(p.verificationWindowDays));
            rows += row(tr("Rule"), esc(kindText(r, c)));
            const Decimal b = p.dlrBaseline(d, i);
            rows += row(tr("Baseline"), b.toString() + u" <span style='color:#666'>("_s +
                                            esc(baselineOrigin(p, d, i)) + u")</span>"_s);
            rows += row(tr("Target"), u"<b>"_s + r.target.toString() + u"</b>"_s);
            rows += row(tr("Allocation"), u"<b>"_s + esc(r.allocation.format(c)) + u"</b>"_s);
            rows += row(tr("Money not earned"), esc(rolloverText(r.rollover)));
            if (r.priorResult)
                rows += row(tr("Prior result"),
                            tr("achievable before signing; paid within the prior-results cap"));
            return heading(tr("DLR %1").arg(r.code), r.title.isEmpty() ? d.title : r.title) +
                   table(rows);
        }
    }
    return programHtml(p);
}

} // namespace dli::ui
