#pragma once

#include "core/result.h"

#include <QMainWindow>
#include <functional>
#include <memory>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QTreeView;
class QUndoGroup;

namespace dli {
class Session;
}

namespace dli::ui {

class DetailsPanel;
class FrameworkPage;
class LoginDialog;
class Page;
class ResultsFrameworkModel;
class WelcomePage;
class Workspace;

// The application window: it owns the open Session and its Workspace, and assembles the menus,
// the sidebar and the pages. Core does the work and each page is its own class; this one only
// wires them up.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // The banner of a field package's working copy (hidden elsewhere), for tests.
    QLabel* fieldBanner() const { return m_fieldBanner; }
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Each returns the same Error the CLI would print, after showing it to the user. A database
    // with accounts opens only after a login; a cancelled login returns Unauthenticated with no
    // message and leaves the window as it was.
    Status openDatabase(const QString& path);
    // Opens a field package on this laptop into a new working database and opens that
    // (FieldPackage::open); errors are shown and returned.
    Status openFieldPackage(const QString& packagePath, const QByteArray& passphrase,
                            const QString& workPath);
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
    Workspace* workspace() const { return m_workspace; }
    // The page with this id ("dashboard", "framework", ...), or nullptr while none is open.
    Page* page(const QString& id) const;
    Page* currentPage() const;
    // Shows the page (if the user may use it), opened on an item when one is named.
    bool showPage(const QString& id, const QString& item = {});
    QListWidget* sidebar() const { return m_sidebar; }
    ResultsFrameworkModel* frameworkModel() const;
    QTreeView* frameworkView() const;
    DetailsPanel* detailsPanel() const;
    // Help > About: version, license, the open database's path and schema version.
    QString aboutText() const;
    // Writes a backup of the open database to path (off the GUI thread).
    Status backupTo(const QString& path);
    static QString demoPath();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void rebuildRecentMenu();
    Status openFile(const QString& path, bool isDemo);
    Result<bool> logIn(Session& session, bool isDemo);
    void showSession(std::unique_ptr<Session> session);
    void buildPages();
    void clearPages();
    void updateStatus();
    Status fail(const QString& title, const Error& error);

    void chooseAndOpen();
    void chooseAndOpenFieldPackage();
    void chooseAndCreate();
    void chooseAndImport();
    void chooseAndExport();
    void chooseAndBackup();
    void showAbout();

    std::unique_ptr<Session> m_session;
    Workspace* m_workspace = nullptr;
    QList<Page*> m_pages;
    QStackedWidget* m_stack = nullptr;
    QStackedWidget* m_pageStack = nullptr;
    QListWidget* m_sidebar = nullptr;
    WelcomePage* m_welcome = nullptr;
    QUndoGroup* m_undoGroup = nullptr;
    QMenu* m_recentMenu = nullptr;
    QList<QAction*> m_needsDatabase; // enabled only while a database is open
    QAction* m_importAction = nullptr;
    QLabel* m_statusProgram = nullptr;
    QLabel* m_statusPath = nullptr;
    QLabel* m_fieldBanner = nullptr; // shown on a field package's working copy
    QLabel* m_statusUser = nullptr;
    ErrorPresenter m_presentError;
    LoginPresenter m_presentLogin;
};

} // namespace dli::ui
