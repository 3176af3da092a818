#include "core/engine/reconciliation.h"

#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

Decimal absolute(Decimal d)
{
    return d.isNegative() ? -d : d;
}

} // namespace

bool Reconciliation::isFinding(Decimal reported, Decimal registered, Decimal tolerance)
{
    return absolute(reported - registered) > tolerance * absolute(reported);
}

Result<QList<ReconciliationRow>> Reconciliation::run(const Program& program,
                                                     const QList<Observation>& observations,
                                                     ValueProvider& claims,
                                                     ValueProvider& registers,
                                                     const std::optional<Period>& period)
{
    // The (indicator, period, org unit) keys that carry a claim, in a stable order.
    QList<std::tuple<int, Period, int>> keys;
    QSet<QString> seen;
    for (const Observation& o : observations) {
        if (!ValueCalculator::counts(o))
            continue;
        const Indicator* x = program.indicator(o.indicator);
        if (!x || x->source.kind != SourceKind::Register)
            continue;
        if (period && *period != o.period)
            continue;
        const QString key = o.indicator + u'|' + o.period.code() + u'|' + o.orgUnit;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        const auto xi = static_cast<int>(x - program.indicators.constData());
        int ui = 0;
        for (; ui < program.orgUnits.size(); ++ui) {
            if (program.orgUnits[ui].code == o.orgUnit)
                break;
        }
        keys.append({xi, o.period, ui});
    }
    std::sort(keys.begin(), keys.end());

    QList<ReconciliationRow> rows;
    for (const auto& [xi, p, ui] : keys) {
        const Indicator& x = program.indicators[xi];
        const QString unit = program.orgUnits.value(ui).code;
        auto claimed = claims.value(x.code, p, unit);
        if (!claimed)
            return claimed.error();
        auto registered = registers.value(x.code, p, unit);
        if (!registered)
            return registered.error();
        if (!claimed->hasValue || !registered->hasValue)
            continue;
        ReconciliationRow r;
        r.indicator = x.code;
        r.period = p;
        r.orgUnit = unit;
        r.reported = claimed->value;
        r.registered = registered->value;
        r.gap = absolute(r.reported - r.registered);
        r.allowed = x.tolerance * absolute(r.reported);
        r.finding = isFinding(r.reported, r.registered, x.tolerance);
        rows << r;
    }
    return rows;
}

} // namespace dli
