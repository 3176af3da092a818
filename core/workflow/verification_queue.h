#pragma once

#include "core/engine/reconciliation.h"
#include "core/model/observation.h"
#include "core/model/program.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <optional>

namespace dli {

class Session;

// One submitted observation waiting for a verifier, with what the queue shows beside it.
struct QueueEntry {
    Observation observation;
    QDateTime submittedAt; // the latest submission
    int evidenceFiles = 0;
    // The current user reported or amended it, so the four-eyes rule keeps them from deciding
    // on it (ObservationRepository::authors).
    bool own = false;
    // The open sample of the observation, if any, and how far its checklist has come.
    QString openSample;
    int sampleSize = 0;
    int sampleChecked = 0; // rows with an outcome
    int sampleFailed = 0;  // rows not confirmed or not found
    // The figure against its register, for an indicator that a register defines.
    std::optional<ReconciliationRow> reconciliation;
};

// The verifier's queue (DOMAIN.md, "Verification workflow"): the submitted observations, read in
// one query, oldest submission first.
class VerificationQueue {
    Q_DECLARE_TR_FUNCTIONS(VerificationQueue)
public:
    struct Options {
        // Also the observations the current user reported or amended (marked `own`); a
        // verifier's queue leaves them out.
        bool includeOwn = false;
        // Sets each entry's reconciliation (one pass over the store for all of them).
        bool reconcile = true;
    };
    static Result<QList<QueueEntry>> load(Session& session, const Program& program,
                                          const Options& options);
    static Result<QList<QueueEntry>> load(Session& session, const Program& program)
    {
        return load(session, program, Options());
    }
};

} // namespace dli
