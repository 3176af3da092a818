#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QStringList>

namespace dli {

class Database;

// The SQL side of a field package: what a visit needs is chosen from the office database, and a
// copy of that database is cut down to it (docs/field-packages.md).
class PackageStore {
    Q_DECLARE_TR_FUNCTIONS(PackageStore)
public:
    // What goes to the laptop.
    struct Scope {
        QString assignee;           // the one account kept
        QSet<QString> observations; // ids
        QSet<QString> samples;      // ids
        QSet<QString> firms;        // ids
        QSet<QString> units;        // org unit ids named, with the units below them
    };

    // Chooses the scope in the office database: the observations named, the submitted ones of
    // the org units named (and the units below them), the samples named and the open samples of
    // those observations (whose observations come too); the firms of those org units and the
    // firms a kept sample draws. Unknown ids and codes are refused with their name.
    static Result<Scope> choose(Database& db, const QString& assignee, const QStringList& orgUnits,
                                const QStringList& observationIds, const QStringList& sampleIds);

    // Cuts a copy of the office database down to the scope, in one transaction, then VACUUMs so
    // that nothing deleted lingers in the file: other observations and their history, other
    // firms and their register rows, evidence not attached to what is kept, every other
    // account, the login history, the money events and the audit log (the copy records the
    // office chain's head instead; see AuditLog). Indicators, targets and the program stay.
    static Status prune(Database& copy, const Scope& scope);

    // Writes the package's manifest into the cut-down copy (meta key `key`), as a row of the
    // office's chain (audit_ref = baseSeq), and records where the office chain stood, so that
    // the field copy's audit log continues it (AuditLog::setBase).
    static Status seal(Database& copy, const QString& key, const QString& manifestJson,
                       const QString& baseHash, qint64 baseSeq);

    // Counts of what a database holds, for the manifest and the messages.
    struct Counts {
        qint64 observations = 0;
        qint64 samples = 0;
        qint64 firms = 0;
        qint64 evidence = 0;
    };
    static Result<Counts> count(Database& db);
};

} // namespace dli
