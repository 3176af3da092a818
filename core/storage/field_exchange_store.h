#pragma once

#include "core/audit/audit_log.h"
#include "core/model/field_exchange.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <optional>

namespace dli {

class Database;

// The office's record of imported field returns, their changes and the conflicts waiting for a
// verifier (schema 6), and the few reads of other tables an import needs.
class FieldExchangeStore {
    Q_DECLARE_TR_FUNCTIONS(FieldExchangeStore)
public:
    explicit FieldExchangeStore(Database& db) : m_db(db) {}

    Result<std::optional<FieldImportRecord>> importOfReturn(const QString& returnSha256);
    // Every import, the latest first.
    Result<QList<FieldImportRecord>> imports();
    // The changes already taken from a package's returns, by field entry hash.
    Result<QHash<QString, FieldChange>> changesOf(const QString& packageId);
    Result<QList<FieldChange>> changesOfImport(const QString& importId);
    // An import's rows are written unstamped as it goes; finishImport() sets its counts and
    // stamps them all with its audit entry (a bulk entry the caller records right after).
    Status insertImport(const FieldImportRecord& record);
    Status insertChange(const FieldChange& change);
    Status finishImport(const FieldImportRecord& record, std::int64_t auditRef);
    // Left unstamped: the caller records it with AuditLog::recordRow.
    Status insertConflict(const FieldConflict& conflict);
    Status resolveConflict(const QString& id, const QString& resolution, const QString& by,
                           const QDateTime& at);
    // Open conflicts only, or all; oldest first.
    Result<QList<FieldConflict>> conflicts(bool openOnly);
    // By id, or by a prefix of at least 4 characters that names one conflict.
    Result<FieldConflict> conflict(const QString& idOrPrefix);

    // The table's column names in order (a changeset gives values by position).
    Result<QStringList> columns(const QString& table);
    // The stored content with this SHA-256, if the office has it.
    Result<std::optional<QByteArray>> evidenceContent(const QString& sha256);
    // The audit entry that last wrote a row; nullopt when the row does not exist.
    Result<std::optional<std::int64_t>> auditRef(const QString& table, const QString& id);
    Result<std::optional<AuditEntry>> auditEntry(std::int64_t seq);

private:
    Result<QList<FieldConflict>> selectConflicts(const QString& where, const QString& bind);
    Database& m_db;
};

} // namespace dli
