#include "core/model/currency.h"
#include "core/model/decimal.h"
#include "core/model/money.h"
#include "support/test_support.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

using namespace Qt::StringLiterals;
using Catch::Matchers::Contains;
using dli::Currency;
using dli::Decimal;
using dli::Money;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Currency currency(const QString& code)
{
    const auto c = Currency::forCode(code);
    REQUIRE(c.has_value());
    return *c;
}

const Currency& usd()
{
    static const Currency c = currency(u"USD"_s);
    return c;
}

// Minor units read from text that must be accepted.
std::int64_t minorOf(QStringView text, int minorDigits = 2)
{
    const auto result = Money::parse(text, minorDigits);
    INFO("parsing \"" << text.toString().toStdString() << "\" with " << minorDigits
                      << " minor digits");
    if (!result)
        FAIL("refused: " << result.error().message.toStdString());
    return result->minor();
}

std::string refusal(QStringView text, int minorDigits = 2)
{
    const auto result = Money::parse(text, minorDigits);
    INFO("parsing \"" << text.toString().toStdString() << "\" with " << minorDigits
                      << " minor digits");
    if (result)
        FAIL("accepted as " << result->minor() << " minor units");
    CHECK(result.error().code == dli::ErrorCode::InvalidInput);
    return result.error().message.toStdString();
}

std::int64_t jsonMinor(double value, int minorDigits = 2)
{
    const auto result = Money::fromJsonNumber(value, minorDigits);
    INFO("reading " << value << " with " << minorDigits << " minor digits");
    if (!result)
        FAIL("refused: " << result.error().message.toStdString());
    return result->minor();
}

std::string jsonRefusal(double value, int minorDigits = 2)
{
    const auto result = Money::fromJsonNumber(value, minorDigits);
    INFO("reading " << value << " with " << minorDigits << " minor digits");
    if (result)
        FAIL("accepted as " << result->minor() << " minor units");
    return result.error().message.toStdString();
}

Decimal dec(std::int64_t whole)
{
    return Decimal::fromInt(whole);
}

Decimal decUnits(std::int64_t units)
{
    return Decimal::fromUnits(units);
}

Money m(std::int64_t minor)
{
    return Money::fromMinor(minor);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Currency

TEST_CASE("Money: Currency::forCode knows the World Bank currencies", "[money][currency]")
{
    const Currency dollars = currency(u"USD"_s);
    CHECK(dollars.code == u"USD"_s);
    CHECK(dollars.minorDigits == 2);
    CHECK(dollars.symbol == u"US$"_s);

    const Currency rupees = currency(u"PKR"_s);
    CHECK(rupees.code == u"PKR"_s);
    CHECK(rupees.minorDigits == 2);
    CHECK(rupees.symbol == u"PKR "_s);

    const Currency yen = currency(u"JPY"_s);
    CHECK(yen.code == u"JPY"_s);
    CHECK(yen.minorDigits == 0);
    CHECK(yen.symbol == u"JPY "_s);

    const Currency sdr = currency(u"XDR"_s);
    CHECK(sdr.minorDigits == 2);
    CHECK(sdr.symbol == u"SDR "_s);

    CHECK(currency(u"EUR"_s).minorDigits == 2);
    CHECK(currency(u"EUR"_s).symbol == u"EUR "_s);
    CHECK(currency(u"GBP"_s).minorDigits == 2);
    CHECK(currency(u"GBP"_s).symbol == u"GBP "_s);

    CHECK(currency(u"USD"_s) == dollars);
    CHECK_FALSE(dollars == rupees);
}

TEST_CASE("Money: Currency::forCode yields nothing for unknown codes", "[money][currency]")
{
    CHECK_FALSE(Currency::forCode(u"XYZ"_s).has_value());
    CHECK_FALSE(Currency::forCode(QString()).has_value());
    CHECK_FALSE(Currency::forCode(u"US"_s).has_value());
    CHECK_FALSE(Currency::forCode(u"USDX"_s).has_value());
}

TEST_CASE("Money: Currency::knownCodes lists every currency forCode accepts", "[money][currency]")
{
    const QStringList codes = Currency::knownCodes();
    CHECK(codes.size() == 6);
    for (const QString& code : {u"USD"_s, u"PKR"_s, u"EUR"_s, u"GBP"_s, u"XDR"_s, u"JPY"_s}) {
        INFO(code.toStdString());
        CHECK(codes.contains(code));
        CHECK(Currency::forCode(code).has_value());
    }
}

// ---------------------------------------------------------------------------------------------
// Reading

TEST_CASE("Money: parse reads decimal text exactly into minor units", "[money]")
{
    CHECK(minorOf(u"1234567.89") == 123456789);
    CHECK(minorOf(u"1234567.8") == 123456780);
    CHECK(minorOf(u"1234567") == 123456700);
    CHECK(minorOf(u"0.01") == 1);
    CHECK(minorOf(u"0.1") == 10);
    CHECK(minorOf(u"0") == 0);
    CHECK(minorOf(u"19.99") == 1999);
    CHECK(minorOf(u"2500000.00") == 250000000);
    CHECK(minorOf(u"+3") == 300);
    CHECK(minorOf(u"  10.00 ") == 1000);
    CHECK(minorOf(u".5") == 50);
    CHECK(minorOf(u"1e6") == 100000000);
    CHECK(minorOf(u"1.5e3") == 150000);
    CHECK(minorOf(u"25e-2") == 25);
    CHECK(minorOf(u"92233720368547758.07") == kMax);
}

TEST_CASE("Money: parse reads negative amounts", "[money]")
{
    CHECK(minorOf(u"-0.50") == -50);
    CHECK(minorOf(u"-0.01") == -1);
    CHECK(minorOf(u"-1234.5") == -123450);
    CHECK(minorOf(u"-1234567.89") == -123456789);
    CHECK(minorOf(u"-92233720368547758.07") == -kMax);
    const auto zero = Money::parse(u"-0", 2);
    REQUIRE(zero.ok());
    CHECK(zero->isZero());
    CHECK_FALSE(zero->isNegative());
}

TEST_CASE("Money: parse refuses more decimals than a two-digit currency has", "[money]")
{
    for (const char16_t* text : {u"1.234", u"0.001", u"1234567.891", u"-0.005", u"1e-3"}) {
        const std::string msg = refusal(text, 2);
        CHECK_THAT(msg, Contains("more than 2 decimal place"));
    }
    CHECK_THAT(refusal(u"1.234"), Contains("1.234"));
}

TEST_CASE("Money: parse accepts trailing zeros beyond the minor unit (same value)", "[money]")
{
    // A JSON number 1.230 reaches the reader as 1.23; the string spelling is read the same way.
    CHECK(minorOf(u"1.230") == 123);
    CHECK(minorOf(u"5.000000") == 500);
    CHECK(minorOf(u"1000.0", 0) == 1000);
}

TEST_CASE("Money: parse refuses any decimals for a currency without minor units", "[money]")
{
    CHECK(minorOf(u"1000", 0) == 1000);
    CHECK(minorOf(u"-250", 0) == -250);
    CHECK(minorOf(u"1e3", 0) == 1000);
    for (const char16_t* text : {u"1000.5", u"0.1", u"-3.25", u"1e-1"}) {
        const std::string msg = refusal(text, 0);
        CHECK_THAT(msg, Contains("has decimals"));
        CHECK_THAT(msg, Contains("whole units"));
    }
}

TEST_CASE("Money: parse refuses text that is not a number", "[money]")
{
    for (const char16_t* text : {u"", u"  ", u"abc", u"US$5", u"1,000.00", u"12abc", u"1.2.3",
                                 u"--5", u"-", u".", u"five", u"5 USD"}) {
        const std::string msg = refusal(text);
        CHECK_THAT(msg, Contains("expected a number, got"));
    }
    CHECK_THAT(refusal(u"US$5"), Contains("expected a number, got \"US$5\""));
}

TEST_CASE("Money: parse refuses amounts that do not fit", "[money]")
{
    CHECK_THAT(refusal(u"92233720368547758.08"), Contains("too large"));
    CHECK_THAT(refusal(u"-92233720368547758.08"), Contains("too large"));
    CHECK_THAT(refusal(u"1e20"), Contains("too large"));
    CHECK_THAT(refusal(u"123456789012345678901234567890123"), Contains("too large"));
}

TEST_CASE("Money: fromJsonNumber reads the number that was written in the file", "[money]")
{
    // 1234567.89 * 100 is 123456788.99999999 in binary: a naive cast would lose a cent.
    CHECK(jsonMinor(1234567.89) == 123456789);
    CHECK(jsonMinor(19.99) == 1999);
    CHECK(jsonMinor(0.29) == 29);
    CHECK(jsonMinor(1.15) == 115);
    CHECK(jsonMinor(0.1) == 10);
    CHECK(jsonMinor(0.3) == 30);
    CHECK(jsonMinor(2500000.0) == 250000000);
    CHECK(jsonMinor(2500000) == 250000000);
    CHECK(jsonMinor(-0.07) == -7);
    CHECK(jsonMinor(-1234567.89) == -123456789);
    CHECK(jsonMinor(0.0) == 0);
    CHECK(jsonMinor(-0.0) == 0);
    CHECK(jsonMinor(1000.0, 0) == 1000);
    CHECK(jsonMinor(1e6) == 100000000);
}

TEST_CASE("Money: fromJsonNumber refuses computed binary noise and excess decimals", "[money]")
{
    // 0.1 + 0.2 is 0.30000000000000004: not a two-decimal amount.
    CHECK_THAT(jsonRefusal(0.1 + 0.2), Contains("decimal place"));
    CHECK_THAT(jsonRefusal(1.005), Contains("decimal place"));
    CHECK_THAT(jsonRefusal(0.001), Contains("decimal place"));
    CHECK_THAT(jsonRefusal(1000.5, 0), Contains("whole units"));
}

TEST_CASE("Money: fromJsonNumber refuses non-finite, huge and vanishing numbers", "[money]")
{
    CHECK_THAT(jsonRefusal(std::numeric_limits<double>::quiet_NaN()),
               Contains("expected a number"));
    CHECK_THAT(jsonRefusal(std::numeric_limits<double>::infinity()), Contains("expected a number"));
    CHECK_THAT(jsonRefusal(-std::numeric_limits<double>::infinity()),
               Contains("expected a number"));
    CHECK_THAT(jsonRefusal(1e20), Contains("too large"));
    CHECK_THAT(jsonRefusal(1e300), Contains("too large"));
    // Spelled with hundreds of leading fractional zeros; must be refused, not crash.
    CHECK_THAT(jsonRefusal(1e-300), Contains("decimal place"));
    CHECK_THAT(jsonRefusal(5e-324), Contains("decimal place"));
    CHECK_THAT(jsonRefusal(1e-300, 0), Contains("whole units"));
}

// ---------------------------------------------------------------------------------------------
// Writing

TEST_CASE("Money: toPlainString writes every minor digit", "[money]")
{
    CHECK(m(123456789).toPlainString(2) == u"1234567.89"_s);
    CHECK(m(-123456789).toPlainString(2) == u"-1234567.89"_s);
    CHECK(m(-50).toPlainString(2) == u"-0.50"_s);
    CHECK(m(5).toPlainString(2) == u"0.05"_s);
    CHECK(m(-5).toPlainString(2) == u"-0.05"_s);
    CHECK(m(100).toPlainString(2) == u"1.00"_s);
    CHECK(m(0).toPlainString(2) == u"0.00"_s);
    CHECK(m(250000000).toPlainString(2) == u"2500000.00"_s);
    CHECK(m(1000).toPlainString(0) == u"1000"_s);
    CHECK(m(-1000).toPlainString(0) == u"-1000"_s);
    CHECK(m(0).toPlainString(0) == u"0"_s);
    CHECK(m(kMax).toPlainString(2) == u"92233720368547758.07"_s);
    CHECK(m(kMin).toPlainString(2) == u"-92233720368547758.08"_s);
}

TEST_CASE("Money: toPlainString reads back through parse", "[money]")
{
    for (const std::int64_t minor :
         {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{99}, std::int64_t{100},
          std::int64_t{123456789}, std::int64_t{-123456789}, kMax, -kMax}) {
        INFO(minor);
        CHECK(minorOf(m(minor).toPlainString(2), 2) == minor);
        CHECK(minorOf(m(minor).toPlainString(0), 0) == minor);
    }
}

TEST_CASE("Money: format groups thousands and puts the symbol first", "[money]")
{
    CHECK(m(123456789).format(usd()) == u"US$1,234,567.89"_s);
    CHECK(m(250000000).format(usd()) == u"US$2,500,000.00"_s);
    CHECK(m(100000000000).format(usd()) == u"US$1,000,000,000.00"_s);
    CHECK(m(100000).format(usd()) == u"US$1,000.00"_s);
    CHECK(m(99999).format(usd()) == u"US$999.99"_s);
    CHECK(m(12345).format(usd()) == u"US$123.45"_s);
    CHECK(m(5).format(usd()) == u"US$0.05"_s);
    CHECK(m(0).format(usd()) == u"US$0.00"_s);
    CHECK(m(kMax).format(usd()) == u"US$92,233,720,368,547,758.07"_s);
}

TEST_CASE("Money: format puts the minus sign before the symbol", "[money]")
{
    CHECK(m(-123456789).format(usd()) == u"-US$1,234,567.89"_s);
    CHECK(m(-50).format(usd()) == u"-US$0.50"_s);
    CHECK(m(-1).format(usd()) == u"-US$0.01"_s);
    CHECK(m(-100000).format(usd()) == u"-US$1,000.00"_s);
}

TEST_CASE("Money: format in other currencies", "[money]")
{
    CHECK(m(123450).format(currency(u"PKR"_s)) == u"PKR 1,234.50"_s);
    CHECK(m(-123450).format(currency(u"PKR"_s)) == u"-PKR 1,234.50"_s);
    CHECK(m(1234567).format(currency(u"JPY"_s)) == u"JPY 1,234,567"_s);
    CHECK(m(999).format(currency(u"JPY"_s)) == u"JPY 999"_s);
    CHECK(m(-1000).format(currency(u"JPY"_s)) == u"-JPY 1,000"_s);
    CHECK(m(12345).format(currency(u"EUR"_s)) == u"EUR 123.45"_s);
    CHECK(m(12345).format(currency(u"XDR"_s)) == u"SDR 123.45"_s);
}

TEST_CASE("Money: formatShort abbreviates millions and billions", "[money]")
{
    CHECK(m(320000000).formatShort(usd()) == u"US$3.2 m"_s);
    CHECK(m(100000000).formatShort(usd()) == u"US$1.0 m"_s);
    CHECK(m(1234567800).formatShort(usd()) == u"US$12.3 m"_s);
    CHECK(m(452500000).formatShort(usd()) == u"US$4.5 m"_s);
    CHECK(m(150000000000).formatShort(usd()) == u"US$1.50 bn"_s);
    CHECK(m(123456789012).formatShort(usd()) == u"US$1.23 bn"_s);
    CHECK(m(-320000000).formatShort(usd()) == u"-US$3.2 m"_s);
    CHECK(m(-150000000000).formatShort(usd()) == u"-US$1.50 bn"_s);
}

TEST_CASE("Money: formatShort writes amounts under a million in whole units", "[money]")
{
    CHECK(m(85000000).formatShort(usd()) == u"US$850,000"_s);
    CHECK(m(85000099).formatShort(usd()) == u"US$850,000"_s);
    CHECK(m(99999999).formatShort(usd()) == u"US$999,999"_s);
    CHECK(m(4999).formatShort(usd()) == u"US$49"_s);
    CHECK(m(0).formatShort(usd()) == u"US$0"_s);
    CHECK(m(-85000000).formatShort(usd()) == u"-US$850,000"_s);
    CHECK(m(850000).formatShort(currency(u"JPY"_s)) == u"JPY 850,000"_s);
    CHECK(m(3200000).formatShort(currency(u"JPY"_s)) == u"JPY 3.2 m"_s);
}

// ---------------------------------------------------------------------------------------------
// Computed shares: truncated toward zero

TEST_CASE("Money: mulRatio truncates a linear share to the cent", "[money]")
{
    // 2,500,000.00 * 32/60 = 1,333,333.333... -> 1,333,333.33
    CHECK(m(250000000).mulRatio(dec(32), dec(60)).minor() == 133333333);
    // 2,500,000.00 * 45/60 = 1,875,000.00 exactly
    CHECK(m(250000000).mulRatio(dec(45), dec(60)).minor() == 187500000);
    // (3,500,000 + 625,000 + 400,000) * 35/80 = 4,525,000 * 0.4375 = 1,979,687.50
    const Money pool = m(350000000) + m(62500000) + m(40000000);
    CHECK(pool.minor() == 452500000);
    CHECK(pool.mulRatio(dec(35), dec(80)).minor() == 197968750);
    // 2,500,000.00 / 3 = 833,333.333... -> 833,333.33
    CHECK(m(250000000).mulRatio(dec(1), dec(3)).minor() == 83333333);
    // 2/3 of a cent is no cent: never claim more than earned.
    CHECK(m(1).mulRatio(dec(2), dec(3)).minor() == 0);
    CHECK(m(100).mulRatio(dec(59), dec(60)).minor() == 98);
    CHECK(m(250000000).mulRatio(dec(0), dec(60)).minor() == 0);
    CHECK(m(250000000).mulRatio(dec(60), dec(60)).minor() == 250000000);
    CHECK(m(100).mulRatio(dec(3), dec(2)).minor() == 150);
}

TEST_CASE("Money: mulRatio uses the exact decimal ratio, not a rounded quotient", "[money]")
{
    // 10,000.00 * 1.5/4.5 = 3,333.333... -> 3,333.33 (a six-digit 0.333333 would give 3,333.33
    // too, but 1,000,000,000.00 * 1/3 shows the difference: 333,333,333.33 vs 333,333,000.00).
    CHECK(m(1000000).mulRatio(decUnits(1500000), decUnits(4500000)).minor() == 333333);
    CHECK(m(100000000000).mulRatio(dec(1), dec(3)).minor() == 33333333333);
    // 72.5 / 80 of 1,000,000.00 = 906,250.00
    CHECK(m(100000000).mulRatio(decUnits(72500000), dec(80)).minor() == 90625000);
    // 0.000001 / 0.000003 of 3.00 = 1.00
    CHECK(m(300).mulRatio(decUnits(1), decUnits(3)).minor() == 100);
}

TEST_CASE("Money: mulRatio truncates negative results toward zero", "[money]")
{
    CHECK(m(-250000000).mulRatio(dec(32), dec(60)).minor() == -133333333);
    CHECK(m(250000000).mulRatio(dec(-32), dec(60)).minor() == -133333333);
    CHECK(m(250000000).mulRatio(dec(32), dec(-60)).minor() == -133333333);
    CHECK(m(-250000000).mulRatio(dec(-32), dec(-60)).minor() == -133333333);
    CHECK(m(-250000000).mulRatio(dec(-32), dec(60)).minor() == 133333333);
    // -2/3 of a cent is zero, not minus one cent (truncation, not floor).
    CHECK(m(-1).mulRatio(dec(2), dec(3)).minor() == 0);
    CHECK(m(-100).mulRatio(dec(59), dec(60)).minor() == -98);
}

TEST_CASE("Money: mulRatio with a zero denominator throws", "[money]")
{
    CHECK_THROWS_AS(m(100).mulRatio(dec(1), dec(0)), std::domain_error);
}

TEST_CASE("Money: mulDecimal truncates a product to the cent", "[money]")
{
    // 2,500,000.00 * 0.533333 = 1,333,332.50 exactly
    CHECK(m(250000000).mulDecimal(decUnits(533333)).minor() == 133333250);
    // 1,000.00 * 0.333333 = 333.333 -> 333.33
    CHECK(m(100000).mulDecimal(decUnits(333333)).minor() == 33333);
    // 123.45 * 1.5 = 185.175 -> 185.17
    CHECK(m(12345).mulDecimal(decUnits(1500000)).minor() == 18517);
    // 0.01 * 0.999999 -> 0.00
    CHECK(m(1).mulDecimal(decUnits(999999)).minor() == 0);
    // 9.99 * 0.000001 -> 0.00
    CHECK(m(999).mulDecimal(decUnits(1)).minor() == 0);
    // unit amount times a count: 1,250.00 * 37 = 46,250.00
    CHECK(m(125000).mulDecimal(dec(37)).minor() == 4625000);
    CHECK(m(125000).mulDecimal(dec(1)).minor() == 125000);
    CHECK(m(125000).mulDecimal(dec(0)).minor() == 0);
}

TEST_CASE("Money: mulDecimal truncates negative results toward zero", "[money]")
{
    CHECK(m(-100000).mulDecimal(decUnits(333333)).minor() == -33333);
    CHECK(m(100000).mulDecimal(decUnits(-333333)).minor() == -33333);
    CHECK(m(-12345).mulDecimal(decUnits(1500000)).minor() == -18517);
    CHECK(m(12345).mulDecimal(decUnits(-1500000)).minor() == -18517);
    CHECK(m(-12345).mulDecimal(decUnits(-1500000)).minor() == 18517);
    CHECK(m(-1).mulDecimal(decUnits(999999)).minor() == 0);
}

// ---------------------------------------------------------------------------------------------
// Arithmetic, comparison, overflow

TEST_CASE("Money: addition, subtraction and negation are exact", "[money]")
{
    CHECK((m(10) + m(20)).minor() == 30);
    CHECK((m(10) - m(20)).minor() == -10);
    CHECK((-m(123)).minor() == -123);
    CHECK((-m(-123)).minor() == 123);
    Money total;
    CHECK(total.isZero());
    for (int i = 0; i < 10; ++i)
        total += m(10); // ten times 0.10
    CHECK(total.minor() == 100);
    total -= m(250);
    CHECK(total.minor() == -150);
    CHECK(total.isNegative());
    CHECK_FALSE(total.isZero());
}

TEST_CASE("Money: comparison, min and max", "[money]")
{
    CHECK(m(1) < m(2));
    CHECK(m(-2) < m(-1));
    CHECK(m(5) == m(5));
    CHECK(m(5) != m(6));
    CHECK(m(7) >= m(7));
    CHECK(m(8) > m(7));
    CHECK(dli::min(m(3), m(-4)).minor() == -4);
    CHECK(dli::max(m(3), m(-4)).minor() == 3);
    CHECK(dli::min(m(3), m(3)).minor() == 3);
}

TEST_CASE("Money: overflow throws std::overflow_error", "[money]")
{
    CHECK_THROWS_AS(m(kMax) + m(1), std::overflow_error);
    CHECK_THROWS_AS(m(-kMax) - m(1), std::overflow_error);
    CHECK_THROWS_AS(m(-kMax) + m(-1), std::overflow_error);
    CHECK_THROWS_AS(-m(kMin), std::overflow_error);
    Money acc = m(kMax);
    CHECK_THROWS_AS(acc += m(1), std::overflow_error);
    CHECK_THROWS_AS(m(kMax).mulRatio(dec(3), dec(2)), std::overflow_error);
    CHECK_THROWS_AS(m(kMax).mulDecimal(dec(2)), std::overflow_error);
    CHECK_THROWS_AS(m(-kMax).mulDecimal(dec(2)), std::overflow_error);
    // The largest amounts themselves are fine, as are products that fit again.
    CHECK((m(kMax) - m(1)).minor() == kMax - 1);
    CHECK(m(kMax).mulRatio(dec(1), dec(2)).minor() == 4611686018427387903);
    CHECK(m(kMax).mulDecimal(dec(1)).minor() == kMax);
}
