#include "core/engine/observation_checker.h"

using namespace Qt::StringLiterals;

namespace dli {

QList<ObservationChecker::Problem> ObservationChecker::check(const Program& p, const Observation& o)
{
    QList<Problem> out;
    const Indicator* x = p.indicator(o.indicator);
    const OrgUnit* unit = p.orgUnit(o.orgUnit);
    if (!x)
        out << Problem{u"indicator"_s, tr("unknown indicator \"%1\"").arg(o.indicator)};
    if (!unit)
        out << Problem{u"org_unit"_s, tr("unknown org unit \"%1\"").arg(o.orgUnit)};
    if (o.period.isValid() && !p.periodInRange(o.period))
        out << Problem{u"period"_s, p.outsideMessage(o.period.code())};
    if (!x)
        return out;
    if (x->source.kind == SourceKind::Formula)
        out << Problem{u"indicator"_s,
                       tr("%1 is computed by a formula and is not reported").arg(x->code)};
    if (unit && unit->kind != x->reportedAt)
        out << Problem{u"org_unit"_s,
                       tr("%1 is reported per %2, and %3 is a %4")
                           .arg(x->code, enumToString(kOrgUnitKindNames, x->reportedAt), o.orgUnit,
                                enumToString(kOrgUnitKindNames, unit->kind))};
    if (o.period.isValid()) {
        const bool quarterly = x->frequency == Frequency::Quarterly;
        if (quarterly != o.period.isQuarter())
            out << Problem{u"period"_s,
                           quarterly ? tr("%1 is reported quarterly; give a quarter such as %2-Q1")
                                           .arg(x->code, o.period.fiscalYearPeriod().code())
                                     : tr("%1 is reported yearly; give a fiscal year such as %2")
                                           .arg(x->code, o.period.fiscalYearPeriod().code())};
    }
    if (x->disaggregation) {
        if (o.category.isEmpty())
            out << Problem{u"category"_s, tr("%1 is reported by %2; give one of %3")
                                              .arg(x->code, x->disaggregation->code,
                                                   x->disaggregation->categories.join(u", "_s))};
        else if (!x->disaggregation->categories.contains(o.category))
            out << Problem{u"category"_s, tr("\"%1\" is not a %2 category of %3; give one of %4")
                                              .arg(o.category, x->disaggregation->code, x->code,
                                                   x->disaggregation->categories.join(u", "_s))};
    } else if (!o.category.isEmpty()) {
        out << Problem{u"category"_s,
                       tr("%1 has no disaggregation; leave the category empty").arg(x->code)};
    }
    switch (x->unit) {
    case IndicatorUnit::Number:
    case IndicatorUnit::Currency:
        if (o.value.isNegative())
            out << Problem{u"value"_s, tr("%1 cannot be negative").arg(o.value.toString())};
        break;
    case IndicatorUnit::Percent:
        if (o.value.isNegative() || o.value > Decimal::fromInt(100))
            out << Problem{u"value"_s,
                           tr("%1 is not a percentage between 0 and 100").arg(o.value.toString())};
        break;
    case IndicatorUnit::YesNo:
    case IndicatorUnit::Milestone:
        if (o.value != Decimal() && o.value != Decimal::fromInt(1))
            out << Problem{u"value"_s, tr("%1 is reported as 1 for yes or 0 for no, not %2")
                                           .arg(x->code, o.value.toString())};
        break;
    }
    return out;
}

} // namespace dli
