#include "core/io/field_photos.h"

#include "core/engine/photo_check.h"
#include "core/engine/photo_metadata.h"
#include "core/package/field_package.h"

using namespace Qt::StringLiterals;

namespace dli {

Result<std::optional<Session::FieldVisit>> FieldPhotos::currentVisit(Session& session)
{
    if (session.fieldVisit())
        return session.fieldVisit();
    std::optional<PackageManifest> package;
    DLI_ASSIGN(package, FieldPackage::of(session));
    if (!package)
        return std::optional<Session::FieldVisit>();
    return std::optional<Session::FieldVisit>(
        Session::FieldVisit{PhotoMetadata::pakistanDay(package->createdAt),
                            PhotoMetadata::pakistanDay(session.options().now())});
}

Status FieldPhotos::judge(Session& session, Evidence& evidence, const QByteArray& bytes,
                          const QString& firmCode)
{
    if (!evidence.mimeType.startsWith(u"image/"_s))
        return {};
    std::optional<Session::FieldVisit> visit;
    DLI_ASSIGN(visit, currentVisit(session));
    if (!visit)
        return {};

    std::optional<EvidenceRepository::FirmPlace> firm;
    if (evidence.target != Evidence::Target::Observation) {
        DLI_ASSIGN(firm, session.evidence().firmOf(evidence.target, evidence.targetId));
    } else if (!firmCode.isEmpty()) {
        DLI_ASSIGN(firm, session.evidence().firmOf(Evidence::Target::Firm, firmCode));
    }
    // A photo libexif cannot be handed is judged as one without EXIF: it is kept all the same.
    const PhotoMetadata photo = PhotoMetadata::read(bytes).value_or(PhotoMetadata{});
    std::optional<GeoPoint> location;
    if (firm && firm->latitude && firm->longitude)
        location = GeoPoint{*firm->latitude, *firm->longitude};
    QList<PhotoFinding> findings = PhotoCheck::check(photo, firm ? firm->code : QString(), location,
                                                     visit->first, visit->last);
    // Without a firm there is nothing to measure the position against: only its absence counts.
    if (!firm)
        findings.removeIf(
            [](const PhotoFinding& f) { return f.kind == PhotoFinding::NoFirmLocation; });
    DLI_TRY(session.evidence().setFindings(evidence.id, findings));
    evidence.findings = findings;
    return {};
}

} // namespace dli
