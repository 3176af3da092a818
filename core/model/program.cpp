#include "core/model/program.h"

#include <algorithm>

namespace dli {

namespace {

template <typename T> const T* findByCode(const QList<T>& items, QStringView code)
{
    for (const T& item : items) {
        if (item.code == code)
            return &item;
    }
    return nullptr;
}

} // namespace

std::optional<Decimal> Indicator::targetFor(const Period& period) const
{
    for (const Target& t : targets) {
        if (t.period == period)
            return t.value;
    }
    return std::nullopt;
}

const ResultArea* Program::resultArea(QStringView c) const
{
    return findByCode(resultAreas, c);
}

const OrgUnit* Program::orgUnit(QStringView c) const
{
    return findByCode(orgUnits, c);
}

const Indicator* Program::indicator(QStringView c) const
{
    return findByCode(indicators, c);
}

const Dli* Program::dli(QStringView c) const
{
    return findByCode(dlis, c);
}

const Dli* Program::dliForIndicator(QStringView indicatorCode) const
{
    for (const Dli& d : dlis) {
        if (d.indicator == indicatorCode)
            return &d;
    }
    return nullptr;
}

QList<const OrgUnit*> Program::children(QStringView orgUnitCode) const
{
    QList<const OrgUnit*> out;
    for (const OrgUnit& u : orgUnits) {
        if (u.parent == orgUnitCode && !u.parent.isEmpty())
            out << &u;
    }
    return out;
}

const OrgUnit* Program::rootOrgUnit() const
{
    for (const OrgUnit& u : orgUnits) {
        if (u.parent.isEmpty())
            return &u;
    }
    return nullptr;
}

Period Program::firstYear() const
{
    QDate earliest = signingDate;
    for (const Indicator& i : indicators) {
        if (i.baseline.date.isValid() && (!earliest.isValid() || i.baseline.date < earliest))
            earliest = i.baseline.date;
    }
    if (!earliest.isValid())
        return {};
    return Period::containing(earliest, Period::Kind::Year, fiscalYearStartMonth);
}

Period Program::lastYear() const
{
    if (!closingDate.isValid())
        return {};
    return Period::containing(closingDate, Period::Kind::Year, fiscalYearStartMonth);
}

bool Program::periodInRange(const Period& period) const
{
    const Period first = firstYear();
    const Period last = lastYear();
    if (!first.isValid() || !last.isValid() || !period.isValid())
        return false;
    return period.fiscalYear() >= first.fiscalYear() && period.fiscalYear() <= last.fiscalYear();
}

QString Program::outsideMessage(const QString& what) const
{
    return QCoreApplication::translate("Program",
                                       "%1 lies outside the program, which runs from %2 to %3")
        .arg(what, firstYear().code(), lastYear().code());
}

QList<int> Program::dlrOrder(const Dli& d) const
{
    QList<int> order;
    for (int i = 0; i < d.dlrs.size(); ++i)
        order << i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return d.dlrs[a].effectiveDeadline(fiscalYearStartMonth) <
               d.dlrs[b].effectiveDeadline(fiscalYearStartMonth);
    });
    return order;
}

Program::BaselineOrigin Program::dlrBaselineOrigin(const Dli& d, int dlrIndex,
                                                   QString* previousDlr) const
{
    if (d.dlrs[dlrIndex].baseline)
        return BaselineOrigin::Own;
    const Indicator* ind = indicator(d.indicator);
    if (!ind || (!ind->cumulative && ind->aggregation != Aggregation::Latest))
        return BaselineOrigin::Indicator;
    const QList<int> order = dlrOrder(d);
    const auto pos = order.indexOf(dlrIndex);
    if (pos <= 0)
        return BaselineOrigin::Indicator;
    if (previousDlr)
        *previousDlr = d.dlrs[order[pos - 1]].code;
    return BaselineOrigin::PreviousTarget;
}

Decimal Program::dlrBaseline(const Dli& d, int dlrIndex) const
{
    QString previous;
    switch (dlrBaselineOrigin(d, dlrIndex, &previous)) {
    case BaselineOrigin::Own:
        return *d.dlrs[dlrIndex].baseline;
    case BaselineOrigin::PreviousTarget:
        for (const Dlr& r : d.dlrs) {
            if (r.code == previous)
                return r.target;
        }
        return {};
    case BaselineOrigin::Indicator:
        break;
    }
    const Indicator* ind = indicator(d.indicator);
    return ind ? ind->baseline.value : Decimal();
}

QDate Program::cutOff(const Dlr& dlr) const
{
    return dlr.timeBound ? dlr.effectiveDeadline(fiscalYearStartMonth) : closingDate;
}

QDate Program::finalDate(const Dlr& dlr) const
{
    return cutOff(dlr).addDays(verificationWindowDays);
}

Money Program::allocatedToDlis() const
{
    Money total;
    for (const Dli& d : dlis)
        total += d.allocation;
    return total;
}

} // namespace dli
