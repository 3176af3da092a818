#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace dli::ui {

class Workspace;

// Disabling or enabling an account (Auth::setDisabled), on the undo stack: "Disable user
// bilal.ahmed"; undo does the opposite through the same call, with its own audit entry.
class UserDisableCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(UserDisableCommand)
public:
    // Makes the change now and pushes the command when core accepts it.
    static Status apply(Workspace& workspace, const QString& name, bool disabled);

    void undo() override;
    void redo() override;

private:
    UserDisableCommand(Workspace& workspace, const QString& name, bool disabled);
    void set(bool disabled, const QString& title);

    Workspace& m_ws;
    QString m_name;
    bool m_disabled;
    bool m_done = true;
};

} // namespace dli::ui
