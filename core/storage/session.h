#pragma once

#include "core/audit/audit_log.h"
#include "core/auth/user.h"
#include "core/result.h"
#include "core/storage/change_notifier.h"
#include "core/storage/database.h"
#include "core/storage/event_repository.h"
#include "core/storage/evidence_repository.h"
#include "core/storage/meta_repository.h"
#include "core/storage/observation_repository.h"
#include "core/storage/program_repository.h"
#include "core/storage/register_repository.h"
#include "core/storage/session_options.h"
#include "core/storage/user_repository.h"

#include <QDate>
#include <memory>

namespace dli {

// One open database with its repositories and change notifier. The application creates it and
// hands it down by reference; there are no global instances.
class Session {
    Q_DECLARE_TR_FUNCTIONS(Session)
public:
    // Makes a new database file (refusing one that exists) with the current schema.
    static Result<std::unique_ptr<Session>> create(const QString& path,
                                                   const SessionOptions& options = {});
    // Opens an existing DLI Tracker database, migrating an older schema forward.
    // migrate = false leaves an older schema as it is, for commands that only copy the file.
    static Result<std::unique_ptr<Session>>
    open(const QString& path, const SessionOptions& options = {}, bool migrate = true);

    Database& database() { return *m_db; }
    MetaRepository& meta() { return m_meta; }
    ProgramRepository& programs() { return m_programs; }
    ObservationRepository& observations() { return m_observations; }
    RegisterRepository& registers() { return m_registers; }
    EvidenceRepository& evidence() { return m_evidence; }
    UserRepository& users() { return m_users; }
    EventRepository& events() { return m_events; }
    AuditLog& audit() { return m_audit; }
    ChangeNotifier& notifier() { return m_notifier; }
    const SessionOptions& options() const { return m_options; }

    // Who is logged in (Auth::login); empty in a database without accounts.
    const std::optional<User>& currentUser() const { return m_user; }
    // Acts as the user from now on: audit entries and new rows carry their name.
    void setCurrentUser(const User& user);

    // Acts as another account for a while: a field return's changes are replayed at the office
    // as their author made them, so every rule (roles, four eyes) is checked for that author
    // and the rows and audit entries carry their name. The office user stays logged in.
    class ActingAs {
    public:
        ActingAs(Session& session, const User& user);
        ~ActingAs();
        ActingAs(const ActingAs&) = delete;
        ActingAs& operator=(const ActingAs&) = delete;

    private:
        Session& m_session;
        std::optional<User> m_user;
        QString m_userName;
    };

    // The field visit that evidence is attached in, when it is set from outside the laptop: a
    // field return's import sets it while it replays the visit's changes, so that its photos are
    // judged against the visit's days (docs/field-packages.md, "Photos"). On a field copy itself
    // the visit is read from the package.
    struct FieldVisit {
        QDate first; // the day the package was made
        QDate last;  // the day of the change being replayed
    };
    const std::optional<FieldVisit>& fieldVisit() const { return m_fieldVisit; }
    void setFieldVisit(const std::optional<FieldVisit>& visit) { m_fieldVisit = visit; }

    QString path() const { return m_db->path(); }
    QString databaseId();

private:
    Session(std::unique_ptr<Database> db, const SessionOptions& options);
    Status adoptRowsFromBeforeTheAuditLog();

    SessionOptions m_options;
    std::unique_ptr<Database> m_db;
    MetaRepository m_meta;
    ProgramRepository m_programs;
    ObservationRepository m_observations;
    RegisterRepository m_registers;
    EvidenceRepository m_evidence;
    UserRepository m_users;
    EventRepository m_events;
    AuditLog m_audit;
    std::optional<User> m_user;
    std::optional<FieldVisit> m_fieldVisit;
    ChangeNotifier m_notifier;
};

} // namespace dli
