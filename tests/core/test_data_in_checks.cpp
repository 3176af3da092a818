// Checks on figures coming in that protect the store: each case was a way to get wrong data in,
// or to be refused for someone else's mistake.
#include "core/engine/value_calculator.h"
#include "core/io/importer.h"
#include "core/io/program_import.h"
#include "core/io/program_reader.h"
#include "core/io/validation.h"
#include "core/storage/session.h"
#include "support/test_support.h"

using namespace Qt::StringLiterals;
using namespace dli;
using Catch::Matchers::Contains;

namespace {

// The worked program, with a rule that the program-wide EXP_FIRMS stays at or below 90.
Program cappedProgram()
{
    QByteArray json = test::readFile(test::sharedExample(u"worked-program.json"_s));
    json.replace("\"validation_rules\": []",
                 R"("validation_rules": [{"code": "CAP", "left": "EXP_FIRMS", "operator": "<=",
                     "right": "90", "severity": "error", "message": "Too many"}])");
    auto p = ProgramReader::read(json, u"capped.json"_s);
    REQUIRE(p.ok());
    return p.value();
}

struct Store {
    test::TempDir dir;
    std::unique_ptr<Session> session;
    Program program;

    explicit Store(const Program& p) : program(p)
    {
        auto s = Session::create(dir.path(u"s.dlidb"_s));
        REQUIRE(s.ok());
        session = std::move(s).value();
        REQUIRE(ProgramImport::importProgram(*session, program, false).ok());
    }

    Result<ImportReport> import(ImportKind kind, const QByteArray& csv)
    {
        const QString path = dir.path(u"in.csv"_s);
        test::writeFile(path, csv);
        ImportOptions options;
        options.kind = kind;
        options.path = path;
        return Importer::run(*session, program, options);
    }

    void observe(const QString& indicator, const QString& period, const QString& unit, qint64 value)
    {
        Observation o;
        o.indicator = indicator;
        o.period = Period::parse(period).value();
        o.orgUnit = unit;
        o.value = Decimal::fromInt(value);
        REQUIRE(session->observations().insert(o).ok());
    }
};

} // namespace

TEST_CASE("Import: a rule already broken before the file is not the file's fault", "[import]")
{
    Store store(cappedProgram());
    // Stored before: the program's EXP_FIRMS for FY2021-Q1 is 40 + 60 = 100, above 90.
    store.observe(u"EXP_FIRMS"_s, u"FY2021-Q1"_s, u"C1"_s, 60);
    // A figure of another indicator for the same period and units goes in.
    auto unrelated = store.import(ImportKind::Observations,
                                  "indicator,period,org_unit,value\nTRAINED_W,FY2021-Q1,C2,5\n");
    INFO((unrelated ? QString() : unrelated.error().text()).toStdString());
    CHECK(unrelated.ok());
    // A figure that changes the broken total is refused, with the new values.
    auto worse = store.import(ImportKind::Observations,
                              "indicator,period,org_unit,value\nEXP_FIRMS,FY2021-Q1,C2,3\n");
    REQUIRE_FALSE(worse.ok());
    CHECK_THAT(worse.error().details.join(u'\n').toStdString(),
               Contains("rule CAP for FY2021-Q1 at PB: Too many (103 against 90)"));
}

TEST_CASE("Validate: built-in checks look at each figure, not at totals", "[validate]")
{
    Store store(cappedProgram());
    // DAYS is a level: two quarters of 30 add up to nothing, and are fine.
    store.observe(u"DAYS"_s, u"FY2021-Q1"_s, u"PB"_s, 30);
    store.observe(u"DAYS"_s, u"FY2021-Q2"_s, u"PB"_s, 30);
    // A negative count entered somehow is caught where it stands.
    store.observe(u"TRAINED_W"_s, u"FY2021-Q3"_s, u"C1"_s, -4);
    auto v = Validation::run(*store.session, store.program);
    REQUIRE(v.ok());
    QStringList found;
    for (const Violation& x : v.value())
        found << x.rule + u' ' + x.period.code() + u' ' + x.orgUnit;
    INFO(found.join(u'\n').toStdString());
    CHECK(found.contains(u"built-in:negative FY2021-Q3 C1"_s));
    for (const QString& f : found)
        CHECK_FALSE(f.contains(u"DAYS"_s));
}

TEST_CASE("Program replace is refused once registers name the org units", "[import]")
{
    Store store(cappedProgram());
    REQUIRE(store.import(ImportKind::Firms, "code,name,cluster\nF1,Firm one,C1\n").ok());
    const Status s = ProgramImport::importProgram(*store.session, store.program, true);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == ErrorCode::Conflict);
    CHECK_THAT(s.error().message.toStdString(), Contains("the firms register already refers"));
}

TEST_CASE("Import: a value beyond the named columns is refused, not dropped", "[import]")
{
    Store store(cappedProgram());
    auto r = store.import(ImportKind::Firms, "code,name,cluster,contact\n"
                                             "F1,Butt Sons,C1,Shahid Tariq, 0322-9569731\n");
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().details.value(0).toStdString(),
               Contains("in.csv:2:5: a value beyond the last named column (\"0322-9569731\")"));
    CHECK(store.session->registers().count(ImportKind::Firms).value() == 0);
}

TEST_CASE("Import: an export needs a value, and a year may not overlap its quarters", "[import]")
{
    Store store(cappedProgram());
    REQUIRE(store.import(ImportKind::Firms, "code,name,cluster\nF1,Firm one,C1\n").ok());
    auto empty = store.import(ImportKind::Exports, "firm,period,source\nF1,FY2021,customs\n");
    REQUIRE_FALSE(empty.ok());
    CHECK_THAT(empty.error().details.value(0).toStdString(),
               Contains("an export needs its value in rupees, in US dollars or both"));

    auto inFile = store.import(ImportKind::Exports, "firm,period,value_usd,source\n"
                                                    "F1,FY2021,100,customs\n"
                                                    "F1,FY2021-Q2,40,customs\n"
                                                    "F1,FY2021-Q2,40,self_reported\n");
    REQUIRE_FALSE(inFile.ok());
    REQUIRE(inFile.error().details.size() == 1);
    CHECK_THAT(inFile.error().details[0].toStdString(),
               Contains("in.csv:3:1: F1 FY2021-Q2 customs overlaps FY2021 on line 2"));

    REQUIRE(store
                .import(ImportKind::Exports, "firm,period,value_usd,source\n"
                                             "F1,FY2021-Q2,40,customs\n")
                .ok());
    auto inStore =
        store.import(ImportKind::Exports, "firm,period,value_usd,source\nF1,FY2021,100,customs\n");
    REQUIRE_FALSE(inStore.ok());
    CHECK_THAT(inStore.error().details.value(0).toStdString(),
               Contains("overlaps FY2021-Q2 already in the database"));
}

TEST_CASE("Values: a total too large to hold is an error, not a crash", "[values]")
{
    const Program p = cappedProgram();
    Observation a;
    a.indicator = u"TRAINED_W"_s;
    a.period = Period::quarter(2021, 1);
    a.orgUnit = u"C1"_s;
    a.value = Decimal::fromInt(9'000'000'000'000LL);
    Observation b = a;
    b.orgUnit = u"C2"_s;
    ValueCalculator calc(p, {a, b});
    auto v = calc.value(u"TRAINED_W"_s, Period::year(2021), u"PB"_s);
    REQUIRE_FALSE(v.ok());
    CHECK_THAT(v.error().message.toStdString(), Contains("too large to compute exactly"));
}
