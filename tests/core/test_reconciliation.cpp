#include "core/engine/reconciliation.h"
#include "core/io/program_reader.h"
#include "support/test_support.h"

#include <QHash>

using namespace Qt::StringLiterals;
using namespace dli;

namespace {

Decimal dec(QStringView text)
{
    return Decimal::parse(text).value();
}

// Answers from a table keyed "indicator|period|unit"; anything else has no value.
struct TableValues : ValueProvider {
    QHash<QString, Decimal> table;
    Result<IndicatorValue> value(const QString& indicator, const Period& period,
                                 const QString& orgUnit) override
    {
        const QString key = indicator + u'|' + period.code() + u'|' + orgUnit;
        if (!table.contains(key))
            return IndicatorValue::none();
        IndicatorValue v;
        v.hasValue = true;
        v.value = table.value(key);
        return v;
    }
};

// The worked program with EXP_FIRMS defined by the services register, tolerance 5%.
Program program()
{
    auto p = ProgramReader::readFile(test::sharedExample(u"worked-program.json"_s));
    REQUIRE(p.ok());
    Program out = p.value();
    Indicator& x = out.indicators[0];
    REQUIRE(x.code == u"EXP_FIRMS"_s);
    x.source.kind = SourceKind::Register;
    x.source.registerKind = RegisterKind::Services;
    x.source.measure = RegisterMeasure::CountDistinctFirms;
    x.tolerance = dec(u"0.05");
    return out;
}

Observation claim(const QString& period, const QString& unit, QStringView value)
{
    Observation o;
    o.indicator = u"EXP_FIRMS"_s;
    o.period = Period::parse(period).value();
    o.orgUnit = unit;
    o.value = dec(value);
    return o;
}

} // namespace

TEST_CASE("Reconciliation: a gap at the tolerance is no finding, just beyond it is", "[reconcile]")
{
    // 5% of 200 is 10.
    CHECK_FALSE(Reconciliation::isFinding(dec(u"200"), dec(u"190"), dec(u"0.05")));
    CHECK_FALSE(Reconciliation::isFinding(dec(u"200"), dec(u"210"), dec(u"0.05")));
    CHECK(Reconciliation::isFinding(dec(u"200"), dec(u"189.999999"), dec(u"0.05")));
    CHECK(Reconciliation::isFinding(dec(u"200"), dec(u"210.000001"), dec(u"0.05")));
    // No tolerance: any gap is a finding, none is not.
    CHECK(Reconciliation::isFinding(dec(u"7"), dec(u"6"), Decimal()));
    CHECK_FALSE(Reconciliation::isFinding(dec(u"7"), dec(u"7"), Decimal()));
}

TEST_CASE("Reconciliation: each claimed period and unit is set beside its register", "[reconcile]")
{
    const Program p = program();
    TableValues claims;
    TableValues registers;
    claims.table = {{u"EXP_FIRMS|FY2021-Q2|C1"_s, dec(u"200")},
                    {u"EXP_FIRMS|FY2021-Q2|C2"_s, dec(u"40")}};
    registers.table = {{u"EXP_FIRMS|FY2021-Q2|C1"_s, dec(u"190")},
                       {u"EXP_FIRMS|FY2021-Q2|C2"_s, dec(u"30")}};
    QList<Observation> observations{claim(u"FY2021-Q2"_s, u"C1"_s, u"200"),
                                    claim(u"FY2021-Q2"_s, u"C2"_s, u"40"),
                                    // A reported indicator is not reconciled.
                                    [] {
                                        Observation o;
                                        o.indicator = u"DAYS"_s;
                                        o.period = Period::quarter(2021, 2);
                                        o.orgUnit = u"PB"_s;
                                        o.value = Decimal::fromInt(30);
                                        return o;
                                    }()};
    auto rows = Reconciliation::run(p, observations, claims, registers);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 2);
    CHECK(rows->at(0).orgUnit == u"C1"_s);
    CHECK(rows->at(0).gap == dec(u"10"));
    CHECK(rows->at(0).allowed == dec(u"10"));
    CHECK_FALSE(rows->at(0).finding);
    CHECK(rows->at(1).orgUnit == u"C2"_s);
    CHECK(rows->at(1).gap == dec(u"10"));
    CHECK(rows->at(1).allowed == dec(u"2"));
    CHECK(rows->at(1).finding);

    // Narrowed to another period, nothing is compared.
    auto none = Reconciliation::run(p, observations, claims, registers, Period::quarter(2021, 3));
    REQUIRE(none.ok());
    CHECK(none->isEmpty());

    // Rejected claims are not reconciled.
    observations[1].state = u"rejected"_s;
    auto kept = Reconciliation::run(p, observations, claims, registers);
    REQUIRE(kept.ok());
    CHECK(kept->size() == 1);
}
