#include "core/package/field_replay.h"

#include "core/engine/photo_metadata.h"
#include "core/io/evidence_service.h"
#include "core/storage/field_exchange_store.h"
#include "core/workflow/samples.h"
#include "core/workflow/workflow.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString text(const QJsonObject& row, QLatin1StringView key)
{
    return row.value(key).toString();
}

QJsonObject entryJson(const AuditEntry& e)
{
    return QJsonObject{{u"seq"_s, static_cast<qint64>(e.seq)},
                       {u"at"_s, e.at.toUTC().toString(Qt::ISODateWithMs)},
                       {u"user"_s, e.user},
                       {u"action"_s, e.action},
                       {u"table"_s, e.table},
                       {u"row_id"_s, e.rowId},
                       {u"details"_s, QJsonDocument::fromJson(e.details).object()},
                       {u"hash"_s, e.hash}};
}

} // namespace

QJsonObject FieldAction::toJson() const
{
    QJsonObject o{{u"entry"_s, entryJson(entry)}, {u"row"_s, row}};
    if (!verification.isEmpty())
        o.insert(u"verification"_s, verification);
    return o;
}

FieldAction FieldAction::fromJson(const QJsonObject& json)
{
    const QJsonObject e = json.value("entry"_L1).toObject();
    FieldAction a;
    a.entry.seq = e.value("seq"_L1).toInteger();
    a.entry.at = QDateTime::fromString(e.value("at"_L1).toString(), Qt::ISODateWithMs);
    a.entry.user = e.value("user"_L1).toString();
    a.entry.action = e.value("action"_L1).toString();
    a.entry.table = e.value("table"_L1).toString();
    a.entry.rowId = e.value("row_id"_L1).toString();
    const QJsonObject details = e.value("details"_L1).toObject();
    if (!details.isEmpty())
        a.entry.details = AuditLog::canonical(details);
    a.entry.hash = e.value("hash"_L1).toString();
    a.row = json.value("row"_L1).toObject();
    a.verification = json.value("verification"_L1).toObject();
    return a;
}

FieldReplay::Kind FieldReplay::kindOf(const AuditEntry& e, QString* why)
{
    static const QStringList replayed{u"evidence.attach"_s,    u"observation.verify"_s,
                                      u"observation.reject"_s, u"observation.query"_s,
                                      u"sample.record"_s,      u"sample.close"_s};
    static const QStringList derived{u"transition.add"_s, u"verification.add"_s,
                                     u"observation.superseded"_s};
    if (replayed.contains(e.action))
        return Kind::Replayed;
    if (derived.contains(e.action))
        return Kind::Derived;
    if (e.table.isEmpty()) {
        if (why)
            *why = tr("%1 changes no row; it stays in the field's log").arg(e.action);
        return Kind::Noted;
    }
    if (why)
        *why = tr("%1 is not taken from a field copy: the field hands back verification "
                  "decisions, sample outcomes and evidence")
                   .arg(e.action);
    return Kind::Refused;
}

Result<QList<std::pair<QString, QString>>> FieldReplay::targets(const FieldAction& a)
{
    QList<std::pair<QString, QString>> out;
    const QString& action = a.entry.action;
    if (action.startsWith("observation."_L1)) {
        out.append({u"observations"_s, a.entry.rowId});
    } else if (action == "sample.record"_L1) {
        out.append({u"sample_items"_s, a.entry.rowId});
    } else if (action == "sample.close"_L1) {
        // The close rests on every outcome of the sample, and decides its observation.
        out.append({u"samples"_s, a.entry.rowId});
        auto sample = Samples(m_office, m_program).find(a.entry.rowId);
        if (sample) {
            for (const SampleItem& item : sample->items)
                out.append({u"sample_items"_s, item.id});
            out.append({u"observations"_s, sample->observationId});
        }
    }
    return out;
}

Status FieldReplay::apply(const FieldAction& a, const QHash<QString, QByteArray>& contents,
                          const QJsonObject& extra)
{
    std::optional<User> author;
    DLI_ASSIGN(author, m_office.users().find(a.entry.user));
    if (!author)
        return Error(ErrorCode::Forbidden, tr("%1 has no account at the office").arg(a.entry.user));
    if (author->disabled)
        return Error(ErrorCode::Forbidden,
                     tr("the account %1 is disabled at the office").arg(a.entry.user));
    Session::ActingAs as(m_office, *author);
    QJsonObject context{{u"field_package"_s, m_packageId},
                        {u"field_entry"_s, a.entry.hash},
                        {u"field_at"_s, a.entry.at.toUTC().toString(Qt::ISODate)}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        context.insert(it.key(), it.value());
    const QJsonObject saved = m_office.audit().context();
    const auto savedVisit = m_office.fieldVisit();
    m_office.audit().setContext(context);
    m_office.setFieldVisit(
        Session::FieldVisit{m_packageDay, PhotoMetadata::pakistanDay(a.entry.at)});
    Status done = dispatch(a, contents);
    m_office.audit().setContext(saved);
    m_office.setFieldVisit(savedVisit);
    return done;
}

Status FieldReplay::dispatch(const FieldAction& a, const QHash<QString, QByteArray>& contents)
{
    const QString& action = a.entry.action;
    const QJsonObject& row = a.row;
    const QString reason =
        QJsonDocument::fromJson(a.entry.details).object().value("reason"_L1).toString();
    Workflow workflow(m_office, m_program);
    if (action == "evidence.attach"_L1)
        return attach(a, contents);
    if (action == "observation.reject"_L1)
        return workflow.reject(a.entry.rowId, reason);
    if (action == "observation.query"_L1)
        return workflow.query(a.entry.rowId, reason);
    if (action == "observation.verify"_L1) {
        const QJsonObject& v = a.verification;
        if (v.isEmpty())
            return Error(ErrorCode::InvalidInput,
                         tr("the return lacks the verification recorded with it"));
        Workflow::VerifyRequest r;
        r.id = a.entry.rowId;
        const auto method = enumFromString(kVerificationMethodNames, text(v, "method"_L1));
        if (!method)
            return Error(ErrorCode::InvalidInput,
                         tr("unknown verification method %1").arg(text(v, "method"_L1)));
        r.method = *method;
        Decimal value;
        DLI_ASSIGN(value, Decimal::parse(text(v, "verified_value"_L1)));
        r.value = value;
        r.date = QDate::fromString(text(v, "verified_on"_L1), Qt::ISODate);
        r.reason = text(v, "reason"_L1);
        r.note = text(v, "note"_L1);
        r.evidenceId = officeEvidence(text(v, "evidence_id"_L1));
        auto verified = workflow.verify(r);
        if (!verified)
            return verified.error();
        return {};
    }
    Samples samples(m_office, m_program);
    if (action == "sample.record"_L1) {
        const auto outcome = enumFromString(kSampleOutcomeNames, text(row, "outcome"_L1));
        if (!outcome)
            return Error(ErrorCode::InvalidInput,
                         tr("unknown sample outcome %1").arg(text(row, "outcome"_L1)));
        return samples.record(text(row, "sample_id"_L1), text(row, "row_key"_L1), *outcome,
                              text(row, "note"_L1), {},
                              officeEvidence(text(row, "evidence_id"_L1)));
    }
    if (action == "sample.close"_L1) {
        auto closed = samples.close(a.entry.rowId);
        if (!closed)
            return closed.error();
        return {};
    }
    return Error(ErrorCode::Usage, tr("%1 cannot be replayed").arg(action));
}

Status FieldReplay::attach(const FieldAction& a, const QHash<QString, QByteArray>& contents)
{
    const QJsonObject& row = a.row;
    EvidenceService::Received file;
    file.id = text(row, "id"_L1);
    file.fileName = text(row, "file_name"_L1);
    file.mimeType = text(row, "mime_type"_L1);
    file.firmCode = m_sampleFirm.value(file.id);
    const QString sha = text(row, "sha256"_L1);
    if (contents.contains(sha)) {
        file.bytes = contents.value(sha);
    } else {
        std::optional<QByteArray> held;
        DLI_ASSIGN(held, FieldExchangeStore(m_office.database()).evidenceContent(sha));
        if (!held)
            return Error(
                ErrorCode::InvalidInput,
                tr("the return lacks the content of %1 (SHA-256 %2)").arg(file.fileName, sha));
        file.bytes = *held;
    }
    Evidence::Target target = Evidence::Target::Observation;
    QString key = text(row, "observation_id"_L1);
    if (row.value("firm_id"_L1).isString()) {
        target = Evidence::Target::Firm;
        QHash<QString, QString> firms;
        DLI_ASSIGN(firms, m_office.registers().firmIds());
        key = firms.key(text(row, "firm_id"_L1));
        if (key.isEmpty())
            return Error(ErrorCode::NotFound,
                         tr("the firm of %1 is not in the office's register").arg(file.fileName));
    } else if (row.value("service_id"_L1).isString()) {
        target = Evidence::Target::Service;
        key = text(row, "service_id"_L1);
    }
    auto attached = EvidenceService::attachReceived(m_office, target, key, file);
    if (attached)
        return {};
    if (attached.error().code != ErrorCode::Conflict)
        return attached.error();
    // The office holds the same file on the same target already: the field's evidence is that.
    QList<Evidence> held;
    DLI_ASSIGN(held, m_office.evidence().list(EvidenceRepository::TargetKey{target, key}));
    for (const Evidence& e : held) {
        if (e.sha256 == sha) {
            m_evidence.insert(file.id, e.id);
            return {};
        }
    }
    return attached.error();
}

Status FieldReplay::noteSampleFirms(const QList<AuditEntry>& branch)
{
    Samples samples(m_office, m_program);
    QHash<QString, QString> kinds; // sample id -> its key kind
    for (const AuditEntry& e : branch) {
        if (e.action != "sample.record"_L1)
            continue;
        const QJsonObject row = QJsonDocument::fromJson(e.newValues).object();
        const QString evidence = text(row, "evidence_id"_L1);
        const QString sample = text(row, "sample_id"_L1);
        if (evidence.isEmpty())
            continue;
        if (!kinds.contains(sample)) {
            auto found = samples.find(sample);
            kinds.insert(sample, found ? found->keyKind : QString());
        }
        if (kinds.value(sample) == "firm code"_L1)
            m_sampleFirm.insert(evidence, text(row, "row_key"_L1));
    }
    return {};
}

FieldAction FieldReplay::withOfficeEvidence(FieldAction a) const
{
    if (a.row.contains("evidence_id"_L1) && a.row.value("evidence_id"_L1).isString())
        a.row.insert(u"evidence_id"_s, officeEvidence(text(a.row, "evidence_id"_L1)));
    if (a.verification.value("evidence_id"_L1).isString())
        a.verification.insert(u"evidence_id"_s,
                              officeEvidence(text(a.verification, "evidence_id"_L1)));
    return a;
}

} // namespace dli
