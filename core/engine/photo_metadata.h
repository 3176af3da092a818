#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <optional>

namespace dli {

// What an evidence photo's EXIF data says about where, when and with what it was taken
// (docs/field-packages.md, "Photos"). Every part is optional: many photos carry none of it.
struct PhotoMetadata {
    std::optional<double> latitude;   // decimal degrees, south negative (GPSLatitude/Ref)
    std::optional<double> longitude;  // decimal degrees, west negative (GPSLongitude/Ref)
    std::optional<QDateTime> takenAt; // DateTimeOriginal, at its OffsetTimeOriginal or at PKT
    QString camera;                   // "Make Model", empty when the photo names neither

    // A photo's capture time without OffsetTimeOriginal is taken as Pakistan Standard Time
    // (UTC+05:00, no daylight saving): the verifiers' cameras and phones are set to it.
    static constexpr int DefaultUtcOffsetSeconds = 5 * 3600;

    // The day of a moment in Pakistan Standard Time: the visits' and the photos' days.
    static QDate pakistanDay(const QDateTime& at)
    {
        return at.toOffsetFromUtc(DefaultUtcOffsetSeconds).date();
    }

    // Both coordinates are known.
    bool hasPosition() const { return latitude.has_value() && longitude.has_value(); }

    // Reads the EXIF data of a JPEG with libexif. Data that is not a JPEG (a PNG, a PDF), a JPEG
    // without EXIF, and EXIF fields that are missing or unreadable (a zero denominator, a
    // latitude beyond 90 degrees, an unknown N/S/E/W reference, an impossible date) give empty
    // parts, not an error: the photo is then judged as one without them. An error only when the
    // data cannot be handed to libexif at all.
    static Result<PhotoMetadata> read(const QByteArray& jpeg);

    friend bool operator==(const PhotoMetadata&, const PhotoMetadata&) = default;

    Q_DECLARE_TR_FUNCTIONS(PhotoMetadata)
};

} // namespace dli
