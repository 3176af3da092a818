#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace dli {
class Session;
}

namespace dli::ui {

// Sets a password. For one's own account the current password is asked first (checked as a
// login is, so wrong guesses count toward the lock); an administrator setting someone else's
// password types only the new one, twice.
class UserPasswordDialog : public QDialog {
    Q_OBJECT
public:
    UserPasswordDialog(Session& session, const QString& userName, QWidget* parent = nullptr);

    bool asksCurrentPassword() const;
    void setCurrentPassword(const QString& password);
    void setPasswords(const QString& password, const QString& repeated);
    // What OK does: true once the password is changed (the dialog is then accepted).
    bool submit();
    QString errorText() const;

private:
    void showError(const QString& text, QLineEdit* focus);

    Session& m_session;
    QString m_name;
    bool m_own = false;
    QLineEdit* m_current = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_repeat = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace dli::ui
