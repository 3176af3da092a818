#pragma once

#include "core/model/currency.h"
#include "core/model/decimal.h"
#include "core/model/dli.h"
#include "core/model/indicator.h"
#include "core/model/money.h"
#include "core/model/org_unit.h"
#include "core/model/period.h"
#include "core/model/result_area.h"
#include "core/model/validation_rule.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

namespace dli {

// One financing operation and its whole results framework, as the program file defines it.
struct Program {
    QString code;
    QString title;
    Currency currency;
    Money financing;
    QDate signingDate;
    QDate closingDate;
    int fiscalYearStartMonth = Period::DefaultStartMonth;
    int verificationWindowDays = 180;
    Decimal advanceCapShare = Decimal::fromUnits(250'000);      // 25% of financing
    Decimal priorResultsCapShare = Decimal::fromUnits(200'000); // 20% of financing

    QList<ResultArea> resultAreas;
    QList<OrgUnit> orgUnits;
    QList<Indicator> indicators;
    QList<Dli> dlis;
    QList<ValidationRule> validationRules;

    const ResultArea* resultArea(QStringView code) const;
    const OrgUnit* orgUnit(QStringView code) const;
    const Indicator* indicator(QStringView code) const;
    const Dli* dli(QStringView code) const;
    // The DLI an indicator is linked to, if any.
    const Dli* dliForIndicator(QStringView indicatorCode) const;
    QList<const OrgUnit*> children(QStringView orgUnitCode) const;
    const OrgUnit* rootOrgUnit() const;

    // The fiscal years figures may belong to: from the year holding the earliest of the signing
    // date and the indicators' baseline dates, to the year holding the closing date.
    Period firstYear() const;
    Period lastYear() const;
    bool periodInRange(const Period& period) const;
    // "FY2030 lies outside the program, which runs from FY2019 to FY2023", for any period or
    // date written as `what`.
    QString outsideMessage(const QString& what) const;

    // Indices of a DLI's DLRs ordered by deadline (file order among equal deadlines).
    QList<int> dlrOrder(const Dli& dli) const;
    // The baseline B of a DLR: its own if set; else, for a cumulative or `latest` indicator, the
    // target of the previous DLR of the same DLI, or the indicator's baseline for the first;
    // for any other indicator the indicator's baseline.
    Decimal dlrBaseline(const Dli& dli, int dlrIndex) const;
    // Where dlrBaseline() took the baseline from: the DLR itself, the previous DLR (whose code
    // is then in previousDlr), or the indicator.
    enum class BaselineOrigin { Own, PreviousTarget, Indicator };
    BaselineOrigin dlrBaselineOrigin(const Dli& dli, int dlrIndex,
                                     QString* previousDlr = nullptr) const;

    // A time-bound DLR counts results up to its deadline, any other up to the closing date.
    QDate cutOff(const Dlr& dlr) const;
    // The day a DLR becomes final: the verification window after its cut-off.
    QDate finalDate(const Dlr& dlr) const;
    // What the DLIs allocate between them.
    Money allocatedToDlis() const;

    friend bool operator==(const Program&, const Program&) = default;
};

} // namespace dli
