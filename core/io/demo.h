#pragma once

#include "core/auth/user.h"
#include "core/model/program.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace dli {

class Session;

// The bundled demo: a program modelled on the Punjab Jobs & Competitiveness PforR and PSIC's
// Cluster Development Initiative. The same seed always gives the same database content.
class Demo {
    Q_DECLARE_TR_FUNCTIONS(Demo)
public:
    static constexpr quint64 DefaultSeed = 2025;
    // The moment the demo's rows are stamped with, so that its content does not depend on when
    // it was made.
    static QDateTime fixedNow();
    static QString userName();

    // One account per role, all with the same password, printed by `dlitracker-cli demo` and
    // written in the README: the demo is for trying DLI Tracker out, never for real data.
    struct Account {
        QString name;
        QString fullName;
        Role role;
    };
    static const QList<Account>& accounts();
    static QString password();

    // Whether the session's database was made by create() (and so has the demo's accounts).
    static bool isDemo(Session& session);

    static Result<Program> program();
    // Writes a new demo database at path (refusing a file that exists): the program, its
    // registers, three years of observations in every state of the workflow, evidence files, a
    // closed sample, the accounts, and the audit log of it all (DemoData).
    static Status create(const QString& path, quint64 seed = DefaultSeed);
};

} // namespace dli
