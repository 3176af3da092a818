#pragma once

#include "core/model/dlr.h"
#include "core/model/money.h"
#include "core/model/verification_protocol.h"

#include <QList>
#include <QString>

namespace dli {

// A disbursement-linked indicator: an indicator with money attached, paid through its DLRs.
struct Dli {
    QString code;
    QString title;
    QString indicator; // code
    Money allocation;
    VerificationProtocol protocol;
    QList<Dlr> dlrs;

    friend bool operator==(const Dli&, const Dli&) = default;
};

} // namespace dli
