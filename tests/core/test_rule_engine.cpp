#include "core/engine/rule_engine.h"
#include "core/model/program.h"
#include "core/model/program_checker.h"
#include "support/test_support.h"

#include <string>

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

// Values keyed by indicator, period and org unit; anything else has no value.
class FakeProvider : public ValueProvider {
public:
    void set(const QString& indicator, const Period& period, const QString& org, QStringView v)
    {
        m_values.insert(key(indicator, period, org), dec(v));
    }
    void failOn(const QString& indicator) { m_failing = indicator; }
    int calls = 0;

    Result<IndicatorValue> value(const QString& indicator, const Period& period,
                                 const QString& orgUnit) override
    {
        ++calls;
        if (indicator == m_failing)
            return Error(ErrorCode::Database, u"disk on fire"_s);
        const auto it = m_values.constFind(key(indicator, period, orgUnit));
        if (it == m_values.constEnd())
            return IndicatorValue::none(u"nothing reported"_s);
        IndicatorValue v;
        v.hasValue = true;
        v.value = *it;
        return v;
    }

private:
    static QString key(const QString& indicator, const Period& period, const QString& org)
    {
        return indicator + u'|' + period.code() + u'|' + org;
    }
    QHash<QString, Decimal> m_values;
    QString m_failing;
};

Indicator indicator(const QString& code, IndicatorUnit unit = IndicatorUnit::Number)
{
    Indicator x;
    x.code = code;
    x.title = code;
    x.unit = unit;
    x.baseline = Baseline{Decimal(), QDate(2020, 6, 30)};
    return x;
}

ValidationRule rule(const QString& code, const QString& left, RuleOperator op, const QString& right,
                    Severity severity = Severity::Error, const QString& message = {})
{
    return ValidationRule{code, left, op, right, severity, message};
}

// Signed 2020-01-15 (FY2020), closes 2022-06-30 (FY2022); PB > CL1 > CT1.
Program program()
{
    Program p;
    p.code = u"T"_s;
    p.title = u"Test program"_s;
    p.currency = *Currency::forCode(u"USD"_s);
    p.financing = Money::fromMinor(100'000'000);
    p.signingDate = QDate(2020, 1, 15);
    p.closingDate = QDate(2022, 6, 30);
    p.orgUnits = {
        OrgUnit{u"PB"_s, u"Punjab"_s, OrgUnitKind::Program, QString()},
        OrgUnit{u"CL1"_s, u"Cluster"_s, OrgUnitKind::Cluster, u"PB"_s},
        OrgUnit{u"CT1"_s, u"Centre"_s, OrgUnitKind::Centre, u"CL1"_s},
    };
    p.indicators = {indicator(u"JOBS_ALL"_s), indicator(u"JOBS_WOMEN"_s),
                    indicator(u"SHARE"_s, IndicatorUnit::Percent),
                    indicator(u"READY"_s, IndicatorUnit::YesNo),
                    indicator(u"EXPORTS"_s, IndicatorUnit::Currency)};
    return p;
}

const Period kQ1 = Period::quarter(2021, 1);
const Period kQ2 = Period::quarter(2021, 2);

// Whether a rule `A op B` fails for the given values.
bool fails(RuleOperator op, QStringView left, QStringView right)
{
    Program p = program();
    p.validationRules << rule(u"R"_s, u"JOBS_WOMEN"_s, op, u"JOBS_ALL"_s);
    FakeProvider values;
    values.set(u"JOBS_WOMEN"_s, kQ1, u"PB"_s, left);
    values.set(u"JOBS_ALL"_s, kQ1, u"PB"_s, right);
    const auto v = RuleEngine::evaluate(p, values, {kQ1}, {u"PB"_s});
    REQUIRE(v.ok());
    REQUIRE(v->size() <= 1);
    return v->size() == 1;
}

} // namespace

TEST_CASE("RuleEngine: each operator at and around equality", "[rules]")
{
    const auto lo = u"9.999999";
    const auto eq = u"10";
    const auto hi = u"10.000001";
    const auto check = [&](RuleOperator op, bool below, bool equal, bool above) {
        INFO("operator " << enumToString(kRuleOperatorNames, op).toStdString());
        CHECK(fails(op, lo, eq) == !below);
        CHECK(fails(op, eq, eq) == !equal);
        CHECK(fails(op, hi, eq) == !above);
    };
    // whether the rule holds for left below, equal to and above right
    check(RuleOperator::Less, true, false, false);
    check(RuleOperator::LessEqual, true, true, false);
    check(RuleOperator::Equal, false, true, false);
    check(RuleOperator::NotEqual, true, false, true);
    check(RuleOperator::GreaterEqual, false, true, true);
    check(RuleOperator::Greater, false, false, true);
}

TEST_CASE("RuleEngine: a violation names the rule, period, unit and both values", "[rules]")
{
    Program p = program();
    p.validationRules << rule(u"W_LE_ALL"_s, u"JOBS_WOMEN"_s, RuleOperator::LessEqual,
                              u"JOBS_ALL"_s, Severity::Error, u"women are part of all"_s)
                      << rule(u"SHARE_OK"_s, u"SHARE"_s, RuleOperator::Equal,
                              u"100 * JOBS_WOMEN / JOBS_ALL"_s, Severity::Warning);
    FakeProvider values;
    values.set(u"JOBS_WOMEN"_s, kQ1, u"CL1"_s, u"30");
    values.set(u"JOBS_ALL"_s, kQ1, u"CL1"_s, u"20");
    values.set(u"SHARE"_s, kQ1, u"CL1"_s, u"150");
    values.set(u"JOBS_WOMEN"_s, kQ2, u"CL1"_s, u"1");
    values.set(u"JOBS_ALL"_s, kQ2, u"CL1"_s, u"3");
    values.set(u"SHARE"_s, kQ2, u"CL1"_s, u"33.333333"); // the rounded formula result: holds

    const auto v = RuleEngine::evaluate(p, values, {kQ1, kQ2}, {u"PB"_s, u"CL1"_s});
    REQUIRE(v.ok());
    REQUIRE(v->size() == 1);
    const Violation& w = v->at(0);
    CHECK(w.rule == u"W_LE_ALL"_s);
    CHECK(w.severity == Severity::Error);
    CHECK(w.period == kQ1);
    CHECK(w.orgUnit == u"CL1"_s);
    CHECK(w.left == dec(u"30"));
    CHECK(w.right == dec(u"20"));
    CHECK(w.message == u"women are part of all"_s);

    values.set(u"SHARE"_s, kQ2, u"CL1"_s, u"33.3333"); // off by a rounding: a warning
    const auto v2 = RuleEngine::evaluate(p, values, {kQ1, kQ2}, {u"PB"_s, u"CL1"_s});
    REQUIRE(v2.ok());
    REQUIRE(v2->size() == 2);
    const Violation& s = v2->at(1);
    CHECK(s.rule == u"SHARE_OK"_s);
    CHECK(s.severity == Severity::Warning);
    CHECK(s.period == kQ2);
    CHECK(s.left == dec(u"33.3333"));
    CHECK(s.right == dec(u"33.333333"));
    CHECK(s.message == u"SHARE == 100 * JOBS_WOMEN / JOBS_ALL does not hold"_s);
}

TEST_CASE("RuleEngine: a rule is skipped where a value it needs is missing", "[rules]")
{
    Program p = program();
    p.validationRules << rule(u"R"_s, u"JOBS_WOMEN"_s, RuleOperator::LessEqual,
                              u"JOBS_ALL + 0 * SHARE"_s);
    FakeProvider values;
    values.set(u"JOBS_WOMEN"_s, kQ1, u"PB"_s, u"30");
    values.set(u"JOBS_ALL"_s, kQ1, u"PB"_s, u"20");
    auto v = RuleEngine::evaluate(p, values, {kQ1}, {u"PB"_s});
    REQUIRE(v.ok());
    CHECK(v->isEmpty()); // SHARE has no value at PB in Q1

    values.set(u"SHARE"_s, kQ1, u"PB"_s, u"0");
    v = RuleEngine::evaluate(p, values, {kQ1}, {u"PB"_s});
    REQUIRE(v.ok());
    CHECK(v->size() == 1);
}

TEST_CASE("RuleEngine: a rule that divides by zero does not apply there", "[rules]")
{
    Program p = program();
    p.validationRules << rule(u"R"_s, u"100 * JOBS_WOMEN / JOBS_ALL"_s, RuleOperator::GreaterEqual,
                              u"30"_s);
    FakeProvider values;
    values.set(u"JOBS_WOMEN"_s, kQ1, u"PB"_s, u"0");
    values.set(u"JOBS_ALL"_s, kQ1, u"PB"_s, u"0");
    values.set(u"JOBS_WOMEN"_s, kQ2, u"PB"_s, u"1");
    values.set(u"JOBS_ALL"_s, kQ2, u"PB"_s, u"4");
    const auto v = RuleEngine::evaluate(p, values, {kQ1, kQ2}, {u"PB"_s});
    REQUIRE(v.ok());
    REQUIRE(v->size() == 1);
    CHECK(v->at(0).period == kQ2);
    CHECK(v->at(0).left == dec(u"25"));
    CHECK(v->at(0).right == dec(u"30"));
}

TEST_CASE("RuleEngine: values are asked once per period and unit", "[rules]")
{
    Program p = program();
    p.validationRules << rule(u"R1"_s, u"JOBS_WOMEN"_s, RuleOperator::LessEqual, u"JOBS_ALL"_s)
                      << rule(u"R2"_s, u"JOBS_WOMEN"_s, RuleOperator::GreaterEqual, u"0"_s)
                      << rule(u"R3"_s, u"JOBS_ALL"_s, RuleOperator::Less, u"JOBS_ALL + 1"_s);
    FakeProvider values;
    const auto v = RuleEngine::evaluate(p, values, {kQ1, kQ2}, {u"PB"_s, u"CL1"_s, u"CT1"_s});
    REQUIRE(v.ok());
    CHECK(v->isEmpty());
    CHECK(values.calls == 2 * 3 * 2); // periods x units x indicators named
}

TEST_CASE("RuleEngine: a provider failure or a rule that does not compile stops it", "[rules]")
{
    Program p = program();
    p.validationRules << rule(u"R"_s, u"JOBS_WOMEN"_s, RuleOperator::LessEqual, u"JOBS_ALL"_s);
    FakeProvider values;
    values.failOn(u"JOBS_ALL"_s);
    values.set(u"JOBS_WOMEN"_s, kQ1, u"PB"_s, u"1");
    const auto failed = RuleEngine::evaluate(p, values, {kQ1}, {u"PB"_s});
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message == u"disk on fire"_s);

    p.validationRules << rule(u"BAD"_s, u"JOBS_WOMEN"_s, RuleOperator::LessEqual, u"JOBS_ALL +"_s);
    FakeProvider none;
    const auto bad = RuleEngine::evaluate(p, none, {kQ1}, {u"PB"_s});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().location == u"validation_rules[1].right"_s);
    CHECK_THAT(bad.error().message.toStdString(), Contains("Unexpected end of expression"));
}

TEST_CASE("RuleEngine: built-in checks on values", "[rules]")
{
    const Indicator count = indicator(u"JOBS_ALL"_s);
    const Indicator share = indicator(u"SHARE"_s, IndicatorUnit::Percent);
    const Indicator ready = indicator(u"READY"_s, IndicatorUnit::YesNo);
    Indicator milestone = indicator(u"DONE"_s, IndicatorUnit::Milestone);
    const Indicator money = indicator(u"EXPORTS"_s, IndicatorUnit::Currency);

    CHECK(RuleEngine::builtIn(count, kQ1, u"PB"_s, dec(u"0")).isEmpty());
    const auto negative = RuleEngine::builtIn(count, kQ1, u"PB"_s, dec(u"-3"));
    REQUIRE(negative.size() == 1);
    CHECK(negative[0] == Violation{u"built-in:negative"_s, Severity::Error, kQ1, u"PB"_s,
                                   dec(u"-3"), Decimal(),
                                   u"JOBS_ALL is -3: a count cannot be negative"_s});

    CHECK(RuleEngine::builtIn(share, kQ1, u"PB"_s, dec(u"0")).isEmpty());
    CHECK(RuleEngine::builtIn(share, kQ1, u"PB"_s, dec(u"100")).isEmpty());
    const auto over = RuleEngine::builtIn(share, kQ1, u"PB"_s, dec(u"100.000001"));
    REQUIRE(over.size() == 1);
    CHECK(over[0].rule == RuleEngine::PercentRange);
    CHECK(over[0].right == dec(u"100"));
    CHECK(over[0].message == u"SHARE is 100.000001: a percentage lies between 0 and 100"_s);
    const auto under = RuleEngine::builtIn(share, kQ1, u"PB"_s, dec(u"-0.5"));
    REQUIRE(under.size() == 1);
    CHECK(under[0].right == Decimal());

    CHECK(RuleEngine::builtIn(ready, kQ1, u"PB"_s, dec(u"0")).isEmpty());
    CHECK(RuleEngine::builtIn(ready, kQ1, u"PB"_s, dec(u"1")).isEmpty());
    const auto half = RuleEngine::builtIn(ready, kQ1, u"PB"_s, dec(u"0.5"));
    REQUIRE(half.size() == 1);
    CHECK(half[0].rule == u"built-in:yes-no"_s);
    CHECK(half[0].message == u"READY is 0.5: a yesno indicator is 1 for yes and 0 for no"_s);
    CHECK(RuleEngine::builtIn(milestone, kQ1, u"PB"_s, dec(u"2")).size() == 1);

    CHECK(RuleEngine::builtIn(money, kQ1, u"PB"_s, dec(u"-5")).isEmpty());
}

TEST_CASE("RuleEngine: built-in checks over the provider's values", "[rules]")
{
    const Program p = program();
    FakeProvider values;
    values.set(u"JOBS_ALL"_s, kQ1, u"CL1"_s, u"-1");
    values.set(u"JOBS_ALL"_s, kQ2, u"CL1"_s, u"4");
    values.set(u"SHARE"_s, kQ2, u"PB"_s, u"120");
    values.set(u"READY"_s, kQ2, u"PB"_s, u"1");
    const auto v = RuleEngine::evaluateBuiltIn(p, values, {kQ1, kQ2}, {u"PB"_s, u"CL1"_s});
    REQUIRE(v.ok());
    REQUIRE(v->size() == 2);
    CHECK(v->at(0).rule == RuleEngine::NegativeCount);
    CHECK(v->at(0).period == kQ1);
    CHECK(v->at(0).orgUnit == u"CL1"_s);
    CHECK(v->at(1).rule == RuleEngine::PercentRange);
    CHECK(v->at(1).period == kQ2);
    CHECK(v->at(1).orgUnit == u"PB"_s);
}

TEST_CASE("RuleEngine: the periods and units worth checking", "[rules]")
{
    const Program p = program();
    const QList<Period> periods = RuleEngine::allPeriods(p);
    REQUIRE(periods.size() == 3 * 5); // FY2020 to FY2022, each with its quarters
    CHECK(periods.first() == Period::year(2020));
    CHECK(periods[1] == Period::quarter(2020, 1));
    CHECK(periods[5] == Period::year(2021));
    CHECK(periods.last() == Period::quarter(2022, 4));
    CHECK(RuleEngine::allPeriods(Program()).isEmpty());
    CHECK(RuleEngine::allOrgUnits(p) == QStringList{u"PB"_s, u"CL1"_s, u"CT1"_s});
}

TEST_CASE("RuleEngine: the checker reports formula and rule syntax errors at their path", "[rules]")
{
    Program p = program();
    p.indicators[2].source.kind = SourceKind::Formula;
    p.indicators[2].source.formula = u"100 * JOBS_WOMEN / JOBS_ALL"_s;
    p.validationRules << rule(u"R"_s, u"JOBS_WOMEN"_s, RuleOperator::LessEqual, u"JOBS_ALL"_s);
    REQUIRE(ProgramChecker::check(p).isEmpty());

    p.indicators[2].source.formula = u"100 * JOBS_WOMEN // JOBS_ALL"_s;
    p.validationRules[0].right = u"max(JOBS_ALL"_s;
    p.validationRules[0].left = u"JOBS_W = 1"_s;
    CHECK(ProgramChecker::check(p) ==
          QStringList{u"indicators[2].source.formula: syntax error in \"100 * JOBS_WOMEN // "
                      u"JOBS_ALL\" at character 19: Unexpected operator \"/\" found"_s,
                      u"validation_rules[0].left: syntax error in \"JOBS_W = 1\" at character 8: "
                      u"\"=\" is not an operator here; to compare, write \"==\""_s,
                      u"validation_rules[0].right: syntax error in \"max(JOBS_ALL\" at the end: "
                      u"Missing parenthesis"_s});

    // Unknown indicators and cycles are still found in formulas that compile.
    p = program();
    p.indicators[2].source.kind = SourceKind::Formula;
    p.indicators[2].source.formula = u"100 * JOBS_W / max(JOBS_ALL, 1)"_s;
    CHECK(ProgramChecker::check(p) ==
          QStringList{u"indicators[2].source.formula: unknown indicator \"JOBS_W\""_s});
    p.indicators[2].source.formula = u"100 * READY"_s;
    p.indicators[3].source.kind = SourceKind::Formula;
    p.indicators[3].source.formula = u"min(SHARE, 1)"_s;
    CHECK_THAT(ProgramChecker::check(p).join(u'\n').toStdString(),
               Contains("formulas refer to each other in a cycle: SHARE -> READY -> SHARE"));
}
