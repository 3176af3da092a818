#include "ui/pages/verification_page.h"

#include "core/storage/session.h"
#include "core/workflow/verification_queue.h"
#include "core/workflow/workflow.h"
#include "ui/models/roles.h"
#include "ui/models/verification_history_model.h"
#include "ui/models/verification_queue_model.h"
#include "ui/widgets/evidence_preview.h"
#include "ui/widgets/filtered_table.h"
#include "ui/widgets/sample_checklist.h"
#include "ui/widgets/verification_decision_form.h"
#include "ui/widgets/verification_summary.h"
#include "ui/workspace.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
namespace State = dli::ObservationState;

namespace dli::ui {

namespace {

enum Tab { DecideTab, EvidenceTab, HistoryTab, SampleTab };

QLabel* notice(const QColor& background, const QColor& text)
{
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAutoFillBackground(true);
    label->setMargin(8);
    QPalette p = label->palette();
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, text);
    label->setPalette(p);
    label->setVisible(false);
    return label;
}

} // namespace

VerificationPage::VerificationPage(Workspace& workspace, QWidget* parent) : Page(workspace, parent)
{
    m_banner = notice(QColor(0xfd, 0xf3, 0xd8), QColor(0x5c, 0x43, 0x00));
    m_banner->setObjectName(u"readOnlyBanner"_s);
    m_status = notice(QColor(0xe3, 0xf4, 0xe6), QColor(0x1b, 0x4d, 0x26));
    m_status->setObjectName(u"statusMessage"_s);

    // The queue
    m_queueHeading = new QLabel;
    QFont bold = m_queueHeading->font();
    bold.setBold(true);
    m_queueHeading->setFont(bold);
    m_queueModel = new VerificationQueueModel(this);
    m_queue = new FilteredTable;
    m_queue->setModel(m_queueModel);
    m_queue->setFilterPlaceholder(tr("Filter the queue (Ctrl+F)"));
    m_queue->view()->setAccessibleName(tr("Verification queue"));
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_queueHeading);
    leftLayout->addWidget(m_queue, 1);

    // The selected observation
    m_summary = new VerificationSummary;
    m_form = new VerificationDecisionForm;
    auto* formScroll = new QScrollArea;
    formScroll->setWidget(m_form);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    m_evidence = new EvidencePreview(m_ws);
    m_historyModel = new VerificationHistoryModel(this);
    m_history = new FilteredTable;
    m_history->setModel(m_historyModel);
    m_history->setFilterPlaceholder(tr("Filter the history"));
    m_history->setEmptyText(tr("No step recorded yet."));
    m_history->view()->setAccessibleName(tr("History of the observation"));
    m_history->view()->horizontalHeader()->setStretchLastSection(true);
    auto* historyPage = new QWidget;
    auto* historyLayout = new QVBoxLayout(historyPage);
    historyLayout->addWidget(m_history);
    m_samples = new SampleChecklist(m_ws);
    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(formScroll, tr("&Decide"));
    m_tabs->addTab(m_evidence, tr("Ev&idence"));
    m_tabs->addTab(historyPage, tr("Hist&ory"));
    m_tabs->addTab(m_samples, tr("Sa&mple"));
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_summary);
    rightLayout->addWidget(m_tabs, 1);

    auto* splitter = new QSplitter;
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 6);
    // The queue wide enough for its figures, the detail for the form and the previews.
    splitter->setSizes({650, 610});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_banner);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_queue, &FilteredTable::currentSourceChanged, this, [this](const QModelIndex& index) {
        const QueueEntry* e = m_queueModel->entry(index.row());
        if (e)
            showObservation(e->observation.id);
        else if (m_queueModel->rowOf(m_current) >= 0)
            showObservation({});
    });
    connect(m_form, &VerificationDecisionForm::verifyRequested, this, &VerificationPage::verify);
    connect(m_form, &VerificationDecisionForm::rejectRequested, this, [this] { decide(true); });
    connect(m_form, &VerificationDecisionForm::queryRequested, this, [this] { decide(false); });
    connect(m_samples, &SampleChecklist::progressed, this, [this] {
        reloadQueue();
        updateTabTitles();
    });
    connect(m_samples, &SampleChecklist::decided, this, [this](const QString& message) {
        const int row = currentQueueRow();
        refresh();
        selectQueueRow(row);
        announce(message);
    });
    // Changes made elsewhere: read again now if the page is on screen, else when it is shown.
    auto changed = [this] {
        if (isVisible())
            refresh();
        else
            m_stale = true;
    };
    connect(&m_ws.session().notifier(), &ChangeNotifier::observationsChanged, this, changed);
    connect(&m_ws.session().notifier(), &ChangeNotifier::evidenceChanged, this, changed);
    connect(&m_ws, &Workspace::programReloaded, this, &VerificationPage::refresh);

    setTabOrder(m_queue->filterEdit(), m_queue->view());
    setTabOrder(m_queue->view(), m_tabs);
    // Read when first shown: the window opens on another page, and the login should not wait
    // for the queue.
    m_stale = true;
}

bool VerificationPage::isVerifier() const
{
    return m_ws.hasRole({Role::Verifier});
}

void VerificationPage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    if (m_stale)
        refresh();
}

void VerificationPage::refresh()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    m_stale = false;
    const bool verifier = isVerifier();
    const auto& user = m_ws.user();
    m_banner->setText(verifier || !user
                          ? QString()
                          : tr("Read-only: verifying, rejecting, querying and sampling are for the "
                               "verifier role; you are logged in as %1 (%2). You can read every "
                               "submitted figure, its evidence, its history and its samples.")
                                .arg(user->name, user->roleNames().join(u", "_s)));
    m_banner->setVisible(!verifier);
    // The banner says it once; the form need not repeat it.
    m_form->setExplainBlocked(verifier);
    m_queue->setEmptyText(
        !m_ws.program() ? tr("This database holds no program yet.")
        : verifier ? tr("Nothing awaits your verification: every submitted figure is decided, or "
                        "was reported or amended by you (someone else verifies those).")
                   : tr("No observation is waiting for verification."));
    reloadQueue();
    m_refreshing = false;
    if (m_current.isEmpty() && m_queueModel->rowCount() > 0)
        selectQueueRow(0);
    else
        showObservation(m_current);
}

void VerificationPage::reloadQueue()
{
    const Program* program = m_ws.program();
    if (!program) {
        m_queueModel->clear();
        m_queueHeading->setText(tr("Verification queue"));
        return;
    }
    VerificationQueue::Options options;
    options.includeOwn = !isVerifier();
    auto queue = VerificationQueue::load(m_ws.session(), *program, options);
    if (!queue) {
        m_ws.report(tr("Cannot read the verification queue"), queue.error());
        return;
    }
    const bool first = m_queueModel->rowCount() == 0;
    m_queueModel->setEntries(program, queue.value());
    if (first && m_queueModel->rowCount() > 0) {
        m_queue->view()->resizeColumnsToContents();
        m_queue->view()->horizontalHeader()->setStretchLastSection(true);
    }
    const int n = m_queueModel->rowCount();
    if (isVerifier())
        m_queueHeading->setText(n == 1 ? tr("1 observation awaits your decision")
                                       : tr("%1 observations await your decision").arg(n));
    else
        m_queueHeading->setText(n == 1 ? tr("1 submitted observation")
                                       : tr("%1 submitted observations").arg(n));
}

QString VerificationPage::blockedReason(const Observation& o) const
{
    const QString role = m_ws.roleReason({Role::Verifier});
    if (!role.isEmpty())
        return role;
    if (o.state != State::Submitted)
        return tr("Observation %1 is %2: only submitted observations are verified, rejected or "
                  "queried.")
            .arg(o.id, o.state);
    const Program* program = m_ws.program();
    if (!program)
        return tr("This database holds no program yet.");
    // Core's own check, so the reason is the message core gives when it refuses.
    const Status may = Workflow(m_ws.session(), *program).checkVerifier(o, tr("verifying"));
    return may ? QString() : may.error().text();
}

void VerificationPage::showObservation(const QString& id)
{
    m_current = id;
    const Program* program = m_ws.program();
    const QString none = m_queueModel->rowCount() > 0 ? tr("Select an observation in the queue.")
                                                      : tr("The queue is empty.");
    auto clearAll = [&](const QString& why) {
        m_current.clear();
        m_summary->showNothing(why);
        m_form->clearObservation(why);
        m_evidence->clear(why);
        m_historyModel->setTransitions({});
        m_samples->clear(why);
        updateTabTitles();
    };
    if (id.isEmpty() || !program) {
        clearAll(program ? none : tr("This database holds no program yet."));
        return;
    }
    Session& session = m_ws.session();
    auto o = session.observations().find(id);
    if (!o) {
        m_ws.report(tr("Cannot show the observation"), o.error());
        clearAll(none);
        return;
    }
    auto transitions = session.observations().transitions(id);
    auto verification = session.observations().verification(id);
    auto files =
        session.evidence().list(EvidenceRepository::TargetKey{Evidence::Target::Observation, id});
    if (!transitions || !verification || !files) {
        m_ws.report(tr("Cannot show the observation"), !transitions    ? transitions.error()
                                                       : !verification ? verification.error()
                                                                       : files.error());
        clearAll(none);
        return;
    }
    VerificationSummary::Content c;
    c.observation = o.value();
    c.verification = verification.value();
    for (const Transition& t : transitions.value()) {
        if (t.action == u"submit"_s)
            c.submittedAt = t.at;
    }
    if (const QueueEntry* e = m_queueModel->entry(m_queueModel->rowOf(id))) {
        c.reconciliation = e->reconciliation;
    } else {
        auto r = Workflow(session, *program).reconciliation(o.value());
        if (r)
            c.reconciliation = r.value();
    }
    m_summary->showObservation(*program, c);
    const QString blocked = blockedReason(o.value());
    m_form->setObservation(o.value(), o->period.start(program->fiscalYearStartMonth),
                           session.options().now().date(), blocked);
    m_evidence->setFiles(files.value());
    m_historyModel->setTransitions(transitions.value());
    m_history->view()->resizeColumnsToContents();
    m_samples->setObservation(o.value(), blocked);
    updateTabTitles();
}

void VerificationPage::updateTabTitles()
{
    const int files = m_evidence->table()->proxy()->sourceModel()->rowCount();
    const int steps = m_historyModel->rowCount();
    m_tabs->setTabText(EvidenceTab, files > 0 ? tr("Ev&idence (%1)").arg(files) : tr("Ev&idence"));
    m_tabs->setTabText(HistoryTab, steps > 0 ? tr("Hist&ory (%1)").arg(steps) : tr("Hist&ory"));
    const QString sample = m_samples->stateText();
    m_tabs->setTabText(SampleTab,
                       sample.isEmpty() ? tr("Sa&mple") : tr("Sa&mple (%1)").arg(sample));
}

int VerificationPage::currentQueueRow() const
{
    const QModelIndex current = m_queue->view()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void VerificationPage::selectQueueRow(int proxyRow)
{
    QSortFilterProxyModel* proxy = m_queue->proxy();
    const int rows = proxy->rowCount();
    if (rows == 0 || proxyRow < 0) {
        showObservation(m_current);
        return;
    }
    const QModelIndex index = proxy->index(std::min(proxyRow, rows - 1), 0);
    if (index == m_queue->view()->currentIndex())
        showObservation(m_current);
    m_queue->view()->setCurrentIndex(index);
    m_queue->view()->scrollTo(index);
}

void VerificationPage::focusFind()
{
    if (m_stale)
        refresh();
    m_queue->focusFilter();
}

void VerificationPage::showItem(const QString& observationId)
{
    if (m_stale)
        refresh();
    const int row = m_queueModel->rowOf(observationId);
    if (row >= 0) {
        m_queue->filterEdit()->clear();
        m_queue->selectSourceRow(row);
        return;
    }
    // Not in the queue: shown on its own, with nothing selected in the queue.
    m_queue->view()->selectionModel()->clear();
    showObservation(observationId);
}

void VerificationPage::announce(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void VerificationPage::verify()
{
    const Program* program = m_ws.program();
    if (!program || m_current.isEmpty())
        return;
    announce({});
    const Workflow::VerifyRequest request = m_form->verifyRequest();
    const int row = currentQueueRow();
    auto done = Workflow(m_ws.session(), *program).verify(request);
    if (!done) {
        // The form keeps everything typed: correct it, or decide otherwise.
        m_ws.report(tr("Cannot verify the observation"), done.error());
        return;
    }
    m_form->forget(request.id);
    refresh();
    selectQueueRow(row);
    announce(tr("Verified observation %1: %2 (reported %3), counted from %4.")
                 .arg(request.id, done->verifiedValue.toString(), done->reportedValue.toString(),
                      done->verifiedOn.toString(Qt::ISODate)));
}

void VerificationPage::decide(bool reject)
{
    const Program* program = m_ws.program();
    if (!program || m_current.isEmpty())
        return;
    announce({});
    const QString id = m_current;
    const QString reason = m_form->decisionReason();
    const int row = currentQueueRow();
    Workflow workflow(m_ws.session(), *program);
    const Status done = reject ? workflow.reject(id, reason) : workflow.query(id, reason);
    if (!done) {
        m_ws.report(reject ? tr("Cannot reject the observation")
                           : tr("Cannot query the observation"),
                    done.error());
        return;
    }
    m_form->forget(id);
    refresh();
    selectQueueRow(row);
    announce(reject ? tr("Rejected observation %1; it will never count.").arg(id)
                    : tr("Queried observation %1; it went back to the officer.").arg(id));
}

} // namespace dli::ui
