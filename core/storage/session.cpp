#include "core/storage/session.h"

#include "core/storage/transaction.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace dli {

Session::Session(std::unique_ptr<Database> db, const SessionOptions& options)
    : m_options(options.withDefaults()), m_db(std::move(db)), m_meta(*m_db),
      m_programs(*m_db, m_options), m_observations(*m_db, m_options), m_registers(*m_db, m_options),
      m_evidence(*m_db, m_options), m_users(*m_db, m_options), m_events(*m_db),
      m_audit(*m_db, m_options)
{}

void Session::setCurrentUser(const User& user)
{
    m_user = user;
    m_options.userName = user.name;
}

Session::ActingAs::ActingAs(Session& session, const User& user)
    : m_session(session), m_user(session.m_user), m_userName(session.m_options.userName)
{
    session.setCurrentUser(user);
}

Session::ActingAs::~ActingAs()
{
    m_session.m_user = m_user;
    m_session.m_options.userName = m_userName;
}

Result<std::unique_ptr<Session>> Session::create(const QString& path, const SessionOptions& options)
{
    auto db = Database::open(path, Database::Mode::CreateNew);
    if (!db)
        return db.error();
    std::unique_ptr<Session> s(new Session(std::move(db).value(), options));
    Transaction tx(s->database());
    Status written = tx.begun();
    if (written)
        written = s->m_meta.set(u"database_id"_s, s->m_options.newId());
    if (written)
        written = s->m_meta.set(u"created_at"_s, s->m_options.now().toString(Qt::ISODate));
    if (written)
        written = s->m_meta.set(u"created_by_version"_s, QStringLiteral(DLI_VERSION));
    if (written) {
        auto entry = s->m_audit.recordBulk(u"database.create"_s);
        if (!entry)
            written = entry.error();
    }
    if (written)
        written = tx.commit();
    if (!written) {
        s.reset();
        QFile::remove(path); // a half-made database is worse than none
        return written.error();
    }
    return s;
}

Result<std::unique_ptr<Session>> Session::open(const QString& path, const SessionOptions& options,
                                               bool migrate)
{
    auto db = Database::open(path, Database::Mode::OpenExisting, migrate ? 0 : -1);
    if (!db)
        return db.error();
    std::unique_ptr<Session> s(new Session(std::move(db).value(), options));
    if (s->database().schemaVersion() >= 4)
        DLI_TRY(s->adoptRowsFromBeforeTheAuditLog());
    return s;
}

Status Session::adoptRowsFromBeforeTheAuditLog()
{
    // A file upgraded from a schema without the audit log: its rows enter the log in one entry.
    // Once the log has entries, an unstamped row is a finding of `audit verify` instead.
    auto entries = m_db->scalar(u"SELECT count(*) FROM audit_log"_s);
    if (!entries)
        return entries.error();
    if (entries.value() > 0)
        return {};
    // A field copy's log starts empty and continues the office chain from the base its meta
    // records (docs/audit.md, "Field copies"): its rows are the office's, nothing to adopt.
    auto base = m_db->prepare(u"SELECT count(*) FROM meta WHERE key IN (?, ?)"_s);
    if (!base)
        return base.error();
    base->bind(1, AuditLog::baseHashKey()).bind(2, AuditLog::baseSeqKey());
    DLI_TRY(base->step());
    if (base->int64(0) > 0)
        return {};
    Transaction tx(*m_db);
    DLI_TRY(tx.begun());
    auto entry = m_audit.recordBulk(u"audit.start"_s,
                                    QJsonObject{{u"note"_s, tr("rows present when the audit log "
                                                               "began (schema upgrade)")}});
    if (!entry)
        return entry.error();
    return tx.commit();
}

QString Session::databaseId()
{
    auto id = m_meta.get(u"database_id"_s);
    return id && id.value() ? *id.value() : QString();
}

} // namespace dli
