#include "cli_process.h"
#include "support/test_support.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace dli::test::cli;
using Catch::Matchers::Contains;

TEST_CASE("cli reconcile: the demo's claims that differ from their registers", "[cli][reconcile]")
{
    const dli::test::TempDir dir;
    const QString db = dir.path(u"demo.dlidb"_s);
    must({u"demo"_s, db});

    // The demo plants four claims beyond their tolerance (see core/io/demo_data.cpp).
    const Run r = cli({u"reconcile"_s, db}, ProblemsFound);
    CHECK_THAT(r.out, Contains("FIRMS_UPGRADE  FY2026-Q4  LHR-AUTO"));
    CHECK_THAT(r.out, Contains("TRAINED_W      FY2025-Q2  SDH"));
    CHECK_THAT(r.out, Contains("TRAINED_ALL    FY2024-Q3  ADRC"));
    CHECK_THAT(r.out, Contains("EXPORT_USD     FY2025     SKT-SPRT"));

    const Run json = cli({u"reconcile"_s, db, u"--format"_s, u"json"_s}, ProblemsFound);
    const QJsonObject root = parseObject(json.stdoutBytes);
    const QJsonArray rows = root.value(u"rows"_s).toArray();
    CHECK(rows.size() == 4);
    CHECK(root.value(u"compared"_s).toInt() > 100);
    for (const QJsonValue& row : rows)
        CHECK(row.toObject().value(u"finding"_s).toBool());

    // --all lists every comparison; a period with no finding exits 0.
    const Run all = cli({u"reconcile"_s, db, u"--all"_s, u"--format"_s, u"json"_s}, ProblemsFound);
    CHECK(parseObject(all.stdoutBytes).value(u"rows"_s).toArray().size() ==
          root.value(u"compared"_s).toInt());
    const Run quiet = cli({u"reconcile"_s, db, u"--period"_s, u"FY2024-Q1"_s}, Success);
    CHECK_THAT(quiet.out, Contains("No findings"));
    cli({u"reconcile"_s, db, u"--period"_s, u"2025"_s}, BadInput);
    cli({u"reconcile"_s, db, u"--format"_s, u"xml"_s}, BadInput);
}
