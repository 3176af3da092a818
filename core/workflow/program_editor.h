#pragma once

#include "core/model/enum_names.h"
#include "core/model/program.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <array>

namespace dli {

class Session;

// The items of a program one field of which can be edited.
enum class ProgramItemKind { Program, ResultArea, Indicator, Dli, Dlr };

// The fields an administrator may change in a stored program, one at a time, named as the
// program file names them (docs/program-format.md):
//
//   program      title, currency, fiscal_year_start_month, verification_window_days,
//                advance_cap_share, prior_results_cap_share
//   result area  title
//   indicator    title, tolerance, baseline (its value), target (of one period it already has)
//   DLI          title, allocation
//   DLR          title, target, baseline, allocation, deadline, time_bound, min_fraction,
//                unit_amount, rollover, prior_result
//
// Codes, kinds, periods, org units, formulas and validation rules are structure, not settings:
// they change by importing a new program file while no observations exist.
enum class ProgramField {
    Title,
    Currency,
    FiscalYearStartMonth,
    VerificationWindowDays,
    AdvanceCapShare,
    PriorResultsCapShare,
    Tolerance,
    Baseline,
    Target,
    Allocation,
    Deadline,
    TimeBound,
    MinFraction,
    UnitAmount,
    Rollover,
    PriorResult,
};

inline constexpr std::array kProgramFieldNames{
    EnumName<ProgramField>{ProgramField::Title, u"title"},
    EnumName<ProgramField>{ProgramField::Currency, u"currency"},
    EnumName<ProgramField>{ProgramField::FiscalYearStartMonth, u"fiscal_year_start_month"},
    EnumName<ProgramField>{ProgramField::VerificationWindowDays, u"verification_window_days"},
    EnumName<ProgramField>{ProgramField::AdvanceCapShare, u"advance_cap_share"},
    EnumName<ProgramField>{ProgramField::PriorResultsCapShare, u"prior_results_cap_share"},
    EnumName<ProgramField>{ProgramField::Tolerance, u"tolerance"},
    EnumName<ProgramField>{ProgramField::Baseline, u"baseline"},
    EnumName<ProgramField>{ProgramField::Target, u"target"},
    EnumName<ProgramField>{ProgramField::Allocation, u"allocation"},
    EnumName<ProgramField>{ProgramField::Deadline, u"deadline"},
    EnumName<ProgramField>{ProgramField::TimeBound, u"time_bound"},
    EnumName<ProgramField>{ProgramField::MinFraction, u"min_fraction"},
    EnumName<ProgramField>{ProgramField::UnitAmount, u"unit_amount"},
    EnumName<ProgramField>{ProgramField::Rollover, u"rollover"},
    EnumName<ProgramField>{ProgramField::PriorResult, u"prior_result"},
};

inline constexpr std::array kProgramItemKindNames{
    EnumName<ProgramItemKind>{ProgramItemKind::Program, u"program"},
    EnumName<ProgramItemKind>{ProgramItemKind::ResultArea, u"result_area"},
    EnumName<ProgramItemKind>{ProgramItemKind::Indicator, u"indicator"},
    EnumName<ProgramItemKind>{ProgramItemKind::Dli, u"dli"},
    EnumName<ProgramItemKind>{ProgramItemKind::Dlr, u"dlr"},
};

// One field of one item, and the value it should take. Values are written as the program file
// writes them: decimals and amounts as plain decimal text ("0.05", "1500000.00"), dates as
// 2026-06-30, booleans as true or false, a rollover as carry_forward, cancel or reallocate, the
// currency as its ISO code. An empty value unsets an optional field (a DLR's deadline, baseline
// or unit amount), which then takes its default.
struct ProgramEdit {
    ProgramItemKind kind = ProgramItemKind::Program;
    QString code; // the item's code; empty for the program
    ProgramField field = ProgramField::Title;
    QString period; // an indicator's target: the period it is for ("FY2026")
    QString value;

    friend bool operator==(const ProgramEdit&, const ProgramEdit&) = default;
};

// Changes one field of one item of the stored program (administrators only). Before anything is
// written the whole program is checked again as an import would check it, and the edit is
// refused with the checker's messages if it would leave the program with a problem it did not
// have. It is refused too when it would change what a DLR that is already final has earned
// (a final DLR's earned amount never changes again), when the fiscal-year start month would
// change the dates of periods observations already name, and when the currency would relabel
// amounts already recorded. The row is updated in one transaction with its audit entry
// (action program.edit, the row before and after, and the field, the item and both values in
// its details), and the session's notifier then emits programChanged.
class ProgramEditor {
    Q_DECLARE_TR_FUNCTIONS(ProgramEditor)
public:
    explicit ProgramEditor(Session& session) : m_session(session) {}

    // The fields of an item kind that can be edited, in the order a form shows them.
    static QList<ProgramField> fields(ProgramItemKind kind);
    // The field's current value as text (see ProgramEdit), empty when it is unset.
    static Result<QString> valueOf(const Program& program, const ProgramEdit& edit);
    // The program with the edit made, in memory; refuses a value that does not read, an
    // unknown item and a field the item does not have.
    static Result<Program> applied(const Program& program, const ProgramEdit& edit);
    // "DLR 3.2", "indicator JOBS", "the program": the item, for messages and audit details.
    static QString itemName(ProgramItemKind kind, const QString& code);

    // Checks and writes the edit; returns the value the field had before, for undoing it. An
    // edit that changes nothing writes nothing.
    Result<QString> set(const ProgramEdit& edit);

private:
    Status checkRules(const Program& before, const Program& after, const ProgramEdit& edit);
    Status write(const Program& before, const ProgramEdit& edit, const QString& oldValue,
                 const QString& newValue);

    Session& m_session;
};

} // namespace dli
