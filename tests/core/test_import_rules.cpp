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
    // Once, at the row that first touched the program's figure (FY2021-Q1, then FY2021).
    REQUIRE(details.size() == 2);
    CHECK_THAT(details[0].toStdString(),
               Contains("obs.csv:2:4: rule CAP for FY2021-Q1 at PB: Too many (100 against 90)"));
    CHECK_THAT(details[1].toStdString(), Contains("rule CAP for FY2021 at PB"));
    CHECK(session.value()->observations().count().value() == 0);
}
