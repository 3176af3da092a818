#pragma once

#include "core/storage/database.h"

namespace dli {

// Raises SQLite's page cache for the length of a large write (an import of a million rows),
// so that its pages stay in memory instead of spilling to the log, and puts it back after.
class ScopedCacheSize {
public:
    ScopedCacheSize(Database& db, int kibibytes) : m_db(db)
    {
        auto old = m_db.scalar(QStringLiteral("PRAGMA cache_size"));
        m_old = old ? old.value() : -2000;
        (void)m_db.exec(QStringLiteral("PRAGMA cache_size = -") + QString::number(kibibytes));
    }
    ~ScopedCacheSize()
    {
        (void)m_db.exec(QStringLiteral("PRAGMA cache_size = ") + QString::number(m_old));
    }
    ScopedCacheSize(const ScopedCacheSize&) = delete;
    ScopedCacheSize& operator=(const ScopedCacheSize&) = delete;

private:
    Database& m_db;
    std::int64_t m_old = -2000;
};

} // namespace dli
