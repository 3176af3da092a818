#include "core/auth/auth.h"
#include "core/io/demo.h"
#include "core/storage/session.h"
#include "support/test_support.h"
#include "ui/login_dialog.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using dli::ui::LoginDialog;
using dli::ui::MainWindow;

namespace {

const QString kPassword = u"correct horse"_s;

// A database with one account, ayesha.khan (admin and officer), hashed at the least cost.
QString databaseWithAccount(const dli::test::TempDir& dir)
{
    const QString path = dir.path(u"accounts.dlidb"_s);
    dli::SessionOptions options;
    options.minimumPasswordCost = true;
    auto session = dli::Session::create(path, options);
    REQUIRE(session.ok());
    dli::User ayesha;
    ayesha.name = u"ayesha.khan"_s;
    ayesha.fullName = u"Ayesha Khan"_s;
    ayesha.roles = {dli::Role::Admin, dli::Role::Officer};
    REQUIRE(dli::Auth::addUser(*session.value(), ayesha, kPassword).ok());
    return path;
}

struct ErrorLog {
    QStringList texts;
    MainWindow::ErrorPresenter presenter()
    {
        return [this](const QString&, const QString& text) {
            texts << text;
        };
    }
};

// The dialog as the user sees it, shown (not exec'd) so that keys and grabs work offscreen.
void present(LoginDialog& dialog)
{
    dialog.show();
    QApplication::processEvents();
    REQUIRE(QTest::qWaitForWindowActive(&dialog));
}

// Saves what the user would see, beside the main window's screenshots.
void saveScreenshot(QWidget& w, const QString& name)
{
    const QString dir = QString::fromUtf8(DLI_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    QApplication::processEvents();
    const QPixmap shot = w.grab();
    REQUIRE_FALSE(shot.isNull());
    REQUIRE(shot.save(dir + u'/' + name));
}

bool showsWelcomePage(MainWindow& w)
{
    auto* stack = w.findChild<QStackedWidget*>();
    return stack && stack->currentIndex() == 0;
}

QStringList statusTexts(MainWindow& w)
{
    QStringList texts;
    for (const QLabel* label : w.statusBar()->findChildren<QLabel*>()) {
        if (label->isVisibleTo(&w) && !label->text().isEmpty())
            texts << label->text();
    }
    return texts;
}

} // namespace

TEST_CASE("Cancelling the login leaves the database closed", "[ui][login]")
{
    dli::test::TempDir dir;
    const QString path = databaseWithAccount(dir);
    MainWindow w;
    ErrorLog errors;
    w.setErrorPresenter(errors.presenter());
    w.show();
    int asked = 0;
    QString title;
    w.setLoginPresenter([&](LoginDialog& dialog) {
        ++asked;
        title = dialog.windowTitle();
        present(dialog);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        return dialog.result() == QDialog::Accepted;
    });
    const dli::Status opened = w.openDatabase(path);
    CHECK_FALSE(opened.ok());
    CHECK(opened.error().code == dli::ErrorCode::Unauthenticated);
    CHECK(asked == 1);
    CHECK(title == u"Log in to accounts.dlidb"_s);
    // No error box for a cancel, and nothing of the database is shown.
    CHECK(errors.texts.isEmpty());
    CHECK(w.session() == nullptr);
    CHECK(showsWelcomePage(w));
    CHECK(w.windowTitle() == u"DLI Tracker"_s);
    CHECK(statusTexts(w).isEmpty());
}

TEST_CASE("A wrong password is refused in the dialog with the core's message", "[ui][login]")
{
    dli::test::TempDir dir;
    const QString path = databaseWithAccount(dir);
    MainWindow w;
    ErrorLog errors;
    w.setErrorPresenter(errors.presenter());
    w.show();
    QString wrongPassword;
    QString unknownUser;
    QStringList offered;
    QString hint;
    w.setLoginPresenter([&](LoginDialog& dialog) {
        present(dialog);
        offered = dialog.offeredUserNames();
        hint = dialog.hintText();
        // Typed as a user would: Enter after the name moves on without a wasted attempt.
        QTest::keyClicks(dialog.userField()->lineEdit(), u"ayesha.khan"_s);
        QTest::keyClick(dialog.userField()->lineEdit(), Qt::Key_Return);
        CHECK(dialog.errorText().isEmpty());
        CHECK(dialog.passwordField()->hasFocus());
        QTest::keyClicks(dialog.passwordField(), u"not the password"_s);
        QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
        wrongPassword = dialog.errorText();
        CHECK(dialog.isVisible());
        CHECK(dialog.result() != QDialog::Accepted);
        CHECK(dialog.passwordField()->text().isEmpty());
        CHECK(dialog.passwordField()->hasFocus());
        saveScreenshot(dialog, u"login-dialog-error.png"_s);

        dialog.setUserName(u"nobody"_s);
        dialog.setPassword(kPassword);
        CHECK_FALSE(dialog.submit());
        unknownUser = dialog.errorText();
        dialog.reject();
        return dialog.result() == QDialog::Accepted;
    });
    CHECK_FALSE(w.openDatabase(path).ok());
    CHECK(wrongPassword.contains(u"wrong user name or password"_s));
    // The same words for a wrong name and a wrong password: the dialog tells no one which names
    // exist.
    CHECK(unknownUser == wrongPassword);
    CHECK(offered.isEmpty());
    CHECK(hint.isEmpty());
    CHECK(errors.texts.isEmpty());
    CHECK(w.session() == nullptr);
    CHECK(showsWelcomePage(w));
}

TEST_CASE("Five wrong passwords lock the account, and the dialog says so", "[ui][login]")
{
    dli::test::TempDir dir;
    const QString path = databaseWithAccount(dir);
    MainWindow w;
    w.setErrorPresenter(ErrorLog().presenter());
    QString locked;
    w.setLoginPresenter([&](LoginDialog& dialog) {
        dialog.setUserName(u"ayesha.khan"_s);
        for (int i = 0; i < dli::Auth::MaxFailures; ++i) {
            dialog.setPassword(u"guess number %1"_s.arg(i));
            CHECK_FALSE(dialog.submit());
        }
        dialog.setPassword(kPassword);
        CHECK_FALSE(dialog.submit());
        locked = dialog.errorText();
        return false;
    });
    CHECK_FALSE(w.openDatabase(path).ok());
    CHECK(locked.contains(u"locked"_s));
    CHECK(locked.contains(u"ask an administrator"_s));
    CHECK(w.session() == nullptr);
}

TEST_CASE("The right password opens the database and names the user in the status bar",
          "[ui][login]")
{
    dli::test::TempDir dir;
    const QString path = databaseWithAccount(dir);
    MainWindow w;
    ErrorLog errors;
    w.setErrorPresenter(errors.presenter());
    w.resize(1000, 640);
    w.show();
    w.setLoginPresenter([&](LoginDialog& dialog) {
        present(dialog);
        QTest::keyClicks(dialog.userField()->lineEdit(), u"ayesha.khan"_s);
        QTest::keyClick(dialog.userField()->lineEdit(), Qt::Key_Tab);
        QTest::keyClicks(dialog.passwordField(), kPassword);
        QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
        return dialog.result() == QDialog::Accepted;
    });
    REQUIRE(w.openDatabase(path).ok());
    CHECK(errors.texts.isEmpty());
    REQUIRE(w.session() != nullptr);
    REQUIRE(w.session()->currentUser().has_value());
    CHECK(w.session()->currentUser()->name == u"ayesha.khan"_s);
    CHECK_FALSE(showsWelcomePage(w));
    CHECK(statusTexts(w).contains(u"ayesha.khan (admin, officer)"_s));
}

TEST_CASE("By default the login dialog runs modally and Enter logs in", "[ui][login]")
{
    dli::test::TempDir dir;
    const QString path = databaseWithAccount(dir);
    MainWindow w;
    ErrorLog errors;
    w.setErrorPresenter(errors.presenter());
    w.show();
    bool answered = false;
    // Answered from inside the dialog's own event loop, as a user at the keyboard would.
    QTimer::singleShot(0, &w, [&] {
        auto* dialog = qobject_cast<LoginDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->setUserName(u"ayesha.khan"_s);
        QTest::keyClicks(dialog->passwordField(), kPassword);
        QTest::keyClick(dialog->passwordField(), Qt::Key_Return);
        answered = !dialog->isVisible();
        // A dialog that failed to close would otherwise keep the test waiting for ever.
        if (dialog->isVisible())
            dialog->reject();
    });
    REQUIRE(w.openDatabase(path).ok());
    CHECK(answered);
    CHECK(errors.texts.isEmpty());
    REQUIRE(w.session() != nullptr);
    CHECK(w.session()->currentUser().has_value());
}

TEST_CASE("The demo offers its accounts and shows its password", "[ui][login]")
{
    MainWindow w;
    ErrorLog errors;
    w.setErrorPresenter(errors.presenter());
    w.resize(1280, 800);
    w.show();
    QStringList offered;
    QString hint;
    w.setLoginPresenter([&](LoginDialog& dialog) {
        present(dialog);
        offered = dialog.offeredUserNames();
        hint = dialog.hintText();
        CHECK(dialog.userField()->currentText().isEmpty());
        saveScreenshot(dialog, u"login-dialog-empty.png"_s);
        // Chosen from the drop-down with the keyboard.
        dialog.userField()->setFocus();
        while (dialog.userField()->currentText() != u"officer"_s &&
               dialog.userField()->currentIndex() < dialog.userField()->count() - 1)
            QTest::keyClick(dialog.userField(), Qt::Key_Down);
        dialog.setPassword(dli::Demo::password());
        saveScreenshot(dialog, u"login-dialog.png"_s);
        QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
        return dialog.result() == QDialog::Accepted;
    });
    REQUIRE(w.openDemo().ok());
    CHECK(errors.texts.isEmpty());
    QStringList names;
    for (const dli::Demo::Account& account : dli::Demo::accounts())
        names << account.name;
    CHECK(offered == names);
    CHECK(hint.contains(dli::Demo::password()));
    REQUIRE(w.session() != nullptr);
    REQUIRE(w.session()->currentUser().has_value());
    CHECK(w.session()->currentUser()->name == u"officer"_s);
    CHECK(statusTexts(w).contains(u"officer (officer)"_s));
    saveScreenshot(w, u"main-window-logged-in.png"_s);
}

TEST_CASE("A database without accounts opens with no login", "[ui][login]")
{
    dli::test::TempDir dir;
    const QString path = dir.path(u"open.dlidb"_s);
    REQUIRE(dli::Session::create(path).ok());
    MainWindow w;
    ErrorLog errors;
    w.setErrorPresenter(errors.presenter());
    int asked = 0;
    w.setLoginPresenter([&](LoginDialog&) {
        ++asked;
        return false;
    });
    REQUIRE(w.openDatabase(path).ok());
    CHECK(asked == 0);
    CHECK(errors.texts.isEmpty());
    REQUIRE(w.session() != nullptr);
    CHECK_FALSE(w.session()->currentUser().has_value());
    CHECK_FALSE(showsWelcomePage(w));
    // There is no one to name in the status bar.
    for (const QString& text : statusTexts(w))
        CHECK_FALSE(text.contains(u" ("_s));
}
