#pragma once

#include "core/model/observation.h"
#include "core/model/program.h"
#include "core/model/validation_rule.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace dli {

class Session;

// One observation typed by an officer, as the window's entry form holds it: text as typed, so
// that a wrong period or value can be named before anything is parsed or stored.
struct ObservationInput {
    QString indicator; // code
    QString period;    // FY2025-Q1, 2024-25 Q1, FY25Q1 ...
    QString orgUnit;   // code
    QString category;  // empty when the indicator has no disaggregation
    QString value;     // an exact decimal
    QString source;
    QString note;
};

// Entering observations one at a time, with the checks an import applies to each row: the
// fields' types, the built-in checks (ObservationChecker: indicator, org unit, level, frequency,
// categories, periods, value range), one observation per key, and the program's validation
// rules over the figures as they would stand. Each write is one transaction with one audit
// entry per row, as the workflow writes them.
class ObservationEntry {
    Q_DECLARE_TR_FUNCTIONS(ObservationEntry)
public:
    struct Problem {
        // "indicator", "period", "org_unit", "category", "value", or empty for the row as a
        // whole.
        QString field;
        Severity severity = Severity::Error;
        QString message;
    };

    ObservationEntry(Session& session, const Program& program)
        : m_session(session), m_program(program)
    {}

    // Everything wrong with the input, errors and warnings, as an import would find it; empty
    // when it can be saved. amending: the id of the stored observation the input would change
    // (its key must then be the stored one's), which the duplicate and rule checks leave out.
    Result<QList<Problem>> check(const ObservationInput& input, const QString& amending = {});

    // Stores a new draft reported by the current user (officers), refusing input with errors:
    // the Error's details list them as "field: message". id: the id to give it (to put back a
    // draft that removeDraft() took away); empty for a new one. Audited as "observation.add".
    Result<QString> create(const ObservationInput& input, const QString& id = {});

    // Takes a draft away again (the undo of create()), with an "observation.delete" audit entry
    // keeping its hash: only its reporter may, and only while it is a draft with no evidence,
    // that replaces nothing. Its amend transitions go with it.
    Status removeDraft(const QString& id);

    // Corrects a draft or queried observation (Workflow::amend) after checking the new value as
    // check() does; note: the new note, or nullopt to keep it.
    Status amend(const QString& id, const QString& value, const std::optional<QString>& note = {});

    // The input that gives an observation as it is stored, for the entry form.
    static ObservationInput inputOf(const Observation& o);

private:
    Result<Observation> parse(const ObservationInput& input, QList<Problem>& problems) const;
    Status checkRules(const Observation& candidate, const QString& amending,
                      const QList<Observation>& stored, QList<Problem>& problems);
    static Error refusal(const QString& what, const QList<Problem>& problems);

    Session& m_session;
    const Program& m_program;
};

} // namespace dli
