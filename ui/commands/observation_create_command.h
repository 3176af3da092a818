#pragma once

#include "core/result.h"
#include "core/workflow/observation_entry.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace dli::ui {

class Workspace;

// Entering a new observation: undo takes the draft away again (ObservationEntry::removeDraft,
// audited), redo puts it back under the same id. A command whose undo or redo core refuses
// (the draft was submitted meanwhile, evidence was attached) reports why and leaves the stack.
class ObservationCreateCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(ObservationCreateCommand)
public:
    ObservationCreateCommand(Workspace& workspace, const ObservationInput& input);

    // Saves the draft; push the command only when this succeeded (the push's redo() then does
    // nothing).
    Result<QString> apply();
    const QString& observationId() const { return m_id; }

    void redo() override;
    void undo() override;

private:
    Workspace& m_ws;
    ObservationInput m_input;
    QString m_id;
    bool m_skipRedo = false;
};

} // namespace dli::ui
