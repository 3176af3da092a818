#pragma once

#include "core/result.h"
#include "core/workflow/program_editor.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace dli::ui {

class Workspace;

// One change to one field of the program (ProgramEditor), on the workspace's undo stack:
// "Change target of DLR 3.2". Undo writes the old value back through the same service, so it is
// checked, audited and refused for the same reasons as the edit; a refused undo or redo is
// reported and the command dropped.
class ProgramEditCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(ProgramEditCommand)
public:
    // Makes the edit now and, when core accepts it, pushes the command that undoes it. Returns
    // core's refusal untouched, for the caller to show beside what the user typed.
    static Status apply(Workspace& workspace, const ProgramEdit& edit);

    // "Change target of DLR 3.2", "Change FY2026 target of indicator JOBS".
    static QString describe(const ProgramEdit& edit);
    // "target", "verification window": the field as people name it.
    static QString fieldLabel(ProgramField field);

    void undo() override;
    void redo() override;

private:
    ProgramEditCommand(Workspace& workspace, const ProgramEdit& edit, const QString& oldValue);
    bool write(const QString& value, const QString& title);

    Workspace& m_ws;
    ProgramEdit m_edit;
    QString m_old;
    bool m_done = true; // the first redo() is the edit apply() already made
};

} // namespace dli::ui
