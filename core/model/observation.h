#pragma once

#include "core/model/decimal.h"
#include "core/model/period.h"

#include <QDateTime>
#include <QString>

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

    friend bool operator==(const Observation&, const Observation&) = default;
};

} // namespace dli
