// One look per meaning across all charts: the colour, dash pattern, brush pattern and marker of a
// series' role (ChartSeries::role), and the labels of a money axis. The colours are Okabe and
// Ito's, which colour-blind readers tell apart; neighbours also differ in dash or brush pattern,
// so that a greyscale print keeps them apart too.
#pragma once

#include <QBrush>
#include <QColor>
#include <QPen>
#include <QString>

namespace dli::ui {

struct RoleStyle {
    QColor colour;
    Qt::PenStyle pen = Qt::SolidLine;        // lines, steps and marker outlines
    Qt::BrushStyle brush = Qt::SolidPattern; // bars
    enum class Marker { Circle, Square, Triangle, Star } marker = Marker::Circle;
    qreal width = 2.5; // line width in pixels
};

class ChartPalette {
public:
    // The Okabe-Ito colours.
    static const QColor Black, Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion,
        ReddishPurple, Grey;

    // The look of a role; an unknown role gets a neutral grey line.
    static RoleStyle style(const QString& role);
    static QPen pen(const QString& role);
    // Bars: the role's colour with its brush pattern, on white where it is a pattern.
    static QBrush brush(const QString& role);

    // A money axis label: "US$ 0", "US$ 250,000", "US$ 3.2 m", "US$ 1.25 bn". `step` is the
    // distance between the axis' ticks: it sets how many decimals the ticks need to differ;
    // `axisMax`, the largest tick, sets the unit of the whole axis (millions, billions).
    static QString moneyLabel(double value, const QString& currencyCode, double step = 0,
                              double axisMax = 0);
    // A plain number with thousands separators and as many decimals as `step` needs.
    static QString numberLabel(double value, double step = 0);
    // A "nice" tick distance for a range split in about `ticks` parts: 1, 2, 2.5 or 5 x 10^k.
    static double niceStep(double range, int ticks = 5);
};

} // namespace dli::ui
