#include "core/model/decimal.h"
#include "support/test_support.h"

#include <QString>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

using namespace Qt::StringLiterals;
using Catch::Matchers::Contains;
using dli::Decimal;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

// Units (millionths) read from text that must be accepted.
std::int64_t unitsOf(QStringView text)
{
    const auto result = Decimal::parse(text);
    INFO("parsing \"" << text.toString().toStdString() << "\"");
    if (!result)
        FAIL("refused: " << result.error().message.toStdString());
    return result->units();
}

std::string refusal(QStringView text)
{
    const auto result = Decimal::parse(text);
    INFO("parsing \"" << text.toString().toStdString() << "\"");
    if (result)
        FAIL("accepted as " << result->units() << " units");
    CHECK(result.error().code == dli::ErrorCode::InvalidInput);
    return result.error().message.toStdString();
}

std::int64_t jsonUnits(double value)
{
    const auto result = Decimal::fromJsonNumber(value);
    INFO("reading " << value);
    if (!result)
        FAIL("refused: " << result.error().message.toStdString());
    return result->units();
}

std::string jsonRefusal(double value)
{
    const auto result = Decimal::fromJsonNumber(value);
    INFO("reading " << value);
    if (result)
        FAIL("accepted as " << result->units() << " units");
    return result.error().message.toStdString();
}

std::int64_t roundedUnits(double value)
{
    const auto result = Decimal::fromDoubleRounded(value);
    INFO("rounding " << value);
    if (!result)
        FAIL("refused: " << result.error().message.toStdString());
    return result->units();
}

Decimal u(std::int64_t units)
{
    return Decimal::fromUnits(units);
}

Decimal d(std::int64_t whole)
{
    return Decimal::fromInt(whole);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Parsing

TEST_CASE("Decimal: parse reads integers exactly", "[decimal]")
{
    CHECK(unitsOf(u"0") == 0);
    CHECK(unitsOf(u"1") == 1000000);
    CHECK(unitsOf(u"72") == 72000000);
    CHECK(unitsOf(u"-72") == -72000000);
    CHECK(unitsOf(u"007") == 7000000);
    CHECK(unitsOf(u"1234567") == 1234567000000);
    CHECK(unitsOf(u"9223372036854") == 9223372036854000000);
}

TEST_CASE("Decimal: parse reads fractions exactly", "[decimal]")
{
    CHECK(unitsOf(u"0.5") == 500000);
    CHECK(unitsOf(u"-0.5") == -500000);
    CHECK(unitsOf(u"0.1") == 100000);
    CHECK(unitsOf(u"0.533333") == 533333);
    CHECK(unitsOf(u"0.000001") == 1);
    CHECK(unitsOf(u"-0.000001") == -1);
    CHECK(unitsOf(u"123.456789") == 123456789);
    CHECK(unitsOf(u"1234567.89") == 1234567890000);
    CHECK(unitsOf(u".25") == 250000);
    CHECK(unitsOf(u"-.25") == -250000);
    CHECK(unitsOf(u"1.50") == 1500000);
    CHECK(unitsOf(u"9223372036854.775807") == kMax);
    CHECK(unitsOf(u"-9223372036854.775807") == -kMax);
}

TEST_CASE("Decimal: parse reads signs and surrounding white space", "[decimal]")
{
    CHECK(unitsOf(u"+5") == 5000000);
    CHECK(unitsOf(u"+0.5") == 500000);
    CHECK(unitsOf(u" 42 ") == 42000000);
    CHECK(unitsOf(u"\t-1.5\n") == -1500000);
    CHECK(unitsOf(u"   0.000001") == 1);
    const auto minusZero = Decimal::parse(u"-0");
    REQUIRE(minusZero.ok());
    CHECK(minusZero->isZero());
    CHECK_FALSE(minusZero->isNegative());
    CHECK(minusZero->toString() == u"0"_s);
}

TEST_CASE("Decimal: parse reads exponents", "[decimal]")
{
    CHECK(unitsOf(u"1e3") == 1000000000);
    CHECK(unitsOf(u"1E3") == 1000000000);
    CHECK(unitsOf(u"1e+3") == 1000000000);
    CHECK(unitsOf(u"-1e3") == -1000000000);
    CHECK(unitsOf(u"1.5e2") == 150000000);
    CHECK(unitsOf(u"2.5e-3") == 2500);
    CHECK(unitsOf(u"1e-6") == 1);
    CHECK(unitsOf(u"1e0") == 1000000);
    CHECK(unitsOf(u"1e03") == 1000000000);
    CHECK(unitsOf(u"12345e-4") == 1234500);
    CHECK(unitsOf(u"0.0000015e1") == 15);
    CHECK(unitsOf(u"0e30") == 0);
}

TEST_CASE("Decimal: parse refuses more than six decimals", "[decimal]")
{
    for (const char16_t* text :
         {u"0.1234567", u"1.0000001", u"-0.0000001", u"0.0000005", u"1e-7", u"1.5e-6"}) {
        const std::string msg = refusal(text);
        CHECK_THAT(msg, Contains("more than 6 decimal place"));
    }
    CHECK_THAT(refusal(u"0.1234567"), Contains("0.1234567"));
}

TEST_CASE("Decimal: parse accepts trailing zeros beyond six decimals (same value)", "[decimal]")
{
    CHECK(unitsOf(u"0.1234560") == 123456);
    CHECK(unitsOf(u"2.00000000") == 2000000);
}

TEST_CASE("Decimal: parse refuses long fractions without crashing", "[decimal]")
{
    // A nonzero digit after 150 zeros: exactly representable only with 151 decimals.
    const QString tiny = u"0."_s + QString(150, u'0') + u"1"_s;
    CHECK_THAT(refusal(tiny), Contains("decimal place"));
    const QString tinyNegative = u"-0."_s + QString(200, u'0') + u"7"_s;
    CHECK_THAT(refusal(tinyNegative), Contains("decimal place"));
    // All zeros is just zero, however many there are.
    CHECK(unitsOf(u"0."_s + QString(200, u'0')) == 0);
    CHECK(unitsOf(u"0e-30") == 0);
}

TEST_CASE("Decimal: parse refuses text that is not a number", "[decimal]")
{
    for (const char16_t* text :
         {u"",    u"   ",  u"abc",  u"1.2.3", u"1,000", u"12abc",        u"--5",  u"+-5",
          u"+",   u"-",    u".",    u"e3",    u"1e",    u"1e3.5",        u"1ee3", u"NaN",
          u"inf", u"-inf", u"0x10", u"1 000", u"five",  u"\u0661\u0662", u"1e31", u"1e-31"}) {
        const std::string msg = refusal(text);
        CHECK_THAT(msg, Contains("expected a number, got"));
    }
    CHECK_THAT(refusal(u"abc"), Contains("expected a number, got \"abc\""));
    CHECK_THAT(refusal(u""), Contains("expected a number, got \"\""));
    CHECK_THAT(refusal(u"12abc"), Contains("expected a number, got \"12abc\""));
}

TEST_CASE("Decimal: parse refuses numbers that do not fit", "[decimal]")
{
    CHECK_THAT(refusal(u"9223372036854.775808"), Contains("too large"));
    CHECK_THAT(refusal(u"-9223372036854.775808"), Contains("too large"));
    CHECK_THAT(refusal(u"9223372036855"), Contains("too large"));
    CHECK_THAT(refusal(u"1e13"), Contains("too large"));
    CHECK_THAT(refusal(u"1e30"), Contains("too large"));
    CHECK_THAT(refusal(u"123456789012345678901234567890123"), Contains("too large"));
    // Mantissa times exponent beyond any 128-bit intermediate must still be refused.
    CHECK_THAT(refusal(u"1000000e30"), Contains("too large"));
    CHECK_THAT(refusal(u"123456789012345678901234567890e30"), Contains("too large"));
    CHECK_THAT(refusal(u"-999999999999999999999999999999e30"), Contains("too large"));
}

// ---------------------------------------------------------------------------------------------
// Formatting

TEST_CASE("Decimal: toString writes the minimal form", "[decimal]")
{
    CHECK(d(72).toString() == u"72"_s);
    CHECK(d(-72).toString() == u"-72"_s);
    CHECK(d(0).toString() == u"0"_s);
    CHECK(u(533333).toString() == u"0.533333"_s);
    CHECK(u(-1500000).toString() == u"-1.5"_s);
    CHECK(u(1500000).toString() == u"1.5"_s);
    CHECK(u(100000).toString() == u"0.1"_s);
    CHECK(u(1).toString() == u"0.000001"_s);
    CHECK(u(-1).toString() == u"-0.000001"_s);
    CHECK(u(10).toString() == u"0.00001"_s);
    CHECK(u(1000000000).toString() == u"1000"_s);
    CHECK(u(1234567890000).toString() == u"1234567.89"_s);
    CHECK(u(1000001).toString() == u"1.000001"_s);
    CHECK(u(kMax).toString() == u"9223372036854.775807"_s);
    CHECK(u(kMin).toString() == u"-9223372036854.775808"_s);
}

TEST_CASE("Decimal: formatScaledDecimal keeps or strips trailing zeros", "[decimal]")
{
    CHECK(dli::formatScaledDecimal(150, 2, false) == u"1.50"_s);
    CHECK(dli::formatScaledDecimal(150, 2, true) == u"1.5"_s);
    CHECK(dli::formatScaledDecimal(100, 2, true) == u"1"_s);
    CHECK(dli::formatScaledDecimal(5, 2, false) == u"0.05"_s);
    CHECK(dli::formatScaledDecimal(-5, 2, false) == u"-0.05"_s);
    CHECK(dli::formatScaledDecimal(0, 2, false) == u"0.00"_s);
    CHECK(dli::formatScaledDecimal(0, 6, true) == u"0"_s);
    CHECK(dli::formatScaledDecimal(1000, 0, false) == u"1000"_s);
    CHECK(dli::formatScaledDecimal(-1000, 0, true) == u"-1000"_s);
}

TEST_CASE("Decimal: toString reads back through parse", "[decimal]")
{
    for (const std::int64_t units :
         {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{533333},
          std::int64_t{-1500000}, std::int64_t{72000000}, std::int64_t{123456789}, kMax, -kMax}) {
        INFO(units);
        CHECK(unitsOf(u(units).toString()) == units);
    }
}

TEST_CASE("Decimal: fromInt, predicates and toDouble", "[decimal]")
{
    CHECK(d(5).units() == 5000000);
    CHECK(d(-5).units() == -5000000);
    CHECK(d(9223372036854).units() == 9223372036854000000);
    CHECK(Decimal().isZero());
    CHECK(Decimal().units() == 0);
    CHECK(d(3).isInteger());
    CHECK(d(-3).isInteger());
    CHECK(d(0).isInteger());
    CHECK_FALSE(u(3000001).isInteger());
    CHECK_FALSE(u(-500000).isInteger());
    CHECK(u(-1).isNegative());
    CHECK_FALSE(u(0).isNegative());
    CHECK_FALSE(u(1).isNegative());
    CHECK_FALSE(u(1).isZero());
    CHECK(u(500000).toDouble() == 0.5);
    CHECK(u(-2250000).toDouble() == -2.25);
    CHECK(d(72).toDouble() == 72.0);
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

TEST_CASE("Decimal: addition and subtraction are exact", "[decimal]")
{
    // The binary floating-point pitfall: 0.1 + 0.2 is exactly 0.3 here.
    CHECK((u(100000) + u(200000)).units() == 300000);
    CHECK(u(100000) + u(200000) == u(300000));
    CHECK((d(1) - u(1)).units() == 999999);
    CHECK((u(1) - d(1)).units() == -999999);
    CHECK((d(72) + u(-72000000)).isZero());
    CHECK((-u(533333)).units() == -533333);
    CHECK((-u(-533333)).units() == 533333);
    CHECK((-d(0)).units() == 0);

    Decimal sum;
    for (int i = 0; i < 10; ++i)
        sum += u(100000); // ten times 0.1
    CHECK(sum == d(1));
    sum -= u(1);
    CHECK(sum.units() == 999999);
}

TEST_CASE("Decimal: multiplication is exact when the product has six decimals or fewer",
          "[decimal]")
{
    CHECK((u(1500000) * u(1500000)).units() == 2250000);      // 1.5 * 1.5 = 2.25
    CHECK((u(123456789) * d(1000)).units() == 123456789000);  // 123.456789 * 1000
    CHECK((u(333333) * d(3)).units() == 999999);              // 0.333333 * 3
    CHECK((d(2500000) * u(437500)).units() == 1093750000000); // 2,500,000 * 0.4375
    CHECK((u(-1500000) * u(2000000)).units() == -3000000);    // -1.5 * 2
    CHECK((u(-1500000) * u(-2000000)).units() == 3000000);    // -1.5 * -2
    CHECK((d(7) * d(0)).units() == 0);
    CHECK((u(1000) * u(1000)).units() == 1); // 0.001 * 0.001
}

TEST_CASE("Decimal: multiplication rounds half away from zero", "[decimal]")
{
    // 0.000001 * 0.5 = 0.0000005 -> 0.000001
    CHECK((u(1) * u(500000)).units() == 1);
    CHECK((u(-1) * u(500000)).units() == -1);
    CHECK((u(1) * u(-500000)).units() == -1);
    CHECK((u(-1) * u(-500000)).units() == 1);
    // 0.000005 * 0.5 = 0.0000025 -> 0.000003 (half-even would give 0.000002)
    CHECK((u(5) * u(500000)).units() == 3);
    CHECK((u(-5) * u(500000)).units() == -3);
    // 0.000001 * 0.499999 = 0.000000499999 -> 0
    CHECK((u(1) * u(499999)).units() == 0);
    CHECK((u(-1) * u(499999)).units() == 0);
    // 0.123456 * 0.5 = 0.061728 exactly; 0.123457 * 0.5 = 0.0617285 -> 0.061729
    CHECK((u(123456) * u(500000)).units() == 61728);
    CHECK((u(123457) * u(500000)).units() == 61729);
    CHECK((u(-123457) * u(500000)).units() == -61729);
    // 1.234567 * 1.234567 = 1.524155677489 -> 1.524156
    CHECK((u(1234567) * u(1234567)).units() == 1524156);
    CHECK((u(-1234567) * u(1234567)).units() == -1524156);
}

TEST_CASE("Decimal: division rounds half away from zero", "[decimal]")
{
    CHECK((d(1) / d(3)).units() == 333333); // 0.333333...
    CHECK((d(2) / d(3)).units() == 666667); // 0.666666... -> 0.666667
    CHECK((d(-2) / d(3)).units() == -666667);
    CHECK((d(2) / d(-3)).units() == -666667);
    CHECK((d(-2) / d(-3)).units() == 666667);
    CHECK((d(32) / d(60)).units() == 533333); // 0.533333...
    CHECK((d(45) / d(60)).units() == 750000);
    CHECK((d(35) / d(80)).units() == 437500);
    CHECK((d(1) / d(8)).units() == 125000);
    CHECK((d(7) / d(7)).units() == 1000000);
    CHECK((u(1500000) / u(500000)).units() == 3000000); // 1.5 / 0.5
    // 0.000001 / 2 = 0.0000005 -> 0.000001; 0.000005 / 2 = 0.0000025 -> 0.000003
    CHECK((u(1) / d(2)).units() == 1);
    CHECK((u(-1) / d(2)).units() == -1);
    CHECK((u(5) / d(2)).units() == 3);
    CHECK((u(-5) / d(2)).units() == -3);
    // 0.000001 / 3 = 0.000000333... -> 0
    CHECK((u(1) / d(3)).units() == 0);
    CHECK((u(-1) / d(3)).units() == 0);
    // 0.000002 / 3 = 0.000000666... -> 0.000001
    CHECK((u(2) / d(3)).units() == 1);
}

TEST_CASE("Decimal: division by zero throws", "[decimal]")
{
    CHECK_THROWS_AS(d(1) / d(0), std::domain_error);
    CHECK_THROWS_AS(d(0) / d(0), std::domain_error);
}

TEST_CASE("Decimal: comparisons order by value", "[decimal]")
{
    CHECK(u(500000) < u(500001));
    CHECK(d(-1) < d(0));
    CHECK(d(-2) < d(-1));
    CHECK(u(-1) < u(0));
    CHECK(d(72) >= d(72));
    CHECK(d(72) <= d(72));
    CHECK(d(73) > d(72));
    CHECK(u(1000000) == d(1));
    CHECK(u(999999) != d(1));
    // A >= T is never decided by a rounding error.
    CHECK(u(100000) + u(200000) >= u(300000));
    CHECK(u(100000) + u(200000) <= u(300000));
    const auto a = Decimal::parse(u"72.000000");
    const auto b = Decimal::parse(u"72");
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.value() == b.value());
}

TEST_CASE("Decimal: overflow throws std::overflow_error", "[decimal]")
{
    CHECK_THROWS_AS(d(9223372036855), std::overflow_error);
    CHECK_THROWS_AS(d(-9223372036855), std::overflow_error);
    CHECK_THROWS_AS(u(kMax) + u(1), std::overflow_error);
    CHECK_THROWS_AS(u(-kMax) - u(1), std::overflow_error);
    CHECK_THROWS_AS(u(-kMax) + u(-1), std::overflow_error);
    CHECK_THROWS_AS(-u(kMin), std::overflow_error);
    CHECK_THROWS_AS(d(10000000) * d(10000000), std::overflow_error);
    CHECK_THROWS_AS(d(-10000000) * d(10000000), std::overflow_error);
    CHECK_THROWS_AS(d(9000000000000) / u(1), std::overflow_error);
    Decimal acc = u(kMax);
    CHECK_THROWS_AS(acc += u(1), std::overflow_error);
    // Right at the edge is fine.
    CHECK((u(kMax) - u(1)).units() == kMax - 1);
    CHECK((u(kMax) * d(1)).units() == kMax);
    CHECK((u(kMax) / d(1)).units() == kMax);
    CHECK((d(3000000) * d(3000000)).units() == 9000000000000000000);
}

// ---------------------------------------------------------------------------------------------
// Doubles

TEST_CASE("Decimal: fromJsonNumber reads the number that was written in the file", "[decimal]")
{
    CHECK(jsonUnits(0.1) == 100000);
    CHECK(jsonUnits(0.3) == 300000);
    CHECK(jsonUnits(72.0) == 72000000);
    CHECK(jsonUnits(72) == 72000000);
    CHECK(jsonUnits(-0.5) == -500000);
    CHECK(jsonUnits(0.533333) == 533333);
    CHECK(jsonUnits(1234567.89) == 1234567890000);
    CHECK(jsonUnits(123456.123456) == 123456123456);
    CHECK(jsonUnits(1e-6) == 1);
    CHECK(jsonUnits(1e12) == 1000000000000000000);
    CHECK(jsonUnits(0.0) == 0);
    CHECK(jsonUnits(-0.0) == 0);
}

TEST_CASE("Decimal: fromJsonNumber refuses binary noise, excess decimals and non-numbers",
          "[decimal]")
{
    // 0.1 + 0.2 is 0.30000000000000004 as a double: seventeen decimals.
    CHECK_THAT(jsonRefusal(0.1 + 0.2), Contains("more than 6 decimal place"));
    CHECK_THAT(jsonRefusal(1e-7), Contains("more than 6 decimal place"));
    CHECK_THAT(jsonRefusal(0.1234567), Contains("more than 6 decimal place"));
    CHECK_THAT(jsonRefusal(1e-300), Contains("decimal place"));
    CHECK_THAT(jsonRefusal(5e-324), Contains("decimal place"));
    CHECK_THAT(jsonRefusal(1e13), Contains("too large"));
    CHECK_THAT(jsonRefusal(1e300), Contains("too large"));
    CHECK_THAT(jsonRefusal(std::numeric_limits<double>::quiet_NaN()),
               Contains("expected a number"));
    CHECK_THAT(jsonRefusal(std::numeric_limits<double>::infinity()), Contains("expected a number"));
    CHECK_THAT(jsonRefusal(-std::numeric_limits<double>::infinity()),
               Contains("expected a number"));
}

TEST_CASE("Decimal: fromDoubleRounded rounds half away from zero to six decimals", "[decimal]")
{
    CHECK(roundedUnits(0.1234565) == 123457);
    CHECK(roundedUnits(-0.1234565) == -123457);
    CHECK(roundedUnits(0.1234564) == 123456);
    CHECK(roundedUnits(-0.1234564) == -123456);
    CHECK(roundedUnits(2.0000004) == 2000000);
    CHECK(roundedUnits(2.0000005) == 2000001);
    CHECK(roundedUnits(-2.0000005) == -2000001);
    CHECK(roundedUnits(1.0 / 3.0) == 333333);
    CHECK(roundedUnits(2.0 / 3.0) == 666667);
    CHECK(roundedUnits(-2.0 / 3.0) == -666667);
    CHECK(roundedUnits(0.1 + 0.2) == 300000);
    CHECK(roundedUnits(0.9999995) == 1000000);
    CHECK(roundedUnits(-0.9999995) == -1000000);
    CHECK(roundedUnits(9.9999995) == 10000000);
    CHECK(roundedUnits(1.23456749) == 1234567);
    CHECK(roundedUnits(32.0 / 60.0) == 533333);
}

TEST_CASE("Decimal: fromDoubleRounded near zero", "[decimal]")
{
    CHECK(roundedUnits(0.0000005) == 1);
    CHECK(roundedUnits(-0.0000005) == -1);
    CHECK(roundedUnits(0.0000004) == 0);
    const auto negativeTiny = Decimal::fromDoubleRounded(-0.0000004);
    REQUIRE(negativeTiny.ok());
    CHECK(negativeTiny->isZero());
    CHECK_FALSE(negativeTiny->isNegative());
    CHECK(roundedUnits(1e-300) == 0);
    CHECK(roundedUnits(-1e-300) == 0);
    CHECK(roundedUnits(5e-324) == 0);
    CHECK(roundedUnits(0.0) == 0);
    CHECK(roundedUnits(-0.0) == 0);
}

TEST_CASE("Decimal: fromDoubleRounded keeps exact values and whole numbers", "[decimal]")
{
    CHECK(roundedUnits(72.0) == 72000000);
    CHECK(roundedUnits(-72.0) == -72000000);
    CHECK(roundedUnits(0.5) == 500000);
    CHECK(roundedUnits(0.123456) == 123456);
    CHECK(roundedUnits(1234567.89) == 1234567890000);
    CHECK(roundedUnits(9e12) == 9000000000000000000);
    CHECK(roundedUnits(-9e12) == -9000000000000000000);
}

TEST_CASE("Decimal: fromDoubleRounded refuses non-finite and out-of-range results", "[decimal]")
{
    for (const double value :
         {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
          -std::numeric_limits<double>::infinity(), 9.5e12, -9.5e12, 1e300}) {
        const auto result = Decimal::fromDoubleRounded(value);
        INFO(value);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == dli::ErrorCode::InvalidInput);
        CHECK_THAT(result.error().message.toStdString(), Contains("not a finite number in range"));
    }
}
