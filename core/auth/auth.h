#pragma once

#include "core/auth/password.h"
#include "core/auth/user.h"
#include "core/result.h"
#include "core/storage/user_repository.h"

#include <QCoreApplication>
#include <QList>

namespace dli {

class Session;

// Accounts, logins and roles. A database without accounts is open to whoever holds the file;
// once it has one, nothing reads or writes its program data without a login.
class Auth {
    Q_DECLARE_TR_FUNCTIONS(Auth)
public:
    static constexpr int MaxFailures = 5;  // failed logins in a row that lock an account
    static constexpr int LockMinutes = 15; // how long the lock lasts

    static Result<bool> hasUsers(Session& session);
    // Checks the name and password; on success the session acts as that user. A wrong name, a
    // wrong password and a disabled account all get the same message.
    static Result<User> login(Session& session, const QString& name, const QString& password);

    // The first account of a database without accounts (it gets the admin role), or a further
    // account added by an administrator.
    static Status addUser(Session& session, User user, const QString& password);
    // An administrator sets anyone's password; every user may change their own.
    static Status changePassword(Session& session, const QString& name, const QString& password);
    static Status setDisabled(Session& session, const QString& name, bool disabled);
    // Lifts a lock before its 15 minutes are over.
    static Status unlock(Session& session, const QString& name);
    static Result<QList<UserStatus>> list(Session& session);

    // Refuses unless the current user holds one of the roles; `action` says what was refused.
    // In a database without accounts there is no one to check, and everything is allowed except
    // what `needsAccount` marks (the verification workflow, whose four-eyes rule needs names).
    static Status require(Session& session, const QList<Role>& roles, const QString& action,
                          bool needsAccount = false);

    // When a run of failed logins locks the account: attempts newest last, since the last
    // successful login or reset.
    using Attempt = UserRepository::Attempt;
    static std::optional<QDateTime> lockedUntil(const QList<Attempt>& attempts,
                                                int* failedInARow = nullptr);

private:
    static Result<UserStatus> statusOf(Session& session, const User& user);
};

} // namespace dli
