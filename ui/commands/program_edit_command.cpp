#include "ui/commands/program_edit_command.h"

#include "ui/workspace.h"

#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace dli::ui {

Status ProgramEditCommand::apply(Workspace& workspace, const ProgramEdit& edit)
{
    auto old = ProgramEditor(workspace.session()).set(edit);
    if (!old)
        return old.error();
    // The value as stored ("230" for "230.0"); the workspace has reloaded the program if the
    // edit changed anything.
    ProgramEdit made = edit;
    if (const Program* program = workspace.program()) {
        if (auto now = ProgramEditor::valueOf(*program, edit))
            made.value = now.value();
    }
    if (old.value() == made.value)
        return {};
    workspace.undoStack()->push(new ProgramEditCommand(workspace, made, old.value()));
    return {};
}

ProgramEditCommand::ProgramEditCommand(Workspace& workspace, const ProgramEdit& edit,
                                       const QString& oldValue)
    : QUndoCommand(describe(edit)), m_ws(workspace), m_edit(edit), m_old(oldValue)
{}

QString ProgramEditCommand::fieldLabel(ProgramField field)
{
    switch (field) {
    case ProgramField::Title:
        return tr("title");
    case ProgramField::Currency:
        return tr("currency");
    case ProgramField::FiscalYearStartMonth:
        return tr("fiscal-year start month");
    case ProgramField::VerificationWindowDays:
        return tr("verification window");
    case ProgramField::AdvanceCapShare:
        return tr("advance cap");
    case ProgramField::PriorResultsCapShare:
        return tr("prior results cap");
    case ProgramField::Tolerance:
        return tr("tolerance");
    case ProgramField::Baseline:
        return tr("baseline");
    case ProgramField::Target:
        return tr("target");
    case ProgramField::Allocation:
        return tr("allocation");
    case ProgramField::Deadline:
        return tr("deadline");
    case ProgramField::TimeBound:
        return tr("time-bound");
    case ProgramField::MinFraction:
        return tr("minimum fraction");
    case ProgramField::UnitAmount:
        return tr("unit amount");
    case ProgramField::Rollover:
        return tr("rollover");
    case ProgramField::PriorResult:
        return tr("prior result");
    }
    return {};
}

QString ProgramEditCommand::describe(const ProgramEdit& edit)
{
    const QString item = ProgramEditor::itemName(edit.kind, edit.code);
    if (edit.field == ProgramField::Target && !edit.period.isEmpty())
        return tr("Change %1 target of %2").arg(edit.period, item);
    return tr("Change %1 of %2").arg(fieldLabel(edit.field), item);
}

bool ProgramEditCommand::write(const QString& value, const QString& title)
{
    ProgramEdit e = m_edit;
    e.value = value;
    auto done = ProgramEditor(m_ws.session()).set(e);
    if (done)
        return true;
    m_ws.report(title, done.error());
    setObsolete(true);
    return false;
}

void ProgramEditCommand::undo()
{
    (void)write(m_old, tr("Cannot undo: %1").arg(text()));
}

void ProgramEditCommand::redo()
{
    if (m_done) {
        m_done = false;
        return;
    }
    (void)write(m_edit.value, tr("Cannot redo: %1").arg(text()));
}

} // namespace dli::ui
