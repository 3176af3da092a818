#include "ui/dialogs/event_preview.h"

using namespace Qt::StringLiterals;

namespace dli::ui {

EventPreview EventPreview::compute(const Program& program,
                                   const DisbursementEngine::Input& recorded,
                                   const DisbursementEvent& candidate, const QDate& asOf)
{
    EventPreview out;
    out.asOf = asOf;
    DisbursementEngine::Input in = recorded;
    in.asOf = asOf;
    in.forecast = false;
    const Disbursement before = DisbursementEngine::compute(program, in);
    DisbursementEvent e = candidate;
    qint64 last = 0;
    for (const DisbursementEvent& x : in.events)
        last = std::max(last, x.sequence);
    e.sequence = last + 1;
    if (e.id.isEmpty())
        e.id = u"preview"_s;
    in.events << e;
    const Disbursement after = DisbursementEngine::compute(program, in);

    const auto dlrLine = [&](const QString& label, const QString& code, auto field) {
        const DlrResult* b = before.dlr(code);
        const DlrResult* a = after.dlr(code);
        if (b && a)
            out.lines << Line{label.arg(code), field(b->money), field(a->money)};
    };
    const auto dliOf = [&](const Disbursement& s, const QString& dlr) -> const DliResult* {
        const DlrResult* r = s.dlr(dlr);
        return r ? s.dli(r->dli) : nullptr;
    };
    const auto dliLines = [&](const QString& code) {
        const DliResult* b = before.dli(code);
        const DliResult* a = after.dli(code);
        if (!b || !a)
            return;
        out.lines << Line{tr("Outstanding advance, DLI %1").arg(code), b->outstandingAdvance,
                          a->outstandingAdvance};
        out.lines << Line{tr("Recovered, DLI %1").arg(code), b->money.recovered,
                          a->money.recovered};
        out.lines << Line{tr("Payable, DLI %1").arg(code), b->money.payable, a->money.payable};
    };
    switch (e.kind) {
    case EventKind::Disburse: {
        dlrLine(tr("Disbursed, DLR %1"), e.dlr, [](const MoneySums& m) { return m.disbursed; });
        dlrLine(tr("Eligible, DLR %1"), e.dlr, [](const MoneySums& m) { return m.eligible; });
        dlrLine(tr("Payable, DLR %1"), e.dlr, [](const MoneySums& m) { return m.payable; });
        const DliResult* b = dliOf(before, e.dlr);
        const DliResult* a = dliOf(after, e.dlr);
        if (b && a && (!b->outstandingAdvance.isZero() || !a->outstandingAdvance.isZero()))
            out.lines << Line{tr("Outstanding advance, DLI %1").arg(b->code), b->outstandingAdvance,
                              a->outstandingAdvance};
        break;
    }
    case EventKind::Advance:
        dliLines(e.dli);
        out.lines << Line{tr("Outstanding advances, program (cap %1)")
                              .arg(before.advanceCap.format(program.currency)),
                          before.outstandingAdvances, after.outstandingAdvances};
        break;
    case EventKind::Refund:
        dliLines(e.dli);
        break;
    case EventKind::Reallocate:
        dlrLine(tr("Pending reallocation, DLR %1"), e.dlr,
                [](const MoneySums& m) { return m.pendingReallocation; });
        dlrLine(tr("Reallocated out, DLR %1"), e.dlr,
                [](const MoneySums& m) { return m.reallocatedOut; });
        dlrLine(tr("Available, DLR %1"), e.toDlr, [](const MoneySums& m) { return m.available; });
        break;
    case EventKind::Cancel:
        dlrLine(tr("Pending reallocation, DLR %1"), e.dlr,
                [](const MoneySums& m) { return m.pendingReallocation; });
        dlrLine(tr("Cancelled, DLR %1"), e.dlr, [](const MoneySums& m) { return m.cancelled; });
        dlrLine(tr("Available, DLR %1"), e.dlr, [](const MoneySums& m) { return m.available; });
        break;
    }
    QStringList known;
    for (const Finding& f : before.findings)
        known << f.message;
    for (const Finding& f : after.findings) {
        if (!known.contains(f.message))
            out.newFindings << f.message;
    }
    return out;
}

QStringList EventPreview::text(const Currency& currency) const
{
    QStringList out;
    for (const Line& l : lines)
        out << tr("%1: %2 → %3").arg(l.label, l.before.format(currency), l.after.format(currency));
    return out;
}

} // namespace dli::ui
