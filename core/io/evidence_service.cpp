#include "core/io/evidence_service.h"

#include "core/auth/auth.h"
#include "core/io/field_photos.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// A file read and checked, ready to be stored.
struct LoadedFile {
    QString path;
    QString fileName;
    QString mimeType;
    QByteArray bytes;
};

Error tooLarge(const QString& path, qint64 size)
{
    return Error(ErrorCode::InvalidInput,
                 EvidenceService::tr("the file is %1 bytes, above the limit of %2 bytes (25 MiB) "
                                     "per file; nothing was attached")
                     .arg(size)
                     .arg(EvidenceService::MaxFileBytes),
                 path);
}

Result<LoadedFile> load(const QString& path, const QMimeDatabase& mimeTypes)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error(ErrorCode::Io, EvidenceService::tr("no such file; nothing was attached"),
                     path);
    if (info.isDir())
        return Error(ErrorCode::Io,
                     EvidenceService::tr("this is a folder, not a file; nothing was attached"),
                     path);
    if (info.size() > EvidenceService::MaxFileBytes)
        return tooLarge(path, info.size());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io,
                     EvidenceService::tr("cannot read the file: %1; nothing was attached")
                         .arg(file.errorString()),
                     path);
    // Never more than the limit in memory, even from a file that grows or a device.
    LoadedFile loaded{path, info.fileName(), {}, file.read(EvidenceService::MaxFileBytes + 1)};
    if (file.error() != QFileDevice::NoError)
        return Error(ErrorCode::Io,
                     EvidenceService::tr("cannot read the file: %1; nothing was attached")
                         .arg(file.errorString()),
                     path);
    if (loaded.bytes.size() > EvidenceService::MaxFileBytes)
        return tooLarge(path, qMax(info.size(), qint64(loaded.bytes.size())));
    loaded.mimeType = mimeTypes.mimeTypeForFileNameAndData(loaded.fileName, loaded.bytes).name();
    return loaded;
}

QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

Result<QList<Evidence>> EvidenceService::attachFiles(Session& session, Evidence::Target target,
                                                     const QString& key, const QStringList& paths)
{
    DLI_TRY(Auth::require(session, {Role::Officer, Role::Verifier}, tr("attaching evidence")));
    if (paths.isEmpty())
        return Error(ErrorCode::Usage, tr("no files to attach"));
    Transaction tx(session.database());
    DLI_TRY(tx.begun());
    QList<Evidence> attached;
    DLI_ASSIGN(attached, attachWithin(session, target, key, paths));
    DLI_TRY(tx.commit());
    emit session.notifier().evidenceChanged();
    return attached;
}

Result<QList<Evidence>> EvidenceService::attachWithin(Session& session, Evidence::Target target,
                                                      const QString& key, const QStringList& paths,
                                                      const QString& firmCode)
{
    const QMimeDatabase mimeTypes;
    QList<LoadedFile> files;
    for (const QString& path : paths) {
        LoadedFile file;
        DLI_ASSIGN(file, load(path, mimeTypes));
        files << std::move(file);
    }
    QList<Evidence> attached;
    for (const LoadedFile& file : files) {
        auto evidence =
            session.evidence().attach(target, key, file.fileName, file.mimeType, file.bytes);
        if (!evidence) {
            Error error = evidence.error();
            if (error.code == ErrorCode::Conflict)
                error.location = file.path;
            error.message = tr("%1; nothing was attached").arg(error.message);
            return error;
        }
        DLI_TRY(FieldPhotos::judge(session, evidence.value(), file.bytes, firmCode));
        auto entry = session.audit().recordRow(u"evidence.attach"_s, u"evidence"_s, evidence->id,
                                               std::nullopt);
        if (!entry)
            return entry.error();
        attached << std::move(evidence).value();
    }
    return attached;
}

Result<Evidence> EvidenceService::attachReceived(Session& session, Evidence::Target target,
                                                 const QString& key, const Received& file)
{
    DLI_TRY(Auth::require(session, {Role::Officer, Role::Verifier}, tr("attaching evidence")));
    if (file.bytes.size() > MaxFileBytes)
        return tooLarge(file.fileName, file.bytes.size());
    Transaction tx(session.database());
    DLI_TRY(tx.begun());
    Evidence evidence;
    DLI_ASSIGN(evidence, session.evidence().attach(target, key, file.fileName, file.mimeType,
                                                   file.bytes, file.id));
    DLI_TRY(FieldPhotos::judge(session, evidence, file.bytes, file.firmCode));
    auto entry =
        session.audit().recordRow(u"evidence.attach"_s, u"evidence"_s, evidence.id, std::nullopt);
    if (!entry)
        return entry.error();
    DLI_TRY(tx.commit());
    emit session.notifier().evidenceChanged();
    return evidence;
}

Result<Evidence> EvidenceService::exportTo(Session& session, const QString& id,
                                           const QString& outPath)
{
    if (QFileInfo::exists(outPath))
        return Error(ErrorCode::Conflict,
                     tr("the file already exists; choose a new name, it is never overwritten"),
                     outPath);
    Evidence evidence;
    DLI_ASSIGN(evidence, session.evidence().find(id));
    QByteArray bytes;
    DLI_ASSIGN(bytes, session.evidence().content(id));
    if (bytes.size() != evidence.size || sha256Hex(bytes) != evidence.sha256)
        return Error(ErrorCode::Database,
                     tr("the stored evidence is damaged: the content of evidence %1 (%2) no longer "
                        "matches its SHA-256; restore the latest backup")
                         .arg(id, evidence.fileName));
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error(ErrorCode::Io, tr("cannot write the file: %1").arg(file.errorString()),
                     outPath);
    return evidence;
}

} // namespace dli
