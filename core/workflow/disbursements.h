#pragma once

#include "core/engine/disbursement.h"
#include "core/model/program.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QStringList>

namespace dli {

class Session;

// The disbursement engine over the store: what it takes as known at a moment, and the money
// events managers record, checked against the rules before they are written (docs/
// disbursement.md).
class Disbursements {
    Q_DECLARE_TR_FUNCTIONS(Disbursements)
public:
    Disbursements(Session& session, const Program& program) : m_session(session), m_program(program)
    {}

    // The observations and events as they stood at knownAt (invalid: as they stand now):
    // what was entered, changed, verified or recorded later is left out, whatever its dates.
    Result<DisbursementEngine::Input> inputs(const QDate& asOf, const QDateTime& knownAt = {},
                                             bool forecast = false);
    Result<Disbursement> compute(const QDate& asOf, const QDateTime& knownAt = {},
                                 bool forecast = false);

    // What recording the event would break: first the errors no one may override (unknown
    // codes, a wrong amount or date), then the rules a forced event may override. Writes
    // nothing; the event dialogs show it before confirming.
    struct Check {
        QStringList errors;
        QStringList refusals;
    };
    Result<Check> check(const DisbursementEvent& event);
    // Records the event (managers only) when it keeps every rule, or when forced with a
    // reason; returns it with its id and sequence.
    Result<DisbursementEvent> record(DisbursementEvent event, bool force);
    Result<QList<DisbursementEvent>> events();

private:
    Session& m_session;
    const Program& m_program;
};

} // namespace dli
