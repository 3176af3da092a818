#include "ui/models/user_list_model.h"

#include "ui/models/roles.h"
#include "ui/widgets/error_text.h"

#include <QColor>

using namespace Qt::StringLiterals;

namespace dli::ui {

UserListModel::UserListModel(QObject* parent) : QAbstractTableModel(parent) {}

void UserListModel::setUsers(const QList<UserStatus>& users)
{
    beginResetModel();
    m_users = users;
    endResetModel();
}

const UserStatus* UserListModel::user(int row) const
{
    return row >= 0 && row < m_users.size() ? &m_users[row] : nullptr;
}

int UserListModel::rowOf(const QString& name) const
{
    for (int i = 0; i < m_users.size(); ++i) {
        if (m_users[i].user.name == name)
            return i;
    }
    return -1;
}

QString UserListModel::stateText(const UserStatus& s)
{
    if (s.user.disabled)
        return tr("Disabled");
    if (s.lockedUntil)
        return tr("Locked until %1 UTC")
            .arg(s.lockedUntil->toUTC().toString(u"yyyy-MM-dd HH:mm"_s));
    return tr("Active");
}

int UserListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_users.size());
}

int UserListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_users.size())
        return {};
    const UserStatus& s = m_users[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return s.user.name;
        case FullNameColumn:
            return s.user.fullName;
        case RolesColumn:
            return s.user.roleNames().join(u", "_s);
        case StateColumn:
            return stateText(s);
        case FailuresColumn:
            return s.failedInARow;
        case CreatedColumn:
            return s.user.createdBy.isEmpty()
                       ? s.user.createdAt.toUTC().toString(u"yyyy-MM-dd"_s)
                       : tr("%1 by %2")
                             .arg(s.user.createdAt.toUTC().toString(u"yyyy-MM-dd"_s),
                                  s.user.createdBy);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && (s.user.disabled || s.lockedUntil))
            return errorColour();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == FailuresColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        if (index.column() == FailuresColumn)
            return s.failedInARow;
        if (index.column() == CreatedColumn)
            return s.user.createdAt;
        return {};
    case KeyRole:
        return s.user.name;
    default:
        return {};
    }
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("User name");
    case FullNameColumn:
        return tr("Full name");
    case RolesColumn:
        return tr("Roles");
    case StateColumn:
        return tr("State");
    case FailuresColumn:
        return tr("Failed logins");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace dli::ui
