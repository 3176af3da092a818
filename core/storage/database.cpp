#include "core/storage/database.h"

#include "core/storage/schema.h"
#include "core/storage/transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace dli {

Error Database::errorFrom(sqlite3* db, int rc)
{
    const int primary = rc & 0xff;
    QString detail = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
        return Error(ErrorCode::NotADatabase,
                     tr("the file is not a DLI Tracker database, or it is damaged (%1); restore it "
                        "from a backup")
                         .arg(detail));
    }
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return Error(ErrorCode::Database,
                     tr("the database is busy in another program (%1); close it there and try "
                        "again")
                         .arg(detail));
    if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM)
        return Error(ErrorCode::Database,
                     tr("the database file cannot be written (%1); check the file's permissions "
                        "and free disk space")
                         .arg(detail));
    if (primary == SQLITE_FULL)
        return Error(ErrorCode::Database, tr("the disk is full (%1)").arg(detail));
    return Error(ErrorCode::Database, tr("database error: %1").arg(detail));
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, Mode mode, int migrateTo)
{
    // SQLite's memory statistics take a global lock on every allocation; nothing here reads
    // them. This only takes effect before SQLite's first use in the process, and is harmless
    // after.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
    const QFileInfo info(path);
    if (mode == Mode::OpenExisting && !info.exists())
        return Error(ErrorCode::NotFound, tr("no database at %1").arg(path));
    if (mode == Mode::CreateNew && info.exists())
        return Error(
            ErrorCode::Conflict,
            tr("%1 already exists; choose another file name or remove it first").arg(path));
    if (mode == Mode::CreateNew && !info.absoluteDir().exists())
        return Error(ErrorCode::NotFound,
                     tr("the folder %1 does not exist; create it first or choose another place")
                         .arg(info.absolutePath()));
    if (mode == Mode::OpenExisting && info.isDir())
        return Error(ErrorCode::NotADatabase, tr("%1 is a folder, not a database").arg(path));

    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                      (mode == Mode::CreateNew ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK) {
        Error e = errorFrom(raw, rc);
        e.location = path;
        return e;
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);

    const int target = migrateTo > 0 ? migrateTo : migrateTo == 0 ? Schema::currentVersion() : -1;
    if (auto s = db->checkOwnership(mode == Mode::CreateNew); !s) {
        Error e = s.error();
        e.location = path;
        return e;
    }
    const int from = db->schemaVersion();
    if (target < 0 || from >= target)
        return db;
    if (mode == Mode::OpenExisting && from > 0) {
        // Keep the file as it was before changing its schema: an upgrade is never a one-way door.
        QString copy = path + u".schema"_s + QString::number(from) + u".bak"_s;
        for (int n = 2; QFileInfo::exists(copy); ++n)
            copy =
                path + u".schema"_s + QString::number(from) + u'-' + QString::number(n) + u".bak"_s;
        if (auto s = db->backupTo(copy); !s) {
            Error e = s.error();
            e.message = tr("the database needs an upgrade, but a copy of it could not be kept "
                           "first: %1")
                            .arg(e.message);
            return e;
        }
        db->m_preMigrationCopy = copy;
    }
    if (auto s = db->migrate(target); !s) {
        Error e = s.error();
        e.location = path;
        if (mode == Mode::CreateNew) {
            db.reset();
            QFile::remove(path); // a half-made database is worse than none
        }
        return e;
    }
    db->m_migratedFrom = mode == Mode::OpenExisting ? from : 0;
    return db;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

Status Database::checkOwnership(bool created)
{
    // Reading the header is the first access to the file: a file that is not SQLite, or whose
    // header is damaged, fails here with SQLITE_NOTADB.
    auto appId = scalar(u"PRAGMA application_id"_s);
    if (!appId)
        return appId.error();
    auto version = scalar(u"PRAGMA user_version"_s);
    if (!version)
        return version.error();
    if (created) {
        DLI_TRY(exec(u"PRAGMA application_id = "_s + QString::number(ApplicationId)));
    } else if (appId.value() != ApplicationId) {
        auto tables = scalar(u"SELECT count(*) FROM sqlite_schema"_s);
        if (!tables)
            return tables.error();
        return Error(ErrorCode::NotADatabase,
                     tables.value() == 0
                         ? tr("the file is empty, not a DLI Tracker database")
                         : tr("this is an SQLite database of another program, not a DLI Tracker "
                              "database"));
    }
    if (version.value() > Schema::currentVersion())
        return Error(ErrorCode::NewerSchema,
                     tr("the database was written by a newer DLI Tracker (schema version %1; this "
                        "version reads up to %2); install the newer DLI Tracker to open it")
                         .arg(version.value())
                         .arg(Schema::currentVersion()));
    // WAL lets readers go on while one writer writes; it is a property of the file.
    auto mode = prepare(u"PRAGMA journal_mode = WAL"_s);
    if (!mode)
        return mode.error();
    auto row = mode->step();
    if (!row)
        return row.error();
    if (!row.value() || mode->text(0).toLower() != u"wal"_s)
        return Error(ErrorCode::Database,
                     tr("the database cannot use its write-ahead log here (the folder may be on "
                        "a network share or read-only); copy it to a local disk"));
    DLI_TRY(exec(u"PRAGMA foreign_keys = ON"_s));
    return {};
}

Status Database::migrate(int to)
{
    const int from = schemaVersion();
    if (from >= to)
        return {};
    Transaction tx(*this);
    DLI_TRY(tx.begun());
    DLI_TRY(Schema::migrate(*this, from, to));
    return tx.commit();
}

int Database::schemaVersion() const
{
    sqlite3_stmt* stmt = nullptr;
    int version = -1;
    if (sqlite3_prepare_v2(m_db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return version;
}

Result<Statement> Database::prepare(const QString& sql)
{
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v3(m_db, utf8.constData(), static_cast<int>(utf8.size()), 0,
                                      &stmt, nullptr);
    if (rc != SQLITE_OK)
        return errorFrom(m_db, rc);
    return Statement(m_db, stmt);
}

Status Database::exec(const QString& sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return errorFrom(m_db, rc);
    return {};
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

std::int64_t Database::totalChanges() const
{
    return sqlite3_total_changes64(m_db);
}

Result<std::int64_t> Database::scalar(const QString& sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!row.value())
        return Error(ErrorCode::Database, tr("the query returned no row: %1").arg(sql));
    return stmt->int64(0);
}

Result<QStringList> Database::integrityCheck()
{
    QStringList problems;
    auto integrity = prepare(u"PRAGMA integrity_check"_s);
    if (!integrity)
        return integrity.error();
    for (;;) {
        auto row = integrity->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        const QString line = integrity->text(0);
        if (line != u"ok"_s)
            problems << line;
    }
    auto fk = prepare(u"PRAGMA foreign_key_check"_s);
    if (!fk)
        return fk.error();
    for (;;) {
        auto row = fk->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        problems << tr("row %1 of table %2 refers to a missing row of table %3")
                        .arg(fk->int64(1))
                        .arg(fk->text(0), fk->text(2));
    }
    return problems;
}

Status Database::backupTo(const QString& outPath)
{
    if (QFileInfo::exists(outPath))
        return Error(ErrorCode::Conflict,
                     tr("%1 already exists; a backup never overwrites a file").arg(outPath));
    if (!QFileInfo(outPath).absoluteDir().exists())
        return Error(ErrorCode::NotFound,
                     tr("the folder %1 does not exist; create it first or choose another place")
                         .arg(QFileInfo(outPath).absolutePath()));
    sqlite3* target = nullptr;
    int rc = sqlite3_open_v2(outPath.toUtf8().constData(), &target,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        Error e = errorFrom(target, rc);
        sqlite3_close_v2(target);
        e.location = outPath;
        return e;
    }
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", m_db, "main");
    if (!backup) {
        Error e = errorFrom(target, sqlite3_errcode(target));
        sqlite3_close_v2(target);
        e.location = outPath;
        return e;
    }
    // Copy in steps so that other connections may write in between; WAL keeps it consistent.
    int busyRetries = 0;
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (++busyRetries > 600) // 30 s of a database kept busy by another program
                break;
            sqlite3_sleep(50);
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        Error e = errorFrom(target, rc);
        sqlite3_close_v2(target);
        QFile::remove(outPath); // never leave half a backup that looks like a whole one
        e.location = outPath;
        return e;
    }
    // A backup is one self-contained file: leave it in rollback-journal mode, no -wal beside it.
    sqlite3_exec(target, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    sqlite3_close_v2(target);
    return {};
}

} // namespace dli
