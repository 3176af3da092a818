#include "ui/charts/chart_builder.h"

#include "ui/charts/chart_palette.h"
#include "ui/models/chart_table_model.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QVBarModelMapper>
#include <QVXYModelMapper>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

// The share verified within 30 days is a percentage, drawn against an axis of its own.
bool onSecondaryAxis(const ChartSeries& s)
{
    return s.role == u"within30"_s;
}

struct Range {
    double min = 0;
    double max = 0;
    void include(double v)
    {
        min = std::min(min, v);
        max = std::max(max, v);
    }
};

// A value axis with labels at round ticks, money ones as "US$ 3.2 m".
QCategoryAxis* valueAxis(Range r, const ChartData& data, bool integers)
{
    if (r.max - r.min <= 0)
        r.max = r.min + (data.money ? 1000 : 1);
    double step = ChartPalette::niceStep(r.max - r.min, 5);
    if (integers)
        step = std::max(1.0, std::round(step));
    const double lo = std::floor(r.min / step) * step;
    double hi = std::ceil(r.max / step) * step;
    if (hi - r.max < step * 0.05) // a little room above the highest point
        hi += step;
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(lo);
    const int ticks = static_cast<int>(std::lround((hi - lo) / step));
    for (int i = 0; i <= ticks; ++i) {
        const double v = lo + i * step;
        const QString label = data.money
                                  ? ChartPalette::moneyLabel(v, data.currency, step,
                                                             std::max(std::abs(lo), std::abs(hi)))
                                  : ChartPalette::numberLabel(v, step);
        axis->append(label, v);
    }
    axis->setRange(lo, hi);
    return axis;
}

QList<qreal> yValues(const ChartSeries& s, const QStringList& categories)
{
    QList<qreal> values(categories.size(), 0.0);
    for (const ChartPoint& p : s.points) {
        const qsizetype i = categories.indexOf(p.x);
        if (i >= 0 && p.y)
            values[i] = *p.y;
    }
    return values;
}

QStringList labels(const ChartSeries& s, const QStringList& categories)
{
    QStringList out(categories.size());
    for (const ChartPoint& p : s.points) {
        const qsizetype i = categories.indexOf(p.x);
        if (i >= 0)
            out[i] = p.label;
    }
    return out;
}

QScatterSeries::MarkerShape markerShape(RoleStyle::Marker m)
{
    switch (m) {
    case RoleStyle::Marker::Circle:
        return QScatterSeries::MarkerShapeCircle;
    case RoleStyle::Marker::Square:
        return QScatterSeries::MarkerShapeRectangle;
    case RoleStyle::Marker::Triangle:
        return QScatterSeries::MarkerShapeTriangle;
    case RoleStyle::Marker::Star:
        return QScatterSeries::MarkerShapeStar;
    }
    return QScatterSeries::MarkerShapeCircle;
}

} // namespace

QStringList ChartBuilder::categories(const ChartData& data)
{
    QStringList out;
    for (const ChartSeries& s : data.series) {
        for (const ChartPoint& p : s.points) {
            if (!out.contains(p.x))
                out << p.x;
        }
    }
    return out;
}

QChart* ChartBuilder::build(const ChartData& data)
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    // Room beyond the plot for the last label of a horizontal value axis, centred on its end.
    chart->setMargins(QMargins(12, 6, 28, 6));
    chart->setLocalizeNumbers(true);
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);

    if (!data.emptyText.isEmpty() || data.series.isEmpty()) {
        // Plainly why there is nothing, and no empty axes.
        chart->setTitle(data.emptyText.isEmpty() ? tr("There is nothing to draw.")
                                                 : data.emptyText);
        chart->legend()->hide();
        return chart;
    }
    chart->setTitle(data.title);

    const QStringList cats = categories(data);
    const bool horizontal = data.kind == u"disbursement"_s;
    chart->setProperty(HorizontalProperty, horizontal);

    // The ranges of the two value axes; stacked bars count by their totals.
    Range primary, secondary;
    bool hasSecondary = false;
    bool integers = !data.money;
    QList<qreal> stackedPositive(cats.size(), 0.0), stackedNegative(cats.size(), 0.0);
    for (const ChartSeries& s : data.series) {
        Range& r = onSecondaryAxis(s) ? secondary : primary;
        hasSecondary = hasSecondary || onSecondaryAxis(s);
        for (const ChartPoint& p : s.points) {
            if (!p.y)
                continue;
            if (!onSecondaryAxis(s) && std::abs(*p.y - std::round(*p.y)) > 1e-9)
                integers = false;
            if (s.style == u"stacked"_s) {
                const qsizetype i = cats.indexOf(p.x);
                (*p.y >= 0 ? stackedPositive : stackedNegative)[i] += *p.y;
            } else {
                r.include(*p.y);
            }
        }
    }
    for (qsizetype i = 0; i < cats.size(); ++i) {
        primary.include(stackedPositive[i]);
        primary.include(stackedNegative[i]);
    }

    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(cats);
    categoryAxis->setTitleText(data.xTitle);
    categoryAxis->setTruncateLabels(false); // "FY2025-Q1" in full, never "FY..."
    QCategoryAxis* yAxis = valueAxis(primary, data, integers);
    yAxis->setTitleText(data.yTitle);
    const bool rtl = QGuiApplication::layoutDirection() == Qt::RightToLeft;
    if (rtl)
        chart->setMargins(QMargins(28, 6, 12, 6));
    if (horizontal) {
        chart->addAxis(categoryAxis, rtl ? Qt::AlignRight : Qt::AlignLeft);
        chart->addAxis(yAxis, Qt::AlignBottom);
        if (rtl) // the bars grow from the right, as the text runs
            yAxis->setReverse(true);
    } else {
        chart->addAxis(categoryAxis, Qt::AlignBottom);
        chart->addAxis(yAxis, rtl ? Qt::AlignRight : Qt::AlignLeft);
        // Many quarters: the labels turn so that they do not run into each other.
        if (cats.size() > 12)
            categoryAxis->setLabelsAngle(-90);
    }
    QCategoryAxis* rightAxis = nullptr;
    if (hasSecondary) {
        ChartData percent;
        rightAxis = valueAxis(Range{0, std::max(100.0, secondary.max)}, percent, false);
        rightAxis->setTitleText(tr("Verified within 30 days (%)"));
        chart->addAxis(rightAxis, rtl ? Qt::AlignLeft : Qt::AlignRight);
        rightAxis->setGridLineVisible(false);
    }

    const auto attach = [&](QAbstractSeries* series, bool secondaryAxis) {
        chart->addSeries(series);
        series->attachAxis(categoryAxis);
        series->attachAxis(secondaryAxis && rightAxis ? rightAxis : yAxis);
    };

    QAbstractBarSeries* bars = nullptr;
    QAbstractBarSeries* stacked = nullptr;
    struct BarColumns {
        QStringList names;
        QList<QList<double>> values;
        QList<const ChartSeries*> series;
    };
    BarColumns barColumns;
    BarColumns stackedColumns;
    QList<QAbstractSeries*> afterBars; // lines and markers go over the bars
    for (const ChartSeries& s : data.series) {
        const RoleStyle look = ChartPalette::style(s.role);
        if (s.style == u"bar"_s || s.style == u"stacked"_s) {
            QAbstractBarSeries*& group = s.style == u"bar"_s ? bars : stacked;
            if (!group) {
                if (s.style == u"bar"_s)
                    group = new QBarSeries;
                else if (horizontal)
                    group = new QHorizontalStackedBarSeries;
                else
                    group = new QStackedBarSeries;
                group->setBarWidth(horizontal ? 0.6 : 0.75);
            }
            // The values go to the group's model; the mapper makes the set (styled below).
            BarColumns& columns = s.style == u"bar"_s ? barColumns : stackedColumns;
            columns.names << s.name;
            columns.values << yValues(s, cats);
            columns.series << &s;
            continue;
        }
        QXYSeries* xy = nullptr;
        if (s.style == u"marker"_s) {
            auto* scatter = new QScatterSeries;
            scatter->setMarkerShape(markerShape(look.marker));
            scatter->setMarkerSize(look.marker == RoleStyle::Marker::Star ? 16 : 12);
            scatter->setColor(look.colour);
            scatter->setBorderColor(look.colour == ChartPalette::Black ? Qt::white
                                                                       : QColor(Qt::black));
            if (s.role == u"due"_s) { // not yet: hollow
                scatter->setBrush(QBrush(Qt::white));
                scatter->setBorderColor(look.colour.darker(150));
            }
            xy = scatter;
        } else {
            auto* line = new QLineSeries;
            QPen pen = ChartPalette::pen(s.role);
            if (s.style == u"dashed"_s && pen.style() == Qt::SolidLine)
                pen.setStyle(Qt::DashLine);
            line->setPen(pen);
            // A point with no neighbour draws no line: show the points of such a series.
            bool isolated = false;
            for (qsizetype i = 0; i < s.points.size(); ++i) {
                if (s.points[i].y && !(i > 0 && s.points[i - 1].y) &&
                    !(i + 1 < s.points.size() && s.points[i + 1].y))
                    isolated = true;
            }
            line->setPointsVisible(isolated);
            xy = line;
        }
        xy->setName(s.name);
        QList<double> xs;
        QList<double> ys;
        std::optional<double> previous;
        const auto add = [&](double category, double value) {
            xs << (horizontal ? value : category);
            ys << (horizontal ? category : value);
        };
        for (const ChartPoint& p : s.points) {
            const qsizetype i = cats.indexOf(p.x);
            if (i < 0 || !p.y)
                continue;
            // A step holds its value until the next one: a vertical rise at the new category.
            if (s.style == u"step"_s && previous && *previous != *p.y)
                add(double(i), *previous);
            add(double(i), *p.y);
            previous = p.y;
        }
        // Bound through a model, as every chart's data is.
        auto* model = new ChartTableModel(chart);
        model->setColumns({u"x"_s, u"y"_s}, {xs, ys});
        auto* mapper = new QVXYModelMapper(chart);
        mapper->setXColumn(0);
        mapper->setYColumn(1);
        mapper->setSeries(xy);
        mapper->setModel(model);
        xy->setProperty(LabelsProperty, labels(s, cats));
        xy->setProperty(RoleProperty, s.role);
        afterBars << xy;
        xy->setProperty("dliSecondary", onSecondaryAxis(s));
    }
    // Each bar set is a column of the group's model; the mapper makes the sets, styled here.
    const auto mapBars = [&](QAbstractBarSeries* group, const BarColumns& columns) {
        if (!group)
            return;
        auto* model = new ChartTableModel(chart);
        model->setColumns(columns.names, columns.values);
        auto* mapper = new QVBarModelMapper(chart);
        mapper->setFirstBarSetColumn(0);
        mapper->setLastBarSetColumn(static_cast<int>(columns.names.size()) - 1);
        mapper->setSeries(group);
        mapper->setModel(model);
        const QList<QBarSet*> sets = group->barSets();
        for (qsizetype k = 0; k < sets.size() && k < columns.series.size(); ++k) {
            const ChartSeries& s = *columns.series[k];
            const RoleStyle look = ChartPalette::style(s.role);
            sets[k]->setBrush(ChartPalette::brush(s.role));
            sets[k]->setPen(QPen(look.colour.darker(140), 0.8));
            sets[k]->setProperty(LabelsProperty, labels(s, cats));
            sets[k]->setProperty(RoleProperty, s.role);
        }
    };
    mapBars(bars, barColumns);
    mapBars(stacked, stackedColumns);
    if (bars)
        attach(bars, false);
    if (stacked) {
        chart->addSeries(stacked);
        stacked->attachAxis(categoryAxis);
        stacked->attachAxis(yAxis);
    }
    for (QAbstractSeries* s : afterBars)
        attach(s, s->property("dliSecondary").toBool());

    // A series with nothing drawn (no deadline missed) stays out of the legend.
    for (QAbstractSeries* series : chart->series()) {
        auto* xy = qobject_cast<QXYSeries*>(series);
        if (xy && xy->count() == 0) {
            for (QLegendMarker* m : chart->legend()->markers(series))
                m->setVisible(false);
        }
    }
    QFont axisTitle = yAxis->titleFont();
    axisTitle.setPointSizeF(axisTitle.pointSizeF() * 0.9);
    axisTitle.setBold(false);
    for (QAbstractAxis* axis : chart->axes())
        axis->setTitleFont(axisTitle);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true);
    return chart;
}

} // namespace dli::ui
