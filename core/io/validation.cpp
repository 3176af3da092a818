#include "core/io/validation.h"

#include "core/engine/value_calculator.h"
#include "core/io/values_report.h"
#include "core/storage/session.h"

namespace dli {

Result<QList<Violation>> Validation::run(Session& session, const Program& program,
                                         const std::optional<Period>& period,
                                         const QString& orgUnit)
{
    auto calc = ValuesReport::calculator(session, program, true);
    if (!calc)
        return calc.error();
    const QList<Period> periods = period ? QList<Period>{*period} : RuleEngine::allPeriods(program);
    const QStringList units =
        orgUnit.isEmpty() ? RuleEngine::allOrgUnits(program) : calc.value()->subtree(orgUnit);
    auto violations = RuleEngine::evaluate(program, *calc.value(), periods, units);
    if (!violations)
        return violations.error();
    auto observations = session.observations().all();
    if (!observations)
        return observations.error();
    for (const Observation& o : observations.value()) {
        if (!ValueCalculator::counts(o) || !units.contains(o.orgUnit))
            continue;
        if (period && !period->contains(o.period))
            continue;
        if (const Indicator* x = program.indicator(o.indicator))
            violations.value() << RuleEngine::builtIn(*x, o.period, o.orgUnit, o.value);
    }
    return violations;
}

} // namespace dli
