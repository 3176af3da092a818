#include "ui/commands/observation_amend_command.h"

#include "core/workflow/observation_entry.h"
#include "core/workflow/workflow.h"
#include "ui/workspace.h"

namespace dli::ui {

ObservationAmendCommand::ObservationAmendCommand(Workspace& workspace, const QString& id,
                                                 const Values& before, const Values& after)
    : m_ws(workspace), m_id(id), m_before(before), m_after(after)
{
    setText(tr("Amend observation"));
}

// The first time through ObservationEntry, which checks the value as an import would; undo and
// redo only put back values that were stored before, through the workflow.
Status ObservationAmendCommand::set(const Values& values, bool check)
{
    if (!m_ws.program())
        return Error(ErrorCode::NotFound, tr("the database holds no program yet"));
    if (check)
        return ObservationEntry(m_ws.session(), *m_ws.program())
            .amend(m_id, values.value, values.note);
    auto value = Decimal::parse(values.value);
    if (!value)
        return value.error();
    return Workflow(m_ws.session(), *m_ws.program()).amend(m_id, value.value(), values.note);
}

Status ObservationAmendCommand::apply()
{
    Status done = set(m_after, true);
    m_skipRedo = done.ok();
    return done;
}

void ObservationAmendCommand::redo()
{
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    if (Status done = set(m_after, false); !done) {
        m_ws.report(tr("Cannot redo \"%1\"").arg(text()), done.error());
        setObsolete(true);
    }
}

void ObservationAmendCommand::undo()
{
    if (Status done = set(m_before, false); !done) {
        m_ws.report(tr("Cannot undo \"%1\"").arg(text()), done.error());
        setObsolete(true);
    }
}

} // namespace dli::ui
