#pragma once

#include "core/package/sealed_archive.h"
#include "core/result.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>

namespace dli {

class Session;

// What a return says about itself (manifest.json inside the sealed .dlireturn file).
struct ReturnManifest {
    static constexpr auto Format = u"dlitracker-return/1";
    QString packageId;
    QString sourceDatabaseId; // the office database the package was cut from
    QString assignee;
    QDateTime packageCreatedAt; // UTC: the field visit starts that day
    QString createdBy;
    QDateTime createdAt;   // UTC
    QString baseAuditHash; // where the field branch of the audit log starts
    qint64 baseAuditSeq = 0;
    QString fieldAuditHead; // the laptop's last audit entry
    qint64 fieldAuditEntries = 0;
    qint64 changes = 0;           // rows inserted, updated or deleted
    QMap<QString, QString> parts; // entry name -> SHA-256 (hex)

    QByteArray toJson() const;
    static Result<ReturnManifest> fromJson(const QByteArray& json);
};

// Findings back in, first half: on the laptop, the changes since the package was opened,
// computed by comparing the working database with the package's original content (SQLite's
// session extension, so restarts in between lose nothing), sealed with the evidence files
// (their contents are rows of the store) and a manifest with hashes.
class FieldReturn {
    Q_DECLARE_TR_FUNCTIONS(FieldReturn)
public:
    // `field` is the working database opened from a package (FieldPackage::open).
    static Result<ReturnManifest>
    make(Session& field, const QString& path, const QByteArray& passphrase,
         SealedArchive::KeyCost cost = SealedArchive::KeyCost::Moderate);
    // The changes a return carries, after checking them against its manifest.
    struct Opened {
        ReturnManifest manifest;
        QByteArray changeset;
        QList<Database::Change> changes; // the changeset, read
    };
    static Result<Opened> open(const QString& path, const QByteArray& passphrase);
};

} // namespace dli
