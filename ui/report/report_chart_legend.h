// The legend the report draws below each chart, in place of Qt Charts' own: Qt Charts cuts a
// long legend's labels short rather than wrap them, and shows every series as a small square.
// Here entries flow over as many lines as they need, and each shows what the chart draws: a
// bar's fill and hatching, a line's dash pattern, a marker's shape, so that a greyscale print
// can still tell them apart.
#pragma once

#include <QBrush>
#include <QList>
#include <QPen>
#include <QRectF>
#include <QString>

QT_BEGIN_NAMESPACE
class QChart;
class QPainter;
QT_END_NAMESPACE

namespace dli::ui {

class ReportStyle;

class ReportChartLegend {
public:
    // The chart's legend entries; hides the chart's own legend.
    static ReportChartLegend take(QChart& chart);

    bool isEmpty() const { return m_entries.isEmpty(); }
    // Its height at `width` (device units), and drawing it there. `chartScale` is how many
    // device units a pixel of the chart takes, for the swatches' pens and hatching.
    qreal height(const ReportStyle& style, qreal width) const;
    void draw(QPainter& painter, const ReportStyle& style, const QRectF& area,
              qreal chartScale) const;

private:
    enum class Swatch { Box, Line, Circle, Square, Triangle, Star };
    struct Entry {
        QString label;
        QBrush brush;
        QPen pen;
        Swatch swatch = Swatch::Box;
        qreal markerSize = 0; // in chart pixels, for markers
    };
    // Entries (indexes) line by line for `width`, with each entry's width.
    QList<QList<qsizetype>> lines(const ReportStyle& style, qreal width,
                                  QList<qreal>& widths) const;
    static qreal swatchWidth(const ReportStyle& style, Swatch swatch);
    static void drawSwatch(QPainter& painter, const Entry& entry, const QSizeF& size);

    QList<Entry> m_entries;
};

} // namespace dli::ui
