// Fixtures shared by the tests of accounts, the verification workflow, samples and the audit
// log: one demo database made once per run, copied for each test, opened with a clock the test
// sets.
#pragma once

#include "core/auth/auth.h"
#include "core/io/demo.h"
#include "core/io/evidence_service.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"
#include "support/test_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <memory>
#include <sqlite3.h>

namespace dli::test {

// Runs SQL on a closed database file with SQLite's C API, as another program would.
inline void rawExec(const QString& path, const QString& sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) ==
            SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    const std::string text = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    INFO(sql.toStdString() << ": " << text);
    REQUIRE(rc == SQLITE_OK);
}

// The first column of the first row a query gives on a closed database file, as text.
inline QString rawText(const QString& path, const QString& sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &stmt, nullptr) == SQLITE_OK);
    QString out;
    if (sqlite3_step(stmt) == SQLITE_ROW)
        out = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

// Whether any problem (of `audit verify`, say) contains every one of the parts.
inline bool mentions(const QStringList& problems, const QStringList& parts)
{
    for (const QString& p : problems) {
        bool all = true;
        for (const QString& part : parts)
            all = all && p.contains(part);
        if (all)
            return true;
    }
    return false;
}

// A copy of the demo, opened with a settable clock and minimum-cost password hashes.
class DemoCopy {
public:
    explicit DemoCopy(const QDateTime& now = Demo::fixedNow(), quint64 seed = 41)
        : m_clock(std::make_shared<QDateTime>(now)), m_seed(seed)
    {
        m_path = m_dir.path(QStringLiteral("copy.dlit"));
        REQUIRE(QFile::copy(demoTemplate(), m_path));
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
        open();
        auto program = session->programs().load();
        if (!program)
            FAIL(program.error().text().toStdString());
        m_program = std::move(program).value();
    }

    const QString& path() const { return m_path; }
    const Program& program() const { return m_program; }
    const TempDir& dir() const { return m_dir; }

    void setNow(const QDateTime& now) { *m_clock = now; }
    QDateTime now() const { return *m_clock; }
    void advance(qint64 seconds) { *m_clock = m_clock->addSecs(seconds); }

    void open()
    {
        SessionOptions options =
            SessionOptions::deterministic(m_seed++, QDateTime(), QStringLiteral("test"));
        auto clock = m_clock;
        options.now = [clock] {
            return *clock;
        };
        options.minimumPasswordCost = true;
        auto s = Session::open(m_path, options);
        if (!s)
            FAIL(s.error().text().toStdString());
        session = std::move(s).value();
    }
    void close() { session.reset(); }

    // Acts as the named account (without a login, which the auth tests check on their own).
    User actAs(const QString& name)
    {
        auto user = session->users().find(name);
        REQUIRE(user.ok());
        if (!user.value())
            FAIL("no user " << name.toStdString());
        session->setCurrentUser(*user.value());
        return *user.value();
    }

    // Adds an account as the demo's administrator, then acts as whoever acted before.
    User addUser(const QString& name, const QList<Role>& roles)
    {
        const std::optional<User> before = session->currentUser();
        actAs(QStringLiteral("admin"));
        User u;
        u.name = name;
        u.fullName = name;
        u.roles = roles;
        const Status added = Auth::addUser(*session, u, Demo::password());
        if (!added)
            FAIL(added.error().text().toStdString());
        if (before)
            session->setCurrentUser(*before);
        return session->users().find(name).value().value();
    }

    void exec(const QString& sql)
    {
        const Status s = session->database().exec(sql);
        if (!s)
            FAIL(s.error().text().toStdString());
    }

    // A new draft observation, entered the way an import enters it (one bulk audit entry).
    QString draft(const QString& indicator, const Period& period, const QString& orgUnit,
                  const Decimal& value, const QString& reporter = QStringLiteral("officer"))
    {
        Observation o;
        o.indicator = indicator;
        o.period = period;
        o.orgUnit = orgUnit;
        o.value = value;
        o.source = QStringLiteral("test");
        o.reporter = reporter;
        Transaction tx(session->database());
        REQUIRE(tx.begun().ok());
        auto id = session->observations().insert(o);
        if (!id)
            FAIL(id.error().text().toStdString());
        auto entry = session->audit().recordBulk(QStringLiteral("test.observations"));
        REQUIRE(entry.ok());
        REQUIRE(tx.commit().ok());
        return id.value();
    }

    // Attaches a small PDF to an observation as the current user.
    void attachEvidence(const QString& observationId)
    {
        const QString file = m_dir.path(QStringLiteral("evidence-%1.pdf").arg(++m_files));
        writeFile(file, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n" +
                            QByteArray::number(m_files) + '\n');
        auto attached = EvidenceService::attachFiles(*session, Evidence::Target::Observation,
                                                     observationId, {file});
        if (!attached)
            FAIL(attached.error().text().toStdString());
    }

    QString state(const QString& observationId)
    {
        auto o = session->observations().find(observationId);
        REQUIRE(o.ok());
        return o->state;
    }

    // Every row of every table, as text: equal dumps mean an unchanged database.
    QStringList dump()
    {
        QStringList out;
        for (const QString& table : tables(session->database())) {
            auto stmt = session->database().prepare(QStringLiteral("SELECT * FROM ") + table +
                                                    QStringLiteral(" ORDER BY rowid"));
            REQUIRE(stmt.ok());
            for (;;) {
                auto row = stmt->step();
                if (!row)
                    FAIL(row.error().text().toStdString());
                if (!row.value())
                    break;
                QStringList cells;
                for (int i = 0; i < stmt->columnCount(); ++i)
                    cells << (stmt->isNull(i) ? QStringLiteral("<null>") : stmt->text(i));
                out << table + u'|' + cells.join(u'|');
            }
        }
        return out;
    }

    std::unique_ptr<Session> session;

private:
    TempDir m_dir;
    QString m_path;
    std::shared_ptr<QDateTime> m_clock;
    quint64 m_seed;
    Program m_program;
    int m_files = 0;
};

} // namespace dli::test

// Checks that a problem mentions every part, printing the problems when none does.
#define CHECK_MENTIONS(problems, ...)                                                              \
    do {                                                                                           \
        INFO("problems:\n" << (problems).join(u'\n').toStdString());                               \
        CHECK(dli::test::mentions((problems), QStringList{__VA_ARGS__}));                          \
    } while (false)
