#include "core/engine/photo_metadata.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <cmath>
#include <libexif/exif-data.h>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

struct ExifDataUnref {
    void operator()(ExifData* data) const { exif_data_unref(data); }
};
using ExifDataPtr = std::unique_ptr<ExifData, ExifDataUnref>;

// The GPS tags are macros in libexif's headers (their numbers clash with the interoperability
// IFD's), so they need the cast to ExifTag.
ExifEntry* entry(ExifData* data, ExifIfd ifd, int tag)
{
    return exif_content_get_entry(data->ifd[ifd], static_cast<ExifTag>(tag));
}

// An ASCII field up to its first NUL, trimmed; empty when absent or of another format.
QString text(const ExifEntry* e)
{
    if (!e || !e->data || (e->format != EXIF_FORMAT_ASCII && e->format != EXIF_FORMAT_UNDEFINED))
        return {};
    const auto* bytes = reinterpret_cast<const char*>(e->data);
    qsizetype n = 0;
    while (n < qsizetype(e->size) && bytes[n] != '\0')
        ++n;
    return QString::fromUtf8(bytes, n).trimmed();
}

// Degrees, minutes and seconds (RATIONAL or SRATIONAL, one to three of them: some cameras write
// decimal degrees, or degrees and decimal minutes) as decimal degrees; nothing when a part is
// missing, negative or has a zero denominator.
std::optional<double> degrees(const ExifEntry* e, ExifByteOrder order)
{
    if (!e || !e->data || e->components < 1 || e->components > 3)
        return std::nullopt;
    if (e->format != EXIF_FORMAT_RATIONAL && e->format != EXIF_FORMAT_SRATIONAL)
        return std::nullopt;
    const unsigned int width = exif_format_get_size(e->format);
    if (e->size < e->components * width)
        return std::nullopt;
    double value = 0;
    double unit = 1;
    for (unsigned int i = 0; i < e->components; ++i, unit *= 60) {
        const unsigned char* at = e->data + i * width;
        double numerator = 0;
        double denominator = 0;
        if (e->format == EXIF_FORMAT_RATIONAL) {
            const ExifRational r = exif_get_rational(at, order);
            numerator = r.numerator;
            denominator = r.denominator;
        } else {
            const ExifSRational r = exif_get_srational(at, order);
            numerator = r.numerator;
            denominator = r.denominator;
        }
        if (denominator == 0 || numerator / denominator < 0)
            return std::nullopt;
        value += numerator / denominator / unit;
    }
    return value;
}

// A coordinate with its reference: `positive` ("N" or "E") keeps the sign, `negative` ("S" or
// "W") turns it; any other reference, or a value beyond `limit`, leaves it unknown.
std::optional<double> coordinate(ExifData* data, int valueTag, int refTag, QChar positive,
                                 QChar negative, double limit)
{
    const std::optional<double> value =
        degrees(entry(data, EXIF_IFD_GPS, valueTag), exif_data_get_byte_order(data));
    const QString ref = text(entry(data, EXIF_IFD_GPS, refTag)).toUpper();
    if (!value || *value > limit || ref.size() != 1)
        return std::nullopt;
    if (ref.front() == positive)
        return *value;
    if (ref.front() == negative)
        return -*value;
    return std::nullopt;
}

// "+05:00" or "-03:30" as seconds ahead of UTC.
std::optional<int> utcOffset(const QString& text)
{
    static const QRegularExpression pattern(u"^([+-])(\\d{2}):(\\d{2})$"_s);
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int hours = m.captured(2).toInt();
    const int minutes = m.captured(3).toInt();
    if (hours > 14 || minutes > 59)
        return std::nullopt;
    const int seconds = hours * 3600 + minutes * 60;
    return m.captured(1) == u"-"_s ? -seconds : seconds;
}

// DateTimeOriginal ("YYYY:MM:DD HH:MM:SS", the camera's local time) at OffsetTimeOriginal when
// the photo has it; without it, at Pakistan Standard Time (PhotoMetadata::DefaultUtcOffsetSeconds).
std::optional<QDateTime> captureTime(ExifData* data)
{
    const QString local = text(entry(data, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL));
    const QDate date = QDate::fromString(local.left(10), u"yyyy:MM:dd"_s);
    const QTime time = QTime::fromString(local.mid(11, 8), u"HH:mm:ss"_s);
    if (local.size() < 19 || local.at(10) != u' ' || !date.isValid() || !time.isValid())
        return std::nullopt;
    const std::optional<int> offset =
        utcOffset(text(entry(data, EXIF_IFD_EXIF, EXIF_TAG_OFFSET_TIME_ORIGINAL)));
    return QDateTime(date, time,
                     QTimeZone(offset.value_or(PhotoMetadata::DefaultUtcOffsetSeconds)));
}

// "Make Model", without the make twice when the model repeats it ("Canon", "Canon EOS 80D").
QString cameraName(ExifData* data)
{
    const QString make = text(entry(data, EXIF_IFD_0, EXIF_TAG_MAKE));
    const QString model = text(entry(data, EXIF_IFD_0, EXIF_TAG_MODEL));
    if (make.isEmpty() || model.startsWith(make, Qt::CaseInsensitive))
        return model;
    if (model.isEmpty())
        return make;
    return make + u' ' + model;
}

} // namespace

Result<PhotoMetadata> PhotoMetadata::read(const QByteArray& jpeg)
{
    // Only a JPEG (SOI followed by a marker) is looked into; libexif would also take bare EXIF.
    if (jpeg.size() < 4 || !jpeg.startsWith("\xFF\xD8\xFF"))
        return PhotoMetadata{};
    if (jpeg.size() > qsizetype(std::numeric_limits<unsigned int>::max()))
        return Error(ErrorCode::InvalidInput, tr("the photo is too large to read its EXIF data"));

    ExifDataPtr data(exif_data_new());
    if (!data)
        return Error(ErrorCode::Io, tr("no memory to read the photo's EXIF data"));
    // Read what the photo says and nothing more: libexif would otherwise fill in mandatory
    // fields with defaults and drop tags it does not know.
    exif_data_unset_option(data.get(), EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
    exif_data_unset_option(data.get(), EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS);
    exif_data_load_data(data.get(), reinterpret_cast<const unsigned char*>(jpeg.constData()),
                        static_cast<unsigned int>(jpeg.size()));

    PhotoMetadata m;
    m.latitude =
        coordinate(data.get(), EXIF_TAG_GPS_LATITUDE, EXIF_TAG_GPS_LATITUDE_REF, u'N', u'S', 90);
    m.longitude =
        coordinate(data.get(), EXIF_TAG_GPS_LONGITUDE, EXIF_TAG_GPS_LONGITUDE_REF, u'E', u'W', 180);
    m.takenAt = captureTime(data.get());
    m.camera = cameraName(data.get());
    return m;
}

} // namespace dli
