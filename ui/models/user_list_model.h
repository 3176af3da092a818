#pragma once

#include "core/auth/user.h"

#include <QAbstractTableModel>
#include <QList>

namespace dli::ui {

// The accounts of a database as an administrator sees them: name, full name, roles, whether the
// account is active, disabled or locked, failed logins in a row, and who made it when.
class UserListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        FullNameColumn,
        RolesColumn,
        StateColumn,
        FailuresColumn,
        CreatedColumn,
        ColumnCount
    };

    explicit UserListModel(QObject* parent = nullptr);

    void setUsers(const QList<UserStatus>& users);
    const UserStatus* user(int row) const;
    int rowOf(const QString& name) const;
    // "Active", "Disabled", "Locked until 2026-07-01 09:15 UTC".
    static QString stateText(const UserStatus& status);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<UserStatus> m_users;
};

} // namespace dli::ui
