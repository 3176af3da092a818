#include "ui/workspace.h"

#include "core/storage/session.h"

#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace dli::ui {

Workspace::Workspace(Session& session, QObject* parent)
    : QObject(parent), m_session(session), m_undo(new QUndoStack(this)),
      m_asOf(session.options().now().date())
{
    m_presentError = [](const QString&, const QString&) {
    };
    connect(&session.notifier(), &ChangeNotifier::programChanged, this, &Workspace::reloadProgram);
    auto program = session.programs().load();
    if (program)
        m_program = std::move(program).value();
}

Workspace::~Workspace() = default;

const std::optional<User>& Workspace::user() const
{
    return m_session.currentUser();
}

bool Workspace::hasRole(const QList<Role>& roles) const
{
    const auto& u = m_session.currentUser();
    if (!u)
        return true;
    for (Role r : roles) {
        if (u->has(r))
            return true;
    }
    return false;
}

QString Workspace::roleReason(const QList<Role>& roles) const
{
    if (hasRole(roles))
        return {};
    QStringList names;
    for (Role r : roles)
        names << roleName(r);
    const auto& u = m_session.currentUser();
    return tr("For the %1 role; you are logged in as %2 (%3)")
        .arg(names.join(tr(" or ")), u->name, u->roleNames().join(u", "_s));
}

void Workspace::setAsOf(const QDate& date)
{
    if (!date.isValid() || date == m_asOf)
        return;
    m_asOf = date;
    emit asOfChanged(date);
}

void Workspace::report(const QString& title, const Error& error) const
{
    m_presentError(title, error.text());
}

bool Workspace::check(const QString& title, const Status& status) const
{
    if (status)
        return true;
    report(title, status.error());
    return false;
}

void Workspace::reloadProgram()
{
    auto program = m_session.programs().load();
    if (program)
        m_program = std::move(program).value();
    else
        m_program.reset();
    emit programReloaded();
}

} // namespace dli::ui
