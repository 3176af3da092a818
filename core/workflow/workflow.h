#pragma once

#include "core/engine/reconciliation.h"
#include "core/model/observation.h"
#include "core/model/program.h"
#include "core/model/verification.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QStringList>
#include <optional>

namespace dli {

class Session;

// The verification workflow (DOMAIN.md): draft -> submitted -> verified | rejected | queried,
// queried -> submitted, with the roles, the four-eyes rule and the evidence requirement checked
// here, for the GUI and the CLI alike. Every step is one transaction, recorded as a transition
// and in the audit log.
class Workflow {
    Q_DECLARE_TR_FUNCTIONS(Workflow)
public:
    explicit Workflow(Session& session, const Program& program)
        : m_session(session), m_program(program)
    {}

    // An officer submits a draft or queried observation.
    Status submit(const QString& id);
    struct BulkSubmit {
        QStringList submitted;
        QStringList skipped; // "ID: why", for drafts that could not be submitted
    };
    // Every draft (and queried) observation of the indicator and period (when given).
    Result<BulkSubmit> submitAll(const QString& indicator = {},
                                 const std::optional<Period>& period = {});
    // An officer corrects a draft or queried observation.
    Status amend(const QString& id, const Decimal& value, const std::optional<QString>& note = {});

    struct VerifyRequest {
        QString id;
        VerificationMethod method = VerificationMethod::DeskReview;
        std::optional<Decimal> value; // the reported value when absent
        std::optional<QDate> date;    // today when absent
        QString reason;               // needed when the value differs from the reported one
        QString note;
        QStringList evidencePaths; // files attached to the observation with the verification
        QString evidenceId; // or evidence already attached to the observation (a field return)
        QString sampleId;   // set by a closed sample
    };
    Result<Verification> verify(const VerifyRequest& request);
    Status reject(const QString& id, const QString& reason);
    Status query(const QString& id, const QString& reason);
    // An officer corrects a verified (or rejected) observation: a linked replacement, as a draft.
    Result<QString> supersede(const QString& id, const Decimal& value, const QString& reason);

    // The reconciliation of the observation's figure against its register, if the indicator
    // has one: the verifier sees it before deciding.
    Result<std::optional<ReconciliationRow>> reconciliation(const Observation& observation);

    // The verification protocol of the DLI measured by the indicator, if any.
    const VerificationProtocol* protocolOf(const QString& indicator) const;
    // Checks that the current user may decide on the observation (verifier role, four eyes).
    Status checkVerifier(const Observation& o, const QString& action);

private:
    Status checkState(const Observation& o, const QStringList& allowed, const QString& action);
    // Writes the observation's new state (and value), the transition, and their audit entries.
    Status move(const Observation& o, const QString& action, const QString& toState,
                const QString& reason, const std::optional<Decimal>& newValue = {},
                const std::optional<QString>& note = {});
    Status submitWithin(const QString& id);
    Status decide(const QString& id, const QString& reason, const QString& toState,
                  const QString& action);
    Result<Verification> verifyWithin(const VerifyRequest& request);

    Session& m_session;
    const Program& m_program;
};

} // namespace dli
