// RegisterRepository::aggregate over a small store: the worked example's program with a design
// centre D1 under C1, and a few hand-written firms, services, trainees and exports whose counts
// and sums are worked out below by hand.
#include "core/engine/value_calculator.h"
#include "core/io/program_import.h"
#include "core/io/program_reader.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"
#include "support/test_support.h"

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

// PB > C1 > D1 (a design centre), PB > C2.
Program workedWithCentre()
{
    auto p = ProgramReader::readFile(test::sharedExample(u"worked-program.json"_s));
    if (!p)
        FAIL(p.error().text().toStdString());
    Program out = std::move(p).value();
    out.orgUnits << OrgUnit{u"D1"_s, u"Design centre"_s, OrgUnitKind::Centre, u"C1"_s};
    return out;
}

void write(Session& s, ImportKind kind, const QList<QStringList>& rows)
{
    auto w = s.registers().writer(kind, Period::DefaultStartMonth);
    if (!w)
        FAIL(w.error().text().toStdString());
    for (const QStringList& row : rows) {
        const auto id = w.value()->insert(row);
        if (!id)
            FAIL(id.error().text().toStdString());
    }
}

// Firms F1, F4 in C1 and F2, F3 in C2 (F1 and F3 owned by women).
// Services in FY2021 (2020-07-01 .. 2021-06-30): F1 in Q1 and again in Q3, F2 in Q2, F3 in Q3
// (completed) and Q4 (ongoing); F4 before the baseline date (FY2019-Q4) and in FY2022-Q1.
// Trainees: P1 (F1) and P2 (F2, a C2 firm) trained at D1, P3 (F3) at no centre, P4 at D1 without
// completing, P5 with neither firm nor centre.
// Exports: F1 per quarter, F2 for the whole year, F3 self-reported, F4 in FY2022.
struct Store {
    test::TempDir dir;
    Program program = workedWithCentre();
    std::unique_ptr<Session> session;

    Store()
    {
        auto s = Session::create(dir.path(u"registers.dlidb"_s));
        if (!s)
            FAIL(s.error().text().toStdString());
        session = std::move(s).value();
        const Status imported = ProgramImport::importProgram(*session, program, false);
        if (!imported)
            FAIL(imported.error().text().toStdString());
        Transaction tx(session->database());
        REQUIRE(tx.begun().ok());
        // code, name, cluster, district, ntn, size_class, women_owned, export_oriented,
        // latitude, longitude, contact
        write(*session, ImportKind::Firms,
              {{u"F1"_s, u"One"_s, u"C1"_s, {}, {}, u"small"_s, u"yes"_s, u"yes"_s, {}, {}, {}},
               {u"F2"_s, u"Two"_s, u"C2"_s, {}, {}, u"micro"_s, u"no"_s, u"no"_s, {}, {}, {}},
               {u"F3"_s, u"Three"_s, u"C2"_s, {}, {}, u"small"_s, u"yes"_s, u"no"_s, {}, {}, {}},
               {u"F4"_s, u"Four"_s, u"C1"_s, {}, {}, u"large"_s, u"no"_s, u"no"_s, {}, {}, {}}});
        // firm, service_type, date, provider, cost, status
        write(*session, ImportKind::Services,
              {{u"F1"_s, u"training"_s, u"2020-08-10"_s, u"PSIC"_s, u"0.1"_s, u"completed"_s},
               {u"F1"_s, u"design"_s, u"2021-02-15"_s, u"SDH"_s, u"0.2"_s, u"completed"_s},
               {u"F2"_s, u"training"_s, u"2020-11-05"_s, u"PSIC"_s, u"1000.05"_s, u"completed"_s},
               {u"F3"_s, u"exhibition"_s, u"2021-01-20"_s, u"TDAP"_s, {}, u"completed"_s},
               {u"F3"_s, u"consultancy"_s, u"2021-05-01"_s, u"PSIC"_s, u"0.3"_s, u"ongoing"_s},
               {u"F4"_s, u"training"_s, u"2019-05-01"_s, u"PSIC"_s, u"5"_s, u"completed"_s},
               {u"F4"_s, u"certification"_s, u"2021-07-02"_s, u"PSQCA"_s, u"2"_s, u"completed"_s}});
        // person_key, sex, firm, centre, course, date, completed
        write(*session, ImportKind::Trainees,
              {{u"P1"_s, u"female"_s, u"F1"_s, u"D1"_s, u"a"_s, u"2020-09-01"_s, u"yes"_s},
               {u"P2"_s, u"male"_s, u"F2"_s, u"D1"_s, u"a"_s, u"2020-09-01"_s, u"yes"_s},
               {u"P3"_s, u"female"_s, u"F3"_s, {}, u"b"_s, u"2020-10-01"_s, u"yes"_s},
               {u"P4"_s, u"female"_s, {}, u"D1"_s, u"b"_s, u"2020-10-01"_s, u"no"_s},
               {u"P5"_s, u"male"_s, {}, {}, u"c"_s, u"2020-10-02"_s, u"yes"_s}});
        // firm, period, value_pkr, value_usd, source
        write(*session, ImportKind::Exports,
              {{u"F1"_s, u"FY2021-Q1"_s, u"308"_s, u"1.1"_s, u"customs"_s},
               {u"F1"_s, u"FY2021-Q3"_s, {}, u"0.2"_s, u"customs"_s},
               {u"F2"_s, u"FY2021"_s, {}, u"100.01"_s, u"customs"_s},
               {u"F3"_s, u"FY2021-Q2"_s, {}, u"50"_s, u"self_reported"_s},
               {u"F4"_s, u"FY2022-Q1"_s, {}, u"7"_s, u"customs"_s}});
        REQUIRE(tx.commit().ok());
    }

    Decimal aggregate(const IndicatorSource& source, const QDate& from, const QDate& to,
                      const QStringList& units = {})
    {
        auto v = session->registers().aggregate(source, from, to, units);
        if (!v)
            FAIL(v.error().text().toStdString());
        return v.value();
    }
    // Over fiscal year 2021 (or another period).
    Decimal over(const IndicatorSource& source, const QStringList& units = {},
                 const Period& period = Period::year(2021))
    {
        return aggregate(source, period.start(), period.end(), units);
    }
};

IndicatorSource source(RegisterKind kind, RegisterMeasure measure,
                       QMap<QString, QString> filters = {}, const QString& field = {})
{
    IndicatorSource s;
    s.kind = SourceKind::Register;
    s.registerKind = kind;
    s.measure = measure;
    s.filters = std::move(filters);
    s.field = field;
    return s;
}

Decimal n(std::int64_t v)
{
    return Decimal::fromInt(v);
}

} // namespace

TEST_CASE("Register values: counts and distinct firms over a period", "[values][registers]")
{
    Store store;
    const auto count = source(RegisterKind::Services, RegisterMeasure::Count);
    const auto completed =
        source(RegisterKind::Services, RegisterMeasure::Count, {{u"status"_s, u"completed"_s}});
    const auto firms = source(RegisterKind::Services, RegisterMeasure::CountDistinctFirms,
                              {{u"status"_s, u"completed"_s}});
    CHECK(store.over(count) == n(5));
    CHECK(store.over(completed) == n(4));
    CHECK(store.over(firms) == n(3)); // F1 twice in the plain count, once here
    CHECK(store.over(firms, {}, Period::quarter(2021, 3)) == n(2));
    CHECK(store.over(firms, {}, Period::quarter(2021, 4)) == n(0)); // F3's service is ongoing
    CHECK(store.over(count, {}, Period::year(2022)) == n(1));
    // The dates are inclusive at both ends.
    CHECK(store.aggregate(count, QDate(2020, 8, 10), QDate(2020, 11, 5)) == n(2));
    CHECK(store.aggregate(count, QDate(2020, 8, 11), QDate(2020, 11, 4)) == n(0));
    // Firms have no date: every firm counts whatever the period.
    CHECK(store.over(source(RegisterKind::Firms, RegisterMeasure::Count)) == n(4));
    CHECK(store.over(source(RegisterKind::Firms, RegisterMeasure::CountDistinctFirms)) == n(4));
    CHECK(store.over(source(RegisterKind::Trainees, RegisterMeasure::CountDistinctFirms)) ==
          n(3)); // P4 and P5 have no firm
}

TEST_CASE("Register values: a cumulative distinct count never counts a firm twice",
          "[values][registers]")
{
    Store store;
    Indicator served;
    served.code = u"SERVED"_s;
    served.title = u"Firms served"_s;
    served.cumulative = true;
    served.reportedAt = OrgUnitKind::Cluster;
    served.baseline = Baseline{Decimal(), QDate(2019, 6, 30)};
    served.source = source(RegisterKind::Services, RegisterMeasure::CountDistinctFirms,
                           {{u"status"_s, u"completed"_s}});
    Indicator perQuarter = served;
    perQuarter.code = u"SERVED_Q"_s;
    perQuarter.cumulative = false;
    Indicator count = perQuarter;
    count.code = u"SERVICES"_s;
    count.source.measure = RegisterMeasure::Count;
    Program p = store.program;
    p.indicators << served << perQuarter << count;
    RegisterRepository& registers = store.session->registers();
    ValueCalculator calc(
        p, {},
        [&registers](const IndicatorSource& s, const QDate& from, const QDate& to,
                     const QStringList& units) { return registers.aggregate(s, from, to, units); });
    const auto value = [&calc](const QString& indicator, const Period& period,
                               const QString& unit = u"PB"_s) {
        auto v = calc.value(indicator, period, unit);
        if (!v)
            FAIL(v.error().text().toStdString());
        REQUIRE(v->hasValue);
        return v->value;
    };
    // F1 in Q1, F2 in Q2, F1 again and F3 in Q3: 1, 2, 3, 3 to date; F4's service of FY2019 lies
    // before the baseline date, its FY2022 one counts in FY2022.
    CHECK(value(u"SERVED"_s, Period::quarter(2021, 1)) == n(1));
    CHECK(value(u"SERVED"_s, Period::quarter(2021, 2)) == n(2));
    CHECK(value(u"SERVED"_s, Period::quarter(2021, 3)) == n(3));
    CHECK(value(u"SERVED"_s, Period::quarter(2021, 4)) == n(3));
    CHECK(value(u"SERVED"_s, Period::year(2021)) == n(3));
    CHECK(value(u"SERVED"_s, Period::year(2022)) == n(4));
    CHECK(value(u"SERVED"_s, Period::year(2021), u"C1"_s) == n(1));
    CHECK(value(u"SERVED"_s, Period::year(2022), u"C1"_s) == n(2));
    CHECK(value(u"SERVED"_s, Period::year(2021), u"C2"_s) == n(2));
    // Per period the quarters give 1 + 1 + 2 + 0 = 4 firms, and the plain count 4 services.
    int sumOfQuarters = 0;
    for (const Period& q : Period::year(2021).quarters())
        sumOfQuarters += static_cast<int>(value(u"SERVED_Q"_s, q).units() / Decimal::Factor);
    CHECK(sumOfQuarters == 4);
    CHECK(value(u"SERVED_Q"_s, Period::year(2021)) == n(3));
    CHECK(value(u"SERVICES"_s, Period::year(2021)) == n(4));
}

TEST_CASE("Register values: a decimal field is summed exactly", "[values][registers]")
{
    Store store;
    const auto cost = source(RegisterKind::Services, RegisterMeasure::Sum, {}, u"cost"_s);
    // 0.1 + 0.2 is 0.3, not 0.30000000000000004; a missing cost adds nothing.
    const Decimal c1 = store.over(cost, {u"C1"_s});
    CHECK(c1 == dec(u"0.3"));
    CHECK(c1.toString() == u"0.3"_s);
    CHECK(store.over(cost) == dec(u"1000.65"));
    CHECK(store.over(source(RegisterKind::Services, RegisterMeasure::Sum,
                            {{u"status"_s, u"completed"_s}}, u"cost"_s)) == dec(u"1000.35"));
    CHECK(store.over(cost, {}, Period::year(2022)) == n(2));
    CHECK(store.over(cost, {}, Period::year(2020)) == n(0));

    const auto usd = source(RegisterKind::Exports, RegisterMeasure::Sum, {}, u"value_usd"_s);
    CHECK(store.over(usd) == dec(u"151.31"));
    CHECK(store.over(source(RegisterKind::Exports, RegisterMeasure::Sum,
                            {{u"source"_s, u"customs"_s}}, u"value_usd"_s)) == dec(u"101.31"));
    CHECK(store.over(source(RegisterKind::Exports, RegisterMeasure::Sum, {}, u"value_pkr"_s)) ==
          n(308));

    // Only number fields can be summed, and only fields the register has.
    for (const QString& field : {u"status"_s, u"colour"_s, QString()}) {
        INFO(field.toStdString());
        const auto v = store.session->registers().aggregate(
            source(RegisterKind::Services, RegisterMeasure::Sum, {}, field), QDate(2020, 7, 1),
            QDate(2021, 6, 30), {});
        REQUIRE_FALSE(v.ok());
        CHECK(v.error().code == ErrorCode::InvalidInput);
    }
}

TEST_CASE("Register values: choice, boolean and cluster filters", "[values][registers]")
{
    Store store;
    using M = RegisterMeasure;
    const auto services = [](QMap<QString, QString> filters) {
        return source(RegisterKind::Services, M::Count, std::move(filters));
    };
    CHECK(store.over(services({{u"service_type"_s, u"training"_s}})) == n(2));
    CHECK(store.over(services({{u"service_type"_s, u"training"_s}, {u"cluster"_s, u"C2"_s}})) ==
          n(1));
    CHECK(store.over(services({{u"cluster"_s, u"C1"_s}})) == n(2));
    CHECK(store.over(services({{u"cluster"_s, u"C2"_s}, {u"status"_s, u"ongoing"_s}})) == n(1));
    CHECK(store.over(services({{u"status"_s, u"cancelled"_s}})) == n(0));

    const auto firms = [](QMap<QString, QString> filters) {
        return source(RegisterKind::Firms, M::Count, std::move(filters));
    };
    CHECK(store.over(firms({{u"women_owned"_s, u"yes"_s}})) == n(2));
    CHECK(store.over(firms({{u"women_owned"_s, u"true"_s}})) == n(2));
    CHECK(store.over(firms({{u"women_owned"_s, u"no"_s}})) == n(2));
    CHECK(store.over(firms({{u"women_owned"_s, u"yes"_s}, {u"export_oriented"_s, u"yes"_s}})) ==
          n(1));
    CHECK(store.over(firms({{u"cluster"_s, u"C1"_s}})) == n(2));
    CHECK(store.over(firms({{u"size_class"_s, u"small"_s}})) == n(2));

    const auto trainees = [](QMap<QString, QString> filters) {
        return source(RegisterKind::Trainees, M::Count, std::move(filters));
    };
    CHECK(store.over(trainees({{u"completed"_s, u"yes"_s}})) == n(4));
    CHECK(store.over(trainees({{u"completed"_s, u"no"_s}})) == n(1));
    CHECK(store.over(trainees({{u"sex"_s, u"female"_s}, {u"completed"_s, u"yes"_s}})) == n(2));

    // A filter on a field the register does not have is an error, not an empty result.
    const auto v = store.session->registers().aggregate(services({{u"colour"_s, u"red"_s}}),
                                                        QDate(2020, 7, 1), QDate(2021, 6, 30), {});
    REQUIRE_FALSE(v.ok());
    CHECK_THAT(v.error().message.toStdString(), Contains("colour"));
}

TEST_CASE("Register values: rows belong to org units and their subtrees", "[values][registers]")
{
    Store store;
    const auto trained = source(RegisterKind::Trainees, RegisterMeasure::Count);
    // Every row for the whole program (no units), even P5 that belongs to no unit.
    CHECK(store.over(trained) == n(5));
    // A trainee belongs to the centre that trained (P1, P2, P4), else to the firm's cluster
    // (P3); the centre's rows are in its cluster's subtree.
    CHECK(store.over(trained, {u"D1"_s}) == n(3));
    CHECK(store.over(trained, {u"C1"_s, u"D1"_s}) == n(3));
    CHECK(store.over(trained, {u"C1"_s}) == n(0));
    CHECK(store.over(trained, {u"C2"_s}) == n(1));
    CHECK(store.over(trained, {u"PB"_s, u"C1"_s, u"C2"_s, u"D1"_s}) == n(4));
    // The cluster filter follows the same rule: trainees at D1 are in C1, whatever their firm.
    CHECK(store.over(source(RegisterKind::Trainees, RegisterMeasure::Count,
                            {{u"cluster"_s, u"C1"_s}})) == n(3));
    CHECK(store.over(source(RegisterKind::Trainees, RegisterMeasure::Count,
                            {{u"cluster"_s, u"C2"_s}})) == n(1));

    // Through the calculator, a cluster's value covers its centre.
    Program p = store.program;
    Indicator x;
    x.code = u"TRAINED"_s;
    x.title = u"Trained"_s;
    x.reportedAt = OrgUnitKind::Centre;
    x.baseline = Baseline{Decimal(), QDate(2019, 6, 30)};
    x.source = source(RegisterKind::Trainees, RegisterMeasure::Count, {{u"completed"_s, u"yes"_s}});
    p.indicators << x;
    RegisterRepository& registers = store.session->registers();
    ValueCalculator calc(
        p, {},
        [&registers](const IndicatorSource& s, const QDate& from, const QDate& to,
                     const QStringList& units) { return registers.aggregate(s, from, to, units); });
    const auto value = [&calc](const QString& unit) {
        auto v = calc.value(u"TRAINED"_s, Period::year(2021), unit);
        REQUIRE(v.ok());
        return v->value;
    };
    CHECK(value(u"PB"_s) == n(4));
    CHECK(value(u"C1"_s) == n(2));
    CHECK(value(u"D1"_s) == n(2));
    CHECK(value(u"C2"_s) == n(1));

    // Services and exports belong to their firm's cluster.
    const auto services = source(RegisterKind::Services, RegisterMeasure::Count);
    CHECK(store.over(services, {u"C1"_s}) == n(2));
    CHECK(store.over(services, {u"C2"_s}) == n(3));
    CHECK(store.over(services, {u"D1"_s}) == n(0));
}

TEST_CASE("Register values: exports count in the periods that hold theirs", "[values][registers]")
{
    Store store;
    const auto usd = source(RegisterKind::Exports, RegisterMeasure::Sum, {}, u"value_usd"_s);
    const auto rows = source(RegisterKind::Exports, RegisterMeasure::Count);
    // A quarter's rows are inside its year; a year's row is in no quarter.
    CHECK(store.over(rows) == n(4));
    CHECK(store.over(usd, {}, Period::quarter(2021, 1)) == dec(u"1.1"));
    CHECK(store.over(usd, {}, Period::quarter(2021, 2)) == n(50));
    CHECK(store.over(usd, {}, Period::quarter(2021, 3)) == dec(u"0.2"));
    CHECK(store.over(usd, {}, Period::quarter(2021, 4)) == n(0));
    CHECK(store.over(usd, {u"C1"_s}) == dec(u"1.3"));
    CHECK(store.over(usd, {u"C2"_s}) == dec(u"150.01"));
    CHECK(store.over(usd, {}, Period::year(2022)) == n(7));
    // From FY2021-Q1 to FY2022-Q1 (a cumulative window): every row but none outside it.
    CHECK(store.aggregate(usd, QDate(2020, 7, 1), QDate(2021, 9, 30)) == dec(u"158.31"));
    CHECK(store.over(source(RegisterKind::Exports, RegisterMeasure::CountDistinctFirms)) == n(3));
}
