#pragma once

#include "core/engine/disbursement.h"
#include "core/result.h"

#include <QList>

namespace dli {

class Database;

// Money events as recorded (docs/disbursement.md). Writes happen inside the caller's
// transaction; the caller audits them.
class EventRepository {
public:
    explicit EventRepository(Database& db) : m_db(db) {}

    // Every event, in recording order, with amounts in the minor units of the currency.
    Result<QList<DisbursementEvent>> all();
    // Stores the event with the next sequence number, which it returns.
    Result<qint64> insert(const DisbursementEvent& event);

private:
    Database& m_db;
};

} // namespace dli
