#include "ui/report/report_chart_painter.h"

#include "ui/charts/chart_builder.h"
#include "ui/report/report_chart_legend.h"
#include "ui/report/report_pager.h"
#include "ui/report/wrapped_text.h"

#include <QAbstractAxis>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QLegend>
#include <QPainter>
#include <QThread>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

constexpr qreal NoteSize = 7.5;
// Qt Charts lays out in pixels of 96 dpi. Laid out as if at 110 dpi, the chart has room for more
// axis labels, and its 9 pt text prints at about 8 pt, as figures in print are.
constexpr qreal LayoutDpi = 110.0;

// The chart in the report's typeface, its words searchable as the report's own
// (ReportStyle::noLigatures).
QFont reportFont(QFont font)
{
    font.setFamilies({u"DejaVu Sans"_s});
    ReportStyle::noLigatures(font);
    return font;
}

void useReportFonts(QChart& chart)
{
    chart.setTitleFont(reportFont(chart.titleFont()));
    for (QAbstractAxis* axis : chart.axes()) {
        axis->setLabelsFont(reportFont(axis->labelsFont()));
        axis->setTitleFont(reportFont(axis->titleFont()));
    }
}

} // namespace

ReportChartPainter::ReportChartPainter(ReportPager& pager, qreal chartHeight)
    : m_pager(pager), m_chartHeight(chartHeight)
{}

bool ReportChartPainter::hasDrawing(const ChartData& chart)
{
    return chart.emptyText.isEmpty() && !chart.series.isEmpty();
}

void ReportChartPainter::run(const ChartData& chart)
{
    const ReportStyle& s = m_pager.style();
    const qreal width = m_pager.content().width();
    const QString notes = chart.notes.join(u'\n');
    const WrappedText noteText(notes, ReportStyle::sans(NoteSize, false, true), m_pager.device(),
                               width);
    const qreal notesHeight = notes.isEmpty() ? 0 : noteText.height() + s.mm(1.5);
    const bool drawing = hasDrawing(chart);
    // The box of a chart with nothing to draw: its title, and why in italics.
    const qreal inner = width - s.mm(8);
    const WrappedText title(chart.title, ReportStyle::sans(ReportStyle::BodySize, true),
                            m_pager.device(), inner);
    const QString why =
        chart.emptyText.isEmpty() ? ChartBuilder::tr("There is nothing to draw.") : chart.emptyText;
    const WrappedText said(why, ReportStyle::sans(ReportStyle::TableSize + 0.5, false, true),
                           m_pager.device(), inner);
    const qreal height = drawing ? m_chartHeight : title.height() + said.height() + s.mm(10);
    m_pager.ensure(height + notesHeight);
    const QRectF rect(m_pager.content().left(), m_pager.y(), width, height);
    if (m_pager.painter()) {
        if (drawing)
            drawChart(chart, rect);
        else
            drawEmpty(rect, title, said);
    }
    m_pager.advance(height);
    if (!notes.isEmpty()) {
        m_pager.advance(s.mm(1.5));
        if (QPainter* p = m_pager.painter()) {
            p->setPen(ReportStyle::muted());
            noteText.draw(p, QPointF(rect.left(), m_pager.y()));
        }
        m_pager.advance(noteText.height());
    }
    m_pager.advance(s.mm(7));
}

void ReportChartPainter::drawChart(const ChartData& chart, const QRectF& rect)
{
    // Qt Charts keeps state of its own shared by every chart (a static text item that measures
    // labels, holding fonts of the thread that made it): it must only run on the application's
    // thread. When the report is made on a worker thread (the Reports page makes it in the
    // background), the application's thread draws the chart on the page while the worker waits.
    QCoreApplication* app = QCoreApplication::instance();
    if (app && QThread::currentThread() != app->thread()) {
        QMetaObject::invokeMethod(
            app, [&] { drawChartHere(chart, rect); }, Qt::BlockingQueuedConnection);
        return;
    }
    drawChartHere(chart, rect);
}

void ReportChartPainter::drawChartHere(const ChartData& chart, const QRectF& rect)
{
    const ReportStyle& s = m_pager.style();
    const qreal pixelsPerDot = LayoutDpi / (s.mm(25.4));
    QGraphicsScene scene;
    QChart* built = ChartBuilder::build(chart);
    useReportFonts(*built);
    scene.addItem(built); // the scene owns the chart from here
    // Qt Charts makes its legend's markers and lays out on posted events.
    const auto layOut = [&](const QSizeF& logical) {
        built->setGeometry(QRectF(QPointF(0, 0), logical));
        scene.setSceneRect(QRectF(QPointF(0, 0), logical));
        for (int i = 0; i < 3; ++i)
            QCoreApplication::sendPostedEvents();
    };
    layOut(rect.size() * pixelsPerDot);

    // The legend below the chart, in the frame.
    const ReportChartLegend legend = ReportChartLegend::take(*built);
    const qreal legendWidth = rect.width() - s.mm(12);
    const qreal legendHeight = legend.isEmpty() ? 0 : legend.height(s, legendWidth) + s.mm(3);
    const QRectF plot(rect.topLeft(), QSizeF(rect.width(), rect.height() - legendHeight));
    if (!legend.isEmpty())
        layOut(plot.size() * pixelsPerDot);

    QPainter& p = *m_pager.painter();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    // Hatched bars keep the hatching of the screen, scaled with the chart (by default a pattern
    // is in device pixels: at 1200 dpi a grey tint, lost in a greyscale print).
    p.setRenderHint(QPainter::NonCosmeticBrushPatterns);
    scene.render(&p, plot, scene.sceneRect());
    if (!legend.isEmpty())
        legend.draw(p, s, QRectF(rect.left() + s.mm(6), plot.bottom(), legendWidth, legendHeight),
                    1 / pixelsPerDot);
    p.setPen(QPen(ReportStyle::hairline(), s.pt(0.5)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(rect);
    p.restore();
}

void ReportChartPainter::drawEmpty(const QRectF& rect, const WrappedText& title,
                                   const WrappedText& said)
{
    const ReportStyle& s = m_pager.style();
    QPainter& p = *m_pager.painter();
    p.save();
    p.setPen(QPen(ReportStyle::hairline(), s.pt(0.5)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(rect);
    p.setPen(ReportStyle::text());
    title.draw(&p, rect.topLeft() + QPointF(s.mm(4), s.mm(4)));
    p.setPen(ReportStyle::muted());
    said.draw(&p, rect.topLeft() + QPointF(s.mm(4), s.mm(6) + title.height()));
    p.restore();
}

} // namespace dli::ui
