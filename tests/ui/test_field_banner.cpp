// The window on a field package's working copy: a banner above every page says so, and only the
// assignee's account exists to log in with.
#include "core/package/field_package.h"
#include "ui/login_dialog.h"
#include "ui/main_window.h"
#include "ui_support.h"

#include <QFileInfo>
#include <QLabel>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::ui::DemoWorkspace;

TEST_CASE("A field copy shows its banner; an office database does not", "[ui][package]")
{
    DemoWorkspace office(u"manager"_s);
    FieldPackage::Request r;
    r.assignee = u"verifier"_s;
    r.orgUnits = {u"SKT-SURG"_s};
    const QString pkg = office.dirPath(u"skt.dlipkg"_s);
    auto made = FieldPackage::make(*office.session, r, pkg, "field visit 2026",
                                   SealedArchive::KeyCost::Minimum);
    REQUIRE(made.ok());
    const QString work = office.dirPath(u"laptop.dlidb"_s);

    ui::MainWindow w;
    QStringList errors;
    w.setErrorPresenter(
        [&errors](const QString& title, const QString& text) { errors << title + u": "_s + text; });
    QString loggedIn;
    w.setLoginPresenter([&loggedIn](ui::LoginDialog& dialog) {
        dialog.setUserName(u"verifier"_s);
        dialog.setPassword(Demo::password());
        loggedIn = u"verifier"_s;
        return dialog.submit();
    });
    w.resize(1280, 800);
    w.show();
    // File > Open field package: a wrong passphrase is said and nothing is written.
    CHECK_FALSE(w.openFieldPackage(pkg, "not the passphrase", work).ok());
    REQUIRE(errors.size() == 1);
    CHECK(errors.first().contains(u"passphrase does not open"_s));
    CHECK_FALSE(QFileInfo::exists(work));
    errors.clear();
    REQUIRE(w.openFieldPackage(pkg, "field visit 2026", work).ok());
    INFO(errors.join(u'\n').toStdString());
    CHECK(errors.isEmpty());
    CHECK(loggedIn == u"verifier"_s);
    REQUIRE(w.fieldBanner());
    CHECK(w.fieldBanner()->isVisible());
    CHECK(w.fieldBanner()->text().contains(u"Field copy"_s));
    CHECK(w.fieldBanner()->text().contains(made->packageId.left(8)));
    REQUIRE(w.showPage(u"verification"_s));
    test::ui::screenshot(w, u"field-copy-verification-1280.png"_s);

    // The office database: no banner.
    w.setLoginPresenter([](ui::LoginDialog& dialog) {
        dialog.setUserName(u"viewer"_s);
        dialog.setPassword(Demo::password());
        return dialog.submit();
    });
    office.session.reset();
    REQUIRE(w.openDatabase(office.path()).ok());
    CHECK_FALSE(w.fieldBanner()->isVisible());
}
