#pragma once

#include "core/package/sealed_archive.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QStringList>
#include <optional>

namespace dli {

class Session;

// What a field package says about itself (manifest.json inside the sealed file).
struct PackageManifest {
    static constexpr auto Format = u"dlitracker-package/1";
    QString packageId;
    QString sourceDatabaseId; // the office database it was cut from
    QString createdBy;
    QDateTime createdAt; // UTC
    QString assignee;
    QStringList orgUnits; // as requested
    qint64 observations = 0;
    qint64 samples = 0;
    qint64 firms = 0;
    qint64 evidence = 0;
    QString baseAuditHash; // the office audit log's head when the package was made
    qint64 baseAuditSeq = 0;
    QMap<QString, QString> parts; // entry name -> SHA-256 (hex)

    QByteArray toJson() const;
    static Result<PackageManifest> fromJson(const QByteArray& json);
    // What it holds, for people: "6 observations, 1 open sample, 71 firms, 6 evidence files".
    QString holds() const;
};

// Field packages out to laptops (docs/field-packages.md): the office cuts what a visit needs
// from its database into a sealed, encrypted file; the laptop opens it as a field-mode working
// database in which only the assignee can log in.
class FieldPackage {
    Q_DECLARE_TR_FUNCTIONS(FieldPackage)
public:
    struct Request {
        QString assignee;         // a verifier's account
        QStringList orgUnits;     // codes: their submitted figures, and their firms
        QStringList observations; // ids
        QStringList samples;      // ids of open samples
    };

    // Makes the package (verifiers, managers and administrators) and records it in the office
    // audit log. Nothing is written at `path` unless all of it succeeds.
    static Result<PackageManifest>
    make(Session& office, const Request& request, const QString& path, const QByteArray& passphrase,
         SealedArchive::KeyCost cost = SealedArchive::KeyCost::Moderate);

    // Opens a package on the laptop: checks every part against the manifest, writes the
    // working database at workPath (refusing a file that exists) and, beside it, the package's
    // original content (originalPath(workPath)), which a return is computed against.
    static Result<PackageManifest> open(const QString& packagePath, const QByteArray& passphrase,
                                        const QString& workPath);

    static QString originalPath(const QString& workPath);

    // The manifest of the package a working database was opened from; nothing for an office
    // database.
    static Result<std::optional<PackageManifest>> of(Session& session);
};

} // namespace dli
