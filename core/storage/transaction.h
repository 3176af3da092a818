#pragma once

#include "core/result.h"

namespace dli {

class Database;

// Scoped write transaction: commit() makes it durable; leaving the scope without commit() rolls
// everything back, so an error half-way leaves the database as it was. Inside another
// transaction it is a savepoint: commit() keeps its writes for the outer one to commit, and
// leaving without commit() undoes its writes only (a field return's import applies each change
// this way, all of them in one transaction).
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
    bool m_nested = false;
};

} // namespace dli
