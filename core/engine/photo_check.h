#pragma once

#include "core/engine/photo_metadata.h"
#include "core/model/photo_finding.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace dli {

// A point on the earth in decimal degrees (WGS84), south and west negative.
struct GeoPoint {
    double latitude = 0;
    double longitude = 0;
};

// Judges an evidence photo taken during a field visit against the firm's location in the firms
// register and the visit's dates. Pure: no database, no files.
class PhotoCheck {
    Q_DECLARE_TR_FUNCTIONS(PhotoCheck)
public:
    static constexpr double DefaultRadiusMetres = 500.0;
    static constexpr double EarthRadiusMetres = 6371008.8; // WGS84 mean radius (IUGG R1)

    // The findings, position first, then time:
    // * no_gps when the photo has no position; otherwise no_firm_location when the firm has none,
    //   or far_from_firm when the distance, rounded to the metre, is beyond radiusMetres (a photo
    //   exactly at the limit is within it);
    // * no_time when the photo has no capture time; otherwise outside_visit when its date, in
    //   Pakistan Standard Time, is before visitFirst or after visitLast. Without both visit dates
    //   the time is not judged.
    // `firm` names the firm in messages (its code or name).
    static QList<PhotoFinding> check(const PhotoMetadata& photo, const QString& firm,
                                     const std::optional<GeoPoint>& firmLocation,
                                     const QDate& visitFirst, const QDate& visitLast,
                                     double radiusMetres = DefaultRadiusMetres);

    // The great-circle distance by the haversine formula on a sphere of EarthRadiusMetres.
    static double distanceMetres(const GeoPoint& a, const GeoPoint& b);
    // "740 m" under a kilometre (rounded to the metre), else "1.8 km".
    static QString formatDistance(double metres);
};

} // namespace dli
