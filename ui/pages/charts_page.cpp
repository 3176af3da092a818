#include "ui/pages/charts_page.h"

#include "core/storage/session.h"
#include "ui/charts/chart_export.h"
#include "ui/charts/chart_widget.h"
#include "ui/widgets/error_text.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

// Which selector each kind needs.
enum class Subject { None, Dli, Indicator };

Subject subjectOf(const QString& kind)
{
    if (kind == u"dli-progress"_s)
        return Subject::Dli;
    if (kind == u"clusters"_s || kind == u"trend"_s)
        return Subject::Indicator;
    return Subject::None;
}

} // namespace

ChartsPage::ChartsPage(Workspace& workspace, QWidget* parent) : Page(workspace, parent)
{
    m_kind = new QComboBox;
    m_kind->setAccessibleName(tr("Chart"));
    const QList<std::pair<QString, QString>> kinds{{u"dli-progress"_s, tr("DLI progress")},
                                                   {u"disbursement"_s, tr("Disbursement by DLI")},
                                                   {u"timeline"_s, tr("Disbursement over time")},
                                                   {u"clusters"_s, tr("Clusters compared")},
                                                   {u"verification"_s, tr("Verification flow")},
                                                   {u"trend"_s, tr("Indicator trend")}};
    for (const auto& [key, name] : kinds)
        m_kind->addItem(name, key);
    m_subject = new QComboBox;
    m_subject->setMinimumContentsLength(28);
    m_subjectLabel = new QLabel;
    m_subjectLabel->setBuddy(m_subject);
    m_period = new QComboBox;
    m_periodLabel = new QLabel(tr("&Period:"));
    m_periodLabel->setBuddy(m_period);
    m_asOf = new QDateEdit(m_ws.asOf());
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_asOf->setAccessibleName(tr("As of"));
    auto* kindLabel = new QLabel(tr("&Chart:"));
    kindLabel->setBuddy(m_kind);
    auto* asOfLabel = new QLabel(tr("&As of:"));
    asOfLabel->setBuddy(m_asOf);
    auto* selectors = new QHBoxLayout;
    selectors->addWidget(kindLabel);
    selectors->addWidget(m_kind);
    selectors->addSpacing(12);
    selectors->addWidget(m_subjectLabel);
    selectors->addWidget(m_subject);
    selectors->addSpacing(12);
    selectors->addWidget(m_periodLabel);
    selectors->addWidget(m_period);
    selectors->addSpacing(12);
    selectors->addWidget(asOfLabel);
    selectors->addWidget(m_asOf);
    selectors->addStretch(1);

    m_chart = new ChartWidget;
    m_chart->setAccessibleName(tr("The chart"));
    m_problem = newErrorLabel();

    m_width = new QSpinBox;
    m_width->setRange(300, 8000);
    m_width->setValue(1600);
    m_width->setSuffix(tr(" px"));
    m_width->setAccessibleName(tr("Width of the exported image"));
    m_height = new QSpinBox;
    m_height->setRange(200, 8000);
    m_height->setValue(900);
    m_height->setSuffix(tr(" px"));
    m_height->setAccessibleName(tr("Height of the exported image"));
    m_dpi = new QSpinBox;
    m_dpi->setRange(72, 600);
    m_dpi->setValue(192);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setAccessibleName(tr("Resolution of the exported image"));
    auto* png = new QPushButton(tr("Save as P&NG..."));
    auto* svg = new QPushButton(tr("Save as S&VG..."));
    auto* copy = new QPushButton(tr("Cop&y"));
    copy->setToolTip(tr("Copy the chart to the clipboard as an image"));
    auto* exportRow = new QHBoxLayout;
    exportRow->addWidget(new QLabel(tr("Export size:")));
    exportRow->addWidget(m_width);
    exportRow->addWidget(new QLabel(u"\u00d7"_s));
    exportRow->addWidget(m_height);
    exportRow->addWidget(m_dpi);
    exportRow->addStretch(1);
    exportRow->addWidget(png);
    exportRow->addWidget(svg);
    exportRow->addWidget(copy);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(selectors);
    layout->addWidget(m_problem);
    layout->addWidget(m_chart, 1);
    layout->addLayout(exportRow);

    const auto ask = [this](const QString& filter, const QString& suffix) {
        const QString suggested = m_kind->currentData().toString() + suffix;
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export the chart"), suggested, filter);
        if (!path.isEmpty())
            (void)exportTo(path);
    };
    connect(png, &QPushButton::clicked, this, [ask] { ask(tr("PNG images (*.png)"), u".png"_s); });
    connect(svg, &QPushButton::clicked, this,
            [ask] { ask(tr("SVG drawings (*.svg)"), u".svg"_s); });
    connect(copy, &QPushButton::clicked, this, [this] {
        ChartExport::copyToClipboard(m_data, QSize(m_width->value(), m_height->value()),
                                     m_dpi->value());
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        fillSubjects();
        redraw();
    });
    connect(m_subject, &QComboBox::currentIndexChanged, this, &ChartsPage::redraw);
    connect(m_period, &QComboBox::currentIndexChanged, this, &ChartsPage::redraw);
    connect(m_asOf, &QDateEdit::dateChanged, this, [this](const QDate& d) { m_ws.setAsOf(d); });
    connect(&m_ws, &Workspace::asOfChanged, this, [this](const QDate& d) {
        const QSignalBlocker quiet(m_asOf);
        m_asOf->setDate(d);
        markStale();
    });
    // New figures, verifications or events change the charts: redraw when next seen.
    ChangeNotifier& news = m_ws.session().notifier();
    for (auto signal : {&ChangeNotifier::observationsChanged, &ChangeNotifier::eventsChanged,
                        &ChangeNotifier::evidenceChanged})
        connect(&news, signal, this, &ChartsPage::markStale);
    connect(&m_ws, &Workspace::programReloaded, this, &ChartsPage::refresh);
    fillSubjects();
}

void ChartsPage::fillSubjects()
{
    const Program* p = m_ws.program();
    const Subject subject = subjectOf(m_kind->currentData().toString());
    const QString keep = m_subject->currentData().toString();
    {
        const QSignalBlocker quiet(m_subject);
        m_subject->clear();
        if (p && subject == Subject::Dli) {
            for (const Dli& d : p->dlis)
                m_subject->addItem(d.code + u"  "_s + d.title, d.code);
        } else if (p && subject == Subject::Indicator) {
            for (const Indicator& x : p->indicators)
                m_subject->addItem(x.code + u"  "_s + x.title, x.code);
        }
        const int at = m_subject->findData(keep);
        if (at >= 0)
            m_subject->setCurrentIndex(at);
    }
    m_subjectLabel->setText(subject == Subject::Dli ? tr("&DLI:") : tr("&Indicator:"));
    m_subjectLabel->setVisible(subject != Subject::None);
    m_subject->setVisible(subject != Subject::None);
    const bool periods = m_kind->currentData().toString() == u"clusters"_s;
    if (periods && m_period->count() == 0 && p) {
        const QSignalBlocker quiet(m_period);
        for (int y = p->firstYear().fiscalYear(); y <= p->lastYear().fiscalYear(); ++y) {
            m_period->addItem(Period::year(y).code());
            for (int q = 1; q <= 4; ++q)
                m_period->addItem(Period::quarter(y, q).code());
        }
        // The fiscal year of the as-of date: the one people compare clusters on.
        const int current = m_period->findText(
            Period::containing(m_ws.asOf(), Period::Kind::Year, p->fiscalYearStartMonth).code());
        m_period->setCurrentIndex(std::max(current, 0));
    }
    m_periodLabel->setVisible(periods);
    m_period->setVisible(periods);
}

void ChartsPage::refresh()
{
    fillSubjects();
    redraw();
}

void ChartsPage::showItem(const QString& item)
{
    const QStringList parts = item.split(u':');
    const int kind = m_kind->findData(parts.value(0));
    if (kind >= 0)
        m_kind->setCurrentIndex(kind);
    if (parts.size() > 1) {
        const int subject = m_subject->findData(parts.value(1));
        if (subject >= 0)
            m_subject->setCurrentIndex(subject);
    }
    redraw();
}

void ChartsPage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    if (m_stale)
        redraw();
}

void ChartsPage::markStale()
{
    m_stale = true;
    if (isVisible())
        redraw();
}

void ChartsPage::redraw()
{
    m_stale = false;
    const Program* p = m_ws.program();
    Result<ChartData> data = ChartData();
    if (!p) {
        ChartData none;
        none.emptyText = tr("This database holds no program yet.");
        data = none;
    } else {
        Session& s = m_ws.session();
        const QString kind = m_kind->currentData().toString();
        const QString subject = m_subject->currentData().toString();
        const QDate asOf = m_ws.asOf();
        if (kind == u"dli-progress"_s)
            data = ChartData::dliProgress(s, *p, subject, asOf);
        else if (kind == u"disbursement"_s)
            data = ChartData::disbursementByDli(s, *p, asOf);
        else if (kind == u"timeline"_s)
            data = ChartData::disbursementTimeline(s, *p, asOf);
        else if (kind == u"clusters"_s)
            data = ChartData::clusters(
                s, *p, subject,
                Period::parse(m_period->currentText(), p->fiscalYearStartMonth).value_or(Period()),
                asOf);
        else if (kind == u"verification"_s)
            data = ChartData::verificationFlow(s, *p, asOf);
        else
            data = ChartData::indicatorTrend(s, *p, subject, asOf);
    }
    if (!data) {
        m_problem->setText(data.error().text());
        m_problem->setVisible(true);
        ChartData none;
        none.emptyText = data.error().message;
        m_data = none;
    } else {
        m_problem->setVisible(false);
        m_data = data.value();
    }
    m_chart->setData(m_data);
}

Status ChartsPage::exportTo(const QString& path)
{
    const Status saved =
        ChartExport::save(m_data, path, QSize(m_width->value(), m_height->value()), m_dpi->value());
    if (!saved)
        m_ws.report(tr("The chart was not exported"), saved.error());
    return saved;
}

} // namespace dli::ui
