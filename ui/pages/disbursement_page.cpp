#include "ui/pages/disbursement_page.h"

#include "core/storage/session.h"
#include "core/workflow/disbursements.h"
#include "ui/dialogs/event_dialog.h"
#include "ui/models/disbursement_events_model.h"
#include "ui/models/disbursement_findings_model.h"
#include "ui/models/disbursement_tree_model.h"
#include "ui/models/roles.h"
#include "ui/widgets/disbursement_as_of_edit.h"
#include "ui/widgets/disbursement_explanation.h"
#include "ui/widgets/filtered_table.h"
#include "ui/workspace.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

DisbursementPage::DisbursementPage(Workspace& workspace, QWidget* parent) : Page(workspace, parent)
{
    m_presentEvent = [](EventDialog& dialog) {
        return dialog.exec() == QDialog::Accepted;
    };

    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tree = new DisbursementTreeModel(this);
    m_treeView = new QTreeView;
    m_treeView->setModel(m_tree);
    m_treeView->setUniformRowHeights(true);
    m_treeView->setAlternatingRowColors(true);
    m_treeView->setAllColumnsShowFocus(true);
    // A little air between the rows of figures.
    m_treeView->setStyleSheet(u"QTreeView::item { padding: 1px 0px; }"_s);
    m_treeView->setAccessibleName(tr("What can be claimed per DLI and DLR"));
    m_treeView->header()->setStretchLastSection(false);
    m_treeView->header()->setSectionResizeMode(QHeaderView::Interactive);
    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DisbursementPage::showSelection);

    m_explanation = new DisbursementExplanation;

    m_findings = new DisbursementFindingsModel(this);
    m_findingsTable = new FilteredTable;
    m_findingsTable->setModel(m_findings);
    m_findingsTable->setEmptyText(tr("No findings: no cap exceeded, no overpayment, no missed "
                                     "time-bound DLR and no forced event."));
    m_findingsTable->view()->setAccessibleName(tr("Findings"));
    m_findingsTable->view()->setWordWrap(true);
    connect(m_findingsTable, &FilteredTable::sourceActivated, this,
            [this](const QModelIndex& index) { showItem(index.data(KeyRole).toString()); });

    m_tabs = new QTabWidget;
    m_tabs->addTab(buildEventsTab(), tr("Events"));
    m_tabs->addTab(m_findingsTable, tr("Findings"));

    m_bottom = new QSplitter(Qt::Horizontal);
    m_bottom->addWidget(m_explanation);
    m_bottom->addWidget(m_tabs);
    m_bottom->setStretchFactor(0, 2);
    m_bottom->setStretchFactor(1, 3);
    m_bottom->setChildrenCollapsible(false);
    m_split = new QSplitter(Qt::Vertical);
    m_split->addWidget(m_treeView);
    m_split->addWidget(m_bottom);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 1);
    m_split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->setSpacing(8);
    layout->addWidget(buildTopBar());
    layout->addWidget(m_summary);
    layout->addWidget(m_split, 1);
    updateColumns();

    // Tab goes from the options to the tree, its explanation, then the events.
    QList<QWidget*> chain{m_asOf->dateEdit(), m_asOf->todayButton(), m_knownAtBox,
                          m_knownAt,          m_forecastBox,         m_movedBox,
                          m_treeView,         m_explanation,         m_tabs->tabBar()};
    for (const auto& [kind, button] : m_recordButtons)
        chain << button;
    chain << m_eventsTable->filterEdit() << m_eventsTable->view();
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);

    connect(&m_ws, &Workspace::asOfChanged, this, &DisbursementPage::invalidate);
    connect(&m_ws, &Workspace::programReloaded, this, &DisbursementPage::invalidate);
    ChangeNotifier& notifier = m_ws.session().notifier();
    connect(&notifier, &ChangeNotifier::eventsChanged, this, &DisbursementPage::invalidate);
    connect(&notifier, &ChangeNotifier::observationsChanged, this, &DisbursementPage::invalidate);
}

QWidget* DisbursementPage::buildTopBar()
{
    m_asOf = new DisbursementAsOfEdit(m_ws);
    m_knownAtBox = new QCheckBox(tr("As &known at:"));
    m_knownAtBox->setToolTip(tr("Leave out whatever was recorded after this moment, whatever "
                                "its dates, to reproduce an earlier status exactly."));
    m_knownAt = new QDateTimeEdit(m_ws.session().options().now().toUTC());
    m_knownAt->setTimeSpec(Qt::UTC);
    m_knownAt->setDisplayFormat(u"yyyy-MM-dd HH:mm 'UTC'"_s);
    m_knownAt->setCalendarPopup(true);
    m_knownAt->setKeyboardTracking(false);
    m_knownAt->setEnabled(false);
    m_knownAt->setAccessibleName(tr("As known at moment"));
    connect(m_knownAtBox, &QCheckBox::toggled, this, [this](bool on) {
        m_knownAt->setEnabled(on);
        invalidate();
    });
    connect(m_knownAt, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_knownAtBox->isChecked())
            invalidate();
    });
    m_forecastBox = new QCheckBox(tr("F&orecast beside verified"));
    m_forecastBox->setToolTip(tr("Adds columns for what would be earned if every submitted "
                                 "figure were verified as reported on the as-of date; the "
                                 "verified columns stay as they are."));
    connect(m_forecastBox, &QCheckBox::toggled, this, [this] {
        updateColumns();
        invalidate();
    });
    m_movedBox = new QCheckBox(tr("Show &money moved between DLRs"));
    m_movedBox->setToolTip(tr("Carried in and out, reallocated in and out, cancelled and "
                              "pending reallocation"));
    connect(m_movedBox, &QCheckBox::toggled, this, &DisbursementPage::updateColumns);

    auto* bar = new QWidget;
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(10);
    row->addWidget(m_asOf);
    row->addSpacing(12);
    row->addWidget(m_knownAtBox);
    row->addWidget(m_knownAt);
    row->addSpacing(12);
    row->addWidget(m_forecastBox);
    row->addWidget(m_movedBox);
    row->addStretch(1);
    return bar;
}

QWidget* DisbursementPage::buildEventsTab()
{
    m_events = new DisbursementEventsModel(this);
    m_eventsTable = new FilteredTable;
    m_eventsTable->setModel(m_events);
    m_eventsTable->setFilterPlaceholder(tr("Filter the events (Ctrl+F)"));
    m_eventsTable->setEmptyText(tr("No disbursement, advance or decision recorded yet."));
    m_eventsTable->view()->setAccessibleName(tr("Recorded events"));

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    const QString why = m_ws.roleReason({Role::Manager});
    const QList<QPair<EventKind, QString>> kinds{
        {EventKind::Disburse, tr("Record &disbursement...")},
        {EventKind::Advance, tr("Advan&ce...")},
        {EventKind::Refund, tr("Ref&und...")},
        {EventKind::Reallocate, tr("Rea&llocate...")},
        {EventKind::Cancel, tr("Ca&ncel pending...")}};
    for (const auto& [kind, text] : kinds) {
        auto* b = new QPushButton(text);
        b->setEnabled(why.isEmpty());
        b->setToolTip(why.isEmpty() ? tr("Opens a dialog that shows what the engine will do "
                                         "before you confirm")
                                    : why);
        connect(b, &QPushButton::clicked, this, [this, kind] { (void)recordEvent(kind); });
        buttons->addWidget(b);
        m_recordButtons << qMakePair(kind, b);
    }
    buttons->addStretch(1);

    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(buttons);
    layout->addWidget(m_eventsTable, 1);
    return tab;
}

QPushButton* DisbursementPage::recordButton(EventKind kind) const
{
    for (const auto& [k, b] : m_recordButtons) {
        if (k == kind)
            return b;
    }
    return nullptr;
}

void DisbursementPage::updateColumns()
{
    const bool moved = m_movedBox->isChecked();
    const bool forecast = m_forecastBox->isChecked();
    for (int c = DisbursementTreeModel::FirstMovedColumn;
         c <= DisbursementTreeModel::LastMovedColumn; ++c)
        m_treeView->setColumnHidden(c, !moved);
    for (int c = DisbursementTreeModel::FirstForecastColumn;
         c <= DisbursementTreeModel::LastForecastColumn; ++c)
        m_treeView->setColumnHidden(c, !forecast);
    fitItemColumn();
}

void DisbursementPage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    if (m_dirty)
        compute();
    scheduleFit();
}

void DisbursementPage::resizeEvent(QResizeEvent* event)
{
    Page::resizeEvent(event);
    scheduleFit();
}

void DisbursementPage::scheduleFit()
{
    // Once the layout has given the page and its scroll bars their size.
    if (m_fitQueued)
        return;
    m_fitQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_fitQueued = false;
            arrangeSplitters();
            fitItemColumn();
        },
        Qt::QueuedConnection);
}

void DisbursementPage::arrangeSplitters()
{
    if (m_arranged || !isVisible() || m_split->height() <= 0)
        return;
    m_arranged = true;
    int rows = 0;
    for (int i = 0; i < m_tree->rowCount(); ++i)
        rows += 1 + m_tree->rowCount(m_tree->index(i, 0));
    const int rowHeight = std::max(m_treeView->sizeHintForRow(0), fontMetrics().height() + 4);
    const int wanted = m_treeView->header()->sizeHint().height() + rows * rowHeight +
                       2 * m_treeView->frameWidth() +
                       style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4;
    const int total = m_split->height() - m_split->handleWidth();
    const int tree = std::clamp(wanted, total * 35 / 100, total * 62 / 100);
    m_split->setSizes({tree, total - tree});
    const int width = m_bottom->width() - m_bottom->handleWidth();
    m_bottom->setSizes({width * 2 / 5, width - width * 2 / 5});
}

void DisbursementPage::fitItemColumn()
{
    QHeaderView* header = m_treeView->header();
    int others = 0;
    for (int c = 1; c < DisbursementTreeModel::ColumnCount; ++c) {
        if (!m_treeView->isColumnHidden(c))
            others += header->sectionSize(c);
    }
    const int room = m_treeView->viewport()->width() - others;
    m_treeView->setColumnWidth(DisbursementTreeModel::ItemColumn, std::max(room, 260));
}

void DisbursementPage::invalidate()
{
    m_dirty = true;
    // Out of sight, it computes when shown again.
    if (isVisible())
        compute();
}

void DisbursementPage::refresh()
{
    compute();
}

QString DisbursementPage::selectedCode() const
{
    return m_treeView->currentIndex().siblingAtColumn(0).data(KeyRole).toString();
}

void DisbursementPage::compute()
{
    m_dirty = false;
    const Program* program = m_ws.program();
    if (!program) {
        m_tree->clear();
        m_events->setEvents({}, Currency());
        m_findings->setFindings({});
        m_summary->setText(tr("This database holds no program yet: import a program definition "
                              "first."));
        m_explanation->showNothing();
        return;
    }
    const QString selected = selectedCode();
    Disbursements service(m_ws.session(), *program);
    const QDateTime knownAt = m_knownAtBox->isChecked() ? m_knownAt->dateTime() : QDateTime();
    auto input = service.inputs(m_ws.asOf(), knownAt);
    if (!input) {
        m_ws.report(tr("Cannot compute what can be claimed"), input.error());
        return;
    }
    const Disbursement verified = DisbursementEngine::compute(*program, input.value());
    std::optional<Disbursement> forecast;
    if (m_forecastBox->isChecked()) {
        DisbursementEngine::Input in = input.value();
        in.forecast = true;
        forecast = DisbursementEngine::compute(*program, in);
    }
    m_tree->setStatus(*program, verified, forecast);
    m_treeView->expandAll();
    for (int c = 1; c < DisbursementTreeModel::ColumnCount; ++c)
        m_treeView->resizeColumnToContents(c);
    fitItemColumn();

    const Currency& cur = program->currency;
    const auto money = [&](Money m) {
        return m.format(cur);
    };
    QString summary =
        tr("As of %1%2: earned %3 · disbursed %4 · eligible %5 · payable %6 · outstanding "
           "advances %7 (cap %8). Amounts in %9.")
            .arg(m_ws.asOf().toString(Qt::ISODate),
                 knownAt.isValid()
                     ? tr(", as known at %1").arg(knownAt.toString(u"yyyy-MM-dd HH:mm 'UTC'"_s))
                     : QString(),
                 money(verified.totals.earned), money(verified.totals.disbursed),
                 money(verified.totals.eligible), money(verified.totals.payable),
                 money(verified.outstandingAdvances), money(verified.advanceCap), cur.code);
    if (forecast)
        summary += u' ' + tr("Forecast (tinted columns): %1 earned, %2 payable, as if every "
                             "submitted figure were verified as reported.")
                              .arg(money(forecast->totals.earned), money(forecast->totals.payable));
    m_summary->setText(summary);

    m_findings->setFindings(verified.findings);
    m_findingsTable->view()->resizeColumnsToContents();
    m_tabs->setTabText(1, tr("Findings (%1)").arg(verified.findings.size()));
    auto events = service.events();
    if (!events) {
        m_ws.report(tr("Cannot read the recorded events"), events.error());
    } else {
        m_events->setEvents(events.value(), cur);
        m_eventsTable->view()->resizeColumnsToContents();
        m_tabs->setTabText(0, tr("Events (%1)").arg(events->size()));
    }
    // The selection stays across recomputations; at first, the first DLI.
    if (!selected.isEmpty())
        showItem(selected);
    else if (m_tree->rowCount() > 0)
        m_treeView->setCurrentIndex(m_tree->index(0, 0));
    showSelection();
}

void DisbursementPage::showSelection()
{
    const Program* program = m_ws.program();
    const QModelIndex current = m_treeView->currentIndex();
    if (!program || !current.isValid()) {
        m_explanation->showNothing();
        return;
    }
    if (const DlrResult* r = m_tree->dlrAt(current)) {
        const DlrResult* f = m_tree->forecast() ? m_tree->forecast()->dlr(r->code) : nullptr;
        m_explanation->showDlr(*program, *r, f);
    } else if (const DliResult* d = m_tree->dliAt(current)) {
        m_explanation->showDli(*program, *d);
    }
}

void DisbursementPage::focusFind()
{
    m_tabs->setCurrentIndex(0);
    m_eventsTable->focusFilter();
}

void DisbursementPage::showItem(const QString& item)
{
    if (m_dirty)
        compute();
    const QModelIndex index = m_tree->find(item);
    if (!index.isValid())
        return;
    m_treeView->setCurrentIndex(index);
    m_treeView->scrollTo(index);
}

bool DisbursementPage::recordEvent(EventKind kind)
{
    if (!m_ws.program() || !m_ws.hasRole({Role::Manager}))
        return false;
    QString code;
    const QModelIndex current = m_treeView->currentIndex();
    if (kind == EventKind::Advance || kind == EventKind::Refund) {
        if (const DliResult* d = m_tree->dliAt(current))
            code = d->code;
    } else if (const DlrResult* r = m_tree->dlrAt(current)) {
        code = r->code;
    }
    EventDialog dialog(m_ws, kind, code, this);
    if (!m_presentEvent(dialog) || !dialog.recorded())
        return false;
    // The store's notifier has recomputed the page; show where the money went.
    const DisbursementEvent& e = *dialog.recorded();
    showItem(e.dlr.isEmpty() ? e.dli : e.dlr);
    for (int row = 0; row < m_events->rowCount(); ++row) {
        if (m_events->events()[row].id == e.id)
            m_eventsTable->selectSourceRow(row);
    }
    return true;
}

} // namespace dli::ui
