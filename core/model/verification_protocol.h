#pragma once

#include "core/model/decimal.h"

#include <QString>
#include <QStringList>

namespace dli {

// How a DLI's results are verified: by whom, how, on which evidence, with what sample.
struct VerificationProtocol {
    QString verifier; // e.g. "Independent Verification Agent (IVA)"
    QString method;
    QStringList evidence;          // kinds of evidence asked for
    bool evidenceRequired = false; // a submission without evidence is refused
    int sampleSize = 0;            // register rows drawn per sample verification
    Decimal maxErrorRate;          // largest error rate accepted, as a share

    friend bool operator==(const VerificationProtocol&, const VerificationProtocol&) = default;
};

} // namespace dli
