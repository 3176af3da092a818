#pragma once

#include "core/model/currency.h"
#include "core/model/decimal.h"
#include "core/result.h"

#include <compare>
#include <cstdint>

namespace dli {

// An exact amount in integer minor units of the program's currency (cents for US dollars).
// Computed shares are truncated toward zero: the program never claims a cent more than earned.
class Money {
    Q_DECLARE_TR_FUNCTIONS(Money)
public:
    constexpr Money() = default;
    static constexpr Money fromMinor(std::int64_t minor)
    {
        Money m;
        m.m_minor = minor;
        return m;
    }

    // Reads "1234567.89" exactly; more decimals than the currency has is refused.
    static Result<Money> parse(QStringView text, int minorDigits);
    // Reads a JSON number through its shortest decimal spelling (see Decimal::fromJsonNumber).
    static Result<Money> fromJsonNumber(double value, int minorDigits);

    std::int64_t minor() const { return m_minor; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    // Plain decimal text with all minor digits: "1234567.89", "-0.50", "1000" for yen.
    QString toPlainString(int minorDigits) const;
    // For people: "US$1,234,567.89".
    QString format(const Currency& currency) const;
    // Compact, for charts and summaries: "US$3.2 m", "US$850,000".
    QString formatShort(const Currency& currency) const;

    // this * numerator / denominator, truncated toward zero to the minor unit.
    Money mulRatio(Decimal numerator, Decimal denominator) const;
    // this * factor, truncated toward zero to the minor unit.
    Money mulDecimal(Decimal factor) const;

    Money operator-() const;
    Money operator+(Money other) const;
    Money operator-(Money other) const;
    Money& operator+=(Money other) { return *this = *this + other; }
    Money& operator-=(Money other) { return *this = *this - other; }

    friend constexpr auto operator<=>(Money, Money) = default;
    friend constexpr bool operator==(Money, Money) = default;

private:
    std::int64_t m_minor = 0;
};

Money min(Money a, Money b);
Money max(Money a, Money b);

} // namespace dli
