#include "core/auth/auth.h"

#include "core/storage/session.h"
#include "core/storage/transaction.h"

#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

Error wrongCredentials()
{
    return Error(ErrorCode::Unauthenticated,
                 Auth::tr("wrong user name or password (after %1 failed attempts in a row, logins "
                          "under a name are locked for %2 minutes)")
                     .arg(Auth::MaxFailures)
                     .arg(Auth::LockMinutes));
}

Result<User> existing(Session& session, const QString& name)
{
    auto user = session.users().find(name);
    if (!user)
        return user.error();
    if (!user.value())
        return Error(ErrorCode::NotFound, Auth::tr("there is no user \"%1\"").arg(name));
    return *user.value();
}

bool isOnlyActiveAdmin(const QList<User>& users, const QString& name)
{
    for (const User& u : users) {
        if (u.name != name && u.has(Role::Admin) && !u.disabled)
            return false;
    }
    return true;
}

Result<QString> hashFor(Session& session, const QString& password)
{
    const SessionOptions& o = session.options();
    const Password::Cost cost =
        o.minimumPasswordCost ? Password::Cost::Minimum : Password::Cost::Interactive;
    if (o.seededSalts)
        return Password::hashWithSalt(password, cost, QUuid::fromString(o.newId()).toRfc4122());
    return Password::hash(password, cost);
}

} // namespace

std::optional<QDateTime> Auth::lockedUntil(const QList<Attempt>& attempts, int* failedInARow)
{
    int failures = 0;
    std::optional<QDateTime> until;
    for (const Attempt& a : attempts) {
        if (a.outcome != u"failed"_s)
            continue;
        // A lock that has run out starts the count again.
        if (until && a.at >= *until) {
            until.reset();
            failures = 0;
        }
        if (until)
            continue;
        if (++failures == MaxFailures) {
            until = a.at.addSecs(LockMinutes * 60);
            failures = 0;
        }
    }
    if (failedInARow)
        *failedInARow = until ? MaxFailures : failures;
    return until;
}

Result<bool> Auth::hasUsers(Session& session)
{
    auto n = session.users().count();
    if (!n)
        return n.error();
    return n.value() > 0;
}

Result<User> Auth::login(Session& session, const QString& name, const QString& password)
{
    Transaction tx(session.database());
    DLI_TRY(tx.begun());
    auto attempts = session.users().attemptsSinceSuccess(name);
    if (!attempts)
        return attempts.error();
    const QDateTime now = session.options().now();
    if (auto until = lockedUntil(attempts.value()); until && now < *until) {
        DLI_TRY(session.users().recordAttempt(name, u"locked"_s));
        DLI_TRY(tx.commit());
        return Error(ErrorCode::Unauthenticated,
                     tr("logins as \"%1\" are locked after %2 failed attempts in a row, until %3 "
                        "UTC; wait, or ask an administrator to unlock the account")
                         .arg(name)
                         .arg(MaxFailures)
                         .arg(until->toUTC().toString(u"yyyy-MM-dd HH:mm"_s)));
    }
    auto hash = session.users().passwordHash(name);
    if (!hash)
        return hash.error();
    auto user = session.users().find(name);
    if (!user)
        return user.error();
    // Without an account, a fixed hash is checked all the same, so that the time taken does not
    // tell which names exist.
    static const QString decoy =
        Password::hash(u"decoy-password"_s, Password::Cost::Minimum).value();
    const bool matches =
        Password::verify(hash.value().value_or(decoy), password) && hash.value().has_value();
    if (matches && user.value() && !user.value()->disabled) {
        // A login writes nothing unless it ends a run of failures (whose count it resets): a
        // command that reads, or is refused, leaves the file exactly as it was.
        if (!attempts.value().isEmpty())
            DLI_TRY(session.users().recordAttempt(name, u"ok"_s));
        DLI_TRY(tx.commit());
        session.setCurrentUser(*user.value());
        return *user.value();
    }
    DLI_TRY(session.users().recordAttempt(name, u"failed"_s));
    auto after = session.users().attemptsSinceSuccess(name);
    if (!after)
        return after.error();
    if (auto until = lockedUntil(after.value()); until && now < *until) {
        auto event = session.audit().recordEvent(
            u"user.locked"_s,
            QJsonObject{{u"user"_s, name}, {u"until"_s, until->toString(Qt::ISODate)}});
        if (!event)
            return event.error();
    }
    DLI_TRY(tx.commit());
    return wrongCredentials();
}

Status Auth::require(Session& session, const QList<Role>& roles, const QString& action,
                     bool needsAccount)
{
    const auto& user = session.currentUser();
    if (!user) {
        auto any = hasUsers(session);
        if (!any)
            return any.error();
        if (!any.value() && !needsAccount)
            return {};
        if (!any.value())
            return Error(ErrorCode::Forbidden,
                         tr("%1 needs user accounts, so that the four-eyes rule can name who did "
                            "what; create the first administrator with `dlitracker-cli user add "
                            "DB NAME --role admin`")
                             .arg(action));
        return Error(ErrorCode::Unauthenticated, tr("%1 needs a login").arg(action));
    }
    for (const Role r : roles) {
        if (user->has(r))
            return {};
    }
    QStringList wanted;
    for (const Role r : roles)
        wanted << roleName(r);
    return Error(ErrorCode::Forbidden, tr("%1 is for the %2 role; %3 holds %4")
                                           .arg(action, wanted.join(tr(" or ")), user->name,
                                                user->roleNames().join(u", "_s)));
}

Status Auth::addUser(Session& session, User user, const QString& password)
{
    if (user.name.isEmpty() ||
        std::any_of(user.name.begin(), user.name.end(), [](QChar c) { return c.isSpace(); }))
        return Error(ErrorCode::InvalidInput,
                     tr("a user name is one word without spaces, like ayesha.khan, not \"%1\"")
                         .arg(user.name));
    if (user.roles.isEmpty())
        return Error(ErrorCode::InvalidInput, tr("give the user at least one role"));
    DLI_TRY(Password::checkPolicy(password));
    auto any = hasUsers(session);
    if (!any)
        return any.error();
    if (any.value()) {
        DLI_TRY(require(session, {Role::Admin}, tr("adding users")));
    } else if (!user.has(Role::Admin)) {
        return Error(ErrorCode::InvalidInput,
                     tr("the first user of a database must hold the admin role"));
    }
    auto hash = hashFor(session, password);
    if (!hash)
        return hash.error();
    Transaction tx(session.database());
    DLI_TRY(tx.begun());
    auto clash = session.users().find(user.name);
    if (!clash)
        return clash.error();
    if (clash.value())
        return Error(ErrorCode::Conflict, tr("there is already a user \"%1\"").arg(user.name));
    user.id = session.options().newId();
    user.createdAt = session.options().now();
    user.createdBy = session.currentUser() ? session.currentUser()->name : user.name;
    DLI_TRY(session.users().insert(user, hash.value()));
    auto entry = session.audit().recordRow(u"user.add"_s, u"users"_s, user.id, std::nullopt);
    if (!entry)
        return entry.error();
    return tx.commit();
}

Status Auth::changePassword(Session& session, const QString& name, const QString& password)
{
    const auto& me = session.currentUser();
    if (!me || me->name != name)
        DLI_TRY(require(session, {Role::Admin}, tr("setting another user's password")));
    DLI_TRY(Password::checkPolicy(password));
    User user;
    DLI_ASSIGN(user, existing(session, name));
    auto hash = hashFor(session, password);
    if (!hash)
        return hash.error();
    Transaction tx(session.database());
    DLI_TRY(tx.begun());
    std::optional<QByteArray> before;
    DLI_ASSIGN(before, session.audit().snapshot(u"users"_s, user.id));
    DLI_TRY(session.users().setPasswordHash(name, hash.value()));
    auto entry = session.audit().recordRow(u"user.passwd"_s, u"users"_s, user.id, before);
    if (!entry)
        return entry.error();
    return tx.commit();
}

Status Auth::setDisabled(Session& session, const QString& name, bool disabled)
{
    DLI_TRY(
        require(session, {Role::Admin}, disabled ? tr("disabling users") : tr("enabling users")));
    User user;
    DLI_ASSIGN(user, existing(session, name));
    QList<User> users;
    DLI_ASSIGN(users, session.users().all());
    if (disabled && user.has(Role::Admin) && isOnlyActiveAdmin(users, name))
        return Error(ErrorCode::Conflict,
                     tr("%1 is the only active administrator; add another before disabling "
                        "this one")
                         .arg(name));
    Transaction tx(session.database());
    DLI_TRY(tx.begun());
    std::optional<QByteArray> before;
    DLI_ASSIGN(before, session.audit().snapshot(u"users"_s, user.id));
    DLI_TRY(session.users().setDisabled(name, disabled));
    auto entry = session.audit().recordRow(disabled ? u"user.disable"_s : u"user.enable"_s,
                                           u"users"_s, user.id, before);
    if (!entry)
        return entry.error();
    return tx.commit();
}

Status Auth::unlock(Session& session, const QString& name)
{
    DLI_TRY(require(session, {Role::Admin}, tr("unlocking users")));
    User user;
    DLI_ASSIGN(user, existing(session, name));
    Transaction tx(session.database());
    DLI_TRY(tx.begun());
    DLI_TRY(session.users().recordAttempt(name, u"reset"_s));
    auto entry = session.audit().recordEvent(u"user.unlock"_s, QJsonObject{{u"user"_s, name}});
    if (!entry)
        return entry.error();
    return tx.commit();
}

Result<UserStatus> Auth::statusOf(Session& session, const User& user)
{
    UserStatus s;
    s.user = user;
    auto attempts = session.users().attemptsSinceSuccess(user.name);
    if (!attempts)
        return attempts.error();
    auto until = lockedUntil(attempts.value(), &s.failedInARow);
    if (until && session.options().now() < *until)
        s.lockedUntil = until;
    return s;
}

Result<QList<UserStatus>> Auth::list(Session& session)
{
    DLI_TRY(require(session, {Role::Admin}, tr("listing users")));
    QList<User> users;
    DLI_ASSIGN(users, session.users().all());
    QList<UserStatus> out;
    for (const User& u : users) {
        UserStatus s;
        DLI_ASSIGN(s, statusOf(session, u));
        out << s;
    }
    return out;
}

} // namespace dli
