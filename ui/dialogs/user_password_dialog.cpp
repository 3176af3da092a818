#include "ui/dialogs/user_password_dialog.h"

#include "core/auth/auth.h"
#include "core/storage/session.h"
#include "ui/widgets/error_text.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

UserPasswordDialog::UserPasswordDialog(Session& session, const QString& userName, QWidget* parent)
    : QDialog(parent), m_session(session), m_name(userName)
{
    const auto& me = session.currentUser();
    m_own = me && me->name == userName;
    setWindowTitle(m_own ? tr("Change your password") : tr("Set the password of %1").arg(userName));

    auto password = [] {
        auto* edit = new QLineEdit;
        edit->setEchoMode(QLineEdit::Password);
        return edit;
    };
    m_current = password();
    m_password = password();
    m_repeat = password();
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    if (m_own)
        form->addRow(tr("&Current password:"), m_current);
    else
        m_current->setVisible(false);
    form->addRow(tr("&New password:"), m_password);
    form->addRow(tr("&Repeat it:"), m_repeat);

    auto* hint = new QLabel(m_own ? tr("At least 8 characters. Never share an account: the "
                                       "four-eyes rule and the audit log rest on names.")
                                  : tr("At least 8 characters. Give the new password to %1 in "
                                       "person.")
                                        .arg(userName));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    m_error = newErrorLabel();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Set password"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { (void)submit(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);
    (m_own ? m_current : m_password)->setFocus();
}

bool UserPasswordDialog::asksCurrentPassword() const
{
    return m_own;
}

void UserPasswordDialog::setCurrentPassword(const QString& password)
{
    m_current->setText(password);
}

void UserPasswordDialog::setPasswords(const QString& password, const QString& repeated)
{
    m_password->setText(password);
    m_repeat->setText(repeated);
}

bool UserPasswordDialog::submit()
{
    if (m_password->text() != m_repeat->text()) {
        m_repeat->clear();
        showError(tr("The two new passwords differ; type the new password again."), m_repeat);
        return false;
    }
    if (m_own) {
        // Checked as a login: a wrong one counts toward the lock, as at the login dialog.
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        auto user = Auth::login(m_session, m_name, m_current->text());
        QGuiApplication::restoreOverrideCursor();
        m_current->clear();
        if (!user) {
            showError(user.error().text(), m_current);
            return false;
        }
    }
    const Status changed = Auth::changePassword(m_session, m_name, m_password->text());
    if (!changed) {
        showError(changed.error().text(), m_password);
        return false;
    }
    m_error->setVisible(false);
    accept();
    return true;
}

QString UserPasswordDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void UserPasswordDialog::showError(const QString& text, QLineEdit* focus)
{
    m_error->setText(text);
    m_error->setVisible(true);
    if (const int needed = heightForWidth(width()); needed > height())
        resize(width(), needed);
    focus->setFocus();
}

} // namespace dli::ui
