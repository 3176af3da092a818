#pragma once

// Small photos for the photo tests, made in memory: a tiny JPEG (as Qt writes an 8x8 grey image)
// with an APP1 Exif segment built by libexif, a JPEG without one, and a PNG.

#include <QByteArray>
#include <QString>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <libexif/exif-data.h>
#include <optional>

namespace dli::test {

// What the photo's EXIF says; empty parts are left out.
struct ExifFields {
    std::optional<double> latitude;  // decimal degrees, south negative
    std::optional<double> longitude; // decimal degrees, west negative
    QString latitudeRef;             // "N"/"S" from the sign unless given
    QString longitudeRef;            // "E"/"W" from the sign unless given
    QString dateTimeOriginal;        // "YYYY:MM:DD HH:MM:SS"
    QString offsetTimeOriginal;      // "+05:00"
    QString make;
    QString model;
    ExifByteOrder byteOrder = EXIF_BYTE_ORDER_INTEL;
    // Coordinates as degrees and decimal minutes (two rationals), as some phones write them,
    // instead of degrees, minutes and seconds to 1/10000 s.
    bool decimalMinutes = false;
};

// An 8x8 grey baseline JPEG with a JFIF APP0 segment and no EXIF.
inline QByteArray plainJpeg()
{
    return QByteArray::fromBase64(
        "/9j/4AAQSkZJRgABAQEAZABkAAD/"
        "2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19i"
        "Z2hnPk1xeXBkeFxlZ2P/"
        "2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2Nj"
        "Y2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/"
        "8QAtRAAAgEDAwIEAwUF"
        "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRk"
        "dISUpTVFVW"
        "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1N"
        "XW19jZ2uHi"
        "4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/"
        "8QAtREAAgECBAQDBAcFBAQAAQJ3AAEC"
        "AxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVl"
        "dYWVpjZGVm"
        "Z2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4u"
        "Pk5ebn6Onq"
        "8vP09fb3+Pn6/9oADAMBAAIRAxEAPwAooooA/9k=");
}

// A 1x1 grey PNG.
inline QByteArray pngImage()
{
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAACXBIWXMAAA9hAAAPYQGoP6dp"
        "AAAADElEQVQImWNoaGgAAAMEAYEezv+mAAAAAElFTkSuQmCC");
}

namespace detail {

// A new entry of `components` values of `format` in the IFD, owned by the EXIF data.
inline ExifEntry* addEntry(ExifData* data, ExifIfd ifd, int tag, ExifFormat format,
                           unsigned int components)
{
    ExifMem* mem = exif_mem_new_default();
    ExifEntry* e = exif_entry_new_mem(mem);
    const unsigned int size = exif_format_get_size(format) * components;
    e->data = static_cast<unsigned char*>(exif_mem_alloc(mem, size));
    e->size = size;
    e->tag = static_cast<ExifTag>(tag);
    e->format = format;
    e->components = components;
    exif_content_add_entry(data->ifd[ifd], e);
    exif_entry_unref(e);
    exif_mem_unref(mem);
    return e;
}

inline void addText(ExifData* data, ExifIfd ifd, int tag, const QString& value)
{
    if (value.isEmpty())
        return;
    const QByteArray bytes = value.toUtf8();
    ExifEntry* e = addEntry(data, ifd, tag, EXIF_FORMAT_ASCII, unsigned(bytes.size()) + 1);
    std::copy(bytes.begin(), bytes.end(), e->data);
    e->data[bytes.size()] = 0;
}

inline void addDegrees(ExifData* data, int tag, double value, bool decimalMinutes,
                       ExifByteOrder order)
{
    const double a = std::abs(value);
    auto degrees = static_cast<ExifLong>(std::floor(a));
    const double minutes = (a - degrees) * 60;
    ExifRational parts[3]{};
    if (decimalMinutes) {
        parts[0] = {degrees, 1};
        parts[1] = {static_cast<ExifLong>(std::llround(minutes * 1000000)), 1000000};
    } else {
        auto whole = static_cast<ExifLong>(std::floor(minutes));
        auto seconds = static_cast<ExifLong>(std::llround((minutes - whole) * 60 * 10000));
        if (seconds >= 600000) { // 59.99995 s rounds up to the next minute
            seconds -= 600000;
            if (++whole == 60) {
                whole = 0;
                ++degrees;
            }
        }
        parts[0] = {degrees, 1};
        parts[1] = {whole, 1};
        parts[2] = {seconds, 10000};
    }
    const unsigned int count = decimalMinutes ? 2 : 3;
    ExifEntry* e = addEntry(data, EXIF_IFD_GPS, tag, EXIF_FORMAT_RATIONAL, count);
    for (unsigned int i = 0; i < count; ++i)
        exif_set_rational(e->data + 8 * i, order, parts[i]);
}

} // namespace detail

// The plain JPEG with an APP1 Exif segment, built by libexif, after its APP0 segment.
inline QByteArray jpegWithExif(const ExifFields& f)
{
    ExifData* data = exif_data_new();
    exif_data_unset_option(data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
    exif_data_set_byte_order(data, f.byteOrder);
    detail::addText(data, EXIF_IFD_0, EXIF_TAG_MAKE, f.make);
    detail::addText(data, EXIF_IFD_0, EXIF_TAG_MODEL, f.model);
    detail::addText(data, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL, f.dateTimeOriginal);
    detail::addText(data, EXIF_IFD_EXIF, EXIF_TAG_OFFSET_TIME_ORIGINAL, f.offsetTimeOriginal);
    if (f.latitude) {
        const QString ref = !f.latitudeRef.isEmpty() ? f.latitudeRef
                            : *f.latitude < 0        ? QStringLiteral("S")
                                                     : QStringLiteral("N");
        detail::addText(data, EXIF_IFD_GPS, EXIF_TAG_GPS_LATITUDE_REF, ref);
        detail::addDegrees(data, EXIF_TAG_GPS_LATITUDE, *f.latitude, f.decimalMinutes, f.byteOrder);
    }
    if (f.longitude) {
        const QString ref = !f.longitudeRef.isEmpty() ? f.longitudeRef
                            : *f.longitude < 0        ? QStringLiteral("W")
                                                      : QStringLiteral("E");
        detail::addText(data, EXIF_IFD_GPS, EXIF_TAG_GPS_LONGITUDE_REF, ref);
        detail::addDegrees(data, EXIF_TAG_GPS_LONGITUDE, *f.longitude, f.decimalMinutes,
                           f.byteOrder);
    }
    unsigned char* bytes = nullptr;
    unsigned int size = 0;
    exif_data_save_data(data, &bytes, &size); // "Exif\0\0" and the TIFF structure
    exif_data_unref(data);
    const QByteArray exif(reinterpret_cast<const char*>(bytes), qsizetype(size));
    std::free(bytes);

    const quint16 length = quint16(exif.size() + 2);
    QByteArray app1("\xFF\xE1", 2);
    app1.append(char(length >> 8)).append(char(length & 0xFF)).append(exif);
    QByteArray jpeg = plainJpeg();
    return jpeg.insert(20, app1); // after SOI (2 bytes) and the JFIF APP0 segment (18)
}

} // namespace dli::test
