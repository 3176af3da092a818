#pragma once

#include "core/model/observation.h"
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

private:
    Database& m_db;
    const SessionOptions& m_options;
};

} // namespace dli
