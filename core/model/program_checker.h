#pragma once

#include "core/model/program.h"

#include <QCoreApplication>
#include <QStringList>

namespace dli {

// Checks that a program whose fields all have the right types also makes sense as a whole:
// codes known and unique, the org-unit tree well formed, periods inside the program, money that
// adds up, baselines and targets apart, formulas without cycles. Each problem is reported as
// "json.path: message", the path being where the thing stands in the program file.
class ProgramChecker {
    Q_DECLARE_TR_FUNCTIONS(ProgramChecker)
public:
    static QStringList check(const Program& program);
    // Indicator codes a formula or rule expression names (function names excluded).
    static QStringList identifiers(const QString& expression);
};

} // namespace dli
