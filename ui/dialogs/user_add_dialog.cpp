#include "ui/dialogs/user_add_dialog.h"

#include "core/auth/auth.h"
#include "core/storage/session.h"
#include "ui/widgets/error_text.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

QString roleText(Role role)
{
    switch (role) {
    case Role::Admin:
        return UserAddDialog::tr("&admin: manages accounts and the program");
    case Role::Officer:
        return UserAddDialog::tr("&officer: enters and submits figures");
    case Role::Verifier:
        return UserAddDialog::tr("&verifier: verifies, rejects and queries figures");
    case Role::Manager:
        return UserAddDialog::tr("&manager: records disbursements and advances");
    case Role::Viewer:
        return UserAddDialog::tr("vie&wer: reads everything, changes nothing");
    }
    return {};
}

} // namespace

UserAddDialog::UserAddDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Add a user"));
    m_name = new QLineEdit;
    m_name->setPlaceholderText(tr("one word, like ayesha.khan"));
    m_fullName = new QLineEdit;
    m_password = new QLineEdit;
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit;
    m_repeat->setEchoMode(QLineEdit::Password);

    auto* roles = new QWidget;
    auto* roleBox = new QVBoxLayout(roles);
    roleBox->setContentsMargins(0, 0, 0, 0);
    roleBox->setSpacing(2);
    for (const auto& [role, name] : kRoleNames) {
        auto* box = new QCheckBox(roleText(role));
        m_roles.insert(role, box);
        roleBox->addWidget(box);
    }

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("User &name:"), m_name);
    form->addRow(tr("&Full name:"), m_fullName);
    form->addRow(tr("Roles:"), roles);
    form->addRow(tr("Initial &password:"), m_password);
    form->addRow(tr("&Repeat it:"), m_repeat);

    auto* hint = new QLabel(tr("At least 8 characters. Give the password to the user in person; "
                               "they can change it on the Settings page after logging in."));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    m_error = newErrorLabel();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add user"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { (void)submit(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(480);
    m_name->setFocus();
}

void UserAddDialog::setUserName(const QString& name)
{
    m_name->setText(name);
}

void UserAddDialog::setFullName(const QString& name)
{
    m_fullName->setText(name);
}

void UserAddDialog::setRoles(const QList<Role>& roles)
{
    for (auto it = m_roles.begin(); it != m_roles.end(); ++it)
        it.value()->setChecked(roles.contains(it.key()));
}

void UserAddDialog::setPasswords(const QString& password, const QString& repeated)
{
    m_password->setText(password);
    m_repeat->setText(repeated);
}

bool UserAddDialog::submit()
{
    if (m_password->text() != m_repeat->text()) {
        m_repeat->clear();
        showError(tr("The two passwords differ; type the password again."), m_repeat);
        return false;
    }
    User user;
    user.name = m_name->text().trimmed();
    user.fullName = m_fullName->text().trimmed();
    for (auto it = m_roles.cbegin(); it != m_roles.cend(); ++it) {
        if (it.value()->isChecked())
            user.roles << it.key();
    }
    const Status added = Auth::addUser(m_session, user, m_password->text());
    if (!added) {
        showError(added.error().text(), m_name);
        return false;
    }
    m_added = user.name;
    m_error->setVisible(false);
    accept();
    return true;
}

QString UserAddDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void UserAddDialog::showError(const QString& text, QWidget* focus)
{
    m_error->setText(text);
    m_error->setVisible(true);
    if (const int needed = heightForWidth(width()); needed > height())
        resize(width(), needed);
    focus->setFocus();
}

} // namespace dli::ui
