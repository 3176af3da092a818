#include "ui/pages/settings_page.h"

#include "core/storage/session.h"
#include "ui/dialogs/user_password_dialog.h"
#include "ui/widgets/filtered_table.h"
#include "ui/widgets/settings_language.h"
#include "ui/widgets/settings_program_form.h"
#include "ui/widgets/settings_users_panel.h"
#include "ui/workspace.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

SettingsPage::SettingsPage(Workspace& workspace, QWidget* parent)
    : Page(workspace, parent), m_present([](QDialog& d) { d.exec(); })
{
    // Your account
    m_account = new QLabel;
    m_account->setWordWrap(true);
    m_account->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ownPassword = new QPushButton(tr("&Change my password..."));
    connect(m_ownPassword, &QPushButton::clicked, this, &SettingsPage::changeOwnPassword);
    m_accountStatus = new QLabel;
    m_accountStatus->setWordWrap(true);
    m_accountStatus->setVisible(false);
    auto* accountBox = new QGroupBox(tr("Your account"));
    auto* accountLayout = new QVBoxLayout(accountBox);
    accountLayout->addWidget(m_account);
    accountLayout->addWidget(m_ownPassword, 0, Qt::AlignLeft);
    accountLayout->addWidget(m_accountStatus);

    m_program = new SettingsProgramForm(workspace);
    auto* programBox = new QGroupBox(tr("Program settings"));
    auto* programLayout = new QVBoxLayout(programBox);
    programLayout->addWidget(m_program);

    m_language = new SettingsLanguage;
    auto* languageBox = new QGroupBox(tr("Language"));
    auto* languageLayout = new QVBoxLayout(languageBox);
    languageLayout->addWidget(m_language);

    m_users = new SettingsUsersPanel(workspace);
    auto* usersBox = new QGroupBox(tr("Users and roles"));
    auto* usersLayout = new QVBoxLayout(usersBox);
    usersLayout->addWidget(m_users);

    auto* left = new QVBoxLayout;
    left->addWidget(accountBox);
    left->addWidget(programBox);
    left->addWidget(languageBox);
    left->addStretch(1);
    auto* leftHost = new QWidget;
    leftHost->setLayout(left);
    left->setContentsMargins(0, 0, 0, 0);
    leftHost->setMaximumWidth(560);
    leftHost->setMinimumWidth(380);

    auto* content = new QWidget;
    auto* columns = new QHBoxLayout(content);
    columns->setContentsMargins(12, 12, 12, 12);
    columns->setSpacing(12);
    columns->addWidget(leftHost, 2);
    auto* right = new QVBoxLayout;
    const bool admin = m_users->unavailableReason().isEmpty();
    right->addWidget(usersBox, admin ? 1 : 0);
    if (!admin)
        right->addStretch(1);
    columns->addLayout(right, 3);

    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    setTabOrder(m_ownPassword, m_program);
    refresh();
}

void SettingsPage::setDialogPresenter(std::function<void(QDialog&)> presenter)
{
    m_present = presenter;
    m_users->setDialogPresenter(std::move(presenter));
}

void SettingsPage::refresh()
{
    const auto& user = m_ws.user();
    if (user) {
        m_account->setText(
            tr("Logged in as %1%2. Roles: %3.")
                .arg(user->name,
                     user->fullName.isEmpty() ? QString() : u" ("_s + user->fullName + u')',
                     user->roleNames().join(u", "_s)));
        m_ownPassword->setEnabled(true);
        m_ownPassword->setToolTip(QString());
    } else {
        m_account->setText(tr("This database has no user accounts: whoever holds the file may "
                              "do everything. An administrator account is made with "
                              "`dlitracker-cli user add DB NAME --role admin`."));
        m_ownPassword->setEnabled(false);
        m_ownPassword->setToolTip(tr("There is no account to change the password of"));
    }
    m_users->refresh();
    m_program->refresh();
}

void SettingsPage::focusFind()
{
    m_users->table()->focusFilter();
}

QString SettingsPage::accountText() const
{
    return m_account->text();
}

void SettingsPage::changeOwnPassword()
{
    const auto& user = m_ws.user();
    if (!user)
        return;
    UserPasswordDialog dialog(m_ws.session(), user->name, window());
    m_present(dialog);
    if (dialog.result() != QDialog::Accepted)
        return;
    m_accountStatus->setText(tr("Your password was changed. Use the new one from your next "
                                "login."));
    m_accountStatus->setVisible(true);
}

} // namespace dli::ui
