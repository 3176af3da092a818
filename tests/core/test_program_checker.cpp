#include "core/model/program.h"
#include "core/model/program_checker.h"
#include "support/test_support.h"

#include <string>

using namespace Qt::StringLiterals;
using namespace dli;
using Catch::Matchers::Contains;

namespace {

Money usd(std::int64_t dollars)
{
    return Money::fromMinor(dollars * 100);
}

Decimal dec(std::int64_t whole)
{
    return Decimal::fromInt(whole);
}

Indicator indicator(const QString& code, Direction direction, bool cumulative,
                    Aggregation aggregation, std::int64_t baseline)
{
    Indicator x;
    x.code = code;
    x.title = code;
    x.direction = direction;
    x.cumulative = cumulative;
    x.aggregation = aggregation;
    x.baseline = Baseline{dec(baseline), QDate(2020, 6, 30)};
    return x;
}

Dlr dlr(const QString& code, Period period, DlrKind kind, std::int64_t target,
        std::int64_t allocationDollars)
{
    Dlr r;
    r.code = code;
    r.period = period;
    r.kind = kind;
    r.target = dec(target);
    r.allocation = usd(allocationDollars);
    return r;
}

Dli dli(const QString& code, const QString& indicatorCode, std::int64_t allocationDollars,
        QList<Dlr> dlrs)
{
    Dli d;
    d.code = code;
    d.title = code;
    d.indicator = indicatorCode;
    d.allocation = usd(allocationDollars);
    d.dlrs = std::move(dlrs);
    return d;
}

// A valid program (checked below): signed 2020-01-15 (FY2020), closes 2024-06-30 (FY2024),
// US$1,000,000 of which US$900,000 is allocated.
// dlis[0] DLI1: FIRMS (cumulative count, increases, baseline 100): 1.1 FY2022 -> 200,
//               1.2 FY2023 -> 300, both linear.
// dlis[1] DLI2: DAYS (latest level, decreases, baseline 45): 2.1 FY2023 binary -> 30.
// dlis[2] DLI3: TRAINED (per period, increases, baseline 10): 3.1, 3.2 per_unit at US$100.
// dlis[3] DLI4: READY (yes/no): 4.1 FY2021 binary -> 1.
Program valid()
{
    Program p;
    p.code = u"T"_s;
    p.title = u"Test program"_s;
    p.currency = *Currency::forCode(u"USD"_s);
    p.financing = usd(1'000'000);
    p.signingDate = QDate(2020, 1, 15);
    p.closingDate = QDate(2024, 6, 30);
    p.orgUnits = {
        OrgUnit{u"PB"_s, u"Punjab"_s, OrgUnitKind::Program, QString()},
        OrgUnit{u"CL1"_s, u"Cluster"_s, OrgUnitKind::Cluster, u"PB"_s},
        OrgUnit{u"CT1"_s, u"Centre"_s, OrgUnitKind::Centre, u"CL1"_s},
    };
    p.indicators = {
        indicator(u"FIRMS"_s, Direction::Increase, true, Aggregation::Sum, 100),
        indicator(u"DAYS"_s, Direction::Decrease, false, Aggregation::Latest, 45),
        indicator(u"TRAINED"_s, Direction::Increase, false, Aggregation::Sum, 10),
        indicator(u"READY"_s, Direction::Increase, false, Aggregation::Latest, 0),
    };
    p.indicators[3].unit = IndicatorUnit::YesNo;

    Dlr t1 = dlr(u"3.1"_s, Period::year(2022), DlrKind::PerUnit, 500, 50'000);
    t1.unitAmount = usd(100);
    Dlr t2 = dlr(u"3.2"_s, Period::year(2023), DlrKind::PerUnit, 600, 50'000);
    t2.unitAmount = usd(100);
    p.dlis = {
        dli(u"DLI1"_s, u"FIRMS"_s, 600'000,
            {dlr(u"1.1"_s, Period::year(2022), DlrKind::Linear, 200, 250'000),
             dlr(u"1.2"_s, Period::year(2023), DlrKind::Linear, 300, 350'000)}),
        dli(u"DLI2"_s, u"DAYS"_s, 100'000,
            {dlr(u"2.1"_s, Period::year(2023), DlrKind::Binary, 30, 100'000)}),
        dli(u"DLI3"_s, u"TRAINED"_s, 100'000, {t1, t2}),
        dli(u"DLI4"_s, u"READY"_s, 100'000,
            {dlr(u"4.1"_s, Period::year(2021), DlrKind::Binary, 1, 100'000)}),
    };
    return p;
}

std::string joined(const QStringList& list)
{
    return list.join(u'\n').toStdString();
}

// The one problem the checker finds in a program with one thing wrong.
std::string onlyProblem(const Program& p)
{
    const QStringList problems = ProgramChecker::check(p);
    INFO(joined(problems));
    REQUIRE(problems.size() == 1);
    return problems.first().toStdString();
}

} // namespace

TEST_CASE("ProgramChecker: the test program is valid", "[checker]")
{
    const QStringList problems = ProgramChecker::check(valid());
    INFO(joined(problems));
    CHECK(problems.isEmpty());
}

// ---------------------------------------------------------------------------------------------
// Org-unit tree

TEST_CASE("ProgramChecker: the tree needs exactly one program unit at its root", "[checker]")
{
    SECTION("none")
    {
        Program p = valid();
        p.orgUnits[0].kind = OrgUnitKind::Cluster;
        const QStringList problems = ProgramChecker::check(p);
        const std::string all = joined(problems);
        CHECK_THAT(all, Contains("org_units[0].parent: a cluster needs a parent"));
        CHECK_THAT(all, Contains("org_units[1].parent: a cluster belongs to the program unit, "
                                 "not to \"PB\""));
        CHECK_THAT(all, Contains("org_units: exactly one unit of kind \"program\" is needed at "
                                 "the root of the tree, found 0"));
        CHECK(problems.size() == 3);
    }
    SECTION("two")
    {
        Program p = valid();
        p.orgUnits << OrgUnit{u"PB2"_s, u"Second"_s, OrgUnitKind::Program, QString()};
        CHECK(onlyProblem(p) == "org_units: exactly one unit of kind \"program\" is needed at the "
                                "root of the tree, found 2");
    }
    SECTION("no units at all")
    {
        Program p = valid();
        p.orgUnits.clear();
        CHECK(onlyProblem(p) == "org_units: exactly one unit of kind \"program\" is needed at the "
                                "root of the tree, found 0");
    }
}

TEST_CASE("ProgramChecker: the program unit has no parent", "[checker]")
{
    Program p = valid();
    p.orgUnits[0].parent = u"CL1"_s;
    CHECK(onlyProblem(p) ==
          "org_units[0].parent: the program unit is the root of the tree and has no parent");
}

TEST_CASE("ProgramChecker: a cluster belongs to the program unit", "[checker]")
{
    Program p = valid();
    p.orgUnits << OrgUnit{u"CL2"_s, u"Sub-cluster"_s, OrgUnitKind::Cluster, u"CL1"_s};
    CHECK(onlyProblem(p) ==
          "org_units[3].parent: a cluster belongs to the program unit, not to \"CL1\"");
}

TEST_CASE("ProgramChecker: a centre belongs to a cluster", "[checker]")
{
    Program p = valid();
    p.orgUnits[2].parent = u"PB"_s;
    CHECK(onlyProblem(p) == "org_units[2].parent: a centre belongs to a cluster, not to \"PB\"");

    Program q = valid();
    q.orgUnits << OrgUnit{u"CT2"_s, u"Sub-centre"_s, OrgUnitKind::Centre, u"CT1"_s};
    CHECK(onlyProblem(q) == "org_units[3].parent: a centre belongs to a cluster, not to \"CT1\"");

    Program r = valid();
    r.orgUnits[2].parent.clear();
    CHECK(onlyProblem(r) == "org_units[2].parent: a centre needs a parent");
}

TEST_CASE("ProgramChecker: an unknown parent and a duplicate unit code", "[checker]")
{
    Program p = valid();
    p.orgUnits[2].parent = u"CL9"_s;
    CHECK(onlyProblem(p) == "org_units[2].parent: unknown org unit \"CL9\"");

    Program q = valid();
    q.orgUnits << OrgUnit{u"CL1"_s, u"Again"_s, OrgUnitKind::Cluster, u"PB"_s};
    CHECK(onlyProblem(q) == "org_units[3].code: duplicate code \"CL1\" (also at org_units[1])");
}

// ---------------------------------------------------------------------------------------------
// Yes/no and milestone indicators

TEST_CASE("ProgramChecker: a yes/no indicator pays only a binary DLR with target 1", "[checker]")
{
    Program p = valid();
    p.dlis[3].dlrs[0].kind = DlrKind::Linear;
    CHECK(onlyProblem(p) == "dlis[3].dlrs[0].kind: a yesno indicator pays only a binary DLR");

    Program q = valid();
    q.dlis[3].dlrs[0].target = dec(2);
    CHECK(onlyProblem(q) ==
          "dlis[3].dlrs[0].target: a yesno indicator is met at 1 (yes); the target must be 1");

    Program r = valid();
    r.indicators[3].unit = IndicatorUnit::Milestone;
    r.dlis[3].dlrs[0].target = Decimal::fromUnits(500'000);
    CHECK(onlyProblem(r) ==
          "dlis[3].dlrs[0].target: a milestone indicator is met at 1 (yes); the target must be 1");

    Program s = valid();
    s.indicators[3].baseline.value = dec(2);
    CHECK(onlyProblem(s) == "indicators[3].baseline.value: a yesno indicator is 1 for yes and 0 "
                            "for no");
}

// ---------------------------------------------------------------------------------------------
// Unit amounts and minimum fractions

TEST_CASE("ProgramChecker: only a per_unit DLR has a unit amount, and it is positive", "[checker]")
{
    Program p = valid();
    p.dlis[0].dlrs[0].unitAmount = usd(100);
    CHECK(onlyProblem(p) == "dlis[0].dlrs[0].unit_amount: only a per_unit DLR has a unit amount");

    Program q = valid();
    q.dlis[2].dlrs[1].unitAmount = Money();
    CHECK(onlyProblem(q) == "dlis[2].dlrs[1].unit_amount: must be more than zero");

    Program r = valid();
    r.dlis[2].dlrs[0].unitAmount = usd(-5);
    CHECK(onlyProblem(r) == "dlis[2].dlrs[0].unit_amount: must be more than zero");
}

TEST_CASE("ProgramChecker: a per_unit DLR built in code without a unit amount is refused",
          "[checker]")
{
    // The program file requires it; a program built in code must get the same check, or the
    // engine would have no rate to pay per unit.
    Program p = valid();
    p.dlis[2].dlrs[0].unitAmount.reset();
    CHECK(onlyProblem(p) == "dlis[2].dlrs[0].unit_amount: a per_unit DLR needs a unit amount");
}

TEST_CASE("ProgramChecker: only a linear DLR has a minimum fraction, below 1", "[checker]")
{
    Program p = valid();
    p.dlis[0].dlrs[1].minFraction = Decimal::fromUnits(250'000);
    CHECK(ProgramChecker::check(p).isEmpty());

    Program q = valid();
    q.dlis[1].dlrs[0].minFraction = Decimal::fromUnits(250'000);
    CHECK(onlyProblem(q) == "dlis[1].dlrs[0].min_fraction: only a linear DLR has a minimum "
                            "fraction");

    Program r = valid();
    r.dlis[0].dlrs[0].minFraction = dec(1);
    CHECK(onlyProblem(r) == "dlis[0].dlrs[0].min_fraction: a share from 0 up to, not including, "
                            "1 (0.2 is 20%)");

    Program s = valid();
    s.dlis[0].dlrs[0].minFraction = Decimal::fromUnits(-1);
    CHECK(onlyProblem(s) == "dlis[0].dlrs[0].min_fraction: a share from 0 up to, not including, "
                            "1 (0.2 is 20%)");
}

// ---------------------------------------------------------------------------------------------
// Targets and baselines

TEST_CASE("ProgramChecker: a target on the wrong side of its baseline is refused", "[checker]")
{
    Program p = valid();
    p.dlis[0].dlrs[0].target = dec(90);
    // 1.1 falls below the indicator's baseline 100; 1.2 still lies above 1.1's target 90.
    CHECK(onlyProblem(p) == "dlis[0].dlrs[0].target: target 90 is below its baseline 100, but "
                            "indicator FIRMS increases");

    Program q = valid();
    q.dlis[1].dlrs[0].target = dec(60);
    CHECK(onlyProblem(q) == "dlis[1].dlrs[0].target: target 60 is above its baseline 45, but "
                            "indicator DAYS decreases");

    Program r = valid();
    r.dlis[2].dlrs[0].baseline = dec(700);
    CHECK(onlyProblem(r) == "dlis[2].dlrs[0].target: target 500 is below its own baseline 700, "
                            "but indicator TRAINED increases");
}

TEST_CASE("ProgramChecker: a decreasing level chained from the previous target", "[checker]")
{
    Program p = valid();
    p.dlis[1].allocation = usd(100'000);
    p.dlis[1].dlrs[0].allocation = usd(50'000);
    p.dlis[1].dlrs << dlr(u"2.2"_s, Period::year(2024), DlrKind::Binary, 20, 50'000);
    CHECK(ProgramChecker::check(p).isEmpty());
    CHECK(p.dlrBaseline(p.dlis[1], 1) == dec(30));

    // 2.2 at 35 is below the indicator's baseline 45 but above 2.1's target 30.
    p.dlis[1].dlrs[1].target = dec(35);
    CHECK(onlyProblem(p) == "dlis[1].dlrs[1].target: target 35 is above its baseline 30, but "
                            "indicator DAYS decreases");
}

TEST_CASE("ProgramChecker: a target equal to its baseline is refused", "[checker]")
{
    Program p = valid();
    p.dlis[0].dlrs[1].target = dec(200); // equals 1.1's target, its chained baseline
    CHECK(onlyProblem(p) ==
          "dlis[0].dlrs[1].target: target 200 equals its baseline 200; nothing could be earned");

    Program q = valid();
    q.dlis[2].dlrs[1].target = dec(10); // a per-period indicator: the indicator's baseline
    CHECK(onlyProblem(q) ==
          "dlis[2].dlrs[1].target: target 10 equals its baseline 10; nothing could be earned");
}

TEST_CASE("ProgramChecker: dlrBaseline chains cumulative DLRs by deadline", "[checker]")
{
    Program p = valid();
    const Dli& d = p.dlis[0];
    CHECK(p.dlrBaseline(d, 0) == dec(100)); // first: the indicator's baseline
    CHECK(p.dlrBaseline(d, 1) == dec(200)); // then the previous DLR's target

    // File order does not matter: DLRs are ordered by deadline.
    std::swap(p.dlis[0].dlrs[0], p.dlis[0].dlrs[1]);
    CHECK(p.dlrOrder(p.dlis[0]) == QList<int>{1, 0});
    CHECK(p.dlrBaseline(p.dlis[0], 1) == dec(100)); // 1.1 (FY2022)
    CHECK(p.dlrBaseline(p.dlis[0], 0) == dec(200)); // 1.2 (FY2023)
    CHECK(ProgramChecker::check(p).isEmpty());
}

TEST_CASE("ProgramChecker: an explicit deadline decides the DLR order", "[checker]")
{
    Program p = valid();
    // A deadline before the start of the DLR's own period is refused.
    p.dlis[0].dlrs[1].deadline = QDate(2021, 12, 31);
    CHECK_THAT(joined(ProgramChecker::check(p)),
               Contains("dlis[0].dlrs[1].deadline: 2021-12-31 is before the start of FY2023"));

    // 1.1 (FY2022) due only at the end of FY2023, after 1.2 falls due at 2022-09-30.
    Program q = valid();
    q.dlis[0].dlrs[0].period = Period::year(2022);
    q.dlis[0].dlrs[0].deadline = QDate(2023, 6, 30);
    q.dlis[0].dlrs[1].period = Period::quarter(2023, 1);
    q.dlis[0].dlrs[1].target = dec(150);
    CHECK(q.dlrOrder(q.dlis[0]) == QList<int>{1, 0});
    CHECK(q.dlrBaseline(q.dlis[0], 1) == dec(100));
    CHECK(q.dlrBaseline(q.dlis[0], 0) == dec(150));
    CHECK(ProgramChecker::check(q).isEmpty());

    // Equal deadlines keep file order.
    Program r = valid();
    r.dlis[0].dlrs[1].period = Period::year(2022);
    CHECK(r.dlrOrder(r.dlis[0]) == QList<int>{0, 1});
    CHECK(r.dlrBaseline(r.dlis[0], 1) == dec(200));
}

TEST_CASE("ProgramChecker: dlrBaseline chains a latest indicator, not a per-period one",
          "[checker]")
{
    Program p = valid();
    // DAYS is `latest`, not cumulative: it chains.
    p.dlis[1].dlrs << dlr(u"2.2"_s, Period::year(2024), DlrKind::Binary, 20, 0);
    CHECK(p.dlrBaseline(p.dlis[1], 0) == dec(45));
    CHECK(p.dlrBaseline(p.dlis[1], 1) == dec(30));

    // TRAINED is a figure per period (sum, not cumulative): every DLR starts from 10.
    CHECK(p.dlrBaseline(p.dlis[2], 0) == dec(10));
    CHECK(p.dlrBaseline(p.dlis[2], 1) == dec(10));

    // A `mean` indicator is also per period.
    p.indicators[2].aggregation = Aggregation::Mean;
    CHECK(p.dlrBaseline(p.dlis[2], 1) == dec(10));

    // Cumulative wins over the aggregation.
    p.indicators[2].cumulative = true;
    p.indicators[2].aggregation = Aggregation::Sum;
    CHECK(p.dlrBaseline(p.dlis[2], 1) == dec(500));
}

TEST_CASE("ProgramChecker: an explicit DLR baseline wins and does not change the chain",
          "[checker]")
{
    Program p = valid();
    p.dlis[0].dlrs[0].baseline = dec(120);
    p.dlis[0].dlrs[1].baseline = dec(250);
    CHECK(p.dlrBaseline(p.dlis[0], 0) == dec(120));
    CHECK(p.dlrBaseline(p.dlis[0], 1) == dec(250));

    // A later DLR without its own chains from the previous target, not its baseline.
    p.dlis[0].dlrs[1].baseline.reset();
    CHECK(p.dlrBaseline(p.dlis[0], 1) == dec(200));

    // On a per-period indicator too.
    p.dlis[2].dlrs[1].baseline = dec(0);
    CHECK(p.dlrBaseline(p.dlis[2], 1) == dec(0));
}

TEST_CASE("ProgramChecker: dlrBaseline of a DLI on an unknown indicator is zero", "[checker]")
{
    Program p = valid();
    p.dlis[0].indicator = u"NOPE"_s;
    CHECK(p.dlrBaseline(p.dlis[0], 1) == Decimal());
    CHECK(onlyProblem(p) == "dlis[0].indicator: unknown indicator \"NOPE\"");
}

// ---------------------------------------------------------------------------------------------
// Program range

TEST_CASE("ProgramChecker: the program runs from the fiscal year of its earliest date", "[checker]")
{
    Program p = valid();
    CHECK(p.firstYear() == Period::year(2020)); // signed 2020-01-15
    CHECK(p.lastYear() == Period::year(2024));  // closes 2024-06-30

    // A baseline dated before signing moves the start back.
    p.indicators[1].baseline.date = QDate(2018, 12, 31);
    CHECK(p.firstYear() == Period::year(2019));

    // A closing date on 1 July is in the next fiscal year.
    p.closingDate = QDate(2024, 7, 1);
    CHECK(p.lastYear() == Period::year(2025));

    // Calendar fiscal years.
    p.fiscalYearStartMonth = 1;
    CHECK(p.firstYear() == Period::year(2018));
    CHECK(p.lastYear() == Period::year(2024));
}

TEST_CASE("ProgramChecker: periodInRange takes years and quarters inside the range", "[checker]")
{
    const Program p = valid(); // FY2020 .. FY2024
    CHECK(p.periodInRange(Period::year(2020)));
    CHECK(p.periodInRange(Period::quarter(2020, 1)));
    CHECK(p.periodInRange(Period::year(2024)));
    CHECK(p.periodInRange(Period::quarter(2024, 4)));
    CHECK_FALSE(p.periodInRange(Period::year(2019)));
    CHECK_FALSE(p.periodInRange(Period::quarter(2019, 4)));
    CHECK_FALSE(p.periodInRange(Period::year(2025)));
    CHECK_FALSE(p.periodInRange(Period::quarter(2025, 1)));
    CHECK_FALSE(p.periodInRange(Period()));

    Program undated = valid();
    undated.signingDate = QDate();
    for (Indicator& x : undated.indicators)
        x.baseline.date = QDate();
    CHECK_FALSE(undated.firstYear().isValid());
    CHECK_FALSE(undated.periodInRange(Period::year(2022)));
}

TEST_CASE("ProgramChecker: periods outside the program are refused where they stand", "[checker]")
{
    Program p = valid();
    p.dlis[0].dlrs[1].period = Period::year(2025);
    CHECK(onlyProblem(p) == "dlis[0].dlrs[1].period: FY2025 lies outside the program, which runs "
                            "from FY2020 to FY2024");

    Program q = valid();
    q.indicators[0].targets = {Target{Period::year(2022), dec(200)},
                               Target{Period::year(2019), dec(150)}};
    CHECK(onlyProblem(q) == "indicators[0].targets[1].period: FY2019 lies outside the program, "
                            "which runs from FY2020 to FY2024");

    Program r = valid();
    r.indicators[0].targets = {Target{Period::year(2022), dec(200)},
                               Target{Period::year(2022), dec(250)}};
    CHECK(onlyProblem(r) == "indicators[0].targets[1].period: a second target for FY2022");
}

TEST_CASE("ProgramChecker: DLR deadlines lie inside their period and the program", "[checker]")
{
    Program p = valid();
    p.dlis[1].dlrs[0].deadline = QDate(2024, 7, 1);
    CHECK(onlyProblem(p) ==
          "dlis[1].dlrs[0].deadline: 2024-07-01 is after the closing date 2024-06-30");
}

// ---------------------------------------------------------------------------------------------
// Money and program settings

TEST_CASE("ProgramChecker: allocations add up within the DLI and the financing", "[checker]")
{
    Program p = valid();
    p.dlis[0].dlrs[1].allocation = usd(350'001);
    CHECK(onlyProblem(p) == "dlis[0].dlrs: the DLR allocations add up to US$600,001.00, more "
                            "than the DLI's allocation of US$600,000.00");

    Program q = valid();
    q.financing = usd(850'000);
    CHECK(onlyProblem(q) == "dlis: the DLI allocations add up to US$900,000.00, more than the "
                            "program's financing of US$850,000.00");

    // Exactly the financing is fine.
    Program r = valid();
    r.financing = usd(900'000);
    CHECK(ProgramChecker::check(r).isEmpty());
}

TEST_CASE("ProgramChecker: amounts and program settings must make sense", "[checker]")
{
    Program p = valid();
    p.dlis[1].dlrs[0].allocation = Money();
    CHECK(onlyProblem(p) == "dlis[1].dlrs[0].allocation: must be more than zero");

    Program q = valid();
    q.closingDate = q.signingDate;
    CHECK_THAT(joined(ProgramChecker::check(q)),
               Contains("program.closing_date: 2020-01-15 is not after the signing date "
                        "2020-01-15"));

    Program r = valid();
    r.advanceCapShare = Decimal::fromUnits(1'000'001);
    CHECK(onlyProblem(r) == "program.advance_cap_share: a share lies between 0 and 1 (0.25 is "
                            "25%)");

    Program s = valid();
    s.dlis[1].dlrs.clear();
    CHECK(onlyProblem(s) == "dlis[1].dlrs: a DLI needs at least one DLR");

    Program t = valid();
    t.dlis[1].protocol.maxErrorRate = dec(2);
    CHECK(onlyProblem(t) ==
          "dlis[1].protocol.max_error_rate: a share lies between 0 and 1 (0.1 is 10%)");
}

TEST_CASE("ProgramChecker: result areas, disaggregations and tolerances", "[checker]")
{
    Program p = valid();
    p.indicators[0].resultArea = u"RA9"_s;
    CHECK(onlyProblem(p) == "indicators[0].result_area: unknown result area \"RA9\"");

    Program q = valid();
    q.indicators[2].disaggregation = Disaggregation{u"sex"_s, {u"women"_s, u"women"_s}};
    CHECK(onlyProblem(q) == "indicators[2].disaggregation.categories: a category is listed twice");

    Program r = valid();
    r.indicators[2].tolerance = Decimal::fromUnits(-50'000);
    CHECK(onlyProblem(r) == "indicators[2].tolerance: a share lies between 0 and 1 (0.05 is 5%)");

    Program s = valid();
    s.resultAreas = {ResultArea{u"RA1"_s, u"One"_s}, ResultArea{u"RA1"_s, u"Two"_s}};
    CHECK(onlyProblem(s) == "result_areas[1].code: duplicate code \"RA1\" (also at "
                            "result_areas[0])");
}

TEST_CASE("ProgramChecker: formulas and validation rules name known indicators", "[checker]")
{
    Program p = valid();
    Indicator share = indicator(u"SHARE"_s, Direction::Increase, false, Aggregation::Mean, 0);
    share.source.kind = SourceKind::Formula;
    share.source.formula = u"100 * TRAINED / max(FIRMS, 1)"_s;
    p.indicators << share;
    p.validationRules << ValidationRule{u"R1"_s,         u"TRAINED"_s,    RuleOperator::LessEqual,
                                        u"FIRMS + 10"_s, Severity::Error, u"check"_s};
    CHECK(ProgramChecker::check(p).isEmpty());

    p.indicators[4].source.formula = u"100 * TRAINEES / FIRMS"_s;
    p.validationRules[0].left = u"TRAINED_W"_s;
    const QStringList problems = ProgramChecker::check(p);
    CHECK(problems == QStringList{u"indicators[4].source.formula: unknown indicator "
                                  u"\"TRAINEES\""_s,
                                  u"validation_rules[0].left: unknown indicator \"TRAINED_W\""_s});
}

TEST_CASE("ProgramChecker: identifiers lists indicator codes, not function names", "[checker]")
{
    CHECK(ProgramChecker::identifiers(u"100 * EXP_WOMEN / EXP_ALL"_s) ==
          QStringList{u"EXP_WOMEN"_s, u"EXP_ALL"_s});
    CHECK(ProgramChecker::identifiers(u"max(A, B) + abs (C) - min(A,1)"_s) ==
          QStringList{u"A"_s, u"B"_s, u"C"_s});
    CHECK(ProgramChecker::identifiers(u"JOBS_WOMEN"_s) == QStringList{u"JOBS_WOMEN"_s});
    CHECK(ProgramChecker::identifiers(u"1e3 + 2.5 * X1"_s) == QStringList{u"X1"_s});
    CHECK(ProgramChecker::identifiers(u"42"_s).isEmpty());
    CHECK(ProgramChecker::identifiers(QString()).isEmpty());
}

// ---------------------------------------------------------------------------------------------
// Checks that keep later computations meaningful

TEST_CASE("ProgramChecker: indicator codes must be usable in formulas", "[checker]")
{
    Program p = valid();
    p.indicators[2].code = u"TRAINED-W"_s;
    p.dlis[2].indicator = u"TRAINED-W"_s;
    CHECK_THAT(onlyProblem(p), Contains("indicators[2].code: \"TRAINED-W\": an indicator code is "
                                        "letters, digits and _"));
}

TEST_CASE("ProgramChecker: an indicator reported at a level with no units is refused", "[checker]")
{
    Program p = valid();
    p.orgUnits.removeLast(); // the only centre
    p.indicators[2].reportedAt = OrgUnitKind::Centre;
    CHECK(onlyProblem(p) ==
          "indicators[2].reported_at: no org unit of kind centre exists to report at");
}

TEST_CASE("ProgramChecker: a blank disaggregation category is refused", "[checker]")
{
    Program p = valid();
    p.indicators[2].disaggregation = Disaggregation{u"sex"_s, {u"women"_s, u" "_s}};
    CHECK(onlyProblem(p) ==
          "indicators[2].disaggregation.categories: a category must not be blank");
}

TEST_CASE("ProgramChecker: a DLR whose period ends after closing needs a deadline", "[checker]")
{
    Program p = valid();
    p.closingDate = QDate(2024, 3, 31);
    p.dlis[0].dlrs[1].period = Period::year(2024);
    CHECK(onlyProblem(p) == "dlis[0].dlrs[1].period: FY2024 ends on 2024-06-30, after the closing "
                            "date 2024-03-31; give the DLR a deadline on or before the closing "
                            "date");
    p.dlis[0].dlrs[1].deadline = QDate(2024, 3, 31);
    CHECK(ProgramChecker::check(p).isEmpty());
}

TEST_CASE("ProgramChecker: a yearly indicator takes DLRs for fiscal years only", "[checker]")
{
    Program p = valid();
    p.indicators[2].frequency = Frequency::Yearly;
    p.dlis[2].dlrs[0].period = Period::quarter(2022, 2);
    CHECK(onlyProblem(p) == "dlis[2].dlrs[0].period: indicator TRAINED is reported yearly, so its "
                            "DLRs are for fiscal years, not FY2022-Q2");
}

TEST_CASE("ProgramChecker: a milestone already met at its baseline cannot pay", "[checker]")
{
    Program p = valid();
    p.indicators[3].baseline.value = dec(1);
    CHECK_THAT(onlyProblem(p), Contains("dlis[3].dlrs[0].target: target 1 equals its baseline 1"));
}

TEST_CASE("ProgramChecker: muParser constants are not taken for indicator codes", "[checker]")
{
    CHECK(ProgramChecker::identifiers(u"2 * _pi * FIRMS + _e"_s) == QStringList{u"FIRMS"_s});
}

TEST_CASE("ProgramChecker: a yearly indicator takes targets for fiscal years only", "[checker]")
{
    Program p = valid();
    p.indicators[2].frequency = Frequency::Yearly;
    p.indicators[2].targets = {Target{Period::quarter(2022, 2), dec(50)}};
    CHECK(onlyProblem(p) == "indicators[2].targets[0].period: indicator TRAINED is reported "
                            "yearly, so its targets are for fiscal years, not FY2022-Q2");
}

TEST_CASE("ProgramChecker: targets and DLRs must lie after the baseline date", "[checker]")
{
    Program p = valid();
    p.indicators[0].targets = {Target{Period::year(2020), dec(150)}};
    CHECK(onlyProblem(p) ==
          "indicators[0].targets[0].period: FY2020 ends on or before the baseline date 2020-06-30");

    Program q = valid();
    q.indicators[1].baseline.date = QDate(2023, 6, 30);
    q.dlis[1].dlrs[0].timeBound = true; // cut-off at the end of FY2023, the baseline date
    CHECK(onlyProblem(q) == "dlis[1].dlrs[0].period: the DLR's cut-off 2023-06-30 is not after "
                            "the baseline date 2023-06-30 of indicator DAYS");
}

TEST_CASE("ProgramChecker: register sources name the register's own fields", "[checker]")
{
    Program p = valid();
    p.indicators[2].source.kind = SourceKind::Register;
    p.indicators[2].source.registerKind = RegisterKind::Services;
    p.indicators[2].source.measure = RegisterMeasure::Count;
    p.indicators[2].source.filters = {{u"status"_s, u"completed"_s}};
    CHECK(ProgramChecker::check(p).isEmpty());

    p.indicators[2].source.filters = {{u"colour"_s, u"red"_s}};
    CHECK_THAT(onlyProblem(p), Contains("indicators[2].source.filters.colour: the services "
                                        "register has no field \"colour\""));
    p.indicators[2].source.filters = {{u"status"_s, u"done"_s}};
    CHECK_THAT(onlyProblem(p),
               Contains("indicators[2].source.filters.status: expected one of planned, ongoing"));
    p.indicators[2].source.filters = {{u"cluster"_s, u"CT1"_s}};
    CHECK(onlyProblem(p) ==
          "indicators[2].source.filters.cluster: \"CT1\" is not a cluster of the program");

    p.indicators[2].source.filters.clear();
    p.indicators[2].source.measure = RegisterMeasure::Sum;
    p.indicators[2].source.field = u"provider"_s;
    CHECK_THAT(onlyProblem(p), Contains("indicators[2].source.field: the services register has "
                                        "no number field \"provider\" to sum; it has cost"));
}
