#include "ui/main_window.h"

#include "core/auth/auth.h"
#include "core/io/demo.h"
#include "core/io/program_import.h"
#include "core/io/program_writer.h"
#include "core/package/field_package.h"
#include "core/storage/schema.h"
#include "core/storage/session.h"
#include "ui/details_panel.h"
#include "ui/dialogs/passphrase_dialog.h"
#include "ui/login_dialog.h"
#include "ui/models/results_framework_model.h"
#include "ui/pages/audit_page.h"
#include "ui/pages/charts_page.h"
#include "ui/pages/dashboard_page.h"
#include "ui/pages/data_page.h"
#include "ui/pages/disbursement_page.h"
#include "ui/pages/field_page.h"
#include "ui/pages/framework_page.h"
#include "ui/pages/reports_page.h"
#include "ui/pages/settings_page.h"
#include "ui/pages/verification_page.h"
#include "ui/recent_files.h"
#include "ui/task_runner.h"
#include "ui/welcome_page.h"
#include "ui/workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTreeView>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {
QString databaseFilter()
{
    return MainWindow::tr("DLI Tracker databases (*.dlidb)");
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("DLI Tracker"));
    m_presentError = [this](const QString& title, const QString& text) {
        QMessageBox::warning(this, title, text);
    };
    m_presentLogin = [](LoginDialog& dialog) {
        return dialog.exec() == QDialog::Accepted;
    };

    m_undoGroup = new QUndoGroup(this);
    m_sidebar = new QListWidget;
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setStyleSheet(u"QListWidget { padding-top: 6px; }"
                             u"QListWidget::item { padding: 6px 14px; }"_s);
    m_sidebar->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_pageStack = new QStackedWidget;
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_pages.size())
            m_pageStack->setCurrentWidget(m_pages[row]);
    });
    auto* pagesRow = new QWidget;
    auto* bodyLayout = new QHBoxLayout(pagesRow);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->setSpacing(0);
    bodyLayout->addWidget(m_sidebar);
    bodyLayout->addWidget(m_pageStack, 1);
    // A field copy says so above every page: its changes go back to the office with a return.
    m_fieldBanner = new QLabel;
    m_fieldBanner->setWordWrap(true);
    m_fieldBanner->setContentsMargins(14, 8, 14, 8);
    m_fieldBanner->setStyleSheet(u"QLabel { background: #fff4d6; color: #3d2e00; "
                                 u"border-bottom: 1px solid #d9b54a; }"_s);
    m_fieldBanner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fieldBanner->setVisible(false);
    auto* body = new QWidget;
    auto* column = new QVBoxLayout(body);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_fieldBanner);
    column->addWidget(pagesRow, 1);

    m_welcome = new WelcomePage;
    connect(m_welcome, &WelcomePage::openDemoRequested, this, [this] { (void)openDemo(); });
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::chooseAndOpen);
    connect(m_welcome, &WelcomePage::newRequested, this, &MainWindow::chooseAndCreate);
    connect(m_welcome, &WelcomePage::openRecentRequested, this,
            [this](const QString& path) { (void)openDatabase(path); });

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(body);
    setCentralWidget(m_stack);

    m_statusProgram = new QLabel;
    m_statusPath = new QLabel;
    statusBar()->addWidget(m_statusProgram);
    statusBar()->addPermanentWidget(m_statusPath);
    m_statusUser = new QLabel;
    // Apart from the path, which ends just before it.
    m_statusUser->setContentsMargins(16, 0, 4, 0);
    m_statusUser->setVisible(false);
    statusBar()->addPermanentWidget(m_statusUser);

    buildMenus();
    QSettings settings;
    if (!restoreGeometry(settings.value(u"mainWindow/geometry"_s).toByteArray()))
        resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* create = file->addAction(tr("&New database..."), this, &MainWindow::chooseAndCreate);
    create->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open..."), this, &MainWindow::chooseAndOpen);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &field package..."), this, &MainWindow::chooseAndOpenFieldPackage);
    QAction* demo = file->addAction(tr("Open &demo program"), this, [this] { (void)openDemo(); });
    demo->setShortcut(QKeySequence(u"Ctrl+Shift+D"_s));
    m_recentMenu = file->addMenu(tr("&Recent files"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction* backup = file->addAction(tr("&Backup..."), this, &MainWindow::chooseAndBackup);
    backup->setShortcut(QKeySequence(u"Ctrl+Shift+B"_s));
    m_importAction =
        file->addAction(tr("&Import program definition..."), this, &MainWindow::chooseAndImport);
    m_importAction->setShortcut(QKeySequence(u"Ctrl+I"_s));
    QAction* exportProgram =
        file->addAction(tr("&Export program definition..."), this, &MainWindow::chooseAndExport);
    m_needsDatabase << backup << m_importAction << exportProgram;
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* find = edit->addAction(tr("&Find"), this, [this] {
        if (Page* p = currentPage())
            p->focusFind();
    });
    find->setShortcut(QKeySequence::Find);
    m_needsDatabase << find;

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* refresh = view->addAction(tr("&Refresh"), this, [this] {
        if (m_workspace)
            m_workspace->reloadProgram();
        for (Page* p : m_pages)
            p->refresh();
    });
    refresh->setShortcut(QKeySequence::Refresh);
    m_needsDatabase << refresh;
    view->addSeparator();
    const QStringList ids{u"dashboard"_s,    u"framework"_s, u"data"_s,    u"verification"_s,
                          u"disbursement"_s, u"charts"_s,    u"reports"_s, u"audit"_s,
                          u"settings"_s,     u"field"_s};
    const QStringList names{tr("&Dashboard"),     tr("Results &framework"), tr("D&ata"),
                            tr("&Verification"),  tr("Dis&bursement"),      tr("&Charts"),
                            tr("Re&ports"),       tr("Audit &log"),         tr("&Settings"),
                            tr("Fi&eld packages")};
    for (qsizetype i = 0; i < ids.size(); ++i) {
        QAction* go = view->addAction(names[i], this, [this, id = ids[i]] { showPage(id); });
        // Ctrl+1 to Ctrl+9, then Ctrl+0 for the tenth.
        go->setShortcut(QKeySequence(u"Ctrl+%1"_s.arg((i + 1) % 10)));
        m_needsDatabase << go;
    }
    for (QAction* a : m_needsDatabase) {
        a->setEnabled(false);
        a->setToolTip(tr("Open a database first"));
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About DLI Tracker"), this, &MainWindow::showAbout);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    // Files moved or deleted since are not offered.
    QStringList recent;
    for (const QString& path : RecentFiles::load()) {
        if (QFileInfo::exists(path))
            recent << path;
    }
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction* a = m_recentMenu->addAction(u"&%1  %2"_s.arg(i + 1).arg(path));
        connect(a, &QAction::triggered, this, [this, path] { (void)openDatabase(path); });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    m_welcome->setRecentFiles(recent);
}

Status MainWindow::fail(const QString& title, const Error& error)
{
    m_presentError(title, error.text());
    return error;
}

Status MainWindow::openDatabase(const QString& path)
{
    return openFile(path, false);
}

Status MainWindow::openFile(const QString& path, bool isDemo)
{
    auto session = Session::open(path);
    if (!session) {
        if (session.error().code == ErrorCode::NotFound) {
            RecentFiles::remove(path);
            rebuildRecentMenu();
        }
        return fail(tr("Cannot open the database"), session.error());
    }
    std::unique_ptr<Session> opened = std::move(session).value();
    auto loggedIn = logIn(*opened, isDemo || Demo::isDemo(*opened));
    if (!loggedIn)
        return fail(tr("Cannot open the database"), loggedIn.error());
    // Cancelling is no error: the new session closes here and the window stays as it was.
    if (!loggedIn.value())
        return Error(ErrorCode::Unauthenticated,
                     tr("%1 was not opened: no one logged in.").arg(QFileInfo(path).fileName()));
    showSession(std::move(opened));
    return {};
}

Result<bool> MainWindow::logIn(Session& session, bool isDemo)
{
    auto hasUsers = Auth::hasUsers(session);
    if (!hasUsers)
        return hasUsers.error();
    if (!hasUsers.value())
        return true;
    LoginDialog dialog(session, isDemo, this);
    // A presenter that returns true without a login must not open the database.
    return m_presentLogin(dialog) && session.currentUser().has_value();
}

Status MainWindow::createDatabase(const QString& path)
{
    auto session = Session::create(path);
    if (!session)
        return fail(tr("Cannot create the database"), session.error());
    showSession(std::move(session).value());
    return {};
}

QString MainWindow::demoPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/demo.dlidb"_s;
}

Status MainWindow::openDemo()
{
    const QString path = demoPath();
    if (m_session && QFileInfo(m_session->path()) == QFileInfo(path))
        showSession(nullptr);
    QDir().mkpath(QFileInfo(path).absolutePath());
    // The demo is made afresh each time, so it always shows what this version can do.
    for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
    if (auto s = Demo::create(path); !s)
        return fail(tr("Cannot create the demo program"), s.error());
    return openFile(path, true);
}

Status MainWindow::importProgram(const QString& file)
{
    if (!m_session)
        return fail(tr("Cannot import"), Error(ErrorCode::Usage, tr("Open a database first.")));
    // The session's notifier reloads the tree once the program is in.
    if (auto s = ProgramImport::importFile(*m_session, file, false); !s)
        return fail(tr("The program was not imported"), s.error());
    return {};
}

void MainWindow::showSession(std::unique_ptr<Session> session)
{
    // Pages hold the workspace, which holds the session: they go in that order.
    clearPages();
    m_session = std::move(session);
    for (QAction* a : m_needsDatabase) {
        a->setEnabled(m_session != nullptr);
        a->setToolTip(m_session ? QString() : tr("Open a database first"));
    }
    if (!m_session) {
        m_stack->setCurrentWidget(m_welcome);
        setWindowTitle(tr("DLI Tracker"));
        m_statusProgram->clear();
        m_statusPath->clear();
        m_statusUser->clear();
        m_statusUser->setVisible(false);
        m_fieldBanner->setVisible(false);
        return;
    }
    m_workspace = new Workspace(*m_session, this);
    m_workspace->setErrorPresenter(
        [this](const QString& title, const QString& text) { m_presentError(title, text); });
    connect(m_workspace, &Workspace::programReloaded, this, &MainWindow::updateStatus);
    connect(m_workspace, &Workspace::navigateRequested, this,
            [this](const QString& id, const QString& item) { showPage(id, item); });
    m_undoGroup->addStack(m_workspace->undoStack());
    m_undoGroup->setActiveStack(m_workspace->undoStack());
    m_importAction->setEnabled(m_workspace->hasRole({Role::Admin}));
    m_importAction->setToolTip(m_workspace->roleReason({Role::Admin}));
    RecentFiles::add(m_session->path());
    rebuildRecentMenu();
    setWindowTitle(tr("%1 - DLI Tracker").arg(QFileInfo(m_session->path()).fileName()));
    m_statusPath->setText(
        QDir::toNativeSeparators(QFileInfo(m_session->path()).absoluteFilePath()));
    if (const auto& user = m_session->currentUser()) {
        m_statusUser->setText(tr("%1 (%2)").arg(user->name, user->roleNames().join(u", "_s)));
        m_statusUser->setToolTip(
            tr("Logged in as %1").arg(user->fullName.isEmpty() ? user->name : user->fullName));
        m_statusUser->setVisible(true);
    } else {
        m_statusUser->clear();
        m_statusUser->setVisible(false);
    }
    auto field = FieldPackage::of(*m_session);
    if (field && field.value()) {
        const PackageManifest& m = *field.value();
        m_fieldBanner->setText(
            tr("<b>Field copy</b> of package %1 for %2, made on %3 from the office database. "
               "Work here offline; your changes go back to the office with a return.")
                .arg(m.packageId.left(8), m.assignee.toHtmlEscaped(),
                     m.createdAt.toString(u"d MMMM yyyy"_s)));
        m_fieldBanner->setVisible(true);
    } else {
        m_fieldBanner->setVisible(false);
    }
    buildPages();
    m_stack->setCurrentIndex(1);
    updateStatus();
}

void MainWindow::buildPages()
{
    Workspace& ws = *m_workspace;
    m_pages = {new DashboardPage(ws),    new FrameworkPage(ws),    new DataPage(ws),
               new VerificationPage(ws), new DisbursementPage(ws), new ChartsPage(ws),
               new ReportsPage(ws),      new AuditPage(ws),        new SettingsPage(ws),
               new FieldPage(ws)};
    const QSignalBlocker quiet(m_sidebar);
    m_sidebar->clear();
    int first = -1;
    for (Page* p : m_pages) {
        m_pageStack->addWidget(p);
        auto* item = new QListWidgetItem(p->title(), m_sidebar);
        item->setSizeHint(QSize(item->sizeHint().width(), m_sidebar->fontMetrics().height() + 16));
        item->setData(Qt::UserRole, p->id());
        const QString why = p->unavailableReason();
        if (!why.isEmpty()) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(why);
        } else if (first < 0) {
            first = static_cast<int>(m_pages.indexOf(p));
        }
    }
    m_sidebar->setFixedWidth(m_sidebar->sizeHintForColumn(0) + 40);
    m_sidebar->setCurrentRow(std::max(first, 0));
    m_pageStack->setCurrentIndex(std::max(first, 0));
}

void MainWindow::clearPages()
{
    const QSignalBlocker quiet(m_sidebar);
    m_sidebar->clear();
    for (Page* p : m_pages) {
        m_pageStack->removeWidget(p);
        delete p;
    }
    m_pages.clear();
    if (m_workspace) {
        m_undoGroup->removeStack(m_workspace->undoStack());
        delete m_workspace;
        m_workspace = nullptr;
    }
}

Page* MainWindow::page(const QString& id) const
{
    for (Page* p : m_pages) {
        if (p->id() == id)
            return p;
    }
    return nullptr;
}

Page* MainWindow::currentPage() const
{
    return qobject_cast<Page*>(m_pageStack->currentWidget());
}

bool MainWindow::showPage(const QString& id, const QString& item)
{
    Page* p = page(id);
    if (!p || !p->unavailableReason().isEmpty())
        return false;
    m_sidebar->setCurrentRow(static_cast<int>(m_pages.indexOf(p)));
    if (!item.isEmpty())
        p->showItem(item);
    return true;
}

ResultsFrameworkModel* MainWindow::frameworkModel() const
{
    auto* p = qobject_cast<FrameworkPage*>(page(u"framework"_s));
    return p ? p->model() : nullptr;
}

QTreeView* MainWindow::frameworkView() const
{
    auto* p = qobject_cast<FrameworkPage*>(page(u"framework"_s));
    return p ? p->view() : nullptr;
}

DetailsPanel* MainWindow::detailsPanel() const
{
    auto* p = qobject_cast<FrameworkPage*>(page(u"framework"_s));
    return p ? p->details() : nullptr;
}

void MainWindow::updateStatus()
{
    const Program* program = m_workspace ? m_workspace->program() : nullptr;
    if (!program) {
        m_statusProgram->setText(tr("No program"));
        return;
    }
    m_statusProgram->setText(tr("Program %1: %2 indicators, %3 DLIs")
                                 .arg(program->code)
                                 .arg(program->indicators.size())
                                 .arg(program->dlis.size()));
}

Status MainWindow::backupTo(const QString& path)
{
    if (!m_workspace)
        return fail(tr("Cannot back up"), Error(ErrorCode::Usage, tr("Open a database first.")));
    const Status done = TaskRunner::run(
        this, *m_workspace, tr("Backing up"), [path](Session& s, TaskRunner::Progress&) -> Status {
            // As the CLI does: the copy holds the entry that
            // records it.
            auto entry = s.audit().recordEvent(u"database.backup"_s,
                                               QJsonObject{{u"to"_s, QFileInfo(path).fileName()}});
            if (!entry)
                return entry.error();
            return s.database().backupTo(path);
        });
    if (!done)
        return fail(tr("The backup was not made"), done.error());
    statusBar()->showMessage(tr("Backed up to %1").arg(QDir::toNativeSeparators(path)), 8000);
    return {};
}

Status MainWindow::openFieldPackage(const QString& packagePath, const QByteArray& passphrase,
                                    const QString& workPath)
{
    auto opened = FieldPackage::open(packagePath, passphrase, workPath);
    if (!opened)
        return fail(tr("The field package was not opened"), opened.error());
    return openDatabase(workPath);
}

void MainWindow::chooseAndOpenFieldPackage()
{
    const QString package = QFileDialog::getOpenFileName(
        this, tr("Open a field package"), QString(),
        tr("Field packages (*.dlipkg)") + u";;"_s + tr("All files (*)"));
    if (package.isEmpty())
        return;
    const auto passphrase = PassphraseDialog::ask(
        this, PassphraseDialog::Mode::Open, tr("Open a field package"),
        tr("The passphrase the office gave you for %1:").arg(QFileInfo(package).fileName()));
    if (!passphrase)
        return;
    const QString suggested = QFileInfo(package).absolutePath() + u'/' +
                              QFileInfo(package).completeBaseName() + u".dlidb"_s;
    const QString work = QFileDialog::getSaveFileName(this, tr("Save the working database as"),
                                                      suggested, databaseFilter());
    if (!work.isEmpty())
        (void)openFieldPackage(package, *passphrase, work);
}

void MainWindow::chooseAndOpen()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a DLI Tracker database"), QString(),
                                     databaseFilter() + u";;"_s + tr("All files (*)"));
    if (!path.isEmpty())
        (void)openDatabase(path);
}

void MainWindow::chooseAndCreate()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New DLI Tracker database"), QString(),
                                                databaseFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".dlidb"_s;
    // The save dialog already asked whether to replace; a database is never overwritten.
    (void)createDatabase(path);
}

void MainWindow::chooseAndImport()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import a program definition"), QString(),
        tr("Program definitions (*.json)") + u";;"_s + tr("All files (*)"));
    if (!path.isEmpty())
        (void)importProgram(path);
}

void MainWindow::chooseAndExport()
{
    if (!m_workspace || !m_workspace->program())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the program definition"),
                                                      m_workspace->program()->code + u".json"_s,
                                                      tr("Program definitions (*.json)"));
    if (path.isEmpty())
        return;
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        (void)fail(tr("The program was not exported"),
                   Error(ErrorCode::Io, tr("cannot write %1: %2").arg(path, out.errorString())));
        return;
    }
    out.write(ProgramWriter::write(*m_workspace->program()));
    statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::chooseAndBackup()
{
    if (!m_session)
        return;
    const QString suggested = QFileInfo(m_session->path()).completeBaseName() + u"-"_s +
                              m_session->options().now().toString(u"yyyyMMdd-HHmm"_s) + u".dlidb"_s;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Back up the database"), suggested, databaseFilter());
    if (!path.isEmpty())
        (void)backupTo(path);
}

QString MainWindow::aboutText() const
{
    QString db = tr("No database open.");
    if (m_session)
        db = tr("Database: %1<br>Schema version: %2")
                 .arg(QDir::toNativeSeparators(m_session->path()).toHtmlEscaped())
                 .arg(m_session->database().schemaVersion());
    return tr("<h3>DLI Tracker %1</h3>"
              "<p>Disbursement-linked indicators for the Punjab Small Industries Corporation.</p>"
              "<p>Licensed under the GNU General Public License, version 3 or later.</p>"
              "<p>%2</p><p>This version writes database schema version %3.</p>")
        .arg(QCoreApplication::applicationVersion(), db)
        .arg(Schema::currentVersion());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About DLI Tracker"), aboutText());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings().setValue(u"mainWindow/geometry"_s, saveGeometry());
    event->accept();
}

} // namespace dli::ui
