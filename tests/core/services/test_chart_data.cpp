// The series of the six charts, computed in core: golden CSVs of the demo as of 2026-07-01, tied
// back to the engine and the store, the empty state, and how long all six take.
//
// Run with DLI_REGENERATE_GOLDEN=1 to write tests/data/golden/charts/<kind>.csv instead of
// comparing; review the difference before keeping it.
#include "core/charts/chart_data.h"
#include "core/engine/value_calculator.h"
#include "core/io/program_import.h"
#include "core/io/program_reader.h"
#include "core/io/values_report.h"
#include "core/workflow/disbursements.h"
#include "trust_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <iostream>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::DemoCopy;
using dli::test::must;

namespace {

const QDate kAsOf(2026, 7, 1);

QString goldenPath(const QString& kind)
{
    return test::dataPath(u"golden/charts/"_s + kind + u".csv"_s);
}

void checkGolden(const ChartData& chart)
{
    const QString path = goldenPath(chart.kind);
    const QString actual = ChartData::csv(chart);
    if (qEnvironmentVariableIntValue("DLI_REGENERATE_GOLDEN") == 1) {
        REQUIRE(QDir().mkpath(QFileInfo(path).absolutePath()));
        test::writeFile(path, actual.toUtf8());
        std::cout << "DLI_REGENERATE_GOLDEN=1: wrote " << path.toStdString()
                  << "; review the change before keeping it" << std::endl;
        return;
    }
    REQUIRE(QFileInfo::exists(path));
    const QString expected = QString::fromUtf8(test::readFile(path));
    INFO("regenerate on purpose with DLI_REGENERATE_GOLDEN=1\n"
         << test::firstDifference(actual, expected).toStdString());
    const bool same = actual == expected; // a bool: never print two whole files
    CHECK(same);
}

const ChartSeries& series(const ChartData& chart, const QString& role)
{
    const ChartSeries* s = chart.find(role);
    INFO(role.toStdString());
    REQUIRE(s != nullptr);
    return *s;
}

std::optional<double> yAt(const ChartSeries& s, const QString& x)
{
    for (const ChartPoint& p : s.points) {
        if (p.x == x)
            return p.y;
    }
    FAIL("no point " << x.toStdString() << " in " << s.role.toStdString());
    return std::nullopt;
}

const ChartPoint* lastWithValue(const ChartSeries& s)
{
    const ChartPoint* last = nullptr;
    for (const ChartPoint& p : s.points) {
        if (p.y)
            last = &p;
    }
    return last;
}

double usd(Money m)
{
    return static_cast<double>(m.minor()) / 100.0;
}

// A fresh store with the worked program and nothing reported.
struct FreshWorked {
    test::TempDir dir;
    std::unique_ptr<Session> session;
    Program program;

    FreshWorked()
    {
        program = must(ProgramReader::readFile(test::sharedExample(u"worked-program.json"_s)));
        session = must(Session::create(dir.path(u"fresh.dlidb"_s)));
        REQUIRE(ProgramImport::importProgram(*session, program, false).ok());
    }
};

} // namespace

TEST_CASE("Charts: DLI progress follows the engine's counted figures", "[charts]")
{
    DemoCopy demo;
    const Program& program = demo.program();
    const ChartData chart = must(ChartData::dliProgress(*demo.session, program, u"DLI3"_s, kAsOf));
    CHECK(chart.kind == u"dli-progress"_s);
    CHECK(chart.emptyText.isEmpty());
    checkGolden(chart);

    // For every DLI: the verified line at the last quarter the engine's A rests on equals A, for
    // every DLR that is not final (a final one's window may have left later checks out).
    const Disbursement d = must(Disbursements(*demo.session, program).compute(kAsOf));
    const int sm = program.fiscalYearStartMonth;
    int tied = 0;
    for (const Dli& dli : program.dlis) {
        const ChartData c = must(ChartData::dliProgress(*demo.session, program, dli.code, kAsOf));
        const Indicator* x = program.indicator(dli.indicator);
        REQUIRE(x);
        const ChartSeries& verified = series(c, u"verified"_s);
        for (const Dlr& r : dli.dlrs) {
            const DlrResult* result = d.dlr(r.code);
            REQUIRE(result);
            if (result->final || !result->achieved)
                continue;
            const QDate upTo = std::min(result->cutOff, kAsOf);
            Period q = Period::containing(upTo, Period::Kind::Quarter, sm);
            if (q.end(sm) > upTo)
                q = q.previous();
            const bool perPeriod = x->aggregation == Aggregation::Sum && !x->cumulative;
            if (perPeriod && q.fiscalYear() != r.period.fiscalYear())
                continue;
            INFO(dli.code.toStdString()
                 << " DLR " << r.code.toStdString() << " at " << q.code().toStdString());
            const std::optional<double> y = yAt(verified, q.code());
            REQUIRE(y.has_value());
            CHECK(*y == result->achieved->toDouble());
            ++tied;
        }
    }
    CHECK(tied >= 4);

    // Markers: one per DLR, and a note for each.
    int markers = 0;
    for (const QString& role : {u"met"_s, u"missed"_s, u"pending"_s, u"due"_s})
        markers += static_cast<int>(series(chart, role).points.size());
    CHECK(markers == program.dli(u"DLI3"_s)->dlrs.size());
    CHECK(chart.notes.size() == markers);
    // Nothing after the as-of date.
    CHECK_FALSE(yAt(series(chart, u"verified"_s), u"FY2027-Q2"_s).has_value());
}

TEST_CASE("Charts: disbursement by DLI equals the engine's per-DLI sums", "[charts]")
{
    DemoCopy demo;
    const Program& program = demo.program();
    const ChartData chart = must(ChartData::disbursementByDli(*demo.session, program, kAsOf));
    CHECK(chart.money);
    CHECK(chart.currency == u"USD"_s);
    checkGolden(chart);

    const Disbursement d = must(Disbursements(*demo.session, program).compute(kAsOf));
    REQUIRE(d.dlis.size() == program.dlis.size());
    const QStringList segments{
        u"disbursed"_s, u"payable"_s, u"recovered"_s, u"available"_s, u"pending_reallocation"_s,
        u"cancelled"_s};
    for (const DliResult& r : d.dlis) {
        INFO(r.code.toStdString());
        CHECK(yAt(series(chart, u"disbursed"_s), r.code) == usd(r.money.disbursed));
        CHECK(yAt(series(chart, u"payable"_s), r.code) == usd(r.money.payable));
        CHECK(yAt(series(chart, u"recovered"_s), r.code) == usd(r.money.recovered));
        CHECK(yAt(series(chart, u"cancelled"_s), r.code) == usd(r.money.cancelled));
        CHECK(yAt(series(chart, u"pending_reallocation"_s), r.code) ==
              usd(r.money.pendingReallocation));
        const Money adjusted = r.allocation + r.money.reallocatedIn - r.money.reallocatedOut;
        CHECK(yAt(series(chart, u"allocation"_s), r.code) == usd(adjusted));
        // The segments fill the bar exactly (in cents, no rounding).
        double cents = 0;
        for (const QString& s : segments)
            cents += std::round(*yAt(series(chart, s), r.code) * 100.0);
        CHECK(cents == static_cast<double>(adjusted.minor()));
        // Disbursed + recovered + payable is what was earned (no overpayment in the demo).
        CHECK(r.money.disbursed + r.money.recovered + r.money.payable == r.money.earned);
    }
    // Exact text in the tooltip.
    const ChartPoint& first = series(chart, u"allocation"_s).points.first();
    CHECK(first.label == program.dlis.first().allocation.format(program.currency));
}

TEST_CASE("Charts: the timeline ends at the engine's totals", "[charts]")
{
    DemoCopy demo;
    const Program& program = demo.program();
    const ChartData chart = must(ChartData::disbursementTimeline(*demo.session, program, kAsOf));
    checkGolden(chart);
    const Disbursement d = must(Disbursements(*demo.session, program).compute(kAsOf));
    const ChartPoint* disbursed = lastWithValue(series(chart, u"disbursed"_s));
    const ChartPoint* earned = lastWithValue(series(chart, u"earned"_s));
    REQUIRE(disbursed);
    REQUIRE(earned);
    CHECK(disbursed->x == u"FY2027-Q1"_s); // the quarter holding the as-of date
    CHECK(*disbursed->y == usd(d.totals.disbursed));
    CHECK(*earned->y == usd(d.totals.earned));
    CHECK(disbursed->label == d.totals.disbursed.format(program.currency));
    // The allocation reaches what the DLIs allocate at the last deadline.
    CHECK(*series(chart, u"allocation"_s).points.last().y == usd(program.allocatedToDlis()));
    // Cash disbursed never goes down.
    double previous = 0;
    for (const ChartPoint& p : series(chart, u"disbursed"_s).points) {
        if (!p.y)
            continue;
        CHECK(*p.y >= previous);
        previous = *p.y;
    }
    // A quarter end in the past is the engine as of that day.
    const Disbursement mid =
        must(Disbursements(*demo.session, program).compute(QDate(2025, 6, 30)));
    CHECK(yAt(series(chart, u"earned"_s), u"FY2025-Q4"_s) == usd(mid.totals.earned));
    CHECK(yAt(series(chart, u"disbursed"_s), u"FY2025-Q4"_s) == usd(mid.totals.disbursed));
}

TEST_CASE("Charts: clusters compared equal the values per cluster", "[charts]")
{
    DemoCopy demo;
    const Program& program = demo.program();
    const Period fy2026 = Period::year(2026);
    const ChartData chart =
        must(ChartData::clusters(*demo.session, program, u"FIRMS_UPGRADE"_s, fy2026, kAsOf));
    checkGolden(chart);
    // A register-defined indicator: the values report gives the same per cluster.
    const ChartSeries& bars = series(chart, u"value"_s);
    int clusters = 0;
    for (const OrgUnit& u : program.orgUnits) {
        if (u.kind != OrgUnitKind::Cluster)
            continue;
        ++clusters;
        ValuesQuery q;
        q.indicator = u"FIRMS_UPGRADE"_s;
        q.period = fy2026;
        q.orgUnit = u.code;
        const QList<ValueRow> rows = must(ValuesReport::compute(*demo.session, program, q));
        REQUIRE(rows.size() == 1);
        INFO(u.code.toStdString());
        CHECK(yAt(bars, u.code) == rows.first().value.value.toDouble());
    }
    CHECK(bars.points.size() == clusters);
    CHECK(yAt(series(chart, u"target"_s), u"SKT-SURG"_s) == 300.0);
    CHECK_FALSE(chart.notes.isEmpty());

    // Errors and the empty state.
    CHECK(ChartData::clusters(*demo.session, program, u"NOPE"_s, fy2026, kAsOf).error().code ==
          ErrorCode::NotFound);
    CHECK(ChartData::clusters(*demo.session, program, u"JOBS"_s, Period::year(2040), kAsOf)
              .error()
              .code == ErrorCode::NotFound);
    const ChartData programLevel =
        must(ChartData::clusters(*demo.session, program, u"DAYS_REG"_s, fy2026, kAsOf));
    CHECK_FALSE(programLevel.emptyText.isEmpty());
    CHECK(programLevel.series.isEmpty());
}

TEST_CASE("Charts: verification flow counts the store's transitions", "[charts]")
{
    DemoCopy demo;
    const Program& program = demo.program();
    const ChartData chart = must(ChartData::verificationFlow(*demo.session, program, kAsOf));
    checkGolden(chart);
    for (const QString& state : {u"submitted"_s, u"verified"_s, u"rejected"_s, u"queried"_s}) {
        double total = 0;
        for (const ChartPoint& p : series(chart, state).points)
            total += p.y.value_or(0);
        const QString sql = u"SELECT count(*) FROM transitions WHERE to_state = '%1' AND "
                            u"substr(at, 1, 10) <= '2026-07-01'"_s.arg(state);
        const QString counted = test::rawText(demo.path(), sql);
        INFO(state.toStdString());
        CHECK(total == counted.toDouble());
        if (state != u"queried"_s)
            CHECK(total > 0);
    }
    for (const ChartPoint& p : series(chart, u"within30"_s).points) {
        if (p.y) {
            CHECK(*p.y >= 0);
            CHECK(*p.y <= 100);
        }
        CHECK(p.y.has_value() == (yAt(series(chart, u"verified"_s), p.x).value_or(0) > 0));
    }
}

TEST_CASE("Charts: an indicator's trend with its yearly targets", "[charts]")
{
    DemoCopy demo;
    const Program& program = demo.program();
    const ChartData chart =
        must(ChartData::indicatorTrend(*demo.session, program, u"TRAINED_W"_s, kAsOf));
    checkGolden(chart);
    // The year to date at a fourth quarter is the year's value, as the values report has it.
    const ChartSeries& ytd = series(chart, u"year_to_date"_s);
    for (int fy = 2024; fy <= 2026; ++fy) {
        ValuesQuery q;
        q.indicator = u"TRAINED_W"_s;
        q.period = Period::year(fy);
        const QList<ValueRow> rows = must(ValuesReport::compute(*demo.session, program, q));
        INFO(fy);
        CHECK(yAt(ytd, Period::quarter(fy, 4).code()) == rows.first().value.value.toDouble());
        CHECK(yAt(series(chart, u"target"_s), Period::quarter(fy, 2).code()) ==
              program.indicator(u"TRAINED_W"_s)->targetFor(Period::year(fy))->toDouble());
    }
    // A yearly indicator runs along fiscal years.
    const ChartData jobs =
        must(ChartData::indicatorTrend(*demo.session, program, u"JOBS"_s, kAsOf));
    CHECK(series(jobs, u"value"_s).points.first().x.startsWith(u"FY"_s));
    CHECK_FALSE(series(jobs, u"value"_s).points.first().x.contains(u"-Q"_s));
    CHECK(ChartData::indicatorTrend(*demo.session, program, u"NOPE"_s, kAsOf).error().code ==
          ErrorCode::NotFound);
    CHECK(ChartData::dliProgress(*demo.session, program, u"DLI9"_s, kAsOf).error().code ==
          ErrorCode::NotFound);
}

TEST_CASE("Charts: with nothing reported every kind says so and draws nothing", "[charts]")
{
    FreshWorked w;
    const QDate asOf(2022, 6, 30);
    QList<ChartData> charts;
    charts << must(ChartData::dliProgress(*w.session, w.program, u"DLI-A"_s, asOf));
    Program noDlis = w.program;
    noDlis.dlis.clear();
    charts << must(ChartData::disbursementByDli(*w.session, noDlis, asOf));
    charts << must(ChartData::disbursementTimeline(*w.session, w.program, asOf));
    charts << must(
        ChartData::clusters(*w.session, w.program, u"EXP_FIRMS"_s, Period::year(2021), asOf));
    charts << must(ChartData::verificationFlow(*w.session, w.program, asOf));
    charts << must(ChartData::indicatorTrend(*w.session, w.program, u"EXP_FIRMS"_s, asOf));
    for (const ChartData& c : charts) {
        INFO(c.kind.toStdString());
        CHECK_FALSE(c.emptyText.isEmpty());
        CHECK(c.series.isEmpty());
        CHECK(ChartData::csv(c) == u"series,x,y\n"_s);
    }
    // With the DLIs, the disbursement bars still show what is available to earn.
    const ChartData bars = must(ChartData::disbursementByDli(*w.session, w.program, asOf));
    CHECK(bars.emptyText.isEmpty());
    CHECK(yAt(series(bars, u"available"_s), u"DLI-A"_s) == 6'000'000.0);
}

TEST_CASE("Charts: computing all six for the demo (benchmark, prints the time)", "[charts]")
{
    DemoCopy demo;
    const Program& program = demo.program();
    QElapsedTimer timer;
    timer.start();
    must(ChartData::dliProgress(*demo.session, program, u"DLI3"_s, kAsOf));
    must(ChartData::disbursementByDli(*demo.session, program, kAsOf));
    must(ChartData::disbursementTimeline(*demo.session, program, kAsOf));
    must(
        ChartData::clusters(*demo.session, program, u"FIRMS_UPGRADE"_s, Period::year(2026), kAsOf));
    must(ChartData::verificationFlow(*demo.session, program, kAsOf));
    must(ChartData::indicatorTrend(*demo.session, program, u"TRAINED_W"_s, kAsOf));
    std::cout << "charts: all six kinds computed for the demo in " << timer.elapsed() << " ms"
              << std::endl;
    SUCCEED();
}
