// Draws a ChartData (computed in core) with Qt Charts: a category axis of the points' x labels
// (fiscal quarters, DLI codes, cluster codes), a value axis (money in the program's currency
// when the chart is about money), lines, dashed lines, steps, bars, stacked bars and markers in
// the palette's look per meaning, a legend and a title. Nothing here reads the database.
#pragma once

#include "core/charts/chart_data.h"

#include <QCoreApplication>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace dli::ui {

class ChartBuilder {
public:
    // A new chart, owned by the caller. With nothing to draw (data.emptyText set, or no series)
    // its title says why, and it has no axes and no legend.
    static QChart* build(const ChartData& data);

    // The categories of the x axis: every point's x, in the order they first appear.
    static QStringList categories(const ChartData& data);

    // Every drawn series (QXYSeries) and bar set (QBarSet) carries, under this property, the
    // exact value of each category as text (ChartPoint::label; empty where there is none), for
    // tooltips; and under RoleProperty its ChartSeries::role.
    static constexpr const char* LabelsProperty = "dliLabels";
    static constexpr const char* RoleProperty = "dliRole";
    // Set on the chart: true when the categories run along the vertical axis (the disbursement
    // by DLI's horizontal bars), so a point's category is its y.
    static constexpr const char* HorizontalProperty = "dliHorizontal";

    Q_DECLARE_TR_FUNCTIONS(ChartBuilder) // last: it ends in "private:"
};

} // namespace dli::ui
