#pragma once

#include "core/auth/user.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace dli {
class Session;
}

namespace dli::ui {

// Adds an account (administrators): a user name, a full name, one or more roles and an initial
// password typed twice. Core (Auth::addUser) decides what is refused; the dialog stays open with
// everything typed, except the passwords, and shows why.
class UserAddDialog : public QDialog {
    Q_OBJECT
public:
    explicit UserAddDialog(Session& session, QWidget* parent = nullptr);

    void setUserName(const QString& name);
    void setFullName(const QString& name);
    void setRoles(const QList<Role>& roles);
    void setPasswords(const QString& password, const QString& repeated);
    // What OK does: true once the account exists (the dialog is then accepted).
    bool submit();
    QString errorText() const;
    QString addedName() const { return m_added; }

private:
    void showError(const QString& text, QWidget* focus);

    Session& m_session;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_fullName = nullptr;
    QMap<Role, QCheckBox*> m_roles;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_repeat = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_added;
};

} // namespace dli::ui
