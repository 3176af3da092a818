#pragma once

#include "core/result.h"
#include "core/storage/statement.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <memory>

struct sqlite3;

namespace dli {

// The open SQLite file of one DLI Tracker database. Only core/storage knows SQL.
// Opening checks that the file is ours, refuses one written by a newer version, and migrates an
// older one forward; the connection runs in WAL mode with foreign keys on.
class Database {
    Q_DECLARE_TR_FUNCTIONS(Database)
public:
    enum class Mode { CreateNew, OpenExisting };

    // "DLIT": marks the file as ours in SQLite's header (PRAGMA application_id).
    static constexpr int ApplicationId = 0x444C4954;

    // migrateTo: the schema version to bring the file to; 0 means the current one (tests build
    // older files with it to check migrations); -1 leaves an existing file's schema as it is
    // (for copying it). Before an existing file is migrated, a copy of it is kept beside it.
    static Result<std::unique_ptr<Database>> open(const QString& path, Mode mode,
                                                  int migrateTo = 0);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QString path() const { return m_path; }
    // The schema version the file had before this opening migrated it; 0 when it did not.
    int migratedFrom() const { return m_migratedFrom; }
    // The copy of the file kept before migrating it, or empty.
    QString preMigrationCopy() const { return m_preMigrationCopy; }
    int schemaVersion() const;

    Result<Statement> prepare(const QString& sql);
    // Runs one or more statements that return no rows.
    Status exec(const QString& sql);
    // Whether a transaction is open on this connection.
    bool inTransaction() const;
    // Rows inserted, updated or deleted through this connection since it was opened.
    std::int64_t totalChanges() const;
    // Runs a query whose first column of the first row is an integer.
    Result<std::int64_t> scalar(const QString& sql);

    // PRAGMA integrity_check and foreign_key_check: an empty list means the file is sound.
    Result<QStringList> integrityCheck();
    // Copies the live database to a new file with SQLite's online backup API.
    Status backupTo(const QString& outPath);

    // The changes that turn the database file at originalPath (the same schema) into this one:
    // an SQLite changeset made with the session extension (sqlite3session_diff), table by
    // table, rows told apart by their primary keys (database_changeset.cpp).
    Result<QByteArray> changesetSince(const QString& originalPath);
    // What a changeset holds, change by change.
    struct Change {
        QString table;
        QString op;  // insert, update or delete
        QString key; // the first primary-key column's value, as text
        // The row's values by column position: before (update, delete) and after (insert,
        // update). An update leaves the columns it did not change invalid in both; a NULL is
        // QVariant::fromValue(nullptr), text a QString, a blob a QByteArray, an integer a qint64.
        QVariantList oldValues;
        QVariantList newValues;
    };
    static Result<QList<Change>> changes(const QByteArray& changeset);

    // A user-readable Error from SQLite's state after a failed call.
    static Error errorFrom(sqlite3* db, int rc);

private:
    Database(sqlite3* db, QString path) : m_db(db), m_path(std::move(path)) {}
    Status checkOwnership(bool created);
    Status migrate(int to);

    sqlite3* m_db = nullptr;
    QString m_path;
    int m_migratedFrom = 0;
    QString m_preMigrationCopy;
};

} // namespace dli
