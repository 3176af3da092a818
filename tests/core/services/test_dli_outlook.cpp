// The dashboard's traffic light per DLI: its rule on made-up DLR results, and on the demo.
#include "core/engine/dli_outlook.h"
#include "core/workflow/disbursements.h"
#include "trust_support.h"

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::DemoCopy;

namespace {

const QDate kAsOf(2026, 7, 1);
const Currency kUsd{u"USD"_s, 2, u"US$"_s};

Money usd(std::int64_t whole)
{
    return Money::fromMinor(whole * 100);
}

DlrResult dlr(const QString& code, DlrStatus status, bool final, const QDate& deadline,
              std::int64_t available, std::int64_t earned)
{
    DlrResult r;
    r.code = code;
    r.status = status;
    r.final = final;
    r.deadline = deadline;
    r.cutOff = deadline;
    r.windowEnd = deadline.addDays(180);
    r.money.available = usd(available);
    r.money.earned = usd(earned);
    return r;
}

DliResult dliOf(const QList<DlrResult>& dlrs)
{
    DliResult d;
    d.code = u"DLI9"_s;
    d.dlrs = dlrs;
    for (const DlrResult& r : dlrs)
        d.money += r.money;
    return d;
}

} // namespace

TEST_CASE("The traffic light follows the rule, first match wins", "[dli-outlook]")
{
    const QDate far = kAsOf.addDays(400);
    SECTION("a missed DLR makes the DLI missed, even with others on track")
    {
        const DliOutlook o = DliOutlook::of(
            dliOf({dlr(u"9.1"_s, DlrStatus::Missed, true, kAsOf.addDays(-300), 100, 0),
                   dlr(u"9.2"_s, DlrStatus::InProgress, false, far, 100, 10)}),
            kUsd, kAsOf);
        CHECK(o.light == DliLight::Missed);
        CHECK(o.reason.contains(u"9.1"_s));
        REQUIRE(o.next.has_value());
        CHECK(o.next->dlr == u"9.2"_s);
        CHECK(o.next->date == far);
    }
    SECTION("achieved when nothing is left to earn, cancelled DLRs aside")
    {
        const DliOutlook o = DliOutlook::of(
            dliOf({dlr(u"9.1"_s, DlrStatus::Achieved, false, kAsOf.addDays(-30), 100, 100),
                   dlr(u"9.2"_s, DlrStatus::PartiallyAchieved, true, kAsOf.addDays(-300), 100, 60),
                   dlr(u"9.3"_s, DlrStatus::Cancelled, false, far, 0, 0)}),
            kUsd, kAsOf);
        CHECK(o.light == DliLight::Achieved);
        CHECK_FALSE(o.next.has_value());
    }
    SECTION("every DLR cancelled is missed")
    {
        const DliOutlook o = DliOutlook::of(
            dliOf({dlr(u"9.1"_s, DlrStatus::Cancelled, false, far, 0, 0)}), kUsd, kAsOf);
        CHECK(o.light == DliLight::Missed);
    }
    SECTION("under verification without full earnings is at risk")
    {
        DlrResult r =
            dlr(u"9.1"_s, DlrStatus::UnderVerification, false, kAsOf.addDays(-10), 100, 40);
        const DliOutlook o = DliOutlook::of(dliOf({r}), kUsd, kAsOf);
        CHECK(o.light == DliLight::AtRisk);
        CHECK(o.reason.contains(u"US$40.00 of US$100.00"_s));
        REQUIRE(o.next.has_value());
        CHECK(o.next->what == DliOutlook::NextDate::What::WindowEnd);
        CHECK(o.next->date == r.windowEnd);
    }
    SECTION("a deadline within the horizon is at risk; one day beyond it is on track")
    {
        const auto at = [&](int days) {
            return DliOutlook::of(dliOf({dlr(u"9.1"_s, DlrStatus::InProgress, false,
                                             kAsOf.addDays(days), 100, 40)}),
                                  kUsd, kAsOf)
                .light;
        };
        CHECK(at(0) == DliLight::AtRisk);
        CHECK(at(90) == DliLight::AtRisk);
        CHECK(at(91) == DliLight::OnTrack);
        CHECK(at(-1) == DliLight::AtRisk);
    }
    SECTION("a passed deadline before the cut-off points at the cut-off")
    {
        DlrResult r = dlr(u"9.1"_s, DlrStatus::InProgress, false, kAsOf.addDays(-1), 100, 40);
        r.cutOff = kAsOf.addDays(300);
        const DliOutlook o = DliOutlook::of(dliOf({r}), kUsd, kAsOf);
        CHECK(o.light == DliLight::AtRisk);
        REQUIRE(o.next.has_value());
        CHECK(o.next->what == DliOutlook::NextDate::What::CutOff);
        CHECK(o.next->date == r.cutOff);
    }
    CHECK(DliOutlook::rule().size() == 4);
}

TEST_CASE("The demo's traffic lights as of 2026-07-01", "[dli-outlook]")
{
    DemoCopy d;
    auto status = Disbursements(*d.session, d.program()).compute(kAsOf);
    REQUIRE(status.ok());
    const auto light = [&](const QString& code) {
        const DliResult* dli = status->dli(code);
        REQUIRE(dli != nullptr);
        return DliOutlook::of(*dli, d.program().currency, kAsOf).light;
    };
    CHECK(light(u"DLI1"_s) == DliLight::Achieved);
    CHECK(light(u"DLI2"_s) == DliLight::Missed);
    CHECK(light(u"DLI3"_s) == DliLight::AtRisk); // 3.3's deadline 2026-06-30 passed short
    CHECK(light(u"DLI4"_s) == DliLight::AtRisk); // 4.3 under verification
    CHECK(light(u"DLI5"_s) == DliLight::OnTrack);
    CHECK(light(u"DLI6"_s) == DliLight::AtRisk); // 6.1 short of target past its deadline

    const DliOutlook dli5 = DliOutlook::of(*status->dli(u"DLI5"_s), d.program().currency, kAsOf);
    REQUIRE(dli5.next.has_value());
    CHECK(dli5.next->dlr == u"5.2"_s);
    CHECK(dli5.next->date == QDate(2027, 6, 30));
}
