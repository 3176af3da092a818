#include "core/io/demo.h"
#include "core/io/program_reader.h"
#include "core/io/program_writer.h"
#include "core/model/program.h"
#include "core/model/program_checker.h"
#include "support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <string>

using namespace Qt::StringLiterals;
using namespace dli;
using Catch::Matchers::Contains;

namespace {

// A small valid program: two indicators (a cumulative count that increases, a level that
// decreases), two DLIs, a program unit and one cluster. Each error test breaks one thing.
// Range: signed 2020-01-15 (FY2020), closes 2024-06-30 (FY2024).
const char* const kMinimal = R"json({
    "format": "dlitracker-program/1",
    "program": {
        "code": "MIN",
        "title": "Minimal program",
        "currency": "USD",
        "financing": 1000000,
        "signing_date": "2020-01-15",
        "closing_date": "2024-06-30",
        "fiscal_year_start_month": 7
    },
    "org_units": [
        {"code": "PB", "name": "Punjab", "kind": "program"},
        {"code": "CL1", "name": "Cluster one", "kind": "cluster", "parent": "PB"}
    ],
    "indicators": [
        {
            "code": "FIRMS",
            "title": "Firms served",
            "level": "pdo",
            "unit": "number",
            "direction": "increase",
            "cumulative": true,
            "reported_at": "cluster",
            "frequency": "quarterly",
            "baseline": {"value": 100, "date": "2020-06-30"}
        },
        {
            "code": "DAYS",
            "title": "Days to register",
            "level": "intermediate",
            "unit": "number",
            "direction": "decrease",
            "aggregation": "latest",
            "baseline": {"value": 45, "date": "2020-06-30"}
        }
    ],
    "dlis": [
        {
            "code": "DLI1",
            "title": "Firms",
            "indicator": "FIRMS",
            "allocation": 600000,
            "dlrs": [
                {"code": "1.1", "period": "FY2022", "kind": "linear", "target": 200, "allocation": 250000},
                {"code": "1.2", "period": "FY2023", "kind": "linear", "target": 300, "allocation": 350000}
            ]
        },
        {
            "code": "DLI2",
            "title": "Faster registration",
            "indicator": "DAYS",
            "allocation": 300000,
            "dlrs": [
                {"code": "2.1", "period": "FY2023", "kind": "binary", "target": 30, "allocation": 300000, "rollover": "carry_forward"}
            ]
        }
    ]
})json";

QByteArray minimal()
{
    return QByteArray(kMinimal);
}

// The minimal program with `from` (which must occur exactly once) replaced by `to`.
QByteArray edited(const QByteArray& json, const QByteArray& from, const QByteArray& to)
{
    INFO("replacing " << from.toStdString());
    REQUIRE(json.count(from) == 1);
    QByteArray out = json;
    out.replace(from, to);
    return out;
}

QByteArray with(const QByteArray& from, const QByteArray& to)
{
    return edited(minimal(), from, to);
}

// The minimal program with objects (JSON text) appended to one of its top-level lists.
QByteArray appended(const QString& list, std::initializer_list<const char*> objects,
                    const QByteArray& json = minimal())
{
    QJsonObject top = QJsonDocument::fromJson(json).object();
    QJsonArray items = top.value(list).toArray();
    for (const char* o : objects) {
        QJsonParseError e;
        const QJsonDocument d = QJsonDocument::fromJson(QByteArray(o), &e);
        INFO(o);
        REQUIRE(e.error == QJsonParseError::NoError);
        items.append(d.object());
    }
    top.insert(list, items);
    return QJsonDocument(top).toJson();
}

Program readOk(const QByteArray& json)
{
    auto r = ProgramReader::read(json, u"test.json"_s);
    if (!r)
        FAIL("refused: " << r.error().text().toStdString());
    return r.value();
}

// The problems of a program file that must be refused; checks the common shape of the error.
QStringList problems(const QByteArray& json)
{
    auto r = ProgramReader::read(json, u"test.json"_s);
    if (r)
        FAIL("accepted a broken program");
    const Error& e = r.error();
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.location == u"test.json"_s);
    CHECK_THAT(e.message.toStdString(), Contains("nothing was imported"));
    CHECK_THAT(e.message.toStdString(),
               Contains((u"("_s + QString::number(e.details.size()) + u")"_s).toStdString()));
    return e.details;
}

// The single problem of a program file with exactly one thing wrong.
std::string onlyProblem(const QByteArray& json)
{
    const QStringList p = problems(json);
    INFO(p.join(u'\n').toStdString());
    REQUIRE(p.size() == 1);
    return p.first().toStdString();
}

std::string joined(const QStringList& list)
{
    return list.join(u'\n').toStdString();
}

const Dlr& dlr(const Program& p, const char16_t* dliCode, int index)
{
    const Dli* d = p.dli(QStringView(dliCode));
    REQUIRE(d != nullptr);
    REQUIRE(index < d->dlrs.size());
    return d->dlrs[index];
}

Decimal dec(std::int64_t whole)
{
    return Decimal::fromInt(whole);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Valid files

TEST_CASE("Program JSON: the minimal test program is valid", "[program][json]")
{
    const Program p = readOk(minimal());
    CHECK(p.code == u"MIN"_s);
    CHECK(p.financing == Money::fromMinor(100'000'000));
    CHECK(p.orgUnits.size() == 2);
    CHECK(p.indicators.size() == 2);
    CHECK(p.dlis.size() == 2);
    // Defaults the file leaves out.
    const Indicator* days = p.indicator(u"DAYS");
    REQUIRE(days != nullptr);
    CHECK(days->reportedAt == OrgUnitKind::Program);
    CHECK(days->frequency == Frequency::Quarterly);
    CHECK_FALSE(days->cumulative);
    CHECK(p.indicator(u"FIRMS")->aggregation == Aggregation::Sum);
    CHECK(p.verificationWindowDays == 180);
    CHECK(dlr(p, u"DLI1", 0).rollover == Rollover::Cancel);
    CHECK_FALSE(dlr(p, u"DLI1", 0).timeBound);
    CHECK(dlr(p, u"DLI1", 0).minFraction == Decimal());
    CHECK(p.resultAreas.isEmpty());
    CHECK(p.validationRules.isEmpty());
}

TEST_CASE("Program JSON: the worked example reads with its exact values", "[program][json]")
{
    auto r = ProgramReader::readFile(test::sharedExample(u"worked-program.json"_s));
    if (!r)
        FAIL(r.error().text().toStdString());
    const Program& p = r.value();

    CHECK(p.code == u"PUB-1"_s);
    CHECK(p.title == u"Public worked example"_s);
    CHECK(p.currency.code == u"USD"_s);
    CHECK(p.currency.minorDigits == 2);
    // US$12,000,000 in cents.
    CHECK(p.financing.minor() == 1'200'000'000);
    CHECK(p.signingDate == QDate(2019, 1, 15));
    CHECK(p.closingDate == QDate(2023, 6, 30));
    CHECK(p.fiscalYearStartMonth == 7);
    CHECK(p.verificationWindowDays == 120);
    CHECK(p.advanceCapShare == Decimal::fromUnits(250'000));
    CHECK(p.priorResultsCapShare == Decimal::fromUnits(200'000));

    CHECK(p.resultAreas.size() == 1);
    CHECK(p.orgUnits.size() == 3);
    CHECK(p.rootOrgUnit()->code == u"PB"_s);
    CHECK(p.children(u"PB").size() == 2);
    CHECK(p.indicators.size() == 3);
    CHECK(p.dlis.size() == 3);

    // Periods: FY2019 (holds the signing date and the baselines) to FY2023 (the closing date).
    CHECK(p.firstYear() == Period::year(2019));
    CHECK(p.lastYear() == Period::year(2023));

    const Dlr& a1 = dlr(p, u"DLI-A", 0);
    CHECK(a1.code == u"A1"_s);
    CHECK(a1.period == Period::year(2021));
    CHECK(a1.deadline == QDate(2021, 6, 30));
    CHECK(a1.timeBound);
    CHECK(a1.kind == DlrKind::Linear);
    CHECK(a1.target == dec(100));
    CHECK(a1.allocation.minor() == 250'000'000);
    CHECK(a1.minFraction == Decimal::fromUnits(200'000)); // 0.2
    CHECK(a1.rollover == Rollover::CarryForward);
    CHECK_FALSE(a1.baseline.has_value());
    CHECK_FALSE(a1.unitAmount.has_value());

    const Dlr& a2 = dlr(p, u"DLI-A", 1);
    CHECK_FALSE(a2.deadline.has_value());
    CHECK(a2.effectiveDeadline(p.fiscalYearStartMonth) == QDate(2022, 6, 30));
    CHECK_FALSE(a2.timeBound);
    CHECK(a2.minFraction == Decimal());
    CHECK(a2.rollover == Rollover::Cancel);

    const Dlr& b1 = dlr(p, u"DLI-B", 0);
    CHECK(b1.kind == DlrKind::PerUnit);
    REQUIRE(b1.unitAmount.has_value());
    CHECK(b1.unitAmount->minor() == 200'000); // US$2,000 per woman trained
    CHECK(b1.allocation.minor() == 100'000'000);
    CHECK(b1.target == dec(500));
    CHECK(b1.rollover == Rollover::Reallocate);

    const Indicator* days = p.indicator(u"DAYS");
    REQUIRE(days != nullptr);
    CHECK(days->direction == Direction::Decrease);
    CHECK(days->aggregation == Aggregation::Latest);
    CHECK(days->reportedAt == OrgUnitKind::Program);
    CHECK(days->baseline.value == dec(45));
    CHECK(days->baseline.date == QDate(2019, 6, 30));
    const Indicator* exp = p.indicator(u"EXP_FIRMS");
    REQUIRE(exp != nullptr);
    CHECK(exp->cumulative);
    CHECK(exp->level == IndicatorLevel::Pdo);
    CHECK(exp->reportedAt == OrgUnitKind::Cluster);
    CHECK(exp->resultArea == u"RA1"_s);

    // Baselines B as the disbursement rules define them.
    CHECK(p.dlrBaseline(*p.dli(u"DLI-A"), 0) == dec(40));  // first DLR: indicator baseline
    CHECK(p.dlrBaseline(*p.dli(u"DLI-A"), 1) == dec(100)); // cumulative: A1's target
    CHECK(p.dlrBaseline(*p.dli(u"DLI-B"), 1) == dec(0));   // per period: indicator baseline
    CHECK(p.dlrBaseline(*p.dli(u"DLI-C"), 0) == dec(45));
}

TEST_CASE("Program JSON: the demo program reads", "[program][json][demo]")
{
    auto r = Demo::program();
    if (!r)
        FAIL(r.error().text().toStdString());
    const Program& p = r.value();
    CHECK(p.code == u"PJC-CDI"_s);
    CHECK(p.financing.minor() == 2'000'000'000);
    CHECK(p.resultAreas.size() == 3);
    CHECK(p.orgUnits.size() == 9);
    CHECK(p.indicators.size() == 10);
    CHECK(p.dlis.size() == 6);
    CHECK(p.validationRules.size() == 3);
    CHECK(p.firstYear() == Period::year(2022));
    CHECK(p.lastYear() == Period::year(2027));

    // Centres belong to clusters.
    CHECK(p.orgUnit(u"SDH")->kind == OrgUnitKind::Centre);
    CHECK(p.orgUnit(u"SDH")->parent == u"LHR-FTW"_s);

    const Indicator* jobs = p.indicator(u"JOBS");
    REQUIRE(jobs != nullptr);
    REQUIRE(jobs->disaggregation.has_value());
    CHECK(jobs->disaggregation->code == u"sex"_s);
    CHECK(jobs->disaggregation->categories == QStringList{u"women"_s, u"men"_s});
    CHECK(jobs->frequency == Frequency::Yearly);

    const Indicator* exports = p.indicator(u"EXPORT_USD");
    REQUIRE(exports != nullptr);
    CHECK(exports->source.kind == SourceKind::Register);
    CHECK(exports->source.registerKind == RegisterKind::Exports);
    CHECK(exports->source.measure == RegisterMeasure::Sum);
    CHECK(exports->source.field == u"value_usd"_s);
    CHECK(exports->source.filters.value(u"source"_s) == u"customs"_s);

    const Indicator* share = p.indicator(u"SHARE_W");
    REQUIRE(share != nullptr);
    CHECK(share->source.kind == SourceKind::Formula);
    CHECK(share->source.formula == u"100 * TRAINED_W / TRAINED_ALL"_s);

    // DLI2 (days, latest, decreasing): 2.2 pays from 2.1's target 25 down to 20.
    CHECK(p.dlrBaseline(*p.dli(u"DLI2"), 1) == dec(25));
    // DLI3 (firms, cumulative): 3.3 pays from 220 to 300.
    CHECK(p.dlrBaseline(*p.dli(u"DLI3"), 2) == dec(220));
    CHECK(dlr(p, u"DLI1", 0).priorResult);
    CHECK(dlr(p, u"DLI6", 0).unitAmount == Money::fromMinor(2'000'000));
    CHECK(p.dli(u"DLI2")->protocol.maxErrorRate == Decimal::fromUnits(100'000));
    CHECK(p.dli(u"DLI2")->protocol.sampleSize == 30);
    CHECK(p.dli(u"DLI2")->protocol.evidenceRequired);
}

TEST_CASE("Program JSON: amounts and values written as decimal strings read exactly",
          "[program][json]")
{
    const Program p = readOk(with(R"("financing": 1000000)", R"("financing": "1234567.89")"));
    CHECK(p.financing.minor() == 123'456'789);

    QByteArray json = with(R"("target": 200,)", R"("target": "200.125",)");
    json = edited(json, R"("allocation": 250000})", R"("allocation": "249999.99"})");
    json = edited(json, R"("allocation": 350000})", R"("allocation": "350000.01"})");
    const Program q = readOk(json);
    CHECK(dlr(q, u"DLI1", 0).target == Decimal::fromUnits(200'125'000));
    CHECK(dlr(q, u"DLI1", 0).allocation.minor() == 24'999'999);
    CHECK(dlr(q, u"DLI1", 1).allocation.minor() == 35'000'001);

    // A JSON number with cents reads exactly too (never through binary rounding).
    const Program r = readOk(with(R"("financing": 1000000)", R"("financing": 1000000.07)"));
    CHECK(r.financing.minor() == 100'000'007);
}

TEST_CASE("Program JSON: a file saved with a byte order mark reads", "[program][json]")
{
    const Program p = readOk(QByteArray("\xEF\xBB\xBF") + minimal());
    CHECK(p == readOk(minimal()));
}

TEST_CASE("Program JSON: a calendar-year spelling of a period reads under a July start",
          "[program][json]")
{
    const Program p = readOk(with(R"("period": "FY2022")", R"("period": "2021-22")"));
    CHECK(dlr(p, u"DLI1", 0).period == Period::year(2022));
}

// ---------------------------------------------------------------------------------------------
// Errors: the file as a whole

TEST_CASE("Program JSON: invalid JSON syntax reports line and column", "[program][json][errors]")
{
    // Line 3 lacks the comma at its end; the parser stops on the quote that opens the next
    // key, at line 4 column 5 (Qt 6.4 reports the offset just past it, column 6).
    const QByteArray json = "{\n    \"format\": \"dlitracker-program/1\",\n    \"program\": {}\n"
                            "    \"dlis\": []\n}\n";
    auto r = ProgramReader::read(json, u"broken.json"_s);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::InvalidInput);
    const QString at = r.error().location;
    CHECK((at == u"broken.json:4:5"_s || at == u"broken.json:4:6"_s));
    CHECK_THAT(r.error().message.toStdString(), Contains("not valid JSON"));
    CHECK_THAT(r.error().text().toStdString(), Contains("broken.json:4:"));

    // Deeper in a file: the minimal program without the comma after DLI1's allocation (line
    // 43) stops at "dlrs" on line 44, whose quote stands in column 13.
    auto deep = ProgramReader::read(with(R"("allocation": 600000,)", R"("allocation": 600000)"),
                                    u"deep.json"_s);
    REQUIRE_FALSE(deep.ok());
    const QString deepAt = deep.error().location;
    CHECK((deepAt == u"deep.json:44:13"_s || deepAt == u"deep.json:44:14"_s));

    // An unterminated string on the first line.
    auto first = ProgramReader::read("{\"format\": \"dlit", u"short.json"_s);
    REQUIRE_FALSE(first.ok());
    CHECK(first.error().location.startsWith(u"short.json:1:"_s));
}

TEST_CASE("Program JSON: a file that is not a JSON object is refused", "[program][json][errors]")
{
    auto r = ProgramReader::read("[1, 2, 3]", u"list.json"_s);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::InvalidInput);
    CHECK_THAT(r.error().message.toStdString(), Contains("\"format\""));
}

TEST_CASE("Program JSON: a wrong format string is refused naming the supported one",
          "[program][json][errors]")
{
    auto r = ProgramReader::read(
        with(R"("format": "dlitracker-program/1")", R"("format": "dlitracker-program/2")"),
        u"test.json"_s);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::InvalidInput);
    const std::string m = r.error().text().toStdString();
    CHECK_THAT(m, Contains("format"));
    CHECK_THAT(m, Contains("unsupported format \"dlitracker-program/2\""));
    CHECK_THAT(m, Contains("dlitracker-program/1"));
}

TEST_CASE("Program JSON: a missing format field is refused", "[program][json][errors]")
{
    const std::string m = onlyProblem(with(R"("format": "dlitracker-program/1",)", QByteArray()));
    CHECK(m == "format: required field is missing");
}

TEST_CASE("Program JSON: reading a missing file is an Io error naming the path",
          "[program][json][errors]")
{
    test::TempDir dir;
    auto r = ProgramReader::readFile(dir.path(u"absent.json"_s));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Io);
    CHECK(r.error().location == dir.path(u"absent.json"_s));
}

// ---------------------------------------------------------------------------------------------
// Errors: fields

TEST_CASE("Program JSON: a target written as text names its path and the text",
          "[program][json][errors]")
{
    const std::string m = onlyProblem(with(R"("target": 200,)", R"("target": "400 firms",)"));
    CHECK(m == R"(dlis[0].dlrs[0].target: expected a number, got "400 firms")");
}

TEST_CASE("Program JSON: wrong types are reported with their path", "[program][json][errors]")
{
    CHECK(onlyProblem(with(R"("cumulative": true)", R"("cumulative": "yes")")) ==
          R"(indicators[0].cumulative: expected true or false, got "yes")");
    CHECK(onlyProblem(with(R"("allocation": 600000)", R"("allocation": [600000])")) ==
          "dlis[0].allocation: expected a number, got a list");
    CHECK(onlyProblem(with(R"("code": "DLI2")", R"("code": 2)")) ==
          "dlis[1].code: expected text, got 2");
    CHECK(
        onlyProblem(with(R"("fiscal_year_start_month": 7)", R"("fiscal_year_start_month": 7.5)")) ==
        "program.fiscal_year_start_month: expected a whole number, got 7.5");
    CHECK(
        onlyProblem(with(R"("fiscal_year_start_month": 7)", R"("fiscal_year_start_month": 13)")) ==
        "program.fiscal_year_start_month: must lie between 1 and 12, got 13");
    CHECK(onlyProblem(
              with(R"("baseline": {"value": 45, "date": "2020-06-30"})", R"("baseline": 45)")) ==
          "indicators[1].baseline: expected an object, got 45");
    const std::string item =
        onlyProblem(with(R"({"code": "PB", "name": "Punjab", "kind": "program"},)", "\"PB\","));
    // The program unit is gone, so only the item itself is reported (no cascade from the checker).
    CHECK(item == R"(org_units[0]: expected an object, got "PB")");
}

TEST_CASE("Program JSON: a misspelt field is reported as unknown", "[program][json][errors]")
{
    const std::string m = onlyProblem(with(R"("cumulative": true)", R"("cumulatve": true)"));
    CHECK_THAT(m, Contains("indicators[0].cumulatve: unknown field"));
    CHECK(onlyProblem(with(R"("fiscal_year_start_month": 7)", R"("fiscal_year_start": 7)"))
              .starts_with("program.fiscal_year_start: unknown field"));
    CHECK(onlyProblem(with(R"("rollover": "carry_forward")", R"("roll_over": "carry_forward")"))
              .starts_with("dlis[1].dlrs[0].roll_over: unknown field"));
    CHECK(onlyProblem(with(R"("format": "dlitracker-program/1",)",
                           R"("format": "dlitracker-program/1", "comment": "x",)"))
              .starts_with("comment: unknown field"));
}

TEST_CASE("Program JSON: a missing required field is reported", "[program][json][errors]")
{
    CHECK(onlyProblem(with(R"("title": "Firms served",)", QByteArray())) ==
          "indicators[0].title: required field is missing");
    CHECK(onlyProblem(with(R"("signing_date": "2020-01-15",)", QByteArray())) ==
          "program.signing_date: required field is missing");
    CHECK(onlyProblem(with(R"("target": 30, )", QByteArray())) ==
          "dlis[1].dlrs[0].target: required field is missing");
    CHECK_THAT(onlyProblem(with(R"("kind": "binary", )", QByteArray())),
               Contains("dlis[1].dlrs[0].kind: required field is missing"));
    CHECK(onlyProblem(with(R"("baseline": {"value": 45, "date": "2020-06-30"})",
                           R"("baseline": {"value": 45})")) ==
          "indicators[1].baseline.date: required field is missing");
    // A per_unit DLR needs its unit amount.
    CHECK(onlyProblem(with(R"("kind": "binary")", R"("kind": "per_unit")")) ==
          "dlis[1].dlrs[0].unit_amount: required field is missing");
}

TEST_CASE("Program JSON: unknown values of reported_at, frequency, kind and rollover",
          "[program][json][errors]")
{
    CHECK(onlyProblem(with(R"("reported_at": "cluster")", R"("reported_at": "district")")) ==
          R"(indicators[0].reported_at: expected one of program, cluster, centre; got "district")");
    CHECK(onlyProblem(with(R"("frequency": "quarterly")", R"("frequency": "monthly")")) ==
          R"(indicators[0].frequency: expected one of quarterly, yearly; got "monthly")");
    CHECK(onlyProblem(with(R"("kind": "binary")", R"("kind": "stepwise")")) ==
          R"(dlis[1].dlrs[0].kind: expected one of binary, linear, per_unit; got "stepwise")");
    CHECK(
        onlyProblem(with(R"("rollover": "carry_forward")", R"("rollover": "carry")")) ==
        R"(dlis[1].dlrs[0].rollover: expected one of carry_forward, cancel, reallocate; got "carry")");
    CHECK(onlyProblem(with(R"("kind": "cluster")", R"("kind": "Cluster")")) ==
          R"(org_units[1].kind: expected one of program, cluster, centre; got "Cluster")");
    CHECK(onlyProblem(with(R"("direction": "decrease")", R"("direction": "down")")) ==
          R"(indicators[1].direction: expected one of increase, decrease; got "down")");
}

TEST_CASE("Program JSON: dates must be written YYYY-MM-DD", "[program][json][errors]")
{
    CHECK(onlyProblem(with(R"("signing_date": "2020-01-15")", R"("signing_date": "15/01/2020")")) ==
          R"(program.signing_date: expected a date written YYYY-MM-DD, got "15/01/2020")");
    CHECK(onlyProblem(with(R"("closing_date": "2024-06-30")", R"("closing_date": "2024-02-30")")) ==
          R"(program.closing_date: expected a date written YYYY-MM-DD, got "2024-02-30")");
    CHECK(onlyProblem(with(R"("baseline": {"value": 45, "date": "2020-06-30"})",
                           R"("baseline": {"value": 45, "date": 20200630})")) ==
          R"(indicators[1].baseline.date: expected a date written YYYY-MM-DD, got 20200630)");
}

TEST_CASE("Program JSON: an amount with more decimals than the currency has is refused",
          "[program][json][errors]")
{
    CHECK(onlyProblem(with(R"("allocation": 600000)", R"("allocation": 600000.555)")) ==
          "dlis[0].allocation: 600000.555 has more than 2 decimal places");
    CHECK(onlyProblem(with(R"("financing": 1000000)", R"("financing": "1000000.001")")) ==
          "program.financing: 1000000.001 has more than 2 decimal places");
    // Values (not money) have six decimals.
    CHECK(onlyProblem(with(R"("target": 200,)", R"("target": 200.1234567,)")) ==
          "dlis[0].dlrs[0].target: 200.1234567 has more than 6 decimal places");
}

TEST_CASE("Program JSON: yen have no minor unit, so any decimals are refused",
          "[program][json][errors]")
{
    const QByteArray yen = with(R"("currency": "USD")", R"("currency": "JPY")");
    const Program p = readOk(yen);
    CHECK(p.currency.minorDigits == 0);
    CHECK(p.financing.minor() == 1'000'000);

    CHECK(onlyProblem(edited(yen, R"("financing": 1000000)", R"("financing": 1000000.5)")) ==
          "program.financing: 1000000.5 has decimals; only whole units are allowed");
    CHECK(onlyProblem(edited(yen, R"("allocation": 250000})", R"("allocation": "250000.10"})")) ==
          "dlis[0].dlrs[0].allocation: 250000.10 has decimals; only whole units are allowed");
}

TEST_CASE("Program JSON: an unknown currency is refused with the known ones",
          "[program][json][errors]")
{
    const std::string m = onlyProblem(with(R"("currency": "USD")", R"("currency": "US$")"));
    CHECK_THAT(m, Contains("program.currency: unknown currency \"US$\""));
    CHECK_THAT(m, Contains("USD"));
    CHECK_THAT(m, Contains("PKR"));
}

TEST_CASE("Program JSON: a span period is refused when fiscal years are calendar years",
          "[program][json][errors]")
{
    const QByteArray calendar =
        with(R"("fiscal_year_start_month": 7)", R"("fiscal_year_start_month": 1)");
    // The canonical code is fine under any start month.
    CHECK(readOk(calendar).fiscalYearStartMonth == 1);
    const std::string m =
        onlyProblem(edited(calendar, R"("period": "FY2022")", R"("period": "2021-22")"));
    CHECK_THAT(m, Contains("dlis[0].dlrs[0].period: \"2021-22\" is not a period"));
    CHECK_THAT(m, Contains("calendar years"));
    CHECK_THAT(m, Contains("write FY2022"));
}

TEST_CASE("Program JSON: an unreadable period names its path", "[program][json][errors]")
{
    const std::string m = onlyProblem(
        with(R"("period": "FY2023", "kind": "binary")", R"("period": "2023", "kind": "binary")"));
    CHECK_THAT(m, Contains("dlis[1].dlrs[0].period: \"2023\" is not a period"));
    CHECK_THAT(m, Contains("ambiguous"));
}

// ---------------------------------------------------------------------------------------------
// Errors: the program as a whole

TEST_CASE("Program JSON: a DLR period outside the program's fiscal years is refused",
          "[program][json][errors]")
{
    CHECK(onlyProblem(with(R"("period": "FY2023", "kind": "linear")",
                           R"("period": "FY2026", "kind": "linear")")) ==
          "dlis[0].dlrs[1].period: FY2026 lies outside the program, which runs from FY2020 to "
          "FY2024");
    CHECK(onlyProblem(with(R"("period": "FY2023", "kind": "binary")",
                           R"("period": "FY2019-Q4", "kind": "binary")")) ==
          "dlis[1].dlrs[0].period: FY2019-Q4 lies outside the program, which runs from FY2020 to "
          "FY2024");
    // The last year is inside.
    CHECK(readOk(with(R"("period": "FY2023", "kind": "binary")",
                      R"("period": "FY2024-Q4", "kind": "binary")"))
              .dlis[1]
              .dlrs[0]
              .period == Period::quarter(2024, 4));
}

TEST_CASE("Program JSON: DLR allocations above their DLI's allocation are refused",
          "[program][json][errors]")
{
    CHECK(onlyProblem(with(R"("allocation": 350000})", R"("allocation": 350000.01})")) ==
          "dlis[0].dlrs: the DLR allocations add up to US$600,000.01, more than the DLI's "
          "allocation of US$600,000.00");
}

TEST_CASE("Program JSON: DLI allocations above the financing are refused",
          "[program][json][errors]")
{
    CHECK(onlyProblem(with(R"("financing": 1000000)", R"("financing": 899999.99)")) ==
          "dlis: the DLI allocations add up to US$900,000.00, more than the program's "
          "financing of US$899,999.99");
}

TEST_CASE("Program JSON: amounts too large to add up are refused, not a crash",
          "[program][json][errors]")
{
    // Each amount fits on its own (8 * 10^16 dollars is 8 * 10^18 cents, below 2^63), but
    // their sum does not.
    QByteArray json = with(R"("financing": 1000000)", R"("financing": 90000000000000000)");
    json = edited(json, R"("allocation": 600000)", R"("allocation": 80000000000000000)");
    json = edited(json, R"("allocation": 250000})", R"("allocation": 40000000000000000})");
    json = edited(json, R"("allocation": 350000})", R"("allocation": 40000000000000000})");
    json = edited(json, R"("allocation": 300000, "rollover")",
                  R"("allocation": 80000000000000000, "rollover")");
    json = edited(json, R"("allocation": 300000,)", R"("allocation": 80000000000000000,)");
    const QStringList p = problems(json);
    CHECK(p == QStringList{u"dlis: the DLI allocations add up to an amount too large to hold, "
                           u"more than the program's financing of "
                           u"US$90,000,000,000,000,000.00"_s});
}

TEST_CASE("Program JSON: a target equal to its baseline is refused", "[program][json][errors]")
{
    // The first DLR of a cumulative indicator starts from the indicator's baseline (100).
    CHECK(onlyProblem(with(R"("target": 200,)", R"("target": 100,)")) ==
          "dlis[0].dlrs[0].target: target 100 equals its baseline 100; nothing could be earned");
    // The second starts from the first DLR's target (200), not from the indicator's baseline.
    CHECK(onlyProblem(with(R"("target": 300,)", R"("target": 200,)")) ==
          "dlis[0].dlrs[1].target: target 200 equals its baseline 200; nothing could be earned");
    // A `latest` indicator's first DLR starts from the indicator's baseline (45).
    CHECK(onlyProblem(with(R"("target": 30,)", R"("target": 45,)")) ==
          "dlis[1].dlrs[0].target: target 45 equals its baseline 45; nothing could be earned");
    // A DLR's own baseline counts.
    CHECK(onlyProblem(with(R"("target": 300,)", R"("baseline": 300, "target": 300,)")) ==
          "dlis[0].dlrs[1].target: target 300 equals its own baseline 300; nothing could be "
          "earned");
}

TEST_CASE("Program JSON: a target on the wrong side of its chained baseline is refused",
          "[program][json][errors]")
{
    CHECK(onlyProblem(with(R"("target": 300,)", R"("target": 150,)")) ==
          "dlis[0].dlrs[1].target: target 150 is below its baseline 200, but indicator FIRMS "
          "increases");
    CHECK(onlyProblem(with(R"("target": 30,)", R"("target": 50,)")) ==
          "dlis[1].dlrs[0].target: target 50 is above its baseline 45, but indicator DAYS "
          "decreases");
}

TEST_CASE("Program JSON: duplicate codes are refused with both places", "[program][json][errors]")
{
    SECTION("DLI")
    {
        CHECK(onlyProblem(with(R"("code": "DLI2")", R"("code": "DLI1")")) ==
              R"(dlis[1].code: duplicate code "DLI1" (also at dlis[0]))");
    }
    SECTION("DLR, across DLIs")
    {
        CHECK(onlyProblem(with(R"("code": "2.1")", R"("code": "1.1")")) ==
              R"(dlis[1].dlrs[0].code: duplicate DLR code "1.1" (also at dlis[0].dlrs[0]))");
    }
    SECTION("org unit")
    {
        CHECK(onlyProblem(appended(u"org_units"_s, {R"j({"code": "CL1", "name": "Again",
                                                         "kind": "cluster", "parent": "PB"})j"})) ==
              R"(org_units[2].code: duplicate code "CL1" (also at org_units[1]))");
    }
    SECTION("indicator")
    {
        const QStringList p = problems(
            appended(u"indicators"_s, {R"j({"code": "DAYS", "title": "Again", "level": "pdo",
                                  "unit": "number", "direction": "decrease",
                                  "baseline": {"value": 45, "date": "2020-06-30"}})j"}));
        CHECK(p == QStringList{u"indicators[2].code: duplicate code \"DAYS\" (also at "
                               u"indicators[1])"_s});
    }
    SECTION("validation rule")
    {
        const QStringList p =
            problems(appended(u"validation_rules"_s,
                              {R"j({"code": "R1", "left": "FIRMS", "operator": ">=", "right": "0",
                 "message": "negative"})j",
                               R"j({"code": "R1", "left": "DAYS", "operator": ">=", "right": "0",
                 "message": "negative"})j"}));
        CHECK(p == QStringList{u"validation_rules[1].code: duplicate code \"R1\" (also at "
                               u"validation_rules[0])"_s});
    }
}

TEST_CASE("Program JSON: a DLI on an unknown indicator is refused", "[program][json][errors]")
{
    CHECK(onlyProblem(with(R"("indicator": "DAYS")", R"("indicator": "DAYZ")")) ==
          R"(dlis[1].indicator: unknown indicator "DAYZ")");
}

TEST_CASE("Program JSON: two DLIs on one indicator are refused", "[program][json][errors]")
{
    // DLR 2.1 now pays on FIRMS, so its target must lie above FIRMS's baseline of 100.
    const QByteArray json = edited(with(R"("indicator": "DAYS")", R"("indicator": "FIRMS")"),
                                   R"("target": 30,)", R"("target": 130,)");
    CHECK(onlyProblem(json) == R"(dlis[1].indicator: indicator "FIRMS" already pays DLI DLI1)");
}

TEST_CASE("Program JSON: an unknown parent org unit is refused", "[program][json][errors]")
{
    CHECK(onlyProblem(with(R"("parent": "PB")", R"("parent": "PX")")) ==
          R"(org_units[1].parent: unknown org unit "PX")");
}

TEST_CASE("Program JSON: formulas that refer to each other in a cycle are refused",
          "[program][json][errors]")
{
    const QByteArray json =
        appended(u"indicators"_s,
                 {R"j({"code": "RATIO_A", "title": "A", "level": "intermediate", "unit": "number",
             "direction": "increase", "baseline": {"value": 0, "date": "2020-06-30"},
             "source": {"kind": "formula", "formula": "RATIO_B + FIRMS"}})j",
                  R"j({"code": "RATIO_B", "title": "B", "level": "intermediate", "unit": "number",
             "direction": "increase", "baseline": {"value": 0, "date": "2020-06-30"},
             "source": {"kind": "formula", "formula": "2 * RATIO_A"}})j"});
    CHECK(onlyProblem(json) == "indicators[2].source.formula: formulas refer to each other in a "
                               "cycle: RATIO_A -> RATIO_B -> RATIO_A");

    const QByteArray self =
        appended(u"indicators"_s,
                 {R"j({"code": "SELF", "title": "S", "level": "intermediate", "unit": "number",
             "direction": "increase", "baseline": {"value": 0, "date": "2020-06-30"},
             "source": {"kind": "formula", "formula": "max(SELF, 1)"}})j"});
    CHECK(onlyProblem(self) ==
          "indicators[2].source.formula: formulas refer to each other in a cycle: SELF -> SELF");
}

TEST_CASE("Program JSON: a formula naming an unknown indicator is refused",
          "[program][json][errors]")
{
    const QByteArray json = appended(
        u"indicators"_s,
        {R"j({"code": "SHARE", "title": "Share", "level": "intermediate", "unit": "percent",
             "direction": "increase", "baseline": {"value": 0, "date": "2020-06-30"},
             "source": {"kind": "formula", "formula": "100 * FIRMS / max(FIRMZ, 1)"}})j"});
    CHECK(onlyProblem(json) == R"(indicators[2].source.formula: unknown indicator "FIRMZ")");
}

TEST_CASE("Program JSON: a validation rule naming an unknown indicator is refused",
          "[program][json][errors]")
{
    const QByteArray json =
        appended(u"validation_rules"_s, {R"j({"code": "R1", "left": "DAYS", "operator": "<=",
                                    "right": "2 * FIRMZ", "message": "too many days"})j"});
    CHECK(onlyProblem(json) == R"(validation_rules[0].right: unknown indicator "FIRMZ")");
    // A known one and a function are fine.
    const Program p =
        readOk(appended(u"validation_rules"_s, {R"j({"code": "R1", "left": "DAYS", "operator": "<=",
                                    "right": "max(FIRMS, 365)", "severity": "warning",
                                    "message": "too many days"})j"}));
    REQUIRE(p.validationRules.size() == 1);
    CHECK(p.validationRules[0].op == RuleOperator::LessEqual);
    CHECK(p.validationRules[0].severity == Severity::Warning);
}

TEST_CASE("Program JSON: several field errors are reported together", "[program][json][errors]")
{
    QByteArray json = with(R"("target": 200,)", R"("target": "400 firms",)");
    json = edited(json, R"("reported_at": "cluster")", R"("reported_at": "district")");
    json = edited(json, R"("rollover": "carry_forward")", R"("rolover": "carry_forward")");
    json = edited(json, R"("signing_date": "2020-01-15")", R"("signing_date": "2020-1-15")");
    const QStringList p = problems(json);
    CHECK(p.size() == 4);
    const std::string all = joined(p);
    CHECK_THAT(all, Contains(R"(dlis[0].dlrs[0].target: expected a number, got "400 firms")"));
    CHECK_THAT(all, Contains("indicators[0].reported_at: expected one of"));
    CHECK_THAT(all, Contains("dlis[1].dlrs[0].rolover: unknown field"));
    CHECK_THAT(all, Contains("program.signing_date: expected a date written YYYY-MM-DD"));
}

TEST_CASE("Program JSON: several errors in the whole are reported together",
          "[program][json][errors]")
{
    QByteArray json = with(R"("parent": "PB")", R"("parent": "PX")");
    json = edited(json, R"("allocation": 350000})", R"("allocation": 360000})");
    json = edited(json, R"("code": "2.1")", R"("code": "1.2")");
    json = edited(json, R"("period": "FY2023", "kind": "binary")",
                  R"("period": "FY2030", "kind": "binary")");
    const QStringList p = problems(json);
    const std::string all = joined(p);
    CHECK(p.size() == 4);
    CHECK_THAT(all, Contains(R"(org_units[1].parent: unknown org unit "PX")"));
    CHECK_THAT(all, Contains("dlis[0].dlrs: the DLR allocations add up to US$610,000.00"));
    CHECK_THAT(all, Contains(R"(dlis[1].dlrs[0].code: duplicate DLR code "1.2")"));
    CHECK_THAT(all, Contains("dlis[1].dlrs[0].period: FY2030 lies outside the program"));
}

// ---------------------------------------------------------------------------------------------
// Round trip

TEST_CASE("Program JSON: the worked example survives export and import unchanged",
          "[program][json][roundtrip]")
{
    auto first = ProgramReader::readFile(test::sharedExample(u"worked-program.json"_s));
    REQUIRE(first.ok());
    const QByteArray written = ProgramWriter::write(first.value());
    auto second = ProgramReader::read(written, u"exported.json"_s);
    if (!second)
        FAIL(second.error().text().toStdString());
    CHECK(second.value() == first.value());
    CHECK((ProgramWriter::write(second.value()) == written));
    CHECK((ProgramWriter::write(first.value()) == written));

    // Amounts are written as exact JSON numbers, defaults spelt out.
    CHECK(written.startsWith("{\n    \"format\": \"dlitracker-program/1\",\n"));
    CHECK(written.endsWith("}\n"));
    CHECK(written.contains("\"financing\": 12000000,"));
    CHECK(written.contains("\"min_fraction\": 0.2,"));
    CHECK(written.contains("\"unit_amount\": 2000,"));
    CHECK(written.contains("\"verification_window_days\": 120,"));
}

TEST_CASE("Program JSON: the demo program survives export and import unchanged",
          "[program][json][roundtrip][demo]")
{
    auto first = Demo::program();
    REQUIRE(first.ok());
    const QByteArray written = ProgramWriter::write(first.value());
    auto second = ProgramReader::read(written, u"exported.json"_s);
    if (!second)
        FAIL(second.error().text().toStdString());
    CHECK(second.value() == first.value());
    CHECK((ProgramWriter::write(second.value()) == written));
}

TEST_CASE("Program JSON: cents, explicit baselines and yen survive a round trip",
          "[program][json][roundtrip]")
{
    QByteArray json = with(R"("financing": 1000000)", R"("financing": "1000000.05")");
    json = edited(json, R"("target": 300,)", R"("baseline": 210.5, "target": 300.000001,)");
    json = edited(json, R"("fiscal_year_start_month": 7)", R"("fiscal_year_start_month": 4)");
    const Program p = readOk(json);
    CHECK(p.financing.minor() == 100'000'005);
    CHECK(dlr(p, u"DLI1", 1).baseline == Decimal::fromUnits(210'500'000));
    CHECK(dlr(p, u"DLI1", 1).target == Decimal::fromUnits(300'000'001));
    const Program back = readOk(ProgramWriter::write(p));
    CHECK(back == p);
    CHECK(back.fiscalYearStartMonth == 4);

    const Program yen = readOk(with(R"("currency": "USD")", R"("currency": "JPY")"));
    const QByteArray written = ProgramWriter::write(yen);
    CHECK(written.contains("\"financing\": 1000000,"));
    CHECK(readOk(written) == yen);
}

TEST_CASE("Program JSON: text with quotes, backslashes, line breaks and Urdu survives a round trip",
          "[program][json][roundtrip]")
{
    Program p = readOk(minimal());
    p.title = u"Cluster \"CDI\" \\ phase 2\nسیالکوٹ\tkluster / é"_s;
    p.orgUnits[1].name = u"Sialkot – سیالکوٹ"_s;
    p.dlis[0].dlrs[0].title = u"{\"not\": \"json\"}"_s;
    p.indicators[0].title = u"bell "_s + QChar(0x07) + u"end"_s;
    const QByteArray written = ProgramWriter::write(p);
    const Program back = readOk(written);
    CHECK(back == p);
    CHECK(back.title == u"Cluster \"CDI\" \\ phase 2\nسیالکوٹ\tkluster / é"_s);
    // The file is UTF-8 text.
    CHECK(written.contains("سیالکوٹ"));
}

TEST_CASE("Program JSON: values and amounts with many digits survive a round trip exactly",
          "[program][json][roundtrip]")
{
    Program p = readOk(minimal());
    // 16 and more significant digits: more than a binary double holds.
    p.financing = Money::fromMinor(9'876'543'210'987'654);          // 98765432109876.54
    p.dlis[0].allocation = Money::fromMinor(1'234'567'890'123'457); // 12345678901234.57
    p.dlis[0].dlrs[1].allocation = Money::fromMinor(1'234'567'865'123'457);
    p.dlis[0].dlrs[1].target = Decimal::fromUnits(1'234'567'890'123'456);       // 1234567890.123456
    p.indicators[1].baseline.value = Decimal::fromUnits(9'007'199'254'740'993); // 9007199254.740993
    p.dlis[1].dlrs[0].target = Decimal::fromUnits(9'007'199'254'740'991);
    INFO(joined(ProgramChecker::check(p)));
    REQUIRE(ProgramChecker::check(p).isEmpty());

    const QByteArray written = ProgramWriter::write(p);
    const Program back = readOk(written);
    CHECK(back.financing.minor() == 9'876'543'210'987'654);
    CHECK(back.dlis[0].allocation.minor() == 1'234'567'890'123'457);
    CHECK(back.dlis[0].dlrs[1].target == Decimal::fromUnits(1'234'567'890'123'456));
    CHECK(back.indicators[1].baseline.value == Decimal::fromUnits(9'007'199'254'740'993));
    CHECK(back == p);
    CHECK((ProgramWriter::write(back) == written));
    // Written as decimal strings where a JSON number would not be read exactly.
    CHECK(written.contains("\"financing\": \"98765432109876.54\","));
    CHECK(written.contains("\"target\": \"1234567890.123456\","));
    CHECK(written.contains("\"allocation\": 250000,"));
}

TEST_CASE("Program JSON: a JSON number too long to read exactly is refused, its string accepted",
          "[program][json][errors]")
{
    // A binary double keeps 15 significant digits; 98765432109876.54 has 16 and would be read
    // as 98765432109876.55.
    const std::string m =
        onlyProblem(with(R"("financing": 1000000)", R"("financing": 98765432109876.54)"));
    CHECK_THAT(m, Contains("program.financing: a number with more than 15 significant digits"));
    CHECK_THAT(m, Contains("write it as a decimal string in quotes"));
    CHECK(readOk(with(R"("financing": 1000000)", R"("financing": "98765432109876.54")"))
              .financing.minor() == 9'876'543'210'987'654);
    // Fifteen digits are exact.
    CHECK(readOk(with(R"("financing": 1000000)", R"("financing": 9876543210987.65)"))
              .financing.minor() == 987'654'321'098'765);
    // So are whole numbers that fit 64 bits, however long.
    const Program yen =
        readOk(with(R"("currency": "USD")", R"("currency": "JPY")")
                   .replace(R"("financing": 1000000)", R"("financing": 1234567890123456789)"));
    CHECK(yen.financing.minor() == 1'234'567'890'123'456'789);
    const QByteArray written = ProgramWriter::write(yen);
    CHECK(readOk(written) == yen);
}

TEST_CASE("Program JSON: a whole number far out of range is reported as out of range",
          "[program][json][errors]")
{
    CHECK(onlyProblem(
              with(R"("fiscal_year_start_month": 7)", R"("fiscal_year_start_month": 1e20)")) ==
          "program.fiscal_year_start_month: must lie between 1 and 12, got 1e+20");
    CHECK(onlyProblem(
              with(R"("fiscal_year_start_month": 7)", R"("fiscal_year_start_month": -1e300)")) ==
          "program.fiscal_year_start_month: must lie between 1 and 12, got -1e+300");
    CHECK(
        onlyProblem(with(R"("fiscal_year_start_month": 7)", R"("fiscal_year_start_month": "7")")) ==
        R"(program.fiscal_year_start_month: expected a whole number, got "7")");
}

TEST_CASE("Program JSON: a null optional field counts as absent", "[program][json]")
{
    const Program p = readOk(with(R"("target": 30, "allocation": 300000,)",
                                  R"("target": 30, "allocation": 300000, "unit_amount": null,
                                     "deadline": null, "baseline": null,)"));
    CHECK_FALSE(dlr(p, u"DLI2", 0).unitAmount.has_value());
    CHECK_FALSE(dlr(p, u"DLI2", 0).deadline.has_value());
}
