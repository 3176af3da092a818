#pragma once

#include "core/engine/value_calculator.h"
#include "core/model/program.h"

#include <QCoreApplication>
#include <QList>

namespace dli {

// One reported figure of a register-defined indicator set beside what its register says for the
// same period and org unit (DOMAIN.md, "Verify against the store").
struct ReconciliationRow {
    QString indicator;
    Period period;
    QString orgUnit;
    Decimal reported; // the figure as claimed (the observations, aggregated as the indicator says)
    Decimal registered;   // the register's figure
    Decimal gap;          // |reported - registered|
    Decimal allowed;      // the indicator's tolerance times the reported figure
    bool finding = false; // the gap is beyond the tolerance: the verifier must resolve it
};

class Reconciliation {
    Q_DECLARE_TR_FUNCTIONS(Reconciliation)
public:
    // For every period and org unit where a register-defined indicator has observations (only
    // `period` when given), the claim against the register. `claims` computes on the claims
    // basis and `registers` on the sources basis, over the same data.
    static Result<QList<ReconciliationRow>> run(const Program& program,
                                                const QList<Observation>& observations,
                                                ValueProvider& claims, ValueProvider& registers,
                                                const std::optional<Period>& period = {});
    // The gap is a finding when it exceeds tolerance x |reported|; a gap equal to it is not.
    static bool isFinding(Decimal reported, Decimal registered, Decimal tolerance);
};

} // namespace dli
