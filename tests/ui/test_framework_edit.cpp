// The results framework page's editor: administrators change one field at a time, each change
// an undoable command checked and audited by core; everyone else reads, with the reason.
#include "core/workflow/disbursements.h"
#include "core/workflow/program_editor.h"
#include "ui/details_panel.h"
#include "ui/models/results_framework_model.h"
#include "ui/pages/framework_page.h"
#include "ui/widgets/framework_editor.h"
#include "ui_support.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using dli::test::ui::DemoWorkspace;
using dli::ui::FrameworkEditor;
using dli::ui::FrameworkPage;
using K = dli::ProgramItemKind;
using F = dli::ProgramField;

namespace {

dli::Program stored(DemoWorkspace& ws)
{
    auto p = ws.session->programs().load();
    REQUIRE(p.ok());
    return p.value();
}

QString storedValue(DemoWorkspace& ws, K kind, const QString& code, F field,
                    const QString& period = {})
{
    dli::ProgramEdit e;
    e.kind = kind;
    e.code = code;
    e.field = field;
    e.period = period;
    auto v = dli::ProgramEditor::valueOf(stored(ws), e);
    REQUIRE(v.ok());
    return v.value();
}

void requireIntact(DemoWorkspace& ws)
{
    auto report = ws.session->audit().verify();
    REQUIRE(report.ok());
    INFO(report->problems.join(u'\n').toStdString());
    CHECK(report->problems.isEmpty());
}

// Selects an item in the tree as a user would: the program (empty code) or an item by code.
void select(FrameworkPage& page, const QString& code)
{
    if (code.isEmpty())
        page.view()->setCurrentIndex(QModelIndex());
    else
        page.showItem(code);
}

// Puts a value into a field's widget the way the keyboard does and commits it.
void enter(FrameworkEditor& editor, F field, const QString& period, const QString& value)
{
    QWidget* w = editor.fieldWidget(field, period);
    REQUIRE(w);
    if (auto* line = qobject_cast<QLineEdit*>(w)) {
        line->setFocus();
        line->selectAll();
        if (value.isEmpty())
            QTest::keyClick(line, Qt::Key_Delete);
        else
            QTest::keyClicks(line, value);
        QTest::keyClick(line, Qt::Key_Return);
    } else if (auto* box = qobject_cast<QCheckBox*>(w)) {
        if (box->isChecked() != (value == u"true"_s))
            QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
    } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
        const int index = combo->findData(value);
        REQUIRE(index >= 0);
        combo->setCurrentIndex(index);
        emit combo->activated(index);
    } else {
        FAIL("no editor for the field");
    }
}

} // namespace

TEST_CASE("An administrator changes a DLR's target; undo and redo write the store",
          "[framework-page]")
{
    DemoWorkspace ws(u"admin"_s);
    FrameworkPage page(*ws.workspace);
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.resize(1280, 800);
    page.show();
    select(page, u"3.2"_s);
    FrameworkEditor& editor = *page.editor();
    CHECK(editor.kind() == K::Dlr);
    CHECK(editor.code() == u"3.2"_s);
    CHECK(editor.readOnlyReason().isEmpty());
    auto* target = qobject_cast<QLineEdit*>(editor.fieldWidget(F::Target));
    REQUIRE(target);
    CHECK(target->text() == u"220"_s);
    CHECK_FALSE(target->isReadOnly());

    enter(editor, F::Target, {}, u"230"_s);
    CHECK(editor.errorText().isEmpty());
    CHECK(storedValue(ws, K::Dlr, u"3.2"_s, F::Target) == u"230"_s);
    QUndoStack* undo = ws.workspace->undoStack();
    REQUIRE(undo->count() == 1);
    CHECK(undo->undoText() == u"Change target of DLR 3.2"_s);
    // The tree shows the new target, and DLR 3.2 stays selected.
    const QModelIndex dlr = page.model()->find(dli::ui::ResultsFrameworkModel::Kind::Dlr, u"3.2"_s);
    CHECK(dlr.siblingAtColumn(dli::ui::ResultsFrameworkModel::TargetColumn).data().toString() ==
          u"230"_s);
    CHECK(page.view()->currentIndex().siblingAtColumn(0) == dlr);
    CHECK(page.details()->toPlainText().contains(u"230"_s));

    undo->undo();
    CHECK(storedValue(ws, K::Dlr, u"3.2"_s, F::Target) == u"220"_s);
    CHECK(qobject_cast<QLineEdit*>(editor.fieldWidget(F::Target))->text() == u"220"_s);
    undo->redo();
    CHECK(storedValue(ws, K::Dlr, u"3.2"_s, F::Target) == u"230"_s);
    CHECK(qobject_cast<QLineEdit*>(editor.fieldWidget(F::Target))->text() == u"230"_s);
    undo->undo();
    CHECK(storedValue(ws, K::Dlr, u"3.2"_s, F::Target) == u"220"_s);
    CHECK(ws.errors.isEmpty());
    requireIntact(ws);
}

TEST_CASE("Every kind of framework edit is undone and redone through the store", "[framework-page]")
{
    DemoWorkspace ws(u"admin"_s);
    const dli::Program original = stored(ws);
    FrameworkPage page(*ws.workspace);
    page.resize(1280, 800);
    page.show();
    struct Case {
        QString item; // empty: the program
        K kind;
        F field;
        QString period;
        QString value;
        QString undoText;
    };
    const QList<Case> cases{
        {{}, K::Program, F::Title, {}, u"CDI demo"_s, u"Change title of the program"_s},
        {u"RA2"_s,
         K::ResultArea,
         F::Title,
         {},
         u"Clusters"_s,
         u"Change title of results area RA2"_s},
        {u"JOBS"_s, K::Indicator, F::Title, {}, u"Jobs"_s, u"Change title of indicator JOBS"_s},
        {u"JOBS"_s,
         K::Indicator,
         F::Tolerance,
         {},
         u"0.1"_s,
         u"Change tolerance of indicator JOBS"_s},
        {u"JOBS"_s, K::Indicator, F::Baseline, {}, u"10"_s, u"Change baseline of indicator JOBS"_s},
        {u"JOBS"_s, K::Indicator, F::Target, u"FY2026"_s, u"2600"_s,
         u"Change FY2026 target of indicator JOBS"_s},
        {u"DLI6"_s, K::Dli, F::Title, {}, u"Supply agreements"_s, u"Change title of DLI6"_s},
        {u"DLI6"_s, K::Dli, F::Allocation, {}, u"2100000.00"_s, u"Change allocation of DLI6"_s},
        {u"3.3"_s, K::Dlr, F::Title, {}, u"310 firms"_s, u"Change title of DLR 3.3"_s},
        {u"3.3"_s, K::Dlr, F::Baseline, {}, u"200"_s, u"Change baseline of DLR 3.3"_s},
        {u"3.3"_s, K::Dlr, F::Allocation, {}, u"2400000.00"_s, u"Change allocation of DLR 3.3"_s},
        {u"3.3"_s, K::Dlr, F::Deadline, {}, u"2026-05-31"_s, u"Change deadline of DLR 3.3"_s},
        {u"3.3"_s, K::Dlr, F::TimeBound, {}, u"true"_s, u"Change time-bound of DLR 3.3"_s},
        {u"3.3"_s, K::Dlr, F::MinFraction, {}, u"0.3"_s, u"Change minimum fraction of DLR 3.3"_s},
        {u"3.3"_s, K::Dlr, F::Rollover, {}, u"reallocate"_s, u"Change rollover of DLR 3.3"_s},
        {u"3.3"_s, K::Dlr, F::PriorResult, {}, u"true"_s, u"Change prior result of DLR 3.3"_s},
        {u"6.2"_s, K::Dlr, F::UnitAmount, {}, u"25000.00"_s, u"Change unit amount of DLR 6.2"_s},
    };
    QUndoStack* undo = ws.workspace->undoStack();
    for (const Case& c : cases) {
        INFO(c.undoText.toStdString());
        select(page, c.item);
        const QString old = storedValue(ws, c.kind, c.item, c.field, c.period);
        enter(*page.editor(), c.field, c.period, c.value);
        CHECK(page.editor()->errorText().isEmpty());
        CHECK(storedValue(ws, c.kind, c.item, c.field, c.period) == c.value);
        CHECK(undo->undoText() == c.undoText);
        undo->undo();
        CHECK(storedValue(ws, c.kind, c.item, c.field, c.period) == old);
        undo->redo();
        CHECK(storedValue(ws, c.kind, c.item, c.field, c.period) == c.value);
        undo->undo();
        CHECK(storedValue(ws, c.kind, c.item, c.field, c.period) == old);
    }
    CHECK(stored(ws) == original);
    CHECK(ws.errors.isEmpty());
    requireIntact(ws);
}

TEST_CASE("A refused framework edit keeps what was typed and shows the checker's message",
          "[framework-page]")
{
    DemoWorkspace ws(u"admin"_s);
    const dli::Program original = stored(ws);
    FrameworkPage page(*ws.workspace);
    page.resize(1280, 800);
    page.show();
    select(page, u"3.3"_s);
    FrameworkEditor& editor = *page.editor();
    enter(editor, F::Allocation, {}, u"3000000"_s);
    CHECK(editor.errorText().contains(u"the DLR allocations add up to"_s));
    CHECK(editor.errorText().contains(u"nothing was changed"_s));
    auto* allocation = qobject_cast<QLineEdit*>(editor.fieldWidget(F::Allocation));
    CHECK(allocation->text() == u"3000000"_s);
    CHECK(ws.workspace->undoStack()->count() == 0);
    CHECK(stored(ws) == original);
    dli::test::ui::screenshot(page, u"page-framework-refused-1280.png"_s);

    // Another field still saves, and the refused text stays where it was typed.
    enter(editor, F::Title, {}, u"300 firms upgraded, at least"_s);
    CHECK(storedValue(ws, K::Dlr, u"3.3"_s, F::Title) == u"300 firms upgraded, at least"_s);
    CHECK(qobject_cast<QLineEdit*>(editor.fieldWidget(F::Allocation))->text() == u"3000000"_s);

    // A final DLR's money does not move: half its allocation would lower what it earned.
    auto status = dli::Disbursements(*ws.session, original).compute(QDate(2026, 7, 1));
    REQUIRE(status.ok());
    QString final;
    dli::Money available;
    for (const dli::DliResult& d : status->dlis) {
        for (const dli::DlrResult& r : d.dlrs) {
            if (final.isEmpty() && r.final && !r.money.earned.isZero()) {
                final = r.code;
                available = r.money.available;
            }
        }
    }
    REQUIRE_FALSE(final.isEmpty());
    select(page, final);
    const QString allocationBefore = storedValue(ws, K::Dlr, final, F::Allocation);
    enter(*page.editor(), F::Allocation, {},
          dli::Money::fromMinor(available.minor() / 2).toPlainString(2));
    CHECK(page.editor()->errorText().contains(u"a final DLR's earned amount never changes"_s));
    CHECK(storedValue(ws, K::Dlr, final, F::Allocation) == allocationBefore);

    select(page, u"3.3"_s);
    page.editor()->revert();
    CHECK(page.editor()->errorText().isEmpty());
    CHECK(qobject_cast<QLineEdit*>(page.editor()->fieldWidget(F::Allocation))->text() ==
          u"2500000.00"_s);
    requireIntact(ws);
}

TEST_CASE("A viewer reads the framework editor but cannot change it", "[framework-page]")
{
    DemoWorkspace ws(u"viewer"_s);
    const dli::Program original = stored(ws);
    FrameworkPage page(*ws.workspace);
    page.resize(1280, 800);
    page.show();
    select(page, u"3.2"_s);
    FrameworkEditor& editor = *page.editor();
    CHECK(editor.readOnlyReason().contains(u"admin"_s));
    CHECK(editor.readOnlyReason().contains(u"viewer"_s));
    auto* target = qobject_cast<QLineEdit*>(editor.fieldWidget(F::Target));
    REQUIRE(target);
    CHECK(target->text() == u"220"_s);
    CHECK(target->isReadOnly());
    CHECK(target->toolTip() == editor.readOnlyReason());
    CHECK_FALSE(editor.fieldWidget(F::TimeBound)->isEnabled());
    CHECK_FALSE(editor.fieldWidget(F::Rollover)->isEnabled());
    target->setText(u"1"_s);
    CHECK_FALSE(editor.commit(F::Target));
    CHECK(stored(ws) == original);
    CHECK(ws.workspace->undoStack()->count() == 0);
    dli::test::ui::screenshot(page, u"page-framework-viewer-1280.png"_s);

    // Core refuses too.
    dli::ProgramEdit e;
    e.kind = K::Dlr;
    e.code = u"3.2"_s;
    e.field = F::Target;
    e.value = u"230"_s;
    auto refused = dli::ProgramEditor(*ws.session).set(e);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == dli::ErrorCode::Forbidden);
    CHECK(stored(ws) == original);
}

TEST_CASE("The framework page with its editor, at two sizes and right to left", "[framework-page]")
{
    DemoWorkspace ws(u"admin"_s);
    FrameworkPage page(*ws.workspace);
    select(page, u"3.2"_s);
    dli::test::ui::screenshot(page, u"page-framework-1280.png"_s, {1280, 800});
    select(page, u"JOBS"_s);
    dli::test::ui::screenshot(page, u"page-framework-indicator-1280.png"_s, {1280, 800});
    select(page, u"4.2"_s);
    dli::test::ui::screenshot(page, u"page-framework-1920.png"_s, {1920, 1080});
    select(page, QString());
    dli::test::ui::screenshot(page, u"page-framework-program-1280.png"_s, {1280, 800});
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    select(page, u"3.2"_s);
    dli::test::ui::screenshot(page, u"page-framework-rtl.png"_s, {1280, 800});
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);
}
