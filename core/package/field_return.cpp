#include "core/package/field_return.h"

#include "core/package/field_package.h"
#include "core/package/manifest_parts.h"
#include "core/storage/database.h"
#include "core/storage/session.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

const QString kManifest = u"manifest.json"_s;
const QString kChanges = u"changes.sqlite-changeset"_s;

} // namespace

QByteArray ReturnManifest::toJson() const
{
    const QJsonObject o{{u"format"_s, QString::fromUtf16(Format)},
                        {u"package_id"_s, packageId},
                        {u"source_database_id"_s, sourceDatabaseId},
                        {u"assignee"_s, assignee},
                        {u"package_created_at"_s, packageCreatedAt.toUTC().toString(Qt::ISODate)},
                        {u"created_by"_s, createdBy},
                        {u"created_at"_s, createdAt.toUTC().toString(Qt::ISODate)},
                        {u"base_audit_hash"_s, baseAuditHash},
                        {u"base_audit_seq"_s, baseAuditSeq},
                        {u"field_audit_head"_s, fieldAuditHead},
                        {u"field_audit_entries"_s, fieldAuditEntries},
                        {u"changes"_s, changes},
                        {u"parts"_s, package::partsJson(parts)}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<ReturnManifest> ReturnManifest::fromJson(const QByteArray& json)
{
    const std::optional<QJsonObject> parsed = package::manifestObject(json, Format);
    if (!parsed)
        return Error(ErrorCode::InvalidInput,
                     FieldReturn::tr("the return's manifest is not a %1 manifest")
                         .arg(QString::fromUtf16(Format)));
    const QJsonObject& o = *parsed;
    ReturnManifest m;
    m.packageId = o.value(u"package_id"_s).toString();
    m.sourceDatabaseId = o.value(u"source_database_id"_s).toString();
    m.assignee = o.value(u"assignee"_s).toString();
    m.packageCreatedAt =
        QDateTime::fromString(o.value(u"package_created_at"_s).toString(), Qt::ISODate);
    m.createdBy = o.value(u"created_by"_s).toString();
    m.createdAt = QDateTime::fromString(o.value(u"created_at"_s).toString(), Qt::ISODate);
    m.baseAuditHash = o.value(u"base_audit_hash"_s).toString();
    m.baseAuditSeq = o.value(u"base_audit_seq"_s).toInteger();
    m.fieldAuditHead = o.value(u"field_audit_head"_s).toString();
    m.fieldAuditEntries = o.value(u"field_audit_entries"_s).toInteger();
    m.changes = o.value(u"changes"_s).toInteger();
    m.parts = package::partsFrom(o.value(u"parts"_s).toObject());
    if (m.packageId.isEmpty() || m.sourceDatabaseId.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     FieldReturn::tr("the return's manifest lacks its package or source"));
    return m;
}

Result<ReturnManifest> FieldReturn::make(Session& field, const QString& path,
                                         const QByteArray& passphrase, SealedArchive::KeyCost cost)
{
    std::optional<PackageManifest> package;
    DLI_ASSIGN(package, FieldPackage::of(field));
    if (!package)
        return Error(ErrorCode::Usage, tr("%1 is not a field package's working copy: a return is "
                                          "made on the laptop")
                                           .arg(QFileInfo(field.path()).fileName()));
    if (QFileInfo::exists(path)) {
        Error e(ErrorCode::Io, tr("a file is already there; choose another name"));
        e.location = path;
        return e;
    }
    QByteArray changeset;
    DLI_ASSIGN(changeset,
               field.database().changesetSince(FieldPackage::originalPath(field.path())));
    QList<Database::Change> changes;
    DLI_ASSIGN(changes, Database::changes(changeset));
    ReturnManifest m;
    m.packageId = package->packageId;
    m.sourceDatabaseId = package->sourceDatabaseId;
    m.assignee = package->assignee;
    m.packageCreatedAt = package->createdAt;
    m.createdBy = field.currentUser() ? field.currentUser()->name : field.options().userName;
    m.createdAt = field.options().now().toUTC();
    m.baseAuditHash = package->baseAuditHash;
    m.baseAuditSeq = package->baseAuditSeq;
    DLI_ASSIGN(m.fieldAuditHead, field.audit().head());
    std::int64_t next = 0;
    DLI_ASSIGN(next, field.audit().nextSeq());
    m.fieldAuditEntries = next - 1 - m.baseAuditSeq;
    m.changes = changes.size();
    m.parts.insert(kChanges, package::sha256Hex(changeset));
    DLI_TRY(SealedArchive::sealFile(path, {{kManifest, m.toJson()}, {kChanges, changeset}},
                                    passphrase, SealedArchive::ReturnKind, cost));
    return m;
}

Result<FieldReturn::Opened> FieldReturn::open(const QString& path, const QByteArray& passphrase)
{
    QList<ArchiveEntry> entries;
    DLI_ASSIGN(entries, SealedArchive::openFile(path, passphrase, SealedArchive::ReturnKind));
    Opened out;
    QByteArray manifest;
    bool found = false;
    for (const ArchiveEntry& e : entries) {
        if (e.name == kManifest)
            manifest = e.data;
        if (e.name == kChanges) {
            out.changeset = e.data;
            found = true;
        }
    }
    DLI_ASSIGN(out.manifest, ReturnManifest::fromJson(manifest));
    if (!found || out.manifest.parts.value(kChanges) != package::sha256Hex(out.changeset)) {
        Error e(ErrorCode::InvalidInput,
                tr("the return's changes do not match its manifest: the file was altered"));
        e.location = path;
        return e;
    }
    DLI_ASSIGN(out.changes, Database::changes(out.changeset));
    const QList<Database::Change>& changes = out.changes;
    if (changes.size() != out.manifest.changes) {
        Error e(ErrorCode::InvalidInput,
                tr("the return holds %1 changes where its manifest says %2: the file was altered")
                    .arg(changes.size())
                    .arg(out.manifest.changes));
        e.location = path;
        return e;
    }
    return out;
}

} // namespace dli
