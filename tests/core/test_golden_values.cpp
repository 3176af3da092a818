// Golden file: the values of the demo (default seed), as `dlitracker-cli values --format json`
// prints them, must equal tests/data/golden/demo-values.json byte for byte. Run the test with
// DLI_REGENERATE_GOLDEN=1 to write the file instead, after a change meant to alter the values;
// review the difference before keeping it.
#include "core/engine/value_calculator.h"
#include "core/io/demo.h"
#include "core/io/values_report.h"
#include "core/storage/session.h"
#include "support/test_support.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <iostream>

using namespace Qt::StringLiterals;
using namespace dli;

namespace {

QString goldenPath()
{
    return test::dataPath(u"golden/demo-values.json"_s);
}

// The first line where two texts differ, for the failure message.
QString firstDifference(const QByteArray& actual, const QByteArray& expected)
{
    const QList<QByteArray> a = actual.split('\n');
    const QList<QByteArray> e = expected.split('\n');
    for (qsizetype i = 0; i < qMax(a.size(), e.size()); ++i) {
        if (a.value(i) != e.value(i))
            return u"line %1\n  expected: %2\n  actual:   %3"_s.arg(QString::number(i + 1),
                                                                    QString::fromUtf8(e.value(i)),
                                                                    QString::fromUtf8(a.value(i)));
    }
    return u"same lines, different bytes"_s;
}

} // namespace

TEST_CASE("Golden values: the demo's values equal the kept reference", "[values][golden]")
{
    test::TempDir dir;
    const QString path = dir.path(u"demo.dlidb"_s);
    const Status made = Demo::create(path);
    if (!made)
        FAIL(made.error().text().toStdString());
    auto session = Session::open(path);
    if (!session)
        FAIL(session.error().text().toStdString());
    auto program = session.value()->programs().load();
    if (!program)
        FAIL(program.error().text().toStdString());
    const auto rows = ValuesReport::compute(*session.value(), program.value(), ValuesQuery{});
    if (!rows)
        FAIL(rows.error().text().toStdString());
    const QByteArray actual = ValuesReport::json(program.value(), rows.value());

    if (qEnvironmentVariableIntValue("DLI_REGENERATE_GOLDEN") == 1) {
        REQUIRE(QDir().mkpath(QFileInfo(goldenPath()).absolutePath()));
        test::writeFile(goldenPath(), actual);
        std::cout << "DLI_REGENERATE_GOLDEN=1: wrote " << goldenPath().toStdString()
                  << "; review the change before keeping it" << std::endl;
        SUCCEED("golden file regenerated");
        return;
    }
    REQUIRE(QFileInfo::exists(goldenPath()));
    const QByteArray expected = test::readFile(goldenPath());
    INFO("regenerate on purpose with DLI_REGENERATE_GOLDEN=1\n"
         << firstDifference(actual, expected).toStdString());
    // A bool: Catch would take minutes to print two large byte arrays.
    const bool same = actual == expected;
    CHECK(same);
}

TEST_CASE("Golden values: the reference holds the figures worked out by hand", "[values][golden]")
{
    // The reference itself, read as JSON: a regenerated file that lost these would be wrong.
    const QJsonObject golden = QJsonDocument::fromJson(test::readFile(goldenPath())).object();
    CHECK(golden.value(u"program"_s).toString() == u"PJC-CDI"_s);
    QHash<QString, QJsonObject> byKey;
    for (const QJsonValue& v : golden.value(u"values"_s).toArray()) {
        const QJsonObject o = v.toObject();
        CHECK(o.value(u"org_unit"_s).toString() == u"PB"_s);
        byKey.insert(o.value(u"indicator"_s).toString() + u' ' + o.value(u"period"_s).toString(),
                     o);
    }
    // 8 quarterly indicators x 6 years x (4 quarters + the year) + 2 yearly x 6 years.
    CHECK(byKey.size() == 252);
    const auto value = [&byKey](const QString& key) {
        INFO(key.toStdString());
        REQUIRE(byKey.contains(key));
        return byKey.value(key).value(u"value"_s);
    };
    // A value that must be there (null would read as 0).
    const auto number = [&value](const QString& key) {
        const QJsonValue v = value(key);
        INFO(key.toStdString());
        REQUIRE(v.isDouble());
        return v.toDouble();
    };
    const auto basis = [&byKey](const QString& key) {
        return byKey.value(key).value(u"basis"_s).toString();
    };
    // The strategy, notified in FY2023-Q3, stays notified (a `latest` milestone).
    CHECK(number(u"STRATEGY FY2023-Q2"_s) == 0); // the baseline
    CHECK(number(u"STRATEGY FY2023"_s) == 1);
    CHECK(number(u"STRATEGY FY2027"_s) == 1);
    // Days to register: 44 in FY2024-Q1, 28 at the end of FY2025, 19 at the end of FY2026; the
    // baseline 45 before the first report.
    CHECK(number(u"DAYS_REG FY2022"_s) == 45);
    CHECK(number(u"DAYS_REG FY2023"_s) == 45);
    CHECK(basis(u"DAYS_REG FY2023"_s) == u"baseline"_s);
    CHECK(number(u"DAYS_REG FY2024-Q1"_s) == 44);
    CHECK(number(u"DAYS_REG FY2025"_s) == 28);
    CHECK(number(u"DAYS_REG FY2026"_s) == 19);
    CHECK(number(u"DAYS_REG FY2027"_s) == 19);
    CHECK(basis(u"DAYS_REG FY2025"_s) == u"verified only"_s);
    CHECK(basis(u"DAYS_REG FY2027"_s) == u"includes unverified"_s);
    // Register-defined indicators come from the registers; a year before any row counts 0.
    CHECK(basis(u"FIRMS_UPGRADE FY2025"_s) == u"register"_s);
    CHECK(number(u"FIRMS_UPGRADE FY2023"_s) == 0);
    CHECK(number(u"TRAINED_ALL FY2023"_s) == 0);
    // Reported per-period indicators have no value where nothing was reported.
    CHECK(value(u"JOBS FY2023"_s).isNull());
    CHECK(number(u"LINKAGES FY2023"_s) == 0); // cumulative: the baseline 0
    // A share: no value without anyone trained (division by zero).
    CHECK(value(u"SHARE_W FY2023"_s).isNull());
}

TEST_CASE("Golden values: cumulative and yearly figures agree with the quarters",
          "[values][golden]")
{
    const QJsonObject golden = QJsonDocument::fromJson(test::readFile(goldenPath())).object();
    QHash<QString, double> v;
    for (const QJsonValue& row : golden.value(u"values"_s).toArray()) {
        const QJsonObject o = row.toObject();
        v.insert(o.value(u"indicator"_s).toString() + u' ' + o.value(u"period"_s).toString(),
                 o.value(u"value"_s).toDouble());
    }
    for (int fy = 2022; fy <= 2027; ++fy) {
        const QString year = u"FY"_s + QString::number(fy);
        INFO(year.toStdString());
        // A cumulative indicator's year equals its last quarter and never goes down.
        for (const QString& code : {u"FIRMS_UPGRADE"_s, u"EXPORTERS_NEW"_s, u"LINKAGES"_s}) {
            INFO(code.toStdString());
            CHECK(v.value(code + u' ' + year) == v.value(code + u' ' + year + u"-Q4"_s));
            CHECK(v.value(code + u' ' + year + u"-Q1"_s) <= v.value(code + u' ' + year + u"-Q4"_s));
        }
        // A per-period indicator's year sums its quarters.
        for (const QString& code : {u"TRAINED_W"_s, u"TRAINED_ALL"_s}) {
            INFO(code.toStdString());
            double quarters = 0;
            for (int q = 1; q <= 4; ++q)
                quarters += v.value(code + u' ' + year + u"-Q"_s + QString::number(q));
            CHECK(v.value(code + u' ' + year) == quarters);
        }
    }
}
