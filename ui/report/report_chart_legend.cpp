#include "ui/report/report_chart_legend.h"

#include "ui/report/report_style.h"

#include <QChart>
#include <QFontMetricsF>
#include <QLegend>
#include <QLegendMarker>
#include <QPainter>
#include <QPolygonF>
#include <QScatterSeries>
#include <QXYSeries>
#include <algorithm>
#include <cmath>

namespace dli::ui {

namespace {

constexpr qreal Gap = 5;        // mm between entries
constexpr qreal LabelGap = 1.4; // mm between a swatch and its label

QFont legendFont()
{
    return ReportStyle::sans(ReportStyle::SmallSize);
}

} // namespace

ReportChartLegend ReportChartLegend::take(QChart& chart)
{
    ReportChartLegend out;
    QLegend& legend = *chart.legend();
    if (!legend.isVisible())
        return out;
    for (QLegendMarker* marker : legend.markers()) {
        if (!marker->isVisible())
            continue;
        Entry e{marker->label(), marker->brush(), marker->pen(), Swatch::Box, 0};
        if (const auto* scatter = qobject_cast<const QScatterSeries*>(marker->series())) {
            e.brush = scatter->brush();
            e.pen = scatter->pen();
            e.markerSize = scatter->markerSize();
            switch (scatter->markerShape()) {
            case QScatterSeries::MarkerShapeRectangle:
                e.swatch = Swatch::Square;
                break;
            case QScatterSeries::MarkerShapeTriangle:
                e.swatch = Swatch::Triangle;
                break;
            case QScatterSeries::MarkerShapeStar:
                e.swatch = Swatch::Star;
                break;
            default:
                e.swatch = Swatch::Circle;
                break;
            }
        } else if (const auto* line = qobject_cast<const QXYSeries*>(marker->series())) {
            e.pen = line->pen();
            e.swatch = Swatch::Line;
        }
        out.m_entries << e;
    }
    legend.hide();
    return out;
}

qreal ReportChartLegend::swatchWidth(const ReportStyle& style, Swatch swatch)
{
    return style.mm(swatch == Swatch::Line ? 7 : 3);
}

QList<QList<qsizetype>> ReportChartLegend::lines(const ReportStyle& style, qreal width,
                                                 QList<qreal>& widths) const
{
    const QFontMetricsF fm(legendFont(), &style.device());
    QList<QList<qsizetype>> out{{}};
    qreal x = 0;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        widths << swatchWidth(style, m_entries[i].swatch) + style.mm(LabelGap) +
                      fm.horizontalAdvance(m_entries[i].label);
        if (!out.last().isEmpty() && x + widths[i] > width) {
            out << QList<qsizetype>{};
            x = 0;
        }
        out.last() << i;
        x += widths[i] + style.mm(Gap);
    }
    return out;
}

qreal ReportChartLegend::height(const ReportStyle& style, qreal width) const
{
    if (isEmpty())
        return 0;
    QList<qreal> widths;
    const QFontMetricsF fm(legendFont(), &style.device());
    return qreal(lines(style, width, widths).size()) * fm.height() * 1.5;
}

void ReportChartLegend::draw(QPainter& painter, const ReportStyle& style, const QRectF& area,
                             qreal chartScale) const
{
    QList<qreal> widths;
    const QList<QList<qsizetype>> rows = lines(style, area.width(), widths);
    const QFont font = legendFont();
    const QFontMetricsF fm(font, &style.device());
    const qreal lineHeight = fm.height() * 1.5;
    painter.save();
    painter.setFont(font);
    qreal y = area.top();
    for (const QList<qsizetype>& row : rows) {
        qreal rowWidth = -style.mm(Gap);
        for (qsizetype i : row)
            rowWidth += widths[i] + style.mm(Gap);
        qreal x = area.center().x() - rowWidth / 2; // centred, as Qt Charts centres its legend
        for (qsizetype i : row) {
            const Entry& e = m_entries[i];
            const QSizeF size(swatchWidth(style, e.swatch), style.mm(3));
            // In the chart's units, so that pens and hatching match the chart's.
            painter.save();
            painter.translate(x, y + (lineHeight - size.height()) / 2);
            painter.scale(chartScale, chartScale);
            drawSwatch(painter, e, size / chartScale);
            painter.restore();
            painter.setPen(ReportStyle::text());
            painter.drawText(QPointF(x + size.width() + style.mm(LabelGap),
                                     y + (lineHeight - fm.height()) / 2 + fm.ascent()),
                             e.label);
            x += widths[i] + style.mm(Gap);
        }
        y += lineHeight;
    }
    painter.restore();
}

void ReportChartLegend::drawSwatch(QPainter& painter, const Entry& e, const QSizeF& size)
{
    const QRectF box(QPointF(0, 0), size);
    const QPointF centre = box.center();
    if (e.swatch == Swatch::Box) {
        painter.fillRect(box, Qt::white);
        painter.setPen(e.pen);
        painter.setBrush(e.brush);
        painter.drawRect(box);
        return;
    }
    if (e.swatch == Swatch::Line) {
        painter.setPen(e.pen);
        painter.drawLine(QPointF(0, centre.y()), QPointF(size.width(), centre.y()));
        return;
    }
    painter.setPen(e.pen);
    painter.setBrush(e.brush);
    const qreal r = std::min(size.height(), e.markerSize > 0 ? e.markerSize : size.height()) / 2;
    switch (e.swatch) {
    case Swatch::Square:
        painter.drawRect(QRectF(centre - QPointF(r, r), QSizeF(2 * r, 2 * r)));
        break;
    case Swatch::Triangle:
        painter.drawPolygon(
            QPolygonF{centre + QPointF(0, -r), centre + QPointF(r, r), centre + QPointF(-r, r)});
        break;
    case Swatch::Star: {
        QPolygonF star;
        for (int k = 0; k < 10; ++k) {
            const qreal radius = k % 2 == 0 ? r : r * 0.45;
            const qreal angle = -M_PI / 2 + k * M_PI / 5;
            star << centre + QPointF(radius * std::cos(angle), radius * std::sin(angle));
        }
        painter.drawPolygon(star);
        break;
    }
    default:
        painter.drawEllipse(centre, r, r);
        break;
    }
}

} // namespace dli::ui
