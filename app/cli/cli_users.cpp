// user add | list | passwd | disable | enable | unlock
#include "app/cli/cli.h"
#include "app/cli/password_prompt.h"
#include "core/auth/auth.h"
#include "core/io/text_table.h"
#include "core/storage/session.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dli::cli {

namespace {

const QString kUserUsage = QStringLiteral(
    "Usage: dlitracker-cli user add DB NAME --role ROLE [--role ROLE] [--full-name TEXT]\n"
    "       dlitracker-cli user list DB [--format table|json]\n"
    "       dlitracker-cli user passwd DB [NAME]\n"
    "       dlitracker-cli user disable DB NAME\n"
    "       dlitracker-cli user enable DB NAME\n"
    "       dlitracker-cli user unlock DB NAME\n"
    "Roles: admin, officer, verifier, manager, viewer. New passwords come from\n"
    "$DLITRACKER_NEW_PASSWORD or are asked for twice; yours from $DLITRACKER_PASSWORD.\n");

QString when(const std::optional<QDateTime>& t)
{
    return t ? t->toUTC().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

} // namespace

int Cli::user(const QStringList& args)
{
    return group(u"user"_s, args,
                 {{u"add"_s,
                   [this](const QStringList& a) {
                       return userAdd(a);
                   }},
                  {u"list"_s,
                   [this](const QStringList& a) {
                       return userList(a);
                   }},
                  {u"passwd"_s,
                   [this](const QStringList& a) {
                       return userPasswd(a);
                   }},
                  {u"disable"_s,
                   [this](const QStringList& a) {
                       return userSetDisabled(a, true);
                   }},
                  {u"enable"_s,
                   [this](const QStringList& a) {
                       return userSetDisabled(a, false);
                   }},
                  {u"unlock"_s,
                   [this](const QStringList& a) {
                       return userUnlock(a);
                   }}},
                 kUserUsage);
}

int Cli::userAdd(const QStringList& args)
{
    const QCommandLineOption role(u"role"_s, tr("A role of the new user; repeat for several."),
                                  u"ROLE"_s);
    const QCommandLineOption fullName(u"full-name"_s, tr("The user's full name."), u"TEXT"_s);
    const Command c{u"user add"_s,
                    u"DB NAME --role ROLE [--role ROLE] [--full-name TEXT]"_s,
                    tr("Adds an account (administrators only; the first account of a database "
                       "without any\nmust be an administrator). Roles: admin, officer, verifier, "
                       "manager, viewer.\nThe new password comes from $DLITRACKER_NEW_PASSWORD or "
                       "is asked for twice."),
                    {role, fullName},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    User u;
    u.name = p.positionalArguments().at(1);
    u.fullName = p.value(fullName);
    for (const QString& r : p.values(role)) {
        for (const QString& name : r.split(u',', Qt::SkipEmptyParts)) {
            auto parsed = roleFromName(name.trimmed());
            if (!parsed)
                return report(
                    Error(ErrorCode::Usage, tr("unknown role \"%1\"; the roles are admin, officer, "
                                               "verifier, manager and viewer")
                                                .arg(name)));
            u.roles << *parsed;
        }
    }
    if (u.roles.isEmpty())
        return report(Error(ErrorCode::Usage, tr("give the user a role with --role ROLE")));
    auto session = openSession(p.positionalArguments().at(0));
    if (!session)
        return report(session.error());
    // Checked before the new password is asked for.
    auto any = Auth::hasUsers(*session.value());
    if (!any)
        return report(any.error());
    if (any.value()) {
        if (auto s = Auth::require(*session.value(), {Role::Admin}, tr("adding users")); !s)
            return report(s.error());
    }
    auto password = PasswordPrompt::read("DLITRACKER_NEW_PASSWORD",
                                         tr("New password for %1: ").arg(u.name), true);
    if (!password)
        return report(password.error());
    if (auto s = Auth::addUser(*session.value(), u, password.value()); !s)
        return report(s.error());
    err() << tr("Added user %1 (%2).").arg(u.name, u.roleNames().join(u", "_s)) << '\n';
    return Success;
}

int Cli::userList(const QStringList& args)
{
    const QCommandLineOption format(u"format"_s, tr("table (default) or json."), u"FORMAT"_s,
                                    u"table"_s);
    const Command c{u"user list"_s,
                    u"DB [--format table|json]"_s,
                    tr("Lists the accounts with their roles, whether they are disabled or locked "
                       "after failed\nlogins (administrators only)."),
                    {format},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto session = openSession(p.positionalArguments().at(0));
    if (!session)
        return report(session.error());
    auto users = Auth::list(*session.value());
    if (!users)
        return report(users.error());
    if (p.value(format) == u"json"_s) {
        QJsonArray list;
        for (const UserStatus& s : users.value()) {
            list.append(QJsonObject{
                {u"name"_s, s.user.name},
                {u"full_name"_s, s.user.fullName},
                {u"roles"_s, QJsonArray::fromStringList(s.user.roleNames())},
                {u"disabled"_s, s.user.disabled},
                {u"failed_logins_in_a_row"_s, s.failedInARow},
                {u"locked_until"_s,
                 s.lockedUntil ? QJsonValue(s.lockedUntil->toString(Qt::ISODate)) : QJsonValue()},
                {u"created_at"_s, s.user.createdAt.toString(Qt::ISODate)},
                {u"created_by"_s, s.user.createdBy}});
        }
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{u"users"_s, list}}).toJson());
        return Success;
    }
    TextTable t({tr("User"), tr("Full name"), tr("Roles"), tr("Status"), tr("Failed logins")});
    for (const UserStatus& s : users.value()) {
        QString status = s.user.disabled ? tr("disabled") : tr("active");
        if (s.lockedUntil)
            status = tr("locked until %1 UTC").arg(when(s.lockedUntil));
        t.addRow({s.user.name, s.user.fullName, s.user.roleNames().join(u", "_s), status,
                  QString::number(s.failedInARow)});
    }
    out() << t.render();
    return Success;
}

int Cli::userPasswd(const QStringList& args)
{
    const Command c{u"user passwd"_s,
                    u"DB [NAME]"_s,
                    tr("Sets a new password: your own (NAME left out or your name), or, for an "
                       "administrator,\nanyone's. The new password comes from "
                       "$DLITRACKER_NEW_PASSWORD or is asked for twice."),
                    {},
                    1,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto session = openSession(p.positionalArguments().at(0));
    if (!session)
        return report(session.error());
    Session& s = *session.value();
    if (!s.currentUser())
        return report(Error(ErrorCode::Unauthenticated,
                            tr("this database has no accounts, so there is no password to set")));
    const QString name = p.positionalArguments().value(1, s.currentUser()->name);
    if (name != s.currentUser()->name) {
        if (auto allowed = Auth::require(s, {Role::Admin}, tr("setting another user's password"));
            !allowed)
            return report(allowed.error());
    }
    auto password = PasswordPrompt::read("DLITRACKER_NEW_PASSWORD",
                                         tr("New password for %1: ").arg(name), true);
    if (!password)
        return report(password.error());
    if (auto done = Auth::changePassword(s, name, password.value()); !done)
        return report(done.error());
    err() << tr("Changed the password of %1.").arg(name) << '\n';
    return Success;
}

int Cli::userSetDisabled(const QStringList& args, bool disabled)
{
    const Command c{disabled ? u"user disable"_s : u"user enable"_s,
                    u"DB NAME"_s,
                    disabled ? tr("Disables an account: it can no longer log in; what it did "
                                  "stays in the audit log\n(administrators only).")
                             : tr("Enables a disabled account again (administrators only)."),
                    {},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto session = openSession(p.positionalArguments().at(0));
    if (!session)
        return report(session.error());
    const QString name = p.positionalArguments().at(1);
    if (auto done = Auth::setDisabled(*session.value(), name, disabled); !done)
        return report(done.error());
    err() << (disabled ? tr("Disabled user %1.") : tr("Enabled user %1.")).arg(name) << '\n';
    return Success;
}

int Cli::userUnlock(const QStringList& args)
{
    const Command c{u"user unlock"_s,
                    u"DB NAME"_s,
                    tr("Lifts the lock that %1 failed logins in a row put on an account, before "
                       "its %2 minutes\nare over (administrators only).")
                        .arg(Auth::MaxFailures)
                        .arg(Auth::LockMinutes),
                    {},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto session = openSession(p.positionalArguments().at(0));
    if (!session)
        return report(session.error());
    const QString name = p.positionalArguments().at(1);
    if (auto done = Auth::unlock(*session.value(), name); !done)
        return report(done.error());
    err() << tr("Unlocked user %1.").arg(name) << '\n';
    return Success;
}

} // namespace dli::cli
