#pragma once

#include "core/model/decimal.h"
#include "core/model/period.h"
#include "core/result.h"

#include <QString>

namespace dli {

// The value of an indicator for one period and org unit (with its subtree).
struct IndicatorValue {
    bool hasValue = false; // false when nothing was reported or computable
    Decimal value;
    bool verifiedOnly = false; // true when every figure it rests on is verified
    int observations = 0;      // reported observations it rests on (0 for register values)
    QString note;              // why there is no value, e.g. "division by zero"

    static IndicatorValue none(const QString& why = {})
    {
        IndicatorValue v;
        v.note = why;
        return v;
    }
};

// Anything that can give an indicator's value: the calculator over the store, or a test double.
// Validation rules and formulas ask it for the values they combine.
class ValueProvider {
public:
    virtual ~ValueProvider() = default;
    virtual Result<IndicatorValue> value(const QString& indicator, const Period& period,
                                         const QString& orgUnit) = 0;
};

} // namespace dli
