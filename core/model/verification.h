#pragma once

#include "core/model/decimal.h"
#include "core/model/enum_names.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <array>
#include <optional>

namespace dli {

// The states of an observation (DOMAIN.md, "Verification workflow"). A verified observation
// that a verified replacement has taken over becomes superseded.
namespace ObservationState {
inline const QString Draft = QStringLiteral("draft");
inline const QString Submitted = QStringLiteral("submitted");
inline const QString Verified = QStringLiteral("verified");
inline const QString Rejected = QStringLiteral("rejected");
inline const QString Queried = QStringLiteral("queried");
inline const QString Superseded = QStringLiteral("superseded");
} // namespace ObservationState

enum class VerificationMethod { DeskReview, FieldVisit, Sample, ThirdPartyReport };

inline constexpr std::array kVerificationMethodNames{
    EnumName<VerificationMethod>{VerificationMethod::DeskReview, u"desk_review"},
    EnumName<VerificationMethod>{VerificationMethod::FieldVisit, u"field_visit"},
    EnumName<VerificationMethod>{VerificationMethod::Sample, u"sample"},
    EnumName<VerificationMethod>{VerificationMethod::ThirdPartyReport, u"third_party_report"},
};

// The verifier's finding on one observation.
struct Verification {
    QString id;
    QString observationId;
    VerificationMethod method = VerificationMethod::DeskReview;
    Decimal reportedValue;
    Decimal verifiedValue;
    QString reason; // why the verified value differs from the reported one
    QString note;
    QString evidenceId; // empty when none
    QString sampleId;   // empty unless method is sample
    QString verifier;
    QDate verifiedOn;     // the date of the check or of the agent's report
    QDateTime recordedAt; // when it was entered
};

// One step of an observation through the workflow.
struct Transition {
    QString id;
    QString observationId;
    QString action; // submit, amend, verify, reject, query, supersede, superseded
    QString fromState;
    QString toState;
    QString user;
    QDateTime at;
    QString reason;
    std::optional<Decimal> oldValue;
    std::optional<Decimal> newValue;
};

} // namespace dli
