#include "ui/commands/observation_create_command.h"

#include "ui/workspace.h"

namespace dli::ui {

ObservationCreateCommand::ObservationCreateCommand(Workspace& workspace,
                                                   const ObservationInput& input)
    : m_ws(workspace), m_input(input)
{
    setText(tr("Enter observation"));
}

Result<QString> ObservationCreateCommand::apply()
{
    if (!m_ws.program())
        return Error(ErrorCode::NotFound, tr("the database holds no program yet"));
    ObservationEntry entry(m_ws.session(), *m_ws.program());
    auto id = entry.create(m_input, m_id);
    if (id) {
        m_id = id.value();
        m_skipRedo = true;
    }
    return id;
}

void ObservationCreateCommand::redo()
{
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    auto id = apply();
    m_skipRedo = false;
    if (!id) {
        m_ws.report(tr("Cannot redo \"%1\"").arg(text()), id.error());
        setObsolete(true);
    }
}

void ObservationCreateCommand::undo()
{
    if (!m_ws.program())
        return;
    ObservationEntry entry(m_ws.session(), *m_ws.program());
    if (auto removed = entry.removeDraft(m_id); !removed) {
        m_ws.report(tr("Cannot undo \"%1\"").arg(text()), removed.error());
        setObsolete(true);
    }
}

} // namespace dli::ui
