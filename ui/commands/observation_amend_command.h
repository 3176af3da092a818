#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace dli::ui {

class Workspace;

// Amending a draft or queried observation (Workflow::amend through ObservationEntry, which
// checks the value first): undo amends it back to the value and note it had. Verified
// observations are frozen and never come here.
class ObservationAmendCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(ObservationAmendCommand)
public:
    struct Values {
        QString value;
        QString note;
    };
    ObservationAmendCommand(Workspace& workspace, const QString& id, const Values& before,
                            const Values& after);

    // Amends; push the command only when this succeeded.
    Status apply();
    const QString& observationId() const { return m_id; }

    void redo() override;
    void undo() override;

private:
    Status set(const Values& values, bool check);

    Workspace& m_ws;
    QString m_id;
    Values m_before;
    Values m_after;
    bool m_skipRedo = false;
};

} // namespace dli::ui
