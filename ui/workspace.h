#pragma once

#include "core/auth/user.h"
#include "core/model/program.h"
#include "core/result.h"

#include <QDate>
#include <QObject>
#include <functional>
#include <optional>

class QUndoStack;

namespace dli {
class Session;
}

namespace dli::ui {

// What every page works with while a database is open: the session, its program, the undo
// stack, the as-of date the dashboard and the disbursement page share, and the one way errors
// reach the user. MainWindow owns it; pages keep a reference.
class Workspace : public QObject {
    Q_OBJECT
public:
    explicit Workspace(Session& session, QObject* parent = nullptr);
    ~Workspace() override;

    Session& session() const { return m_session; }
    // The program, or nullptr while the database holds none.
    const Program* program() const { return m_program ? &*m_program : nullptr; }
    QUndoStack* undoStack() const { return m_undo; }
    const std::optional<User>& user() const;

    // Whether the user holds one of the roles; a database without accounts allows everything.
    bool hasRole(const QList<Role>& roles) const;
    // Empty when the user holds one of the roles, else why not, for a tooltip: "For verifiers;
    // you are logged in as viewer (viewer)".
    QString roleReason(const QList<Role>& roles) const;

    QDate asOf() const { return m_asOf; }
    void setAsOf(const QDate& date);

    // Shows an error as the CLI would print it: "what went wrong" under a title.
    using ErrorPresenter = std::function<void(const QString& title, const QString& text)>;
    void setErrorPresenter(ErrorPresenter presenter) { m_presentError = std::move(presenter); }
    void report(const QString& title, const Error& error) const;
    // Runs a core call and reports its error; true when it succeeded.
    bool check(const QString& title, const Status& status) const;

    // Reads the program again from the store (after an import or an edit).
    void reloadProgram();

signals:
    void programReloaded();
    void asOfChanged(const QDate& date);
    // A page asks to show another page, opened on an item (an observation id, a DLR code).
    void navigateRequested(const QString& pageId, const QString& item);

private:
    Session& m_session;
    std::optional<Program> m_program;
    QUndoStack* m_undo = nullptr;
    QDate m_asOf;
    ErrorPresenter m_presentError;
};

} // namespace dli::ui
