#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>
#include <compare>
#include <cstdint>

namespace dli {

// Parses decimal text ("-1234.5", "1e3") into an integer scaled by 10^scale, exactly.
// Shared by Decimal and Money so that both read numbers the same way.
// Fails with a message when the text is not a number, has more than `scale` fractional
// digits, or does not fit.
Result<std::int64_t> parseScaledDecimal(QStringView text, int scale);

// Formats an integer scaled by 10^scale as decimal text; minimal strips trailing zeros.
QString formatScaledDecimal(std::int64_t scaled, int scale, bool minimal);

// An exact decimal with six fractional digits, for indicator values, targets and shares.
// Never binary floating point, so that A >= T is never decided by a rounding error.
class Decimal {
    Q_DECLARE_TR_FUNCTIONS(Decimal)
public:
    static constexpr int Scale = 6;
    static constexpr std::int64_t Factor = 1'000'000;

    constexpr Decimal() = default;
    static constexpr Decimal fromUnits(std::int64_t units)
    {
        Decimal d;
        d.m_units = units;
        return d;
    }
    static Decimal fromInt(std::int64_t whole);

    // Exact reading of decimal text; more than six fractional digits is refused.
    static Result<Decimal> parse(QStringView text);
    // A JSON number arrives as a double: it is read through its shortest decimal spelling,
    // which gives back the digits that were written in the file.
    static Result<Decimal> fromJsonNumber(double value);
    // Rounds half away from zero to six decimals (muParser's results, which are binary).
    static Result<Decimal> fromDoubleRounded(double value);

    std::int64_t units() const { return m_units; }
    bool isZero() const { return m_units == 0; }
    bool isNegative() const { return m_units < 0; }
    bool isInteger() const { return m_units % Factor == 0; }
    double toDouble() const { return static_cast<double>(m_units) / Factor; }

    // "72", "0.533333", "-1.5": no trailing zeros.
    QString toString() const { return formatScaledDecimal(m_units, Scale, true); }
    // toString() with thousands separators: "275,000,000", "-1,234.5".
    QString toGroupedString() const;

    Decimal operator-() const;
    Decimal operator+(Decimal other) const;
    Decimal operator-(Decimal other) const;
    Decimal& operator+=(Decimal other) { return *this = *this + other; }
    Decimal& operator-=(Decimal other) { return *this = *this - other; }
    // Products and quotients are rounded half away from zero to six decimals.
    Decimal operator*(Decimal other) const;
    Decimal operator/(Decimal other) const;

    friend constexpr auto operator<=>(Decimal, Decimal) = default;
    friend constexpr bool operator==(Decimal, Decimal) = default;

private:
    std::int64_t m_units = 0;
};

} // namespace dli
