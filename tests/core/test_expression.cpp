#include "core/engine/expression.h"
#include "support/test_support.h"

#include <string>
#include <utility>

using namespace Qt::StringLiterals;
using namespace dli;
using Catch::Matchers::Contains;

namespace {

Decimal dec(QStringView text)
{
    const auto d = Decimal::parse(text);
    REQUIRE(d.ok());
    return *d;
}

Expression compiled(const QString& text)
{
    auto e = Expression::compile(text);
    INFO("compiling " << text.toStdString());
    if (!e)
        FAIL("refused: " << e.error().message.toStdString());
    return std::move(e).value();
}

// The value of an expression as text ("33.333333"), or "error: MESSAGE".
std::string eval(const QString& text, const QHash<QString, Decimal>& values = {})
{
    const auto r = compiled(text).evaluate(values);
    if (!r)
        return (u"error: "_s + r.error().message).toStdString();
    return r->toString().toStdString();
}

std::string refusal(const QString& text)
{
    const auto e = Expression::compile(text);
    INFO("compiling " << text.toStdString());
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().code == ErrorCode::InvalidInput);
    return e.error().message.toStdString();
}

} // namespace

TEST_CASE("Expression: arithmetic and precedence", "[expression]")
{
    CHECK(eval(u"1 + 2 * 3"_s) == "7");
    CHECK(eval(u"(1 + 2) * 3"_s) == "9");
    CHECK(eval(u"10 - 4 - 3"_s) == "3");
    CHECK(eval(u"2 ^ 3 ^ 2"_s) == "512"); // right-associative
    CHECK(eval(u"-2 ^ 2"_s) == "-4");     // muParser: the sign binds after the power
    CHECK(eval(u"7 / 2"_s) == "3.5");
    CHECK(eval(u"1e3 + 0.5"_s) == "1000.5");
    CHECK(eval(u"100 * A / B"_s, {{u"A"_s, dec(u"12")}, {u"B"_s, dec(u"48")}}) == "25");
    CHECK(eval(u"A - B"_s, {{u"A"_s, dec(u"0.000001")}, {u"B"_s, dec(u"0.000002")}}) ==
          "-0.000001");
}

TEST_CASE("Expression: functions min, max, abs and constants", "[expression]")
{
    CHECK(eval(u"min(3, 1, 2)"_s) == "1");
    CHECK(eval(u"max(A, 1)"_s, {{u"A"_s, dec(u"0")}}) == "1");
    CHECK(eval(u"max(A, 1)"_s, {{u"A"_s, dec(u"4.25")}}) == "4.25");
    CHECK(eval(u"abs(A - B)"_s, {{u"A"_s, dec(u"3")}, {u"B"_s, dec(u"10")}}) == "7");
    CHECK(eval(u"sum(1, 2, 3) / avg(1, 3)"_s) == "3");
    CHECK(eval(u"_pi"_s) == "3.141593");
}

TEST_CASE("Expression: variables in order of first use, constants excluded", "[expression]")
{
    CHECK(compiled(u"100 * EXP_WOMEN / EXP_ALL"_s).variables() ==
          QStringList{u"EXP_WOMEN"_s, u"EXP_ALL"_s});
    CHECK(compiled(u"B + A * B - min(C, A)"_s).variables() == QStringList{u"B"_s, u"A"_s, u"C"_s});
    CHECK(compiled(u"2 * _pi * FIRMS + _e"_s).variables() == QStringList{u"FIRMS"_s});
    CHECK(compiled(u"42"_s).variables().isEmpty());
    CHECK(compiled(u"JOBS_WOMEN"_s).text() == u"JOBS_WOMEN"_s);
}

TEST_CASE("Expression: rounding to six places half away from zero", "[expression]")
{
    CHECK(eval(u"100 * 1 / 3"_s) == "33.333333");
    CHECK(eval(u"2 / 3"_s) == "0.666667");
    CHECK(eval(u"-2 / 3"_s) == "-0.666667");
    CHECK(eval(u"0.0000005"_s) == "0.000001");
    CHECK(eval(u"-0.0000005"_s) == "-0.000001");
    CHECK(eval(u"0.0000004999"_s) == "0");
    CHECK(eval(u"1.0000015"_s) == "1.000002");
    CHECK(eval(u"0.1 + 0.2"_s) == "0.3");
}

TEST_CASE("Expression: division by zero is an error, not a value", "[expression]")
{
    CHECK_THAT(eval(u"1 / 0"_s), Contains("division by zero"));
    CHECK_THAT(eval(u"100 * A / B"_s, {{u"A"_s, dec(u"0")}, {u"B"_s, dec(u"0")}}),
               Contains("division by zero"));
    CHECK_THAT(eval(u"A / B"_s, {{u"A"_s, dec(u"5")}, {u"B"_s, dec(u"0")}}),
               Contains("\"A / B\" gives no number: division by zero"));
}

TEST_CASE("Expression: a variable without a value is an error", "[expression]")
{
    CHECK(eval(u"A + B"_s, {{u"A"_s, dec(u"1")}}) ==
          "error: \"A + B\" cannot be evaluated: B has no value");
    CHECK(eval(u"A"_s, {{u"A"_s, dec(u"1")}, {u"UNUSED"_s, dec(u"2")}}) == "1");
    CHECK_FALSE(Expression().evaluate({}).ok());
    CHECK_FALSE(Expression().isValid());
}

TEST_CASE("Expression: syntax errors give muParser's message and the place", "[expression]")
{
    CHECK(refusal(u"1 +* 2"_s) ==
          "syntax error in \"1 +* 2\" at character 4: Unexpected operator \"*\" found");
    CHECK(refusal(u"A B"_s) ==
          "syntax error in \"A B\" at character 3: Unexpected variable \"B\" found");
    CHECK(refusal(u"1 + 2)"_s) ==
          "syntax error in \"1 + 2)\" at character 6: Unexpected parenthesis \")\"");
    CHECK(refusal(u"A +"_s) == "syntax error in \"A +\" at the end: Unexpected end of expression");
    CHECK(refusal(u"(1 + 2"_s) == "syntax error in \"(1 + 2\" at the end: Missing parenthesis");
    CHECK_THAT(refusal(u"foo(1)"_s), Contains("at character 4: Unexpected parenthesis"));
    CHECK_THAT(refusal(u"min()"_s), Contains("Too few parameters for function \"min\""));
    CHECK(refusal(QString()) == "the expression is empty");
    CHECK(refusal(u"  "_s) == "the expression is empty");
}

TEST_CASE("Expression: assignments, lists and unreadable numbers are refused", "[expression]")
{
    CHECK(refusal(u"A = B"_s) == "syntax error in \"A = B\" at character 3: \"=\" is not an "
                                 "operator here; to compare, write \"==\"");
    CHECK(eval(u"A == 2"_s, {{u"A"_s, dec(u"2")}}) == "1");
    CHECK(eval(u"A <= 2"_s, {{u"A"_s, dec(u"3")}}) == "0");
    CHECK_THAT(refusal(u"1, 2"_s), Contains("one expression is expected, found 2"));
    CHECK_THAT(refusal(u"1e400 + A"_s), Contains("1e400 is neither a number"));
}

TEST_CASE("Expression: a moved or copied expression keeps working", "[expression]")
{
    const QHash<QString, Decimal> values{{u"A"_s, dec(u"1")}, {u"B"_s, dec(u"3")}};
    Expression original = compiled(u"100 * A / B"_s);
    Expression moved = std::move(original);
    CHECK(moved.evaluate(values)->toString() == u"33.333333"_s);
    CHECK(moved.variables() == QStringList{u"A"_s, u"B"_s});

    QList<Expression> list;
    for (int i = 0; i < 50; ++i) // grows and reallocates the list, moving its elements
        list << compiled(u"A * "_s + QString::number(i) + u" + B"_s);
    for (int i = 0; i < 50; ++i)
        CHECK(list[i].evaluate(values)->toString() == QString::number(i + 3));

    Expression copy = moved;
    moved = compiled(u"A + B"_s);
    CHECK(copy.evaluate(values)->toString() == u"33.333333"_s);
    CHECK(moved.evaluate(values)->toString() == u"4"_s);
    // The same expression evaluated again with other values.
    CHECK(copy.evaluate({{u"A"_s, dec(u"2")}, {u"B"_s, dec(u"3")}})->toString() == u"66.666667"_s);
}
