#include "core/engine/photo_check.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace dli {

namespace {

double radians(double degrees)
{
    return degrees * std::numbers::pi / 180.0;
}

} // namespace

double PhotoCheck::distanceMetres(const GeoPoint& a, const GeoPoint& b)
{
    const double phi1 = radians(a.latitude);
    const double phi2 = radians(b.latitude);
    const double sinHalfPhi = std::sin((phi2 - phi1) / 2);
    const double sinHalfLambda = std::sin(radians(b.longitude - a.longitude) / 2);
    const double h =
        sinHalfPhi * sinHalfPhi + std::cos(phi1) * std::cos(phi2) * sinHalfLambda * sinHalfLambda;
    return 2 * EarthRadiusMetres * std::asin(std::min(1.0, std::sqrt(h)));
}

QString PhotoCheck::formatDistance(double metres)
{
    const double rounded = std::round(metres);
    if (rounded < 1000)
        return tr("%1 m").arg(QString::number(rounded, 'f', 0));
    return tr("%1 km").arg(QString::number(metres / 1000, 'f', 1));
}

QList<PhotoFinding> PhotoCheck::check(const PhotoMetadata& photo, const QString& firm,
                                      const std::optional<GeoPoint>& firmLocation,
                                      const QDate& visitFirst, const QDate& visitLast,
                                      double radiusMetres)
{
    QList<PhotoFinding> findings;
    auto add = [&findings](QStringView kind, QString message) {
        findings.append({kind.toString(), std::move(message)});
    };

    if (!photo.hasPosition()) {
        add(PhotoFinding::NoGps, tr("the photo has no GPS position"));
    } else if (!firmLocation) {
        add(PhotoFinding::NoFirmLocation,
            tr("%1 has no location in the firms register to compare the photo's GPS position with")
                .arg(firm));
    } else {
        const double distance = distanceMetres({*photo.latitude, *photo.longitude}, *firmLocation);
        if (std::round(distance) > radiusMetres)
            add(PhotoFinding::FarFromFirm,
                tr("taken %1 from %2's registered location (limit %3)")
                    .arg(formatDistance(distance), firm, formatDistance(radiusMetres)));
    }

    if (!photo.takenAt) {
        add(PhotoFinding::NoTime, tr("the photo has no capture time"));
    } else if (visitFirst.isValid() && visitLast.isValid()) {
        const auto [first, last] = std::minmax(visitFirst, visitLast);
        const QDate day = PhotoMetadata::pakistanDay(*photo.takenAt);
        const QString iso = day.toString(Qt::ISODate);
        if (day < first || day > last)
            add(PhotoFinding::OutsideVisit,
                first == last
                    ? tr("taken on %1, outside the visit of %2")
                          .arg(iso, first.toString(Qt::ISODate))
                    : tr("taken on %1, outside the visit of %2 to %3")
                          .arg(iso, first.toString(Qt::ISODate), last.toString(Qt::ISODate)));
    }
    return findings;
}

} // namespace dli
