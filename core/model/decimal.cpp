#include "core/model/decimal.h"

#include "core/model/int128.h"

#include <QLocale>
#include <algorithm>
#include <limits>
#include <stdexcept>

namespace dli {

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

// 10^n for small n, as a 128-bit integer.
Int128 pow10(int n)
{
    Int128 p = 1;
    for (int i = 0; i < n; ++i)
        p *= 10;
    return p;
}

std::int64_t checkedNarrow(Int128 v)
{
    if (v > kMax || v < -kMax)
        throw std::overflow_error("decimal value out of range");
    return static_cast<std::int64_t>(v);
}

// Divides rounding half away from zero.
Int128 divRound(Int128 num, Int128 den)
{
    if (den == 0)
        throw std::domain_error("division by zero");
    const bool negative = (num < 0) != (den < 0);
    const Int128 n = num < 0 ? -num : num;
    const Int128 d = den < 0 ? -den : den;
    Int128 q = n / d;
    if ((n % d) * 2 >= d)
        ++q;
    return negative ? -q : q;
}

} // namespace

Result<std::int64_t> parseScaledDecimal(QStringView text, int scale)
{
    const QStringView t = text.trimmed();
    auto notANumber = [&] {
        return Error(ErrorCode::InvalidInput,
                     Decimal::tr("expected a number, got \"%1\"").arg(text.toString()));
    };
    if (t.isEmpty())
        return notANumber();
    qsizetype i = 0;
    bool negative = false;
    if (t[i] == u'-' || t[i] == u'+') {
        negative = t[i] == u'-';
        ++i;
    }
    Int128 mantissa = 0;
    int digits = 0;
    int fraction = 0;
    bool seenPoint = false;
    for (; i < t.size(); ++i) {
        const QChar c = t[i];
        if (c.isDigit() && c.unicode() < 128) {
            if (mantissa > pow10(30))
                return Error(ErrorCode::InvalidInput,
                             Decimal::tr("the number %1 is too large").arg(t.toString()));
            mantissa = mantissa * 10 + (c.unicode() - u'0');
            ++digits;
            if (seenPoint)
                ++fraction;
        } else if (c == u'.' && !seenPoint) {
            seenPoint = true;
        } else {
            break;
        }
    }
    if (digits == 0)
        return notANumber();
    int exponent = 0;
    if (i < t.size() && (t[i] == u'e' || t[i] == u'E')) {
        ++i;
        bool ok = false;
        exponent = t.mid(i).toInt(&ok);
        if (!ok || exponent > 30 || exponent < -30)
            return notANumber();
        i = t.size();
    }
    if (i != t.size())
        return notANumber();
    // value = mantissa * 10^(exponent - fraction); scaled = value * 10^scale
    const int shift = scale + exponent - fraction;
    // 10^38 is the largest power of ten an Int128 holds; the mantissa is below 10^32.
    constexpr int kMaxShift = 38;
    Int128 scaled = mantissa;
    if (mantissa == 0) {
        // zero, however many zeros or whatever exponent it is written with
    } else if (shift >= 0) {
        if (shift > kMaxShift || mantissa > kMax / pow10(shift))
            return Error(ErrorCode::InvalidInput,
                         Decimal::tr("the number %1 is too large").arg(t.toString()));
        scaled *= pow10(shift);
    } else {
        // Beyond 10^38 no nonzero mantissa is a multiple, so the digits cannot all fit.
        const Int128 p = pow10(std::min(-shift, kMaxShift));
        if (-shift > kMaxShift || scaled % p != 0) {
            return Error(
                ErrorCode::InvalidInput,
                scale == 0
                    ? Decimal::tr("%1 has decimals; only whole units are allowed").arg(t.toString())
                    : Decimal::tr("%1 has more than %2 decimal places")
                          .arg(t.toString())
                          .arg(scale));
        }
        scaled /= p;
    }
    if (scaled > kMax)
        return Error(ErrorCode::InvalidInput,
                     Decimal::tr("the number %1 is too large").arg(t.toString()));
    const auto v = static_cast<std::int64_t>(scaled);
    return negative ? -v : v;
}

QString formatScaledDecimal(std::int64_t scaled, int scale, bool minimal)
{
    const bool negative = scaled < 0;
    const auto magnitude = static_cast<unsigned long long>(negative ? -(Int128)scaled : scaled);
    QString digits = QString::number(magnitude);
    if (scale > 0) {
        if (digits.size() <= scale)
            digits = QString(scale - digits.size() + 1, u'0') + digits;
        QString whole = digits.left(digits.size() - scale);
        QString frac = digits.right(scale);
        if (minimal) {
            while (!frac.isEmpty() && frac.endsWith(u'0'))
                frac.chop(1);
        }
        digits = frac.isEmpty() ? whole : whole + u'.' + frac;
    }
    return negative && magnitude != 0 ? u'-' + digits : digits;
}

Decimal Decimal::fromInt(std::int64_t whole)
{
    return fromUnits(checkedNarrow(static_cast<Int128>(whole) * Factor));
}

Result<Decimal> Decimal::parse(QStringView text)
{
    auto scaled = parseScaledDecimal(text, Scale);
    if (!scaled)
        return scaled.error();
    return fromUnits(scaled.value());
}

Result<Decimal> Decimal::fromJsonNumber(double value)
{
    return parse(QString::number(value, 'f', QLocale::FloatingPointShortest));
}

Result<Decimal> Decimal::fromDoubleRounded(double value)
{
    if (!(value == value) || value > 9e12 || value < -9e12)
        return Error(
            ErrorCode::InvalidInput,
            tr("the result %1 is not a finite number in range").arg(QString::number(value)));
    // Round the shortest decimal spelling (the number the double stands for) half away from
    // zero, so 0.1234565 becomes 0.123457 whatever its binary neighbour is.
    QString text = QString::number(value, 'f', QLocale::FloatingPointShortest);
    bool roundUp = false;
    const qsizetype point = text.indexOf(u'.');
    if (point >= 0 && text.size() - point - 1 > Scale) {
        roundUp = text.at(point + 1 + Scale) >= u'5';
        text.truncate(point + 1 + Scale);
    }
    auto truncated = parse(text);
    if (!truncated)
        return truncated.error();
    if (!roundUp)
        return truncated;
    const Decimal ulp = fromUnits(1);
    return truncated->isNegative() || text.startsWith(u'-') ? truncated.value() - ulp
                                                            : truncated.value() + ulp;
}

Decimal Decimal::operator-() const
{
    return fromUnits(checkedNarrow(-static_cast<Int128>(m_units)));
}

Decimal Decimal::operator+(Decimal other) const
{
    return fromUnits(checkedNarrow(static_cast<Int128>(m_units) + other.m_units));
}

Decimal Decimal::operator-(Decimal other) const
{
    return fromUnits(checkedNarrow(static_cast<Int128>(m_units) - other.m_units));
}

Decimal Decimal::operator*(Decimal other) const
{
    return fromUnits(checkedNarrow(divRound(static_cast<Int128>(m_units) * other.m_units, Factor)));
}

Decimal Decimal::operator/(Decimal other) const
{
    return fromUnits(checkedNarrow(divRound(static_cast<Int128>(m_units) * Factor, other.m_units)));
}

QString Decimal::toGroupedString() const
{
    // Separators on the exact digits, never through a double.
    QString text = toString();
    const bool negative = text.startsWith(u'-');
    if (negative)
        text.remove(0, 1);
    const qsizetype point = text.indexOf(u'.');
    QString whole = point < 0 ? text : text.left(point);
    for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
        whole.insert(i, u',');
    return (negative ? QStringLiteral("-") : QString()) + whole +
           (point < 0 ? QString() : text.mid(point));
}

} // namespace dli
