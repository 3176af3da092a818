#pragma once

#include "core/audit/audit_log.h"
#include "core/model/program.h"
#include "core/result.h"
#include "core/storage/session.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <utility>

namespace dli {

// A change a core service made on the laptop, as its field audit entry tells it.
struct FieldAction {
    AuditEntry entry;
    QJsonObject row;          // the row the entry wrote, as written
    QJsonObject verification; // for observation.verify: the verification recorded with it

    // What a conflict keeps of it, to replay it when the field's version is kept.
    QJsonObject toJson() const;
    static FieldAction fromJson(const QJsonObject& json);
};

// Replays field changes at the office through the core services, as their author made them:
// the roles, the four-eyes rule, the workflow's states and every other rule are checked as if
// the change were made at the office now (docs/field-packages.md, "Back to the office").
class FieldReplay {
    Q_DECLARE_TR_FUNCTIONS(FieldReplay)
public:
    enum class Kind {
        Replayed, // verification decisions, sample outcomes and closes, evidence
        Derived,  // written by a replayed change itself (transitions, verification rows)
        Noted,    // changes no row (a lock-out, a backup): kept in the field's log only
        Refused,  // not something a field copy hands back (submissions, accounts, the program)
    };
    // What becomes of a field entry; `why` says it for noted and refused ones.
    static Kind kindOf(const AuditEntry& entry, QString* why);

    // `context` is added to the details of every office audit entry the replay writes (the
    // package and the field entry are added per change); `packageDay` starts the visit.
    FieldReplay(Session& office, const Program& program, const QString& packageId,
                const QDate& packageDay)
        : m_office(office), m_program(program), m_packageId(packageId), m_packageDay(packageDay)
    {}

    // The office rows the change rests on and writes: where a conflict is looked for. The
    // first is the row the change is about.
    Result<QList<std::pair<QString, QString>>> targets(const FieldAction& action);

    // Replays it as its author. `contents` gives evidence content by SHA-256 (the return's);
    // content the office already holds is read from it. `extra` joins the audit context.
    Status apply(const FieldAction& action, const QHash<QString, QByteArray>& contents,
                 const QJsonObject& extra = {});
    // Photos recorded with a sample's rows are judged against the row's firm: learns which from
    // the branch's sample.record entries, before the attachments are replayed.
    Status noteSampleFirms(const QList<AuditEntry>& branch);
    // The office's id for a field evidence id: the same, unless the office already held the same
    // file on the same target when the field's attachment was replayed.
    QString officeEvidence(const QString& fieldId) const
    {
        return m_evidence.value(fieldId, fieldId);
    }
    // The action with its evidence ids as the office knows them (before it is kept in a conflict).
    FieldAction withOfficeEvidence(FieldAction action) const;

private:
    Status dispatch(const FieldAction& action, const QHash<QString, QByteArray>& contents);
    Status attach(const FieldAction& action, const QHash<QString, QByteArray>& contents);
    Session& m_office;
    const Program& m_program;
    QString m_packageId;
    QDate m_packageDay;
    QHash<QString, QString> m_evidence; // field evidence id -> office evidence id, when they differ
    QHash<QString, QString> m_sampleFirm; // field evidence id -> firm code of its sample row
};

} // namespace dli
