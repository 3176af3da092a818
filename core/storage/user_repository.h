#pragma once

#include "core/auth/user.h"
#include "core/result.h"
#include "core/storage/session_options.h"

#include <QList>
#include <cstdint>
#include <optional>

namespace dli {

class Database;

// Accounts and login attempts. Writes happen inside the caller's transaction; the caller audits
// changes to accounts.
class UserRepository {
public:
    UserRepository(Database& db, const SessionOptions& options) : m_db(db), m_options(options) {}

    Result<std::int64_t> count();
    Result<QList<User>> all();
    Result<std::optional<User>> find(const QString& name);
    Result<std::optional<QString>> passwordHash(const QString& name);
    Status insert(const User& user, const QString& passwordHash);
    Status setPasswordHash(const QString& name, const QString& passwordHash);
    Status setDisabled(const QString& name, bool disabled);
    Status setRoles(const QString& name, const QList<Role>& roles);

    // Login attempts, newest last: outcome ok, failed, locked (refused while locked) or reset (an
    // administrator unlocked the account).
    struct Attempt {
        QDateTime at;
        QString outcome;
    };
    Status recordAttempt(const QString& name, const QString& outcome);
    // The attempts since the last successful login or reset.
    Result<QList<Attempt>> attemptsSinceSuccess(const QString& name);

private:
    Database& m_db;
    const SessionOptions& m_options;
};

} // namespace dli
