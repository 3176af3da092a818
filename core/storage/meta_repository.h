#pragma once

#include "core/result.h"

#include <QString>
#include <optional>

namespace dli {

class Database;

// Key-value facts about the database itself: its id, when and by which version it was created.
class MetaRepository {
public:
    explicit MetaRepository(Database& db) : m_db(db) {}

    Result<std::optional<QString>> get(const QString& key);
    Status set(const QString& key, const QString& value);

private:
    Database& m_db;
};

} // namespace dli
