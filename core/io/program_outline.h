#pragma once

#include "core/model/program.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace dli {

// The results framework as people read it: results areas > indicators > DLIs > DLRs, with
// allocations, targets and periods, then the org units. Used by `dlitracker-cli show`.
class ProgramOutline {
    Q_DECLARE_TR_FUNCTIONS(ProgramOutline)
public:
    static QString text(const Program& program);
    // The same content as structured JSON, with the baselines the DLRs actually use.
    static QByteArray json(const Program& program);
};

} // namespace dli
