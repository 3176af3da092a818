#include "ui/widgets/settings_users_panel.h"

#include "core/auth/auth.h"
#include "core/storage/session.h"
#include "ui/commands/user_disable_command.h"
#include "ui/dialogs/user_add_dialog.h"
#include "ui/dialogs/user_password_dialog.h"
#include "ui/models/user_list_model.h"
#include "ui/widgets/filtered_table.h"
#include "ui/workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

SettingsUsersPanel::SettingsUsersPanel(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_ws(workspace), m_present([](QDialog& d) { d.exec(); })
{
    m_model = new UserListModel(this);
    m_table = new FilteredTable;
    m_table->setModel(m_model);
    m_table->setEmptyText(tr("No accounts to show."));
    m_table->setFilterPlaceholder(tr("Filter users (Ctrl+F)"));
    m_table->view()->setAccessibleName(tr("User accounts"));

    m_closed = new QLabel;
    m_closed->setWordWrap(true);
    m_closed->setForegroundRole(QPalette::PlaceholderText);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setVisible(false);

    m_add = new QPushButton(tr("A&dd user..."));
    m_disable = new QPushButton(tr("D&isable"));
    m_unlock = new QPushButton(tr("Un&lock"));
    m_unlock->setToolTip(tr("Lifts a lock after failed logins before its 15 minutes are over"));
    m_password = new QPushButton(tr("Set pass&word..."));
    connect(m_add, &QPushButton::clicked, this, &SettingsUsersPanel::addUser);
    connect(m_disable, &QPushButton::clicked, this, &SettingsUsersPanel::toggleDisabled);
    connect(m_unlock, &QPushButton::clicked, this, &SettingsUsersPanel::unlock);
    connect(m_password, &QPushButton::clicked, this, &SettingsUsersPanel::setPassword);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_disable);
    buttons->addWidget(m_unlock);
    buttons->addWidget(m_password);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_closed);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_table, &FilteredTable::currentSourceChanged, this,
            &SettingsUsersPanel::updateButtons);
    // Undo and redo of a disable come from the Edit menu: the list follows.
    connect(m_ws.undoStack(), &QUndoStack::indexChanged, this, &SettingsUsersPanel::refresh);
    refresh();
}

QString SettingsUsersPanel::unavailableReason() const
{
    return m_ws.roleReason({Role::Admin});
}

void SettingsUsersPanel::refresh()
{
    const QString why = unavailableReason();
    m_closed->setText(why.isEmpty() ? QString()
                                    : tr("Managing accounts is for administrators. %1.").arg(why));
    m_closed->setVisible(!why.isEmpty());
    m_table->setEnabled(why.isEmpty());
    // Nothing to list for others: the sentence says why, without an empty table under it.
    m_table->setVisible(why.isEmpty());
    for (QPushButton* b : {m_add, m_disable, m_unlock, m_password})
        b->setVisible(why.isEmpty());
    if (!why.isEmpty()) {
        m_model->setUsers({});
        m_table->setEmptyText(tr("Only administrators see the list of accounts."));
        updateButtons();
        return;
    }
    const QString selected = selectedName();
    auto users = Auth::list(m_ws.session());
    if (!users) {
        m_ws.report(tr("The accounts could not be listed"), users.error());
        m_model->setUsers({});
    } else {
        m_model->setUsers(users.value());
    }
    m_table->view()->resizeColumnsToContents();
    if (!selected.isEmpty())
        selectUser(selected);
    updateButtons();
}

QString SettingsUsersPanel::selectedName() const
{
    const QModelIndex index = m_table->currentSourceIndex();
    const UserStatus* s = index.isValid() ? m_model->user(index.row()) : nullptr;
    return s ? s->user.name : QString();
}

bool SettingsUsersPanel::selectUser(const QString& name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return false;
    m_table->selectSourceRow(row);
    updateButtons();
    return true;
}

void SettingsUsersPanel::updateButtons()
{
    const QString why = unavailableReason();
    const bool admin = why.isEmpty();
    const QModelIndex index = m_table->currentSourceIndex();
    const UserStatus* s = index.isValid() ? m_model->user(index.row()) : nullptr;
    m_add->setEnabled(admin);
    m_disable->setEnabled(admin && s);
    m_unlock->setEnabled(admin && s && s->lockedUntil.has_value());
    m_password->setEnabled(admin && s);
    m_disable->setText(s && s->user.disabled ? tr("En&able") : tr("D&isable"));
    for (QPushButton* b : {m_add, m_disable, m_unlock, m_password})
        b->setToolTip(admin ? (b == m_unlock && s && !s->lockedUntil
                                   ? tr("%1 is not locked").arg(s->user.name)
                                   : QString())
                            : why);
    if (admin && !s)
        m_disable->setToolTip(tr("Select a user first"));
}

void SettingsUsersPanel::addUser()
{
    UserAddDialog dialog(m_ws.session(), window());
    m_present(dialog);
    if (dialog.result() != QDialog::Accepted)
        return;
    refresh();
    selectUser(dialog.addedName());
    m_status->setText(tr("Added %1.").arg(dialog.addedName()));
    m_status->setVisible(true);
}

void SettingsUsersPanel::toggleDisabled()
{
    const QModelIndex index = m_table->currentSourceIndex();
    const UserStatus* s = index.isValid() ? m_model->user(index.row()) : nullptr;
    if (!s)
        return;
    const QString name = s->user.name;
    const bool disable = !s->user.disabled;
    const Status done = UserDisableCommand::apply(m_ws, name, disable);
    if (!done) {
        m_ws.report(disable ? tr("%1 was not disabled").arg(name)
                            : tr("%1 was not enabled").arg(name),
                    done.error());
        return;
    }
    refresh();
    m_status->setText(disable ? tr("%1 can no longer log in; what they did stays in the audit "
                                   "log. Edit > Undo enables the account again.")
                                    .arg(name)
                              : tr("%1 can log in again.").arg(name));
    m_status->setVisible(true);
}

void SettingsUsersPanel::unlock()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    if (!m_ws.check(tr("%1 was not unlocked").arg(name), Auth::unlock(m_ws.session(), name)))
        return;
    refresh();
    m_status->setText(tr("%1 may log in again now.").arg(name));
    m_status->setVisible(true);
}

void SettingsUsersPanel::setPassword()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    UserPasswordDialog dialog(m_ws.session(), name, window());
    m_present(dialog);
    if (dialog.result() != QDialog::Accepted)
        return;
    m_status->setText(tr("The password of %1 was changed.").arg(name));
    m_status->setVisible(true);
}

} // namespace dli::ui
