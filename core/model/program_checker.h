#pragma once

#include "core/model/program.h"

#include <QCoreApplication>
#include <QStringList>

namespace dli {

// Checks that a program whose fields all have the right types also makes sense as a whole:
// codes known and unique, the org-unit tree well formed, periods inside the program, money that
// adds up, baselines and targets apart, formulas and rules that muParser compiles, formulas
// without cycles. Each problem is reported as "json.path: message", the path being where the
// thing stands in the program file.
class ProgramChecker {
    Q_DECLARE_TR_FUNCTIONS(ProgramChecker)
public:
    static QStringList check(const Program& program);
    // Indicator codes a formula or rule expression names, in order of first use (function names
    // and muParser's constants excluded): as muParser reads them when the expression compiles,
    // else as they appear to be.
    static QStringList identifiers(const QString& expression);
};

} // namespace dli
