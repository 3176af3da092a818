#include "core/package/field_branch.h"

#include "core/package/field_return.h"
#include "core/package/manifest_parts.h"
#include "core/storage/database.h"
#include "core/storage/field_exchange_store.h"

#include <QHash>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

Error altered(const QString& path, const QString& why)
{
    Error e(
        ErrorCode::InvalidInput,
        FieldBranch::tr("the return was altered or damaged: %1; nothing was imported").arg(why));
    e.location = path;
    return e;
}

// A changeset's values by column name.
class Named {
public:
    Named(const QStringList& columns, const QVariantList& values)
        : m_columns(columns), m_values(values)
    {}
    QVariant value(const QString& column) const
    {
        const qsizetype i = m_columns.indexOf(column);
        return i >= 0 && i < m_values.size() ? m_values.at(i) : QVariant();
    }
    QString text(const QString& column) const
    {
        const QVariant v = value(column);
        return v.isNull() ? QString() : v.toString();
    }
    QByteArray raw(const QString& column) const { return text(column).toUtf8(); }

private:
    const QStringList& m_columns;
    const QVariantList& m_values;
};

AuditEntry entryFrom(const Named& v)
{
    AuditEntry e;
    e.seq = v.value(u"seq"_s).toLongLong();
    e.at = QDateTime::fromString(v.text(u"at"_s), Qt::ISODateWithMs);
    e.user = v.text(u"user_name"_s);
    e.action = v.text(u"action"_s);
    e.table = v.text(u"table_name"_s);
    e.rowId = v.text(u"row_id"_s);
    e.oldValues = v.raw(u"old_values"_s);
    e.newValues = v.raw(u"new_values"_s);
    e.details = v.raw(u"details"_s);
    e.prevHash = v.text(u"prev_hash"_s);
    e.hash = v.text(u"hash"_s);
    return e;
}

} // namespace

Result<FieldBranch> FieldBranch::read(FieldExchangeStore& store,
                                      const QList<Database::Change>& changes,
                                      const ReturnManifest& m, const QString& path)
{
    QHash<QString, QStringList> columns;
    auto columnsOf = [&](const QString& table) -> Result<QStringList> {
        if (!columns.contains(table)) {
            QStringList names;
            DLI_ASSIGN(names, store.columns(table));
            columns.insert(table, names);
        }
        return columns.value(table);
    };
    FieldBranch branch;
    const QStringList& audited = AuditLog::auditedTables();
    // Kept on the laptop only: its logins and its own meta rows.
    const QStringList ignored{u"logins"_s, u"meta"_s};
    for (const Database::Change& c : changes) {
        QStringList names;
        DLI_ASSIGN(names, columnsOf(c.table));
        if (c.table == "audit_log"_L1) {
            if (c.op != "insert"_L1)
                return altered(path, tr("an audit entry of the office was changed or removed"));
            branch.entries << entryFrom(Named(names, c.newValues));
        } else if (c.table == "evidence_contents"_L1) {
            if (c.op != "insert"_L1)
                return altered(path, tr("stored evidence content was changed or removed"));
            const Named v(names, c.newValues);
            const QByteArray bytes = v.value(u"content"_s).toByteArray();
            if (package::sha256Hex(bytes) != c.key)
                return altered(path,
                               tr("evidence content does not match its SHA-256 %1").arg(c.key));
            branch.contents.insert(c.key, bytes);
        } else if (!audited.contains(c.table) && !ignored.contains(c.table)) {
            return altered(
                path, tr("it changes the table %1, which a field copy never changes").arg(c.table));
        }
    }
    std::sort(branch.entries.begin(), branch.entries.end(),
              [](const AuditEntry& a, const AuditEntry& b) { return a.seq < b.seq; });
    if (branch.entries.size() != m.fieldAuditEntries)
        return altered(path, tr("it holds %1 field audit entries where its manifest says %2")
                                 .arg(branch.entries.size())
                                 .arg(m.fieldAuditEntries));
    QString previous = m.baseAuditHash;
    std::int64_t expected = m.baseAuditSeq + 1;
    QHash<std::int64_t, const AuditEntry*> bySeq;
    for (const AuditEntry& e : branch.entries) {
        if (e.seq != expected || e.prevHash != previous || AuditLog::hashOf(e) != e.hash)
            return altered(path, tr("the field audit entry %1 does not continue the chain from "
                                    "the office's entry %2")
                                     .arg(e.seq)
                                     .arg(m.baseAuditSeq));
        previous = e.hash;
        ++expected;
        bySeq.insert(e.seq, &e);
    }
    if (previous != (branch.entries.isEmpty() ? m.baseAuditHash : m.fieldAuditHead))
        return altered(path, tr("the field audit log does not end at the head its manifest "
                                "names"));
    for (const Database::Change& c : changes) {
        if (!audited.contains(c.table) || c.table == "meta"_L1)
            continue;
        bool covered = false;
        if (c.op == "delete"_L1) {
            for (const AuditEntry& e : branch.entries)
                covered = covered || e.table == c.table;
        } else {
            QStringList names;
            DLI_ASSIGN(names, columnsOf(c.table));
            const QVariant ref = Named(names, c.newValues).value(u"audit_ref"_s);
            const AuditEntry* e =
                ref.isValid() && !ref.isNull() ? bySeq.value(ref.toLongLong(), nullptr) : nullptr;
            covered = e && e->table == c.table && (e->rowId == c.key || e->rowId.isEmpty());
        }
        if (!covered)
            return altered(path, tr("the row %1 of %2 was changed on the laptop without an "
                                    "audit entry, outside DLI Tracker")
                                     .arg(c.key, c.table));
    }
    return branch;
}

} // namespace dli
