#pragma once

#include "core/model/decimal.h"
#include "core/model/enum_names.h"
#include "core/model/org_unit.h"
#include "core/model/period.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace dli {

enum class IndicatorLevel { Pdo, Intermediate };
enum class IndicatorUnit { Number, Percent, Currency, YesNo, Milestone };
enum class Direction { Increase, Decrease };
enum class Aggregation { Sum, Latest, Mean };
enum class Frequency { Quarterly, Yearly };
enum class SourceKind { Reported, Register, Formula };
enum class RegisterKind { Firms, Services, Trainees, Exports };
enum class RegisterMeasure { Count, CountDistinctFirms, Sum };

inline constexpr std::array kIndicatorLevelNames{
    EnumName<IndicatorLevel>{IndicatorLevel::Pdo, u"pdo"},
    EnumName<IndicatorLevel>{IndicatorLevel::Intermediate, u"intermediate"},
};
inline constexpr std::array kIndicatorUnitNames{
    EnumName<IndicatorUnit>{IndicatorUnit::Number, u"number"},
    EnumName<IndicatorUnit>{IndicatorUnit::Percent, u"percent"},
    EnumName<IndicatorUnit>{IndicatorUnit::Currency, u"currency"},
    EnumName<IndicatorUnit>{IndicatorUnit::YesNo, u"yesno"},
    EnumName<IndicatorUnit>{IndicatorUnit::Milestone, u"milestone"},
};
inline constexpr std::array kDirectionNames{
    EnumName<Direction>{Direction::Increase, u"increase"},
    EnumName<Direction>{Direction::Decrease, u"decrease"},
};
inline constexpr std::array kAggregationNames{
    EnumName<Aggregation>{Aggregation::Sum, u"sum"},
    EnumName<Aggregation>{Aggregation::Latest, u"latest"},
    EnumName<Aggregation>{Aggregation::Mean, u"mean"},
};
inline constexpr std::array kFrequencyNames{
    EnumName<Frequency>{Frequency::Quarterly, u"quarterly"},
    EnumName<Frequency>{Frequency::Yearly, u"yearly"},
};
inline constexpr std::array kSourceKindNames{
    EnumName<SourceKind>{SourceKind::Reported, u"reported"},
    EnumName<SourceKind>{SourceKind::Register, u"register"},
    EnumName<SourceKind>{SourceKind::Formula, u"formula"},
};
inline constexpr std::array kRegisterKindNames{
    EnumName<RegisterKind>{RegisterKind::Firms, u"firms"},
    EnumName<RegisterKind>{RegisterKind::Services, u"services"},
    EnumName<RegisterKind>{RegisterKind::Trainees, u"trainees"},
    EnumName<RegisterKind>{RegisterKind::Exports, u"exports"},
};
inline constexpr std::array kRegisterMeasureNames{
    EnumName<RegisterMeasure>{RegisterMeasure::Count, u"count"},
    EnumName<RegisterMeasure>{RegisterMeasure::CountDistinctFirms, u"count_distinct_firms"},
    EnumName<RegisterMeasure>{RegisterMeasure::Sum, u"sum"},
};

// Where an indicator's value comes from (DOMAIN.md, "Where an indicator's value comes from").
struct IndicatorSource {
    SourceKind kind = SourceKind::Reported;
    // register: which register, what to compute, the summed field, and column filters
    RegisterKind registerKind = RegisterKind::Services;
    RegisterMeasure measure = RegisterMeasure::Count;
    QString field;
    QMap<QString, QString> filters;
    // formula: arithmetic over other indicators' codes
    QString formula;

    friend bool operator==(const IndicatorSource&, const IndicatorSource&) = default;
};

// An indicator with a disaggregation takes one observation per category; its total is their sum.
struct Disaggregation {
    QString code; // e.g. "sex"
    QStringList categories;

    friend bool operator==(const Disaggregation&, const Disaggregation&) = default;
};

struct Baseline {
    Decimal value;
    QDate date;

    friend bool operator==(const Baseline&, const Baseline&) = default;
};

struct Target {
    Period period;
    Decimal value;

    friend bool operator==(const Target&, const Target&) = default;
};

struct Indicator {
    QString code;
    QString title;
    IndicatorLevel level = IndicatorLevel::Intermediate;
    IndicatorUnit unit = IndicatorUnit::Number;
    Direction direction = Direction::Increase;
    bool cumulative = false;
    Aggregation aggregation = Aggregation::Sum;
    OrgUnitKind reportedAt = OrgUnitKind::Program;
    Frequency frequency = Frequency::Quarterly;
    std::optional<Disaggregation> disaggregation;
    Baseline baseline;
    QList<Target> targets;
    IndicatorSource source;
    // Largest accepted gap between a reported figure and its register, as a share of the
    // reported figure (0.05 = 5%).
    Decimal tolerance;
    QString resultArea; // code

    // The target for a period, if the framework sets one.
    std::optional<Decimal> targetFor(const Period& period) const;

    friend bool operator==(const Indicator&, const Indicator&) = default;
};

} // namespace dli
