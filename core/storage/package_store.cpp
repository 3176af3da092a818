#include "core/storage/package_store.h"

#include "core/audit/audit_log.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"

using namespace Qt::StringLiterals;

namespace dli {

namespace {

Result<QSet<QString>> ids(Database& db, const QString& sql, const QStringList& binds = {})
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    for (int i = 0; i < binds.size(); ++i)
        stmt->bind(i + 1, binds[i]);
    QSet<QString> out;
    for (;;) {
        bool row = false;
        DLI_ASSIGN(row, stmt->step());
        if (!row)
            break;
        out.insert(stmt->text(0));
    }
    return out;
}

Status fill(Database& db, const QString& table, const QSet<QString>& values)
{
    DLI_TRY(db.exec(u"CREATE TEMP TABLE IF NOT EXISTS "_s + table +
                    u" (id TEXT PRIMARY KEY); DELETE FROM "_s + table + u';'));
    auto insert = db.prepare(u"INSERT INTO "_s + table + u" (id) VALUES (?)"_s);
    if (!insert)
        return insert.error();
    for (const QString& v : values) {
        insert->reset();
        insert->bind(1, v);
        DLI_TRY(insert->exec());
    }
    return {};
}

} // namespace

Result<PackageStore::Scope> PackageStore::choose(Database& db, const QString& assignee,
                                                 const QStringList& orgUnits,
                                                 const QStringList& observationIds,
                                                 const QStringList& sampleIds)
{
    Scope scope;
    scope.assignee = assignee;
    // The org units named and every unit below them.
    QSet<QString> units;
    for (const QString& code : orgUnits) {
        QSet<QString> found;
        DLI_ASSIGN(found,
                   ids(db,
                       u"WITH RECURSIVE tree(id) AS (SELECT id FROM org_units WHERE code = ? "
                       "UNION SELECT o.id FROM org_units o JOIN tree t ON o.parent_id = t.id) "
                       "SELECT id FROM tree"_s,
                       {code}));
        if (found.isEmpty())
            return Error(ErrorCode::NotFound, tr("unknown org unit \"%1\"").arg(code));
        units.unite(found);
    }
    for (const QString& id : observationIds) {
        QSet<QString> found;
        DLI_ASSIGN(found, ids(db, u"SELECT id FROM observations WHERE id = ?"_s, {id}));
        if (found.isEmpty())
            return Error(ErrorCode::NotFound, tr("unknown observation \"%1\"").arg(id));
        scope.observations.unite(found);
    }
    for (const QString& id : sampleIds) {
        QSet<QString> found;
        DLI_ASSIGN(found,
                   ids(db, u"SELECT id FROM samples WHERE id = ? AND state = 'open'"_s, {id}));
        if (found.isEmpty()) {
            QSet<QString> any;
            DLI_ASSIGN(any, ids(db, u"SELECT id FROM samples WHERE id = ?"_s, {id}));
            return Error(any.isEmpty() ? ErrorCode::NotFound : ErrorCode::Conflict,
                         any.isEmpty() ? tr("unknown sample \"%1\"").arg(id)
                                       : tr("sample %1 is closed: there is nothing left to "
                                            "check on it")
                                             .arg(id));
        }
        scope.samples.unite(found);
    }
    scope.units = units;
    DLI_TRY(fill(db, u"pkg_units"_s, units));
    QSet<QString> submitted;
    DLI_ASSIGN(submitted, ids(db, u"SELECT id FROM observations WHERE state = 'submitted' AND "
                                  "org_unit_id IN (SELECT id FROM pkg_units)"_s));
    scope.observations.unite(submitted);
    // The open samples of the observations, and the observations of the samples.
    DLI_TRY(fill(db, u"pkg_observations"_s, scope.observations));
    QSet<QString> open;
    DLI_ASSIGN(open, ids(db, u"SELECT id FROM samples WHERE state = 'open' AND observation_id "
                             "IN (SELECT id FROM pkg_observations)"_s));
    scope.samples.unite(open);
    DLI_TRY(fill(db, u"pkg_samples"_s, scope.samples));
    QSet<QString> sampled;
    DLI_ASSIGN(sampled, ids(db, u"SELECT observation_id FROM samples WHERE id IN "
                                "(SELECT id FROM pkg_samples)"_s));
    scope.observations.unite(sampled);
    // The firms: of the org units, and those a sample draws (by firm code or register row).
    QSet<QString> firms;
    DLI_ASSIGN(firms, ids(db, u"SELECT id FROM firms WHERE cluster_id IN "
                              "(SELECT id FROM pkg_units)"_s));
    scope.firms.unite(firms);
    DLI_ASSIGN(firms,
               ids(db, u"SELECT f.id FROM sample_items i JOIN firms f ON f.code = i.row_key "
                       "WHERE i.sample_id IN (SELECT id FROM pkg_samples) "
                       "UNION SELECT s.firm_id FROM sample_items i JOIN services s ON s.id = "
                       "i.row_key WHERE i.sample_id IN (SELECT id FROM pkg_samples) "
                       "UNION SELECT e.firm_id FROM sample_items i JOIN exports e ON e.id = "
                       "i.row_key WHERE i.sample_id IN (SELECT id FROM pkg_samples) "
                       "UNION SELECT t.firm_id FROM sample_items i JOIN trainees t ON t.id = "
                       "i.row_key WHERE i.sample_id IN (SELECT id FROM pkg_samples) AND "
                       "t.firm_id IS NOT NULL"_s));
    scope.firms.unite(firms);
    DLI_TRY(db.exec(u"DROP TABLE IF EXISTS pkg_units; DROP TABLE IF EXISTS pkg_observations; "
                    "DROP TABLE IF EXISTS pkg_samples;"_s));
    return scope;
}

Status PackageStore::prune(Database& copy, const Scope& scope)
{
    {
        Transaction tx(copy);
        DLI_TRY(tx.begun());
        DLI_TRY(fill(copy, u"keep_observations"_s, scope.observations));
        DLI_TRY(fill(copy, u"keep_samples"_s, scope.samples));
        DLI_TRY(fill(copy, u"keep_firms"_s, scope.firms));
        DLI_TRY(fill(copy, u"keep_units"_s, scope.units));
        // Foreign keys are checked at the commit, once every cut is made. NULL never matches
        // IN, hence the explicit lists of what stays.
        DLI_TRY(copy.exec(uR"(
PRAGMA defer_foreign_keys = ON;
DELETE FROM sample_items WHERE sample_id NOT IN (SELECT id FROM keep_samples);
DELETE FROM samples WHERE id NOT IN (SELECT id FROM keep_samples);
DELETE FROM verifications WHERE observation_id NOT IN (SELECT id FROM keep_observations);
DELETE FROM transitions WHERE observation_id NOT IN (SELECT id FROM keep_observations);
DELETE FROM observations WHERE id NOT IN (SELECT id FROM keep_observations);
UPDATE observations SET replaces = NULL
    WHERE replaces IS NOT NULL AND replaces NOT IN (SELECT id FROM keep_observations);
UPDATE observations SET replaced_by = NULL
    WHERE replaced_by IS NOT NULL AND replaced_by NOT IN (SELECT id FROM keep_observations);
DELETE FROM services WHERE firm_id NOT IN (SELECT id FROM keep_firms);
DELETE FROM exports WHERE firm_id NOT IN (SELECT id FROM keep_firms);
DELETE FROM trainees WHERE id NOT IN (
    SELECT id FROM trainees WHERE firm_id IN (SELECT id FROM keep_firms)
    UNION SELECT id FROM trainees WHERE centre_id IN (SELECT id FROM keep_units));
DELETE FROM firms WHERE id NOT IN (SELECT id FROM keep_firms);
DELETE FROM evidence WHERE id NOT IN (
    SELECT id FROM evidence WHERE observation_id IN (SELECT id FROM keep_observations)
    UNION SELECT id FROM evidence WHERE firm_id IN (SELECT id FROM keep_firms)
    UNION SELECT id FROM evidence WHERE service_id IN (SELECT id FROM services)
    UNION SELECT evidence_id FROM sample_items WHERE evidence_id IS NOT NULL
    UNION SELECT evidence_id FROM verifications WHERE evidence_id IS NOT NULL);
DELETE FROM evidence_contents WHERE sha256 NOT IN (SELECT sha256 FROM evidence);
DELETE FROM events;
DELETE FROM conflicts;
DELETE FROM field_changes;
DELETE FROM field_imports;
DELETE FROM logins;
DELETE FROM audit_log;
DROP TABLE keep_observations;
DROP TABLE keep_samples;
DROP TABLE keep_firms;
DROP TABLE keep_units;
)"_s));
        auto users = copy.prepare(u"DELETE FROM users WHERE name <> ?"_s);
        if (!users)
            return users.error();
        users->bind(1, scope.assignee);
        DLI_TRY(users->exec());
        DLI_TRY(tx.commit());
    }
    // Deleted rows leave their bytes in free pages until the file is rebuilt.
    return copy.exec(u"VACUUM;"_s);
}

Status PackageStore::seal(Database& copy, const QString& key, const QString& manifestJson,
                          const QString& baseHash, qint64 baseSeq)
{
    auto stmt = copy.prepare(u"INSERT INTO meta (key, value, audit_ref) VALUES (?, ?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                             "audit_ref = excluded.audit_ref"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, key).bind(2, manifestJson).bind(3, static_cast<std::int64_t>(baseSeq));
    DLI_TRY(stmt->exec());
    DLI_TRY(AuditLog::setBase(copy, baseHash, baseSeq));
    return copy.exec(u"PRAGMA wal_checkpoint(TRUNCATE);"_s);
}

Result<PackageStore::Counts> PackageStore::count(Database& db)
{
    Counts c;
    DLI_ASSIGN(c.observations, db.scalar(u"SELECT count(*) FROM observations"_s));
    DLI_ASSIGN(c.samples, db.scalar(u"SELECT count(*) FROM samples"_s));
    DLI_ASSIGN(c.firms, db.scalar(u"SELECT count(*) FROM firms"_s));
    DLI_ASSIGN(c.evidence, db.scalar(u"SELECT count(*) FROM evidence"_s));
    return c;
}

} // namespace dli
