// The worked examples of WORKED-EXAMPLES.md, number by number, and the explanation's wording.
#include "core/engine/disbursement.h"
#include "core/io/program_reader.h"
#include "core/io/status_report.h"
#include "core/model/verification.h"
#include "tests/support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace dli;

namespace {

Program workedProgram()
{
    auto p = ProgramReader::readFile(test::sharedExample(u"worked-program.json"_s));
    REQUIRE(p);
    return p.value();
}

Observation verified(const QString& indicator, const QString& period, const QString& unit,
                     int value, const QString& on)
{
    static int n = 0;
    Observation o;
    o.id = u"obs-"_s + QString::number(++n);
    o.indicator = indicator;
    o.period = Period::parse(period).value();
    o.orgUnit = unit;
    o.value = Decimal::fromInt(value);
    o.verifiedValue = o.value;
    o.state = ObservationState::Verified;
    o.verifiedOn = QDate::fromString(on, Qt::ISODate);
    return o;
}

DisbursementEvent event(EventKind kind, const QString& code, const QString& amount,
                        const QString& date, const QString& ref, const QString& to = {})
{
    static qint64 seq = 0;
    DisbursementEvent e;
    e.id = u"ev-"_s + QString::number(++seq);
    e.sequence = seq;
    e.kind = kind;
    if (kind == EventKind::Advance || kind == EventKind::Refund)
        e.dli = code;
    else
        e.dlr = code;
    e.toDlr = to;
    e.amount = Money::parse(amount, 2).value();
    e.date = QDate::fromString(date, Qt::ISODate);
    e.reference = ref;
    return e;
}

DisbursementEngine::Input workedInput(const QString& asOf)
{
    DisbursementEngine::Input in;
    in.observations = {
        verified(u"EXP_FIRMS"_s, u"FY2020-Q3"_s, u"C1"_s, 12, u"2020-05-01"_s),
        verified(u"EXP_FIRMS"_s, u"FY2021-Q2"_s, u"C2"_s, 20, u"2021-03-10"_s),
        verified(u"EXP_FIRMS"_s, u"FY2021-Q4"_s, u"C1"_s, 13, u"2021-09-20"_s),
        verified(u"EXP_FIRMS"_s, u"FY2022-Q2"_s, u"C1"_s, 50, u"2022-02-01"_s),
        verified(u"TRAINED_W"_s, u"FY2021-Q1"_s, u"C1"_s, 120, u"2020-11-01"_s),
        verified(u"TRAINED_W"_s, u"FY2021-Q3"_s, u"C2"_s, 150, u"2021-05-01"_s),
        verified(u"TRAINED_W"_s, u"FY2021-Q4"_s, u"C1"_s, 80, u"2021-12-01"_s),
        verified(u"DAYS"_s, u"FY2021-Q4"_s, u"PB"_s, 30, u"2021-08-01"_s),
        verified(u"DAYS"_s, u"FY2022-Q3"_s, u"PB"_s, 18, u"2022-05-15"_s),
    };
    in.events = {
        event(EventKind::Advance, u"DLI-C"_s, u"750000"_s, u"2020-01-10"_s, u"ADV-1"_s),
        event(EventKind::Refund, u"DLI-C"_s, u"100000"_s, u"2021-01-05"_s, u"REF-1"_s),
        event(EventKind::Reallocate, u"B1"_s, u"400000"_s, u"2022-01-10"_s, u"DEC-1"_s, u"A2"_s),
        event(EventKind::Cancel, u"B1"_s, u"60000"_s, u"2022-01-10"_s, u"DEC-2"_s),
        event(EventKind::Disburse, u"C1"_s, u"2350000"_s, u"2022-08-01"_s, u"WA-7"_s),
    };
    in.asOf = QDate::fromString(asOf, Qt::ISODate);
    return in;
}

QString usd(Money m)
{
    return m.toPlainString(2);
}

const DlrResult& dlr(const Disbursement& s, const QString& code)
{
    const DlrResult* r = s.dlr(code);
    REQUIRE(r);
    return *r;
}

QString status(const DlrResult& r)
{
    return enumToString(kDlrStatusNames, r.status);
}

} // namespace

TEST_CASE("Worked example as of 2021-06-30", "[disbursement][worked]")
{
    const Program p = workedProgram();
    const Disbursement s = DisbursementEngine::compute(p, workedInput(u"2021-06-30"_s));
    const DlrResult& a1 = dlr(s, u"A1"_s);
    CHECK(a1.achieved->toString() == u"72"_s);
    CHECK(a1.baseline.toString() == u"40"_s);
    CHECK(a1.fraction->toString() == u"0.533333"_s);
    CHECK(usd(a1.money.earned) == u"1333333.33"_s);
    CHECK(status(a1) == u"in_progress"_s);
    CHECK_FALSE(a1.final);
    CHECK(usd(dlr(s, u"B1"_s).money.earned) == u"540000.00"_s);
}

TEST_CASE("Worked example as of 2021-10-31", "[disbursement][worked]")
{
    const Program p = workedProgram();
    const Disbursement s = DisbursementEngine::compute(p, workedInput(u"2021-10-31"_s));
    const DlrResult& a1 = dlr(s, u"A1"_s);
    CHECK(a1.final);
    CHECK(a1.achieved->toString() == u"85"_s);
    CHECK(usd(a1.money.earned) == u"1875000.00"_s);
    CHECK(status(a1) == u"partially_achieved"_s);
    CHECK(usd(a1.money.carriedOut) == u"625000.00"_s);
    const DlrResult& a2 = dlr(s, u"A2"_s);
    CHECK(usd(a2.money.available) == u"4125000.00"_s);
    CHECK(a2.baseline.toString() == u"100"_s);
    CHECK(usd(a2.money.earned) == u"0.00"_s);
    CHECK(status(a2) == u"in_progress"_s);
    const DlrResult& b1 = dlr(s, u"B1"_s);
    CHECK(b1.final);
    CHECK(usd(b1.money.earned) == u"540000.00"_s);
    CHECK(usd(b1.money.pendingReallocation) == u"460000.00"_s);
    CHECK(status(b1) == u"partially_achieved"_s);
    const DlrResult& c1 = dlr(s, u"C1"_s);
    CHECK(c1.achieved->toString() == u"30"_s);
    CHECK(status(c1) == u"in_progress"_s);
}

TEST_CASE("Worked example as of 2022-03-31", "[disbursement][worked]")
{
    const Program p = workedProgram();
    const Disbursement s = DisbursementEngine::compute(p, workedInput(u"2022-03-31"_s));
    const DlrResult& b1 = dlr(s, u"B1"_s);
    CHECK(usd(b1.money.reallocatedOut) == u"400000.00"_s);
    CHECK(usd(b1.money.cancelled) == u"60000.00"_s);
    CHECK(usd(b1.money.pendingReallocation) == u"0.00"_s);
    const DlrResult& a2 = dlr(s, u"A2"_s);
    CHECK(usd(a2.money.available) == u"4525000.00"_s);
    CHECK(usd(a2.money.carriedIn) == u"625000.00"_s);
    CHECK(usd(a2.money.reallocatedIn) == u"400000.00"_s);
    CHECK(a2.achieved->toString() == u"135"_s);
    CHECK(a2.fraction->toString() == u"0.4375"_s);
    CHECK(usd(a2.money.earned) == u"1979687.50"_s);
}

TEST_CASE("Worked example as of 2022-06-30", "[disbursement][worked]")
{
    const Program p = workedProgram();
    const Disbursement s = DisbursementEngine::compute(p, workedInput(u"2022-06-30"_s));
    const DlrResult& c1 = dlr(s, u"C1"_s);
    CHECK(c1.achieved->toString() == u"18"_s);
    CHECK(usd(c1.money.earned) == u"3000000.00"_s);
    CHECK(status(c1) == u"achieved"_s);
    CHECK(usd(c1.money.recovered) == u"650000.00"_s);
    CHECK(usd(c1.money.payable) == u"2350000.00"_s);
    const DlrResult& b2 = dlr(s, u"B2"_s);
    CHECK(status(b2) == u"not_started"_s);
    CHECK(usd(b2.money.earned) == u"0.00"_s);
}

TEST_CASE("Worked example as of 2022-09-30", "[disbursement][worked]")
{
    const Program p = workedProgram();
    const Disbursement s = DisbursementEngine::compute(p, workedInput(u"2022-09-30"_s));
    const DlrResult& c1 = dlr(s, u"C1"_s);
    CHECK(usd(c1.money.disbursed) == u"2350000.00"_s);
    CHECK(usd(c1.money.eligible) == u"650000.00"_s);
    CHECK(usd(c1.money.recovered) == u"650000.00"_s);
    CHECK(usd(c1.money.payable) == u"0.00"_s);
    CHECK_FALSE(c1.final);
    CHECK(status(c1) == u"achieved"_s);
    CHECK(status(dlr(s, u"B2"_s)) == u"under_verification"_s);
    CHECK(usd(s.dli(u"DLI-C")->outstandingAdvance) == u"0.00"_s);
}

TEST_CASE("The explanation reads like DOMAIN.md's example", "[disbursement][worked]")
{
    const Program p = workedProgram();
    const Disbursement s = DisbursementEngine::compute(p, workedInput(u"2022-06-30"_s));
    const QString c1 = dlr(s, u"C1"_s).explanation.join(u' ');
    CHECK(c1.contains(u"verified DAYS = 18"_s));
    CHECK(c1.contains(u"against target 20 (at most): met → US$3,000,000.00 earned."_s));
    CHECK(c1.contains(u"Advance of US$650,000.00 recovered → US$2,350,000.00 payable."_s));
    const Disbursement later = DisbursementEngine::compute(p, workedInput(u"2022-03-31"_s));
    const QString a2 = dlr(later, u"A2"_s).explanation.join(u' ');
    CHECK(a2.contains(u"Available US$4,525,000.00: allocation US$3,500,000.00 + US$625,000.00 "
                      "carried in + US$400,000.00 reallocated in."_s));
    CHECK(a2.contains(u"against target 180 from baseline 100 → 43.75%; 0.4375 × "
                      "US$4,525,000.00 = US$1,979,687.50 earned."_s));
    const QString b1 = dlr(later, u"B1"_s).explanation.join(u' ');
    CHECK(b1.contains(u"verified TRAINED_W = 270 (2 figures counted; 1 verified after the "
                      "window does not count)"_s));
    CHECK(b1.contains(u"US$400,000.00 reallocated to DLR A2 on 2022-01-10 (DEC-1)"_s));
    CHECK(b1.contains(u"US$60,000.00 cancelled on 2022-01-10 (DEC-2)"_s));
}

TEST_CASE("Status JSON follows the documented contract", "[disbursement][worked]")
{
    const Program p = workedProgram();
    const Disbursement s = DisbursementEngine::compute(p, workedInput(u"2022-06-30"_s));
    auto in = workedInput(u"2022-06-30"_s);
    in.forecast = true;
    const Disbursement f = DisbursementEngine::compute(p, in);
    const QJsonObject doc = QJsonDocument::fromJson(StatusReport::json(p, s, &f)).object();
    CHECK(doc.value(u"format"_s).toString() == u"dlitracker-status/1"_s);
    CHECK(doc.value(u"as_of"_s).toString() == u"2022-06-30"_s);
    CHECK(doc.value(u"currency"_s).toString() == u"USD"_s);
    CHECK(doc.value(u"financing"_s).toString() == u"12000000.00"_s);
    CHECK(doc.value(u"known_at"_s).isNull());
    const QJsonArray dlis = doc.value(u"dlis"_s).toArray();
    REQUIRE(dlis.size() == 3);
    const QJsonObject c = dlis[2].toObject();
    CHECK(c.value(u"code"_s).toString() == u"DLI-C"_s);
    const QJsonObject c1 = c.value(u"dlrs"_s).toArray()[0].toObject();
    for (const char16_t* key :
         {u"status", u"final", u"achieved", u"baseline", u"target", u"fraction", u"available",
          u"earned", u"disbursed", u"eligible", u"recovered", u"payable", u"carried_in",
          u"carried_out", u"reallocated_in", u"reallocated_out", u"cancelled",
          u"pending_reallocation", u"explanation"})
        CHECK(c1.contains(QString::fromUtf16(key)));
    CHECK(c1.value(u"payable"_s).toString() == u"2350000.00"_s);
    CHECK(c1.value(u"fraction"_s).toString() == u"1.08"_s); // (18 - 45) / (20 - 45)
    CHECK(doc.value(u"forecast"_s).toObject().value(u"dlis"_s).toArray().size() == 3);
}

TEST_CASE("The documented status example is what the engine writes", "[disbursement][worked]")
{
    // docs/examples/status-worked-2022-06-30.json; DLI_REGENERATE_GOLDEN=1 rewrites it.
    const QString path = QStringLiteral(DLI_TEST_DATA_DIR "/../../docs/examples/"
                                                          "status-worked-2022-06-30.json");
    const Program p = workedProgram();
    const QByteArray actual =
        StatusReport::json(p, DisbursementEngine::compute(p, workedInput(u"2022-06-30"_s)));
    if (qEnvironmentVariableIntValue("DLI_REGENERATE_GOLDEN") == 1)
        test::writeFile(path, actual);
    const bool same = test::readFile(path) == actual; // a bool: Catch prints bytes slowly
    CHECK(same);
}
