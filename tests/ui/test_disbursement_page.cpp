// The disbursement page: the engine's tree of DLIs and DLRs (verified and forecast side by
// side), the selected DLR's derivation, findings and events, and the event dialogs that show
// what the engine will do before a manager confirms.
#include "core/workflow/disbursements.h"
#include "ui/dialogs/event_dialog.h"
#include "ui/models/disbursement_events_model.h"
#include "ui/models/disbursement_findings_model.h"
#include "ui/models/disbursement_tree_model.h"
#include "ui/pages/disbursement_page.h"
#include "ui/widgets/disbursement_explanation.h"
#include "ui/widgets/filtered_table.h"
#include "ui_support.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using dli::DisbursementEvent;
using dli::EventKind;
using dli::test::ui::DemoWorkspace;
using dli::ui::DisbursementPage;
using dli::ui::DisbursementTreeModel;
using dli::ui::EventDialog;

namespace {

const QDate kAsOf(2026, 7, 1);

QString cell(DisbursementTreeModel* model, const QString& code, int column)
{
    const QModelIndex index = model->find(code);
    REQUIRE(index.isValid());
    return index.siblingAtColumn(column).data().toString();
}

QList<DisbursementEvent> storedEvents(DemoWorkspace& ws)
{
    auto events = dli::Disbursements(*ws.session, *ws.workspace->program()).events();
    REQUIRE(events.ok());
    return events.value();
}

void selectTarget(EventDialog& dialog, const QString& code)
{
    const int i = dialog.targetBox()->findData(code);
    REQUIRE(i >= 0);
    dialog.targetBox()->setCurrentIndex(i);
}

} // namespace

TEST_CASE("The disbursement tree shows the engine's figures per DLI and DLR", "[disbursement-page]")
{
    DemoWorkspace ws(u"viewer"_s);
    ws.workspace->setAsOf(kAsOf);
    DisbursementPage page(*ws.workspace);
    page.refresh();
    REQUIRE(ws.errors.isEmpty());
    DisbursementTreeModel* model = page.treeModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester events(page.eventsModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester findings(page.findingsModel(),
                                      QAbstractItemModelTester::FailureReportingMode::Fatal);

    REQUIRE(model->rowCount() == 6);
    const QModelIndex dli3 = model->find(u"DLI3"_s);
    REQUIRE(dli3.isValid());
    CHECK(model->rowCount(dli3) == 3);
    CHECK(cell(model, u"3.3"_s, DisbursementTreeModel::StatusColumn) == u"in progress"_s);
    CHECK(cell(model, u"3.3"_s, DisbursementTreeModel::AchievedColumn) == u"268 / 300"_s);
    CHECK(cell(model, u"3.3"_s, DisbursementTreeModel::EarnedColumn) == u"1,500,000.00"_s);
    CHECK(cell(model, u"3.1"_s, DisbursementTreeModel::RecoveredColumn) == u"1,000,000.00"_s);
    CHECK(cell(model, u"6.1"_s, DisbursementTreeModel::PayableColumn) == u"1,180,000.00"_s);
    CHECK(cell(model, u"2.1"_s, DisbursementTreeModel::FinalColumn) == u"yes"_s);
    CHECK(cell(model, u"4.2"_s, DisbursementTreeModel::PendingColumn) == u"480,000.00"_s);
    CHECK(cell(model, u"DLI3"_s, DisbursementTreeModel::PayableColumn) == u"1,500,000.00"_s);
    // A DLI's status is the dashboard's traffic light.
    CHECK(cell(model, u"DLI2"_s, DisbursementTreeModel::StatusColumn) == u"missed"_s);
    CHECK(cell(model, u"DLI5"_s, DisbursementTreeModel::StatusColumn) == u"on track"_s);
    // The columns of money moved and of the forecast are hidden until asked for.
    CHECK(page.treeView()->isColumnHidden(DisbursementTreeModel::PendingColumn));
    CHECK(page.treeView()->isColumnHidden(DisbursementTreeModel::ForecastEarnedColumn));
    page.movedBox()->setChecked(true);
    CHECK_FALSE(page.treeView()->isColumnHidden(DisbursementTreeModel::PendingColumn));

    CHECK(page.eventsModel()->rowCount() == 9);
    CHECK(page.findingsModel()->rowCount() == 2);
    CHECK(page.summaryLabel()->text().contains(u"payable US$2,813,000.00"_s));

    SECTION("the selected DLR's derivation in plain words")
    {
        page.showItem(u"3.3"_s);
        const QString text = page.explanation()->toPlainText();
        auto status = dli::Disbursements(*ws.session, *ws.workspace->program()).compute(kAsOf);
        REQUIRE(status.ok());
        const dli::DlrResult* r = status->dlr(u"3.3"_s);
        REQUIRE(r != nullptr);
        REQUIRE_FALSE(r->explanation.isEmpty());
        for (const QString& sentence : r->explanation)
            CHECK(text.contains(sentence));
    }

    SECTION("the forecast sits beside the verified figures, never mixed in")
    {
        page.forecastBox()->setChecked(true);
        page.refresh();
        CHECK_FALSE(page.treeView()->isColumnHidden(DisbursementTreeModel::ForecastEarnedColumn));
        CHECK(cell(model, u"3.3"_s, DisbursementTreeModel::ForecastStatusColumn) == u"achieved"_s);
        CHECK(cell(model, u"3.3"_s, DisbursementTreeModel::ForecastEarnedColumn) ==
              u"2,500,000.00"_s);
        CHECK(cell(model, u"5.2"_s, DisbursementTreeModel::ForecastEarnedColumn) ==
              u"589,166.66"_s);
        // The verified columns do not move.
        CHECK(cell(model, u"3.3"_s, DisbursementTreeModel::EarnedColumn) == u"1,500,000.00"_s);
        CHECK(cell(model, u"3.3"_s, DisbursementTreeModel::StatusColumn) == u"in progress"_s);
        page.showItem(u"3.3"_s);
        CHECK(page.explanation()->toPlainText().contains(u"Forecast"_s));
    }

    SECTION("the as-of date is the workspace's")
    {
        page.show();
        ws.workspace->setAsOf(QDate(2024, 1, 1));
        CHECK(page.summaryLabel()->text().startsWith(u"As of 2024-01-01"_s));
        CHECK(cell(model, u"DLI1"_s, DisbursementTreeModel::DisbursedColumn) == u"2,000,000.00"_s);
        CHECK(cell(model, u"DLI3"_s, DisbursementTreeModel::DisbursedColumn) == u"0.00"_s);
    }
}

TEST_CASE("Only managers record events", "[disbursement-page]")
{
    DemoWorkspace ws(u"officer"_s);
    DisbursementPage page(*ws.workspace);
    for (EventKind k : {EventKind::Disburse, EventKind::Advance, EventKind::Refund,
                        EventKind::Reallocate, EventKind::Cancel}) {
        QPushButton* b = page.recordButton(k);
        REQUIRE(b != nullptr);
        CHECK_FALSE(b->isEnabled());
        CHECK(b->toolTip() == ws.workspace->roleReason({dli::Role::Manager}));
    }
    CHECK(page.recordButton(EventKind::Disburse)->toolTip().contains(u"manager"_s));
    CHECK_FALSE(page.recordEvent(EventKind::Disburse));

    DemoWorkspace manager(u"manager"_s);
    DisbursementPage managed(*manager.workspace);
    CHECK(managed.recordButton(EventKind::Disburse)->isEnabled());
}

TEST_CASE("The event dialog shows what the engine will do before recording", "[disbursement-page]")
{
    DemoWorkspace ws(u"manager"_s);
    ws.workspace->setAsOf(kAsOf);
    const qsizetype before = storedEvents(ws).size();

    SECTION("a disbursement equal to what is payable keeps every rule")
    {
        EventDialog dialog(*ws.workspace, EventKind::Disburse, u"6.1"_s);
        // The amount starts at what is payable.
        CHECK(dialog.amountEdit()->text() == u"1180000.00"_s);
        dialog.referenceEdit()->setText(u"WA-12"_s);
        dialog.updateNow();
        CHECK(dialog.errors().isEmpty());
        CHECK(dialog.refusals().isEmpty());
        const QStringList preview = dialog.previewLines();
        CHECK(preview.contains(u"Payable, DLR 6.1: US$1,180,000.00 → US$0.00"_s));
        CHECK(preview.contains(u"Disbursed, DLR 6.1: US$0.00 → US$1,180,000.00"_s));
        CHECK(dialog.canRecord());
        CHECK_FALSE(dialog.forceBox()->isEnabled());
        CHECK(storedEvents(ws).size() == before); // nothing written by the preview

        REQUIRE(dialog.submit());
        REQUIRE(dialog.recorded().has_value());
        const QList<DisbursementEvent> after = storedEvents(ws);
        REQUIRE(after.size() == before + 1);
        CHECK(after.last().dlr == u"6.1"_s);
        CHECK(after.last().amount == dli::Money::fromMinor(118'000'000));
        CHECK(after.last().reference == u"WA-12"_s);
        CHECK_FALSE(after.last().forced);
    }

    SECTION("above what is payable is refused with the rule, until forced with a reason")
    {
        EventDialog dialog(*ws.workspace, EventKind::Disburse, u"6.1"_s);
        dialog.amountEdit()->setText(u"2000000"_s);
        dialog.referenceEdit()->setText(u"WA-12"_s);
        dialog.updateNow();
        CHECK(dialog.errors().isEmpty());
        REQUIRE(dialog.refusals().size() == 1);
        CHECK(dialog.refusals().first().contains(
            u"US$2,000,000.00 is more than the US$1,180,000.00 payable for DLR 6.1"_s));
        CHECK_FALSE(dialog.canRecord());
        CHECK_FALSE(dialog.recordButton()->isEnabled());
        CHECK(dialog.forceBox()->isEnabled());
        // The preview shows the overpayment it would make.
        CHECK(dialog.previewLines().contains(u"Disbursed, DLR 6.1: US$0.00 → US$2,000,000.00"_s));

        // Submitting anyway keeps everything typed and says why.
        CHECK_FALSE(dialog.submit());
        CHECK(dialog.errorText().contains(u"payable"_s));
        CHECK(dialog.amountEdit()->text() == u"2000000"_s);
        CHECK(storedEvents(ws).size() == before);

        dialog.forceBox()->setChecked(true);
        dialog.updateNow();
        CHECK_FALSE(dialog.canRecord()); // a reason first
        CHECK(dialog.reasonEdit()->isEnabled());
        dialog.reasonEdit()->setText(u"Bank letter 12"_s);
        dialog.updateNow();
        CHECK(dialog.canRecord());
        CHECK(dialog.recordButton()->text() == u"&Record anyway"_s);
        // The preview names the finding the forced event will be.
        bool forcedFinding = false;
        for (const QString& line : dialog.previewLines())
            forcedFinding = forcedFinding || line.contains(u"Bank letter 12"_s);
        CHECK(forcedFinding);

        REQUIRE(dialog.submit());
        const QList<DisbursementEvent> after = storedEvents(ws);
        REQUIRE(after.size() == before + 1);
        CHECK(after.last().forced);
        CHECK(after.last().reason == u"Bank letter 12"_s);
    }

    SECTION("errors no one may override: no reference, an amount that is not one")
    {
        EventDialog dialog(*ws.workspace, EventKind::Disburse, u"6.1"_s);
        dialog.referenceEdit()->clear();
        dialog.updateNow();
        REQUIRE_FALSE(dialog.errors().isEmpty());
        CHECK(dialog.errors().join(u' ').contains(u"reference"_s));
        CHECK_FALSE(dialog.canRecord());
        dialog.amountEdit()->setText(u"12.345"_s);
        dialog.referenceEdit()->setText(u"WA-12"_s);
        dialog.updateNow();
        REQUIRE_FALSE(dialog.errors().isEmpty());
        CHECK(dialog.errors().first().startsWith(u"the amount"_s));
        CHECK_FALSE(dialog.forceBox()->isEnabled());
    }

    SECTION("an advance previews the outstanding advances against the cap")
    {
        EventDialog dialog(*ws.workspace, EventKind::Advance, u"DLI5"_s);
        CHECK(dialog.targetBox()->currentData().toString() == u"DLI5"_s);
        dialog.amountEdit()->setText(u"500000"_s);
        dialog.referenceEdit()->setText(u"A-1"_s);
        dialog.updateNow();
        CHECK(dialog.refusals().isEmpty());
        CHECK(dialog.previewLines().contains(
            u"Outstanding advance, DLI DLI5: US$0.00 → US$500,000.00"_s));
        dialog.amountEdit()->setText(u"6000000"_s);
        dialog.updateNow();
        REQUIRE(dialog.refusals().size() == 1);
        CHECK(dialog.refusals().first().contains(u"cap"_s));
    }

    SECTION("a cancellation of pending money previews what is left pending")
    {
        EventDialog dialog(*ws.workspace, EventKind::Cancel, u"4.2"_s);
        CHECK(dialog.amountEdit()->text() == u"480000.00"_s);
        dialog.amountEdit()->setText(u"80000"_s);
        dialog.referenceEdit()->setText(u"PSC-2026-07"_s);
        dialog.updateNow();
        CHECK(dialog.refusals().isEmpty());
        CHECK(dialog.previewLines().contains(
            u"Pending reallocation, DLR 4.2: US$480,000.00 → US$400,000.00"_s));
    }

    SECTION("a reallocation previews both DLRs")
    {
        EventDialog dialog(*ws.workspace, EventKind::Reallocate, u"4.2"_s);
        const int to = dialog.toBox()->findData(u"5.2"_s);
        REQUIRE(to >= 0);
        dialog.toBox()->setCurrentIndex(to);
        dialog.amountEdit()->setText(u"100000"_s);
        dialog.referenceEdit()->setText(u"PSC-2026-07"_s);
        dialog.updateNow();
        CHECK(dialog.refusals().isEmpty());
        CHECK(dialog.previewLines().contains(
            u"Available, DLR 5.2: US$2,525,000.00 → US$2,625,000.00"_s));
        // Into a final DLR is refused.
        selectTarget(dialog, u"4.2"_s);
        dialog.toBox()->setCurrentIndex(dialog.toBox()->findData(u"2.1"_s));
        dialog.updateNow();
        CHECK(dialog.refusals().join(u' ').contains(u"final"_s));
    }

    SECTION("when core refuses at the last moment, nothing typed is lost")
    {
        EventDialog dialog(*ws.workspace, EventKind::Disburse, u"6.1"_s);
        dialog.referenceEdit()->setText(u"WA-13"_s);
        ws.actAs(u"viewer"_s); // the role changed under the open dialog
        CHECK_FALSE(dialog.submit());
        CHECK_FALSE(dialog.errorText().isEmpty());
        CHECK(dialog.referenceEdit()->text() == u"WA-13"_s);
        CHECK(dialog.amountEdit()->text() == u"1180000.00"_s);
        CHECK(storedEvents(ws).size() == before);
    }
}

TEST_CASE("Recording through the page changes the store and the page", "[disbursement-page]")
{
    DemoWorkspace ws(u"manager"_s);
    ws.workspace->setAsOf(kAsOf);
    ws.setNow(QDateTime(kAsOf, QTime(12, 0), Qt::UTC));
    DisbursementPage page(*ws.workspace);
    page.resize(1280, 800);
    page.show();
    page.showItem(u"6.1"_s);
    REQUIRE(page.eventsModel()->rowCount() == 9);

    bool presented = false;
    page.setEventPresenter([&](EventDialog& dialog) {
        presented = true;
        // Preset to the selected DLR, with its payable amount.
        CHECK(dialog.targetBox()->currentData().toString() == u"6.1"_s);
        dialog.referenceEdit()->setText(u"WA-12"_s);
        return dialog.submit();
    });
    QTest::mouseClick(page.recordButton(EventKind::Disburse), Qt::LeftButton);
    CHECK(presented);
    REQUIRE(storedEvents(ws).size() == 10);
    CHECK(page.eventsModel()->rowCount() == 10);
    CHECK(cell(page.treeModel(), u"6.1"_s, DisbursementTreeModel::DisbursedColumn) ==
          u"1,180,000.00"_s);
    CHECK(cell(page.treeModel(), u"6.1"_s, DisbursementTreeModel::PayableColumn) == u"0.00"_s);
    CHECK(page.eventsTable()->currentSourceIndex().row() == 9);

    SECTION("as known at a moment before it, the event is left out")
    {
        page.knownAtBox()->setChecked(true);
        page.knownAtEdit()->setDateTime(QDateTime(kAsOf, QTime(10, 0), Qt::UTC));
        CHECK(cell(page.treeModel(), u"6.1"_s, DisbursementTreeModel::DisbursedColumn) ==
              u"0.00"_s);
        CHECK(page.summaryLabel()->text().contains(u"as known at 2026-07-01 10:00 UTC"_s));
        page.knownAtBox()->setChecked(false);
        CHECK(cell(page.treeModel(), u"6.1"_s, DisbursementTreeModel::DisbursedColumn) ==
              u"1,180,000.00"_s);
    }
}

TEST_CASE("Disbursement page screenshots", "[disbursement-page][screenshot]")
{
    DemoWorkspace ws(u"manager"_s);
    ws.workspace->setAsOf(kAsOf);
    {
        DisbursementPage page(*ws.workspace);
        page.showItem(u"3.3"_s);
        dli::test::ui::screenshot(page, u"page-disbursement-1280.png"_s, {1280, 800});
        page.forecastBox()->setChecked(true);
        page.movedBox()->setChecked(true);
        dli::test::ui::screenshot(page, u"page-disbursement-1920.png"_s, {1920, 1080});
    }
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    {
        DisbursementPage rtl(*ws.workspace);
        rtl.showItem(u"4.3"_s);
        dli::test::ui::screenshot(rtl, u"page-disbursement-rtl.png"_s, {1280, 800});
    }
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);
    {
        EventDialog dialog(*ws.workspace, EventKind::Disburse, u"6.1"_s);
        dialog.amountEdit()->setText(u"2000000"_s);
        dialog.referenceEdit()->setText(u"WA-12"_s);
        dialog.updateNow();
        dli::test::ui::screenshot(dialog, u"dialog-event-refused.png"_s, dialog.sizeHint());
        dialog.amountEdit()->setText(u"1180000"_s);
        dialog.updateNow();
        dli::test::ui::screenshot(dialog, u"dialog-event-accepted.png"_s, dialog.sizeHint());
    }
    CHECK(ws.errors.isEmpty());
}
