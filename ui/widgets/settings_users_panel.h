#pragma once

#include <QWidget>
#include <functional>

class QDialog;
class QLabel;
class QPushButton;

namespace dli::ui {

class FilteredTable;
class UserListModel;
class Workspace;

// Users and roles, for administrators: every account with its roles and state; add a user with
// roles and an initial password, disable or enable one (undoable), lift a lock, set a password.
// Everyone else sees why the list is closed to them.
class SettingsUsersPanel : public QWidget {
    Q_OBJECT
public:
    // Shows a dialog; tests replace it to fill the dialog in and submit it without exec().
    using DialogPresenter = std::function<void(QDialog& dialog)>;

    explicit SettingsUsersPanel(Workspace& workspace, QWidget* parent = nullptr);

    void setDialogPresenter(DialogPresenter presenter) { m_present = std::move(presenter); }
    void refresh();
    // Empty for administrators, else why the accounts are closed.
    QString unavailableReason() const;

    UserListModel* model() const { return m_model; }
    FilteredTable* table() const { return m_table; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* disableButton() const { return m_disable; }
    QPushButton* unlockButton() const { return m_unlock; }
    QPushButton* passwordButton() const { return m_password; }
    QString selectedName() const;
    bool selectUser(const QString& name);

    void addUser();
    void toggleDisabled();
    void unlock();
    void setPassword();

private:
    void updateButtons();

    Workspace& m_ws;
    DialogPresenter m_present;
    UserListModel* m_model = nullptr;
    FilteredTable* m_table = nullptr;
    QLabel* m_closed = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_disable = nullptr;
    QPushButton* m_unlock = nullptr;
    QPushButton* m_password = nullptr;
};

} // namespace dli::ui
