// Evidence photos' EXIF read with libexif and judged against the firm's registered location and
// the visit's dates (issue 9, "Photos"), on small JPEGs made by the tests.
#include "core/engine/photo_check.h"
#include "photo_fixture.h"
#include "support/test_support.h"

#include <QTimeZone>
#include <numbers>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::ExifFields;
using dli::test::jpegWithExif;

namespace {

// A firm in Sialkot, and a two-day visit to it.
const GeoPoint kFirm{32.4945, 74.5229};
const QString kFirmCode = u"SKT-001"_s;
const QDate kFirst(2025, 3, 11);
const QDate kLast(2025, 3, 12);

// The point `metres` due north of `p` (along a meridian, where the haversine distance is exact).
GeoPoint northOf(const GeoPoint& p, double metres)
{
    return {p.latitude + metres / PhotoCheck::EarthRadiusMetres * 180 / std::numbers::pi,
            p.longitude};
}

PhotoMetadata read(const QByteArray& bytes)
{
    const Result<PhotoMetadata> m = PhotoMetadata::read(bytes);
    REQUIRE(m.ok());
    return m.value();
}

// The EXIF of a photo taken at `where` during the visit (Pakistan time, no offset tag).
ExifFields takenAt(const GeoPoint& where, const QString& when = u"2025:03:11 10:15:00"_s)
{
    ExifFields f;
    f.latitude = where.latitude;
    f.longitude = where.longitude;
    f.dateTimeOriginal = when;
    return f;
}

QList<PhotoFinding> judge(const QByteArray& photo, const std::optional<GeoPoint>& firm = kFirm)
{
    return PhotoCheck::check(read(photo), kFirmCode, firm, kFirst, kLast);
}

QStringList kinds(const QList<PhotoFinding>& findings)
{
    QStringList out;
    for (const PhotoFinding& f : findings)
        out << f.kind;
    return out;
}

} // namespace

TEST_CASE("a photo's GPS position, time and camera are read from its EXIF", "[photos]")
{
    ExifFields f = takenAt(kFirm);
    f.make = u"samsung"_s;
    f.model = u"Galaxy A14"_s;
    const PhotoMetadata m = read(jpegWithExif(f));
    REQUIRE(m.hasPosition());
    // Seconds are written to 1/10000 s, about 3 mm.
    CHECK(*m.latitude == Approx(32.4945).margin(1e-7));
    CHECK(*m.longitude == Approx(74.5229).margin(1e-7));
    REQUIRE(m.takenAt);
    CHECK(*m.takenAt == QDateTime(QDate(2025, 3, 11), QTime(10, 15), QTimeZone(5 * 3600)));
    CHECK(m.takenAt->offsetFromUtc() == 5 * 3600);
    CHECK(m.camera == u"samsung Galaxy A14"_s);

    SECTION("a model that repeats the make names it once")
    {
        f.make = u"Canon"_s;
        f.model = u"Canon EOS 80D"_s;
        CHECK(read(jpegWithExif(f)).camera == u"Canon EOS 80D"_s);
    }
    SECTION("big-endian (Motorola) EXIF reads the same")
    {
        f.byteOrder = EXIF_BYTE_ORDER_MOTOROLA;
        CHECK(read(jpegWithExif(f)) == m);
    }
    SECTION("degrees and decimal minutes read the same")
    {
        f.decimalMinutes = true;
        const PhotoMetadata dm = read(jpegWithExif(f));
        REQUIRE(dm.hasPosition());
        CHECK(*dm.latitude == Approx(32.4945).margin(1e-7));
        CHECK(*dm.longitude == Approx(74.5229).margin(1e-7));
    }
}

TEST_CASE("southern and western positions come out negative", "[photos]")
{
    const GeoPoint buenosAires{-34.6037, -58.3816};
    const QByteArray photo = jpegWithExif(takenAt(buenosAires));
    const PhotoMetadata m = read(photo);
    REQUIRE(m.hasPosition());
    CHECK(*m.latitude == Approx(-34.6037).margin(1e-7));
    CHECK(*m.longitude == Approx(-58.3816).margin(1e-7));

    // 275 m from a firm three thousandths of a degree further west: within the radius.
    CHECK(judge(photo, GeoPoint{-34.6037, -58.3846}).isEmpty());
    // The same numbers north and east are half a world away.
    const QList<PhotoFinding> mirrored = judge(photo, GeoPoint{34.6037, 58.3816});
    CHECK(kinds(mirrored) == QStringList{u"far_from_firm"_s});
}

TEST_CASE("a photo within 500 m of the firm, taken during the visit, has no findings", "[photos]")
{
    CHECK(judge(jpegWithExif(takenAt(kFirm))).isEmpty());
    CHECK(judge(jpegWithExif(takenAt(northOf(kFirm, 350)))).isEmpty());
    // The visit's last day counts, to its last second in Pakistan.
    CHECK(judge(jpegWithExif(takenAt(kFirm, u"2025:03:12 23:59:59"_s))).isEmpty());
}

TEST_CASE("a photo far from the firm's registered location is a finding", "[photos]")
{
    const QList<PhotoFinding> findings = judge(jpegWithExif(takenAt(northOf(kFirm, 1800))));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].kind == u"far_from_firm"_s);
    CHECK(findings[0].message ==
          u"taken 1.8 km from SKT-001's registered location (limit 500 m)"_s);

    SECTION("a wider radius accepts it")
    {
        const PhotoMetadata m = read(jpegWithExif(takenAt(northOf(kFirm, 1800))));
        CHECK(PhotoCheck::check(m, kFirmCode, kFirm, kFirst, kLast, 2000).isEmpty());
    }
}

TEST_CASE("exactly 500 m from the firm is within the radius; a metre more is not", "[photos]")
{
    CHECK(judge(jpegWithExif(takenAt(northOf(kFirm, 499)))).isEmpty());
    CHECK(judge(jpegWithExif(takenAt(northOf(kFirm, 500)))).isEmpty());
    const QList<PhotoFinding> beyond = judge(jpegWithExif(takenAt(northOf(kFirm, 501))));
    REQUIRE(beyond.size() == 1);
    CHECK(beyond[0].kind == u"far_from_firm"_s);
    CHECK(beyond[0].message == u"taken 501 m from SKT-001's registered location (limit 500 m)"_s);

    // Straight from the metadata, without the EXIF's rounding to 1/10000 s.
    PhotoMetadata m;
    m.takenAt = QDateTime(kFirst, QTime(12, 0), QTimeZone(5 * 3600));
    const GeoPoint at = northOf(kFirm, 500);
    m.latitude = at.latitude;
    m.longitude = at.longitude;
    CHECK(PhotoCheck::check(m, kFirmCode, kFirm, kFirst, kLast).isEmpty());
}

TEST_CASE("a photo without GPS is noted as such", "[photos]")
{
    ExifFields f;
    f.dateTimeOriginal = u"2025:03:11 10:15:00"_s;
    f.make = u"Nokia"_s;
    const QByteArray photo = jpegWithExif(f);
    const PhotoMetadata m = read(photo);
    CHECK_FALSE(m.latitude);
    CHECK_FALSE(m.longitude);
    CHECK(m.camera == u"Nokia"_s);

    const QList<PhotoFinding> findings = judge(photo);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].kind == u"no_gps"_s);
    CHECK(findings[0].message == u"the photo has no GPS position"_s);

    SECTION("so is a latitude without a longitude")
    {
        f.latitude = kFirm.latitude;
        CHECK(kinds(judge(jpegWithExif(f))) == QStringList{u"no_gps"_s});
    }
    SECTION("and a position whose reference is neither N nor S")
    {
        f = takenAt(kFirm);
        f.latitudeRef = u"X"_s;
        CHECK_FALSE(read(jpegWithExif(f)).latitude);
        CHECK(kinds(judge(jpegWithExif(f))) == QStringList{u"no_gps"_s});
    }
}

TEST_CASE("a JPEG without EXIF, a PNG and other bytes give empty metadata, not an error",
          "[photos]")
{
    const PhotoMetadata none;
    CHECK(read(test::plainJpeg()) == none);
    CHECK(read(test::pngImage()) == none);
    CHECK(read(QByteArray()) == none);
    CHECK(read(QByteArray("%PDF-1.7\n")) == none);
    // An Exif segment cut short is read as far as it goes, without a crash.
    CHECK_FALSE(read(jpegWithExif(takenAt(kFirm)).left(60)).takenAt);

    const QList<PhotoFinding> findings = judge(test::plainJpeg());
    CHECK(kinds(findings) == QStringList{u"no_gps"_s, u"no_time"_s});
    CHECK(findings[1].message == u"the photo has no capture time"_s);
}

TEST_CASE("a photo taken outside the visit's dates is a finding", "[photos]")
{
    const QList<PhotoFinding> before =
        judge(jpegWithExif(takenAt(kFirm, u"2025:03:09 10:00:00"_s)));
    REQUIRE(before.size() == 1);
    CHECK(before[0].kind == u"outside_visit"_s);
    CHECK(before[0].message ==
          u"taken on 2025-03-09, outside the visit of 2025-03-11 to 2025-03-12"_s);

    CHECK(kinds(judge(jpegWithExif(takenAt(kFirm, u"2025:03:13 00:00:00"_s)))) ==
          QStringList{u"outside_visit"_s});

    SECTION("a one-day visit names its day once")
    {
        const PhotoMetadata m = read(jpegWithExif(takenAt(kFirm, u"2025:03:12 09:00:00"_s)));
        const QList<PhotoFinding> f = PhotoCheck::check(m, kFirmCode, kFirm, kFirst, kFirst);
        REQUIRE(f.size() == 1);
        CHECK(f[0].message == u"taken on 2025-03-12, outside the visit of 2025-03-11"_s);
    }
    SECTION("far and late are two findings, position first")
    {
        const QList<PhotoFinding> f =
            judge(jpegWithExif(takenAt(northOf(kFirm, 2500), u"2025:03:14 09:00:00"_s)));
        CHECK(kinds(f) == QStringList{u"far_from_firm"_s, u"outside_visit"_s});
    }
}

TEST_CASE("the capture time's offset decides its day in Pakistan", "[photos]")
{
    // 22:30 UTC on the 10th is 03:30 PKT on the 11th: during the visit.
    ExifFields f = takenAt(kFirm, u"2025:03:10 22:30:00"_s);
    f.offsetTimeOriginal = u"+00:00"_s;
    const PhotoMetadata utc = read(jpegWithExif(f));
    REQUIRE(utc.takenAt);
    CHECK(utc.takenAt->offsetFromUtc() == 0);
    CHECK(utc.takenAt->toUTC() == QDateTime(QDate(2025, 3, 10), QTime(22, 30), QTimeZone::utc()));
    CHECK(judge(jpegWithExif(f)).isEmpty());

    // Without the offset the same clock reading is Pakistan time: the 10th, before the visit.
    f.offsetTimeOriginal.clear();
    CHECK(kinds(judge(jpegWithExif(f))) == QStringList{u"outside_visit"_s});

    // 20:00 at UTC-05:00 on the 12th is 06:00 PKT on the 13th: after it.
    f = takenAt(kFirm, u"2025:03:12 20:00:00"_s);
    f.offsetTimeOriginal = u"-05:00"_s;
    const QList<PhotoFinding> late = judge(jpegWithExif(f));
    REQUIRE(late.size() == 1);
    CHECK(late[0].message ==
          u"taken on 2025-03-13, outside the visit of 2025-03-11 to 2025-03-12"_s);

    // An offset that is not ±HH:MM is ignored: Pakistan time.
    f.offsetTimeOriginal = u"local"_s;
    CHECK(read(jpegWithExif(f)).takenAt->offsetFromUtc() == 5 * 3600);
}

TEST_CASE("an unreadable capture time is no capture time", "[photos]")
{
    for (const QString& when : {u"0000:00:00 00:00:00"_s, u"    :  :     :  :  "_s,
                                u"2025-03-11T10:15:00"_s, u"2025:02:30 10:00:00"_s}) {
        CAPTURE(when);
        const QByteArray photo = jpegWithExif(takenAt(kFirm, when));
        CHECK_FALSE(read(photo).takenAt);
        CHECK(kinds(judge(photo)) == QStringList{u"no_time"_s});
    }
}

TEST_CASE("a firm without a registered location cannot be compared with", "[photos]")
{
    const QList<PhotoFinding> findings = judge(jpegWithExif(takenAt(kFirm)), std::nullopt);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].kind == u"no_firm_location"_s);
    CHECK(findings[0].message.contains(kFirmCode));
    // Without a position in the photo there is nothing to compare: only no_gps.
    CHECK(kinds(PhotoCheck::check(PhotoMetadata{}, kFirmCode, std::nullopt, kFirst, kLast)) ==
          QStringList{u"no_gps"_s, u"no_time"_s});
}

TEST_CASE("distances are haversine on the WGS84 mean radius", "[photos]")
{
    CHECK(PhotoCheck::distanceMetres({0, 0}, {1, 0}) == Approx(111195.0802).margin(0.001));
    CHECK(PhotoCheck::distanceMetres({31.5204, 74.3587}, {32.4945, 74.5229}) ==
          Approx(109416.019).margin(0.01)); // Lahore to Sialkot
    CHECK(PhotoCheck::distanceMetres(kFirm, kFirm) == 0);
    CHECK(PhotoCheck::distanceMetres(kFirm, northOf(kFirm, 1800)) == Approx(1800).margin(1e-6));
    CHECK(PhotoCheck::formatDistance(740.4) == u"740 m"_s);
    CHECK(PhotoCheck::formatDistance(999.6) == u"1.0 km"_s);
    CHECK(PhotoCheck::formatDistance(109416) == u"109.4 km"_s);
}
