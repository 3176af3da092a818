// The settings page: accounts for administrators (add, disable and enable with undo, unlock,
// set a password), one's own password for everyone, the program's settings through the
// program editor (undoable, refused with core's message), and the language.
#include "core/auth/auth.h"
#include "core/workflow/program_editor.h"
#include "ui/dialogs/user_add_dialog.h"
#include "ui/dialogs/user_password_dialog.h"
#include "ui/models/user_list_model.h"
#include "ui/pages/settings_page.h"
#include "ui/widgets/filtered_table.h"
#include "ui/widgets/settings_language.h"
#include "ui/widgets/settings_program_form.h"
#include "ui/widgets/settings_users_panel.h"
#include "ui_support.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using dli::test::ui::DemoWorkspace;
using dli::ui::SettingsPage;
using dli::ui::UserListModel;

namespace {

dli::Program stored(DemoWorkspace& ws)
{
    auto p = ws.session->programs().load();
    REQUIRE(p.ok());
    return p.value();
}

dli::User account(DemoWorkspace& ws, const QString& name)
{
    auto u = ws.session->users().find(name);
    REQUIRE(u.ok());
    REQUIRE(u.value().has_value());
    return *u.value();
}

void requireIntact(DemoWorkspace& ws)
{
    auto report = ws.session->audit().verify();
    REQUIRE(report.ok());
    INFO(report->problems.join(u'\n').toStdString());
    CHECK(report->problems.isEmpty());
}

// Whether a password opens the account; the session then acts as `actAs` again.
bool opens(DemoWorkspace& ws, const QString& name, const QString& password, const QString& actAs)
{
    const bool ok = dli::Auth::login(*ws.session, name, password).ok();
    ws.actAs(actAs);
    return ok;
}

void commitSpin(QAbstractSpinBox* spin)
{
    emit spin->editingFinished();
}

} // namespace

TEST_CASE("An administrator adds a user with roles and an initial password", "[settings-page]")
{
    DemoWorkspace ws(u"admin"_s);
    SettingsPage page(*ws.workspace);
    UserListModel* model = page.users()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(page.users()->unavailableReason().isEmpty());
    const int before = model->rowCount();
    for (const QString& name : {u"admin"_s, u"officer"_s, u"verifier"_s, u"manager"_s, u"viewer"_s})
        CHECK(model->rowOf(name) >= 0);
    CHECK(page.users()->addButton()->isEnabled());

    // A name with a space is refused by core; the dialog keeps what was typed.
    QString refusal;
    page.setDialogPresenter([&](QDialog& d) {
        auto& dialog = dynamic_cast<dli::ui::UserAddDialog&>(d);
        dialog.setUserName(u"bilal ahmed"_s);
        dialog.setFullName(u"Bilal Ahmed"_s);
        dialog.setRoles({dli::Role::Officer, dli::Role::Verifier});
        dialog.setPasswords(u"correct-horse-9"_s, u"correct-horse-9"_s);
        CHECK_FALSE(dialog.submit());
        refusal = dialog.errorText();
        dialog.setUserName(u"bilal.ahmed"_s);
        dialog.setPasswords(u"correct-horse-9"_s, u"correct-horse-9"_s);
        CHECK(dialog.submit());
    });
    QTest::mouseClick(page.users()->addButton(), Qt::LeftButton);
    CHECK(refusal.contains(u"a user name is one word without spaces"_s));
    CHECK(model->rowCount() == before + 1);
    CHECK(page.users()->selectedName() == u"bilal.ahmed"_s);
    const dli::User bilal = account(ws, u"bilal.ahmed"_s);
    CHECK(bilal.fullName == u"Bilal Ahmed"_s);
    CHECK(bilal.roles == QList<dli::Role>{dli::Role::Officer, dli::Role::Verifier});
    CHECK(opens(ws, u"bilal.ahmed"_s, u"correct-horse-9"_s, u"admin"_s));
    const int row = model->rowOf(u"bilal.ahmed"_s);
    CHECK(model->index(row, UserListModel::RolesColumn).data().toString() ==
          u"officer, verifier"_s);
    CHECK(model->index(row, UserListModel::StateColumn).data().toString() == u"Active"_s);
    CHECK(ws.errors.isEmpty());
    requireIntact(ws);
}

TEST_CASE("Disabling an account is undone and redone; locks are lifted; passwords are set",
          "[settings-page]")
{
    DemoWorkspace ws(u"admin"_s);
    SettingsPage page(*ws.workspace);
    dli::ui::SettingsUsersPanel& users = *page.users();
    REQUIRE(users.selectUser(u"officer"_s));
    CHECK(users.disableButton()->text() == u"D&isable"_s);
    QTest::mouseClick(users.disableButton(), Qt::LeftButton);
    CHECK(account(ws, u"officer"_s).disabled);
    const int row = users.model()->rowOf(u"officer"_s);
    CHECK(users.model()->index(row, UserListModel::StateColumn).data().toString() == u"Disabled"_s);
    CHECK(users.disableButton()->text() == u"En&able"_s);
    QUndoStack* undo = ws.workspace->undoStack();
    CHECK(undo->undoText() == u"Disable user officer"_s);
    undo->undo();
    CHECK_FALSE(account(ws, u"officer"_s).disabled);
    CHECK(users.model()->index(row, UserListModel::StateColumn).data().toString() == u"Active"_s);
    undo->redo();
    CHECK(account(ws, u"officer"_s).disabled);
    undo->undo();
    CHECK_FALSE(account(ws, u"officer"_s).disabled);

    // The only active administrator cannot be disabled: core says why.
    REQUIRE(users.selectUser(u"admin"_s));
    QTest::mouseClick(users.disableButton(), Qt::LeftButton);
    REQUIRE(ws.errors.size() == 1);
    CHECK(ws.errors.first().contains(u"the only active administrator"_s));
    CHECK_FALSE(account(ws, u"admin"_s).disabled);
    ws.errors.clear();

    // Five wrong passwords lock the viewer; the administrator lifts the lock.
    for (int i = 0; i < dli::Auth::MaxFailures; ++i)
        CHECK_FALSE(dli::Auth::login(*ws.session, u"viewer"_s, u"wrong-password"_s).ok());
    users.refresh();
    REQUIRE(users.selectUser(u"viewer"_s));
    const int viewer = users.model()->rowOf(u"viewer"_s);
    CHECK(users.model()
              ->index(viewer, UserListModel::StateColumn)
              .data()
              .toString()
              .startsWith(u"Locked until"_s));
    REQUIRE(users.unlockButton()->isEnabled());
    QTest::mouseClick(users.unlockButton(), Qt::LeftButton);
    CHECK(users.model()->index(viewer, UserListModel::StateColumn).data().toString() ==
          u"Active"_s);
    CHECK_FALSE(users.unlockButton()->isEnabled());
    CHECK(opens(ws, u"viewer"_s, dli::Demo::password(), u"admin"_s));

    // An administrator sets another user's password without knowing the old one.
    REQUIRE(users.selectUser(u"manager"_s));
    page.setDialogPresenter([](QDialog& d) {
        auto& dialog = dynamic_cast<dli::ui::UserPasswordDialog&>(d);
        CHECK_FALSE(dialog.asksCurrentPassword());
        dialog.setPasswords(u"new-secret-42"_s, u"new-secret-41"_s);
        CHECK_FALSE(dialog.submit());
        CHECK(dialog.errorText().contains(u"differ"_s));
        dialog.setPasswords(u"new-secret-42"_s, u"new-secret-42"_s);
        CHECK(dialog.submit());
    });
    QTest::mouseClick(users.passwordButton(), Qt::LeftButton);
    CHECK(opens(ws, u"manager"_s, u"new-secret-42"_s, u"admin"_s));
    CHECK(ws.errors.isEmpty());
    requireIntact(ws);
    dli::test::ui::screenshot(page, u"page-settings-1280.png"_s, {1280, 800});
    dli::test::ui::screenshot(page, u"page-settings-1920.png"_s, {1920, 1080});
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    dli::test::ui::screenshot(page, u"page-settings-rtl.png"_s, {1280, 800});
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);
}

TEST_CASE("A viewer sees their own account, changes their own password and nothing else",
          "[settings-page]")
{
    DemoWorkspace ws(u"viewer"_s);
    const dli::Program original = stored(ws);
    SettingsPage page(*ws.workspace);
    CHECK(page.accountText().contains(u"viewer"_s));
    dli::ui::SettingsUsersPanel& users = *page.users();
    CHECK(users.unavailableReason().contains(u"admin"_s));
    CHECK(users.model()->rowCount() == 0);
    CHECK_FALSE(users.table()->isEnabled());
    CHECK_FALSE(users.table()->isVisibleTo(&page));
    CHECK_FALSE(users.addButton()->isEnabled());
    CHECK(users.addButton()->toolTip() == users.unavailableReason());
    CHECK_FALSE(users.disableButton()->isEnabled());
    // Core refuses account changes to a viewer too.
    CHECK(dli::Auth::setDisabled(*ws.session, u"officer"_s, true).error().code ==
          dli::ErrorCode::Forbidden);

    // Program settings are read-only, with the reason, and core refuses them.
    dli::ui::SettingsProgramForm& form = *page.programForm();
    CHECK(form.readOnlyReason().contains(u"admin"_s));
    CHECK_FALSE(form.windowSpin()->isEnabled());
    CHECK(form.windowSpin()->toolTip() == form.readOnlyReason());
    CHECK_FALSE(form.currencyCombo()->isEnabled());
    form.windowSpin()->setValue(200);
    CHECK_FALSE(form.commit(dli::ProgramField::VerificationWindowDays));
    dli::ProgramEdit e;
    e.field = dli::ProgramField::VerificationWindowDays;
    e.value = u"200"_s;
    CHECK(dli::ProgramEditor(*ws.session).set(e).error().code == dli::ErrorCode::Forbidden);
    CHECK(stored(ws) == original);

    // Their own password: the current one first.
    REQUIRE(page.ownPasswordButton()->isEnabled());
    page.setDialogPresenter([](QDialog& d) {
        auto& dialog = dynamic_cast<dli::ui::UserPasswordDialog&>(d);
        CHECK(dialog.asksCurrentPassword());
        dialog.setCurrentPassword(u"not-my-password"_s);
        dialog.setPasswords(u"viewer-new-77"_s, u"viewer-new-77"_s);
        CHECK_FALSE(dialog.submit());
        CHECK(dialog.errorText().contains(u"wrong user name or password"_s));
        dialog.setCurrentPassword(dli::Demo::password());
        dialog.setPasswords(u"viewer-new-77"_s, u"viewer-new-77"_s);
        CHECK(dialog.submit());
    });
    QTest::mouseClick(page.ownPasswordButton(), Qt::LeftButton);
    CHECK(opens(ws, u"viewer"_s, u"viewer-new-77"_s, u"viewer"_s));
    CHECK_FALSE(opens(ws, u"viewer"_s, dli::Demo::password(), u"viewer"_s));
    dli::test::ui::screenshot(page, u"page-settings-viewer-1280.png"_s, {1280, 800});
    requireIntact(ws);
}

TEST_CASE("Program settings change through undoable commands, refused with core's message",
          "[settings-page]")
{
    DemoWorkspace ws(u"admin"_s);
    const dli::Program original = stored(ws);
    SettingsPage page(*ws.workspace);
    dli::ui::SettingsProgramForm& form = *page.programForm();
    CHECK(form.readOnlyReason().isEmpty());
    CHECK(form.windowSpin()->value() == 180);
    CHECK(form.advanceCapSpin()->value() == 25.0);
    CHECK(form.priorResultsCapSpin()->value() == 20.0);
    CHECK(form.currencyCombo()->currentData().toString() == u"USD"_s);
    CHECK(form.monthCombo()->currentData().toInt() == 7);
    QUndoStack* undo = ws.workspace->undoStack();

    form.windowSpin()->setValue(200);
    commitSpin(form.windowSpin());
    CHECK(stored(ws).verificationWindowDays == 200);
    CHECK(undo->undoText() == u"Change verification window of the program"_s);
    undo->undo();
    CHECK(stored(ws).verificationWindowDays == 180);
    CHECK(form.windowSpin()->value() == 180);
    undo->redo();
    CHECK(stored(ws).verificationWindowDays == 200);
    CHECK(form.windowSpin()->value() == 200);
    undo->undo();

    form.advanceCapSpin()->setValue(30);
    commitSpin(form.advanceCapSpin());
    CHECK(stored(ws).advanceCapShare == dli::Decimal::fromUnits(300'000));
    CHECK(undo->undoText() == u"Change advance cap of the program"_s);
    undo->undo();
    CHECK(stored(ws).advanceCapShare == dli::Decimal::fromUnits(250'000));
    undo->redo();
    CHECK(stored(ws).advanceCapShare == dli::Decimal::fromUnits(300'000));
    undo->undo();

    form.priorResultsCapSpin()->setValue(12.5);
    commitSpin(form.priorResultsCapSpin());
    CHECK(stored(ws).priorResultsCapShare == dli::Decimal::fromUnits(125'000));
    undo->undo();
    CHECK(stored(ws).priorResultsCapShare == dli::Decimal::fromUnits(200'000));
    undo->redo();
    CHECK(stored(ws).priorResultsCapShare == dli::Decimal::fromUnits(125'000));
    undo->undo();
    CHECK(stored(ws) == original);

    // Refusals keep the value shown and say why, in core's words.
    form.monthCombo()->setCurrentIndex(form.monthCombo()->findData(1));
    emit form.monthCombo()->activated(form.monthCombo()->currentIndex());
    CHECK(form.errorText().contains(u"observations already name periods"_s));
    CHECK(form.monthCombo()->currentData().toInt() == 1);
    form.revert();
    CHECK(form.monthCombo()->currentData().toInt() == 7);
    CHECK(form.errorText().isEmpty());

    form.currencyCombo()->setCurrentIndex(form.currencyCombo()->findData(u"PKR"_s));
    emit form.currencyCombo()->activated(form.currencyCombo()->currentIndex());
    CHECK(form.errorText().contains(u"disbursement events already record amounts in USD"_s));
    form.revert();

    // A longer window would open DLRs that are already final again.
    form.windowSpin()->setValue(400);
    commitSpin(form.windowSpin());
    CHECK(form.errorText().contains(u"final"_s));
    CHECK(form.windowSpin()->value() == 400);
    dli::test::ui::screenshot(page, u"page-settings-refused-1280.png"_s, {1280, 800});
    form.revert();
    CHECK(form.windowSpin()->value() == 180);
    CHECK(stored(ws) == original);
    CHECK(undo->count() == 1); // each new edit dropped the undone one before it
    CHECK(ws.errors.isEmpty());
    requireIntact(ws);
}

TEST_CASE("The language is stored and applies right to left for Urdu after a restart",
          "[settings-page]")
{
    DemoWorkspace ws(u"viewer"_s);
    SettingsPage page(*ws.workspace);
    dli::ui::SettingsLanguage& language = *page.language();
    CHECK(language.combo()->currentData().toString() == u"en"_s);
    CHECK(language.combo()->count() == 2);
    language.combo()->setCurrentIndex(language.combo()->findData(u"ur"_s));
    emit language.combo()->activated(language.combo()->currentIndex());
    CHECK(QSettings().value(dli::ui::SettingsLanguage::settingsKey()).toString() == u"ur"_s);
    CHECK(language.noteText().contains(u"starts again"_s));
    CHECK(language.noteText().contains(u"right to left"_s));
    // What the start-up code does.
    dli::ui::SettingsLanguage::applyStoredLayoutDirection();
    CHECK(QGuiApplication::layoutDirection() == Qt::RightToLeft);
    language.choose(u"en"_s);
    dli::ui::SettingsLanguage::applyStoredLayoutDirection();
    CHECK(QGuiApplication::layoutDirection() == Qt::LeftToRight);
    CHECK(QSettings().value(dli::ui::SettingsLanguage::settingsKey()).toString() == u"en"_s);
}
