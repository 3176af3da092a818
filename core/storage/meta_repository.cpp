#include "core/storage/meta_repository.h"

#include "core/storage/database.h"

using namespace Qt::StringLiterals;

namespace dli {

Result<std::optional<QString>> MetaRepository::get(const QString& key)
{
    auto stmt = m_db.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<QString>();
    return std::optional<QString>(stmt->text(0));
}

Status MetaRepository::set(const QString& key, const QString& value)
{
    auto stmt = m_db.prepare(u"INSERT INTO meta (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, key).bind(2, value);
    return stmt->exec();
}

} // namespace dli
