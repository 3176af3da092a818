#pragma once

#include "core/model/program.h"
#include "core/result.h"
#include "core/storage/session_options.h"

#include <QCoreApplication>

namespace dli {

class Database;

// Stores the one program of a database in its tables, and reads it back.
// Writes happen inside the caller's transaction.
class ProgramRepository {
    Q_DECLARE_TR_FUNCTIONS(ProgramRepository)
public:
    ProgramRepository(Database& db, const SessionOptions& options) : m_db(db), m_options(options) {}

    Result<bool> exists();
    // The stored program; NotFound when the database has none yet.
    Result<Program> load();
    // Writes a program into empty program tables.
    Status insert(const Program& program);
    // Removes the program definition (refused by foreign keys once observations refer to it).
    Status removeAll();

private:
    Database& m_db;
    const SessionOptions& m_options;
};

} // namespace dli
