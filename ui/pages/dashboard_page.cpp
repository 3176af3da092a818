#include "ui/pages/dashboard_page.h"

#include "core/charts/chart_data.h"
#include "core/engine/dli_outlook.h"
#include "core/storage/session.h"
#include "core/workflow/attention.h"
#include "core/workflow/disbursements.h"
#include "ui/charts/chart_widget.h"
#include "ui/models/dashboard_dli_model.h"
#include "ui/models/disbursement_format.h"
#include "ui/widgets/dashboard_card.h"
#include "ui/widgets/disbursement_as_of_edit.h"
#include "ui/widgets/filtered_table.h"
#include "ui/workspace.h"

#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

QLabel* heading(const QString& text)
{
    auto* label = new QLabel(text);
    QFont f = label->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    label->setFont(f);
    return label;
}

QString percentOf(Money part, Money whole)
{
    if (whole.minor() <= 0)
        return QString();
    const double share =
        100.0 * static_cast<double>(part.minor()) / static_cast<double>(whole.minor());
    return QString::number(share, 'f', share < 10 ? 1 : 0);
}

} // namespace

DashboardPage::DashboardPage(Workspace& workspace, QWidget* parent) : Page(workspace, parent)
{
    m_programTitle = new QLabel;
    QFont big = m_programTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_programTitle->setFont(big);
    m_programTitle->setWordWrap(true);
    m_subtitle = new QLabel;
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setWordWrap(true);
    m_asOf = new DisbursementAsOfEdit(workspace);

    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_programTitle);
    titles->addWidget(m_subtitle);
    auto* header = new QHBoxLayout;
    header->addLayout(titles, 1);
    header->addWidget(m_asOf, 0, Qt::AlignTop);

    // Money, as the engine computes it at the as-of date.
    m_moneyGrid = new QGridLayout;
    m_moneyGrid->setSpacing(10);
    m_moneyCards = {addCard(u"financing"_s, tr("Financing")),
                    addCard(u"earned"_s, tr("Earned")),
                    addCard(u"disbursed"_s, tr("Disbursed")),
                    addCard(u"eligible"_s, tr("Eligible now")),
                    addCard(u"payable"_s, tr("Payable")),
                    addCard(u"advances"_s, tr("Outstanding advances"))};

    // What waits for someone, each a link to the page that resolves it.
    auto* attention = new QHBoxLayout;
    attention->setSpacing(10);
    const auto link = [&](const QString& name, const QString& title, const QString& action,
                          const QString& tip, const QString& page) {
        DashboardCard* c = addCard(name, title);
        c->addAction(action, tip);
        connect(c, &DashboardCard::activated, this,
                [this, page] { emit m_ws.navigateRequested(page, QString()); });
        attention->addWidget(c);
        return c;
    };
    link(u"awaiting"_s, tr("Awaiting verification"), tr("Open Ve&rification"),
         tr("Submitted figures a verifier has to verify, reject or query"), u"verification"_s);
    link(u"validation"_s, tr("Validation errors"), tr("Open &Data"),
         tr("Figures that break a validation rule; correct them on the Data page"), u"data"_s);
    link(u"reconciliation"_s, tr("Reconciliation findings"), tr("Review the &gaps in Verification"),
         tr("Reported figures that differ from their register beyond the indicator's "
            "tolerance; the verifier resolves them"),
         u"verification"_s);
    link(u"photos"_s, tr("Photo findings"), tr("Review the ph&otos in Verification"),
         tr("Evidence photos attached during field visits that were taken far from the firm, "
            "outside the visit's days or without GPS; the verifier may explain them"),
         u"verification"_s);
    link(u"findings"_s, tr("Disbursement findings"), tr("Open Disbur&sement"),
         tr("Caps exceeded, overpayments, missed time-bound DLRs and forced events"),
         u"disbursement"_s);

    // The DLIs with their traffic light.
    m_model = new DashboardDliModel(this);
    m_table = new FilteredTable;
    m_table->setModel(m_model);
    m_table->setFilterPlaceholder(tr("Filter the DLIs (Ctrl+F)"));
    m_table->setEmptyText(tr("The program has no DLIs."));
    m_table->view()->setAccessibleName(tr("DLIs with their traffic light"));
    m_table->view()->setToolTip(
        tr("Double-click or press Enter to open the DLI on the Disbursement page."));
    m_table->view()->setWordWrap(true);
    QHeaderView* h = m_table->view()->horizontalHeader();
    h->setStretchLastSection(true);
    h->setSectionResizeMode(DashboardDliModel::TitleColumn, QHeaderView::Interactive);
    // A column made wider or narrower (the last one follows the window) rewraps the rows.
    // Queued: a resize arrives in the middle of a layout pass, which would drop a new height.
    connect(h, &QHeaderView::sectionResized, this, [this] {
        if (m_fitQueued)
            return;
        m_fitQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_fitQueued = false;
                fitTable();
            },
            Qt::QueuedConnection);
    });
    connect(m_table, &FilteredTable::sourceActivated, this, [this](const QModelIndex& index) {
        emit m_ws.navigateRequested(u"disbursement"_s, m_model->codeAt(index.row()));
    });

    auto* content = new QWidget;
    auto* body = new QVBoxLayout(content);
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(8);
    body->addLayout(m_moneyGrid);
    body->addSpacing(6);
    body->addWidget(heading(tr("Needs attention")));
    body->addLayout(attention);
    body->addSpacing(6);
    body->addWidget(heading(tr("DLIs")));
    // The table takes the height it needs (up to its rows), the rest stays below the legend.
    body->addWidget(m_table, 1000);
    body->addWidget(buildLegend());
    body->addSpacing(6);
    body->addWidget(heading(tr("The most urgent DLI, and disbursement by DLI")));
    m_progressChart = new ChartWidget;
    m_progressChart->setAccessibleName(tr("Progress of the most urgent DLI"));
    m_moneyChart = new ChartWidget;
    m_moneyChart->setAccessibleName(tr("Disbursement by DLI"));
    auto* charts = new QHBoxLayout;
    for (ChartWidget* chart : {m_progressChart, m_moneyChart}) {
        chart->setMinimumHeight(340);
        charts->addWidget(chart, 1);
    }
    body->addLayout(charts);
    body->addStretch(1);

    m_noProgram = new QLabel(tr("This database holds no program yet. Use File > Import program "
                                "definition to load one; the dashboard then shows what it has "
                                "earned and what waits for someone."));
    m_noProgram->setWordWrap(true);
    m_noProgram->setAlignment(Qt::AlignCenter);
    // The charts sit below the fold on a small screen: the page scrolls.
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_stack = new QStackedWidget;
    m_stack->addWidget(scroll);
    m_stack->addWidget(m_noProgram);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 10);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    arrangeCards();

    // Tab goes down the page: the date, the links, the DLIs.
    QList<QWidget*> chain{m_asOf->dateEdit(), m_asOf->todayButton()};
    for (const QString& name :
         {u"awaiting"_s, u"validation"_s, u"reconciliation"_s, u"photos"_s, u"findings"_s})
        chain << card(name)->actionButton();
    chain << m_table->filterEdit() << m_table->view();
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);

    connect(&m_ws, &Workspace::asOfChanged, this, [this] { invalidate(StatusDirty); });
    connect(&m_ws, &Workspace::programReloaded, this,
            [this] { invalidate(StatusDirty | CountsDirty); });
    ChangeNotifier& notifier = m_ws.session().notifier();
    connect(&notifier, &ChangeNotifier::eventsChanged, this, [this] { invalidate(StatusDirty); });
    connect(&notifier, &ChangeNotifier::observationsChanged, this,
            [this] { invalidate(StatusDirty | CountsDirty); });
    connect(&notifier, &ChangeNotifier::evidenceChanged, this, [this] { invalidate(CountsDirty); });
}

DashboardCard* DashboardPage::addCard(const QString& name, const QString& title)
{
    auto* c = new DashboardCard(title);
    m_cards << qMakePair(name, c);
    return c;
}

DashboardCard* DashboardPage::card(const QString& name) const
{
    for (const auto& [n, c] : m_cards) {
        if (n == name)
            return c;
    }
    return nullptr;
}

QWidget* DashboardPage::buildLegend()
{
    auto* legend = new QWidget;
    auto* row = new QHBoxLayout(legend);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(14);
    const QStringList rule = DliOutlook::rule();
    // The rule's sentences come in this order: missed, achieved, at risk, on track.
    const QList<QPair<DliLight, QString>> lights{{DliLight::Achieved, rule.value(1)},
                                                 {DliLight::OnTrack, rule.value(3)},
                                                 {DliLight::AtRisk, rule.value(2)},
                                                 {DliLight::Missed, rule.value(0)}};
    for (const auto& [light, sentence] : lights) {
        auto* icon = new QLabel;
        icon->setPixmap(DisbursementFormat::lightIcon(light).pixmap(14, 14));
        auto* name = new QLabel(DliOutlook::lightName(light));
        name->setToolTip(sentence);
        icon->setToolTip(sentence);
        row->addWidget(icon);
        row->addWidget(name);
    }
    auto* how = new QLabel(tr("The first light that applies: missed, achieved, at risk, on "
                              "track. Hover a light for its rule; \"Why\" names the DLR that "
                              "decided it."));
    how->setForegroundRole(QPalette::PlaceholderText);
    how->setWordWrap(true);
    how->setToolTip(rule.join(u'\n'));
    row->addSpacing(10);
    row->addWidget(how, 1);
    legend->setToolTip(rule.join(u'\n'));
    return legend;
}

void DashboardPage::arrangeCards()
{
    // Six cards in a row, their figures in type as large as fits (never smaller than the body
    // text); two rows of three in a window too narrow for that.
    const int content = width() - 36;
    const QFont body = font();
    const auto fits = [&](int columns, qreal points) {
        QFont f = body;
        f.setBold(true);
        f.setPointSizeF(points);
        const QFontMetrics fm(f);
        const int inner = (content - (columns - 1) * m_moneyGrid->spacing()) / columns - 30;
        for (DashboardCard* c : m_moneyCards) {
            if (fm.horizontalAdvance(c->value()) > inner)
                return false;
        }
        return true;
    };
    const qreal largest = body.pointSizeF() * 1.45;
    const qreal smallest = body.pointSizeF() * 1.1;
    const int columns = width() == 0 || fits(6, smallest) ? 6 : 3;
    qreal points = largest;
    while (points > smallest && !fits(columns, points))
        points -= 0.5;
    for (DashboardCard* c : m_moneyCards)
        c->setValuePointSize(points);
    if (columns == m_moneyColumns)
        return;
    m_moneyColumns = columns;
    for (DashboardCard* c : m_moneyCards)
        m_moneyGrid->removeWidget(c);
    for (int i = 0; i < m_moneyCards.size(); ++i)
        m_moneyGrid->addWidget(m_moneyCards[i], i / columns, i % columns);
    for (int c = 0; c < 6; ++c)
        m_moneyGrid->setColumnStretch(c, c < columns ? 1 : 0);
}

void DashboardPage::resizeEvent(QResizeEvent* event)
{
    Page::resizeEvent(event);
    arrangeCards();
}

void DashboardPage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    if (m_dirty)
        recompute(m_dirty);
}

void DashboardPage::invalidate(int what)
{
    m_dirty |= what;
    // A page out of sight computes when it is shown again.
    if (isVisible())
        recompute(m_dirty);
}

void DashboardPage::refresh()
{
    recompute(StatusDirty | CountsDirty);
}

void DashboardPage::recompute(int what)
{
    m_dirty &= ~what;
    const Program* program = m_ws.program();
    if (!program) {
        m_programTitle->setText(tr("No program"));
        m_subtitle->clear();
        m_model->clear();
        m_stack->setCurrentWidget(m_noProgram);
        return;
    }
    m_stack->setCurrentIndex(0);
    m_programTitle->setText(tr("%1 %2").arg(program->code, program->title));
    if (what & StatusDirty)
        updateStatus();
    if (what & CountsDirty)
        updateCounts();
}

void DashboardPage::updateStatus()
{
    const Program& program = *m_ws.program();
    const QDate asOf = m_ws.asOf();
    auto status = Disbursements(m_ws.session(), program).compute(asOf);
    if (!status) {
        m_ws.report(tr("Cannot compute what can be claimed"), status.error());
        return;
    }
    const Disbursement& s = status.value();
    const Currency& cur = program.currency;
    const auto money = [&](Money m) {
        return m.format(cur);
    };
    m_subtitle->setText(tr("Verified figures and recorded events as of %1; amounts in %2.")
                            .arg(asOf.toString(Qt::ISODate), cur.code));
    const auto set = [&](const QString& name, Money value, const QString& caption) {
        DashboardCard* c = card(name);
        c->setValue(money(value));
        c->setCaption(caption);
    };
    // Captions round to stay short; the figures above them are exact.
    const auto brief = [&](Money m) {
        return m.formatShort(cur);
    };
    set(u"financing"_s, s.financing, tr("%1 allocated to DLIs").arg(brief(s.allocation)));
    const QString earnedShare = percentOf(s.totals.earned, s.financing);
    set(u"earned"_s, s.totals.earned,
        earnedShare.isEmpty() ? QString() : tr("%1% of the financing").arg(earnedShare));
    const QString paidShare = percentOf(s.totals.disbursed, s.totals.earned);
    set(u"disbursed"_s, s.totals.disbursed,
        paidShare.isEmpty() ? tr("Cash paid against DLRs")
                            : tr("%1% of what was earned").arg(paidShare));
    set(u"eligible"_s, s.totals.eligible, tr("Earned, not yet disbursed"));
    set(u"payable"_s, s.totals.payable,
        tr("Eligible less %1 of advances").arg(brief(s.totals.recovered)));
    set(u"advances"_s, s.outstandingAdvances, tr("Cap %1").arg(brief(s.advanceCap)));
    arrangeCards();
    card(u"advances"_s)->setAttention(s.outstandingAdvances > s.advanceCap);

    DashboardCard* findings = card(u"findings"_s);
    findings->setValue(QString::number(s.findings.size()));
    QStringList kinds;
    for (const Finding& f : s.findings) {
        const QString k = DisbursementFormat::findingKind(f.kind);
        if (!kinds.contains(k))
            kinds << k;
    }
    findings->setCaption(kinds.isEmpty() ? tr("None") : kinds.join(u", "_s));
    findings->setAttention(!s.findings.isEmpty());

    const QString current = m_model->codeAt(m_table->currentSourceIndex().row());
    m_model->setStatus(program, s);
    m_table->view()->resizeColumnsToContents();
    fitTable();
    if (!current.isEmpty())
        m_table->selectSourceRow(m_model->rowOf(current));
    updateCharts(asOf);
}

void DashboardPage::updateCharts(const QDate& asOf)
{
    const Program& program = *m_ws.program();
    // At risk first (it can still be saved), then missed, then on track.
    m_urgent.clear();
    for (const DliLight light : {DliLight::AtRisk, DliLight::Missed, DliLight::OnTrack}) {
        for (int row = 0; row < m_model->rowCount() && m_urgent.isEmpty(); ++row) {
            const QModelIndex index = m_model->index(row, 0);
            if (index.data(DashboardDliModel::LightRole).toInt() == static_cast<int>(light))
                m_urgent = m_model->codeAt(row);
        }
    }
    if (m_urgent.isEmpty() && !program.dlis.isEmpty())
        m_urgent = program.dlis.constFirst().code;
    const auto show = [](ChartWidget* chart, const Result<ChartData>& computed) {
        if (computed) {
            chart->setData(computed.value());
        } else {
            ChartData none;
            none.emptyText = computed.error().message;
            chart->setData(none);
        }
    };
    if (m_urgent.isEmpty()) {
        ChartData none;
        none.emptyText = tr("The program has no DLIs.");
        m_progressChart->setData(none);
    } else {
        show(m_progressChart, ChartData::dliProgress(m_ws.session(), program, m_urgent, asOf));
    }
    show(m_moneyChart, ChartData::disbursementByDli(m_ws.session(), program, asOf));
}

void DashboardPage::fitTable()
{
    // Rows as tall as their wrapped text, and the table no taller than its rows: no empty
    // frame below six DLIs, the page's own space stays below it.
    QTableView* view = m_table->view();
    // The figures keep their width; the title, the next date and "Why" share what is left
    // (the last one stretches) and wrap.
    int fixed = 0;
    for (int c : {DashboardDliModel::LightColumn, DashboardDliModel::DliColumn,
                  DashboardDliModel::EarnedColumn, DashboardDliModel::AvailableColumn,
                  DashboardDliModel::PayableColumn})
        fixed += view->columnWidth(c);
    const int room = view->viewport()->width() - fixed;
    if (room > 0) {
        view->setColumnWidth(DashboardDliModel::TitleColumn, std::clamp(room * 26 / 100, 120, 240));
        view->setColumnWidth(DashboardDliModel::NextColumn, std::clamp(room * 30 / 100, 140, 250));
    }
    view->resizeRowsToContents();
    int rows = 0;
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        // A little air above and below the text.
        view->setRowHeight(r, view->rowHeight(r) + 6);
        rows += view->rowHeight(r);
    }
    const int viewHeight =
        view->horizontalHeader()->sizeHint().height() + rows + 2 * view->frameWidth() + 2;
    // The filter box, the row count and the spacing between them.
    const int chrome = m_table->sizeHint().height() - view->sizeHint().height() + 2;
    m_table->setMaximumHeight(std::max(viewHeight, fontMetrics().height() * 4) + chrome);
}

void DashboardPage::updateCounts()
{
    auto counts = Attention::count(m_ws.session(), *m_ws.program());
    if (!counts) {
        m_ws.report(tr("Cannot count what waits for someone"), counts.error());
        return;
    }
    const AttentionCounts& c = counts.value();
    const auto set = [&](const QString& name, int value, const QString& caption) {
        DashboardCard* k = card(name);
        k->setValue(QString::number(value));
        k->setCaption(caption);
        k->setAttention(value > 0);
    };
    set(u"awaiting"_s, c.awaitingVerification,
        c.awaitingVerification == 0 ? tr("Nothing waits for a verifier")
                                    : tr("Submitted figures to verify, reject or query"));
    set(u"validation"_s, c.validationErrors,
        c.validationWarnings == 0   ? tr("No warnings")
        : c.validationWarnings == 1 ? tr("And 1 warning")
                                    : tr("And %1 warnings").arg(c.validationWarnings));
    set(u"reconciliation"_s, c.reconciliationFindings,
        c.reconciliationFindings == 0 ? tr("Every figure agrees with its register")
                                      : tr("Gaps to a register beyond tolerance"));
    set(u"photos"_s, c.photoFindings,
        c.photoFindings == 0 ? tr("No field photo waits for a look")
                             : tr("Field photos for the verifiers' supervisor"));
}

void DashboardPage::focusFind()
{
    m_table->focusFilter();
}

void DashboardPage::showItem(const QString& item)
{
    const int row = m_model->rowOf(item);
    if (row >= 0)
        m_table->selectSourceRow(row);
}

} // namespace dli::ui
