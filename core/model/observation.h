#pragma once

#include "core/model/decimal.h"
#include "core/model/period.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace dli {

// One reported value: indicator x period x org unit (x disaggregation category).
struct Observation {
    QString id;
    QString indicator; // code
    Period period;
    QString orgUnit;  // code
    QString category; // empty when the indicator has no disaggregation
    Decimal value;
    QString source;
    QString note;
    QString reporter;
    QDateTime createdAt;
    QString state = QStringLiteral("draft");
    QString replaces;   // the observation this one corrects, if any
    QString replacedBy; // its replacement, once there is one
    // Set once verified: the value that counts, and the date from which it counts.
    std::optional<Decimal> verifiedValue;
    QDate verifiedOn;
    QDateTime verificationRecordedAt; // when the verification was entered

    // The value that counts toward results: the verified one once there is one.
    Decimal countedValue() const { return verifiedValue.value_or(value); }

    friend bool operator==(const Observation&, const Observation&) = default;
};

} // namespace dli
