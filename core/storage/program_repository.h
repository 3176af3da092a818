#pragma once

#include "core/model/program.h"
#include "core/result.h"
#include "core/storage/session_options.h"

#include <QCoreApplication>
#include <QVariant>

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

    // Single-field edits (ProgramEditor; program_repository_edit.cpp). The id of the row that
    // holds an item: the program's one row (code ignored), a result area, indicator, DLI or DLR
    // by code, or an indicator's target for a period (code "INDICATOR", period "FY2026").
    Result<QString> rowId(const QString& table, const QString& code, const QString& period = {});
    // Sets one column of one row of a program table: a null QVariant writes NULL, a string
    // text, an integer or a bool an integer.
    Status setColumn(const QString& table, const QString& id, const QString& column,
                     const QVariant& value);

private:
    Database& m_db;
    const SessionOptions& m_options;
};

} // namespace dli
