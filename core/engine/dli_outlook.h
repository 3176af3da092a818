#pragma once

#include "core/engine/disbursement.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <optional>

namespace dli {

// The dashboard's traffic light for a DLI, read from the engine's DLR statuses and dates.
enum class DliLight { Achieved, OnTrack, AtRisk, Missed };

inline constexpr std::array kDliLightNames{
    EnumName<DliLight>{DliLight::Achieved, u"achieved"},
    EnumName<DliLight>{DliLight::OnTrack, u"on_track"},
    EnumName<DliLight>{DliLight::AtRisk, u"at_risk"},
    EnumName<DliLight>{DliLight::Missed, u"missed"},
};

// How a DLI stands as of a date, and the next date that matters for it. A DLR is "open" when it
// is not final, not cancelled and has earned less than its available money. The light is the
// first that applies:
//  - missed: a DLR is missed (final, nothing earned);
//  - achieved: no DLR is open, and every DLR that is not cancelled earned money (all of it, or
//    part of it once final): nothing is left to earn;
//  - at risk: an open DLR is under verification (past its cut-off), or its deadline has passed
//    or falls within the horizon (90 days);
//  - on track: otherwise.
class DliOutlook {
    Q_DECLARE_TR_FUNCTIONS(DliOutlook)
public:
    static constexpr int DefaultHorizonDays = 90;

    // The next date of an open DLR: its deadline; once that has passed, its cut-off (results up
    // to it still count); once that has passed, the end of its verification window.
    struct NextDate {
        enum class What { Deadline, CutOff, WindowEnd };
        QString dlr;
        QDate date;
        What what = What::Deadline;
    };

    DliLight light = DliLight::OnTrack;
    QString reason;               // the DLR that decided the light, in plain words
    std::optional<NextDate> next; // the earliest next date over the open DLRs

    static DliOutlook of(const DliResult& dli, const Currency& currency, const QDate& asOf,
                         int horizonDays = DefaultHorizonDays);
    // Why one DLR is at risk by the rule above (open, and under verification or with its
    // deadline passed or within the horizon); nothing when it is not.
    static std::optional<QString> atRisk(const DlrResult& dlr, const Currency& currency,
                                         const QDate& asOf, int horizonDays = DefaultHorizonDays);

    // "achieved", "on track", "at risk", "missed", translated.
    static QString lightName(DliLight light);
    // The rule above in plain words, one sentence per light, for a legend or tooltip.
    static QStringList rule(int horizonDays = DefaultHorizonDays);
};

} // namespace dli
