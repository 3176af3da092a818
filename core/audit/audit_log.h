#pragma once

#include "core/result.h"
#include "core/storage/session_options.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <cstdint>
#include <optional>

namespace dli {

class Database;
class Statement;

// One entry of the audit log.
struct AuditEntry {
    std::int64_t seq = 0;
    QDateTime at;
    QString user;
    QString action;       // e.g. "observation.verify", "import.services"
    QString table;        // empty for an entry about no single row
    QString rowId;        // empty for a bulk entry
    QByteArray oldValues; // canonical JSON of the row before, empty when there was none
    QByteArray newValues; // canonical JSON of the row after, empty when it was deleted
    QByteArray details;   // canonical JSON object, empty when none
    QString prevHash;
    QString hash;
};

// What `audit verify` found.
struct AuditReport {
    std::int64_t entries = 0;
    std::int64_t rowsChecked = 0;
    QString head;         // hash of the last entry; empty when the log is empty
    QStringList problems; // each names what is wrong and where; empty when all is well
    // A field copy's log continues the office chain from this entry (docs/audit.md, "Field
    // copies"): its number and hash; 0 and empty when the log starts at entry 1.
    std::int64_t baseSeq = 0;
    QString baseHash;
    // Rows that name an entry at or before the base: as the office left them, not checked here.
    std::int64_t rowsFromBase = 0;
};

// The tamper-evident audit log (docs/audit.md). Every write to an audited table leaves the row's
// audit_ref NULL and then calls one of the record functions in the same transaction; each
// appends an entry whose hash covers the previous entry's hash and its own content, and stamps
// the rows it covers with its sequence number.
class AuditLog {
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    AuditLog(Database& db, const SessionOptions& options) : m_db(db), m_options(options) {}

    // The tables whose rows the log covers, in the order `audit verify` checks them.
    static const QStringList& auditedTables();

    // The canonical JSON of one row as stored (docs/audit.md), or nullopt when it does not exist.
    Result<std::optional<QByteArray>> snapshot(const QString& table, const QString& id);

    // A change to one row: `before` is its snapshot taken before the write (nullopt for an
    // insert). Stamps the row and appends the entry; a deleted row is recorded as such.
    Result<std::int64_t> recordRow(const QString& action, const QString& table, const QString& id,
                                   const std::optional<QByteArray>& before,
                                   const QJsonObject& details = {});
    // Many rows written at once (an import): one entry holding, per table, the row count and a
    // digest of the rows' content; details carries e.g. the file's name and SHA-256.
    Result<std::int64_t> recordBulk(const QString& action, const QJsonObject& details = {});
    // Deletes the rows a WHERE clause selects, in one entry that keeps each row's hash so that
    // earlier bulk entries can still be checked.
    Result<std::int64_t> deleteRows(const QString& action, const QString& table,
                                    const QString& where);
    // Something that changes no audited row (a locked account, a backup).
    Result<std::int64_t> recordEvent(const QString& action, const QJsonObject& details = {});

    // Keys added to the details of every entry appended while set (a field return's package
    // and entry, while its changes are replayed); an empty object clears them.
    void setContext(const QJsonObject& context) { m_context = context; }
    const QJsonObject& context() const { return m_context; }
    // The sequence number the next entry gets; rows written with it as audit_ref before the
    // next recordBulk() in the same transaction belong to that entry.
    Result<std::int64_t> nextSeq();

    // Whether any audited row has not been stamped yet (a database from before the audit log).
    Result<bool> hasUnstampedRows();

    Result<QString> head();
    // The last entry recorded at or before a moment: its hash and sequence number (empty and 0
    // when there was none), for a report made "as known at" that moment.
    struct Head {
        QString hash;
        std::int64_t seq = 0;
    };
    Result<Head> headAt(const QDateTime& moment);

    // A field copy (docs/audit.md, "Field copies") carries rows of the office database but none
    // of its log: its log starts empty and continues the office chain from the entry that was
    // the office's head, recorded in meta under these keys. While the log is empty, head() is
    // the base's hash and nextSeq() the base's number + 1; the first entry links to the base.
    static QString baseHashKey(); // "audit_base_hash"
    static QString baseSeqKey();  // "audit_base_seq"
    // The base, or nullopt on a database whose log starts at entry 1; an error when only one of
    // the keys is there or either is malformed.
    Result<std::optional<Head>> base();
    // Records the base on a field copy whose audit_log was emptied; refused when the log holds
    // entries, or when a row names an entry after the base. The two meta rows carry the base's
    // number as audit_ref: they describe the office chain as it stood at that entry.
    static Status setBase(Database& db, const QString& hash, std::int64_t seq);
    struct Filter {
        std::optional<QDate> since;
        QString user;
        QString table;
        QString rowId;
    };
    Result<QList<AuditEntry>> entries(const Filter& filter = {});
    // The entries numbered after seq, oldest first: a field copy's own branch is
    // entriesAfter(base seq), which is all of its log.
    Result<QList<AuditEntry>> entriesAfter(std::int64_t seq);
    // The columns of an entry, in the order entryAt() reads them, for other queries of the log
    // (a page of it, for the window).
    static QString entryColumns();
    // The entry on the current row of a query that selects entryColumns().
    static AuditEntry entryAt(const Statement& row);

    // Checks the chain and every audited row against it; expect: a hash that must still be in
    // the chain, unchanged.
    Result<AuditReport> verify(const QString& expect = {});

    // The lowercase hex SHA-256 of a file's content, for the entries of imports.
    static Result<QString> fileSha256(const QString& path);
    // Canonical JSON of a value: object keys sorted, no spaces, integers as integers.
    static QByteArray canonical(const QJsonValue& value);
    // The hash an entry must carry.
    static QString hashOf(const AuditEntry& entry);

private:
    Result<std::int64_t> append(AuditEntry entry);
    Result<QString> lastHash(std::int64_t* lastSeq);
    // Every entry a query of entryColumns() gives.
    static Result<QList<AuditEntry>> readEntries(Statement& stmt);

    Database& m_db;
    const SessionOptions& m_options;
    QJsonObject m_context;
};

} // namespace dli
