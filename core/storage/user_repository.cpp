#include "core/storage/user_repository.h"

#include "core/storage/database.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString rolesText(QList<Role> roles)
{
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    QStringList names;
    for (const Role r : roles)
        names << roleName(r);
    return names.join(u',');
}

User userFrom(const Statement& s)
{
    User u;
    u.id = s.text(0);
    u.name = s.text(1);
    u.fullName = s.text(2);
    for (const QString& name : s.text(3).split(u',', Qt::SkipEmptyParts)) {
        if (auto role = roleFromName(name))
            u.roles << *role;
    }
    u.disabled = s.boolean(4);
    u.createdAt = QDateTime::fromString(s.text(5), Qt::ISODate);
    u.createdBy = s.text(6);
    return u;
}

constexpr auto kUserColumns = "id, name, full_name, roles, disabled, created_at, created_by";

} // namespace

QString roleName(Role role)
{
    for (const auto& [r, name] : kRoleNames) {
        if (r == role)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<Role> roleFromName(const QString& name)
{
    for (const auto& [r, n] : kRoleNames) {
        if (name == QStringView(n))
            return r;
    }
    return std::nullopt;
}

QStringList User::roleNames() const
{
    return rolesText(roles).split(u',', Qt::SkipEmptyParts);
}

Result<std::int64_t> UserRepository::count()
{
    return m_db.scalar(u"SELECT count(*) FROM users"_s);
}

Result<QList<User>> UserRepository::all()
{
    auto stmt = m_db.prepare(u"SELECT "_s + QLatin1StringView(kUserColumns) +
                             u" FROM users ORDER BY name"_s);
    if (!stmt)
        return stmt.error();
    QList<User> out;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        out << userFrom(stmt.value());
    }
    return out;
}

Result<std::optional<User>> UserRepository::find(const QString& name)
{
    auto stmt = m_db.prepare(u"SELECT "_s + QLatin1StringView(kUserColumns) +
                             u" FROM users WHERE name = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<User>();
    return std::optional<User>(userFrom(stmt.value()));
}

Result<std::optional<QString>> UserRepository::passwordHash(const QString& name)
{
    auto stmt = m_db.prepare(u"SELECT password_hash FROM users WHERE name = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<QString>();
    return std::optional<QString>(stmt->text(0));
}

Status UserRepository::insert(const User& u, const QString& passwordHash)
{
    auto stmt = m_db.prepare(u"INSERT INTO users (id, name, full_name, password_hash, roles, "
                             "disabled, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, u.id)
        .bind(2, u.name)
        .bind(3, u.fullName)
        .bind(4, passwordHash)
        .bind(5, rolesText(u.roles))
        .bind(6, u.disabled)
        .bind(7, u.createdAt.toString(Qt::ISODate))
        .bind(8, u.createdBy);
    return stmt->exec();
}

Status UserRepository::setPasswordHash(const QString& name, const QString& passwordHash)
{
    auto stmt = m_db.prepare(u"UPDATE users SET password_hash = ? WHERE name = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, passwordHash).bind(2, name);
    return stmt->exec();
}

Status UserRepository::setDisabled(const QString& name, bool disabled)
{
    auto stmt = m_db.prepare(u"UPDATE users SET disabled = ? WHERE name = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, disabled).bind(2, name);
    return stmt->exec();
}

Status UserRepository::setRoles(const QString& name, const QList<Role>& roles)
{
    auto stmt = m_db.prepare(u"UPDATE users SET roles = ? WHERE name = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, rolesText(roles)).bind(2, name);
    return stmt->exec();
}

Status UserRepository::recordAttempt(const QString& name, const QString& outcome)
{
    auto stmt = m_db.prepare(u"INSERT INTO logins (user_name, at, outcome) VALUES (?, ?, ?)"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name).bind(2, m_options.now().toString(Qt::ISODate)).bind(3, outcome);
    return stmt->exec();
}

Result<QList<UserRepository::Attempt>> UserRepository::attemptsSinceSuccess(const QString& name)
{
    auto stmt = m_db.prepare(
        u"SELECT at, outcome FROM logins WHERE user_name = ?1 AND id > coalesce((SELECT max(id) "
        "FROM logins WHERE user_name = ?1 AND outcome IN ('ok', 'reset')), 0) ORDER BY id"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name);
    QList<Attempt> out;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        out << Attempt{QDateTime::fromString(stmt->text(0), Qt::ISODate), stmt->text(1)};
    }
    return out;
}

} // namespace dli
