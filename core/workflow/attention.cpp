#include "core/workflow/attention.h"

#include "core/engine/reconciliation.h"
#include "core/engine/value_calculator.h"
#include "core/io/validation.h"
#include "core/io/values_report.h"
#include "core/model/verification.h"
#include "core/storage/session.h"

namespace dli {

Result<AttentionCounts> Attention::count(Session& session, const Program& program,
                                         const QList<Observation>& observations)
{
    AttentionCounts out;
    for (const Observation& o : observations) {
        if (o.state == ObservationState::Submitted)
            ++out.awaitingVerification;
    }
    QList<Violation> violations;
    DLI_ASSIGN(violations, Validation::run(session, program));
    for (const Violation& v : violations) {
        if (v.severity == Severity::Error)
            ++out.validationErrors;
        else
            ++out.validationWarnings;
    }
    auto claims = ValuesReport::calculator(session, program, true);
    if (!claims)
        return claims.error();
    auto registers = ValuesReport::calculator(session, program, false);
    if (!registers)
        return registers.error();
    QList<ReconciliationRow> rows;
    DLI_ASSIGN(rows,
               Reconciliation::run(program, observations, *claims.value(), *registers.value()));
    for (const ReconciliationRow& r : rows) {
        if (r.finding)
            ++out.reconciliationFindings;
    }
    std::int64_t photos = 0;
    DLI_ASSIGN(photos, session.evidence().countWithFindings());
    out.photoFindings = static_cast<int>(photos);
    return out;
}

Result<AttentionCounts> Attention::count(Session& session, const Program& program)
{
    QList<Observation> observations;
    DLI_ASSIGN(observations, session.observations().all());
    return count(session, program, observations);
}

} // namespace dli
