// The main window's shell: the sidebar of pages, Undo/Redo with the command's name, Find,
// About, Backup, and long jobs off the GUI thread that a cancel rolls back.
#include "core/audit/audit_log.h"
#include "core/io/demo.h"
#include "core/storage/schema.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"
#include "support/test_support.h"
#include "ui/login_dialog.h"
#include "ui/main_window.h"
#include "ui/pages/page.h"
#include "ui/task_runner.h"
#include "ui/workspace.h"
#include "ui_support.h"

#include <QAction>
#include <QApplication>
#include <QListWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QThread>
#include <QUndoCommand>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using dli::ui::MainWindow;

namespace {

// Opens a copy of the demo in the window as one of its accounts.
void openAs(MainWindow& w, const QString& path, const QString& user)
{
    w.setErrorPresenter([](const QString& title, const QString& text) {
        FAIL((title + u": "_s + text).toStdString());
    });
    w.setLoginPresenter([user](dli::ui::LoginDialog& dialog) {
        dialog.setUserName(user);
        dialog.setPassword(dli::Demo::password());
        return dialog.submit();
    });
    REQUIRE(w.openDatabase(path).ok());
}

QString copyOfDemo(const dli::test::TempDir& dir)
{
    const QString path = dir.path(u"demo.dlidb"_s);
    REQUIRE(QFile::copy(dli::test::demoTemplate(), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

QAction* menuAction(MainWindow& w, const QString& menuTitle, const QString& startsWith)
{
    for (QAction* m : w.menuBar()->actions()) {
        if (m->text().remove(u'&') != menuTitle || !m->menu())
            continue;
        for (QAction* a : m->menu()->actions()) {
            if (a->text().remove(u'&').startsWith(startsWith))
                return a;
        }
    }
    FAIL("no menu item " << startsWith.toStdString());
    return nullptr;
}

class Named : public QUndoCommand {
public:
    Named(const QString& text, int* counter) : QUndoCommand(text), m_counter(counter) {}
    void redo() override { ++*m_counter; }
    void undo() override { --*m_counter; }

private:
    int* m_counter;
};

} // namespace

TEST_CASE("The sidebar lists every page, and the View menu reaches each", "[ui][shell]")
{
    dli::test::TempDir dir;
    MainWindow w;
    openAs(w, copyOfDemo(dir), u"admin"_s);
    const QStringList ids{u"dashboard"_s,    u"framework"_s, u"data"_s,    u"verification"_s,
                          u"disbursement"_s, u"charts"_s,    u"reports"_s, u"audit"_s,
                          u"settings"_s,     u"field"_s};
    REQUIRE(w.sidebar()->count() == ids.size());
    for (int i = 0; i < ids.size(); ++i) {
        CHECK(w.sidebar()->item(i)->data(Qt::UserRole).toString() == ids[i]);
        REQUIRE(w.page(ids[i]));
        CHECK(w.sidebar()->item(i)->text() == w.page(ids[i])->title());
    }
    CHECK(w.currentPage() == w.page(u"dashboard"_s));
    menuAction(w, u"View"_s, u"Audit log"_s)->trigger();
    CHECK(w.currentPage() == w.page(u"audit"_s));
    CHECK(w.sidebar()->currentRow() == 7);
    CHECK(menuAction(w, u"View"_s, u"Audit log"_s)->shortcut() == QKeySequence(u"Ctrl+8"_s));
    CHECK(menuAction(w, u"View"_s, u"Reports"_s)->shortcut() == QKeySequence(u"Ctrl+7"_s));
    CHECK(menuAction(w, u"View"_s, u"Settings"_s)->shortcut() == QKeySequence(u"Ctrl+9"_s));
    CHECK(menuAction(w, u"View"_s, u"Field packages"_s)->shortcut() == QKeySequence(u"Ctrl+0"_s));
    CHECK(menuAction(w, u"Edit"_s, u"Find"_s)->shortcut() == QKeySequence::Find);
    CHECK(menuAction(w, u"View"_s, u"Refresh"_s)->shortcut() == QKeySequence::Refresh);
}

TEST_CASE("A page the role may not use is disabled in the sidebar, with the reason", "[ui][shell]")
{
    dli::test::TempDir dir;
    MainWindow w;
    openAs(w, copyOfDemo(dir), u"viewer"_s);
    for (int i = 0; i < w.sidebar()->count(); ++i) {
        QListWidgetItem* item = w.sidebar()->item(i);
        const QString id = item->data(Qt::UserRole).toString();
        const QString why = w.page(id)->unavailableReason();
        INFO(id.toStdString());
        CHECK(bool(item->flags() & Qt::ItemIsEnabled) == why.isEmpty());
        CHECK(item->toolTip() == why);
        if (!why.isEmpty()) {
            CHECK(why.contains(u"viewer"_s));
            CHECK_FALSE(w.showPage(id));
        }
    }
    // The status bar names the user and role; importing a program is for administrators.
    CHECK(menuAction(w, u"File"_s, u"Import program"_s)->isEnabled() == false);
    CHECK(menuAction(w, u"File"_s, u"Import program"_s)->toolTip().contains(u"admin"_s));
}

TEST_CASE("Undo and Redo name the command they undo", "[ui][shell]")
{
    dli::test::TempDir dir;
    MainWindow w;
    openAs(w, copyOfDemo(dir), u"admin"_s);
    QAction* undo = menuAction(w, u"Edit"_s, u"Undo"_s);
    QAction* redo = menuAction(w, u"Edit"_s, u"Redo"_s);
    CHECK_FALSE(undo->isEnabled());
    int applied = 0;
    w.workspace()->undoStack()->push(new Named(u"Change target of DLR 3.2"_s, &applied));
    CHECK(applied == 1);
    CHECK(undo->isEnabled());
    CHECK(undo->text().remove(u'&') == u"Undo Change target of DLR 3.2"_s);
    CHECK(undo->shortcut() == QKeySequence::Undo);
    undo->trigger();
    CHECK(applied == 0);
    CHECK(redo->text().remove(u'&') == u"Redo Change target of DLR 3.2"_s);
    redo->trigger();
    CHECK(applied == 1);
}

TEST_CASE("About names the version, the license, the database and its schema", "[ui][shell]")
{
    dli::test::TempDir dir;
    MainWindow w;
    CHECK(w.aboutText().contains(u"No database open"_s));
    const QString path = copyOfDemo(dir);
    openAs(w, path, u"viewer"_s);
    const QString about = w.aboutText();
    CHECK(about.contains(QCoreApplication::applicationVersion()));
    CHECK(about.contains(u"GNU General Public License"_s));
    CHECK(about.contains(QDir::toNativeSeparators(path).toHtmlEscaped()));
    CHECK(about.contains(u"Schema version: %1"_s.arg(dli::Schema::currentVersion())));
}

TEST_CASE("Backup runs off the GUI thread and records itself in the copy", "[ui][shell]")
{
    dli::test::TempDir dir;
    MainWindow w;
    openAs(w, copyOfDemo(dir), u"viewer"_s);
    const QString out = dir.path(u"backup.dlidb"_s);
    REQUIRE(w.backupTo(out).ok());
    auto copy = dli::Session::open(out);
    REQUIRE(copy.ok());
    auto entries = copy.value()->audit().entries();
    REQUIRE(entries.ok());
    CHECK(entries->last().action == u"database.backup"_s);
    CHECK(entries->last().user == u"viewer"_s);
    auto verified = copy.value()->audit().verify();
    REQUIRE(verified.ok());
    CHECK(verified->problems.isEmpty());

    // A second backup to the same file is refused with the CLI's message.
    QStringList errors;
    w.setErrorPresenter([&](const QString&, const QString& text) { errors << text; });
    CHECK_FALSE(w.backupTo(out).ok());
    REQUIRE(errors.size() == 1);
    INFO(errors.first().toStdString());
    CHECK(errors.first().contains(u"already exists"_s));
}

TEST_CASE("A cancelled long job rolls back what it wrote", "[ui][shell]")
{
    dli::test::ui::DemoWorkspace ws(u"admin"_s);
    QWidget parent;
    auto job = [](dli::Session& s, dli::ui::TaskRunner::Progress& progress) -> dli::Status {
        dli::Transaction tx(s.database());
        DLI_TRY(tx.begun());
        DLI_TRY(s.database().exec(u"CREATE TABLE scratch (x INTEGER)"_s));
        progress.setTotal(100);
        for (int i = 0; i < 100; ++i) {
            progress.setDone(i);
            if (progress.cancelled())
                return dli::Error(dli::ErrorCode::Conflict, u"cancelled"_s);
            QThread::msleep(20);
        }
        return tx.commit();
    };
    dli::ui::TaskRunner::setDialogDelay(0);
    dli::ui::TaskRunner::setCancelAtOnce(true);
    const dli::Status cancelled =
        dli::ui::TaskRunner::run(&parent, *ws.workspace, u"Testing"_s, job);
    dli::ui::TaskRunner::setCancelAtOnce(false);
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.error().message.contains(u"cancelled; nothing was changed"_s));
    CHECK(dli::test::tables(ws.session->database()).contains(u"scratch"_s) == false);

    // Left alone, the same job commits.
    const dli::Status done = dli::ui::TaskRunner::run(&parent, *ws.workspace, u"Testing"_s, job);
    dli::ui::TaskRunner::setDialogDelay(400);
    CHECK(done.ok());
    CHECK(dli::test::tables(ws.session->database()).contains(u"scratch"_s));
}

TEST_CASE("Every page drawn at 1280x800 and 1920x1080, and right to left", "[ui][shell][pages]")
{
    dli::test::TempDir dir;
    const QString path = copyOfDemo(dir);
    for (const QString& user : {u"officer"_s, u"verifier"_s, u"manager"_s, u"admin"_s}) {
        MainWindow w;
        openAs(w, path, user);
        for (int i = 0; i < w.sidebar()->count(); ++i) {
            const QString id = w.sidebar()->item(i)->data(Qt::UserRole).toString();
            if (!w.showPage(id))
                continue;
            INFO(user.toStdString() << " " << id.toStdString());
            // A page never shows nothing: it has visible children.
            CHECK_FALSE(w.currentPage()->findChildren<QWidget*>().isEmpty());
            // Every page fits the smaller screen beside the sidebar.
            CHECK(w.currentPage()->minimumSizeHint().width() <= 1280 - w.sidebar()->width());
            for (const QSize size : {QSize(1280, 800), QSize(1920, 1080)}) {
                dli::test::ui::screenshot(
                    w, u"window-%1-%2-%3.png"_s.arg(id, user).arg(size.width()), size);
                CHECK(w.size() == size);
            }
        }
    }
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    {
        MainWindow w;
        openAs(w, path, u"manager"_s);
        for (const QString& id : {u"dashboard"_s, u"disbursement"_s, u"data"_s}) {
            REQUIRE(w.showPage(id));
            dli::test::ui::screenshot(w, u"window-rtl-%1.png"_s.arg(id));
        }
    }
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);
}

TEST_CASE("A background job tells the window of changes only when it wrote", "[ui][shell][task]")
{
    dli::test::ui::DemoWorkspace ws(u"admin"_s);
    QWidget parent;
    QSignalSpy heard(&ws.session->notifier(), &dli::ChangeNotifier::observationsChanged);
    const dli::Status read = dli::ui::TaskRunner::run(
        &parent, *ws.workspace, u"Reading"_s,
        [](dli::Session& s, dli::ui::TaskRunner::Progress&) -> dli::Status {
            auto count = s.database().scalar(u"SELECT count(*) FROM observations"_s);
            return count ? dli::Status() : dli::Status(count.error());
        });
    REQUIRE(read.ok());
    CHECK(heard.isEmpty());

    const dli::Status wrote = dli::ui::TaskRunner::run(
        &parent, *ws.workspace, u"Writing"_s,
        [](dli::Session& s, dli::ui::TaskRunner::Progress&) -> dli::Status {
            return s.database().exec(u"INSERT INTO logins (user_name, at, outcome) VALUES "
                                     "('admin', '2026-07-01T09:00:00Z', 'ok')"_s);
        });
    REQUIRE(wrote.ok());
    CHECK(heard.size() == 1);
}
