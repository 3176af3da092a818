#include "core/engine/rule_engine.h"

#include "core/engine/expression.h"

#include <QHash>
#include <optional>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

struct CompiledRule {
    const ValidationRule* rule = nullptr;
    Expression left;
    Expression right;
    QStringList names; // indicators named on either side
};

Result<QList<CompiledRule>> compileRules(const Program& program)
{
    QList<CompiledRule> out;
    out.reserve(program.validationRules.size());
    for (qsizetype i = 0; i < program.validationRules.size(); ++i) {
        const ValidationRule& v = program.validationRules[i];
        const QString path = u"validation_rules["_s + QString::number(i) + u"]."_s;
        CompiledRule c;
        c.rule = &v;
        auto left = Expression::compile(v.left);
        if (!left)
            return Error(ErrorCode::InvalidInput, left.error().message, path + u"left"_s);
        auto right = Expression::compile(v.right);
        if (!right)
            return Error(ErrorCode::InvalidInput, right.error().message, path + u"right"_s);
        c.left = std::move(left).value();
        c.right = std::move(right).value();
        c.names = c.left.variables();
        for (const QString& name : c.right.variables()) {
            if (!c.names.contains(name))
                c.names << name;
        }
        out << std::move(c);
    }
    return out;
}

// The values of one period and org unit, asked of the provider once each.
class ValueCache {
public:
    ValueCache(ValueProvider& provider, const Period& period, const QString& orgUnit)
        : m_provider(provider), m_period(period), m_orgUnit(orgUnit)
    {}

    // The value, nullopt when there is none, or the provider's error.
    Result<std::optional<Decimal>> get(const QString& indicator)
    {
        if (const auto it = m_values.constFind(indicator); it != m_values.constEnd())
            return *it;
        auto v = m_provider.value(indicator, m_period, m_orgUnit);
        if (!v)
            return v.error();
        std::optional<Decimal> value;
        if (v->hasValue)
            value = v->value;
        m_values.insert(indicator, value);
        return value;
    }

private:
    ValueProvider& m_provider;
    const Period& m_period;
    const QString& m_orgUnit;
    QHash<QString, std::optional<Decimal>> m_values;
};

QString operatorName(RuleOperator op)
{
    return enumToString(kRuleOperatorNames, op);
}

} // namespace

bool RuleEngine::holds(Decimal left, RuleOperator op, Decimal right)
{
    switch (op) {
    case RuleOperator::Less:
        return left < right;
    case RuleOperator::LessEqual:
        return left <= right;
    case RuleOperator::Equal:
        return left == right;
    case RuleOperator::NotEqual:
        return left != right;
    case RuleOperator::GreaterEqual:
        return left >= right;
    case RuleOperator::Greater:
        return left > right;
    }
    return false;
}

Result<QList<Violation>> RuleEngine::evaluate(const Program& program, ValueProvider& provider,
                                              const QList<Period>& periods,
                                              const QStringList& orgUnits)
{
    QList<CompiledRule> rules;
    DLI_ASSIGN(rules, compileRules(program));
    QList<Violation> out;
    if (rules.isEmpty())
        return out;
    for (const Period& period : periods) {
        for (const QString& orgUnit : orgUnits) {
            ValueCache cache(provider, period, orgUnit);
            for (const CompiledRule& c : std::as_const(rules)) {
                QHash<QString, Decimal> values;
                bool complete = true;
                for (const QString& name : c.names) {
                    std::optional<Decimal> v;
                    DLI_ASSIGN(v, cache.get(name));
                    if (!v) {
                        complete = false;
                        break;
                    }
                    values.insert(name, *v);
                }
                if (!complete)
                    continue;
                const auto left = c.left.evaluate(values);
                const auto right = c.right.evaluate(values);
                if (!left || !right)
                    continue; // e.g. a share of nothing: the rule does not apply here
                if (holds(*left, c.rule->op, *right))
                    continue;
                const ValidationRule& r = *c.rule;
                const QString message =
                    !r.message.isEmpty()
                        ? r.message
                        : tr("%1 %2 %3 does not hold").arg(r.left, operatorName(r.op), r.right);
                out << Violation{r.code, r.severity, period, orgUnit, *left, *right, message};
            }
        }
    }
    return out;
}

QList<Violation> RuleEngine::builtIn(const Indicator& indicator, const Period& period,
                                     const QString& orgUnit, Decimal value)
{
    const auto violation = [&](QStringView rule, Decimal bound, const QString& message) {
        return QList<Violation>{
            Violation{rule.toString(), Severity::Error, period, orgUnit, value, bound, message}};
    };
    const Decimal zero;
    const QString v = value.toString();
    switch (indicator.unit) {
    case IndicatorUnit::Number:
        if (value.isNegative())
            return violation(NegativeCount, zero,
                             tr("%1 is %2: a count cannot be negative").arg(indicator.code, v));
        break;
    case IndicatorUnit::Percent: {
        const Decimal hundred = Decimal::fromInt(100);
        if (value.isNegative() || value > hundred)
            return violation(
                PercentRange, value.isNegative() ? zero : hundred,
                tr("%1 is %2: a percentage lies between 0 and 100").arg(indicator.code, v));
        break;
    }
    case IndicatorUnit::YesNo:
    case IndicatorUnit::Milestone: {
        const Decimal one = Decimal::fromInt(1);
        if (value != zero && value != one)
            return violation(
                YesNo, value.isNegative() ? zero : one,
                tr("%1 is %2: a %3 indicator is 1 for yes and 0 for no")
                    .arg(indicator.code, v, enumToString(kIndicatorUnitNames, indicator.unit)));
        break;
    }
    case IndicatorUnit::Currency:
        break;
    }
    return {};
}

Result<QList<Violation>> RuleEngine::evaluateBuiltIn(const Program& program,
                                                     ValueProvider& provider,
                                                     const QList<Period>& periods,
                                                     const QStringList& orgUnits)
{
    QList<Violation> out;
    for (const Period& period : periods) {
        for (const QString& orgUnit : orgUnits) {
            for (const Indicator& indicator : program.indicators) {
                if (indicator.unit == IndicatorUnit::Currency)
                    continue;
                auto v = provider.value(indicator.code, period, orgUnit);
                if (!v)
                    return v.error();
                if (v->hasValue)
                    out << builtIn(indicator, period, orgUnit, v->value);
            }
        }
    }
    return out;
}

QList<Period> RuleEngine::allPeriods(const Program& program)
{
    QList<Period> out;
    const Period first = program.firstYear();
    const Period last = program.lastYear();
    if (!first.isValid() || !last.isValid())
        return out;
    for (int fy = first.fiscalYear(); fy <= last.fiscalYear(); ++fy) {
        const Period year = Period::year(fy);
        out << year << year.quarters();
    }
    return out;
}

QStringList RuleEngine::allOrgUnits(const Program& program)
{
    QStringList out;
    out.reserve(program.orgUnits.size());
    for (const OrgUnit& u : program.orgUnits)
        out << u.code;
    return out;
}

} // namespace dli
