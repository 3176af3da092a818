#pragma once

#include "core/result.h"

#include <QString>

namespace dli {

class Database;

// The database schema as numbered forward migrations; PRAGMA user_version holds the number of
// the last one applied. A migration is never edited once released: add a new one instead.
class Schema {
public:
    static int currentVersion();
    // Applies every migration after `from` up to `to`, inside the caller's transaction.
    static Status migrate(Database& db, int from, int to);
};

} // namespace dli
