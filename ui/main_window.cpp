#include "ui/main_window.h"

#include "core/auth/auth.h"
#include "core/io/demo.h"
#include "core/io/program_import.h"
#include "core/storage/schema.h"
#include "core/storage/session.h"
#include "ui/details_panel.h"
#include "ui/login_dialog.h"
#include "ui/models/results_framework_model.h"
#include "ui/recent_files.h"
#include "ui/welcome_page.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTreeView>

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

    m_model = new ResultsFrameworkModel(this);
    m_tree = new QTreeView;
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ResultsFrameworkModel::ItemColumn, QHeaderView::Stretch);
    for (int c = ResultsFrameworkModel::PeriodColumn; c < ResultsFrameworkModel::ColumnCount; ++c)
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onSelectionChanged);

    m_details = new DetailsPanel;
    auto* splitter = new QSplitter;
    splitter->addWidget(m_tree);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_welcome = new WelcomePage;
    connect(m_welcome, &WelcomePage::openDemoRequested, this, [this] { (void)openDemo(); });
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::chooseAndOpen);
    connect(m_welcome, &WelcomePage::newRequested, this, &MainWindow::chooseAndCreate);
    connect(m_welcome, &WelcomePage::openRecentRequested, this,
            [this](const QString& path) { (void)openDatabase(path); });

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(splitter);
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
        resize(1200, 760);
    splitter->restoreState(settings.value(u"mainWindow/splitter"_s).toByteArray());
    connect(qApp, &QApplication::aboutToQuit, this,
            [splitter] { QSettings().setValue(u"mainWindow/splitter"_s, splitter->saveState()); });
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* create = file->addAction(tr("&New database..."), this, &MainWindow::chooseAndCreate);
    create->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open..."), this, &MainWindow::chooseAndOpen);
    open->setShortcut(QKeySequence::Open);
    QAction* demo = file->addAction(tr("Open &demo program"), this, [this] { (void)openDemo(); });
    demo->setShortcut(QKeySequence(u"Ctrl+Shift+D"_s));
    m_recentMenu = file->addMenu(tr("&Recent files"));
    rebuildRecentMenu();
    file->addSeparator();
    m_importAction =
        file->addAction(tr("&Import program definition..."), this, &MainWindow::chooseAndImport);
    m_importAction->setShortcut(QKeySequence(u"Ctrl+I"_s));
    m_importAction->setEnabled(false);
    m_importAction->setToolTip(tr("Open a database first"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

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
    m_session = std::move(session);
    m_importAction->setEnabled(m_session != nullptr);
    m_importAction->setToolTip(m_session ? QString() : tr("Open a database first"));
    if (!m_session) {
        m_model->clear();
        m_stack->setCurrentWidget(m_welcome);
        setWindowTitle(tr("DLI Tracker"));
        m_statusProgram->clear();
        m_statusPath->clear();
        m_statusUser->clear();
        m_statusUser->setVisible(false);
        return;
    }
    connect(&m_session->notifier(), &ChangeNotifier::programChanged, this,
            &MainWindow::reloadProgram);
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
    m_stack->setCurrentIndex(1);
    reloadProgram();
}

void MainWindow::reloadProgram()
{
    if (!m_session)
        return;
    auto program = m_session->programs().load();
    if (!program) {
        m_model->clear();
        if (program.error().code == ErrorCode::NotFound) {
            m_details->setHtml(u"<h2>"_s + tr("No program yet").toHtmlEscaped() + u"</h2><p>"_s +
                               tr("This database holds no program. Use File > Import program "
                                  "definition to load one (see docs/program-format.md).")
                                   .toHtmlEscaped() +
                               u"</p>"_s);
            m_statusProgram->setText(tr("No program"));
        } else {
            (void)fail(tr("Cannot read the program"), program.error());
        }
        return;
    }
    m_model->setProgram(program.value());
    m_tree->expandAll();
    m_tree->setCurrentIndex(QModelIndex());
    m_details->showProgram(program.value());
    m_statusProgram->setText(tr("Program %1: %2 indicators, %3 DLIs")
                                 .arg(program->code)
                                 .arg(program->indicators.size())
                                 .arg(program->dlis.size()));
}

void MainWindow::onSelectionChanged()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid()) {
        m_details->showProgram(m_model->program());
        return;
    }
    const QModelIndex first = current.siblingAtColumn(0);
    const auto kind = static_cast<ResultsFrameworkModel::Kind>(
        first.data(ResultsFrameworkModel::KindRole).toInt());
    m_details->showItem(m_model->program(), kind,
                        first.data(ResultsFrameworkModel::CodeRole).toString());
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

void MainWindow::showAbout()
{
    QString db = tr("No database open.");
    if (m_session)
        db = tr("Database: %1<br>Schema version: %2")
                 .arg(QDir::toNativeSeparators(m_session->path()).toHtmlEscaped())
                 .arg(m_session->database().schemaVersion());
    QMessageBox::about(
        this, tr("About DLI Tracker"),
        tr("<h3>DLI Tracker %1</h3>"
           "<p>Disbursement-linked indicators for the Punjab Small Industries Corporation.</p>"
           "<p>Licensed under the GNU General Public License, version 3 or later.</p>"
           "<p>%2</p><p>This version writes database schema version %3.</p>")
            .arg(QCoreApplication::applicationVersion(), db)
            .arg(Schema::currentVersion()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings().setValue(u"mainWindow/geometry"_s, saveGeometry());
    event->accept();
}

} // namespace dli::ui
