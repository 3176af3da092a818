#pragma once

#include "core/model/enum_names.h"

#include <QString>

namespace dli {

enum class RuleOperator { Less, LessEqual, Equal, NotEqual, GreaterEqual, Greater };
enum class Severity { Error, Warning };

inline constexpr std::array kRuleOperatorNames{
    EnumName<RuleOperator>{RuleOperator::Less, u"<"},
    EnumName<RuleOperator>{RuleOperator::LessEqual, u"<="},
    EnumName<RuleOperator>{RuleOperator::Equal, u"=="},
    EnumName<RuleOperator>{RuleOperator::NotEqual, u"!="},
    EnumName<RuleOperator>{RuleOperator::GreaterEqual, u">="},
    EnumName<RuleOperator>{RuleOperator::Greater, u">"},
};
inline constexpr std::array kSeverityNames{
    EnumName<Severity>{Severity::Error, u"error"},
    EnumName<Severity>{Severity::Warning, u"warning"},
};

// A user-defined check in the style of DHIS2: `left operator right`, both sides expressions
// over indicator codes for the same period and org unit, e.g. JOBS_WOMEN <= JOBS_ALL.
struct ValidationRule {
    QString code;
    QString left;
    RuleOperator op = RuleOperator::LessEqual;
    QString right;
    Severity severity = Severity::Error;
    QString message;

    friend bool operator==(const ValidationRule&, const ValidationRule&) = default;
};

} // namespace dli
