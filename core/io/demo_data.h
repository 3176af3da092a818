#pragma once

#include "core/model/program.h"
#include "core/result.h"

#include <QCoreApplication>

namespace dli {

class Session;

// The demo's data beyond the program: the four registers (firms, services, trainees, exports),
// three fiscal years of officers' observations (FY2024 to FY2026) with a few planted rule
// violations and discrepancies, and small evidence files. Everything comes from a generator
// seeded with `seed` (ids and the clock from the session's options), so the same seed gives the
// same content. Writes in one transaction of its own, after the program has been imported.
class DemoData {
    Q_DECLARE_TR_FUNCTIONS(DemoData)
public:
    static Status populate(Session& session, const Program& program, quint64 seed);
    // The accounts of Demo::accounts(); the session acts as the administrator afterwards.
    static Status addAccounts(Session& session);
    // Moves the observations through the workflow as the demo's officer and verifier.
    static Status runWorkflow(Session& session, const Program& program);
    // Records the demo's advance, disbursements and decisions as its manager.
    static Status recordEvents(Session& session, const Program& program);
};

} // namespace dli
