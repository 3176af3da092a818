#pragma once

#include "core/engine/indicator_value.h"
#include "core/model/decimal.h"
#include "core/model/indicator.h"
#include "core/model/period.h"
#include "core/model/program.h"
#include "core/model/validation_rule.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace dli {

// A rule that does not hold for one period and org unit, with both sides' values.
struct Violation {
    QString rule; // the rule's code, or "built-in:..." for a built-in check
    Severity severity = Severity::Error;
    Period period;
    QString orgUnit;
    Decimal left;
    Decimal right;
    QString message;

    friend bool operator==(const Violation&, const Violation&) = default;
};

// Evaluates validation rules (DOMAIN.md, "Validation rules") against values from a
// ValueProvider; it reads no database.
class RuleEngine {
    Q_DECLARE_TR_FUNCTIONS(RuleEngine)
public:
    // Rule codes of the built-in checks on values.
    static constexpr QStringView NegativeCount = u"built-in:negative";
    static constexpr QStringView PercentRange = u"built-in:percent-range";
    static constexpr QStringView YesNo = u"built-in:yes-no";

    // Evaluates every validation rule of the program for every given period and org unit, in
    // that order (periods outermost, rules innermost, each in the order given). A rule is
    // skipped for a (period, unit) where any indicator it names has no value there, or where a
    // side cannot be evaluated (a division by zero: the rule does not apply). Values come from
    // the provider (the value for the unit and its subtree). Fails when a rule does not compile
    // (the error located at validation_rules[i].left or .right) or the provider fails.
    static Result<QList<Violation>> evaluate(const Program& program, ValueProvider& provider,
                                             const QList<Period>& periods,
                                             const QStringList& orgUnits);

    // Whether `left op right` holds, compared exactly.
    static bool holds(Decimal left, RuleOperator op, Decimal right);

    // The built-in checks on one value of an indicator: a `number` is never negative
    // (NegativeCount), a `percent` lies in 0..100 (PercentRange), a `yesno` or `milestone` is 0
    // or 1 (YesNo). Empty when the value passes. Left is the value, right the bound it broke.
    static QList<Violation> builtIn(const Indicator& indicator, const Period& period,
                                    const QString& orgUnit, Decimal value);
    // The built-in checks on every indicator's value for every given period and org unit
    // (skipping where there is no value); fails when the provider fails.
    static Result<QList<Violation>> evaluateBuiltIn(const Program& program, ValueProvider& provider,
                                                    const QList<Period>& periods,
                                                    const QStringList& orgUnits);

    // The periods worth checking for a program: every fiscal year in the program's range, each
    // followed by its four quarters, chronologically.
    static QList<Period> allPeriods(const Program& program);
    // Every org unit's code, in program order.
    static QStringList allOrgUnits(const Program& program);
};

} // namespace dli
