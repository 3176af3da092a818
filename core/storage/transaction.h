#pragma once

#include "core/result.h"

namespace dli {

class Database;

// Scoped write transaction: commit() makes it durable; leaving the scope without commit() rolls
// everything back, so an error half-way leaves the database as it was.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Whether BEGIN succeeded; check before writing.
    Status begun() const { return m_begun; }
    Status commit();

private:
    Database& m_db;
    Status m_begun;
    bool m_open = false;
};

} // namespace dli
