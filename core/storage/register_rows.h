#pragma once

#include "core/model/register_fields.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <cstdint>
#include <optional>

namespace dli {

class Database;

// One stored register row, read back as the import takes it: values in the order of the
// register's fields (RegisterFields::spec), in canonical text (codes as codes, booleans
// "yes"/"no", empty for a missing value).
struct RegisterRow {
    QString id;
    QStringList values;
};

// Reads a register a page at a time, for tables of hundreds of thousands of rows that fetch as
// they scroll. The text filter keeps rows where every word of it appears in some field (case
// is ignored for ASCII letters); the order is the order of entry unless a field is named.
class RegisterRows {
    Q_DECLARE_TR_FUNCTIONS(RegisterRows)
public:
    explicit RegisterRows(Database& db) : m_db(db) {}

    struct Query {
        ImportKind kind = ImportKind::Firms;
        QString filter;
        // A field of the register to order by (then by entry), or -1 for the order of entry.
        int orderBy = -1;
        bool descending = false;
    };

    // Rows offset .. offset + limit - 1 of those the query selects.
    Result<QList<RegisterRow>> page(const Query& query, std::int64_t offset, int limit);
    // How many rows the query selects.
    Result<std::int64_t> count(const Query& query);

private:
    struct Sql {
        QString selectFrom; // "SELECT r.id, ... FROM ..."
        QString where;      // " WHERE ..." or empty
        QString orderBy;    // " ORDER BY ..."
        QStringList binds;
    };
    Result<Sql> build(const Query& query) const;

    Database& m_db;
};

} // namespace dli
