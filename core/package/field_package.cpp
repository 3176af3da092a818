#include "core/package/field_package.h"

#include "core/package/manifest_parts.h"
#include "core/storage/database.h"
#include "core/storage/package_store.h"
#include "core/storage/session.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

const QString kManifest = u"manifest.json"_s;
const QString kData = u"data.sqlite"_s;
// The meta key of a working database that holds its package's manifest.
const QString kManifestKey = u"field_package"_s;

Error io(const QString& message, const QString& path)
{
    Error e(ErrorCode::Io, message);
    e.location = path;
    return e;
}

Status writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return io(FieldPackage::tr("cannot write the file: %1").arg(f.errorString()), path);
    return {};
}

} // namespace

QByteArray PackageManifest::toJson() const
{
    const QJsonObject o{{u"format"_s, QString::fromUtf16(Format)},
                        {u"package_id"_s, packageId},
                        {u"source_database_id"_s, sourceDatabaseId},
                        {u"created_by"_s, createdBy},
                        {u"created_at"_s, createdAt.toUTC().toString(Qt::ISODate)},
                        {u"assignee"_s, assignee},
                        {u"org_units"_s, QJsonArray::fromStringList(orgUnits)},
                        {u"observations"_s, observations},
                        {u"samples"_s, samples},
                        {u"firms"_s, firms},
                        {u"evidence"_s, evidence},
                        {u"base_audit_hash"_s, baseAuditHash},
                        {u"base_audit_seq"_s, baseAuditSeq},
                        {u"parts"_s, package::partsJson(parts)}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QString PackageManifest::holds() const
{
    const auto counted = [](qint64 n, const QString& one, const QString& many) {
        return n == 1 ? one : many.arg(n);
    };
    return QStringList{
        counted(observations, FieldPackage::tr("1 observation"),
                FieldPackage::tr("%1 observations")),
        counted(samples, FieldPackage::tr("1 open sample"), FieldPackage::tr("%1 open samples")),
        counted(firms, FieldPackage::tr("1 firm"), FieldPackage::tr("%1 firms")),
        counted(evidence, FieldPackage::tr("1 evidence file"),
                FieldPackage::tr("%1 evidence files"))}
        .join(FieldPackage::tr(", "));
}

Result<PackageManifest> PackageManifest::fromJson(const QByteArray& json)
{
    const std::optional<QJsonObject> parsed = package::manifestObject(json, Format);
    if (!parsed)
        return Error(ErrorCode::InvalidInput,
                     FieldPackage::tr("the package's manifest is not a %1 manifest")
                         .arg(QString::fromUtf16(Format)));
    const QJsonObject& o = *parsed;
    PackageManifest m;
    m.packageId = o.value(u"package_id"_s).toString();
    m.sourceDatabaseId = o.value(u"source_database_id"_s).toString();
    m.createdBy = o.value(u"created_by"_s).toString();
    m.createdAt = QDateTime::fromString(o.value(u"created_at"_s).toString(), Qt::ISODate);
    m.assignee = o.value(u"assignee"_s).toString();
    for (const QJsonValue& v : o.value(u"org_units"_s).toArray())
        m.orgUnits << v.toString();
    m.observations = o.value(u"observations"_s).toInteger();
    m.samples = o.value(u"samples"_s).toInteger();
    m.firms = o.value(u"firms"_s).toInteger();
    m.evidence = o.value(u"evidence"_s).toInteger();
    m.baseAuditHash = o.value(u"base_audit_hash"_s).toString();
    m.baseAuditSeq = o.value(u"base_audit_seq"_s).toInteger();
    m.parts = package::partsFrom(o.value(u"parts"_s).toObject());
    if (m.packageId.isEmpty() || m.assignee.isEmpty() || m.sourceDatabaseId.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     FieldPackage::tr("the package's manifest lacks its id, source or assignee"));
    return m;
}

QString FieldPackage::originalPath(const QString& workPath)
{
    return workPath + u".original"_s;
}

Result<PackageManifest> FieldPackage::make(Session& office, const Request& request,
                                           const QString& path, const QByteArray& passphrase,
                                           SealedArchive::KeyCost cost)
{
    const auto& me = office.currentUser();
    if (me && !me->has(Role::Verifier) && !me->has(Role::Manager) && !me->has(Role::Admin))
        return Error(ErrorCode::Forbidden, tr("%1 may not make field packages: that takes the "
                                              "verifier, manager or admin role")
                                               .arg(me->name));
    auto found = office.users().find(request.assignee);
    if (!found)
        return found.error();
    if (!found.value())
        return Error(ErrorCode::NotFound, tr("unknown user \"%1\"").arg(request.assignee));
    const User assignee = *found.value();
    if (assignee.disabled)
        return Error(
            ErrorCode::Conflict,
            tr("%1's account is disabled: enable it before sending them out").arg(assignee.name));
    if (!assignee.has(Role::Verifier))
        return Error(
            ErrorCode::Forbidden,
            tr("%1 is not a verifier: a field package goes to a verifier").arg(assignee.name));
    if (request.orgUnits.isEmpty() && request.observations.isEmpty() && request.samples.isEmpty())
        return Error(ErrorCode::Usage, tr("say what the visit is for: org units, observations "
                                          "or samples"));
    if (QFileInfo::exists(path))
        return io(tr("a file is already there; choose another name"), path);

    PackageStore::Scope scope;
    DLI_ASSIGN(scope, PackageStore::choose(office.database(), assignee.name, request.orgUnits,
                                           request.observations, request.samples));
    if (scope.observations.isEmpty())
        return Error(ErrorCode::NotFound,
                     tr("nothing to verify there: no submitted figure and no open sample"));

    // Cut a copy of the office database down to the visit.
    QTemporaryDir temp;
    if (!temp.isValid())
        return io(tr("cannot make a temporary folder"), temp.path());
    const QString copyPath = temp.filePath(kData);
    DLI_TRY(office.database().backupTo(copyPath));
    QString head;
    DLI_ASSIGN(head, office.audit().head());
    std::int64_t seq = 0;
    DLI_ASSIGN(seq, office.audit().nextSeq());
    PackageManifest m;
    m.packageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m.sourceDatabaseId = office.databaseId();
    m.createdBy = me ? me->name : office.options().userName;
    m.createdAt = office.options().now().toUTC();
    m.assignee = assignee.name;
    m.orgUnits = request.orgUnits;
    m.baseAuditHash = head;
    m.baseAuditSeq = seq - 1;
    {
        auto copy = Database::open(copyPath, Database::Mode::OpenExisting, -1);
        if (!copy)
            return copy.error();
        DLI_TRY(PackageStore::prune(*copy.value(), scope));
        PackageStore::Counts counts;
        DLI_ASSIGN(counts, PackageStore::count(*copy.value()));
        m.observations = counts.observations;
        m.samples = counts.samples;
        m.firms = counts.firms;
        m.evidence = counts.evidence;
        // The field copy continues the office's audit chain from its head.
        DLI_TRY(PackageStore::seal(*copy.value(), kManifestKey, QString::fromUtf8(m.toJson()),
                                   m.baseAuditHash, m.baseAuditSeq));
    }
    QFile data(copyPath);
    if (!data.open(QIODevice::ReadOnly))
        return io(tr("cannot read the package's data: %1").arg(data.errorString()), copyPath);
    const QByteArray bytes = data.readAll();
    m.parts.insert(kData, package::sha256Hex(bytes));
    DLI_TRY(SealedArchive::sealFile(path, {{kManifest, m.toJson()}, {kData, bytes}}, passphrase,
                                    SealedArchive::PackageKind, cost));
    auto entry = office.audit().recordEvent(u"package.export"_s,
                                            QJsonObject{{u"package_id"_s, m.packageId},
                                                        {u"assignee"_s, m.assignee},
                                                        {u"observations"_s, m.observations},
                                                        {u"samples"_s, m.samples},
                                                        {u"firms"_s, m.firms},
                                                        {u"file"_s, QFileInfo(path).fileName()}});
    if (!entry) {
        QFile::remove(path);
        return entry.error();
    }
    return m;
}

Result<PackageManifest> FieldPackage::open(const QString& packagePath, const QByteArray& passphrase,
                                           const QString& workPath)
{
    if (QFileInfo::exists(workPath))
        return io(tr("a file is already there; open the package into a new file"), workPath);
    QList<ArchiveEntry> entries;
    DLI_ASSIGN(entries,
               SealedArchive::openFile(packagePath, passphrase, SealedArchive::PackageKind));
    QByteArray manifestJson;
    QByteArray data;
    for (const ArchiveEntry& e : entries) {
        if (e.name == kManifest)
            manifestJson = e.data;
        else if (e.name == kData)
            data = e.data;
    }
    PackageManifest m;
    DLI_ASSIGN(m, PackageManifest::fromJson(manifestJson));
    if (data.isEmpty() || m.parts.value(kData) != package::sha256Hex(data)) {
        Error e(ErrorCode::InvalidInput,
                tr("the package's data does not match its manifest: the file was altered"));
        e.location = packagePath;
        return e;
    }
    DLI_TRY(writeFile(originalPath(workPath), data));
    QFile::setPermissions(originalPath(workPath), QFile::ReadOwner);
    if (Status written = writeFile(workPath, data); !written) {
        QFile::remove(originalPath(workPath));
        return written.error();
    }
    // A working database is a DLI Tracker database like any other: check it opens.
    auto session = Session::open(workPath);
    if (!session) {
        QFile::remove(workPath);
        QFile::remove(originalPath(workPath));
        return session.error();
    }
    return m;
}

Result<std::optional<PackageManifest>> FieldPackage::of(Session& session)
{
    std::optional<QString> json;
    DLI_ASSIGN(json, session.meta().get(kManifestKey));
    if (!json)
        return std::optional<PackageManifest>();
    PackageManifest m;
    DLI_ASSIGN(m, PackageManifest::fromJson(json->toUtf8()));
    return std::optional<PackageManifest>(m);
}

} // namespace dli
