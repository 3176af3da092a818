#include "ui/commands/user_disable_command.h"

#include "core/auth/auth.h"
#include "ui/workspace.h"

#include <QUndoStack>

namespace dli::ui {

Status UserDisableCommand::apply(Workspace& workspace, const QString& name, bool disabled)
{
    DLI_TRY(Auth::setDisabled(workspace.session(), name, disabled));
    workspace.undoStack()->push(new UserDisableCommand(workspace, name, disabled));
    return {};
}

UserDisableCommand::UserDisableCommand(Workspace& workspace, const QString& name, bool disabled)
    : QUndoCommand(disabled ? tr("Disable user %1").arg(name) : tr("Enable user %1").arg(name)),
      m_ws(workspace), m_name(name), m_disabled(disabled)
{}

void UserDisableCommand::set(bool disabled, const QString& title)
{
    const Status s = Auth::setDisabled(m_ws.session(), m_name, disabled);
    if (s)
        return;
    m_ws.report(title, s.error());
    setObsolete(true);
}

void UserDisableCommand::undo()
{
    set(!m_disabled, tr("Cannot undo: %1").arg(text()));
}

void UserDisableCommand::redo()
{
    if (m_done) {
        m_done = false;
        return;
    }
    set(m_disabled, tr("Cannot redo: %1").arg(text()));
}

} // namespace dli::ui
