#include "ui/charts/chart_palette.h"

#include "core/model/currency.h"

#include <QHash>
#include <QLocale>
#include <cmath>

using namespace Qt::StringLiterals;

namespace dli::ui {

const QColor ChartPalette::Black{0x00, 0x00, 0x00};
const QColor ChartPalette::Orange{0xE6, 0x9F, 0x00};
const QColor ChartPalette::SkyBlue{0x56, 0xB4, 0xE9};
const QColor ChartPalette::BluishGreen{0x00, 0x9E, 0x73};
const QColor ChartPalette::Yellow{0xF0, 0xE4, 0x42};
const QColor ChartPalette::Blue{0x00, 0x72, 0xB2};
const QColor ChartPalette::Vermillion{0xD5, 0x5E, 0x00};
const QColor ChartPalette::ReddishPurple{0xCC, 0x79, 0xA7};
const QColor ChartPalette::Grey{0x99, 0x99, 0x99};

RoleStyle ChartPalette::style(const QString& role)
{
    using M = RoleStyle::Marker;
    // Neighbours in one chart differ in more than hue: the stacked bars of the disbursement
    // chart alternate solid and hatched fills, the lines alternate solid, dashed and dotted.
    static const QHash<QString, RoleStyle> styles{
        // achieved values, targets and what frames them
        {u"verified"_s, {Blue, Qt::SolidLine, Qt::SolidPattern, M::Circle, 2.5}},
        {u"reported"_s, {SkyBlue, Qt::DashLine, Qt::Dense3Pattern, M::Circle, 2.5}},
        {u"target"_s, {Black, Qt::SolidLine, Qt::NoBrush, M::Square, 1.5}},
        {u"baseline"_s, {Grey, Qt::DotLine, Qt::NoBrush, M::Circle, 1.5}},
        {u"value"_s, {Blue, Qt::SolidLine, Qt::SolidPattern, M::Circle, 2.5}},
        {u"year_to_date"_s, {Orange, Qt::DashLine, Qt::NoBrush, M::Circle, 2.0}},
        // deadlines
        {u"met"_s, {BluishGreen, Qt::SolidLine, Qt::SolidPattern, M::Circle, 1.5}},
        {u"missed"_s, {Vermillion, Qt::SolidLine, Qt::SolidPattern, M::Triangle, 1.5}},
        {u"pending"_s, {Orange, Qt::SolidLine, Qt::SolidPattern, M::Square, 1.5}},
        {u"due"_s, {Grey, Qt::SolidLine, Qt::NoBrush, M::Circle, 1.5}},
        // money
        {u"disbursed"_s, {Blue, Qt::SolidLine, Qt::SolidPattern, M::Circle, 2.5}},
        {u"payable"_s, {BluishGreen, Qt::DashLine, Qt::Dense2Pattern, M::Circle, 2.5}},
        {u"recovered"_s, {ReddishPurple, Qt::DashDotLine, Qt::SolidPattern, M::Circle, 2.0}},
        {u"available"_s, {SkyBlue, Qt::DotLine, Qt::BDiagPattern, M::Circle, 2.0}},
        {u"pending_reallocation"_s, {Yellow, Qt::DashDotDotLine, Qt::SolidPattern, M::Circle, 2.0}},
        {u"cancelled"_s, {Vermillion, Qt::SolidLine, Qt::DiagCrossPattern, M::Circle, 2.0}},
        {u"earned"_s, {BluishGreen, Qt::DashLine, Qt::SolidPattern, M::Circle, 2.5}},
        {u"allocation"_s, {Black, Qt::DashDotLine, Qt::NoBrush, M::Star, 1.5}},
        // verification
        {u"submitted"_s, {SkyBlue, Qt::SolidLine, Qt::SolidPattern, M::Circle, 2.0}},
        {u"rejected"_s, {Vermillion, Qt::SolidLine, Qt::BDiagPattern, M::Circle, 2.0}},
        {u"queried"_s, {Orange, Qt::SolidLine, Qt::Dense3Pattern, M::Circle, 2.0}},
        {u"within30"_s, {Black, Qt::DashLine, Qt::NoBrush, M::Circle, 2.0}},
    };
    return styles.value(role, RoleStyle{Grey, Qt::SolidLine, Qt::SolidPattern, M::Circle, 2.0});
}

QPen ChartPalette::pen(const QString& role)
{
    const RoleStyle s = style(role);
    QPen p(s.colour, s.width, s.pen, Qt::FlatCap, Qt::MiterJoin);
    return p;
}

QBrush ChartPalette::brush(const QString& role)
{
    const RoleStyle s = style(role);
    return QBrush(s.colour, s.brush == Qt::NoBrush ? Qt::SolidPattern : s.brush);
}

double ChartPalette::niceStep(double range, int ticks)
{
    if (!(range > 0) || ticks < 1)
        return 1;
    const double raw = range / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m * magnitude >= raw)
            return m * magnitude;
    }
    return 10 * magnitude;
}

namespace {

// The decimals a tick label needs so that ticks `step` apart (in the label's unit) differ.
int decimalsFor(double step)
{
    if (!(step > 0) || step >= 1)
        return 0;
    return std::min(6, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
}

// The user's locale, with thousands separators even in the C locale (which omits them).
QLocale axisLocale()
{
    QLocale locale;
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    return locale;
}

} // namespace

QString ChartPalette::numberLabel(double value, double step)
{
    const QLocale locale = axisLocale();
    if (std::abs(value) < 1e-9)
        value = 0; // never "-0"
    return locale.toString(value, 'f', decimalsFor(step));
}

QString ChartPalette::moneyLabel(double value, const QString& currencyCode, double step,
                                 double axisMax)
{
    const auto currency = Currency::forCode(currencyCode);
    QString symbol = currency ? currency->symbol.trimmed() : currencyCode;
    if (!symbol.isEmpty())
        symbol += u' ';
    if (std::abs(value) < 1e-9)
        value = 0;
    const QString sign = value < 0 ? u"-"_s : QString();
    const double magnitude = std::abs(value);
    // One unit for the whole axis, from its largest tick, so that its labels do not switch from
    // "900,000" to "1.0 m"; 0 stays "0".
    const double scale = std::max(magnitude, std::abs(axisMax));
    const QLocale locale = axisLocale();
    const auto scaled = [&](double unit, const QString& suffix) {
        const int decimals = step > 0 ? decimalsFor(step / unit) : 1;
        return sign + symbol + locale.toString(magnitude / unit, 'f', decimals) + suffix;
    };
    if (magnitude == 0)
        return symbol + u"0"_s;
    if (scale >= 1e9)
        return scaled(1e9, u" bn"_s);
    if (scale >= 1e6)
        return scaled(1e6, u" m"_s);
    return sign + symbol + locale.toString(magnitude, 'f', step > 0 ? decimalsFor(step) : 0);
}

} // namespace dli::ui
