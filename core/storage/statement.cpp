#include "core/storage/statement.h"

#include "core/storage/database.h"

#include <sqlite3.h>

namespace dli {

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int pos, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, pos, utf8.constData(), static_cast<int>(utf8.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int pos, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, pos, value);
    return *this;
}

Statement& Statement::bindBlob(int pos, const QByteArray& bytes)
{
    sqlite3_bind_blob64(m_stmt, pos, bytes.constData(), static_cast<sqlite3_uint64>(bytes.size()),
                        SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindNull(int pos)
{
    sqlite3_bind_null(m_stmt, pos);
    return *this;
}

Statement& Statement::bindOptional(int pos, const std::optional<QString>& text)
{
    return text ? bind(pos, *text) : bindNull(pos);
}

Statement& Statement::bindOptional(int pos, const std::optional<std::int64_t>& value)
{
    return value ? bind(pos, *value) : bindNull(pos);
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return Database::errorFrom(m_db, rc);
}

Status Statement::exec()
{
    for (;;) {
        auto more = step();
        if (!more)
            return more.error();
        if (!more.value())
            break;
    }
    reset();
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

QString Statement::columnName(int col) const
{
    return QString::fromUtf8(sqlite3_column_name(m_stmt, col));
}

Statement::Type Statement::type(int col) const
{
    switch (sqlite3_column_type(m_stmt, col)) {
    case SQLITE_INTEGER:
        return Type::Integer;
    case SQLITE_FLOAT:
        return Type::Real;
    case SQLITE_TEXT:
        return Type::Text;
    case SQLITE_BLOB:
        return Type::Blob;
    default:
        return Type::Null;
    }
}

QByteArray Statement::utf8(int col) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, col));
}

QString Statement::text(int col) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, col));
}

std::int64_t Statement::int64(int col) const
{
    return sqlite3_column_int64(m_stmt, col);
}

bool Statement::isNull(int col) const
{
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

QByteArray Statement::blob(int col) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, col));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, col));
}

std::optional<QString> Statement::optionalText(int col) const
{
    if (isNull(col))
        return std::nullopt;
    return text(col);
}

std::optional<std::int64_t> Statement::optionalInt64(int col) const
{
    if (isNull(col))
        return std::nullopt;
    return int64(col);
}

} // namespace dli
