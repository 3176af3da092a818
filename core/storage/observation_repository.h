#pragma once

#include "core/model/observation.h"
#include "core/model/verification.h"
#include "core/result.h"
#include "core/storage/session_options.h"

#include <QList>
#include <cstdint>

namespace dli {

class Database;

// Reported figures. Writes happen inside the caller's transaction.
class ObservationRepository {
public:
    ObservationRepository(Database& db, const SessionOptions& options)
        : m_db(db), m_options(options)
    {}

    Result<std::int64_t> count();
    // Every stored observation, with codes for indicator and org unit.
    Result<QList<Observation>> all();
    // Stores an observation whose codes exist in the program; gives it an id if it has none.
    Result<QString> insert(const Observation& observation);

    // One observation, or NotFound.
    Result<Observation> find(const QString& id);
    // Changes an observation's state, value and note (the workflow's writes).
    Status update(const QString& id, const QString& state, const Decimal& value,
                  const QString& note);
    Status setReplacedBy(const QString& id, const QString& replacementId);
    Result<std::int64_t> evidenceCount(const QString& id);

    Status insertTransition(const Transition& t);
    Result<QList<Transition>> transitions(const QString& observationId);
    // Every transition of every observation, oldest first (to see the store as it was).
    Result<QList<Transition>> allTransitions();
    Status insertVerification(const Verification& v);
    Result<std::optional<Verification>> verification(const QString& observationId);
    // Everyone who reported or amended an observation: they may not verify it.
    Result<QStringList> authors(const QString& observationId);

private:
    Result<QList<Transition>> selectTransitions(const QString& where, const QString& bound);

    Database& m_db;
    const SessionOptions& m_options;
};

} // namespace dli
