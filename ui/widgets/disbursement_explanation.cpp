#include "ui/widgets/disbursement_explanation.h"

#include "ui/models/disbursement_format.h"

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString paragraphs(const QStringList& sentences)
{
    QString html;
    for (const QString& s : sentences)
        html += u"<p style='margin:4px 0'>"_s + esc(s) + u"</p>"_s;
    return html;
}

QString row(const QString& label, const QString& value)
{
    return u"<tr><td style='padding-right:14px; color:#666'>"_s + esc(label) + u"</td><td>"_s +
           esc(value) + u"</td></tr>"_s;
}

QString isoDate(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

} // namespace

DisbursementExplanation::DisbursementExplanation(QWidget* parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setTabChangesFocus(true);
    setAccessibleName(tr("How the selected DLR's amounts were derived"));
    showNothing();
}

void DisbursementExplanation::showNothing()
{
    setHtml(u"<p style='color:gray'>"_s +
            esc(tr("Select a DLR to read how its amounts were derived, in plain words.")) +
            u"</p>"_s);
}

void DisbursementExplanation::showDlr(const Program& program, const DlrResult& r,
                                      const DlrResult* forecast)
{
    QString title = r.code;
    if (const Dli* d = program.dli(r.dli)) {
        for (const Dlr& x : d->dlrs) {
            if (x.code == r.code && !x.title.isEmpty())
                title = tr("%1  %2").arg(r.code, x.title);
        }
    }
    const Currency& cur = program.currency;
    QString html = u"<h3 style='margin:0 0 4px 0'>"_s + esc(tr("DLR %1").arg(title)) + u"</h3>"_s;
    html += u"<p style='margin:0 0 6px 0'><b>"_s + esc(DisbursementFormat::status(r.status)) +
            u"</b> · "_s +
            esc(r.final ? tr("final: its earned amount no longer changes")
                        : tr("not final until %1").arg(isoDate(r.windowEnd.addDays(1)))) +
            u"</p>"_s;
    html += u"<table>"_s;
    html += row(tr("Deadline"), isoDate(r.deadline));
    html += row(tr("Results count up to"), isoDate(r.cutOff));
    html += row(tr("Verifications count up to"), isoDate(r.windowEnd));
    html += row(tr("A / B / T"), tr("%1 / %2 / %3")
                                     .arg(r.achieved ? r.achieved->toString() : tr("nothing yet"),
                                          r.baseline.toString(), r.target.toString()));
    html += row(tr("Figures counted"), QString::number(r.counted));
    html += row(tr("Earned of available"),
                tr("%1 of %2").arg(r.money.earned.format(cur), r.money.available.format(cur)));
    html += row(tr("Payable now"), r.money.payable.format(cur));
    html += u"</table>"_s;
    html += u"<h4 style='margin:8px 0 2px 0'>"_s + esc(tr("How it was derived")) + u"</h4>"_s;
    html += paragraphs(r.explanation);
    if (forecast) {
        html += u"<h4 style='margin:10px 0 2px 0; color:#2f62a8'>"_s +
                esc(tr("Forecast (if every submitted figure were verified as reported): %1, "
                       "%2 earned")
                        .arg(DisbursementFormat::status(forecast->status),
                             forecast->money.earned.format(cur))) +
                u"</h4>"_s;
        html += paragraphs(forecast->explanation);
    }
    setHtml(html);
}

void DisbursementExplanation::showDli(const Program& program, const DliResult& d)
{
    const Currency& cur = program.currency;
    const Dli* dli = program.dli(d.code);
    QString html = u"<h3 style='margin:0 0 4px 0'>"_s +
                   esc(dli ? tr("%1  %2").arg(d.code, dli->title) : d.code) + u"</h3>"_s;
    html += u"<table>"_s;
    html += row(tr("Allocation"), d.allocation.format(cur));
    html += row(tr("Earned of available"),
                tr("%1 of %2").arg(d.money.earned.format(cur), d.money.available.format(cur)));
    html += row(tr("Disbursed"), d.money.disbursed.format(cur));
    html += row(tr("Payable now"), d.money.payable.format(cur));
    html += row(tr("Advanced"), d.advanced.format(cur));
    html += row(tr("Refunded"), d.refunded.format(cur));
    html += row(tr("Outstanding advance"), d.outstandingAdvance.format(cur));
    html += u"</table>"_s;
    QStringList dlrs;
    for (const DlrResult& r : d.dlrs)
        dlrs << tr("DLR %1: %2, %3 earned")
                    .arg(r.code, DisbursementFormat::status(r.status), r.money.earned.format(cur));
    html += u"<h4 style='margin:8px 0 2px 0'>"_s + esc(tr("DLRs")) + u"</h4>"_s + paragraphs(dlrs);
    html += u"<p style='color:gray'>"_s +
            esc(tr("Select a DLR to read how its amounts were derived.")) + u"</p>"_s;
    setHtml(html);
}

} // namespace dli::ui
