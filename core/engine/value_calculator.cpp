#include "core/engine/value_calculator.h"

#include "core/model/int128.h"

#include <QMap>
#include <numeric>
#include <stdexcept>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// num / den (den > 0) rounded half away from zero.
Int128 divideRounded(Int128 num, Int128 den)
{
    const Int128 n = num < 0 ? -num : num;
    Int128 q = n / den;
    if ((n % den) * 2 >= den)
        ++q;
    return num < 0 ? -q : q;
}

} // namespace

ValueCalculator::ValueCalculator(const Program& program, QList<Observation> observations,
                                 RegisterAggregate registers, Basis basis)
    : m_program(program), m_registers(std::move(registers)), m_basis(basis)
{
    QHash<QString, const Observation*> byId;
    for (const Observation& o : observations)
        byId.insert(o.id, &o);
    // A correction counts once it is verified (then the figure it corrects is superseded);
    // until then the verified figure it corrects keeps counting (DOMAIN.md).
    QSet<QString> waiting;
    for (const Observation& o : observations) {
        if (o.state == u"verified"_s)
            continue;
        QString back = o.replaces;
        for (int hops = 0; !back.isEmpty() && hops < observations.size(); ++hops) {
            const Observation* earlier = byId.value(back);
            if (!earlier)
                break;
            if (earlier->state == u"verified"_s) {
                waiting.insert(o.id);
                break;
            }
            back = earlier->replaces;
        }
    }
    for (Observation& o : observations) {
        if (!counts(o) || waiting.contains(o.id))
            continue;
        o.value = o.countedValue(); // a verified figure counts with its verified value
        m_byIndicator[o.indicator] << std::move(o);
    }
}

bool ValueCalculator::counts(const Observation& o)
{
    return o.state != u"rejected"_s && o.state != u"superseded"_s;
}

QStringList ValueCalculator::subtree(const QString& orgUnit) const
{
    QStringList out{orgUnit};
    for (qsizetype i = 0; i < out.size(); ++i) {
        for (const OrgUnit* child : m_program.children(out[i]))
            out << child->code;
    }
    return out;
}

Result<IndicatorValue> ValueCalculator::value(const QString& indicator, const Period& period,
                                              const QString& orgUnit)
{
    const QString key = indicator + u'|' + period.code() + u'|' + orgUnit;
    if (auto it = m_cache.constFind(key); it != m_cache.constEnd())
        return it.value();
    const Indicator* x = m_program.indicator(indicator);
    if (!x)
        return Error(ErrorCode::NotFound, tr("unknown indicator \"%1\"").arg(indicator));
    if (!m_program.orgUnit(orgUnit))
        return Error(ErrorCode::NotFound, tr("unknown org unit \"%1\"").arg(orgUnit));
    if (m_inProgress.contains(key))
        return Error(ErrorCode::InvalidInput,
                     tr("the formula of %1 refers back to itself").arg(indicator));
    m_inProgress.insert(key);
    Result<IndicatorValue> v = IndicatorValue::none();
    try {
        v = compute(*x, period, orgUnit);
    } catch (const std::overflow_error&) {
        // Exact decimals hold about 9.2 million million; a total beyond that is an input error.
        v = Error(ErrorCode::InvalidInput,
                  tr("the value of %1 for %2 at %3 is too large to compute exactly")
                      .arg(indicator, period.code(), orgUnit));
    }
    m_inProgress.remove(key);
    if (v)
        m_cache.insert(key, v.value());
    return v;
}

Result<IndicatorValue> ValueCalculator::compute(const Indicator& x, const Period& period,
                                                const QString& orgUnit)
{
    // An indicator reported yearly has no value for a quarter, whatever its source.
    if (x.frequency == Frequency::Yearly && period.isQuarter())
        return IndicatorValue::none(tr("%1 is reported yearly").arg(x.code));
    switch (x.source.kind) {
    case SourceKind::Reported:
        return reported(x, period, orgUnit);
    case SourceKind::Register:
        if (m_basis == Basis::Claims)
            return reported(x, period, orgUnit);
        return fromRegister(x, period, orgUnit);
    case SourceKind::Formula:
        return fromFormula(x, period, orgUnit);
    }
    return IndicatorValue::none();
}

IndicatorValue ValueCalculator::reported(const Indicator& x, const Period& period,
                                         const QString& orgUnit)
{
    const int sm = m_program.fiscalYearStartMonth;
    const QStringList units = subtree(orgUnit);
    const bool whole = m_program.rootOrgUnit() && orgUnit == m_program.rootOrgUnit()->code;
    QList<const Observation*> mine;
    // Pointers into the member's own list: a range-for over value()'s temporary copy detaches
    // it, and the pointers would then dangle once the loop ends.
    const auto list = m_byIndicator.constFind(x.code);
    if (list != m_byIndicator.constEnd()) {
        for (const Observation& o : *list) {
            if (units.contains(o.orgUnit))
                mine << &o;
        }
    }
    IndicatorValue v;
    v.verifiedOnly = true;
    auto take = [&v](const Observation& o) {
        ++v.observations;
        v.verifiedOnly = v.verifiedOnly && o.state == u"verified"_s;
    };

    switch (x.aggregation) {
    case Aggregation::Sum: {
        Decimal total;
        if (x.cumulative) {
            // The baseline plus every increment for periods that begin after the baseline date.
            for (const Observation* o : mine) {
                if (o->period.start(sm) > x.baseline.date && o->period.end(sm) <= period.end(sm)) {
                    total += o->value;
                    take(*o);
                }
            }
            if (whole) {
                total += x.baseline.value;
                v.hasValue = true;
            }
        } else {
            for (const Observation* o : mine) {
                if (period.contains(o->period)) {
                    total += o->value;
                    take(*o);
                }
            }
        }
        v.value = total;
        v.hasValue = v.hasValue || v.observations > 0;
        break;
    }
    case Aggregation::Latest: {
        // The latest level per unit and category at or before the period, then added up.
        QMap<QString, const Observation*> latest;
        for (const Observation* o : mine) {
            if (o->period.end(sm) > period.end(sm))
                continue;
            const QString key = o->orgUnit + u'|' + o->category;
            const Observation* seen = latest.value(key);
            if (!seen || seen->period.end(sm) < o->period.end(sm))
                latest.insert(key, o);
        }
        Decimal total;
        for (const Observation* o : latest) {
            total += o->value;
            take(*o);
        }
        if (latest.isEmpty() && whole) {
            v.value = x.baseline.value; // a baseline belongs to the whole program
            v.hasValue = true;
        } else {
            v.value = total;
            v.hasValue = !latest.isEmpty();
        }
        break;
    }
    case Aggregation::Mean: {
        // Per unit (its categories added), the mean of its observations inside the period; over
        // several units, the mean of those means.
        QMap<QString, QMap<QString, QList<Decimal>>> byUnit;
        for (const Observation* o : mine) {
            if (period.contains(o->period)) {
                byUnit[o->orgUnit][o->category] << o->value;
                take(*o);
            }
        }
        if (byUnit.isEmpty())
            break;
        // Rounded once: every mean is sum / count, so the result is the sum of sum * (L / count)
        // over L * units, L being the least common multiple of the counts (a handful of
        // observations per unit and period); rounding each mean first could be off by 0.000001.
        std::int64_t common = 1;
        for (const auto& categories : byUnit) {
            for (const QList<Decimal>& values : categories)
                common = std::lcm(common, static_cast<std::int64_t>(values.size()));
        }
        Int128 numerator = 0;
        for (const auto& categories : byUnit) {
            for (const QList<Decimal>& values : categories) {
                Int128 sum = 0;
                for (const Decimal& d : values)
                    sum += d.units();
                numerator += sum * (common / static_cast<std::int64_t>(values.size()));
            }
        }
        v.value = Decimal::fromUnits(static_cast<std::int64_t>(
            divideRounded(numerator, Int128(common) * static_cast<Int128>(byUnit.size()))));
        v.hasValue = true;
        break;
    }
    }
    if (v.observations == 0)
        v.verifiedOnly = false;
    if (!v.hasValue)
        v.note = tr("nothing reported");
    return v;
}

Result<IndicatorValue> ValueCalculator::fromRegister(const Indicator& x, const Period& period,
                                                     const QString& orgUnit)
{
    if (!m_registers)
        return IndicatorValue::none(tr("registers are not available"));
    const int sm = m_program.fiscalYearStartMonth;
    const bool whole = m_program.rootOrgUnit() && orgUnit == m_program.rootOrgUnit()->code;
    // A cumulative distinct count runs over the whole window from the baseline date, so that a
    // firm served in two quarters counts once.
    const QDate from = x.cumulative ? x.baseline.date.addDays(1) : period.start(sm);
    const QDate to = period.end(sm);
    auto total = m_registers(x.source, from, to, whole ? QStringList() : subtree(orgUnit));
    if (!total)
        return total.error();
    IndicatorValue v;
    v.hasValue = true;
    v.value = total.value();
    if (x.cumulative && whole)
        v.value += x.baseline.value;
    return v;
}

Result<IndicatorValue> ValueCalculator::fromFormula(const Indicator& x, const Period& period,
                                                    const QString& orgUnit)
{
    if (!m_formulas.contains(x.code)) {
        auto compiled = Expression::compile(x.source.formula);
        if (!compiled)
            return compiled.error();
        m_formulas.insert(x.code, compiled.value());
    }
    // A copy (it shares the compiled parser): evaluating inputs may grow the hash.
    const Expression expression = m_formulas.value(x.code);
    QHash<QString, Decimal> inputs;
    IndicatorValue v;
    v.verifiedOnly = true;
    for (const QString& name : expression.variables()) {
        auto input = value(name, period, orgUnit);
        if (!input)
            return input.error();
        if (!input->hasValue)
            return IndicatorValue::none(tr("no value for %1").arg(name));
        inputs.insert(name, input->value);
        v.observations += input->observations;
        v.verifiedOnly = v.verifiedOnly && input->verifiedOnly;
    }
    auto result = expression.evaluate(inputs);
    if (!result)
        return IndicatorValue::none(result.error().message);
    v.hasValue = true;
    v.value = result.value();
    return v;
}

} // namespace dli
