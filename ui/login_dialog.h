#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace dli {
class Session;
}

namespace dli::ui {

// Asks for a user name and password before a database with accounts is shown. It logs in
// through Auth itself, so the core decides what is refused and says why; the dialog stays open
// on a refusal and closes accepted once the session acts as the user.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    // offerDemoAccounts: the database is a demo this window has just made, so its accounts can
    // be offered and its password shown; never for any other file.
    LoginDialog(Session& session, bool offerDemoAccounts, QWidget* parent = nullptr);

    void setUserName(const QString& name);
    void setPassword(const QString& password);
    // What OK and Enter do: logs in with the fields' contents. True once logged in (the dialog
    // is then accepted); otherwise the error shows and the password field is cleared.
    bool submit();

    QString errorText() const;
    QStringList offeredUserNames() const;
    QString hintText() const;
    QComboBox* userField() const { return m_user; }
    QLineEdit* passwordField() const { return m_password; }

private:
    void showError(const QString& text, QWidget* focus);

    Session& m_session;
    QComboBox* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace dli::ui
