// The verification page: the verifier's queue (never their own figures), the selected figure
// with its register, evidence and history, verify / reject / query through core's Workflow, and
// sample verification, all driven through the widgets and checked in the store.
#include "core/auth/auth.h"
#include "core/io/demo_files.h"
#include "core/io/evidence_service.h"
#include "core/storage/session.h"
#include "core/workflow/samples.h"
#include "core/workflow/workflow.h"
#include "ui/login_dialog.h"
#include "ui/main_window.h"
#include "ui/models/roles.h"
#include "ui/models/verification_evidence_model.h"
#include "ui/models/verification_queue_model.h"
#include "ui/pages/verification_page.h"
#include "ui/widgets/evidence_preview.h"
#include "ui/widgets/filtered_table.h"
#include "ui/widgets/sample_checklist.h"
#include "ui/widgets/verification_decision_form.h"
#include "ui/widgets/verification_summary.h"
#include "ui_support.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using dli::test::ui::DemoWorkspace;
using dli::ui::EvidencePreview;
using dli::ui::SampleChecklist;
using dli::ui::VerificationPage;
namespace State = dli::ObservationState;

namespace {

void settle()
{
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
}

// The page as the main window would show it.
std::unique_ptr<VerificationPage> openPage(DemoWorkspace& ws)
{
    auto page = std::make_unique<VerificationPage>(*ws.workspace);
    page->resize(1280, 800);
    page->show();
    settle();
    return page;
}

dli::Observation stored(DemoWorkspace& ws, const QString& id)
{
    auto o = ws.session->observations().find(id);
    REQUIRE(o.ok());
    return o.value();
}

QStringList queueIds(const VerificationPage& page)
{
    QStringList ids;
    for (int row = 0; row < page.queueModel()->rowCount(); ++row)
        ids << page.queueModel()->entry(row)->observation.id;
    return ids;
}

// The first observation in the queue that matches.
QString firstInQueue(const VerificationPage& page,
                     const std::function<bool(const dli::Observation&)>& wanted)
{
    for (int row = 0; row < page.queueModel()->rowCount(); ++row) {
        const dli::Observation& o = page.queueModel()->entry(row)->observation;
        if (wanted(o))
            return o.id;
    }
    FAIL("no such observation in the queue");
    return {};
}

bool trainedAll(const dli::Observation& o)
{
    return o.indicator == u"TRAINED_ALL"_s && o.value > dli::Decimal::fromInt(10);
}

// Adds an account with both the officer and the verifier role, as the demo's administrator,
// then acts as whoever acted before.
void addOfficerVerifier(DemoWorkspace& ws, const QString& name)
{
    const QString before = ws.session->currentUser()->name;
    ws.actAs(u"admin"_s);
    dli::User u;
    u.name = name;
    u.fullName = name;
    u.roles = {dli::Role::Officer, dli::Role::Verifier};
    const dli::Status added = dli::Auth::addUser(*ws.session, u, dli::Demo::password());
    if (!added)
        FAIL(added.error().text().toStdString());
    ws.actAs(before);
}

// The demo's queried observation, amended and submitted again by `name`: their own figure now.
QString amendAndSubmitAs(DemoWorkspace& ws, const QString& name)
{
    auto all = ws.session->observations().all();
    REQUIRE(all.ok());
    QString id;
    for (const dli::Observation& o : all.value()) {
        if (o.state == State::Queried)
            id = o.id;
    }
    REQUIRE_FALSE(id.isEmpty());
    const QString before = ws.session->currentUser()->name;
    ws.actAs(name);
    dli::Workflow workflow(*ws.session, *ws.workspace->program());
    const dli::Observation o = stored(ws, id);
    REQUIRE(workflow.amend(id, o.value - dli::Decimal::fromInt(1)).ok());
    REQUIRE(workflow.submit(id).ok());
    ws.actAs(before);
    return id;
}

// Attaches a one-page PDF and a photo to the observation, as the officer, during a field visit
// when asked (the photo, a PNG without GPS or time, then has findings).
void attachPdfAndPhoto(DemoWorkspace& ws, const QString& id, bool inTheField = false)
{
    const QString pdf = ws.dirPath(u"attendance-sheets.pdf"_s);
    const QString png = ws.dirPath(u"training-photo.png"_s);
    QFile f(pdf);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(dli::DemoFiles::pdf(u"Attendance sheets, FY2026-Q2"_s,
                                {u"Design centre: Shoe Design Hub (SDH)"_s, u"Courses held: 9"_s,
                                 u"Trainees signed in: 175 (women 71, men 104)"_s,
                                 u"Checked against the trainee register on 2026-06-20."_s}));
    f.close();
    QRandomGenerator rng(7);
    QFile p(png);
    REQUIRE(p.open(QIODevice::WriteOnly));
    p.write(dli::DemoFiles::photo(rng, 320, 200));
    p.close();
    const QString before = ws.session->currentUser()->name;
    ws.actAs(u"officer"_s);
    if (inTheField)
        ws.session->setFieldVisit(dli::Session::FieldVisit{QDate(2026, 6, 30), QDate(2026, 7, 1)});
    auto attached = dli::EvidenceService::attachFiles(
        *ws.session, dli::Evidence::Target::Observation, id, {pdf, png});
    ws.session->setFieldVisit(std::nullopt);
    if (!attached)
        FAIL(attached.error().text().toStdString());
    ws.actAs(before);
}

} // namespace

TEST_CASE("The queue lists the submitted figures, and the model holds up", "[verification-page]")
{
    DemoWorkspace ws(u"verifier"_s);
    auto page = openPage(ws);
    QAbstractItemModelTester tester(page->queueModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto all = ws.session->observations().all();
    REQUIRE(all.ok());
    int submitted = 0;
    for (const dli::Observation& o : all.value())
        submitted += o.state == State::Submitted ? 1 : 0;
    REQUIRE(submitted > 0);
    CHECK(page->queueModel()->rowCount() == submitted);
    // The first is selected and shown.
    CHECK(page->currentObservation() == page->queueModel()->entry(0)->observation.id);
    CHECK_FALSE(page->summary()->reportedText().isEmpty());
    CHECK(page->unavailableReason().isEmpty());

    // Keys, sorting values and headers.
    const QModelIndex first = page->queueModel()->index(0, 0);
    CHECK(first.data(dli::ui::KeyRole).toString() == page->currentObservation());
    for (int c = 0; c < page->queueModel()->columnCount(); ++c)
        CHECK_FALSE(page->queueModel()->headerData(c, Qt::Horizontal).toString().isEmpty());

    SECTION("Ctrl+F's filter narrows the queue")
    {
        page->focusFind();
        settle();
        CHECK(page->queue()->filterEdit()->hasFocus());
        QTest::keyClicks(page->queue()->filterEdit(), u"LINKAGES"_s);
        const int shown = page->queue()->proxy()->rowCount();
        CHECK(shown > 0);
        CHECK(shown < submitted);
        for (int r = 0; r < shown; ++r)
            CHECK(page->queue()->proxy()->index(r, 0).data().toString() == u"LINKAGES"_s);
    }

    SECTION("the register's figure is shown for a register-defined indicator")
    {
        const QString id = firstInQueue(*page, trainedAll);
        page->showItem(id);
        CHECK(page->currentObservation() == id);
        CHECK(page->summary()->reportedText() == stored(ws, id).value.toString());
        CHECK(page->summary()->registerText() != u"—"_s);
        CHECK_FALSE(page->summary()->findingText().isEmpty());
        CHECK(page->summary()->claimedText().isEmpty());
        const int row = page->queueModel()->rowOf(id);
        CHECK(page->queueModel()
                  ->index(row, dli::ui::VerificationQueueModel::ReconciliationColumn)
                  .data()
                  .toString() == u"agrees"_s);

        // A cumulative indicator's register is compared with the claims to date.
        const QString firms = firstInQueue(
            *page, [](const dli::Observation& o) { return o.indicator == u"FIRMS_UPGRADE"_s; });
        page->showItem(firms);
        CHECK_FALSE(page->summary()->claimedText().isEmpty());
        CHECK(page->summary()->findingText().contains(u"cumulative"_s));
    }

    SECTION("a change made while the page is hidden is read when it is shown")
    {
        const QString id = page->queueModel()->entry(2)->observation.id;
        page->hide();
        dli::Workflow::VerifyRequest r;
        r.id = id;
        REQUIRE(dli::Workflow(*ws.session, *ws.workspace->program()).verify(r).ok());
        CHECK(page->queueModel()->rowOf(id) == 2);
        page->show();
        settle();
        CHECK(page->queueModel()->rowOf(id) == -1);
    }

    SECTION("a decision made elsewhere leaves the queue on refresh")
    {
        const QString id = page->queueModel()->entry(1)->observation.id;
        dli::Workflow::VerifyRequest r;
        r.id = id;
        REQUIRE(dli::Workflow(*ws.session, *ws.workspace->program()).verify(r).ok());
        page->refresh();
        CHECK(page->queueModel()->rowOf(id) == -1);
        CHECK(page->queueModel()->rowCount() == submitted - 1);
    }
}

TEST_CASE("A verifier's queue leaves out what they reported or amended", "[verification-page]")
{
    DemoWorkspace ws(u"verifier"_s);
    addOfficerVerifier(ws, u"both"_s);
    const QString own = amendAndSubmitAs(ws, u"both"_s);

    // The demo's verifier sees it...
    {
        auto page = openPage(ws);
        CHECK(queueIds(*page).contains(own));
    }
    // ... but not the one who amended it.
    ws.actAs(u"both"_s);
    auto page = openPage(ws);
    QAbstractItemModelTester tester(page->queueModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK_FALSE(queueIds(*page).contains(own));
    CHECK(page->queueModel()->rowCount() > 0);
}

TEST_CASE("The verify button refuses one's own observation, and core says why if forced",
          "[verification-page]")
{
    DemoWorkspace ws(u"verifier"_s);
    addOfficerVerifier(ws, u"both"_s);
    const QString own = amendAndSubmitAs(ws, u"both"_s);
    ws.actAs(u"both"_s);
    auto page = openPage(ws);
    auto* form = page->form();

    // Asked for by id (from another page), the figure is shown but may not be decided on.
    page->showItem(own);
    settle();
    REQUIRE(page->currentObservation() == own);
    CHECK_FALSE(form->verifyButton()->isEnabled());
    CHECK_FALSE(form->rejectButton()->isEnabled());
    CHECK_FALSE(form->queryButton()->isEnabled());
    CHECK(form->verifyButton()->toolTip().contains(u"four eyes"_s));
    CHECK(form->blockedLabel()->isVisible());
    CHECK(form->blockedLabel()->text().contains(u"both reported or amended"_s));
    CHECK_FALSE(page->samples()->drawButton()->isEnabled());

    // Forced: core refuses with its own message, and what was typed stays.
    form->valueEdit()->setEnabled(true);
    form->valueEdit()->setText(u"99"_s);
    form->adjustmentEdit()->setText(u"Recounted the sheets"_s);
    form->verifyButton()->setEnabled(true);
    QTest::mouseClick(form->verifyButton(), Qt::LeftButton);
    REQUIRE(ws.errors.size() == 1);
    CHECK(ws.errors.constFirst().contains(
        u"four eyes: both reported or amended observation %1, so someone else must verify"_s.arg(
            own)));
    CHECK(stored(ws, own).state == State::Submitted);
    auto verification = ws.session->observations().verification(own);
    REQUIRE(verification.ok());
    CHECK_FALSE(verification->has_value());
    CHECK(form->valueEdit()->text() == u"99"_s);
    CHECK(form->adjustmentEdit()->text() == u"Recounted the sheets"_s);

    // The same for a rejection.
    form->reasonEdit()->setEnabled(true);
    form->reasonEdit()->setPlainText(u"Not mine to decide"_s);
    form->rejectButton()->setEnabled(true);
    QTest::mouseClick(form->rejectButton(), Qt::LeftButton);
    REQUIRE(ws.errors.size() == 2);
    CHECK(ws.errors.last().contains(u"four eyes"_s));
    CHECK(stored(ws, own).state == State::Submitted);
    CHECK(form->reasonEdit()->toPlainText() == u"Not mine to decide"_s);
}

TEST_CASE("Verify through the form records the verification in the store", "[verification-page]")
{
    DemoWorkspace ws(u"verifier"_s);
    auto page = openPage(ws);
    QAbstractItemModelTester tester(page->queueModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto* form = page->form();
    const QString id = firstInQueue(*page, trainedAll);
    page->showItem(id);
    settle();
    const dli::Observation before = stored(ws, id);
    const int queued = page->queueModel()->rowCount();
    const int row = page->queue()->view()->currentIndex().row();
    const QString next =
        page->queue()->proxy()->index(row + 1, 0).data(dli::ui::KeyRole).toString();
    REQUIRE(form->verifyButton()->isEnabled());

    // A different value waits for its reason.
    form->methodBox()->setCurrentIndex(
        form->methodBox()->findData(static_cast<int>(dli::VerificationMethod::FieldVisit)));
    QTest::keyClicks(form->valueEdit(), u"170"_s);
    CHECK_FALSE(form->verifyButton()->isEnabled());
    CHECK(form->verifyButton()->toolTip().contains(u"give the reason"_s));
    QTest::keyClicks(form->adjustmentEdit(), u"Five trainees signed in twice"_s);
    CHECK(form->verifyButton()->isEnabled());
    // Never in the future: the date edit stops at today.
    CHECK(form->dateEdit()->maximumDate() == QDate(2026, 7, 1));
    form->dateEdit()->setDate(QDate(2026, 6, 20));
    QTest::keyClicks(form->noteEdit(), u"Visited the centre"_s);
    const QString photo = ws.dirPath(u"visit.png"_s);
    {
        QRandomGenerator rng(3);
        QFile f(photo);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(dli::DemoFiles::photo(rng, 64, 40));
    }
    form->addEvidenceFiles({photo});
    CHECK(form->evidenceList()->count() == 1);

    QTest::mouseClick(form->verifyButton(), Qt::LeftButton);
    INFO(ws.errors.join(u'\n').toStdString());
    CHECK(ws.errors.isEmpty());

    const dli::Observation after = stored(ws, id);
    CHECK(after.state == State::Verified);
    auto v = ws.session->observations().verification(id);
    REQUIRE(v.ok());
    REQUIRE(v->has_value());
    CHECK((*v)->method == dli::VerificationMethod::FieldVisit);
    CHECK((*v)->verifiedValue == dli::Decimal::fromInt(170));
    CHECK((*v)->reportedValue == before.value);
    CHECK((*v)->reason == u"Five trainees signed in twice"_s);
    CHECK((*v)->note == u"Visited the centre"_s);
    CHECK((*v)->verifiedOn == QDate(2026, 6, 20));
    CHECK((*v)->verifier == u"verifier"_s);
    CHECK_FALSE((*v)->evidenceId.isEmpty());
    auto files = ws.session->observations().evidenceCount(id);
    REQUIRE(files.ok());
    CHECK(files.value() == 1);

    // It left the queue; the next one is shown, with an empty form, and the page says what
    // happened as the CLI would.
    CHECK(page->queueModel()->rowCount() == queued - 1);
    CHECK(page->queueModel()->rowOf(id) == -1);
    if (!next.isEmpty())
        CHECK(page->currentObservation() == next);
    CHECK(form->valueEdit()->text().isEmpty());
    CHECK(page->statusLabel()->text() ==
          u"Verified observation %1: 170 (reported %2), counted from 2026-06-20."_s.arg(
              id, before.value.toString()));

    SECTION("shown again, it is frozen")
    {
        page->showItem(id);
        CHECK_FALSE(form->verifyButton()->isEnabled());
        CHECK(form->verifyButton()->toolTip().contains(u"is verified"_s));
    }
}

TEST_CASE("Reject and query need a reason and go through the workflow", "[verification-page]")
{
    DemoWorkspace ws(u"verifier"_s);
    auto page = openPage(ws);
    auto* form = page->form();
    const QString first = page->queueModel()->entry(0)->observation.id;
    const QString second = page->queueModel()->entry(1)->observation.id;

    page->showItem(first);
    CHECK_FALSE(form->rejectButton()->isEnabled());
    CHECK_FALSE(form->queryButton()->isEnabled());
    CHECK(form->rejectButton()->toolTip().contains(u"reason"_s));
    QTest::keyClicks(form->reasonEdit(), u"The agreements on file are unsigned"_s);
    REQUIRE(form->rejectButton()->isEnabled());
    QTest::mouseClick(form->rejectButton(), Qt::LeftButton);
    CHECK(ws.errors.isEmpty());
    CHECK(stored(ws, first).state == State::Rejected);
    auto steps = ws.session->observations().transitions(first);
    REQUIRE(steps.ok());
    CHECK(steps->constLast().action == u"reject"_s);
    CHECK(steps->constLast().reason == u"The agreements on file are unsigned"_s);
    CHECK(steps->constLast().user == u"verifier"_s);
    CHECK(page->queueModel()->rowOf(first) == -1);
    CHECK(page->statusLabel()->text().startsWith(u"Rejected observation %1"_s.arg(first)));

    page->showItem(second);
    QTest::keyClicks(form->reasonEdit(), u"Please attach the attendance sheets"_s);
    QTest::mouseClick(form->queryButton(), Qt::LeftButton);
    CHECK(ws.errors.isEmpty());
    CHECK(stored(ws, second).state == State::Queried);
    steps = ws.session->observations().transitions(second);
    REQUIRE(steps.ok());
    CHECK(steps->constLast().action == u"query"_s);
    CHECK(steps->constLast().reason == u"Please attach the attendance sheets"_s);
    CHECK(page->queueModel()->rowOf(second) == -1);
}

TEST_CASE("What was typed for one figure waits while the verifier looks at another",
          "[verification-page]")
{
    DemoWorkspace ws(u"verifier"_s);
    auto page = openPage(ws);
    auto* form = page->form();
    const QString first = page->queueModel()->entry(0)->observation.id;
    const QString second = page->queueModel()->entry(1)->observation.id;
    page->showItem(first);
    QTest::keyClicks(form->reasonEdit(), u"Half a thought"_s);
    QTest::keyClicks(form->noteEdit(), u"Seen the register"_s);
    page->showItem(second);
    CHECK(form->reasonEdit()->toPlainText().isEmpty());
    CHECK(form->noteEdit()->text().isEmpty());
    page->refresh();
    page->showItem(first);
    CHECK(form->reasonEdit()->toPlainText() == u"Half a thought"_s);
    CHECK(form->noteEdit()->text() == u"Seen the register"_s);
}

TEST_CASE("Without the verifier role the page is read-only, with the reason", "[verification-page]")
{
    DemoWorkspace ws(u"officer"_s);
    auto page = openPage(ws);
    CHECK(page->unavailableReason().isEmpty());
    auto* banner = page->findChild<QLabel*>(u"readOnlyBanner"_s);
    REQUIRE(banner);
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(u"you are logged in as officer"_s));
    // Every submitted figure, the officer's own included.
    auto all = ws.session->observations().all();
    REQUIRE(all.ok());
    int submitted = 0;
    for (const dli::Observation& o : all.value())
        submitted += o.state == State::Submitted ? 1 : 0;
    CHECK(page->queueModel()->rowCount() == submitted);
    REQUIRE_FALSE(page->currentObservation().isEmpty());
    auto* form = page->form();
    CHECK_FALSE(form->verifyButton()->isEnabled());
    CHECK(form->verifyButton()->toolTip() == ws.workspace->roleReason({dli::Role::Verifier}));
    CHECK_FALSE(form->valueEdit()->isEnabled());
    CHECK_FALSE(form->reasonEdit()->isEnabled());
    CHECK_FALSE(page->samples()->drawButton()->isEnabled());
    // The history and evidence are there to read.
    CHECK(page->history()->proxy()->rowCount() > 0);
}

TEST_CASE("Evidence is previewed: a PDF's first page and an image", "[verification-page]")
{
    DemoWorkspace ws(u"verifier"_s);
    auto page = openPage(ws);
    QAbstractItemModelTester files(page->evidence()->table()->proxy()->sourceModel(),
                                   QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester history(page->history()->proxy()->sourceModel(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QString id = firstInQueue(*page, trainedAll);
    attachPdfAndPhoto(ws, id, true);
    page->refresh();
    page->showItem(id);
    page->tabs()->setCurrentIndex(1);
    settle();
    EvidencePreview* preview = page->evidence();
    // The photo was attached during a field visit: its findings show, the PDF was not judged.
    using dli::ui::VerificationEvidenceModel;
    const QAbstractItemModel* model = preview->table()->proxy()->sourceModel();
    CHECK(model->headerData(VerificationEvidenceModel::FindingsColumn, Qt::Horizontal) ==
          u"Findings"_s);
    CHECK(model->index(0, VerificationEvidenceModel::FindingsColumn).data().toString().isEmpty());
    const QModelIndex findings = model->index(1, VerificationEvidenceModel::FindingsColumn);
    CHECK(findings.data() == u"No GPS, No capture time"_s);
    CHECK(findings.data(Qt::ToolTipRole).toString().contains(u"the photo has no GPS position"_s));
    CHECK(findings.data(Qt::ForegroundRole).isValid());
    CHECK(page->tabs()->tabText(1) == u"Ev&idence (2)"_s);
    REQUIRE(preview->table()->proxy()->rowCount() == 2);
    CHECK(preview->previewKind() == EvidencePreview::Kind::Pdf);
    REQUIRE_FALSE(preview->previewImage().isNull());
    // A page of A4, rendered: taller than wide, and not blank.
    CHECK(preview->previewImage().height() > preview->previewImage().width());
    bool ink = false;
    const QImage& img = preview->previewImage();
    for (int y = 0; y < img.height() && !ink; y += 4) {
        for (int x = 0; x < img.width() && !ink; x += 4)
            ink = qGray(img.pixel(x, y)) < 128;
    }
    CHECK(ink);
    CHECK(preview->captionText().contains(u"page 1 of 1"_s));

    preview->table()->selectSourceRow(1);
    settle();
    CHECK(preview->previewKind() == EvidencePreview::Kind::Image);
    CHECK(preview->previewImage().size() == QSize(320, 200));
    CHECK(preview->captionText().contains(u"training-photo.png"_s));
}

TEST_CASE("Sample verification through the checklist", "[verification-page]")
{
    DemoWorkspace ws(u"verifier"_s);
    auto page = openPage(ws);
    QAbstractItemModelTester tester(page->queueModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    SampleChecklist* checklist = page->samples();
    QAbstractItemModelTester items(checklist->table()->proxy()->sourceModel(),
                                   QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QString id = firstInQueue(*page, trainedAll);
    const dli::Observation before = stored(ws, id);
    page->showItem(id);
    page->tabs()->setCurrentIndex(3);
    settle();

    // Drawing needs a seed.
    CHECK_FALSE(checklist->drawButton()->isEnabled());
    QTest::keyClicks(checklist->seedEdit(), u"2026-07-01 IVA"_s);
    checklist->sizeBox()->setValue(5);
    REQUIRE(checklist->drawButton()->isEnabled());
    QTest::mouseClick(checklist->drawButton(), Qt::LeftButton);
    INFO(ws.errors.join(u'\n').toStdString());
    REQUIRE(ws.errors.isEmpty());
    REQUIRE(checklist->sample().has_value());
    const QString sampleId = checklist->sample()->id;
    const dli::Program& program = *ws.workspace->program();
    auto drawn = dli::Samples(*ws.session, program).find(sampleId);
    REQUIRE(drawn.ok());
    CHECK(drawn->state == u"open"_s);
    CHECK(drawn->seed == u"2026-07-01 IVA"_s);
    CHECK(drawn->items.size() == 5);
    // The queue shows the open sample's progress.
    const int row = page->queueModel()->rowOf(id);
    CHECK(page->queueModel()
              ->index(row, dli::ui::VerificationQueueModel::SampleColumn)
              .data()
              .toString() == u"0 of 5 checked"_s);
    CHECK(page->tabs()->tabText(3) == u"Sa&mple (open, 0 of 5)"_s);
    CHECK_FALSE(checklist->closeButton()->isEnabled());

    SECTION("one row not found rejects a figure with no protocol's tolerance")
    {
        QTest::keyClicks(checklist->noteEdit(), u"No such trainee in the sign-in sheets"_s);
        QTest::mouseClick(checklist->outcomeButton(dli::SampleOutcome::NotFound), Qt::LeftButton);
        for (int i = 0; i < 4; ++i)
            QTest::mouseClick(checklist->outcomeButton(dli::SampleOutcome::Confirmed),
                              Qt::LeftButton);
        REQUIRE(ws.errors.isEmpty());
        CHECK(checklist->progressLabel()->text().contains(u"5 of 5 checked, 1 failed"_s));
        CHECK(page->queueModel()
                  ->index(page->queueModel()->rowOf(id),
                          dli::ui::VerificationQueueModel::SampleColumn)
                  .data()
                  .toString() == u"5 of 5 checked"_s);
        auto recorded = dli::Samples(*ws.session, program).find(sampleId);
        REQUIRE(recorded.ok());
        CHECK(recorded->items[0].outcome == dli::SampleOutcome::NotFound);
        CHECK(recorded->items[0].note == u"No such trainee in the sign-in sheets"_s);
        CHECK(recorded->items[4].outcome == dli::SampleOutcome::Confirmed);
        CHECK(checklist->closeButton()->toolTip().startsWith(u"Closing rejects the figure"_s));
        REQUIRE(checklist->closeButton()->isEnabled());
        QTest::mouseClick(checklist->closeButton(), Qt::LeftButton);
        REQUIRE(ws.errors.isEmpty());
        CHECK(stored(ws, id).state == State::Rejected);
        auto closed = dli::Samples(*ws.session, program).find(sampleId);
        REQUIRE(closed.ok());
        CHECK(closed->state == u"closed"_s);
        CHECK(closed->failed == 1);
        CHECK(closed->outcome == State::Rejected);
        CHECK(page->queueModel()->rowOf(id) == -1);
        CHECK(page->statusLabel()->text().contains(u"rejected"_s));
    }

    SECTION("every row confirmed verifies the figure as reported, by sample")
    {
        for (int i = 0; i < 5; ++i)
            QTest::mouseClick(checklist->outcomeButton(dli::SampleOutcome::Confirmed),
                              Qt::LeftButton);
        REQUIRE(ws.errors.isEmpty());
        CHECK(checklist->closeButton()->toolTip().startsWith(
            u"Closing verifies the figure at %1"_s.arg(before.value.toString())));
        QTest::mouseClick(checklist->closeButton(), Qt::LeftButton);
        REQUIRE(ws.errors.isEmpty());
        CHECK(stored(ws, id).state == State::Verified);
        auto v = ws.session->observations().verification(id);
        REQUIRE(v.ok());
        REQUIRE(v->has_value());
        CHECK((*v)->method == dli::VerificationMethod::Sample);
        CHECK((*v)->sampleId == sampleId);
        CHECK((*v)->verifiedValue == before.value);
        CHECK(
            page->statusLabel()->text().contains(u"verified at %1"_s.arg(before.value.toString())));

        // Shown again, the closed sample says how it ended.
        page->showItem(id);
        CHECK(page->tabs()->tabText(3) == u"Sa&mple (closed)"_s);
        CHECK(checklist->progressLabel()->text().contains(u"the observation was verified"_s));
        CHECK_FALSE(checklist->closeButton()->isVisible());
    }
}

TEST_CASE("Screenshots of the verification page", "[verification-page][screenshot]")
{
    DemoWorkspace ws(u"verifier"_s);
    auto page = openPage(ws);
    const QString id = firstInQueue(*page, trainedAll);
    attachPdfAndPhoto(ws, id, true);
    page->refresh();
    page->showItem(id);
    QTest::keyClicks(page->form()->noteEdit(), u"Attendance sheets checked at the centre"_s);
    dli::test::ui::screenshot(*page, u"page-verification-1280.png"_s, {1280, 800});

    page->tabs()->setCurrentIndex(1);
    dli::test::ui::screenshot(*page, u"page-verification-evidence-1920.png"_s, {1920, 1080});
    page->tabs()->setCurrentIndex(0);
    dli::test::ui::screenshot(*page, u"page-verification-1920.png"_s, {1920, 1080});
    page->tabs()->setCurrentIndex(2);
    dli::test::ui::screenshot(*page, u"page-verification-history-1280.png"_s, {1280, 800});

    // An open sample, part checked, right to left.
    const QString other =
        firstInQueue(*page, [&](const dli::Observation& o) { return trainedAll(o) && o.id != id; });
    page->showItem(other);
    page->tabs()->setCurrentIndex(3);
    QTest::keyClicks(page->samples()->seedEdit(), u"2026-07-01 IVA round 3"_s);
    page->samples()->sizeBox()->setValue(12);
    QTest::mouseClick(page->samples()->drawButton(), Qt::LeftButton);
    QTest::mouseClick(page->samples()->outcomeButton(dli::SampleOutcome::Confirmed),
                      Qt::LeftButton);
    QTest::keyClicks(page->samples()->noteEdit(), u"Trainee not on the sign-in sheet"_s);
    QTest::mouseClick(page->samples()->outcomeButton(dli::SampleOutcome::NotConfirmed),
                      Qt::LeftButton);
    QTest::mouseClick(page->samples()->outcomeButton(dli::SampleOutcome::Confirmed),
                      Qt::LeftButton);
    REQUIRE(ws.errors.isEmpty());
    dli::test::ui::screenshot(*page, u"page-verification-sample-1280.png"_s, {1280, 800});
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    dli::test::ui::screenshot(*page, u"page-verification-rtl.png"_s, {1280, 800});
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);
    settle();

    // Read-only, as the officer sees it.
    DemoWorkspace officer(u"officer"_s);
    auto readOnly = openPage(officer);
    dli::test::ui::screenshot(*readOnly, u"page-verification-readonly-1280.png"_s, {1280, 800});
}

TEST_CASE("Another page's link opens the verification page on the observation",
          "[verification-page]")
{
    dli::test::TempDir dir;
    const QString path = dir.path(u"demo.dlidb"_s);
    REQUIRE(QFile::copy(dli::test::demoTemplate(), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    dli::ui::MainWindow w;
    w.setErrorPresenter([](const QString& title, const QString& text) {
        FAIL((title + u": "_s + text).toStdString());
    });
    w.setLoginPresenter([](dli::ui::LoginDialog& dialog) {
        dialog.setUserName(u"verifier"_s);
        dialog.setPassword(dli::Demo::password());
        return dialog.submit();
    });
    REQUIRE(w.openDatabase(path).ok());
    w.resize(1280, 800);
    w.show();
    settle();
    auto* page = qobject_cast<VerificationPage*>(w.page(u"verification"_s));
    REQUIRE(page);
    CHECK(page->unavailableReason().isEmpty());
    // Not read until shown.
    CHECK(page->queueModel()->rowCount() == 0);
    REQUIRE(w.showPage(u"verification"_s));
    settle();
    REQUIRE(page->queueModel()->rowCount() > 3);
    const QString id = page->queueModel()->entry(3)->observation.id;
    REQUIRE(w.showPage(u"verification"_s, id));
    CHECK(page->currentObservation() == id);
    CHECK(page->queue()->currentSourceIndex().row() == 3);
    dli::test::ui::screenshot(w, u"page-verification-window-1280.png"_s, {1280, 800});
}
