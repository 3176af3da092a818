// The audit log page: entries fetched a page at a time under the store's filters, the selected
// entry's row before and after with the changed fields marked, and "Verify integrity" off the
// GUI thread, intact on the demo and naming the row changed behind the log's back.
#include "core/workflow/program_editor.h"
#include "ui/models/audit_log_model.h"
#include "ui/pages/audit_page.h"
#include "ui/task_runner.h"
#include "ui/widgets/audit_entry_view.h"
#include "ui/widgets/audit_verify_panel.h"
#include "ui/widgets/filtered_table.h"
#include "ui_support.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using dli::test::ui::DemoWorkspace;
using dli::ui::AuditLogModel;
using dli::ui::AuditPage;

namespace {

qint64 logSize(DemoWorkspace& ws)
{
    auto all = ws.session->audit().entries();
    REQUIRE(all.ok());
    return all->size();
}

} // namespace

TEST_CASE("The audit page lists the log newest first and fetches it as it scrolls", "[audit-page]")
{
    DemoWorkspace ws(u"viewer"_s);
    AuditPage page(*ws.workspace);
    AuditLogModel* model = page.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const qint64 total = logSize(ws);
    REQUIRE(total > AuditLogModel::PageSize);
    CHECK(model->total() == total);
    // One page, or a few if the views asked for more; never the whole log at once.
    CHECK(model->rowCount() >= AuditLogModel::PageSize);
    CHECK(model->rowCount() % AuditLogModel::PageSize == 0);
    CHECK(model->rowCount() < total);
    CHECK(model->entry(0)->seq == total);
    REQUIRE(model->canFetchMore({}));
    while (model->canFetchMore({}))
        model->fetchMore({});
    CHECK(model->rowCount() == total);
    CHECK(model->entry(model->rowCount() - 1)->seq == 1);

    // Filters by user, table, date and row are the store's.
    page.userCombo()->setCurrentIndex(page.userCombo()->findData(u"verifier"_s));
    emit page.userCombo()->activated(page.userCombo()->currentIndex());
    REQUIRE(model->rowCount() > 0);
    CHECK(model->rowCount() < total);
    for (int r = 0; r < model->rowCount(); ++r)
        CHECK(model->entry(r)->user == u"verifier"_s);
    page.userCombo()->setCurrentIndex(0);
    emit page.userCombo()->activated(0);

    page.tableCombo()->setCurrentIndex(page.tableCombo()->findData(u"observations"_s));
    emit page.tableCombo()->activated(page.tableCombo()->currentIndex());
    REQUIRE(model->rowCount() > 0);
    const QString row = model->entry(0)->rowId;
    page.tableCombo()->setCurrentIndex(0);
    emit page.tableCombo()->activated(0);
    page.showItem(row);
    REQUIRE(model->rowCount() > 0);
    for (int r = 0; r < model->rowCount(); ++r)
        CHECK(model->entry(r)->rowId == row);
    page.rowEdit()->clear();
    CHECK(model->total() == total);

    page.sinceCheck()->setChecked(true);
    page.sinceEdit()->setDate(QDate(2100, 1, 1));
    CHECK(model->rowCount() == 0);
    CHECK(page.table()->view()->model()->rowCount() == 0);
    page.sinceCheck()->setChecked(false);
    CHECK(model->total() == total);

    // The find box filters in the store too, once typing pauses.
    QTest::keyClicks(page.table()->filterEdit(), u"sample"_s);
    REQUIRE(QTest::qWaitFor([&] { return model->total() < total; }, 3000));
    REQUIRE(model->rowCount() > 0);
    page.table()->filterEdit()->clear();
    CHECK(QTest::qWaitFor([&] { return model->total() == total; }, 3000));
}

TEST_CASE("Selecting an entry shows the row before and after with the change marked",
          "[audit-page]")
{
    DemoWorkspace ws(u"admin"_s);
    AuditPage page(*ws.workspace);
    page.resize(1280, 800);
    page.show();
    dli::ProgramEdit e;
    e.kind = dli::ProgramItemKind::Dlr;
    e.code = u"3.2"_s;
    e.field = dli::ProgramField::Target;
    e.value = u"230"_s;
    REQUIRE(dli::ProgramEditor(*ws.session).set(e).ok());
    // The program edit reached the page through the notifier.
    REQUIRE(page.model()->entry(0)->action == u"program.edit"_s);
    page.table()->selectSourceRow(0);
    const QString shown = page.entryView()->toPlainText();
    CHECK(shown.contains(u"program.edit"_s));
    CHECK(shown.contains(u"Before"_s));
    CHECK(shown.contains(u"After"_s));
    CHECK(shown.contains(u"\"target\": \"220\""_s));
    CHECK(shown.contains(u"\"target\": \"230\""_s));
    CHECK(shown.contains(u"DLR 3.2"_s));
    CHECK(page.entryView()->highlighted().contains(u"target"_s));
    CHECK_FALSE(page.entryView()->highlighted().contains(u"title"_s));
    CHECK(page.model()->index(0, AuditLogModel::SummaryColumn).data().toString() ==
          u"DLR 3.2, target: 220 \u2192 230"_s);
    dli::test::ui::screenshot(page, u"page-audit-1280.png"_s, {1280, 800});
    dli::test::ui::screenshot(page, u"page-audit-1920.png"_s, {1920, 1080});
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    dli::test::ui::screenshot(page, u"page-audit-rtl.png"_s, {1280, 800});
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);
}

TEST_CASE("Verify integrity reports the demo intact and names a row changed outside",
          "[audit-page]")
{
    DemoWorkspace ws(u"viewer"_s);
    AuditPage page(*ws.workspace);
    dli::ui::AuditVerifyPanel* verify = page.verifyPanel();
    CHECK_FALSE(verify->hasResult());
    QTest::mouseClick(verify->button(), Qt::LeftButton);
    REQUIRE(verify->hasResult());
    CHECK(ws.errors.isEmpty());
    CHECK(verify->intact());
    const QString summary = verify->summaryText();
    CHECK(summary.contains(u"Intact."_s));
    CHECK(summary.contains(QLocale().toString(logSize(ws)) + u" entries"_s));
    CHECK(summary.contains(ws.session->audit().head().value()));

    // A target changed with SQL, as someone with the sqlite3 shell could.
    REQUIRE(
        ws.session->database().exec(u"UPDATE dlrs SET target = '999' WHERE code = '3.2'"_s).ok());
    REQUIRE(verify->verify());
    CHECK_FALSE(verify->intact());
    REQUIRE(verify->problems().size() == 1);
    INFO(verify->problems().first().toStdString());
    // The row came with the demo's import: its digest no longer matches.
    CHECK(verify->problems().first().contains(u"rows of dlrs"_s));
    CHECK(verify->problems().first().contains(u"changed outside DLI Tracker"_s));
    CHECK(verify->summaryText().contains(u"1 problem found."_s));
    dli::test::ui::screenshot(page, u"page-audit-tampered-1280.png"_s, {1280, 800});
}
