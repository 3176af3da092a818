#include "core/io/status_report.h"

#include "core/io/json_writer.h"
#include "core/io/text_table.h"

using namespace Qt::StringLiterals;

namespace dli {

namespace {

JsonNode amount(Money m, const Currency& c)
{
    return JsonNode::string(m.toPlainString(c.minorDigits));
}

JsonNode decimal(const std::optional<Decimal>& d)
{
    return d ? JsonNode::string(d->toString()) : JsonNode::null();
}

JsonNode textOrNull(const QString& s)
{
    return s.isEmpty() ? JsonNode::null() : JsonNode::string(s);
}

void addSums(JsonNode& n, const MoneySums& m, const Currency& c)
{
    n.add(u"available"_s, amount(m.available, c))
        .add(u"earned"_s, amount(m.earned, c))
        .add(u"disbursed"_s, amount(m.disbursed, c))
        .add(u"eligible"_s, amount(m.eligible, c))
        .add(u"recovered"_s, amount(m.recovered, c))
        .add(u"payable"_s, amount(m.payable, c))
        .add(u"carried_in"_s, amount(m.carriedIn, c))
        .add(u"carried_out"_s, amount(m.carriedOut, c))
        .add(u"reallocated_in"_s, amount(m.reallocatedIn, c))
        .add(u"reallocated_out"_s, amount(m.reallocatedOut, c))
        .add(u"cancelled"_s, amount(m.cancelled, c))
        .add(u"pending_reallocation"_s, amount(m.pendingReallocation, c));
}

JsonNode dlrNode(const DlrResult& r, const Currency& c)
{
    JsonNode n = JsonNode::object();
    n.add(u"code"_s, JsonNode::string(r.code))
        .add(u"status"_s, JsonNode::string(enumToString(kDlrStatusNames, r.status)))
        .add(u"final"_s, JsonNode::boolean(r.final))
        .add(u"deadline"_s, JsonNode::string(r.deadline.toString(Qt::ISODate)))
        .add(u"cut_off"_s, JsonNode::string(r.cutOff.toString(Qt::ISODate)))
        .add(u"window_end"_s, JsonNode::string(r.windowEnd.toString(Qt::ISODate)))
        .add(u"counted"_s, JsonNode::number(r.counted))
        .add(u"achieved"_s, decimal(r.achieved))
        .add(u"baseline"_s, decimal(r.baseline))
        .add(u"target"_s, decimal(r.target))
        .add(u"fraction"_s, decimal(r.fraction))
        .add(u"allocation"_s, amount(r.allocation, c));
    addSums(n, r.money, c);
    JsonNode lines = JsonNode::array();
    for (const QString& s : r.explanation)
        lines.append(JsonNode::string(s));
    n.add(u"explanation"_s, std::move(lines));
    return n;
}

// totals, findings and dlis: the part that a forecast repeats.
void addResult(JsonNode& n, const Disbursement& s, const Currency& c)
{
    JsonNode totals = JsonNode::object();
    totals.add(u"allocation"_s, amount(s.allocation, c));
    addSums(totals, s.totals, c);
    totals.add(u"outstanding_advances"_s, amount(s.outstandingAdvances, c))
        .add(u"advance_cap"_s, amount(s.advanceCap, c))
        .add(u"prior_results_earned"_s, amount(s.priorResultsEarned, c))
        .add(u"prior_results_cap"_s, amount(s.priorResultsCap, c));
    n.add(u"totals"_s, std::move(totals));

    JsonNode findings = JsonNode::array();
    for (const Finding& f : s.findings) {
        JsonNode fn = JsonNode::object();
        fn.add(u"kind"_s, JsonNode::string(f.kind))
            .add(u"dli"_s, textOrNull(f.dli))
            .add(u"dlr"_s, textOrNull(f.dlr))
            .add(u"event"_s, textOrNull(f.eventId))
            .add(u"message"_s, JsonNode::string(f.message));
        findings.append(std::move(fn));
    }
    n.add(u"findings"_s, std::move(findings));

    JsonNode dlis = JsonNode::array();
    for (const DliResult& d : s.dlis) {
        JsonNode dn = JsonNode::object();
        dn.add(u"code"_s, JsonNode::string(d.code)).add(u"allocation"_s, amount(d.allocation, c));
        addSums(dn, d.money, c);
        dn.add(u"advanced"_s, amount(d.advanced, c))
            .add(u"refunded"_s, amount(d.refunded, c))
            .add(u"outstanding_advance"_s, amount(d.outstandingAdvance, c));
        JsonNode dlrs = JsonNode::array();
        for (const DlrResult& r : d.dlrs)
            dlrs.append(dlrNode(r, c));
        dn.add(u"dlrs"_s, std::move(dlrs));
        dlis.append(std::move(dn));
    }
    n.add(u"dlis"_s, std::move(dlis));
}

// "2,000,000.00": the table's amounts, its heading names the currency.
QString plain(Money m, const Currency& c)
{
    Currency bare = c;
    bare.symbol.clear();
    return m.format(bare);
}

QString measured(const DlrResult& r)
{
    return (r.achieved ? r.achieved->toString() : u"-"_s) + u" / "_s + r.target.toString();
}

} // namespace

QByteArray StatusReport::json(const Program& program, const Disbursement& verified,
                              const Disbursement* forecast)
{
    const Currency& c = program.currency;
    JsonNode root = JsonNode::object();
    root.add(u"format"_s, JsonNode::string(QString::fromUtf16(Format)))
        .add(u"program"_s, JsonNode::string(program.code))
        .add(u"as_of"_s, JsonNode::string(verified.asOf.toString(Qt::ISODate)))
        .add(u"known_at"_s, verified.knownAt.isValid()
                                ? JsonNode::string(verified.knownAt.toUTC().toString(Qt::ISODate))
                                : JsonNode::null())
        .add(u"currency"_s, JsonNode::string(c.code))
        .add(u"financing"_s, amount(verified.financing, c));
    addResult(root, verified, c);
    if (forecast) {
        JsonNode f = JsonNode::object();
        addResult(f, *forecast, c);
        root.add(u"forecast"_s, std::move(f));
    }
    return root.toJson();
}

QString StatusReport::text(const Program& program, const Disbursement& verified,
                           const Disbursement* forecast, bool explain)
{
    const Currency& c = program.currency;
    QString out;
    out += tr("%1: what can be claimed as of %2")
               .arg(program.code, verified.asOf.toString(Qt::ISODate));
    if (verified.knownAt.isValid())
        out += tr(", as known at %1").arg(verified.knownAt.toUTC().toString(Qt::ISODate));
    out += tr(" (amounts in %1)").arg(c.code) + u"\n\n"_s;

    using A = TextTable::Align;
    QStringList headers{tr("DLR"),       tr("Status"), tr("Final"),     tr("A / T"),
                        tr("Available"), tr("Earned"), tr("Disbursed"), tr("Eligible"),
                        tr("Recovered"), tr("Payable")};
    QList<A> align{A::Left,  A::Left,  A::Left,  A::Right, A::Right,
                   A::Right, A::Right, A::Right, A::Right, A::Right};
    if (forecast) {
        headers << tr("Forecast") << tr("Forecast earned");
        align << A::Left << A::Right;
    }
    TextTable table(headers, align);
    auto moneyCells = [&](const MoneySums& m) {
        return QStringList{plain(m.available, c), plain(m.earned, c),    plain(m.disbursed, c),
                           plain(m.eligible, c),  plain(m.recovered, c), plain(m.payable, c)};
    };
    // Where unearned money went: only the DLRs where some did.
    TextTable unearned({tr("DLR"), tr("Carried in"), tr("Reallocated in"), tr("Carried out"),
                        tr("Reallocated out"), tr("Cancelled"), tr("Pending reallocation")},
                       {A::Left, A::Right, A::Right, A::Right, A::Right, A::Right, A::Right});
    for (const DliResult& d : verified.dlis) {
        for (const DlrResult& r : d.dlrs) {
            QStringList row{r.code, enumToString(kDlrStatusNames, r.status),
                            r.final ? tr("yes") : tr("no"), measured(r)};
            row << moneyCells(r.money);
            if (forecast) {
                const DlrResult* f = forecast->dlr(r.code);
                row << (f ? enumToString(kDlrStatusNames, f->status) : QString())
                    << (f ? plain(f->money.earned, c) : QString());
            }
            table.addRow(row);
            const MoneySums& m = r.money;
            if (!(m.carriedIn.isZero() && m.reallocatedIn.isZero() && m.carriedOut.isZero() &&
                  m.reallocatedOut.isZero() && m.cancelled.isZero() &&
                  m.pendingReallocation.isZero()))
                unearned.addRow({r.code, plain(m.carriedIn, c), plain(m.reallocatedIn, c),
                                 plain(m.carriedOut, c), plain(m.reallocatedOut, c),
                                 plain(m.cancelled, c), plain(m.pendingReallocation, c)});
        }
        QStringList sub{tr("%1 total").arg(d.code), QString(), QString(), QString()};
        sub << moneyCells(d.money);
        if (forecast) {
            const DliResult* f = forecast->dli(d.code);
            sub << QString() << (f ? plain(f->money.earned, c) : QString());
        }
        table.addRow(sub);
    }
    QStringList total{tr("Program"), QString(), QString(), QString()};
    total << moneyCells(verified.totals);
    if (forecast)
        total << QString() << plain(forecast->totals.earned, c);
    table.addRow(total);
    out += table.render();
    out += tr("A total's Available adds up its DLRs', so money carried or reallocated between "
              "DLRs counts at both.") +
           u"\n"_s;
    if (!unearned.isEmpty())
        out += u"\n"_s + tr("Unearned money moved between DLRs:") + u"\n"_s + unearned.render();

    out += u"\n"_s +
           tr("Financing %1; allocated to DLIs %2; outstanding advances %3 (cap %4).")
               .arg(verified.financing.format(c), verified.allocation.format(c),
                    verified.outstandingAdvances.format(c), verified.advanceCap.format(c)) +
           u"\n"_s;
    if (forecast)
        out += tr("Forecast: as if every submitted figure were verified as reported on %1; "
                  "never mixed with the verified figures above.")
                   .arg(verified.asOf.toString(Qt::ISODate)) +
               u"\n"_s;

    if (explain) {
        for (const DliResult& d : verified.dlis) {
            for (const DlrResult& r : d.dlrs) {
                out += u"\n"_s + tr("DLR %1 (%2):").arg(r.code, d.code) + u"\n"_s;
                for (const QString& line : r.explanation)
                    out += u"  "_s + line + u"\n"_s;
            }
        }
    }

    out += u"\n"_s;
    if (verified.findings.isEmpty()) {
        out += tr("No findings.") + u"\n"_s;
    } else {
        out += tr("Findings (%1):").arg(verified.findings.size()) + u"\n"_s;
        for (const Finding& f : verified.findings)
            out += u"  - ["_s + f.kind + u"] "_s + f.message + u"\n"_s;
    }
    return out;
}

} // namespace dli
