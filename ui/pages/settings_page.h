#pragma once

#include "ui/pages/page.h"

#include <functional>

class QDialog;
class QLabel;
class QPushButton;

namespace dli::ui {

class SettingsLanguage;
class SettingsProgramForm;
class SettingsUsersPanel;

// Users and roles (administrators), one's own account and password, the program's settings
// (administrators change them, undoably), and the language.
class SettingsPage : public Page {
    Q_OBJECT
public:
    explicit SettingsPage(Workspace& workspace, QWidget* parent = nullptr);

    QString id() const override { return QStringLiteral("settings"); }
    QString title() const override { return tr("Settings"); }
    void refresh() override;
    void focusFind() override;

    // Shows a dialog; tests fill it in and submit it instead of exec().
    void setDialogPresenter(std::function<void(QDialog&)> presenter);

    SettingsUsersPanel* users() const { return m_users; }
    SettingsProgramForm* programForm() const { return m_program; }
    SettingsLanguage* language() const { return m_language; }
    QPushButton* ownPasswordButton() const { return m_ownPassword; }
    QString accountText() const;
    // The user's own password, through the same dialog as the button.
    void changeOwnPassword();

private:
    std::function<void(QDialog&)> m_present;
    SettingsUsersPanel* m_users = nullptr;
    SettingsProgramForm* m_program = nullptr;
    SettingsLanguage* m_language = nullptr;
    QLabel* m_account = nullptr;
    QLabel* m_accountStatus = nullptr;
    QPushButton* m_ownPassword = nullptr;
};

} // namespace dli::ui
