#pragma once

#include "core/result.h"

#include <QMainWindow>
#include <functional>
#include <memory>

class QLabel;
class QMenu;
class QStackedWidget;
class QTreeView;

namespace dli {
class Session;
}

namespace dli::ui {

class DetailsPanel;
class LoginDialog;
class ResultsFrameworkModel;
class WelcomePage;

// The application window: it assembles the menus, the results framework tree and the details
// panel, and owns the open Session. Core does the work; this class only wires it up.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Each returns the same Error the CLI would print, after showing it to the user. A database
    // with accounts opens only after a login; a cancelled login returns Unauthenticated with no
    // message and leaves the window as it was.
    Status openDatabase(const QString& path);
    Status createDatabase(const QString& path);
    // Writes a fresh demo database in the user's data folder and opens it.
    Status openDemo();
    Status importProgram(const QString& file);

    // How errors reach the user; tests replace the message box with a recorder.
    using ErrorPresenter = std::function<void(const QString& title, const QString& text)>;
    void setErrorPresenter(ErrorPresenter presenter) { m_presentError = std::move(presenter); }
    // How the login dialog is put to the user: true once it was accepted. The default runs it
    // modally; tests and --screenshot fill it in instead.
    using LoginPresenter = std::function<bool(LoginDialog& dialog)>;
    void setLoginPresenter(LoginPresenter presenter) { m_presentLogin = std::move(presenter); }

    Session* session() const { return m_session.get(); }
    ResultsFrameworkModel* frameworkModel() const { return m_model; }
    QTreeView* frameworkView() const { return m_tree; }
    DetailsPanel* detailsPanel() const { return m_details; }
    static QString demoPath();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void rebuildRecentMenu();
    Status openFile(const QString& path, bool isDemo);
    Result<bool> logIn(Session& session, bool isDemo);
    void showSession(std::unique_ptr<Session> session);
    void reloadProgram();
    void onSelectionChanged();
    Status fail(const QString& title, const Error& error);

    void chooseAndOpen();
    void chooseAndCreate();
    void chooseAndImport();
    void showAbout();

    std::unique_ptr<Session> m_session;
    QStackedWidget* m_stack = nullptr;
    WelcomePage* m_welcome = nullptr;
    QTreeView* m_tree = nullptr;
    DetailsPanel* m_details = nullptr;
    ResultsFrameworkModel* m_model = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_importAction = nullptr;
    QLabel* m_statusProgram = nullptr;
    QLabel* m_statusPath = nullptr;
    QLabel* m_statusUser = nullptr;
    ErrorPresenter m_presentError;
    LoginPresenter m_presentLogin;
};

} // namespace dli::ui
