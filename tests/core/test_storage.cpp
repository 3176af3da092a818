#include "core/io/demo.h"
#include "core/io/program_import.h"
#include "core/io/program_reader.h"
#include "core/storage/database.h"
#include "core/storage/schema.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"
#include "support/test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <sqlite3.h>
#include <string>

using namespace Qt::StringLiterals;
using dli::test::column;
using dli::test::tables;
using namespace dli;
using Catch::Matchers::Contains;

namespace {

const QRegularExpression
    kUuid(u"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);

Program workedProgram()
{
    auto p = ProgramReader::readFile(test::sharedExample(u"worked-program.json"_s));
    if (!p)
        FAIL(p.error().text().toStdString());
    return p.value();
}

std::unique_ptr<Session> created(const QString& path)
{
    auto s = Session::create(path);
    if (!s)
        FAIL("cannot create " << path.toStdString() << ": " << s.error().text().toStdString());
    return std::move(s).value();
}

std::unique_ptr<Session> opened(const QString& path)
{
    auto s = Session::open(path);
    if (!s)
        FAIL("cannot open " << path.toStdString() << ": " << s.error().text().toStdString());
    return std::move(s).value();
}

// A closed database at path holding the worked example.
void makeWorkedDatabase(const QString& path)
{
    auto s = created(path);
    const Status imported = ProgramImport::importProgram(*s, workedProgram(), false);
    if (!imported)
        FAIL(imported.error().text().toStdString());
}

// The error of an open that must be refused.
Error refusal(const QString& path)
{
    auto s = Session::open(path);
    if (s)
        FAIL("opened " << path.toStdString());
    return s.error();
}

// Runs SQL on a file with SQLite itself, bypassing DLI Tracker.
void rawExec(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.toUtf8().constData(), &db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    const std::string text = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    INFO(sql << ": " << text);
    REQUIRE(rc == SQLITE_OK);
}

// The first column of the first row of a query, read with SQLite itself.
QString rawText(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    QString out;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        out = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

std::int64_t scalar(Database& db, const QString& sql)
{
    auto v = db.scalar(sql);
    if (!v)
        FAIL(v.error().text().toStdString());
    return v.value();
}

// Every row of every table, as text, in a stable order.
QStringList dump(Database& db)
{
    QStringList out;
    for (const QString& table : tables(db)) {
        const QStringList columns =
            column(db, u"SELECT name FROM pragma_table_info('"_s + table + u"') ORDER BY cid"_s);
        QStringList quoted;
        for (const QString& c : columns)
            quoted << u"quote("_s + c + u')';
        for (const QString& row : column(db, u"SELECT "_s + quoted.join(u" || '|' || "_s) +
                                                 u" AS r FROM "_s + table + u" ORDER BY r"_s))
            out << table + u": "_s + row;
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Creating and opening

TEST_CASE("Storage: a created database opens again with the current schema", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"new.dlit"_s);
    QString id;
    {
        auto s = created(path);
        CHECK(s->path() == path);
        CHECK(s->database().schemaVersion() == Schema::currentVersion());
        id = s->databaseId();
        CHECK(kUuid.match(id).hasMatch());
        auto exists = s->programs().exists();
        REQUIRE(exists.ok());
        CHECK_FALSE(exists.value());
    }
    CHECK(QFileInfo::exists(path));
    auto s = opened(path);
    CHECK(s->database().schemaVersion() == Schema::currentVersion());
    CHECK(s->databaseId() == id);
    auto createdBy = s->meta().get(u"created_by_version"_s);
    REQUIRE(createdBy.ok());
    CHECK(createdBy.value() == std::optional<QString>(QStringLiteral(DLI_VERSION)));
    auto program = s->programs().load();
    REQUIRE_FALSE(program.ok());
    CHECK(program.error().code == ErrorCode::NotFound);
    CHECK_THAT(program.error().message.toStdString(), Contains("program import"));
    // The file says it is ours.
    CHECK(scalar(s->database(), u"PRAGMA application_id"_s) == Database::ApplicationId);
}

TEST_CASE("Storage: creating over an existing file is refused and leaves it alone", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"taken.dlit"_s);
    test::writeFile(path, "my notes\n");
    auto s = Session::create(path);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == ErrorCode::Conflict);
    CHECK_THAT(s.error().message.toStdString(), Contains("already exists"));
    CHECK(test::readFile(path) == "my notes\n");

    const QString db = dir.path(u"db.dlit"_s);
    makeWorkedDatabase(db);
    auto again = Session::create(db);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::Conflict);
    CHECK(opened(db)->programs().load().value() == workedProgram());
}

TEST_CASE("Storage: opening a missing file is refused with NotFound and creates nothing",
          "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"missing.dlit"_s);
    const Error e = refusal(path);
    CHECK(e.code == ErrorCode::NotFound);
    CHECK_THAT(e.message.toStdString(), Contains(path.toStdString()));
    CHECK_FALSE(QFileInfo::exists(path));
}

TEST_CASE("Storage: a file of random bytes is not a database", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"random.dlit"_s);
    QByteArray bytes(64 * 1024, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (char& c : bytes)
        c = static_cast<char>(rng.bounded(256));
    test::writeFile(path, bytes);

    const Error e = refusal(path);
    CHECK(e.code == ErrorCode::NotADatabase);
    CHECK_THAT(e.message.toStdString(), Contains("not a DLI Tracker database"));
    CHECK(e.location == path);
    CHECK(test::readFile(path) == bytes);
}

TEST_CASE("Storage: a text file is not a database", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"notes.txt"_s);
    const QByteArray text = QByteArray("code,title\nDLI1,Firms\n").repeated(300);
    test::writeFile(path, text);
    const Error e = refusal(path);
    CHECK(e.code == ErrorCode::NotADatabase);
    CHECK_THAT(e.message.toStdString(), Contains("not a DLI Tracker database"));
    CHECK(test::readFile(path) == text);
}

TEST_CASE("Storage: an empty file is not a database and stays empty", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"empty.dlit"_s);
    test::writeFile(path, QByteArray());
    const Error e = refusal(path);
    CHECK(e.code == ErrorCode::NotADatabase);
    CHECK(e.message == u"the file is empty, not a DLI Tracker database"_s);
    CHECK(QFileInfo(path).size() == 0);
}

TEST_CASE("Storage: an SQLite database of another program is refused untouched", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"other.sqlite"_s);
    rawExec(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ayesha');");
    const QByteArray before = test::readFile(path);

    const Error e = refusal(path);
    CHECK(e.code == ErrorCode::NotADatabase);
    CHECK(e.message ==
          u"this is an SQLite database of another program, not a DLI Tracker database"_s);
    CHECK(test::readFile(path) == before);
    CHECK(rawText(path, "PRAGMA journal_mode") == u"delete"_s);
    CHECK_FALSE(QFileInfo::exists(path + u"-wal"_s));
}

TEST_CASE("Storage: a folder is not a database", "[storage]")
{
    test::TempDir dir;
    const Error e = refusal(dir.path(QString()));
    CHECK(e.code == ErrorCode::NotADatabase);
    CHECK_THAT(e.message.toStdString(), Contains("folder"));
}

TEST_CASE("Storage: a database written by a newer version is refused", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"newer.dlit"_s);
    makeWorkedDatabase(path);
    const int newer = Schema::currentVersion() + 1;
    rawExec(path, ("PRAGMA user_version = " + std::to_string(newer)).c_str());

    const Error e = refusal(path);
    CHECK(e.code == ErrorCode::NewerSchema);
    const std::string m = e.message.toStdString();
    CHECK_THAT(m, Contains("newer"));
    CHECK_THAT(m, Contains("schema version " + std::to_string(newer)));
    CHECK_THAT(m, Contains("reads up to " + std::to_string(Schema::currentVersion())));
    CHECK(e.location == path);
    // Nothing was migrated or rewritten.
    CHECK(rawText(path, "PRAGMA user_version") == QString::number(newer));
}

// ---------------------------------------------------------------------------------------------
// Migrations

TEST_CASE("Storage: an older database is migrated forward when opened, its program intact",
          "[storage][migration]")
{
    test::TempDir dir;
    const QString path = dir.path(u"v1.dlit"_s);
    const SessionOptions options = SessionOptions().withDefaults();
    {
        auto db = Database::open(path, Database::Mode::CreateNew, 1);
        if (!db)
            FAIL(db.error().text().toStdString());
        Database& d = *db.value();
        CHECK(d.schemaVersion() == 1);
        CHECK_FALSE(tables(d).contains(u"observations"_s));
        CHECK(tables(d).contains(u"dlrs"_s));
        Transaction tx(d);
        REQUIRE(tx.begun().ok());
        ProgramRepository repo(d, options);
        REQUIRE(repo.insert(workedProgram()).ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK(rawText(path, "PRAGMA user_version") == u"1"_s);

    auto s = opened(path);
    CHECK(s->database().schemaVersion() == Schema::currentVersion());
    CHECK(tables(s->database()).contains(u"observations"_s));
    CHECK(s->programs().load().value() == workedProgram());
    auto count = s->observations().count();
    REQUIRE(count.ok());
    CHECK(count.value() == 0);
    // The new table works.
    Observation o;
    o.indicator = u"EXP_FIRMS"_s;
    o.period = Period::quarter(2021, 1);
    o.orgUnit = u"C1"_s;
    o.value = Decimal::fromInt(12);
    REQUIRE(s->observations().insert(o).ok());
    CHECK(s->observations().count().value() == 1);
}

TEST_CASE("Storage: migrating to the version a file has already is a no-op", "[storage][migration]")
{
    test::TempDir dir;
    const QString path = dir.path(u"current.dlit"_s);
    makeWorkedDatabase(path);
    const QStringList before = dump(opened(path)->database());
    auto db = Database::open(path, Database::Mode::OpenExisting, 1);
    REQUIRE(db.ok());
    CHECK(db.value()->schemaVersion() == Schema::currentVersion());
    CHECK(dump(*db.value()) == before);
}

// ---------------------------------------------------------------------------------------------
// Connection settings and transactions

TEST_CASE("Storage: an open session runs in WAL mode with foreign keys on", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"wal.dlit"_s);
    makeWorkedDatabase(path);
    auto s = opened(path);
    CHECK(column(s->database(), u"PRAGMA journal_mode"_s) == QStringList{u"wal"_s});
    CHECK(scalar(s->database(), u"PRAGMA foreign_keys"_s) == 1);

    // Foreign keys are enforced: an org unit under a parent that does not exist is refused.
    const Status orphan = s->database().exec(
        u"INSERT INTO org_units (id, position, code, name, kind, parent_id) VALUES "
        "('00000000-0000-4000-8000-000000000001', 9, 'X', 'X', 'cluster', 'no-such-id')"_s);
    REQUIRE_FALSE(orphan.ok());
    CHECK(orphan.error().code == ErrorCode::Database);
    CHECK_THAT(orphan.error().message.toStdString(), Contains("FOREIGN KEY"));
}

TEST_CASE("Storage: a transaction left without commit rolls back", "[storage]")
{
    test::TempDir dir;
    auto s = created(dir.path(u"tx.dlit"_s));
    {
        Transaction tx(s->database());
        REQUIRE(tx.begun().ok());
        REQUIRE(s->meta().set(u"note"_s, u"uncommitted"_s).ok());
        REQUIRE(s->programs().insert(workedProgram()).ok());
        CHECK(s->programs().exists().value());
    }
    auto note = s->meta().get(u"note"_s);
    REQUIRE(note.ok());
    CHECK_FALSE(note.value().has_value());
    CHECK_FALSE(s->programs().exists().value());
    CHECK(scalar(s->database(), u"SELECT count(*) FROM dlrs"_s) == 0);

    {
        Transaction tx(s->database());
        REQUIRE(tx.begun().ok());
        REQUIRE(s->meta().set(u"note"_s, u"committed"_s).ok());
        REQUIRE(tx.commit().ok());
        // A second commit has nothing to commit.
        CHECK_FALSE(tx.commit().ok());
    }
    CHECK(s->meta().get(u"note"_s).value() == std::optional<QString>(u"committed"_s));
}

TEST_CASE("Storage: a second writer waits for the first and then fails clearly", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"busy.dlit"_s);
    makeWorkedDatabase(path);
    auto first = opened(path);
    auto second = opened(path);
    Transaction tx(first->database());
    REQUIRE(tx.begun().ok());
    // Reading goes on while the first writes (WAL), and so does opening the file.
    CHECK(second->programs().load().value() == workedProgram());
    CHECK(opened(path)->programs().load().value() == workedProgram());
    // A test cannot wait the full busy timeout; a zero timeout shows the error.
    REQUIRE(second->database().exec(u"PRAGMA busy_timeout = 0"_s).ok());
    Transaction other(second->database());
    REQUIRE_FALSE(other.begun().ok());
    CHECK(other.begun().error().code == ErrorCode::Database);
    CHECK_THAT(other.begun().error().message.toStdString(), Contains("busy"));
}

// ---------------------------------------------------------------------------------------------
// Integrity

TEST_CASE("Storage: integrityCheck finds nothing wrong in a sound database", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"sound.dlit"_s);
    REQUIRE(Demo::create(path).ok());
    auto s = opened(path);
    auto problems = s->database().integrityCheck();
    REQUIRE(problems.ok());
    CHECK(problems.value().isEmpty());
}

TEST_CASE("Storage: integrityCheck reports a row whose parent is missing", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"orphan.dlit"_s);
    makeWorkedDatabase(path);
    // Written behind DLI Tracker's back, with foreign keys off as a careless tool would.
    rawExec(path, "UPDATE org_units SET parent_id = 'gone' WHERE code = 'C1'");
    auto s = opened(path);
    auto problems = s->database().integrityCheck();
    REQUIRE(problems.ok());
    REQUIRE(problems.value().size() == 1);
    CHECK_THAT(problems.value().first().toStdString(),
               Contains("of table org_units refers to a missing row of table org_units"));
}

TEST_CASE("Storage: a damaged file is refused or reported, never a crash", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"damaged.dlit"_s);
    REQUIRE(Demo::create(path).ok());
    QByteArray bytes = test::readFile(path);
    const qsizetype page = 4096;
    REQUIRE(bytes.size() >= 8 * page);

    SECTION("garbage in the middle pages")
    {
        QRandomGenerator rng(11);
        for (qsizetype i = 2 * page; i < bytes.size() - page; ++i)
            bytes[i] = static_cast<char>(rng.bounded(256));
        test::writeFile(path, bytes);

        bool detected = false;
        auto s = Session::open(path);
        if (!s) {
            const ErrorCode c = s.error().code;
            CHECK((c == ErrorCode::NotADatabase || c == ErrorCode::Database));
            CHECK_FALSE(s.error().message.isEmpty());
            detected = true;
        } else {
            auto program = s.value()->programs().load();
            if (!program) {
                const ErrorCode c = program.error().code;
                CHECK((c == ErrorCode::NotADatabase || c == ErrorCode::Database));
                CHECK_THAT(program.error().message.toStdString(),
                           Contains("damaged") || Contains("database error"));
                detected = true;
            }
            auto problems = s.value()->database().integrityCheck();
            if (!problems || !problems.value().isEmpty())
                detected = true;
        }
        CHECK(detected);
    }
    SECTION("garbage in one table, the rest sound")
    {
        const int root =
            rawText(path, "SELECT rootpage FROM sqlite_schema WHERE name = 'dlrs'").toInt();
        REQUIRE(root > 1);
        QRandomGenerator rng(13);
        for (qsizetype i = (root - 1) * page; i < root * page; ++i)
            bytes[i] = static_cast<char>(rng.bounded(256));
        test::writeFile(path, bytes);

        // The header and the schema are sound, so the file opens ...
        auto s = opened(path);
        CHECK(kUuid.match(s->databaseId()).hasMatch());
        // ... but the damaged table cannot be read, and the check says so.
        auto program = s->programs().load();
        REQUIRE_FALSE(program.ok());
        CHECK(program.error().code == ErrorCode::NotADatabase);
        CHECK_THAT(program.error().message.toStdString(),
                   Contains("damaged") && Contains("restore it from a backup"));
        auto problems = s->database().integrityCheck();
        CHECK((!problems.ok() || !problems.value().isEmpty()));
    }
    SECTION("garbage in the header")
    {
        for (int i = 0; i < 100; ++i)
            bytes[i] = static_cast<char>(0xA5 ^ i);
        test::writeFile(path, bytes);
        const Error e = refusal(path);
        CHECK(e.code == ErrorCode::NotADatabase);
        CHECK_THAT(e.message.toStdString(), Contains("restore it from a backup"));
    }
    SECTION("cut short")
    {
        bytes.truncate(3 * page);
        test::writeFile(path, bytes);
        bool detected = false;
        auto s = Session::open(path);
        if (!s) {
            CHECK(s.error().code == ErrorCode::NotADatabase);
            detected = true;
        } else {
            auto program = s.value()->programs().load();
            auto problems = s.value()->database().integrityCheck();
            detected = !program || !problems || !problems.value().isEmpty();
        }
        CHECK(detected);
    }
}

// ---------------------------------------------------------------------------------------------
// Backup

TEST_CASE("Storage: a backup is a DLI Tracker database with the same content", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"live.dlit"_s);
    const QString backup = dir.path(u"backup.dlit"_s);
    makeWorkedDatabase(path);
    auto s = opened(path);
    const QStringList before = dump(s->database());
    REQUIRE(s->database().backupTo(backup).ok());

    // One self-contained file, in rollback-journal mode, whatever the live one uses.
    CHECK_FALSE(QFileInfo::exists(backup + u"-wal"_s));
    CHECK(rawText(backup, "PRAGMA journal_mode") == u"delete"_s);
    CHECK(rawText(backup, "PRAGMA application_id") == QString::number(Database::ApplicationId));

    auto b = opened(backup);
    CHECK(b->database().schemaVersion() == Schema::currentVersion());
    CHECK(b->programs().load().value() == workedProgram());
    CHECK(b->databaseId() == s->databaseId());
    CHECK(dump(b->database()) == before);
    auto problems = b->database().integrityCheck();
    REQUIRE(problems.ok());
    CHECK(problems.value().isEmpty());
}

TEST_CASE("Storage: a backup holds what was committed while the session stayed open", "[storage]")
{
    test::TempDir dir;
    const QString backup = dir.path(u"backup.dlit"_s);
    auto s = created(dir.path(u"live.dlit"_s));
    REQUIRE(ProgramImport::importProgram(*s, workedProgram(), false).ok());
    // Committed data still sits in the -wal file here; the backup must include it.
    REQUIRE(s->database().backupTo(backup).ok());
    CHECK(opened(backup)->programs().load().value() == workedProgram());
}

TEST_CASE("Storage: a backup never overwrites an existing file", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"live.dlit"_s);
    const QString target = dir.path(u"older-backup.dlit"_s);
    makeWorkedDatabase(path);
    test::writeFile(target, "yesterday's backup");
    auto s = opened(path);
    const Status st = s->database().backupTo(target);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == ErrorCode::Conflict);
    CHECK_THAT(st.error().message.toStdString(), Contains("never overwrites"));
    CHECK(test::readFile(target) == "yesterday's backup");
}

TEST_CASE("Storage: a backup into a folder that does not exist fails and leaves nothing",
          "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"live.dlit"_s);
    const QString target = dir.path(u"no-such-folder/backup.dlit"_s);
    makeWorkedDatabase(path);
    auto s = opened(path);
    const Status st = s->database().backupTo(target);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == ErrorCode::NotFound);
    CHECK_THAT(st.error().message.toStdString(),
               Contains("no-such-folder") && Contains("does not exist"));
    CHECK_FALSE(QFileInfo::exists(target));
}

// ---------------------------------------------------------------------------------------------
// Ids

TEST_CASE("Storage: every row of every table has a text UUID id", "[storage]")
{
    test::TempDir dir;
    const QString path = dir.path(u"ids.dlit"_s);
    REQUIRE(Demo::create(path).ok());
    auto s = opened(path);
    Observation o;
    o.indicator = u"EXPORTERS_NEW"_s;
    o.period = Period::quarter(2027, 1); // after the demo's own observations
    o.orgUnit = u"SKT-SURG"_s;
    o.value = Decimal::fromInt(3);
    REQUIRE(s->observations().insert(o).ok());

    QStringList withoutId;
    qsizetype checked = 0;
    for (const QString& table : tables(s->database())) {
        const QStringList columns =
            column(s->database(), u"SELECT name FROM pragma_table_info('"_s + table + u"')"_s);
        if (!columns.contains(u"id"_s)) {
            withoutId << table;
            continue;
        }
        CHECK(scalar(s->database(),
                     u"SELECT count(*) FROM "_s + table + u" WHERE typeof(id) <> 'text'"_s) == 0);
        for (const QString& id : column(s->database(), u"SELECT id FROM "_s + table)) {
            INFO(table.toStdString() << ": " << id.toStdString());
            CHECK(kUuid.match(id).hasMatch());
            ++checked;
        }
    }
    // Only the key-value table of facts about the database has no row ids, and evidence
    // contents, whose key is their SHA-256: the same file has the same key on every machine.
    // The login attempts and the audit log are numbered: they belong to one database file.
    withoutId.sort();
    CHECK(withoutId == QStringList{u"audit_log"_s, u"evidence_contents"_s, u"meta"_s});
    // 1 program, 3 result areas, 9 org units, 10 indicators, 6 DLIs, 14 DLRs, 3 rules, the
    // indicators' targets, and the demo's registers, observations, evidence and events.
    const std::int64_t targets = scalar(s->database(), u"SELECT count(*) FROM indicator_targets"_s);
    const std::int64_t data = scalar(
        s->database(),
        u"SELECT (SELECT count(*) FROM observations) + (SELECT count(*) FROM "
        "firms) + (SELECT count(*) FROM services) + (SELECT count(*) FROM "
        "trainees) + (SELECT count(*) FROM exports) + (SELECT count(*) FROM "
        "evidence) + (SELECT count(*) FROM users) + (SELECT count(*) FROM "
        "transitions) + (SELECT count(*) FROM verifications) + (SELECT "
        "count(*) FROM samples) + (SELECT count(*) FROM sample_items) + (SELECT count(*) FROM "
        "events)"_s);
    CHECK(checked == 1 + 3 + 9 + 10 + 6 + 14 + 3 + targets + data);
    CHECK(kUuid.match(s->databaseId()).hasMatch());
}
