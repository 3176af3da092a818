#include "core/io/demo.h"
#include "core/storage/session.h"
#include "support/test_support.h"
#include "ui/details_panel.h"
#include "ui/login_dialog.h"
#include "ui/main_window.h"
#include "ui/models/results_framework_model.h"
#include "ui/recent_files.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QTreeView>

using namespace Qt::StringLiterals;
using dli::ui::MainWindow;
using dli::ui::ResultsFrameworkModel;

namespace {

// Saves what the user would see, for people to look at after the run.
void saveScreenshot(QWidget& w, const QString& name)
{
    const QString dir = QString::fromUtf8(DLI_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    QApplication::processEvents();
    const QPixmap shot = w.grab();
    REQUIRE_FALSE(shot.isNull());
    REQUIRE(shot.save(dir + u'/' + name));
}

struct ErrorLog {
    QStringList titles;
    QStringList texts;
    MainWindow::ErrorPresenter presenter()
    {
        return [this](const QString& title, const QString& text) {
            titles << title;
            texts << text;
        };
    }
};

void select(MainWindow& w, ResultsFrameworkModel::Kind kind, const QString& code)
{
    const QModelIndex index = w.frameworkModel()->find(kind, code);
    REQUIRE(index.isValid());
    w.frameworkView()->setCurrentIndex(index);
}

} // namespace

TEST_CASE("The main window opens the demo and shows its results framework", "[ui]")
{
    MainWindow w;
    ErrorLog errors;
    w.setErrorPresenter(errors.presenter());
    w.resize(1280, 800);
    w.show();
    // The demo has accounts: log in as its viewer instead of waiting on the dialog.
    w.setLoginPresenter([](dli::ui::LoginDialog& dialog) {
        dialog.setUserName(u"viewer"_s);
        dialog.setPassword(dli::Demo::password());
        return dialog.submit();
    });
    REQUIRE(w.openDemo().ok());
    CHECK(errors.texts.isEmpty());
    REQUIRE(w.showPage(u"framework"_s));

    ResultsFrameworkModel* model = w.frameworkModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(model->rowCount() == 3);
    CHECK(model->index(0, 0).data().toString().startsWith(u"RA1"_s));
    const QModelIndex dli3 = model->find(ResultsFrameworkModel::Kind::Dli, u"DLI3"_s);
    REQUIRE(dli3.isValid());
    CHECK(model->rowCount(dli3) == 3);
    CHECK(dli3.siblingAtColumn(ResultsFrameworkModel::AllocationColumn).data().toString() ==
          u"US$5,000,000.00"_s);
    CHECK(w.windowTitle().startsWith(u"demo.dlidb"_s));
    CHECK(w.detailsPanel()->toPlainText().contains(u"US$20,000,000.00"_s));
    saveScreenshot(w, u"main-window-demo.png"_s);

    select(w, ResultsFrameworkModel::Kind::Dlr, u"3.2"_s);
    const QString dlr = w.detailsPanel()->toPlainText();
    CHECK(dlr.contains(u"DLR 3.2"_s));
    CHECK(dlr.contains(u"the target of DLR 3.1"_s));
    CHECK(dlr.contains(u"US$1,500,000.00"_s));
    CHECK(dlr.contains(u"carried forward"_s));
    saveScreenshot(w, u"main-window-dlr.png"_s);

    select(w, ResultsFrameworkModel::Kind::Dli, u"DLI4"_s);
    const QString dli = w.detailsPanel()->toPlainText();
    CHECK(dli.contains(u"Independent Verification Agent"_s));
    CHECK(dli.contains(u"per_unit"_s));
    saveScreenshot(w, u"main-window-dli.png"_s);

    select(w, ResultsFrameworkModel::Kind::Indicator, u"JOBS"_s);
    CHECK(w.detailsPanel()->toPlainText().contains(u"women, men"_s));
}

TEST_CASE("Opening a bad file shows the same message as the CLI", "[ui]")
{
    dli::test::TempDir dir;
    const QString path = dir.path(u"not-a-database.dlidb"_s);
    dli::test::writeFile(path, QByteArray(4096, 'x'));
    MainWindow w;
    ErrorLog errors;
    w.setErrorPresenter(errors.presenter());
    CHECK_FALSE(w.openDatabase(path).ok());
    REQUIRE(errors.texts.size() == 1);
    const auto direct = dli::Session::open(path);
    REQUIRE_FALSE(direct.ok());
    CHECK(errors.texts.first() == direct.error().text());
    CHECK(errors.texts.first().contains(u"not a DLI Tracker database"_s));
    CHECK(w.session() == nullptr);

    CHECK_FALSE(w.openDatabase(dir.path(u"missing.dlidb"_s)).ok());
    CHECK(errors.texts.last().contains(u"no database at"_s));
}

TEST_CASE("A new database starts empty and takes a program file", "[ui]")
{
    dli::test::TempDir dir;
    MainWindow w;
    ErrorLog errors;
    w.setErrorPresenter(errors.presenter());
    w.resize(1100, 700);
    w.show();
    REQUIRE(w.createDatabase(dir.path(u"new.dlidb"_s)).ok());
    // Every page copes with a database that holds no program yet.
    for (const QString& id : {u"dashboard"_s, u"data"_s, u"verification"_s, u"disbursement"_s,
                              u"audit"_s, u"settings"_s}) {
        if (w.showPage(id))
            saveScreenshot(w, u"empty-%1.png"_s.arg(id));
    }
    REQUIRE(w.showPage(u"framework"_s));
    CHECK(w.frameworkModel()->rowCount() == 0);
    CHECK(w.detailsPanel()->toPlainText().contains(u"No program yet"_s));
    saveScreenshot(w, u"main-window-empty.png"_s);

    REQUIRE(w.importProgram(dli::test::sharedExample(u"worked-program.json"_s)).ok());
    CHECK(w.frameworkModel()->rowCount() == 1);
    CHECK(w.frameworkModel()->find(ResultsFrameworkModel::Kind::Dlr, u"A2"_s).isValid());

    // A second import is refused with the core's message, and the program stays.
    CHECK_FALSE(w.importProgram(dli::test::sharedExample(u"worked-program.json"_s)).ok());
    REQUIRE(errors.texts.size() == 1);
    CHECK(errors.texts.first().contains(u"already holds a program"_s));
    CHECK(w.frameworkModel()->rowCount() == 1);
}

TEST_CASE("Recent files and window geometry are kept in the settings", "[ui]")
{
    dli::test::TempDir dir;
    const QString path = dir.path(u"recent.dlidb"_s);
    {
        MainWindow w;
        w.setErrorPresenter(ErrorLog().presenter());
        w.resize(900, 640);
        w.show();
        REQUIRE(w.createDatabase(path).ok());
        w.close();
    }
    CHECK(dli::ui::RecentFiles::load().value(0) == QFileInfo(path).absoluteFilePath());
    CHECK_FALSE(QSettings().value(u"mainWindow/geometry"_s).toByteArray().isEmpty());

    MainWindow again;
    QStringList recentEntries;
    for (QAction* menu : again.menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction* a : menu->menu()->actions()) {
            if (a->menu()) {
                for (QAction* r : a->menu()->actions())
                    recentEntries << r->text();
            }
        }
    }
    CHECK(recentEntries.value(0).endsWith(QFileInfo(path).absoluteFilePath()));

    // The start page offers the same databases as links.
    QStringList links;
    for (const QLabel* label : again.findChildren<QLabel*>()) {
        if (label->text().contains(u"<a href"_s))
            links << label->text();
    }
    REQUIRE_FALSE(links.isEmpty());
    CHECK(links.first().contains(u"recent.dlidb"_s));
    again.resize(1000, 640);
    again.show();
    saveScreenshot(again, u"welcome.png"_s);
}
