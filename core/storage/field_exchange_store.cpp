#include "core/storage/field_exchange_store.h"

#include "core/storage/database.h"

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QDateTime fromIso(const QString& text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

const QString kImportColumns = u"id, package_id, return_sha256, field_head, assignee, "
                               "imported_by, imported_at, applied, conflicts, refused"_s;

FieldImportRecord importAt(const Statement& row)
{
    FieldImportRecord r;
    r.id = row.text(0);
    r.packageId = row.text(1);
    r.returnSha256 = row.text(2);
    r.fieldHead = row.text(3);
    r.assignee = row.text(4);
    r.importedBy = row.text(5);
    r.importedAt = fromIso(row.text(6));
    r.applied = row.integer(7);
    r.conflicts = row.integer(8);
    r.refused = row.integer(9);
    return r;
}

const QString kChangeColumns =
    u"c.id, c.import_id, c.package_id, c.field_hash, c.field_seq, c.field_user, c.field_at, "
    "c.action, c.table_name, c.row_id, c.outcome, c.reason, coalesce(k.id, '')"_s;

FieldChange changeAt(const Statement& row)
{
    FieldChange c;
    c.id = row.text(0);
    c.importId = row.text(1);
    c.packageId = row.text(2);
    c.fieldHash = row.text(3);
    c.fieldSeq = row.int64(4);
    c.fieldUser = row.text(5);
    c.fieldAt = fromIso(row.text(6));
    c.action = row.text(7);
    c.table = row.text(8);
    c.rowId = row.text(9);
    c.outcome = row.text(10);
    c.reason = row.text(11);
    c.conflictId = row.text(12);
    return c;
}

} // namespace

Result<std::optional<FieldImportRecord>>
FieldExchangeStore::importOfReturn(const QString& returnSha256)
{
    auto stmt = m_db.prepare(u"SELECT "_s + kImportColumns +
                             u" FROM field_imports WHERE return_sha256 = ? ORDER BY imported_at "
                             "LIMIT 1"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, returnSha256);
    bool found = false;
    DLI_ASSIGN(found, stmt->step());
    if (!found)
        return std::optional<FieldImportRecord>();
    return std::optional<FieldImportRecord>(importAt(*stmt));
}

Result<QList<FieldImportRecord>> FieldExchangeStore::imports()
{
    auto stmt = m_db.prepare(u"SELECT "_s + kImportColumns +
                             u" FROM field_imports ORDER BY imported_at DESC, rowid DESC"_s);
    if (!stmt)
        return stmt.error();
    QList<FieldImportRecord> out;
    for (;;) {
        bool row = false;
        DLI_ASSIGN(row, stmt->step());
        if (!row)
            return out;
        out << importAt(*stmt);
    }
}

Result<QHash<QString, FieldChange>> FieldExchangeStore::changesOf(const QString& packageId)
{
    auto stmt = m_db.prepare(u"SELECT "_s + kChangeColumns +
                             u" FROM field_changes c LEFT JOIN conflicts k ON k.change_id = c.id "
                             "WHERE c.package_id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, packageId);
    QHash<QString, FieldChange> out;
    for (;;) {
        bool row = false;
        DLI_ASSIGN(row, stmt->step());
        if (!row)
            return out;
        FieldChange c = changeAt(*stmt);
        out.insert(c.fieldHash, c);
    }
}

Result<QList<FieldChange>> FieldExchangeStore::changesOfImport(const QString& importId)
{
    auto stmt = m_db.prepare(u"SELECT "_s + kChangeColumns +
                             u" FROM field_changes c LEFT JOIN conflicts k ON k.change_id = c.id "
                             "WHERE c.import_id = ? ORDER BY c.field_seq"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, importId);
    QList<FieldChange> out;
    for (;;) {
        bool row = false;
        DLI_ASSIGN(row, stmt->step());
        if (!row)
            return out;
        out << changeAt(*stmt);
    }
}

Status FieldExchangeStore::insertImport(const FieldImportRecord& r)
{
    auto stmt = m_db.prepare(u"INSERT INTO field_imports ("_s + kImportColumns +
                             u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, r.id)
        .bind(2, r.packageId)
        .bind(3, r.returnSha256)
        .bind(4, r.fieldHead)
        .bind(5, r.assignee)
        .bind(6, r.importedBy)
        .bind(7, iso(r.importedAt))
        .bind(8, r.applied)
        .bind(9, r.conflicts)
        .bind(10, r.refused);
    return stmt->exec();
}

Status FieldExchangeStore::finishImport(const FieldImportRecord& r, std::int64_t auditRef)
{
    auto counts = m_db.prepare(u"UPDATE field_imports SET applied = ?, conflicts = ?, refused = ?, "
                               "audit_ref = ? WHERE id = ?"_s);
    if (!counts)
        return counts.error();
    counts->bind(1, r.applied)
        .bind(2, r.conflicts)
        .bind(3, r.refused)
        .bind(4, auditRef)
        .bind(5, r.id);
    DLI_TRY(counts->exec());
    auto changes = m_db.prepare(u"UPDATE field_changes SET audit_ref = ? WHERE import_id = ?"_s);
    if (!changes)
        return changes.error();
    changes->bind(1, auditRef).bind(2, r.id);
    return changes->exec();
}

Status FieldExchangeStore::insertChange(const FieldChange& c)
{
    auto stmt = m_db.prepare(
        u"INSERT INTO field_changes (id, import_id, package_id, field_hash, field_seq, field_user, "
        "field_at, action, table_name, row_id, outcome, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, c.id)
        .bind(2, c.importId)
        .bind(3, c.packageId)
        .bind(4, c.fieldHash)
        .bind(5, static_cast<std::int64_t>(c.fieldSeq))
        .bind(6, c.fieldUser)
        .bind(7, iso(c.fieldAt))
        .bind(8, c.action)
        .bind(9, c.table)
        .bind(10, c.rowId)
        .bind(11, c.outcome)
        .bind(12, c.reason);
    return stmt->exec();
}

Status FieldExchangeStore::insertConflict(const FieldConflict& k)
{
    auto stmt = m_db.prepare(
        u"INSERT INTO conflicts (id, change_id, package_id, table_name, row_id, action, "
        "field_user, field_at, reason, office_values, field_values, state) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, k.id)
        .bind(2, k.changeId)
        .bind(3, k.packageId)
        .bind(4, k.table)
        .bind(5, k.rowId)
        .bind(6, k.action)
        .bind(7, k.fieldUser)
        .bind(8, iso(k.fieldAt))
        .bind(9, k.reason)
        .bindOptional(10, k.officeValues.isEmpty()
                              ? std::nullopt
                              : std::optional<QString>(QString::fromUtf8(k.officeValues)))
        .bind(11, QString::fromUtf8(k.fieldValues));
    return stmt->exec();
}

Status FieldExchangeStore::resolveConflict(const QString& id, const QString& resolution,
                                           const QString& by, const QDateTime& at)
{
    auto stmt = m_db.prepare(u"UPDATE conflicts SET state = 'resolved', resolution = ?, "
                             "resolved_by = ?, resolved_at = ?, audit_ref = NULL WHERE id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, resolution).bind(2, by).bind(3, iso(at)).bind(4, id);
    return stmt->exec();
}

Result<QList<FieldConflict>> FieldExchangeStore::selectConflicts(const QString& where,
                                                                 const QString& bind)
{
    auto stmt = m_db.prepare(
        u"SELECT id, change_id, package_id, table_name, row_id, action, field_user, field_at, "
        "reason, coalesce(office_values, ''), field_values, state, coalesce(resolution, ''), "
        "coalesce(resolved_by, ''), coalesce(resolved_at, '') FROM conflicts WHERE "_s +
        where + u" ORDER BY field_at, rowid"_s);
    if (!stmt)
        return stmt.error();
    if (!bind.isNull())
        stmt->bind(1, bind);
    QList<FieldConflict> out;
    for (;;) {
        bool row = false;
        DLI_ASSIGN(row, stmt->step());
        if (!row)
            return out;
        FieldConflict k;
        k.id = stmt->text(0);
        k.changeId = stmt->text(1);
        k.packageId = stmt->text(2);
        k.table = stmt->text(3);
        k.rowId = stmt->text(4);
        k.action = stmt->text(5);
        k.fieldUser = stmt->text(6);
        k.fieldAt = fromIso(stmt->text(7));
        k.reason = stmt->text(8);
        k.officeValues = stmt->text(9).toUtf8();
        k.fieldValues = stmt->text(10).toUtf8();
        k.state = stmt->text(11);
        k.resolution = stmt->text(12);
        k.resolvedBy = stmt->text(13);
        if (!stmt->text(14).isEmpty())
            k.resolvedAt = fromIso(stmt->text(14));
        out << k;
    }
}

Result<QList<FieldConflict>> FieldExchangeStore::conflicts(bool openOnly)
{
    return selectConflicts(openOnly ? u"state = 'open'"_s : u"1"_s, {});
}

Result<FieldConflict> FieldExchangeStore::conflict(const QString& idOrPrefix)
{
    const QString key = idOrPrefix.trimmed();
    QList<FieldConflict> found;
    DLI_ASSIGN(found, selectConflicts(u"id = ?1"_s, key));
    if (found.isEmpty() && key.size() >= 4) {
        DLI_ASSIGN(found, selectConflicts(u"substr(id, 1, length(?1)) = ?1"_s, key));
    }
    if (found.size() == 1)
        return found.constFirst();
    if (found.isEmpty())
        return Error(
            ErrorCode::NotFound,
            tr("there is no conflict %1; `dlitracker-cli conflicts DB` lists them").arg(key));
    return Error(ErrorCode::Usage,
                 tr("%1 names %2 conflicts; give more of the id").arg(key).arg(found.size()));
}

Result<QStringList> FieldExchangeStore::columns(const QString& table)
{
    auto stmt = m_db.prepare(u"SELECT name FROM pragma_table_info(?) ORDER BY cid"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, table);
    QStringList out;
    for (;;) {
        bool row = false;
        DLI_ASSIGN(row, stmt->step());
        if (!row)
            return out;
        out << stmt->text(0);
    }
}

Result<std::optional<QByteArray>> FieldExchangeStore::evidenceContent(const QString& sha256)
{
    auto stmt = m_db.prepare(u"SELECT content FROM evidence_contents WHERE sha256 = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, sha256);
    bool found = false;
    DLI_ASSIGN(found, stmt->step());
    if (!found)
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(stmt->blob(0));
}

Result<std::optional<std::int64_t>> FieldExchangeStore::auditRef(const QString& table,
                                                                 const QString& id)
{
    if (!AuditLog::auditedTables().contains(table))
        return Error(ErrorCode::Usage, tr("%1 is not an audited table").arg(table));
    auto stmt = m_db.prepare(u"SELECT coalesce(audit_ref, 0) FROM "_s + table + u" WHERE id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    bool found = false;
    DLI_ASSIGN(found, stmt->step());
    if (!found)
        return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(stmt->int64(0));
}

Result<std::optional<AuditEntry>> FieldExchangeStore::auditEntry(std::int64_t seq)
{
    auto stmt =
        m_db.prepare(u"SELECT "_s + AuditLog::entryColumns() + u" FROM audit_log WHERE seq = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, seq);
    bool found = false;
    DLI_ASSIGN(found, stmt->step());
    if (!found)
        return std::optional<AuditEntry>();
    return std::optional<AuditEntry>(AuditLog::entryAt(*stmt));
}

} // namespace dli
