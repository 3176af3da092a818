#include "core/io/demo.h"
#include "core/io/program_import.h"
#include "core/io/program_reader.h"
#include "core/io/program_writer.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"
#include "support/test_support.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <string>

using namespace Qt::StringLiterals;
using dli::test::column;
using dli::test::tables;
using namespace dli;
using Catch::Matchers::Contains;

namespace {

Program worked()
{
    auto p = ProgramReader::readFile(test::sharedExample(u"worked-program.json"_s));
    if (!p)
        FAIL(p.error().text().toStdString());
    return p.value();
}

Program demo()
{
    auto p = Demo::program();
    if (!p)
        FAIL(p.error().text().toStdString());
    return p.value();
}

std::unique_ptr<Session> created(const QString& path)
{
    auto s = Session::create(path);
    if (!s)
        FAIL(s.error().text().toStdString());
    return std::move(s).value();
}

std::unique_ptr<Session> opened(const QString& path)
{
    auto s = Session::open(path);
    if (!s)
        FAIL(s.error().text().toStdString());
    return std::move(s).value();
}

Program loaded(Session& s)
{
    auto p = s.programs().load();
    if (!p)
        FAIL(p.error().text().toStdString());
    return p.value();
}

void import(Session& s, const Program& p, bool replace = false)
{
    const Status st = ProgramImport::importProgram(s, p, replace);
    if (!st)
        FAIL(st.error().text().toStdString());
}

// Every row of every table, as text, in a stable order.
QStringList dump(Database& db)
{
    QStringList out;
    for (const QString& table : tables(db)) {
        const QStringList columns =
            column(db, u"SELECT name FROM pragma_table_info('"_s + table + u"') ORDER BY cid"_s);
        QStringList quoted;
        for (const QString& c : columns)
            quoted << u"quote("_s + c + u')';
        for (const QString& row : column(db, u"SELECT "_s + quoted.join(u" || '|' || "_s) +
                                                 u" AS r FROM "_s + table + u" ORDER BY r"_s))
            out << table + u": "_s + row;
    }
    return out;
}

// "table=rows" for every table.
QStringList rowCounts(Database& db)
{
    QStringList out;
    for (const QString& table : tables(db))
        out << table + u'=' + column(db, u"SELECT count(*) FROM "_s + table).value(0);
    return out;
}

std::int64_t count(Database& db, const QString& table)
{
    auto n = db.scalar(u"SELECT count(*) FROM "_s + table);
    REQUIRE(n.ok());
    return n.value();
}

Observation observation(const QString& indicator, Period period, const QString& orgUnit,
                        std::int64_t value)
{
    Observation o;
    o.indicator = indicator;
    o.period = period;
    o.orgUnit = orgUnit;
    o.value = Decimal::fromInt(value);
    return o;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Storing and loading

TEST_CASE("ProgramRepository: the worked example is stored and loaded back equal", "[repository]")
{
    test::TempDir dir;
    const QString path = dir.path(u"worked.dlit"_s);
    const Program p = worked();
    {
        auto s = created(path);
        Transaction tx(s->database());
        REQUIRE(tx.begun().ok());
        REQUIRE(s->programs().insert(p).ok());
        REQUIRE(tx.commit().ok());
        CHECK(loaded(*s) == p);
    }
    // And after closing and opening the file again.
    auto s = opened(path);
    const Program back = loaded(*s);
    CHECK(back == p);
    CHECK(back.financing.minor() == 1'200'000'000);
    CHECK(back.dli(u"DLI-A")->dlrs[0].minFraction == Decimal::fromUnits(200'000));
    CHECK_FALSE(back.dli(u"DLI-A")->dlrs[1].deadline.has_value());
    CHECK(back.dli(u"DLI-B")->dlrs[0].unitAmount == Money::fromMinor(200'000));
    CHECK((ProgramWriter::write(back) == ProgramWriter::write(p)));

    CHECK(count(s->database(), u"program"_s) == 1);
    CHECK(count(s->database(), u"org_units"_s) == 3);
    CHECK(count(s->database(), u"indicators"_s) == 3);
    CHECK(count(s->database(), u"dlis"_s) == 3);
    CHECK(count(s->database(), u"dlrs"_s) == 5);
}

TEST_CASE("ProgramRepository: the demo program is stored and loaded back equal", "[repository]")
{
    test::TempDir dir;
    const QString path = dir.path(u"demo.dlit"_s);
    const Program p = demo();
    import(*created(path), p);
    auto s = opened(path);
    const Program back = loaded(*s);
    CHECK(back == p);
    // Parts the worked example lacks: disaggregations, registers, formulas, rules, centres.
    CHECK(back.indicator(u"JOBS")->disaggregation == p.indicator(u"JOBS")->disaggregation);
    CHECK(back.indicator(u"EXPORT_USD")->source.filters.value(u"source"_s) == u"customs"_s);
    CHECK(back.indicator(u"SHARE_W")->source.formula == u"100 * TRAINED_W / TRAINED_ALL"_s);
    CHECK(back.validationRules.size() == 3);
    CHECK(back.orgUnit(u"ADRC")->parent == u"LHR-RMG"_s);
    CHECK(back.dli(u"DLI1")->protocol.evidence.size() == 2);
    CHECK(count(s->database(), u"dlrs"_s) == 14);
}

TEST_CASE("ProgramRepository: children listed before their parent are stored", "[repository]")
{
    test::TempDir dir;
    Program p = worked();
    std::swap(p.orgUnits[0], p.orgUnits[2]); // C2 (cluster) first, PB (program) last
    auto s = created(dir.path(u"order.dlit"_s));
    import(*s, p);
    const Program back = loaded(*s);
    CHECK(back == p);
    CHECK(back.orgUnits[0].code == u"C2"_s);
    CHECK(back.orgUnits[0].parent == u"PB"_s);
}

// ---------------------------------------------------------------------------------------------
// Importing: one program per database

TEST_CASE("ProgramImport: a second import is refused and the first program stays",
          "[repository][import]")
{
    test::TempDir dir;
    auto s = created(dir.path(u"one.dlit"_s));
    int changes = 0;
    QObject::connect(&s->notifier(), &ChangeNotifier::programChanged, [&] { ++changes; });
    import(*s, worked());
    CHECK(changes == 1);
    const QStringList before = dump(s->database());

    const Status again = ProgramImport::importProgram(*s, demo(), false);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::Conflict);
    CHECK_THAT(again.error().message.toStdString(),
               Contains("already holds a program") &&
                   Contains("replace it while no observations exist"));
    CHECK(loaded(*s) == worked());
    CHECK(dump(s->database()) == before);
    CHECK(changes == 1);

    // The same program again is refused just the same.
    const Status same = ProgramImport::importProgram(*s, worked(), false);
    REQUIRE_FALSE(same.ok());
    CHECK(same.error().code == ErrorCode::Conflict);
    CHECK(dump(s->database()) == before);
}

TEST_CASE("ProgramImport: --replace replaces the program while no observations exist",
          "[repository][import]")
{
    test::TempDir dir;
    const QString path = dir.path(u"replace.dlit"_s);
    {
        auto s = created(path);
        import(*s, worked());
        int changes = 0;
        QObject::connect(&s->notifier(), &ChangeNotifier::programChanged, [&] { ++changes; });
        REQUIRE(ProgramImport::importProgram(*s, demo(), true).ok());
        CHECK(changes == 1);
    }
    auto s = opened(path);
    CHECK(loaded(*s) == demo());
    // Nothing of the worked example is left.
    CHECK(count(s->database(), u"program"_s) == 1);
    CHECK(count(s->database(), u"org_units"_s) == 9);
    CHECK(count(s->database(), u"indicators"_s) == 10);
    CHECK(count(s->database(), u"dlis"_s) == 6);
    CHECK(count(s->database(), u"dlrs"_s) == 14);
    CHECK(count(s->database(), u"result_areas"_s) == 3);
    CHECK(count(s->database(), u"validation_rules"_s) == 3);
    CHECK(
        column(s->database(), u"SELECT code FROM indicators WHERE code = 'EXP_FIRMS'"_s).isEmpty());
    auto problems = s->database().integrityCheck();
    REQUIRE(problems.ok());
    CHECK(problems.value().isEmpty());
}

TEST_CASE("ProgramImport: replacing into an empty database simply imports", "[repository][import]")
{
    test::TempDir dir;
    auto s = created(dir.path(u"empty.dlit"_s));
    REQUIRE(ProgramImport::importProgram(*s, worked(), true).ok());
    CHECK(loaded(*s) == worked());
}

TEST_CASE("ProgramImport: --replace is refused once observations exist", "[repository][import]")
{
    test::TempDir dir;
    const QString path = dir.path(u"observed.dlit"_s);
    auto s = created(path);
    import(*s, worked());
    {
        Transaction tx(s->database());
        REQUIRE(tx.begun().ok());
        auto id = s->observations().insert(
            observation(u"EXP_FIRMS"_s, Period::quarter(2021, 2), u"C1"_s, 25));
        if (!id)
            FAIL(id.error().text().toStdString());
        REQUIRE(tx.commit().ok());
    }
    const QStringList before = dump(s->database());
    int changes = 0;
    QObject::connect(&s->notifier(), &ChangeNotifier::programChanged, [&] { ++changes; });

    const Status st = ProgramImport::importProgram(*s, demo(), true);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == ErrorCode::Conflict);
    CHECK_THAT(st.error().message.toStdString(),
               Contains("cannot be replaced") && Contains("observations") && Contains("(1)"));
    CHECK(loaded(*s) == worked());
    CHECK(dump(s->database()) == before);
    CHECK(s->observations().count().value() == 1);
    CHECK(changes == 0);

    // Without --replace it is the one-program refusal.
    const Status plain = ProgramImport::importProgram(*s, demo(), false);
    REQUIRE_FALSE(plain.ok());
    CHECK(plain.error().code == ErrorCode::Conflict);
    CHECK(dump(s->database()) == before);
}

TEST_CASE("ObservationRepository: an observation naming an unknown code is refused", "[repository]")
{
    test::TempDir dir;
    auto s = created(dir.path(u"obs.dlit"_s));
    import(*s, worked());
    auto unknown =
        s->observations().insert(observation(u"NOPE"_s, Period::quarter(2021, 2), u"C1"_s, 1));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::NotFound);
    CHECK_THAT(unknown.error().message.toStdString(), Contains("NOPE"));
    CHECK(s->observations().count().value() == 0);

    auto id =
        s->observations().insert(observation(u"DAYS"_s, Period::quarter(2021, 2), u"PB"_s, 40));
    REQUIRE(id.ok());
    CHECK(QRegularExpression(u"^[0-9a-f-]{36}$"_s).match(id.value()).hasMatch());
    CHECK(column(s->database(), u"SELECT value || ' ' || period || ' ' || state FROM "
                                "observations"_s) == QStringList{u"40 FY2021-Q2 draft"_s});
}

// ---------------------------------------------------------------------------------------------
// Importing: all or nothing

TEST_CASE("ProgramImport: a bad file changes nothing in a database that holds a program",
          "[repository][import]")
{
    test::TempDir dir;
    const QString path = dir.path(u"keep.dlit"_s);
    const QString bad = dir.path(u"bad-program.json"_s);
    QByteArray json = ProgramWriter::write(demo());
    REQUIRE(json.count("\"target\": 120,") == 1);
    json.replace("\"target\": 120,", "\"target\": \"400 firms\",");
    test::writeFile(bad, json);

    auto s = created(path);
    import(*s, worked());
    const Program before = loaded(*s);
    const QStringList counts = rowCounts(s->database());
    const QStringList rows = dump(s->database());

    for (const bool replace : {false, true}) {
        INFO("replace " << replace);
        const Status st = ProgramImport::importFile(*s, bad, replace);
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().code == ErrorCode::InvalidInput);
        CHECK(st.error().location == bad);
        CHECK(st.error().details ==
              QStringList{u"dlis[2].dlrs[0].target: expected a number, got \"400 firms\""_s});
        CHECK(loaded(*s) == before);
        CHECK(rowCounts(s->database()) == counts);
        CHECK(dump(s->database()) == rows);
    }

    // A file that is not there is an Io error, and also changes nothing.
    const Status missing = ProgramImport::importFile(*s, dir.path(u"absent.json"_s), true);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::Io);
    CHECK(dump(s->database()) == rows);
}

TEST_CASE("ProgramImport: a bad file leaves an empty database empty", "[repository][import]")
{
    test::TempDir dir;
    const QString bad = dir.path(u"bad.json"_s);
    QByteArray json = ProgramWriter::write(worked());
    REQUIRE(json.count("\"allocation\": 3500000,") == 1);
    json.replace("\"allocation\": 3500000,", "\"allocation\": 3600000,");
    test::writeFile(bad, json);

    auto s = created(dir.path(u"empty.dlit"_s));
    const QStringList rows = dump(s->database());
    const Status st = ProgramImport::importFile(*s, bad, false);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == ErrorCode::InvalidInput);
    CHECK(st.error().details ==
          QStringList{u"dlis[0].dlrs: the DLR allocations add up to US$6,100,000.00, more than "
                      u"the DLI's allocation of US$6,000,000.00"_s});
    CHECK_FALSE(s->programs().exists().value());
    CHECK(dump(s->database()) == rows);
}

TEST_CASE("ProgramImport: a program built in code is checked before anything is written",
          "[repository][import]")
{
    test::TempDir dir;
    auto s = created(dir.path(u"code.dlit"_s));
    Program p = worked();
    p.dlis[2].dlrs[0].target = Decimal::fromInt(45); // equals DAYS's baseline
    p.orgUnits[1].parent = u"XX"_s;
    const Status st = ProgramImport::importProgram(*s, p, false);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == ErrorCode::InvalidInput);
    CHECK_THAT(st.error().message.toStdString(), Contains("nothing was imported"));
    CHECK(st.error().details ==
          QStringList{u"org_units[1].parent: unknown org unit \"XX\""_s,
                      u"dlis[2].dlrs[0].target: target 45 equals its baseline 45; nothing could "
                      u"be earned"_s});
    CHECK_FALSE(s->programs().exists().value());
    CHECK(count(s->database(), u"org_units"_s) == 0);
}

TEST_CASE("ProgramImport: a valid file is imported", "[repository][import]")
{
    test::TempDir dir;
    auto s = created(dir.path(u"file.dlit"_s));
    REQUIRE(
        ProgramImport::importFile(*s, test::sharedExample(u"worked-program.json"_s), false).ok());
    CHECK(loaded(*s) == worked());
    const QStringList imported =
        column(s->database(), u"SELECT imported_by || ' ' || length(imported_at) FROM program"_s);
    REQUIRE(imported.size() == 1);
    // The user, and the moment in ISO form (such as 2026-07-01T09:00:00Z).
    CHECK(imported.first() == s->options().userName + u" 20"_s);
}

// ---------------------------------------------------------------------------------------------
// The demo database

TEST_CASE("Demo: the same seed gives the same database content", "[repository][demo]")
{
    test::TempDir dir;
    const QString a = dir.path(u"a.dlit"_s);
    const QString b = dir.path(u"b.dlit"_s);
    const QString c = dir.path(u"c.dlit"_s);
    REQUIRE(Demo::create(a, 42).ok());
    REQUIRE(Demo::create(b, 42).ok());
    REQUIRE(Demo::create(c, 43).ok());

    auto sa = opened(a);
    auto sb = opened(b);
    auto sc = opened(c);
    const QStringList rowsA = dump(sa->database());
    CHECK(rowsA.size() > 50);
    CHECK(dump(sb->database()) == rowsA);
    CHECK(sa->databaseId() == sb->databaseId());

    // Another seed: other ids, the same program.
    CHECK(sc->databaseId() != sa->databaseId());
    const QStringList idsA = column(sa->database(), u"SELECT id FROM indicators ORDER BY code"_s);
    const QStringList idsC = column(sc->database(), u"SELECT id FROM indicators ORDER BY code"_s);
    REQUIRE(idsA.size() == 10);
    REQUIRE(idsC.size() == 10);
    for (const QString& id : idsC)
        CHECK_FALSE(idsA.contains(id));
    CHECK(dump(sc->database()) != rowsA);
    CHECK(loaded(*sc) == loaded(*sa));
    CHECK(loaded(*sa) == demo());

    // Stamped with the moments of the demo's story and its users, not the clock: the program
    // set up four days after its signing, the last step before the story's end.
    CHECK(column(sa->database(), u"SELECT imported_at || ' ' || imported_by FROM program"_s) ==
          QStringList{u"2022-09-19T09:30:00Z admin"_s});
    CHECK(sa->meta().get(u"created_at"_s).value() ==
          std::optional<QString>(u"2022-09-19T09:00:00Z"_s));
    const QStringList last = column(sa->database(), u"SELECT max(at) FROM audit_log"_s);
    REQUIRE(last.size() == 1);
    CHECK(last.first() < Demo::fixedNow().toString(Qt::ISODate));
}

TEST_CASE("Demo: the default seed is used when none is given", "[repository][demo]")
{
    test::TempDir dir;
    REQUIRE(Demo::create(dir.path(u"default.dlit"_s)).ok());
    REQUIRE(Demo::create(dir.path(u"explicit.dlit"_s), Demo::DefaultSeed).ok());
    CHECK(dump(opened(dir.path(u"default.dlit"_s))->database()) ==
          dump(opened(dir.path(u"explicit.dlit"_s))->database()));
}

TEST_CASE("Demo: creating over an existing file is refused and leaves it alone",
          "[repository][demo]")
{
    test::TempDir dir;
    const QString path = dir.path(u"taken.dlit"_s);
    test::writeFile(path, "keep me");
    const Status st = Demo::create(path);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == ErrorCode::Conflict);
    CHECK(test::readFile(path) == "keep me");
}
