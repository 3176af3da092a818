#include "core/charts/chart_source.h"

#include "core/storage/session.h"
#include "core/workflow/disbursements.h"

namespace dli {

Result<QList<Observation>> ChartSource::observations()
{
    if (!m_knownAt.isValid())
        return m_session.observations().all();
    DisbursementEngine::Input in;
    DLI_ASSIGN(in, input());
    return in.observations;
}

Result<DisbursementEngine::Input> ChartSource::input()
{
    if (!m_input) {
        DisbursementEngine::Input in;
        DLI_ASSIGN(in, Disbursements(m_session, m_program).inputs(m_asOf, m_knownAt));
        m_input = std::move(in);
    }
    return *m_input;
}

Result<Disbursement> ChartSource::disbursement()
{
    if (!m_result) {
        DisbursementEngine::Input in;
        DLI_ASSIGN(in, input());
        m_result = DisbursementEngine::compute(m_program, in);
    }
    return *m_result;
}

} // namespace dli
