#pragma once

#include "core/model/observation.h"
#include "core/model/program.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace dli {

// The built-in checks of one reported value against the program: known indicator and org unit,
// the indicator's reporting level and frequency, its disaggregation, the program's periods and
// the value's range for the indicator's unit. Entry, import and the GUI all use it.
class ObservationChecker {
    Q_DECLARE_TR_FUNCTIONS(ObservationChecker)
public:
    struct Problem {
        QString field; // "indicator", "period", "org_unit", "category" or "value"
        QString message;
    };
    static QList<Problem> check(const Program& program, const Observation& observation);
};

} // namespace dli
