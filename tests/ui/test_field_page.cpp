// The Field packages page: a package made at the office through the page, a laptop's return
// imported with a conflict that the changes list and the conflicts table show and Keep office
// resolves, the roles that may not do these, and a field copy that makes a return the office
// imports.
#include "core/package/field_import.h"
#include "core/package/field_package.h"
#include "core/package/field_return.h"
#include "core/workflow/samples.h"
#include "core/workflow/workflow.h"
#include "ui/dialogs/passphrase_dialog.h"
#include "ui/models/field_changes_model.h"
#include "ui/models/field_conflict_compare_model.h"
#include "ui/models/field_conflicts_model.h"
#include "ui/models/field_imports_model.h"
#include "ui/pages/field_page.h"
#include "ui/widgets/field_conflicts_panel.h"
#include "ui/widgets/field_copy_panel.h"
#include "ui/widgets/field_package_out_panel.h"
#include "ui/widgets/field_returns_panel.h"
#include "ui/widgets/filtered_table.h"
#include "ui_support.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::must;
using dli::test::ui::DemoWorkspace;
using dli::ui::FieldPage;

namespace {

const QByteArray kPassphrase = "field visit 2026";

// The submitted figures of an org unit, at the office.
QStringList submittedOf(Session& session, const QString& unit)
{
    QStringList ids;
    for (const Observation& o : must(session.observations().all())) {
        if (o.orgUnit == unit && o.state == u"submitted"_s)
            ids << o.id;
    }
    ids.sort();
    return ids;
}

QString stateOf(Session& session, const QString& id)
{
    return must(session.observations().find(id)).state;
}

Workflow::VerifyRequest fieldVisit(const QString& id)
{
    Workflow::VerifyRequest r;
    r.id = id;
    r.method = VerificationMethod::FieldVisit;
    return r;
}

// A laptop: the working copy of a package, logged in as its assignee, a day after it was made.
struct Laptop {
    Laptop(const QString& packagePath, const QString& workPath, const QDateTime& now)
    {
        must(FieldPackage::open(packagePath, kPassphrase, workPath));
        SessionOptions options;
        options.now = [now] {
            return now;
        };
        options.minimumPasswordCost = true;
        session = must(Session::open(workPath, options));
        session->setCurrentUser(*must(session->users().find(u"verifier"_s)));
        program = must(session->programs().load());
    }
    Workflow workflow() { return Workflow(*session, program); }

    std::unique_ptr<Session> session;
    Program program;
};

FieldPackage::Request sialkot()
{
    FieldPackage::Request r;
    r.assignee = u"verifier"_s;
    r.orgUnits = {u"SKT-SURG"_s};
    return r;
}

} // namespace

TEST_CASE("Field page: the office makes a package through the page", "[ui][field-page]")
{
    DemoWorkspace ws(u"manager"_s);
    // An open sample to take along: firms drawn behind a claimed upgrade.
    QString claim;
    for (const Observation& o : must(ws.session->observations().all())) {
        if (o.orgUnit == u"SKT-SPRT"_s && o.indicator == u"FIRMS_UPGRADE"_s &&
            o.state == u"submitted"_s)
            claim = o.id;
    }
    REQUIRE_FALSE(claim.isEmpty());
    ws.actAs(u"verifier"_s);
    const Program program = must(ws.session->programs().load());
    const Sample drawn = must(Samples(*ws.session, program).draw(claim, u"field"_s, 3));
    ws.actAs(u"manager"_s);

    FieldPage page(*ws.workspace);
    page.setKeyCost(SealedArchive::KeyCost::Minimum);
    REQUIRE_FALSE(page.isFieldCopy());
    // The labels name a sample's rows by their figure, and find the figure to edit.
    REQUIRE(drawn.items.size() == 3);
    CHECK(page.labels().observationOf(u"sample_items"_s, drawn.items[1].id) == claim);
    CHECK(page.labels().observationOf(u"samples"_s, drawn.id) == claim);
    CHECK(page.labels().label(u"sample_items"_s, drawn.items[1].id).contains(u"SKT-SPRT"_s));
    REQUIRE(page.tabs());
    CHECK(page.fieldCopy() == nullptr);
    ui::FieldPackageOutPanel* out = page.packageOut();

    // Enabled verifiers are the assignees; nothing ticked, nothing to make.
    CHECK(out->assigneeCombo()->findData(u"verifier"_s) >= 0);
    CHECK(out->assigneeCombo()->findData(u"viewer"_s) < 0);
    CHECK_FALSE(out->makeButton()->isEnabled());
    CHECK(out->makeButton()->toolTip().contains(u"Tick"_s));
    REQUIRE(out->setAssignee(u"verifier"_s));
    REQUIRE(out->setChecked(u"SKT-SURG"_s, true));
    CHECK(out->makeButton()->isEnabled());
    REQUIRE(out->setChecked(drawn.id, true));
    CHECK_FALSE(out->setChecked(u"NO-SUCH-UNIT"_s, true));
    const FieldPackage::Request asked = out->request();
    CHECK(asked.assignee == u"verifier"_s);
    CHECK(asked.orgUnits == QStringList{u"SKT-SURG"_s});
    CHECK(asked.samples == QStringList{drawn.id});

    // A file that is there already is refused by core, said, and kept.
    const QString there = ws.dirPath(u"there.dlipkg"_s);
    {
        QFile f(there);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("keep me");
    }
    CHECK_FALSE(page.makePackage(asked, there, kPassphrase).ok());
    REQUIRE(ws.errors.size() == 1);
    CHECK(ws.errors.first().contains(u"already there"_s));
    ws.errors.clear();

    const QString path = ws.dirPath(u"sialkot.dlipkg"_s);
    const PackageManifest made = must(page.makePackage(asked, path, kPassphrase));
    INFO(ws.errors.join(u'\n').toStdString());
    CHECK(ws.errors.isEmpty());
    CHECK(QFileInfo::exists(path));
    CHECK(made.assignee == u"verifier"_s);
    CHECK(made.observations > 0);
    CHECK(made.samples == 1);
    CHECK(out->resultLabel()->isVisibleTo(&page));
    CHECK(out->resultLabel()->text().contains(made.packageId));
    CHECK(out->resultLabel()->text().contains(u"observations"_s));
    // The store: the office log records the export; the file opens on a laptop.
    const auto entries = must(ws.session->audit().entries());
    CHECK(entries.last().action == u"package.export"_s);
    CHECK(entries.last().user == u"manager"_s);
    const auto opened = must(FieldPackage::open(path, kPassphrase, ws.dirPath(u"laptop.dlidb"_s)));
    CHECK(opened.packageId == made.packageId);
    // The ticks stay for the next package.
    CHECK(out->request().orgUnits == QStringList{u"SKT-SURG"_s});
    CHECK(out->request().samples == QStringList{drawn.id});
    dli::test::ui::screenshot(page, u"field-package-out-1280.png"_s);
}

TEST_CASE("Field page: the passphrase dialog wants 8 characters, twice, when sealing",
          "[ui][field-page]")
{
    ui::PassphraseDialog seal(ui::PassphraseDialog::Mode::Seal, u"Seal"_s, u"Choose one"_s);
    seal.setPassphrases(u"short"_s, u"short"_s);
    CHECK_FALSE(seal.submit());
    CHECK(seal.errorText().contains(u"at least 8"_s));
    seal.setPassphrases(u"field visit 2026"_s, u"field visit 2025"_s);
    CHECK_FALSE(seal.submit());
    CHECK(seal.errorText().contains(u"differ"_s));
    seal.setPassphrases(u"field visit 2026"_s, u"field visit 2026"_s);
    CHECK(seal.submit());
    CHECK(seal.passphrase() == kPassphrase);
    CHECK(seal.result() == QDialog::Accepted);

    ui::PassphraseDialog open(ui::PassphraseDialog::Mode::Open, u"Open"_s, u"Type it"_s);
    open.setPassphrases(u"short"_s);
    CHECK(open.submit()); // core says whether it opens the file
    CHECK(open.passphrase() == "short");

    ui::PassphraseDialog::setPresenter([](ui::PassphraseDialog& d) {
        d.setPassphrases(u"field visit 2026"_s, u"field visit 2026"_s);
        return d.submit();
    });
    const auto asked = ui::PassphraseDialog::ask(nullptr, ui::PassphraseDialog::Mode::Seal,
                                                 u"Seal"_s, u"Choose one"_s);
    ui::PassphraseDialog::setPresenter({});
    REQUIRE(asked.has_value());
    CHECK(*asked == kPassphrase);
}

TEST_CASE("Field page: a return with a conflict is imported, listed and resolved",
          "[ui][field-page]")
{
    DemoWorkspace ws(u"manager"_s);
    const QStringList ids = submittedOf(*ws.session, u"SKT-SURG"_s);
    REQUIRE(ids.size() >= 2);
    FieldPage page(*ws.workspace);
    page.setKeyCost(SealedArchive::KeyCost::Minimum);
    const QString pkg = ws.dirPath(u"sialkot.dlipkg"_s);
    const PackageManifest made = must(page.makePackage(sialkot(), pkg, kPassphrase));

    // In the field the verifier queries the first figure and verifies the second; meanwhile
    // the office verifies the first.
    Laptop laptop(pkg, ws.dirPath(u"laptop.dlidb"_s), Demo::fixedNow().addDays(1));
    must(laptop.workflow().query(ids[0], u"firm closed"_s));
    must(laptop.workflow().verify(fieldVisit(ids[1])));
    const QString ret = ws.dirPath(u"sialkot.dlireturn"_s);
    must(FieldReturn::make(*laptop.session, ret, kPassphrase, SealedArchive::KeyCost::Minimum));
    ws.actAs(u"verifier"_s);
    const Program program = must(ws.session->programs().load());
    must(Workflow(*ws.session, program).verify(fieldVisit(ids[0])));
    ws.actAs(u"manager"_s);
    ws.setNow(Demo::fixedNow().addDays(3));

    ui::FieldReturnsPanel* returns = page.returns();
    ui::FieldConflictsPanel* conflicts = page.conflicts();
    QAbstractItemModelTester changesTester(returns->changesModel());
    QAbstractItemModelTester importsTester(returns->importsModel());
    QAbstractItemModelTester conflictsTester(conflicts->model());
    QAbstractItemModelTester compareTester(conflicts->compareModel());
    CHECK(returns->importsModel()->rowCount() == 0);
    CHECK(conflicts->model()->rowCount() == 0);
    CHECK(page.tabs()->tabText(2) == u"&Conflicts"_s);

    // A wrong passphrase is said, and nothing is imported.
    CHECK_FALSE(page.importReturn(ret, "not the passphrase").ok());
    REQUIRE(ws.errors.size() == 1);
    CHECK(ws.errors.first().contains(u"passphrase"_s));
    ws.errors.clear();
    CHECK(must(FieldImport::imports(*ws.session)).isEmpty());

    const FieldImportReport r = must(page.importReturn(ret, kPassphrase));
    INFO(ws.errors.join(u'\n').toStdString());
    CHECK(ws.errors.isEmpty());
    CHECK_FALSE(r.alreadyImported);
    CHECK(r.record.applied == 1);
    CHECK(r.record.conflicts == 1);
    CHECK(r.record.packageId == made.packageId);
    CHECK(page.tabs()->currentWidget() == returns);
    CHECK(returns->resultLabel()->text().contains(u"1 applied, 1 conflict, 0 refused"_s));
    // The import is listed and selected; its changes, the conflict first.
    REQUIRE(returns->importsModel()->rowCount() == 1);
    CHECK(returns->importsTable()->currentSourceIndex().row() == 0);
    REQUIRE(returns->changesModel()->rowCount() == 2);
    const FieldChange* first = returns->changesModel()->change(0);
    REQUIRE(first);
    CHECK(first->outcome == FieldChange::Conflict);
    CHECK(first->rowId == ids[0]);
    CHECK(returns->changesModel()->change(1)->outcome == FieldChange::Applied);
    const QModelIndex outcome =
        returns->changesModel()->index(0, ui::FieldChangesModel::OutcomeColumn);
    CHECK(outcome.data().toString().startsWith(u"Conflict"_s));
    CHECK(outcome.data(Qt::BackgroundRole).isValid());
    CHECK(returns->changesModel()
              ->index(0, ui::FieldChangesModel::RowColumn)
              .data()
              .toString()
              .contains(u"SKT-SURG"_s));
    CHECK(stateOf(*ws.session, ids[0]) == u"verified"_s);
    CHECK(stateOf(*ws.session, ids[1]) == u"verified"_s);

    // The conflicts table lists it; the tab counts it.
    REQUIRE(conflicts->model()->rowCount() == 1);
    CHECK(page.tabs()->tabText(2) == u"&Conflicts (1)"_s);
    const FieldConflict* held = conflicts->current();
    REQUIRE(held);
    CHECK(held->id == first->conflictId);
    CHECK(held->action == u"observation.query"_s);
    // Side by side: the state differs (verified at the office, queried in the field) and leads.
    CHECK(conflicts->compareModel()->differences() >= 1);
    CHECK(conflicts->compareModel()->differs(0));
    bool stateDiffers = false;
    for (int i = 0; i < conflicts->compareModel()->differences(); ++i) {
        if (conflicts->compareModel()->name(i) == u"state"_s) {
            stateDiffers = true;
            CHECK(conflicts->compareModel()
                      ->index(i, ui::FieldConflictCompareModel::OfficeColumn)
                      .data()
                      .toString() == u"verified"_s);
            CHECK(conflicts->compareModel()
                      ->index(i, ui::FieldConflictCompareModel::FieldColumn)
                      .data()
                      .toString() == u"queried"_s);
        }
    }
    CHECK(stateDiffers);
    CHECK(conflicts->detailsLabel()->text().contains(u"firm closed"_s));
    CHECK(conflicts->detailsLabel()->text().contains(u"observation.verify"_s));

    // Only a verifier resolves: the manager sees why not.
    CHECK_FALSE(conflicts->keepOfficeButton()->isEnabled());
    CHECK(conflicts->keepOfficeButton()->toolTip().contains(u"verifier"_s));
    CHECK_FALSE(conflicts->keepFieldButton()->isEnabled());
    ws.actAs(u"verifier"_s);
    conflicts->updateState();
    CHECK(conflicts->keepOfficeButton()->isEnabled());
    CHECK(conflicts->keepFieldButton()->isEnabled());
    CHECK(conflicts->editButton()->isEnabled());

    // Edit... opens the figure on the Verification page.
    QSignalSpy navigate(ws.workspace.get(), &ui::Workspace::navigateRequested);
    QTest::mouseClick(conflicts->editButton(), Qt::LeftButton);
    REQUIRE(navigate.size() == 1);
    CHECK(navigate.first().at(0).toString() == u"verification"_s);
    CHECK(navigate.first().at(1).toString() == ids[0]);

    page.tabs()->setCurrentWidget(conflicts);
    dli::test::ui::screenshot(page, u"field-office-conflict-1280.png"_s);
    dli::test::ui::screenshot(page, u"field-office-conflict-1920.png"_s, {1920, 1080});
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    dli::test::ui::screenshot(page, u"field-office-conflict-rtl-1280.png"_s);
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);
    page.tabs()->setCurrentWidget(returns);
    dli::test::ui::screenshot(page, u"field-office-returns-1280.png"_s);
    page.tabs()->setCurrentWidget(conflicts);

    // Keep field: the field's query cannot be kept on a verified figure; core says why and the
    // conflict stays open.
    QTest::mouseClick(conflicts->keepFieldButton(), Qt::LeftButton);
    REQUIRE(ws.errors.size() == 1);
    CHECK(ws.errors.first().contains(u"stays open"_s));
    ws.errors.clear();
    CHECK(must(FieldImport::conflicts(*ws.session)).size() == 1);

    // Keep office resolves it: the office's row stands, and the conflict is recorded resolved.
    QTest::mouseClick(conflicts->keepOfficeButton(), Qt::LeftButton);
    CHECK(ws.errors.isEmpty());
    CHECK(must(FieldImport::conflicts(*ws.session)).isEmpty());
    const QList<FieldConflict> all = must(FieldImport::conflicts(*ws.session, false));
    REQUIRE(all.size() == 1);
    CHECK(all.first().resolution == FieldConflict::KeepOffice);
    CHECK(all.first().resolvedBy == u"verifier"_s);
    CHECK(stateOf(*ws.session, ids[0]) == u"verified"_s);
    CHECK(conflicts->model()->rowCount() == 0);
    CHECK(page.tabs()->tabText(2) == u"&Conflicts"_s);
    // Shown with the resolved ones, it can no longer be resolved.
    conflicts->showResolvedCheck()->setChecked(true);
    REQUIRE(conflicts->model()->rowCount() == 1);
    REQUIRE(conflicts->current());
    CHECK_FALSE(conflicts->keepOfficeButton()->isEnabled());
    CHECK(conflicts->keepOfficeButton()->toolTip().contains(u"resolved"_s));
    CHECK(conflicts->model()
              ->index(0, ui::FieldConflictsModel::StateColumn)
              .data()
              .toString()
              .contains(u"verifier"_s));

    // The same return again: nothing new.
    ws.actAs(u"manager"_s);
    const FieldImportReport again = must(page.importReturn(ret, kPassphrase));
    CHECK(again.alreadyImported);
    CHECK(returns->resultLabel()->text().contains(u"Nothing new"_s));
    CHECK(must(FieldImport::imports(*ws.session)).size() == 1);
    CHECK(returns->importsModel()->rowCount() == 1);
}

TEST_CASE("Field page: roles other than verifier, manager and admin see why not",
          "[ui][field-page]")
{
    DemoWorkspace ws(u"viewer"_s);
    FieldPage page(*ws.workspace);
    REQUIRE(page.packageOut());
    CHECK(page.unavailableReason().isEmpty()); // anyone may look
    CHECK_FALSE(page.packageOut()->makeButton()->isEnabled());
    CHECK(page.packageOut()->makeButton()->toolTip().contains(u"viewer"_s));
    CHECK_FALSE(page.packageOut()->unitList()->isEnabled());
    CHECK_FALSE(page.returns()->importButton()->isEnabled());
    CHECK(page.returns()->importButton()->toolTip().contains(u"viewer"_s));
    CHECK_FALSE(page.conflicts()->keepOfficeButton()->isEnabled());
    CHECK(page.conflicts()->keepOfficeButton()->toolTip().contains(u"viewer"_s));
    // Empty states say what will be there.
    CHECK(page.returns()->importsModel()->rowCount() == 0);
    CHECK(page.conflicts()->model()->rowCount() == 0);

    // An officer may neither make packages nor import; core refuses anyway.
    ws.actAs(u"officer"_s);
    page.refresh();
    CHECK_FALSE(page.packageOut()->makeButton()->isEnabled());
    CHECK_FALSE(page.returns()->importButton()->isEnabled());
    CHECK_FALSE(page.makePackage(sialkot(), ws.dirPath(u"x.dlipkg"_s), kPassphrase).ok());
    REQUIRE(ws.errors.size() == 1);
    CHECK_FALSE(QFileInfo::exists(ws.dirPath(u"x.dlipkg"_s)));
    // Managers make packages and import, but do not resolve conflicts.
    ws.actAs(u"manager"_s);
    page.refresh();
    CHECK(page.returns()->importButton()->isEnabled());
    CHECK(page.conflicts()->keepOfficeButton()->toolTip().contains(u"verifier"_s));
}

TEST_CASE("Field page: a field copy shows its package and makes a return the office imports",
          "[ui][field-page]")
{
    DemoWorkspace office(u"manager"_s);
    const QStringList ids = submittedOf(*office.session, u"SKT-SURG"_s);
    REQUIRE_FALSE(ids.isEmpty());
    const QString pkg = office.dirPath(u"sialkot.dlipkg"_s);
    const PackageManifest made = must(FieldPackage::make(
        *office.session, sialkot(), pkg, kPassphrase, SealedArchive::KeyCost::Minimum));
    Laptop laptop(pkg, office.dirPath(u"laptop.dlidb"_s), Demo::fixedNow().addDays(1));
    ui::Workspace fieldWs(*laptop.session);
    QStringList errors;
    fieldWs.setErrorPresenter(
        [&errors](const QString& title, const QString& text) { errors << title + u": "_s + text; });

    FieldPage page(fieldWs);
    page.setKeyCost(SealedArchive::KeyCost::Minimum);
    REQUIRE(page.isFieldCopy());
    CHECK(page.package()->packageId == made.packageId);
    CHECK(page.tabs() == nullptr);
    CHECK(page.packageOut() == nullptr);
    REQUIRE(page.fieldCopy());
    CHECK(page.fieldCopy()->packageLabel()->text() == made.packageId);
    CHECK(page.fieldCopy()->makeButton()->isEnabled());
    // No imports or packages here.
    const auto refused = page.importReturn(office.dirPath(u"none.dlireturn"_s), kPassphrase);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(u"field copy"_s));

    must(laptop.workflow().verify(fieldVisit(ids[0])));
    const QString ret = office.dirPath(u"back.dlireturn"_s);
    const ReturnManifest returned = must(page.makeReturn(ret, kPassphrase));
    INFO(errors.join(u'\n').toStdString());
    CHECK(errors.isEmpty());
    CHECK(QFileInfo::exists(ret));
    CHECK(returned.packageId == made.packageId);
    CHECK(returned.changes > 0);
    CHECK(page.fieldCopy()->resultLabel()->isVisibleTo(&page));
    CHECK(page.fieldCopy()->resultLabel()->text().contains(u"back.dlireturn"_s));
    // A second return to the same file is refused, and said.
    CHECK_FALSE(page.makeReturn(ret, kPassphrase).ok());
    CHECK(errors.size() == 1);
    dli::test::ui::screenshot(page, u"field-copy-1280.png"_s);
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    dli::test::ui::screenshot(page, u"field-copy-rtl-1280.png"_s);
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);

    // The office takes it in.
    office.setNow(Demo::fixedNow().addDays(2));
    FieldPage officePage(*office.workspace);
    const FieldImportReport r = must(officePage.importReturn(ret, kPassphrase));
    CHECK(r.record.applied == 1);
    CHECK(r.record.conflicts == 0);
    CHECK(stateOf(*office.session, ids[0]) == u"verified"_s);
    CHECK(officePage.makeReturn(ret, kPassphrase).error().message.contains(u"office"_s));
}
