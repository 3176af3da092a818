// One chart of the report, drawn as vectors: the Qt Charts chart of ChartBuilder, staged in a
// scene of its own at the printed size (in 96-dpi pixels, so that its text keeps its size in
// points) and rendered onto the page's painter. Its notes follow in small type. A chart with
// nothing to draw takes a small framed box saying why, not half a page.
#pragma once

#include "core/charts/chart_data.h"

#include <QRectF>

class QPainter;

namespace dli::ui {

class ReportPager;
class WrappedText;

class ReportChartPainter {
public:
    // Charts that draw take `chartHeight` (device units) at the content's width.
    ReportChartPainter(ReportPager& pager, qreal chartHeight);

    // Places the chart below the pager's position, or on a new page when it does not fit.
    void run(const ChartData& chart);

    static bool hasDrawing(const ChartData& chart);
    static constexpr int WorkUnits = 8; // a chart costs about as much as eight table rows

private:
    void drawChart(const ChartData& chart, const QRectF& rect);
    void drawChartHere(const ChartData& chart, const QRectF& rect);
    void drawEmpty(const QRectF& rect, const WrappedText& title, const WrappedText& said);

    ReportPager& m_pager;
    qreal m_chartHeight;
};

} // namespace dli::ui
