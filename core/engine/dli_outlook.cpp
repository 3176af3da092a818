#include "core/engine/dli_outlook.h"

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString daysText(qint64 days)
{
    return days == 1 ? DliOutlook::tr("1 day") : DliOutlook::tr("%1 days").arg(days);
}

bool isOpen(const DlrResult& r)
{
    return !r.final && r.status != DlrStatus::Cancelled && r.status != DlrStatus::Achieved &&
           r.money.earned < r.money.available;
}

DliOutlook::NextDate nextDateOf(const DlrResult& r, const QDate& asOf)
{
    using What = DliOutlook::NextDate::What;
    if (r.deadline >= asOf)
        return {r.code, r.deadline, What::Deadline};
    if (r.cutOff >= asOf)
        return {r.code, r.cutOff, What::CutOff};
    return {r.code, r.windowEnd, What::WindowEnd};
}

} // namespace

std::optional<QString> DliOutlook::atRisk(const DlrResult& r, const Currency& currency,
                                          const QDate& asOf, int horizonDays)
{
    if (!isOpen(r))
        return std::nullopt;
    const auto money = [&](Money m) {
        return m.format(currency);
    };
    if (r.status == DlrStatus::UnderVerification)
        return tr("DLR %1 is past its cut-off %2 with %3 of %4 earned; verifications dated up "
                  "to %5 can still count.")
            .arg(r.code, r.cutOff.toString(Qt::ISODate), money(r.money.earned),
                 money(r.money.available), r.windowEnd.toString(Qt::ISODate));
    const qint64 days = asOf.daysTo(r.deadline);
    if (days < 0)
        return tr("DLR %1 has earned %2 of %3 and its deadline %4 has passed.")
            .arg(r.code, money(r.money.earned), money(r.money.available),
                 r.deadline.toString(Qt::ISODate));
    if (days == 0)
        return tr("DLR %1 has earned %2 of %3 and its deadline %4 is today.")
            .arg(r.code, money(r.money.earned), money(r.money.available),
                 r.deadline.toString(Qt::ISODate));
    if (days <= horizonDays)
        return tr("DLR %1 has earned %2 of %3 and its deadline %4 is %5 away.")
            .arg(r.code, money(r.money.earned), money(r.money.available),
                 r.deadline.toString(Qt::ISODate), daysText(days));
    return std::nullopt;
}

DliOutlook DliOutlook::of(const DliResult& dli, const Currency& currency, const QDate& asOf,
                          int horizonDays)
{
    DliOutlook out;
    const auto money = [&](Money m) {
        return m.format(currency);
    };
    for (const DlrResult& r : dli.dlrs) {
        if (!isOpen(r))
            continue;
        const NextDate n = nextDateOf(r, asOf);
        if (!out.next || n.date < out.next->date)
            out.next = n;
    }

    for (const DlrResult& r : dli.dlrs) {
        if (r.status == DlrStatus::Missed) {
            out.light = DliLight::Missed;
            out.reason = tr("DLR %1 was missed: it is final and earned nothing.").arg(r.code);
            return out;
        }
    }

    bool anyOpen = false;
    bool anyEarning = false;
    bool anyPartial = false;
    for (const DlrResult& r : dli.dlrs) {
        anyOpen = anyOpen || isOpen(r);
        anyEarning = anyEarning || r.status != DlrStatus::Cancelled;
        anyPartial = anyPartial || r.status == DlrStatus::PartiallyAchieved;
    }
    if (!anyEarning) {
        out.light = DliLight::Missed;
        out.reason = tr("Every DLR was cancelled: nothing is left to earn.");
        return out;
    }
    if (!anyOpen) {
        out.light = DliLight::Achieved;
        out.reason = anyPartial ? tr("Nothing is left to earn: %1 of %2 earned; some DLRs "
                                     "earned only part of their money.")
                                      .arg(money(dli.money.earned), money(dli.money.available))
                                : tr("Every DLR has earned all of its money.");
        return out;
    }

    // A DLR under verification decides before one near its deadline.
    for (const bool underVerification : {true, false}) {
        for (const DlrResult& r : dli.dlrs) {
            if ((r.status == DlrStatus::UnderVerification) != underVerification)
                continue;
            if (const auto why = atRisk(r, currency, asOf, horizonDays)) {
                out.light = DliLight::AtRisk;
                out.reason = *why;
                return out;
            }
        }
    }
    out.light = DliLight::OnTrack;
    out.reason = tr("Nothing missed; no DLR short of its money is past its cut-off or within "
                    "%1 of its deadline.")
                     .arg(daysText(horizonDays));
    return out;
}

QString DliOutlook::lightName(DliLight light)
{
    switch (light) {
    case DliLight::Achieved:
        return tr("achieved");
    case DliLight::OnTrack:
        return tr("on track");
    case DliLight::AtRisk:
        return tr("at risk");
    case DliLight::Missed:
        return tr("missed");
    }
    return {};
}

QStringList DliOutlook::rule(int horizonDays)
{
    return {
        tr("Missed: a DLR is final and earned nothing."),
        tr("Achieved: nothing is left to earn; every DLR that was not cancelled earned its "
           "money (or part of it, once final)."),
        tr("At risk: a DLR that has not earned all of its money is past its cut-off awaiting "
           "verification, or its deadline has passed or is %1 away or less.")
            .arg(daysText(horizonDays)),
        tr("On track: otherwise."),
    };
}

} // namespace dli
