// ValueCalculator without a database: the worked example's program (DOMAIN.md, WORKED-EXAMPLES.md)
// with indicators added in C++, observations in memory and a fake register function that records
// what it is asked.
#include "core/engine/value_calculator.h"
#include "core/io/program_reader.h"
#include "core/model/program_checker.h"
#include "support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

Period per(QStringView code)
{
    const auto p = Period::parse(code);
    REQUIRE(p.ok());
    return *p;
}

// The worked example's program: PB > C1, C2; EXP_FIRMS (cumulative sum, per cluster, baseline
// 40 on 2019-06-30), TRAINED_W (sum per year, per cluster), DAYS (latest, program, baseline 45).
Program worked()
{
    auto p = ProgramReader::readFile(test::sharedExample(u"worked-program.json"_s));
    if (!p)
        FAIL(p.error().text().toStdString());
    return std::move(p).value();
}

// An indicator of the worked program's shape: reported per cluster, quarterly, baseline 0 on
// 2019-06-30.
Indicator indicator(const QString& code, Aggregation aggregation = Aggregation::Sum,
                    bool cumulative = false)
{
    Indicator x;
    x.code = code;
    x.title = code;
    x.aggregation = aggregation;
    x.cumulative = cumulative;
    x.reportedAt = OrgUnitKind::Cluster;
    x.baseline = Baseline{Decimal(), QDate(2019, 6, 30)};
    x.resultArea = u"RA1"_s;
    return x;
}

Indicator formula(const QString& code, const QString& text)
{
    Indicator x = indicator(code);
    x.source.kind = SourceKind::Formula;
    x.source.formula = text;
    return x;
}

Observation obs(const QString& indicator, QStringView period, const QString& unit,
                QStringView value, const QString& state = u"verified"_s,
                const QString& category = {})
{
    Observation o;
    o.indicator = indicator;
    o.period = per(period);
    o.orgUnit = unit;
    o.category = category;
    o.value = dec(value);
    o.state = state;
    return o;
}

// The verified observations of WORKED-EXAMPLES.md.
QList<Observation> workedObservations()
{
    return {obs(u"EXP_FIRMS"_s, u"FY2020-Q3", u"C1"_s, u"12"),
            obs(u"EXP_FIRMS"_s, u"FY2021-Q2", u"C2"_s, u"20"),
            obs(u"EXP_FIRMS"_s, u"FY2021-Q4", u"C1"_s, u"13"),
            obs(u"EXP_FIRMS"_s, u"FY2022-Q2", u"C1"_s, u"50"),
            obs(u"TRAINED_W"_s, u"FY2021-Q1", u"C1"_s, u"120"),
            obs(u"TRAINED_W"_s, u"FY2021-Q3", u"C2"_s, u"150"),
            obs(u"TRAINED_W"_s, u"FY2021-Q4", u"C1"_s, u"80"),
            obs(u"DAYS"_s, u"FY2021-Q4", u"PB"_s, u"30"),
            obs(u"DAYS"_s, u"FY2022-Q3", u"PB"_s, u"18")};
}

IndicatorValue valueOf(ValueCalculator& calc, const QString& indicator, QStringView period,
                       const QString& unit)
{
    auto v = calc.value(indicator, per(period), unit);
    INFO(indicator.toStdString() << " " << period.toString().toStdString() << " "
                                 << unit.toStdString());
    if (!v)
        FAIL(v.error().text().toStdString());
    return v.value();
}

// The value as text, "-" when there is none.
QString text(ValueCalculator& calc, const QString& indicator, QStringView period,
             const QString& unit)
{
    const IndicatorValue v = valueOf(calc, indicator, period, unit);
    return v.hasValue ? v.value.toString() : u"-"_s;
}

// A register function that answers `answer` and records every call.
struct FakeRegisters {
    struct Call {
        IndicatorSource source;
        QDate from;
        QDate to;
        QStringList units;
    };
    QList<Call> calls;
    Result<Decimal> answer = Decimal::fromInt(7);

    ValueCalculator::RegisterAggregate function()
    {
        return [this](const IndicatorSource& s, const QDate& from, const QDate& to,
                      const QStringList& units) -> Result<Decimal> {
            calls << Call{s, from, to, units};
            return answer;
        };
    }
};

} // namespace

TEST_CASE("Value calculator: a sum per quarter, per year and per cluster", "[values]")
{
    const Program p = worked();
    ValueCalculator calc(p, workedObservations());
    CHECK(text(calc, u"TRAINED_W"_s, u"FY2021-Q1", u"PB"_s) == u"120"_s);
    CHECK(text(calc, u"TRAINED_W"_s, u"FY2021-Q3", u"PB"_s) == u"150"_s);
    const IndicatorValue none = valueOf(calc, u"TRAINED_W"_s, u"FY2021-Q2", u"PB"_s);
    CHECK_FALSE(none.hasValue);
    CHECK_FALSE(none.note.isEmpty());
    // A year sums its quarters: 120 + 150 + 80.
    const IndicatorValue year = valueOf(calc, u"TRAINED_W"_s, u"FY2021", u"PB"_s);
    CHECK(year.hasValue);
    CHECK(year.value == Decimal::fromInt(350));
    CHECK(year.observations == 3);
    CHECK(text(calc, u"TRAINED_W"_s, u"FY2021", u"C1"_s) == u"200"_s);
    CHECK(text(calc, u"TRAINED_W"_s, u"FY2021", u"C2"_s) == u"150"_s);
    // Per period, not cumulative: nothing in FY2022, and no baseline for it either.
    CHECK(text(calc, u"TRAINED_W"_s, u"FY2022", u"PB"_s) == u"-"_s);
}

TEST_CASE("Value calculator: a cumulative sum adds the baseline at the root only", "[values]")
{
    const Program p = worked();
    QList<Observation> o = workedObservations();
    // A period that begins before the baseline date does not count.
    o << obs(u"EXP_FIRMS"_s, u"FY2019-Q4", u"C1"_s, u"7");
    ValueCalculator calc(p, o);
    // WORKED-EXAMPLES.md: 40 + 12 + 20 = 72 at the middle of FY2021, 85 at its end, 135 later.
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2019", u"PB"_s) == u"40"_s);
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2020-Q2", u"PB"_s) == u"40"_s);
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2020-Q3", u"PB"_s) == u"52"_s);
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2020", u"PB"_s) == u"52"_s);
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2021-Q2", u"PB"_s) == u"72"_s);
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2021-Q3", u"PB"_s) == u"72"_s);
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2021", u"PB"_s) == u"85"_s);
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2022", u"PB"_s) == u"135"_s);
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2023", u"PB"_s) == u"135"_s);

    const IndicatorValue baseline = valueOf(calc, u"EXP_FIRMS"_s, u"FY2019", u"PB"_s);
    CHECK(baseline.observations == 0);
    CHECK_FALSE(baseline.verifiedOnly);

    // A cluster has no baseline of its own: 12 + 13 in C1, 20 in C2; with the program's 40 they
    // make the program's 85.
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2021", u"C1"_s) == u"25"_s);
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2021", u"C2"_s) == u"20"_s);
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2020", u"C2"_s) == u"-"_s);
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2022-Q2", u"C1"_s) == u"75"_s);
}

TEST_CASE("Value calculator: latest levels per unit, added, and the baseline", "[values]")
{
    Program p = worked();
    p.indicators << indicator(u"LEVEL"_s, Aggregation::Latest);
    p.indicators.last().baseline.value = Decimal::fromInt(3);
    p.indicators << indicator(u"SILENT"_s, Aggregation::Latest);
    p.indicators.last().baseline.value = Decimal::fromInt(9);
    QList<Observation> o = workedObservations();
    o << obs(u"LEVEL"_s, u"FY2021-Q1", u"C1"_s, u"10")
      << obs(u"LEVEL"_s, u"FY2021-Q3", u"C1"_s, u"12")
      << obs(u"LEVEL"_s, u"FY2021-Q2", u"C2"_s, u"5", u"draft"_s);
    ValueCalculator calc(p, o);

    // DAYS: the baseline 45 until the first report, then the latest level, which still counts in
    // later periods without a report.
    CHECK(text(calc, u"DAYS"_s, u"FY2020", u"PB"_s) == u"45"_s);
    CHECK(text(calc, u"DAYS"_s, u"FY2021-Q3", u"PB"_s) == u"45"_s);
    CHECK(text(calc, u"DAYS"_s, u"FY2021-Q4", u"PB"_s) == u"30"_s);
    CHECK(text(calc, u"DAYS"_s, u"FY2021", u"PB"_s) == u"30"_s);
    CHECK(text(calc, u"DAYS"_s, u"FY2022-Q1", u"PB"_s) == u"30"_s);
    CHECK(text(calc, u"DAYS"_s, u"FY2022-Q2", u"PB"_s) == u"30"_s);
    CHECK(text(calc, u"DAYS"_s, u"FY2022", u"PB"_s) == u"18"_s);
    CHECK(text(calc, u"DAYS"_s, u"FY2023-Q4", u"PB"_s) == u"18"_s);
    const IndicatorValue reached = valueOf(calc, u"DAYS"_s, u"FY2023", u"PB"_s);
    CHECK(reached.observations == 1);
    CHECK(reached.verifiedOnly);

    // The latest per unit, then added; a unit with nothing yet adds nothing.
    CHECK(text(calc, u"LEVEL"_s, u"FY2021-Q1", u"PB"_s) == u"10"_s);
    CHECK(text(calc, u"LEVEL"_s, u"FY2021-Q2", u"PB"_s) == u"15"_s);
    CHECK(text(calc, u"LEVEL"_s, u"FY2021", u"PB"_s) == u"17"_s);
    CHECK(text(calc, u"LEVEL"_s, u"FY2023", u"PB"_s) == u"17"_s);
    CHECK(text(calc, u"LEVEL"_s, u"FY2021-Q2", u"C1"_s) == u"10"_s);
    CHECK(text(calc, u"LEVEL"_s, u"FY2022", u"C2"_s) == u"5"_s);
    // Before any report: the program stands at its baseline, a cluster has no value.
    CHECK(text(calc, u"LEVEL"_s, u"FY2020", u"PB"_s) == u"3"_s);
    CHECK(text(calc, u"LEVEL"_s, u"FY2021-Q1", u"C2"_s) == u"-"_s);
    const IndicatorValue mixed = valueOf(calc, u"LEVEL"_s, u"FY2021", u"PB"_s);
    CHECK(mixed.observations == 2);
    CHECK_FALSE(mixed.verifiedOnly); // C2's level is a draft

    // No observation anywhere: the baseline for the program, nothing for a cluster.
    const IndicatorValue silent = valueOf(calc, u"SILENT"_s, u"FY2022", u"PB"_s);
    CHECK(silent.hasValue);
    CHECK(silent.value == Decimal::fromInt(9));
    CHECK(silent.observations == 0);
    CHECK_FALSE(silent.verifiedOnly);
    CHECK(text(calc, u"SILENT"_s, u"FY2022", u"C1"_s) == u"-"_s);
}

TEST_CASE("Value calculator: a mean per unit, then the mean of the means, rounded", "[values]")
{
    Program p = worked();
    p.indicators << indicator(u"SCORE"_s, Aggregation::Mean);
    QList<Observation> o{obs(u"SCORE"_s, u"FY2021-Q1", u"C1"_s, u"1"),
                         obs(u"SCORE"_s, u"FY2021-Q2", u"C1"_s, u"2"),
                         obs(u"SCORE"_s, u"FY2021-Q1", u"C2"_s, u"1"),
                         obs(u"SCORE"_s, u"FY2021-Q2", u"C2"_s, u"1"),
                         obs(u"SCORE"_s, u"FY2021-Q3", u"C2"_s, u"2"),
                         obs(u"SCORE"_s, u"FY2022-Q1", u"C1"_s, u"-1"),
                         obs(u"SCORE"_s, u"FY2022-Q2", u"C1"_s, u"-1"),
                         obs(u"SCORE"_s, u"FY2022-Q3", u"C1"_s, u"0"),
                         obs(u"SCORE"_s, u"FY2022-Q4", u"C2"_s, u"0"),
                         obs(u"SCORE"_s, u"FY2020-Q1", u"C1"_s, u"1"),
                         obs(u"SCORE"_s, u"FY2020-Q2", u"C1"_s, u"1"),
                         obs(u"SCORE"_s, u"FY2020-Q3", u"C1"_s, u"0"),
                         obs(u"SCORE"_s, u"FY2020-Q4", u"C2"_s, u"0")};
    ValueCalculator calc(p, o);
    CHECK(text(calc, u"SCORE"_s, u"FY2021", u"C1"_s) == u"1.5"_s);
    CHECK(text(calc, u"SCORE"_s, u"FY2021", u"C2"_s) == u"1.333333"_s);
    // (1.5 + 4/3) / 2 = 17/12, not the mean of all five figures (1.4).
    CHECK(text(calc, u"SCORE"_s, u"FY2021", u"PB"_s) == u"1.416667"_s);
    CHECK(text(calc, u"SCORE"_s, u"FY2021-Q1", u"PB"_s) == u"1"_s);
    CHECK(text(calc, u"SCORE"_s, u"FY2021-Q3", u"PB"_s) == u"2"_s); // only C2 reported
    CHECK(valueOf(calc, u"SCORE"_s, u"FY2021", u"PB"_s).observations == 5);
    // Rounded half away from zero, negative values too.
    CHECK(text(calc, u"SCORE"_s, u"FY2022", u"C1"_s) == u"-0.666667"_s);
    // Rounded once: (2/3 + 0) / 2 is 1/3, not 0.666667 / 2 rounded again (0.333334).
    CHECK(text(calc, u"SCORE"_s, u"FY2020", u"PB"_s) == u"0.333333"_s);
    CHECK(text(calc, u"SCORE"_s, u"FY2022", u"PB"_s) == u"-0.333333"_s);
    // Nothing inside the period: no value, even at the root (a mean has no baseline to stand at).
    CHECK(text(calc, u"SCORE"_s, u"FY2023", u"PB"_s) == u"-"_s);
    CHECK(text(calc, u"SCORE"_s, u"FY2023", u"C1"_s) == u"-"_s);
}

TEST_CASE("Value calculator: a disaggregated indicator's total sums its categories", "[values]")
{
    Program p = worked();
    Indicator jobs = indicator(u"JOBS"_s);
    jobs.frequency = Frequency::Yearly;
    jobs.disaggregation = Disaggregation{u"sex"_s, {u"women"_s, u"men"_s}};
    p.indicators << jobs;
    ValueCalculator calc(p, {obs(u"JOBS"_s, u"FY2021", u"C1"_s, u"3", u"verified"_s, u"women"_s),
                             obs(u"JOBS"_s, u"FY2021", u"C1"_s, u"5", u"verified"_s, u"men"_s),
                             obs(u"JOBS"_s, u"FY2021", u"C2"_s, u"2.5", u"verified"_s, u"women"_s),
                             obs(u"JOBS"_s, u"FY2021", u"C2"_s, u"4", u"verified"_s, u"men"_s),
                             obs(u"JOBS"_s, u"FY2022", u"C2"_s, u"1", u"verified"_s, u"women"_s)});
    const IndicatorValue all = valueOf(calc, u"JOBS"_s, u"FY2021", u"PB"_s);
    CHECK(all.value == dec(u"14.5"));
    CHECK(all.observations == 4);
    CHECK(text(calc, u"JOBS"_s, u"FY2021", u"C1"_s) == u"8"_s);
    CHECK(text(calc, u"JOBS"_s, u"FY2022", u"PB"_s) == u"1"_s);
    // A yearly indicator has no quarterly value.
    CHECK(text(calc, u"JOBS"_s, u"FY2021-Q1", u"PB"_s) == u"-"_s);
}

TEST_CASE("Value calculator: verified only when every figure behind the value is verified",
          "[values]")
{
    const Program p = worked();
    SECTION("all verified")
    {
        ValueCalculator calc(p, workedObservations());
        CHECK(valueOf(calc, u"TRAINED_W"_s, u"FY2021", u"PB"_s).verifiedOnly);
        CHECK(valueOf(calc, u"EXP_FIRMS"_s, u"FY2021", u"PB"_s).verifiedOnly);
    }
    SECTION("one draft or submitted figure")
    {
        QList<Observation> o = workedObservations();
        o[6].state = u"draft"_s;     // TRAINED_W FY2021-Q4 C1
        o[1].state = u"submitted"_s; // EXP_FIRMS FY2021-Q2 C2
        ValueCalculator calc(p, o);
        CHECK_FALSE(valueOf(calc, u"TRAINED_W"_s, u"FY2021", u"PB"_s).verifiedOnly);
        CHECK(valueOf(calc, u"TRAINED_W"_s, u"FY2021-Q3", u"PB"_s).verifiedOnly);
        CHECK_FALSE(valueOf(calc, u"EXP_FIRMS"_s, u"FY2021", u"PB"_s).verifiedOnly);
        CHECK(valueOf(calc, u"EXP_FIRMS"_s, u"FY2021", u"C1"_s).verifiedOnly);
        CHECK(valueOf(calc, u"EXP_FIRMS"_s, u"FY2021", u"PB"_s).value == Decimal::fromInt(85));
    }
    SECTION("no figure at all")
    {
        ValueCalculator calc(p, {});
        const IndicatorValue none = valueOf(calc, u"TRAINED_W"_s, u"FY2021", u"PB"_s);
        CHECK_FALSE(none.hasValue);
        CHECK_FALSE(none.verifiedOnly);
        CHECK(none.observations == 0);
        const IndicatorValue baseline = valueOf(calc, u"DAYS"_s, u"FY2021", u"PB"_s);
        CHECK(baseline.hasValue);
        CHECK_FALSE(baseline.verifiedOnly);
    }
}

TEST_CASE("Value calculator: rejected and superseded observations never count", "[values]")
{
    CHECK(ValueCalculator::counts(obs(u"DAYS"_s, u"FY2021-Q1", u"PB"_s, u"1", u"draft"_s)));
    CHECK(ValueCalculator::counts(obs(u"DAYS"_s, u"FY2021-Q1", u"PB"_s, u"1", u"queried"_s)));
    CHECK_FALSE(
        ValueCalculator::counts(obs(u"DAYS"_s, u"FY2021-Q1", u"PB"_s, u"1", u"rejected"_s)));
    CHECK_FALSE(
        ValueCalculator::counts(obs(u"DAYS"_s, u"FY2021-Q1", u"PB"_s, u"1", u"superseded"_s)));

    const Program p = worked();
    QList<Observation> o = workedObservations();
    o << obs(u"TRAINED_W"_s, u"FY2021-Q2", u"C1"_s, u"999", u"rejected"_s)
      << obs(u"TRAINED_W"_s, u"FY2021-Q1", u"C2"_s, u"500", u"superseded"_s)
      << obs(u"EXP_FIRMS"_s, u"FY2021-Q1", u"C2"_s, u"1000", u"rejected"_s)
      << obs(u"DAYS"_s, u"FY2023-Q1", u"PB"_s, u"5", u"rejected"_s)
      << obs(u"DAYS"_s, u"FY2023-Q2", u"PB"_s, u"4", u"superseded"_s);
    ValueCalculator calc(p, o);
    const IndicatorValue trained = valueOf(calc, u"TRAINED_W"_s, u"FY2021", u"PB"_s);
    CHECK(trained.value == Decimal::fromInt(350));
    CHECK(trained.observations == 3);
    CHECK(trained.verifiedOnly);
    CHECK(text(calc, u"TRAINED_W"_s, u"FY2021-Q2", u"PB"_s) == u"-"_s);
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2021", u"PB"_s) == u"85"_s);
    CHECK(text(calc, u"DAYS"_s, u"FY2023", u"PB"_s) == u"18"_s);
}

TEST_CASE("Value calculator: register indicators ask for the right rows", "[values]")
{
    Program p = worked();
    p.orgUnits << OrgUnit{u"D1"_s, u"Design centre"_s, OrgUnitKind::Centre, u"C1"_s};
    Indicator count = indicator(u"SERVICES"_s);
    count.source.kind = SourceKind::Register;
    count.source.registerKind = RegisterKind::Services;
    count.source.measure = RegisterMeasure::Count;
    count.source.filters = {{u"status"_s, u"completed"_s}};
    Indicator served = indicator(u"SERVED"_s, Aggregation::Sum, true);
    served.source = count.source;
    served.source.measure = RegisterMeasure::CountDistinctFirms;
    served.baseline = Baseline{Decimal::fromInt(5), QDate(2019, 6, 30)};
    p.indicators << count << served;

    FakeRegisters registers;
    ValueCalculator calc(p, workedObservations(), registers.function());
    const auto lastCall = [&registers] {
        REQUIRE_FALSE(registers.calls.isEmpty());
        return registers.calls.last();
    };

    // Per period: the period's own dates; the whole program passes no unit (every row).
    const IndicatorValue q2 = valueOf(calc, u"SERVICES"_s, u"FY2021-Q2", u"PB"_s);
    CHECK(q2.hasValue);
    CHECK(q2.value == Decimal::fromInt(7));
    CHECK(q2.observations == 0);
    CHECK_FALSE(q2.verifiedOnly);
    CHECK(lastCall().source == count.source);
    CHECK(lastCall().from == QDate(2020, 10, 1));
    CHECK(lastCall().to == QDate(2020, 12, 31));
    CHECK(lastCall().units.isEmpty());

    // A cluster passes its subtree.
    CHECK(text(calc, u"SERVICES"_s, u"FY2021", u"C1"_s) == u"7"_s);
    CHECK(lastCall().from == QDate(2020, 7, 1));
    CHECK(lastCall().to == QDate(2021, 6, 30));
    CHECK(lastCall().units == QStringList{u"C1"_s, u"D1"_s});
    CHECK(text(calc, u"SERVICES"_s, u"FY2021", u"C2"_s) == u"7"_s);
    CHECK(lastCall().units == QStringList{u"C2"_s});

    // Cumulative: from the day after the baseline date to the period's end, so that a firm
    // counts once over the whole window; the baseline is added for the program only.
    CHECK(text(calc, u"SERVED"_s, u"FY2021-Q3", u"PB"_s) == u"12"_s);
    CHECK(lastCall().source == served.source);
    CHECK(lastCall().from == QDate(2019, 7, 1));
    CHECK(lastCall().to == QDate(2021, 3, 31));
    CHECK(lastCall().units.isEmpty());
    CHECK(text(calc, u"SERVED"_s, u"FY2022", u"D1"_s) == u"7"_s);
    CHECK(lastCall().from == QDate(2019, 7, 1));
    CHECK(lastCall().to == QDate(2022, 6, 30));
    CHECK(lastCall().units == QStringList{u"D1"_s});

    // Values are cached: asking again asks the registers nothing.
    const qsizetype calls = registers.calls.size();
    CHECK(text(calc, u"SERVED"_s, u"FY2021-Q3", u"PB"_s) == u"12"_s);
    CHECK(registers.calls.size() == calls);
}

TEST_CASE("Value calculator: register failures and a missing register function", "[values]")
{
    Program p = worked();
    Indicator count = indicator(u"SERVICES"_s);
    count.source.kind = SourceKind::Register;
    p.indicators << count;

    FakeRegisters registers;
    registers.answer = Error(ErrorCode::InvalidInput, u"no field \"colour\""_s);
    ValueCalculator failing(p, {}, registers.function());
    const auto v = failing.value(u"SERVICES"_s, per(u"FY2021"), u"PB"_s);
    REQUIRE_FALSE(v.ok());
    CHECK_THAT(v.error().message.toStdString(), Contains("colour"));

    ValueCalculator without(p, {});
    const IndicatorValue none = valueOf(without, u"SERVICES"_s, u"FY2021", u"PB"_s);
    CHECK_FALSE(none.hasValue);
    CHECK_FALSE(none.note.isEmpty());
}

TEST_CASE("Value calculator: claims take register-defined indicators from observations", "[values]")
{
    Program p = worked();
    Indicator count = indicator(u"SERVICES"_s);
    count.source.kind = SourceKind::Register;
    Indicator served = indicator(u"SERVED"_s, Aggregation::Sum, true);
    served.source.kind = SourceKind::Register;
    served.source.measure = RegisterMeasure::CountDistinctFirms;
    served.baseline.value = Decimal::fromInt(5);
    p.indicators << count << served;
    const QList<Observation> o{obs(u"SERVICES"_s, u"FY2021-Q1", u"C1"_s, u"3"),
                               obs(u"SERVICES"_s, u"FY2021-Q2", u"C2"_s, u"4", u"draft"_s),
                               obs(u"SERVED"_s, u"FY2021-Q1", u"C1"_s, u"2")};

    FakeRegisters claimsRegisters;
    ValueCalculator claims(p, o, claimsRegisters.function(), ValueCalculator::Basis::Claims);
    const IndicatorValue claimed = valueOf(claims, u"SERVICES"_s, u"FY2021", u"PB"_s);
    CHECK(claimed.value == Decimal::fromInt(7));
    CHECK(claimed.observations == 2);
    CHECK_FALSE(claimed.verifiedOnly);
    CHECK(text(claims, u"SERVED"_s, u"FY2021", u"PB"_s) == u"7"_s); // baseline 5 + 2
    CHECK(text(claims, u"SERVED"_s, u"FY2021", u"C2"_s) == u"-"_s);
    CHECK(claimsRegisters.calls.isEmpty());

    FakeRegisters sourceRegisters;
    sourceRegisters.answer = Decimal::fromInt(11);
    ValueCalculator sources(p, o, sourceRegisters.function(), ValueCalculator::Basis::Sources);
    const IndicatorValue counted = valueOf(sources, u"SERVICES"_s, u"FY2021", u"PB"_s);
    CHECK(counted.value == Decimal::fromInt(11));
    CHECK(counted.observations == 0);
    CHECK(sourceRegisters.calls.size() == 1);
    // Reported indicators are the same on either basis.
    CHECK(text(sources, u"DAYS"_s, u"FY2021", u"PB"_s) == u"45"_s);
}

TEST_CASE("Value calculator: formulas are rounded half away from zero to six decimals", "[values]")
{
    Program p = worked();
    p.indicators << indicator(u"W"_s) << indicator(u"ALL"_s)
                 << formula(u"SHARE"_s, u"100 * W / ALL"_s)
                 << formula(u"DROP"_s, u"-100 * W / ALL"_s) << formula(u"HALF"_s, u"SHARE / 2"_s);
    QList<Observation> o;
    const auto put = [&o](QStringView period, QStringView w, QStringView all) {
        o << obs(u"W"_s, period, u"C1"_s, w) << obs(u"ALL"_s, period, u"C1"_s, all);
    };
    put(u"FY2021-Q1", u"1", u"3");   // 33.333333...
    put(u"FY2021-Q2", u"2", u"3");   // 66.666666...
    put(u"FY2021-Q3", u"1", u"512"); // 0.1953125 exactly: half way
    put(u"FY2021-Q4", u"5", u"0");   // division by zero
    o << obs(u"ALL"_s, u"FY2022-Q1", u"C1"_s, u"10");
    o << obs(u"W"_s, u"FY2022-Q2", u"C2"_s, u"1", u"draft"_s)
      << obs(u"ALL"_s, u"FY2022-Q2", u"C2"_s, u"8");
    ValueCalculator calc(p, o);

    CHECK(text(calc, u"SHARE"_s, u"FY2021-Q1", u"PB"_s) == u"33.333333"_s);
    CHECK(text(calc, u"SHARE"_s, u"FY2021-Q2", u"PB"_s) == u"66.666667"_s);
    CHECK(text(calc, u"SHARE"_s, u"FY2021-Q3", u"PB"_s) == u"0.195313"_s);
    CHECK(text(calc, u"DROP"_s, u"FY2021-Q3", u"PB"_s) == u"-0.195313"_s);
    CHECK(text(calc, u"DROP"_s, u"FY2021-Q2", u"PB"_s) == u"-66.666667"_s);
    // Over the year: 100 * 9 / 518.
    CHECK(text(calc, u"SHARE"_s, u"FY2021", u"C1"_s) == u"1.737452"_s);
    // A formula over a formula takes the rounded value.
    CHECK(text(calc, u"HALF"_s, u"FY2021-Q2", u"PB"_s) == u"33.333334"_s);

    const IndicatorValue share = valueOf(calc, u"SHARE"_s, u"FY2021-Q1", u"PB"_s);
    CHECK(share.verifiedOnly);
    CHECK(share.observations == 2);
    const IndicatorValue draft = valueOf(calc, u"SHARE"_s, u"FY2022-Q2", u"PB"_s);
    CHECK(draft.value == dec(u"12.5"));
    CHECK_FALSE(draft.verifiedOnly);
    CHECK(text(calc, u"SHARE"_s, u"FY2022-Q2", u"C2"_s) == u"12.5"_s);
    CHECK(text(calc, u"SHARE"_s, u"FY2022-Q2", u"C1"_s) == u"-"_s);

    // Division by zero: no value, with the reason.
    const IndicatorValue zero = valueOf(calc, u"SHARE"_s, u"FY2021-Q4", u"PB"_s);
    CHECK_FALSE(zero.hasValue);
    CHECK_FALSE(zero.note.isEmpty());
    // A missing input: no value, with a note naming it.
    const IndicatorValue missing = valueOf(calc, u"SHARE"_s, u"FY2022-Q1", u"PB"_s);
    CHECK_FALSE(missing.hasValue);
    CHECK_THAT(missing.note.toStdString(), Contains("W"));
    CHECK_FALSE(valueOf(calc, u"HALF"_s, u"FY2022-Q1", u"PB"_s).hasValue);
}

TEST_CASE("Value calculator: a formula cycle is refused at load and never loops", "[values]")
{
    // The program file with A = B + 1 and B = 2 * A is refused whole.
    QJsonObject json =
        QJsonDocument::fromJson(test::readFile(test::sharedExample(u"worked-program.json"_s)))
            .object();
    QJsonArray indicators = json.value(u"indicators"_s).toArray();
    const auto add = [&indicators](const QString& code, const QString& text) {
        QJsonObject x = indicators.first().toObject();
        x.insert(u"code"_s, code);
        x.insert(u"cumulative"_s, false);
        x.insert(u"source"_s, QJsonObject{{u"kind"_s, u"formula"_s}, {u"formula"_s, text}});
        indicators.append(x);
    };
    add(u"A"_s, u"B + 1"_s);
    add(u"B"_s, u"2 * A"_s);
    json.insert(u"indicators"_s, indicators);
    const auto read = ProgramReader::read(QJsonDocument(json).toJson(), u"cycle.json"_s);
    REQUIRE_FALSE(read.ok());
    CHECK_THAT(read.error().text().toStdString(), Contains("cycle"));

    Program p = worked();
    p.indicators << formula(u"A"_s, u"B + 1"_s) << formula(u"B"_s, u"2 * A"_s)
                 << formula(u"SELF"_s, u"SELF + 1"_s) << formula(u"USES_A"_s, u"A * 3"_s);
    const QStringList problems = ProgramChecker::check(p);
    CHECK_THAT(problems.join(u'\n').toStdString(), Contains("cycle"));

    // Given such a program anyway, the calculator fails cleanly, again and again.
    ValueCalculator calc(p, workedObservations());
    for (const QString& code : {u"A"_s, u"B"_s, u"SELF"_s, u"USES_A"_s, u"A"_s}) {
        INFO(code.toStdString());
        const auto v = calc.value(code, per(u"FY2021"), u"PB"_s);
        REQUIRE_FALSE(v.ok());
        CHECK(v.error().code == ErrorCode::InvalidInput);
    }
    // And everything else still works.
    CHECK(text(calc, u"EXP_FIRMS"_s, u"FY2021", u"PB"_s) == u"85"_s);
}

TEST_CASE("Value calculator: unknown indicators and org units are errors", "[values]")
{
    const Program p = worked();
    ValueCalculator calc(p, workedObservations());
    const auto indicator = calc.value(u"NOPE"_s, per(u"FY2021"), u"PB"_s);
    REQUIRE_FALSE(indicator.ok());
    CHECK(indicator.error().code == ErrorCode::NotFound);
    CHECK_THAT(indicator.error().message.toStdString(), Contains("NOPE"));
    const auto unit = calc.value(u"EXP_FIRMS"_s, per(u"FY2021"), u"C9"_s);
    REQUIRE_FALSE(unit.ok());
    CHECK(unit.error().code == ErrorCode::NotFound);
    CHECK_THAT(unit.error().message.toStdString(), Contains("C9"));
    CHECK(calc.subtree(u"PB"_s) == QStringList{u"PB"_s, u"C1"_s, u"C2"_s});
}

TEST_CASE("Value calculator: a yearly indicator has no value for a quarter", "[values]")
{
    Program p = worked();
    Indicator reportedYearly = indicator(u"JOBS"_s);
    reportedYearly.frequency = Frequency::Yearly;
    Indicator registerYearly = indicator(u"SALES"_s);
    registerYearly.frequency = Frequency::Yearly;
    registerYearly.source.kind = SourceKind::Register;
    registerYearly.source.registerKind = RegisterKind::Exports;
    registerYearly.source.measure = RegisterMeasure::Sum;
    registerYearly.source.field = u"value_usd"_s;
    p.indicators << reportedYearly << registerYearly;
    FakeRegisters registers;
    ValueCalculator calc(p, {obs(u"JOBS"_s, u"FY2021", u"C1"_s, u"12")}, registers.function());
    CHECK(text(calc, u"JOBS"_s, u"FY2021", u"PB"_s) == u"12"_s);
    CHECK(text(calc, u"SALES"_s, u"FY2021", u"PB"_s) == u"7"_s);
    // Whatever the source, a quarter of a yearly indicator has nothing to show.
    CHECK(valueOf(calc, u"JOBS"_s, u"FY2021-Q2", u"PB"_s).note == u"JOBS is reported yearly"_s);
    CHECK(text(calc, u"SALES"_s, u"FY2021-Q2", u"PB"_s) == u"-"_s);
    CHECK(registers.calls.size() == 1);
}
