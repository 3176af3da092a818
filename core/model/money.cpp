#include "core/model/money.h"

#include "core/model/int128.h"

#include <QLocale>
#include <limits>
#include <stdexcept>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

std::int64_t narrow(Int128 v)
{
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    if (v > kMax || v < -kMax)
        throw std::overflow_error("amount out of range");
    return static_cast<std::int64_t>(v);
}

// Truncates toward zero, which C++ integer division already does.
std::int64_t truncDiv(Int128 num, Int128 den)
{
    if (den == 0)
        throw std::domain_error("division by zero");
    return narrow(num / den);
}

QString groupThousands(const QString& digits)
{
    QString out;
    const qsizetype n = digits.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += u',';
        out += digits[i];
    }
    return out;
}

} // namespace

Result<Money> Money::parse(QStringView text, int minorDigits)
{
    auto scaled = parseScaledDecimal(text, minorDigits);
    if (!scaled)
        return scaled.error();
    return fromMinor(scaled.value());
}

Result<Money> Money::fromJsonNumber(double value, int minorDigits)
{
    return parse(QString::number(value, 'f', QLocale::FloatingPointShortest), minorDigits);
}

QString Money::toPlainString(int minorDigits) const
{
    return formatScaledDecimal(m_minor, minorDigits, false);
}

QString Money::format(const Currency& currency) const
{
    const QString plain = toPlainString(currency.minorDigits);
    const bool negative = plain.startsWith(u'-');
    const QString unsignedText = negative ? plain.mid(1) : plain;
    const qsizetype point = unsignedText.indexOf(u'.');
    const QString whole = point < 0 ? unsignedText : unsignedText.left(point);
    const QString frac = point < 0 ? QString() : unsignedText.mid(point);
    return (negative ? u"-"_s : QString()) + currency.symbol + groupThousands(whole) + frac;
}

QString Money::formatShort(const Currency& currency) const
{
    std::int64_t unit = 1;
    for (int i = 0; i < currency.minorDigits; ++i)
        unit *= 10;
    const double units = static_cast<double>(m_minor) / static_cast<double>(unit);
    const double magnitude = units < 0 ? -units : units;
    const QString sign = units < 0 ? u"-"_s : QString();
    if (magnitude >= 1e9)
        return sign + currency.symbol + QString::number(magnitude / 1e9, 'f', 2) + u" bn"_s;
    if (magnitude >= 1e6)
        return sign + currency.symbol + QString::number(magnitude / 1e6, 'f', 1) + u" m"_s;
    return sign + currency.symbol +
           groupThousands(QString::number(static_cast<std::int64_t>(magnitude)));
}

Money Money::mulRatio(Decimal numerator, Decimal denominator) const
{
    return fromMinor(truncDiv(static_cast<Int128>(m_minor) * numerator.units(),
                              static_cast<Int128>(denominator.units())));
}

Money Money::mulDecimal(Decimal factor) const
{
    return fromMinor(truncDiv(static_cast<Int128>(m_minor) * factor.units(), Decimal::Factor));
}

Money Money::operator-() const
{
    return fromMinor(narrow(-static_cast<Int128>(m_minor)));
}

Money Money::operator+(Money other) const
{
    return fromMinor(narrow(static_cast<Int128>(m_minor) + other.m_minor));
}

Money Money::operator-(Money other) const
{
    return fromMinor(narrow(static_cast<Int128>(m_minor) - other.m_minor));
}

Money min(Money a, Money b)
{
    return a < b ? a : b;
}

Money max(Money a, Money b)
{
    return a < b ? b : a;
}

} // namespace dli
