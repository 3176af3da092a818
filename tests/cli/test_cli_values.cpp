// End-to-end tests of `dlitracker-cli values` and `validate` on the demo and on the worked example
// (its observations imported from a CSV written here).
#include "cli_process.h"
#include "support/test_support.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <string>

using namespace Qt::StringLiterals;
using namespace dli::test::cli;
using Catch::Matchers::Contains;
using dli::test::readFile;
using dli::test::sharedExample;
using dli::test::TempDir;
using dli::test::writeFile;

namespace {

QString demoDatabase(const TempDir& dir)
{
    const QString db = dir.path(u"demo.dlidb"_s);
    cli({u"demo"_s, db}, Success);
    return db;
}

QJsonObject json(const Run& r)
{
    return parseObject(r.stdoutBytes);
}

// The rows of `values --format json`, keyed "INDICATOR PERIOD ORG".
QHash<QString, QJsonObject> valueRows(const Run& r)
{
    QHash<QString, QJsonObject> rows;
    for (const QJsonValue& v : json(r).value(u"values"_s).toArray()) {
        const QJsonObject o = v.toObject();
        rows.insert(o.value(u"indicator"_s).toString() + u' ' + o.value(u"period"_s).toString() +
                        u' ' + o.value(u"org_unit"_s).toString(),
                    o);
    }
    return rows;
}

// The violations of `validate --format json` as "SEVERITY RULE PERIOD ORG".
QStringList violations(const Run& r)
{
    QStringList out;
    for (const QJsonValue& v : json(r).value(u"violations"_s).toArray()) {
        const QJsonObject o = v.toObject();
        out << o.value(u"severity"_s).toString() + u' ' + o.value(u"rule"_s).toString() + u' ' +
                   o.value(u"period"_s).toString() + u' ' + o.value(u"org_unit"_s).toString();
    }
    return out;
}

// Whether a line of the output begins with these cells, separated by spaces.
bool hasRow(const std::string& out, const QStringList& cells)
{
    QStringList escaped;
    for (const QString& c : cells)
        escaped << QRegularExpression::escape(c);
    const QRegularExpression line(u"^ *"_s + escaped.join(u" +"_s) + u"( |$)"_s,
                                  QRegularExpression::MultilineOption);
    return line.match(QString::fromStdString(out)).hasMatch();
}

// The worked example, optionally with validation rules, and its verified observations of
// WORKED-EXAMPLES.md imported (as drafts) from a CSV.
QString workedDatabase(const TempDir& dir, const QJsonArray& rules = {})
{
    const QString db = dir.path(u"worked.dlidb"_s);
    cli({u"init"_s, db}, Success);
    QString programFile = sharedExample(u"worked-program.json"_s);
    if (!rules.isEmpty()) {
        QJsonObject root = QJsonDocument::fromJson(readFile(programFile)).object();
        root.insert(u"validation_rules"_s, rules);
        programFile = dir.path(u"worked-with-rules.json"_s);
        writeFile(programFile, QJsonDocument(root).toJson());
    }
    cli({u"program"_s, u"import"_s, db, programFile}, Success);
    const QString csv = dir.path(u"observations.csv"_s);
    writeFile(csv, "indicator,period,org_unit,category,value,source,note\n"
                   "EXP_FIRMS,FY2020-Q3,C1,,12,MIS,\n"
                   "EXP_FIRMS,FY2021-Q2,C2,,20,MIS,\n"
                   "EXP_FIRMS,FY2021-Q4,C1,,13,MIS,\n"
                   "EXP_FIRMS,FY2022-Q2,C1,,50,MIS,\n"
                   "TRAINED_W,FY2021-Q1,C1,,120,Centre return,\n"
                   "TRAINED_W,FY2021-Q3,C2,,150,Centre return,\n"
                   "TRAINED_W,FY2021-Q4,C1,,80,Centre return,\n"
                   "DAYS,FY2021-Q4,PB,,30,Licensing office,\n"
                   "DAYS,FY2022-Q3,PB,,18,Licensing office,\"mystery shopper, 30 cases\"\n");
    cli({u"import"_s, db, u"--kind"_s, u"observations"_s, csv}, Success);
    return db;
}

QJsonObject rule(const QString& code, const QString& left, const QString& op, const QString& right,
                 const QString& severity)
{
    return {{u"code"_s, code},   {u"left"_s, left},         {u"operator"_s, op},
            {u"right"_s, right}, {u"severity"_s, severity}, {u"message"_s, code + u" is broken"_s}};
}

} // namespace

TEST_CASE("cli values: the demo's JSON equals the golden file", "[cli][values]")
{
    const TempDir dir;
    const QString db = demoDatabase(dir);
    const Run r = cli({u"values"_s, db, u"--format"_s, u"json"_s}, Success);
    const QByteArray golden = readFile(dli::test::dataPath(u"golden/demo-values.json"_s));
    CHECK(r.stdoutBytes == golden);
    CHECK(r.err.empty());
}

TEST_CASE("cli values: a table, narrowed by indicator, period, org unit and basis", "[cli][values]")
{
    const TempDir dir;
    const QString db = demoDatabase(dir);

    const Run table = cli({u"values"_s, db}, Success);
    CHECK(hasRow(table.out,
                 {u"Indicator"_s, u"Period"_s, u"Org"_s, u"unit"_s, u"Value"_s, u"Basis"_s}));
    CHECK(hasRow(table.out, {u"DAYS_REG"_s, u"FY2023"_s, u"PB"_s, u"45"_s, u"baseline"_s}));
    CHECK(hasRow(table.out, {u"DAYS_REG"_s, u"FY2025"_s, u"PB"_s, u"28"_s, u"verified only"_s}));
    // Later figures still wait for verification.
    CHECK(hasRow(table.out,
                 {u"DAYS_REG"_s, u"FY2027"_s, u"PB"_s, u"19"_s, u"includes unverified"_s}));
    CHECK(hasRow(table.out, {u"STRATEGY"_s, u"FY2023"_s, u"PB"_s, u"1"_s}));
    CHECK(hasRow(table.out, {u"JOBS"_s, u"FY2023"_s, u"PB"_s, u"-"_s}));
    CHECK(hasRow(table.out, {u"TRAINED_W"_s, u"FY2024"_s, u"PB"_s, u"450"_s, u"register"_s}));

    // One indicator, one period.
    const Run one = cli({u"values"_s, db, u"--indicator"_s, u"DAYS_REG"_s, u"--period"_s,
                         u"FY2025"_s, u"--format"_s, u"json"_s},
                        Success);
    auto rows = valueRows(one);
    REQUIRE(rows.size() == 1);
    CHECK(rows.value(u"DAYS_REG FY2025 PB"_s).value(u"value"_s).toDouble() == 28);
    // The other spellings of a period are accepted.
    const Run spelled = cli({u"values"_s, db, u"--indicator"_s, u"DAYS_REG"_s, u"--period"_s,
                             u"2024-25"_s, u"--format"_s, u"json"_s},
                            Success);
    CHECK(spelled.stdoutBytes == one.stdoutBytes);

    // One period, every indicator (a yearly one too).
    rows = valueRows(
        cli({u"values"_s, db, u"--period"_s, u"FY2025"_s, u"--format"_s, u"json"_s}, Success));
    CHECK(rows.size() == 10);
    CHECK(rows.contains(u"JOBS FY2025 PB"_s));
    CHECK(rows.contains(u"EXPORT_USD FY2025 PB"_s));

    // An org unit and its subtree: the SDH design centre's trainees are its cluster's.
    const QStringList trained{u"values"_s,   db,          u"--indicator"_s, u"TRAINED_ALL"_s,
                              u"--period"_s, u"FY2025"_s, u"--format"_s,    u"json"_s};
    const auto cluster = valueRows(cli(trained + QStringList{u"--org"_s, u"LHR-FTW"_s}, Success));
    const auto centre = valueRows(cli(trained + QStringList{u"--org"_s, u"SDH"_s}, Success));
    const auto whole = valueRows(cli(trained, Success));
    const double atCluster =
        cluster.value(u"TRAINED_ALL FY2025 LHR-FTW"_s).value(u"value"_s).toDouble();
    const double atCentre = centre.value(u"TRAINED_ALL FY2025 SDH"_s).value(u"value"_s).toDouble();
    const double atRoot = whole.value(u"TRAINED_ALL FY2025 PB"_s).value(u"value"_s).toDouble();
    CHECK(atCentre > 0);
    CHECK(atCluster >= atCentre);
    CHECK(atRoot > atCluster);
    CHECK(atRoot == 1253); // as in the golden file

    // --reported: register-defined indicators from the officers' claims, where the planted
    // finding (ADRC entered the number of men as everyone trained) shows.
    const QStringList adrc{
        u"values"_s,    db,         u"--indicator"_s, u"TRAINED_ALL"_s, u"--period"_s,
        u"FY2024-Q3"_s, u"--org"_s, u"ADRC"_s,        u"--format"_s,    u"json"_s};
    const QJsonObject registered =
        valueRows(cli(adrc, Success)).value(u"TRAINED_ALL FY2024-Q3 ADRC"_s);
    const QJsonObject claimed = valueRows(cli(adrc + QStringList{u"--reported"_s}, Success))
                                    .value(u"TRAINED_ALL FY2024-Q3 ADRC"_s);
    CHECK(registered.value(u"basis"_s).toString() == u"register"_s);
    CHECK(registered.value(u"observations"_s).toInt() == 0);
    CHECK(claimed.value(u"basis"_s).toString() == u"includes unverified"_s);
    CHECK(claimed.value(u"observations"_s).toInt() == 1);
    CHECK(claimed.value(u"value"_s).toDouble() < registered.value(u"value"_s).toDouble());
    // Reported indicators are the same either way.
    const QStringList days{u"values"_s, db, u"--indicator"_s, u"DAYS_REG"_s};
    CHECK(cli(days, Success).stdoutBytes ==
          cli(days + QStringList{u"--reported"_s}, Success).stdoutBytes);
}

TEST_CASE("cli values: bad scope and format are bad input", "[cli][values]")
{
    const TempDir dir;
    const QString db = demoDatabase(dir);
    const Run ambiguous = cli({u"values"_s, db, u"--period"_s, u"2025"_s}, BadInput);
    CHECK_THAT(ambiguous.err, Contains("--period"));
    CHECK(ambiguous.out.empty());
    const Run outside = cli({u"values"_s, db, u"--period"_s, u"FY2040"_s}, BadInput);
    CHECK_THAT(outside.err, Contains("FY2040"));
    const Run org = cli({u"values"_s, db, u"--org"_s, u"NOWHERE"_s}, BadInput);
    CHECK_THAT(org.err, Contains("NOWHERE"));
    const Run indicator = cli({u"values"_s, db, u"--indicator"_s, u"NOPE"_s}, BadInput);
    CHECK_THAT(indicator.err, Contains("NOPE"));
    const Run format = cli({u"values"_s, db, u"--format"_s, u"xml"_s}, BadInput);
    CHECK_THAT(format.err, Contains("xml"));
    CHECK(format.out.empty());
    cli({u"validate"_s, db, u"--format"_s, u"csv"_s}, BadInput);
    cli({u"validate"_s, db, u"--period"_s, u"Q1 2025"_s}, BadInput);
    // A period outside the program is refused, not reported free of violations.
    const Run later = cli({u"validate"_s, db, u"--period"_s, u"FY2040"_s}, BadInput);
    CHECK_THAT(later.err, Contains("FY2040"));
    CHECK(later.out.empty());
    cli({u"validate"_s, db, u"--org"_s, u"NOWHERE"_s}, BadInput);
}

TEST_CASE("cli validate: the demo's planted error fails the check", "[cli][values]")
{
    const TempDir dir;
    const QString db = demoDatabase(dir);

    // The table lists every violation with both values; exit status 1 for the errors.
    const Run table = cli({u"validate"_s, db}, ProblemsFound);
    CHECK(hasRow(table.out, {u"error"_s, u"VR1"_s, u"FY2024-Q3"_s, u"ADRC"_s}));
    CHECK(hasRow(table.out, {u"warning"_s, u"VR3"_s, u"FY2024-Q1"_s, u"GRW-LENG"_s}));

    const Run all = cli({u"validate"_s, db, u"--format"_s, u"json"_s}, ProblemsFound);
    const QStringList found = violations(all);
    CHECK(found.contains(u"error VR1 FY2024-Q3 ADRC"_s));
    CHECK(found.contains(u"warning VR3 FY2024-Q1 GRW-LENG"_s));
    bool vr1Values = false;
    for (const QJsonValue& v : json(all).value(u"violations"_s).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(u"rule"_s).toString() == u"VR1"_s &&
            o.value(u"org_unit"_s).toString() == u"ADRC"_s) {
            vr1Values = o.value(u"left"_s).toDouble() > o.value(u"right"_s).toDouble();
            CHECK_FALSE(o.value(u"message"_s).toString().isEmpty());
        }
    }
    CHECK(vr1Values);

    // Narrowed to the quarter: only its violations, still an error.
    const QStringList quarter =
        violations(cli({u"validate"_s, db, u"--period"_s, u"FY2024-Q3"_s, u"--format"_s, u"json"_s},
                       ProblemsFound));
    CHECK(quarter.contains(u"error VR1 FY2024-Q3 ADRC"_s));
    for (const QString& v : quarter)
        CHECK_THAT(v.toStdString(), Contains(" FY2024-Q3 "));
    // Narrowed to an org unit elsewhere: nothing in its subtree.
    const Run sdh = cli({u"validate"_s, db, u"--period"_s, u"FY2024-Q3"_s, u"--org"_s, u"LHR-FTW"_s,
                         u"--format"_s, u"json"_s},
                        Success);
    CHECK(violations(sdh).isEmpty());
    // A quarter with a warning only: listed, but the check passes.
    const QStringList warnings = violations(
        cli({u"validate"_s, db, u"--period"_s, u"FY2024-Q1"_s, u"--format"_s, u"json"_s}, Success));
    CHECK(warnings.contains(u"warning VR3 FY2024-Q1 GRW-LENG"_s));
    for (const QString& v : warnings)
        CHECK_THAT(v.toStdString(), Contains("warning "));
}

TEST_CASE("cli values: the worked example's figures, and no rule broken", "[cli][values]")
{
    const TempDir dir;
    const QString db = workedDatabase(
        dir, {rule(u"VR-DAYS"_s, u"DAYS"_s, u"<="_s, u"45"_s, u"error"_s),
              rule(u"VR-TRAINED"_s, u"TRAINED_W"_s, u"<="_s, u"1000"_s, u"error"_s)});
    const auto rows = valueRows(cli({u"values"_s, db, u"--format"_s, u"json"_s}, Success));
    const auto value = [&rows](const QString& key) {
        INFO(key.toStdString());
        REQUIRE(rows.contains(key));
        return rows.value(key).value(u"value"_s);
    };
    // WORKED-EXAMPLES.md: A = 40 + 12 + 20 = 72 by FY2021-Q2, 85 by the end of FY2021, 135 in
    // FY2022; women trained 350 in FY2021; days 45, then 30, then 18.
    CHECK(value(u"EXP_FIRMS FY2019 PB"_s).toDouble() == 40);
    CHECK(value(u"EXP_FIRMS FY2021-Q2 PB"_s).toDouble() == 72);
    CHECK(value(u"EXP_FIRMS FY2021 PB"_s).toDouble() == 85);
    CHECK(value(u"EXP_FIRMS FY2022 PB"_s).toDouble() == 135);
    CHECK(value(u"TRAINED_W FY2021 PB"_s).toDouble() == 350);
    CHECK(value(u"TRAINED_W FY2022 PB"_s).isNull());
    CHECK(value(u"DAYS FY2021-Q3 PB"_s).toDouble() == 45);
    CHECK(value(u"DAYS FY2021 PB"_s).toDouble() == 30);
    CHECK(value(u"DAYS FY2023 PB"_s).toDouble() == 18);
    CHECK(rows.value(u"EXP_FIRMS FY2021 PB"_s).value(u"observations"_s).toInt() == 3);
    CHECK(rows.value(u"EXP_FIRMS FY2021 PB"_s).value(u"basis"_s).toString() ==
          u"includes unverified"_s); // imported observations are drafts

    const auto c1 = valueRows(cli({u"values"_s, db, u"--org"_s, u"C1"_s, u"--period"_s, u"FY2021"_s,
                                   u"--format"_s, u"json"_s},
                                  Success));
    CHECK(c1.value(u"EXP_FIRMS FY2021 C1"_s).value(u"value"_s).toDouble() == 25);
    CHECK(c1.value(u"TRAINED_W FY2021 C1"_s).value(u"value"_s).toDouble() == 200);

    const Run checked = cli({u"validate"_s, db}, Success);
    CHECK_THAT(checked.out, Contains("No violations"));
    CHECK(violations(cli({u"validate"_s, db, u"--format"_s, u"json"_s}, Success)).isEmpty());
}
