#pragma once

#include "core/model/program.h"
#include "core/result.h"

#include <QCoreApplication>

namespace dli {

class DemoTimeline;
class Session;

// The demo's data beyond the program: the four registers (firms, services, trainees, exports),
// three fiscal years of officers' observations (FY2024 to FY2026) with a few planted rule
// violations and discrepancies, and small evidence files. Everything comes from a generator
// seeded with `seed` (ids and the clock from the session's options), so the same seed gives the
// same content. Writes in one transaction of its own, after the program has been imported; each
// row carries the moment it was entered (a return some weeks after its period, a field visit's
// photo on the day of the visit), and the clock returns to where it was.
class DemoData {
    Q_DECLARE_TR_FUNCTIONS(DemoData)
public:
    static Status populate(Session& session, const Program& program, quint64 seed,
                           DemoTimeline& timeline);
    // The accounts of Demo::accounts(); the session acts as the administrator afterwards.
    static Status addAccounts(Session& session);
    // Plans the observations' way through the workflow, as the demo's officer and verifier, on
    // the timeline: each return submitted a few days after it was entered, decided on when the
    // agent's report comes in.
    static Status planWorkflow(Session& session, const Program& program, DemoTimeline& timeline);
    // Plans the demo's advance, disbursements and decisions, by its manager, on the timeline.
    static void planEvents(Session& session, const Program& program, DemoTimeline& timeline);
};

} // namespace dli
