#pragma once

#include "core/model/decimal.h"
#include "core/model/enum_names.h"
#include "core/model/money.h"
#include "core/model/period.h"

#include <QDate>
#include <QString>
#include <optional>

namespace dli {

enum class DlrKind { Binary, Linear, PerUnit };
enum class Rollover { CarryForward, Cancel, Reallocate };

inline constexpr std::array kDlrKindNames{
    EnumName<DlrKind>{DlrKind::Binary, u"binary"},
    EnumName<DlrKind>{DlrKind::Linear, u"linear"},
    EnumName<DlrKind>{DlrKind::PerUnit, u"per_unit"},
};
inline constexpr std::array kRolloverNames{
    EnumName<Rollover>{Rollover::CarryForward, u"carry_forward"},
    EnumName<Rollover>{Rollover::Cancel, u"cancel"},
    EnumName<Rollover>{Rollover::Reallocate, u"reallocate"},
};

// A disbursement-linked result: one target of a DLI with its own money and rule.
struct Dlr {
    QString code;
    QString title;
    Period period;
    std::optional<QDate> deadline; // defaults to the end of the period
    bool timeBound = false;
    DlrKind kind = DlrKind::Binary;
    std::optional<Decimal> baseline; // defaults as DOMAIN.md says (see Program::dlrBaseline)
    Decimal target;
    Money allocation;
    std::optional<Money> unitAmount; // per_unit only
    Decimal minFraction;             // linear only
    bool priorResult = false;
    Rollover rollover = Rollover::Cancel;

    QDate effectiveDeadline(int startMonth) const
    {
        return deadline.value_or(period.end(startMonth));
    }

    friend bool operator==(const Dlr&, const Dlr&) = default;
};

} // namespace dli
