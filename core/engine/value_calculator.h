#pragma once

#include "core/engine/expression.h"
#include "core/engine/indicator_value.h"
#include "core/model/observation.h"
#include "core/model/program.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <functional>

namespace dli {

// Computes indicator values from observations, registers and formulas, as DOMAIN.md's "Where an
// indicator's value comes from" says. It reads no database: observations come in as values and
// register aggregates through a function, so tests run without a file.
class ValueCalculator : public ValueProvider {
    Q_DECLARE_TR_FUNCTIONS(ValueCalculator)
public:
    // What a register-sourced indicator counts or sums over rows dated from..to that belong to
    // the org units (empty: all).
    using RegisterAggregate =
        std::function<Result<Decimal>(const IndicatorSource& source, const QDate& from,
                                      const QDate& to, const QStringList& orgUnits)>;

    // Which figures a register-defined indicator takes: its register (as the program defines
    // it), or the officers' claims, the observations reported for it. Validation rules and the
    // money engine work on claims; reconciliation compares the two.
    enum class Basis { Sources, Claims };

    ValueCalculator(const Program& program, QList<Observation> observations,
                    RegisterAggregate registers = {}, Basis basis = Basis::Sources);

    // The value for the org unit and its subtree. Results are cached.
    Result<IndicatorValue> value(const QString& indicator, const Period& period,
                                 const QString& orgUnit) override;

    // The org unit and every unit below it.
    QStringList subtree(const QString& orgUnit) const;
    // Observations that count: every current one except rejected or superseded ones.
    static bool counts(const Observation& o);

private:
    Result<IndicatorValue> compute(const Indicator& x, const Period& period,
                                   const QString& orgUnit);
    IndicatorValue reported(const Indicator& x, const Period& period, const QString& orgUnit);
    Result<IndicatorValue> fromRegister(const Indicator& x, const Period& period,
                                        const QString& orgUnit);
    Result<IndicatorValue> fromFormula(const Indicator& x, const Period& period,
                                       const QString& orgUnit);

    const Program& m_program;
    QHash<QString, QList<Observation>> m_byIndicator;
    RegisterAggregate m_registers;
    Basis m_basis;
    QHash<QString, IndicatorValue> m_cache;
    QSet<QString> m_inProgress;            // formula cycle guard
    QHash<QString, Expression> m_formulas; // compiled once per indicator
};

} // namespace dli
