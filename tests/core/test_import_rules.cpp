#include "core/io/importer.h"
#include "core/io/program_import.h"
#include "core/io/program_reader.h"
#include "core/storage/session.h"
#include "support/test_support.h"

using namespace Qt::StringLiterals;
using namespace dli;
using Catch::Matchers::Contains;

TEST_CASE("Import reports a rule that fails only where the rows add up", "[import][rules]")
{
    // The worked program with a rule no single cluster breaks: each cluster's figure is 30, but
    // the program's (its baseline 40 plus both) is 100.
    QByteArray json = test::readFile(test::sharedExample(u"worked-program.json"_s));
    const QByteArray rule = R"("validation_rules": [{"code": "CAP", "left": "EXP_FIRMS",
        "operator": "<=", "right": "90", "severity": "error", "message": "Too many"}])";
    REQUIRE(json.contains("\"validation_rules\": []"));
    json.replace("\"validation_rules\": []", rule);
    auto program = ProgramReader::read(json, u"rule.json"_s);
    REQUIRE(program.ok());

    test::TempDir dir;
    auto session = Session::create(dir.path(u"r.dlidb"_s));
    REQUIRE(session.ok());
    REQUIRE(ProgramImport::importProgram(*session.value(), program.value(), false).ok());
    const QString csv = dir.path(u"obs.csv"_s);
    test::writeFile(csv, "indicator,period,org_unit,value\n"
                         "EXP_FIRMS,FY2021-Q1,C1,30\n"
                         "EXP_FIRMS,FY2021-Q1,C2,30\n");
    ImportOptions options;
    options.kind = ImportKind::Observations;
    options.path = csv;
    auto result = Importer::run(*session.value(), program.value(), options);
    REQUIRE_FALSE(result.ok());
    const QStringList details = result.error().details;
    INFO(details.join(u'\n').toStdString());
    // Once, at the row that first touched the program's figure, for the first period it fails
    // in: the cumulative total stays above the cap in every later period too.
    REQUIRE(details.size() == 1);
    CHECK_THAT(details[0].toStdString(),
               Contains("obs.csv:2:4: rule CAP for FY2021-Q1 at PB: Too many (100 against 90)"));
    CHECK(session.value()->observations().count().value() == 0);
}

TEST_CASE("Import checks the later periods a cumulative figure carries into", "[import][rules]")
{
    QByteArray json = test::readFile(test::sharedExample(u"worked-program.json"_s));
    json.replace("\"validation_rules\": []",
                 R"("validation_rules": [{"code": "CAP", "left": "EXP_FIRMS",
        "operator": "<=", "right": "90", "severity": "error", "message": "Too many"}])");
    auto program = ProgramReader::read(json, u"rule.json"_s);
    REQUIRE(program.ok());
    test::TempDir dir;
    auto session = Session::create(dir.path(u"r.dlidb"_s));
    REQUIRE(session.ok());
    REQUIRE(ProgramImport::importProgram(*session.value(), program.value(), false).ok());
    // Stored: 40 more first-time exporters in FY2022-Q1; the program stands at 80 then.
    Observation later;
    later.indicator = u"EXP_FIRMS"_s;
    later.period = Period::quarter(2022, 1);
    later.orgUnit = u"C2"_s;
    later.value = Decimal::fromInt(40);
    REQUIRE(session.value()->observations().insert(later).ok());

    // 20 more in FY2021-Q1 is fine then (60), and through FY2021, but lifts FY2022-Q1 to 100.
    const QString csv = dir.path(u"obs.csv"_s);
    test::writeFile(csv, "indicator,period,org_unit,value\nEXP_FIRMS,FY2021-Q1,C1,20\n");
    ImportOptions options;
    options.kind = ImportKind::Observations;
    options.path = csv;
    auto result = Importer::run(*session.value(), program.value(), options);
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.error().details.size() == 1);
    CHECK_THAT(result.error().details[0].toStdString(),
               Contains("rule CAP for FY2022-Q1 at PB: Too many (100 against 90)"));
}
