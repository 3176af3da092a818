#include "core/package/field_import.h"

#include "core/auth/auth.h"
#include "core/engine/photo_metadata.h"
#include "core/package/field_branch.h"
#include "core/package/field_replay.h"
#include "core/package/field_return.h"
#include "core/package/manifest_parts.h"
#include "core/storage/field_exchange_store.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

using RowKey = std::pair<QString, QString>; // table, id

QDate packageDayOf(const ReturnManifest& m)
{
    return PhotoMetadata::pakistanDay(m.packageCreatedAt);
}

// One import in progress: the loop over the field branch.
class Importer {
public:
    Importer(Session& office, const Program& program, const ReturnManifest& manifest,
             const FieldBranch& branch, FieldImportRecord& record)
        : m_office(office), m_store(office.database()), m_manifest(manifest), m_branch(branch),
          m_record(record), m_replay(office, program, manifest.packageId, packageDayOf(manifest))
    {}

    Result<QList<FieldChange>> run(const FieldImport::Progress& progress)
    {
        DLI_ASSIGN(m_known, m_store.changesOf(m_manifest.packageId));
        QList<FieldConflict> open;
        DLI_ASSIGN(open, m_store.conflicts(true));
        for (const FieldConflict& k : open) {
            if (k.packageId == m_manifest.packageId)
                m_held.insert({k.table, k.rowId}, k.id);
        }
        DLI_TRY(m_replay.noteSampleFirms(m_branch.entries));
        const int total = static_cast<int>(m_branch.entries.size());
        for (int i = 0; i < total; ++i) {
            if (progress && !progress(i, total))
                return Error(ErrorCode::Usage,
                             FieldImport::tr("the import was cancelled; nothing was imported"));
            DLI_TRY(take(m_branch.entries.at(i)));
        }
        if (progress)
            progress(total, total);
        return m_changes;
    }

private:
    Status take(const AuditEntry& e)
    {
        const QJsonObject row = QJsonDocument::fromJson(e.newValues).object();
        if (e.action == "verification.add"_L1)
            m_verifications.insert(row.value("observation_id"_L1).toString(), row);
        // Closing a sample decides its observation: the decision comes with the close.
        if (e.action == "observation.verify"_L1 || e.action == "observation.reject"_L1) {
            if (m_decidedBySample.remove(e.rowId))
                return {};
        }
        if (e.action == "sample.close"_L1)
            m_decidedBySample.insert(row.value("observation_id"_L1).toString());
        QString why;
        const FieldReplay::Kind kind = FieldReplay::kindOf(e, &why);
        if (kind == FieldReplay::Kind::Derived || m_known.contains(e.hash))
            return {};
        FieldChange c;
        c.id = m_office.options().newId();
        c.importId = m_record.id;
        c.packageId = m_manifest.packageId;
        c.fieldHash = e.hash;
        c.fieldSeq = e.seq;
        c.fieldUser = e.user;
        c.fieldAt = e.at;
        c.action = e.action;
        c.table = e.table;
        c.rowId = e.rowId;
        if (kind != FieldReplay::Kind::Replayed) {
            c.outcome =
                (kind == FieldReplay::Kind::Noted ? FieldChange::Noted : FieldChange::Refused)
                    .toString();
            c.reason = why;
            if (kind == FieldReplay::Kind::Refused)
                ++m_record.refused;
            return record(c);
        }
        FieldAction a{e, row, {}};
        if (e.action == "observation.verify"_L1)
            a.verification = m_verifications.value(e.rowId);
        QList<RowKey> targets;
        DLI_ASSIGN(targets, m_replay.targets(a));
        QString held;
        DLI_ASSIGN(held, conflictWith(targets));
        if (!held.isEmpty())
            return hold(c, m_replay.withOfficeEvidence(a), targets, held);
        const Status applied = m_replay.apply(a, m_branch.contents);
        if (applied) {
            c.outcome = FieldChange::Applied.toString();
            ++m_record.applied;
        } else {
            c.outcome = FieldChange::Refused.toString();
            c.reason = applied.error().message;
            ++m_record.refused;
        }
        return record(c);
    }

    // Why the change must wait as a conflict, or nothing.
    Result<QString> conflictWith(const QList<RowKey>& targets)
    {
        for (const RowKey& t : targets) {
            if (m_held.contains(t))
                return FieldImport::tr("it follows an earlier field change to %1 %2, which waits "
                                       "as conflict %3")
                    .arg(t.first, t.second, m_held.value(t).left(8));
            std::optional<std::int64_t> ref;
            DLI_ASSIGN(ref, m_store.auditRef(t.first, t.second));
            if (!ref || *ref <= m_manifest.baseAuditSeq)
                continue;
            std::optional<AuditEntry> entry;
            DLI_ASSIGN(entry, m_store.auditEntry(*ref));
            if (!entry)
                continue;
            const QJsonObject details = QJsonDocument::fromJson(entry->details).object();
            if (details.value("field_package"_L1).toString() == m_manifest.packageId)
                continue; // written by an earlier import of this package
            const QString what =
                t == targets.constFirst()
                    ? FieldImport::tr("the office changed it")
                    : FieldImport::tr("the office changed %1 %2").arg(t.first, t.second);
            return FieldImport::tr("%1 since the package was made: %2 by %3 on %4 (audit entry "
                                   "%5)")
                .arg(what, entry->action, entry->user,
                     entry->at.toUTC().toString(u"yyyy-MM-dd HH:mm"_s))
                .arg(entry->seq);
        }
        return QString();
    }

    Status hold(FieldChange& c, const FieldAction& a, const QList<RowKey>& targets,
                const QString& reason)
    {
        FieldConflict k;
        k.id = m_office.options().newId();
        k.changeId = c.id;
        k.packageId = m_manifest.packageId;
        k.table = targets.constFirst().first;
        k.rowId = targets.constFirst().second;
        k.action = a.entry.action;
        k.fieldUser = a.entry.user;
        k.fieldAt = a.entry.at;
        k.reason = reason;
        std::optional<QByteArray> office;
        DLI_ASSIGN(office, m_office.audit().snapshot(k.table, k.rowId));
        k.officeValues = office.value_or(QByteArray());
        QJsonObject field = a.toJson();
        field.insert(u"package_day"_s, packageDayOf(m_manifest).toString(Qt::ISODate));
        k.fieldValues = QJsonDocument(field).toJson(QJsonDocument::Compact);
        c.outcome = FieldChange::Conflict.toString();
        c.reason = reason;
        c.conflictId = k.id;
        ++m_record.conflicts;
        DLI_TRY(record(c));
        DLI_TRY(m_store.insertConflict(k));
        auto entry = m_office.audit().recordRow(
            u"conflict.add"_s, u"conflicts"_s, k.id, std::nullopt,
            QJsonObject{{u"field_package"_s, k.packageId}, {u"field_entry"_s, a.entry.hash}});
        if (!entry)
            return entry.error();
        for (const RowKey& t : targets)
            m_held.insert(t, k.id);
        return {};
    }

    Status record(const FieldChange& c)
    {
        DLI_TRY(m_store.insertChange(c));
        m_changes << c;
        return {};
    }

    Session& m_office;
    FieldExchangeStore m_store;
    const ReturnManifest& m_manifest;
    const FieldBranch& m_branch;
    FieldImportRecord& m_record;
    FieldReplay m_replay;
    QHash<QString, FieldChange> m_known;
    QHash<RowKey, QString> m_held; // rows of open conflicts of this package -> conflict id
    QHash<QString, QJsonObject> m_verifications;
    QSet<QString> m_decidedBySample;
    QList<FieldChange> m_changes;
};

Error refusedWhole(const QString& path, const QString& why)
{
    Error e(ErrorCode::InvalidInput, FieldImport::tr("%1; nothing was imported").arg(why));
    e.location = path;
    return e;
}

} // namespace

Result<FieldImportReport> FieldImport::run(Session& office, const QString& path,
                                           const QByteArray& passphrase, const Progress& progress)
{
    DLI_TRY(Auth::require(office, {Role::Verifier, Role::Manager, Role::Admin},
                          tr("importing a field return"), true));
    FieldReturn::Opened opened;
    DLI_ASSIGN(opened, FieldReturn::open(path, passphrase));
    const ReturnManifest& m = opened.manifest;
    if (m.sourceDatabaseId != office.databaseId())
        return refusedWhole(path, tr("this return was made for the database %1, not this one (%2)")
                                      .arg(m.sourceDatabaseId, office.databaseId()));
    FieldExchangeStore store(office.database());
    std::optional<AuditEntry> base;
    DLI_ASSIGN(base, store.auditEntry(m.baseAuditSeq));
    if (!base || base->hash != m.baseAuditHash)
        return refusedWhole(path, tr("the office audit log has no entry %1 with the hash the "
                                     "package was cut at: the database was restored from an "
                                     "older backup, or the return is not this database's")
                                      .arg(m.baseAuditSeq));
    FieldBranch branch;
    DLI_ASSIGN(branch, FieldBranch::read(store, opened.changes, m, path));
    Program program;
    DLI_ASSIGN(program, office.programs().load());

    FieldImportReport report;
    FieldImportRecord& r = report.record;
    r.id = office.options().newId();
    r.packageId = m.packageId;
    r.returnSha256 = package::sha256Hex(opened.changeset);
    r.fieldHead = m.fieldAuditHead;
    r.assignee = m.assignee;
    r.importedBy = office.options().userName;
    r.importedAt = office.options().now().toUTC();

    Transaction tx(office.database());
    DLI_TRY(tx.begun());
    DLI_TRY(store.insertImport(r));
    Importer importer(office, program, m, branch, r);
    DLI_ASSIGN(report.changes, importer.run(progress));
    if (report.changes.isEmpty()) {
        // Nothing new: the transaction is rolled back, the database stays as it was.
        report.alreadyImported = true;
        std::optional<FieldImportRecord> earlier;
        DLI_ASSIGN(earlier, store.importOfReturn(r.returnSha256));
        if (!earlier) {
            QList<FieldImportRecord> all;
            DLI_ASSIGN(all, store.imports());
            for (const FieldImportRecord& i : all) {
                if (i.packageId == m.packageId) {
                    earlier = i;
                    break;
                }
            }
        }
        if (earlier)
            r = *earlier;
        return report;
    }
    std::int64_t seq = 0;
    DLI_ASSIGN(seq, office.audit().nextSeq());
    DLI_TRY(store.finishImport(r, seq));
    auto entry = office.audit().recordBulk(u"package.import"_s,
                                           QJsonObject{{u"package_id"_s, m.packageId},
                                                       {u"assignee"_s, m.assignee},
                                                       {u"file"_s, QFileInfo(path).fileName()},
                                                       {u"return_sha256"_s, r.returnSha256},
                                                       {u"field_head"_s, m.fieldAuditHead},
                                                       {u"applied"_s, r.applied},
                                                       {u"conflicts"_s, r.conflicts},
                                                       {u"refused"_s, r.refused}});
    if (!entry)
        return entry.error();
    DLI_TRY(tx.commit());
    emit office.notifier().observationsChanged();
    emit office.notifier().evidenceChanged();
    return report;
}

Result<QList<FieldImportRecord>> FieldImport::imports(Session& office)
{
    return FieldExchangeStore(office.database()).imports();
}

Result<QList<FieldChange>> FieldImport::changesOf(Session& office, const QString& importId)
{
    return FieldExchangeStore(office.database()).changesOfImport(importId);
}

Result<QList<FieldConflict>> FieldImport::conflicts(Session& office, bool openOnly)
{
    return FieldExchangeStore(office.database()).conflicts(openOnly);
}

Result<FieldConflict> FieldImport::resolve(Session& office, const QString& conflictId,
                                           QStringView keep)
{
    DLI_TRY(Auth::require(office, {Role::Verifier}, tr("resolving a conflict"), true));
    if (keep != FieldConflict::KeepOffice && keep != FieldConflict::KeepField)
        return Error(ErrorCode::Usage, tr("keep office or field, not %1").arg(keep));
    FieldExchangeStore store(office.database());
    FieldConflict k;
    DLI_ASSIGN(k, store.conflict(conflictId));
    if (k.state != u"open"_s)
        return Error(ErrorCode::Conflict, tr("conflict %1 was resolved already (%2 by %3 on %4)")
                                              .arg(k.id.left(8), k.resolution, k.resolvedBy,
                                                   k.resolvedAt.toString(u"yyyy-MM-dd"_s)));
    Transaction tx(office.database());
    DLI_TRY(tx.begun());
    if (keep == FieldConflict::KeepField) {
        const QJsonObject field = QJsonDocument::fromJson(k.fieldValues).object();
        Program program;
        DLI_ASSIGN(program, office.programs().load());
        FieldReplay replay(
            office, program, k.packageId,
            QDate::fromString(field.value("package_day"_L1).toString(), Qt::ISODate));
        const Status applied =
            replay.apply(FieldAction::fromJson(field), {}, QJsonObject{{u"conflict"_s, k.id}});
        if (!applied) {
            Error e = applied.error();
            e.message = tr("the field's version cannot be kept: %1; the conflict stays open")
                            .arg(e.message);
            return e;
        }
    }
    std::optional<QByteArray> before;
    DLI_ASSIGN(before, office.audit().snapshot(u"conflicts"_s, k.id));
    DLI_TRY(store.resolveConflict(k.id, keep.toString(), office.options().userName,
                                  office.options().now()));
    auto entry = office.audit().recordRow(u"conflict.resolve"_s, u"conflicts"_s, k.id, before,
                                          QJsonObject{{u"resolution"_s, keep.toString()}});
    if (!entry)
        return entry.error();
    DLI_TRY(tx.commit());
    emit office.notifier().observationsChanged();
    return store.conflict(k.id);
}

} // namespace dli
