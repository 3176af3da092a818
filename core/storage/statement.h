#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace dli {

// A prepared SQLite statement, finalized when it goes out of scope.
// Binding uses 1-based positions as SQLite does.
class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int pos, const QString& text);
    Statement& bind(int pos, std::int64_t value);
    Statement& bind(int pos, int value) { return bind(pos, static_cast<std::int64_t>(value)); }
    Statement& bind(int pos, bool value) { return bind(pos, static_cast<std::int64_t>(value)); }
    Statement& bindBlob(int pos, const QByteArray& bytes);
    Statement& bindNull(int pos);
    // Binds NULL for an empty optional.
    Statement& bindOptional(int pos, const std::optional<QString>& text);
    Statement& bindOptional(int pos, const std::optional<std::int64_t>& value);

    // Steps once: true while a row is available, false when done.
    Result<bool> step();
    // Runs a statement that returns no rows to completion.
    Status exec();
    void reset();

    // The result columns, for code that reads any table (the audit log).
    enum class Type { Integer, Real, Text, Blob, Null };
    int columnCount() const;
    QString columnName(int col) const;
    Type type(int col) const;
    QByteArray utf8(int col) const; // a text column's bytes as stored

    QString text(int col) const;
    std::int64_t int64(int col) const;
    int integer(int col) const { return static_cast<int>(int64(col)); }
    bool boolean(int col) const { return int64(col) != 0; }
    bool isNull(int col) const;
    QByteArray blob(int col) const;
    std::optional<QString> optionalText(int col) const;
    std::optional<std::int64_t> optionalInt64(int col) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace dli
