#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace dli {

// What a user may do (docs/user-guide.md, "Users and roles"). A user may hold several roles.
enum class Role { Admin, Officer, Verifier, Manager, Viewer };

inline constexpr std::array<std::pair<Role, const char16_t*>, 5> kRoleNames{{
    {Role::Admin, u"admin"},
    {Role::Officer, u"officer"},
    {Role::Verifier, u"verifier"},
    {Role::Manager, u"manager"},
    {Role::Viewer, u"viewer"},
}};

QString roleName(Role role);
std::optional<Role> roleFromName(const QString& name);

struct User {
    QString id;
    QString name; // the login name
    QString fullName;
    QList<Role> roles;
    bool disabled = false;
    QDateTime createdAt;
    QString createdBy;

    bool has(Role role) const { return roles.contains(role); }
    QStringList roleNames() const;
};

// An account as an administrator sees it.
struct UserStatus {
    User user;
    int failedInARow = 0;
    std::optional<QDateTime> lockedUntil; // set while the account is locked
};

} // namespace dli
