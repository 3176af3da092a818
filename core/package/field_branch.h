#pragma once

#include "core/audit/audit_log.h"
#include "core/result.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

namespace dli {

class FieldExchangeStore;
struct ReturnManifest;

// What a return's changes hold, checked before anything is imported: the laptop's audit
// entries, which must continue the office chain from the package's base unbroken up to the
// head the manifest names, and the evidence contents, which must match their SHA-256. Every
// row the laptop changed must have been written by one of those entries: a row changed outside
// DLI Tracker (with an SQLite tool) makes the whole return refused.
struct FieldBranch {
    Q_DECLARE_TR_FUNCTIONS(FieldBranch)
public:
    QList<AuditEntry> entries;           // oldest first
    QHash<QString, QByteArray> contents; // evidence content by SHA-256

    static Result<FieldBranch> read(FieldExchangeStore& store,
                                    const QList<Database::Change>& changes,
                                    const ReturnManifest& manifest, const QString& path);
};

} // namespace dli
