#pragma once

#include "core/model/observation.h"
#include "core/model/program.h"
#include "core/result.h"

#include <QList>

namespace dli {

class Session;

// What waits for someone: the figures a verifier has to decide on, the validation rules the
// figures break, the reported figures that disagree with their registers, and the evidence
// photos of field visits with findings for the verifiers' supervisor. The dashboard shows these
// counts, each a link to the page that resolves them.
struct AttentionCounts {
    int awaitingVerification = 0;   // submitted observations
    int validationErrors = 0;       // violations of error severity (`validate`)
    int validationWarnings = 0;     // violations of warning severity
    int reconciliationFindings = 0; // gaps beyond tolerance (`reconcile`)
    int photoFindings = 0;          // evidence photos judged with findings (`evidence list`)
};

class Attention {
public:
    // Counts over the store. `observations` are the store's current observations (a caller that
    // has just read them for the engine passes them instead of reading them again).
    static Result<AttentionCounts> count(Session& session, const Program& program,
                                         const QList<Observation>& observations);
    static Result<AttentionCounts> count(Session& session, const Program& program);
};

} // namespace dli
