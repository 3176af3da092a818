#pragma once

#include "core/model/decimal.h"
#include "core/model/enum_names.h"
#include "core/model/money.h"
#include "core/model/observation.h"
#include "core/model/program.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace dli {

// What a manager records about money (DOMAIN.md, "Disbursement rules").
enum class EventKind { Disburse, Advance, Refund, Reallocate, Cancel };

inline constexpr std::array kEventKindNames{
    EnumName<EventKind>{EventKind::Disburse, u"disburse"},
    EnumName<EventKind>{EventKind::Advance, u"advance"},
    EnumName<EventKind>{EventKind::Refund, u"refund"},
    EnumName<EventKind>{EventKind::Reallocate, u"reallocate"},
    EnumName<EventKind>{EventKind::Cancel, u"cancel"},
};

struct DisbursementEvent {
    QString id;
    EventKind kind = EventKind::Disburse;
    QString dli;   // advance and refund
    QString dlr;   // disburse and cancel; the DLR a reallocation takes from
    QString toDlr; // reallocate: the DLR that receives
    Money amount;
    QDate date;
    QString reference; // e.g. the Bank's withdrawal application "WA-12"
    bool forced = false;
    QString reason; // why a rule was overridden; required when forced
    QString recordedBy;
    QDateTime recordedAt;
    qint64 sequence = 0; // recording order: decides between events of the same date
};

enum class DlrStatus {
    NotStarted,
    InProgress,
    Achieved,
    UnderVerification,
    PartiallyAchieved,
    Missed,
    Cancelled
};

inline constexpr std::array kDlrStatusNames{
    EnumName<DlrStatus>{DlrStatus::NotStarted, u"not_started"},
    EnumName<DlrStatus>{DlrStatus::InProgress, u"in_progress"},
    EnumName<DlrStatus>{DlrStatus::Achieved, u"achieved"},
    EnumName<DlrStatus>{DlrStatus::UnderVerification, u"under_verification"},
    EnumName<DlrStatus>{DlrStatus::PartiallyAchieved, u"partially_achieved"},
    EnumName<DlrStatus>{DlrStatus::Missed, u"missed"},
    EnumName<DlrStatus>{DlrStatus::Cancelled, u"cancelled"},
};

// The money columns, for one DLR or added up over a DLI or the program.
struct MoneySums {
    Money available; // allocation + carried in + reallocated in
    Money earned;
    Money disbursed;
    Money eligible;  // max(0, earned - disbursed)
    Money recovered; // the part of eligible that an outstanding advance covers
    Money payable;   // eligible - recovered
    Money carriedIn;
    Money carriedOut;
    Money reallocatedIn;
    Money reallocatedOut;
    Money cancelled;
    Money pendingReallocation;

    MoneySums& operator+=(const MoneySums& o);
    friend bool operator==(const MoneySums&, const MoneySums&) = default;
};

struct DlrResult {
    QString code;
    QString dli;
    DlrStatus status = DlrStatus::NotStarted;
    bool final = false;
    QDate deadline;
    QDate cutOff;
    QDate windowEnd; // the last day of the verification window; final after it
    int counted = 0; // verified figures A rests on (latest indicator: the latest levels)
    std::optional<Decimal> achieved; // A; empty when nothing counts
    Decimal baseline;                // B
    Decimal target;                  // T
    std::optional<Decimal> fraction; // (A - B) / (T - B), six decimals; empty when nothing counts
    Money allocation;
    MoneySums money;
    QStringList explanation; // the derivation in plain sentences
};

// Something a manager or the Bank must look at.
struct Finding {
    QString kind; // see Disbursement::findingKinds()
    QString dli;
    QString dlr;
    QString eventId;
    QString message;
    friend bool operator==(const Finding&, const Finding&) = default;
};

struct DliResult {
    QString code;
    Money allocation;
    MoneySums money;
    Money advanced;           // advances dated on or before the as-of date
    Money refunded;           // refunds of them
    Money outstandingAdvance; // advanced - refunded - recovered
    QList<DlrResult> dlrs;    // in deadline order
};

struct Disbursement {
    QDate asOf;
    QDateTime knownAt; // invalid: everything recorded counts
    bool forecast = false;
    Money financing;
    Money allocation; // what the DLIs allocate between them
    MoneySums totals;
    Money outstandingAdvances;
    Money advanceCap;
    Money priorResultsEarned;
    Money priorResultsCap;
    QList<Finding> findings;
    QList<DliResult> dlis;

    const DlrResult* dlr(QStringView code) const;
    const DliResult* dli(QStringView code) const;
    // advance_cap_exceeded, prior_results_cap_exceeded, advance_outstanding_at_closing,
    // overpayment, time_bound_missed, forced_event, decision_not_covered.
    static QStringList findingKinds();
};

// The disbursement rules of DOMAIN.md as a pure computation: no database, no clock. Observations
// come in with their state, verification date and verified value as known at the moment asked
// about; events as recorded.
class DisbursementEngine {
    Q_DECLARE_TR_FUNCTIONS(DisbursementEngine)
public:
    struct Input {
        QList<Observation> observations;
        QList<DisbursementEvent> events;
        QDate asOf;
        QDateTime knownAt; // only reported back; the caller leaves out what was recorded later
        // As if every submitted observation were verified as reported on the as-of date.
        bool forecast = false;
    };

    static Disbursement compute(const Program& program, const Input& input);

    // Why `event` breaks a rule as of its own date, given what was recorded before it; empty
    // when it keeps every rule. A forced event is recorded anyway, its reason kept as a finding.
    static QStringList refusals(const Program& program, const Input& before,
                                const DisbursementEvent& event);
};

} // namespace dli
