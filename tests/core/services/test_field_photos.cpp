// Evidence photos attached during a field visit are judged against the firm's location and the
// visit's days, and their findings kept with the evidence (issue 9, "Photos"): on a field copy,
// while an import replays a visit (Session::fieldVisit), and never at the office.
#include "core/engine/photo_check.h"
#include "core/io/field_photos.h"
#include "core/package/field_package.h"
#include "core/workflow/attention.h"
#include "core/workflow/samples.h"
#include "field_trip.h"
#include "photo_fixture.h"
#include "trust_support.h"

#include <numbers>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::DemoCopy;
using dli::test::ExifFields;
using dli::test::jpegWithExif;
using dli::test::must;

namespace {

const QByteArray kPassphrase = "field visit 2026";
const QByteArray kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";

// The point `metres` due north of `p`.
GeoPoint northOf(const GeoPoint& p, double metres)
{
    return {p.latitude + metres / PhotoCheck::EarthRadiusMetres * 180 / std::numbers::pi,
            p.longitude};
}

// A JPEG taken at `where` (or without GPS) at `when`, Pakistan time.
QByteArray photo(const std::optional<GeoPoint>& where, const QString& when)
{
    ExifFields f;
    if (where) {
        f.latitude = where->latitude;
        f.longitude = where->longitude;
    }
    f.dateTimeOriginal = when;
    return jpegWithExif(f);
}

QStringList kinds(const Evidence& e)
{
    QStringList out;
    for (const PhotoFinding& f : e.findings.value_or(QList<PhotoFinding>{}))
        out << f.kind;
    return out;
}

// A firm of the database with its registered location.
struct Firm {
    QString code;
    GeoPoint at;
};

Firm firstFirm(Database& db, const QString& after = {})
{
    const QStringList code = test::column(
        db, u"SELECT code FROM firms WHERE latitude IS NOT NULL AND code > '%1' ORDER BY code "
            "LIMIT 1"_s.arg(after));
    REQUIRE(code.size() == 1);
    const QStringList lat =
        test::column(db, u"SELECT latitude FROM firms WHERE code = '%1'"_s.arg(code[0]));
    const QStringList lon =
        test::column(db, u"SELECT longitude FROM firms WHERE code = '%1'"_s.arg(code[0]));
    return {code[0], {lat[0].toDouble(), lon[0].toDouble()}};
}

QString storedFindings(Database& db, const QString& evidenceId)
{
    return test::column(
               db,
               u"SELECT coalesce(findings, 'NULL') FROM evidence WHERE id = '%1'"_s.arg(evidenceId))
        .value(0);
}

// A laptop's working copy of a Sialkot package made at the office (the demo's now, 2026-07-01
// 14:00 in Pakistan), with the sample `sampleId` open in it, and a clock the test sets.
struct FieldCopy {
    DemoCopy office;
    std::shared_ptr<QDateTime> clock = std::make_shared<QDateTime>(office.now());
    std::unique_ptr<Session> session;
    QString sampleId;

    FieldCopy()
    {
        // An open sample of firms for the verifier to check in the field.
        office.actAs(u"verifier"_s);
        const QStringList claim = test::column(
            office.session->database(),
            u"SELECT o.id FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN "
            "org_units u ON u.id = o.org_unit_id WHERE o.state = 'submitted' AND i.code = "
            "'FIRMS_UPGRADE' AND u.code = 'SKT-SURG' ORDER BY o.period LIMIT 1"_s);
        REQUIRE(claim.size() == 1);
        const Sample s =
            must(Samples(*office.session, office.program()).draw(claim[0], u"photos"_s, 3));
        REQUIRE(s.keyKind == u"firm code"_s);
        sampleId = s.id;

        office.actAs(u"manager"_s);
        FieldPackage::Request r;
        r.assignee = u"verifier"_s;
        r.orgUnits = {u"SKT-SURG"_s};
        const QString pkg = office.dir().path(u"skt.dlipkg"_s);
        must(FieldPackage::make(*office.session, r, pkg, kPassphrase,
                                SealedArchive::KeyCost::Minimum));
        const QString work = office.dir().path(u"laptop.dlidb"_s);
        must(FieldPackage::open(pkg, kPassphrase, work));
        SessionOptions o;
        o.minimumPasswordCost = true;
        auto c = clock;
        o.now = [c] {
            return *c;
        };
        session = must(Session::open(work, o));
        session->setCurrentUser(must(session->users().find(u"verifier"_s)).value());
    }

    QString file(const QString& name, const QByteArray& bytes)
    {
        const QString path = office.dir().path(name);
        test::writeFile(path, bytes);
        return path;
    }

    Evidence attach(Evidence::Target target, const QString& key, const QString& name,
                    const QByteArray& bytes)
    {
        const auto attached =
            must(EvidenceService::attachFiles(*session, target, key, {file(name, bytes)}));
        REQUIRE(attached.size() == 1);
        return attached.first();
    }
};

} // namespace

TEST_CASE("Field photos: a photo attached on a field copy is judged against the firm and the "
          "visit",
          "[photo][field]")
{
    FieldCopy f;
    // The visit runs from the package's day to today in Pakistan: 2026-07-03 at 01:00 there.
    *f.clock = QDateTime(QDate(2026, 7, 2), QTime(20, 0), Qt::UTC);
    const auto visit = must(FieldPhotos::currentVisit(*f.session));
    REQUIRE(visit.has_value());
    CHECK(visit->first == QDate(2026, 7, 1));
    CHECK(visit->last == QDate(2026, 7, 3));

    Database& db = f.session->database();
    const Firm firm = firstFirm(db);
    const auto onFirm = [&](const QString& name, const QByteArray& bytes) {
        return f.attach(Evidence::Target::Firm, firm.code, name, bytes);
    };

    // Within 500 m, on the last day in Pakistan (still the 2nd in UTC): nothing to note.
    const Evidence near =
        onFirm(u"gate.jpg"_s, photo(northOf(firm.at, 300), u"2026:07:03 00:30:00"_s));
    REQUIRE(near.findings.has_value());
    CHECK(near.findings->isEmpty());
    CHECK(storedFindings(db, near.id) == u"[]"_s);

    const Evidence far =
        onFirm(u"far.jpg"_s, photo(northOf(firm.at, 2000), u"2026:07:02 11:00:00"_s));
    REQUIRE(kinds(far) == QStringList{u"far_from_firm"_s});
    CHECK(far.findings->first().message.contains(firm.code));
    CHECK(far.findings->first().message.contains(u"2.0 km"_s));
    // Canonical JSON, and the attach's audit entry holds it.
    CHECK(storedFindings(db, far.id) == u"[{\"kind\":\"far_from_firm\",\"message\":\""_s +
                                            far.findings->first().message + u"\"}]"_s);
    const AuditEntry entry = must(f.session->audit().entries()).last();
    CHECK(entry.action == u"evidence.attach"_s);
    CHECK(entry.rowId == far.id);
    CHECK(entry.newValues.contains("far_from_firm"));
    const AuditReport audit = must(f.session->audit().verify());
    INFO(audit.problems.join(u'\n').toStdString());
    CHECK(audit.problems.isEmpty());

    const Evidence blind = onFirm(u"no-gps.jpg"_s, photo(std::nullopt, u"2026:07:02 12:00:00"_s));
    CHECK(kinds(blind) == QStringList{u"no_gps"_s});

    const Evidence early =
        onFirm(u"before.jpg"_s, photo(northOf(firm.at, 100), u"2026:06:30 23:00:00"_s));
    REQUIRE(kinds(early) == QStringList{u"outside_visit"_s});
    CHECK(early.findings->first().message.contains(u"2026-06-30"_s));

    // Not an image: not judged.
    const Evidence pdf = onFirm(u"certificate.pdf"_s, kPdf);
    CHECK_FALSE(pdf.findings.has_value());
    CHECK(storedFindings(db, pdf.id) == u"NULL"_s);

    // The list reads them back as attached (after the firm's files from the office).
    const auto listed = must(f.session->evidence().list(
        EvidenceRepository::TargetKey{Evidence::Target::Firm, firm.code}));
    REQUIRE(listed.size() >= 5);
    CHECK(listed.mid(listed.size() - 5) == (QList<Evidence>{near, far, blind, early, pdf}));
    for (const Evidence& e : listed.first(listed.size() - 5))
        CHECK_FALSE(e.findings.has_value());
    CHECK(must(f.session->evidence().find(far.id)).findings == far.findings);

    SECTION("a service's photo is judged against the service's firm")
    {
        const QStringList service = test::column(
            db, u"SELECT s.id FROM services s JOIN firms f ON f.id = s.firm_id WHERE f.code = "
                "'%1' LIMIT 1"_s.arg(firm.code));
        REQUIRE(service.size() == 1);
        const Evidence e = f.attach(Evidence::Target::Service, service[0], u"training.jpg"_s,
                                    photo(northOf(firm.at, 800), u"2026:07:01 15:00:00"_s));
        REQUIRE(kinds(e) == QStringList{u"far_from_firm"_s});
        CHECK(e.findings->first().message.contains(u"800 m"_s));
    }

    SECTION("a firm without a registered location")
    {
        REQUIRE(
            db.exec(u"UPDATE firms SET longitude = NULL WHERE code = '%1'"_s.arg(firm.code)).ok());
        const Evidence e =
            onFirm(u"somewhere.jpg"_s, photo(northOf(firm.at, 10), u"2026:07:01 15:00:00"_s));
        CHECK(kinds(e) == QStringList{u"no_firm_location"_s});
    }

    SECTION("an observation's photo has no firm: only GPS presence and time are judged")
    {
        const QStringList observation = test::column(db, u"SELECT id FROM observations LIMIT 1"_s);
        REQUIRE(observation.size() == 1);
        const Evidence anywhere =
            f.attach(Evidence::Target::Observation, observation[0], u"anywhere.jpg"_s,
                     photo(GeoPoint{24.8607, 67.0011}, u"2026:07:02 09:00:00"_s));
        REQUIRE(anywhere.findings.has_value());
        CHECK(anywhere.findings->isEmpty());
        const Evidence bare = f.attach(Evidence::Target::Observation, observation[0], u"bare.jpg"_s,
                                       photo(std::nullopt, {}));
        CHECK(kinds(bare) == (QStringList{u"no_gps"_s, u"no_time"_s}));
    }

    SECTION("the supervisor's count: photos with findings")
    {
        const auto program = must(f.session->programs().load());
        CHECK(must(Attention::count(*f.session, program)).photoFindings == 3);
    }
}

TEST_CASE("Field photos: a sample's photo is judged against the drawn firm", "[photo][field]")
{
    FieldCopy f;
    *f.clock = QDateTime(QDate(2026, 7, 2), QTime(8, 0), Qt::UTC);
    const auto program = must(f.session->programs().load());
    Samples samples(*f.session, program);
    const Sample s = must(samples.find(f.sampleId));
    REQUIRE(s.items.size() == 3);
    Database& db = f.session->database();
    const auto firmOf = [&](const QString& code) {
        const QStringList at = test::column(
            db, u"SELECT latitude || ',' || longitude FROM firms WHERE code = '%1'"_s.arg(code));
        REQUIRE(at.size() == 1);
        const QStringList parts = at[0].split(u',');
        return GeoPoint{parts[0].toDouble(), parts[1].toDouble()};
    };
    const auto record = [&](const SampleItem& item, const QByteArray& bytes) {
        const QString path = f.file(item.key + u".jpg"_s, bytes);
        must(samples.record(s.id, item.key, SampleOutcome::Confirmed, {}, {path}));
        const Sample after = must(samples.find(s.id));
        for (const SampleItem& i : after.items) {
            if (i.id == item.id)
                return must(f.session->evidence().find(i.evidenceId));
        }
        FAIL("no item " << item.key.toStdString());
        return Evidence{};
    };

    const SampleItem& first = s.items[0];
    const Evidence far =
        record(first, photo(northOf(firmOf(first.key), 1500), u"2026:07:02 10:00:00"_s));
    CHECK(far.target == Evidence::Target::Observation);
    REQUIRE(kinds(far) == QStringList{u"far_from_firm"_s});
    CHECK(far.findings->first().message.contains(first.key));

    const SampleItem& second = s.items[1];
    const Evidence near =
        record(second, photo(northOf(firmOf(second.key), 50), u"2026:07:02 10:05:00"_s));
    REQUIRE(near.findings.has_value());
    CHECK(near.findings->isEmpty());
}

TEST_CASE("Field photos: an import replaying a visit judges against its days; the office does "
          "not judge",
          "[photo][field]")
{
    DemoCopy d;
    d.actAs(u"verifier"_s);
    const Firm firm = firstFirm(d.session->database());
    const QByteArray far = photo(northOf(firm.at, 3000), u"2026:06:05 10:00:00"_s);
    const QByteArray blind = photo(std::nullopt, u"2026:06:02 10:00:00"_s);

    SECTION("at the office nothing is judged")
    {
        REQUIRE_FALSE(must(FieldPhotos::currentVisit(*d.session)).has_value());
        const QString path = d.dir().path(u"far.jpg"_s);
        test::writeFile(path, far);
        const auto attached = must(
            EvidenceService::attachFiles(*d.session, Evidence::Target::Firm, firm.code, {path}));
        CHECK_FALSE(attached.first().findings.has_value());
        CHECK(storedFindings(d.session->database(), attached.first().id) == u"NULL"_s);
        const Evidence received = must(EvidenceService::attachReceived(
            *d.session, Evidence::Target::Firm, firm.code,
            {u"received-id"_s, u"blind.jpg"_s, u"image/jpeg"_s, blind, {}}));
        CHECK_FALSE(received.findings.has_value());
        CHECK(must(Attention::count(*d.session, d.program())).photoFindings == 0);
    }

    SECTION("a visit the session is given is used as it is")
    {
        d.session->setFieldVisit(Session::FieldVisit{QDate(2026, 6, 1), QDate(2026, 6, 2)});
        const Evidence received = must(EvidenceService::attachReceived(
            *d.session, Evidence::Target::Firm, firm.code,
            {u"received-id"_s, u"far.jpg"_s, u"image/jpeg"_s, far, {}}));
        REQUIRE(kinds(received) == (QStringList{u"far_from_firm"_s, u"outside_visit"_s}));
        CHECK(received.findings->last().message.contains(u"2026-06-01 to 2026-06-02"_s));
        CHECK(received.id == u"received-id"_s);
        CHECK(storedFindings(d.session->database(), received.id).startsWith(u"[{\"kind\":"_s));

        const Firm other = firstFirm(d.session->database(), firm.code);
        const QString path = d.dir().path(u"blind.jpg"_s);
        test::writeFile(path, blind);
        const auto attached = must(
            EvidenceService::attachFiles(*d.session, Evidence::Target::Firm, other.code, {path}));
        CHECK(kinds(attached.first()) == QStringList{u"no_gps"_s});
        CHECK(must(Attention::count(*d.session, d.program())).photoFindings == 2);

        d.session->setFieldVisit(std::nullopt);
        const QString later = d.dir().path(u"later.jpg"_s);
        test::writeFile(later, photo(std::nullopt, u"2026:06:03 10:00:00"_s));
        const auto office = must(
            EvidenceService::attachFiles(*d.session, Evidence::Target::Firm, other.code, {later}));
        CHECK_FALSE(office.first().findings.has_value());
    }
}

TEST_CASE("Field photos: a return's photos have the same findings at the office as on the laptop",
          "[photo][field][import]")
{
    DemoCopy office;
    FieldPackage::Request request;
    request.assignee = u"verifier"_s;
    request.orgUnits = {u"SKT-SURG"_s};
    test::Laptop laptop(office, u"skt"_s, request, 600); // a day after the package
    const Firm firm = firstFirm(laptop.session->database());
    const auto attach = [&](const QString& name, const QByteArray& bytes) {
        const QString path = office.dir().path(name);
        test::writeFile(path, bytes);
        return must(EvidenceService::attachFiles(*laptop.session, Evidence::Target::Firm, firm.code,
                                                 {path}))
            .first();
    };
    const Evidence far =
        attach(u"far.jpg"_s, photo(northOf(firm.at, 1200), u"2026:07:02 10:00:00"_s));
    const Evidence near =
        attach(u"near.jpg"_s, photo(northOf(firm.at, 20), u"2026:07:02 10:10:00"_s));
    REQUIRE(kinds(far) == QStringList{u"far_from_firm"_s});
    REQUIRE(near.findings.has_value());
    const QString ret = laptop.makeReturn();

    office.advance(3 * 24 * 3600);
    const FieldImportReport r = must(test::importAtOffice(office, ret));
    CHECK(r.record.refused == 0);
    // Judged again at the office against the visit's days, not the import's.
    CHECK(must(office.session->evidence().find(far.id)).findings == far.findings);
    CHECK(must(office.session->evidence().find(near.id)).findings == near.findings);
    CHECK(must(Attention::count(*office.session, office.program())).photoFindings == 1);
    CHECK_FALSE(office.session->fieldVisit().has_value());
}

TEST_CASE("Field photos: a sample's photo keeps its firm's findings at the office",
          "[photo][field][import]")
{
    DemoCopy office;
    const QString claim = test::column(office.session->database(),
                                       u"SELECT o.id FROM observations o JOIN org_units u ON u.id "
                                       "= o.org_unit_id JOIN indicators i ON i.id = "
                                       "o.indicator_id WHERE u.code = 'SKT-SURG' AND i.code = "
                                       "'FIRMS_UPGRADE' AND o.state = 'submitted' LIMIT 1"_s)
                              .value(0);
    REQUIRE_FALSE(claim.isEmpty());
    office.actAs(u"verifier"_s);
    const Sample drawn = must(Samples(*office.session, office.program()).draw(claim, u"gps"_s, 3));
    REQUIRE(drawn.keyKind == u"firm code"_s);
    FieldPackage::Request request;
    request.assignee = u"verifier"_s;
    request.samples = {drawn.id};
    test::Laptop laptop(office, u"sample"_s, request, 610);
    const QStringList at =
        test::column(laptop.session->database(),
                     u"SELECT latitude || ',' || longitude FROM firms WHERE code = '%1'"_s.arg(
                         drawn.items.first().key));
    REQUIRE(at.size() == 1);
    const GeoPoint firm{at[0].split(u',')[0].toDouble(), at[0].split(u',')[1].toDouble()};
    const QString path = office.dir().path(u"far.jpg"_s);
    test::writeFile(path, photo(northOf(firm, 1500), u"2026:07:02 10:00:00"_s));
    Samples samples(*laptop.session, laptop.program);
    must(samples.record(drawn.id, drawn.items.first().key, SampleOutcome::Confirmed, {}, {path}));
    const QString evidenceId = must(samples.find(drawn.id)).items.first().evidenceId;
    const Evidence inField = must(laptop.session->evidence().find(evidenceId));
    REQUIRE(kinds(inField) == QStringList{u"far_from_firm"_s});
    const QString ret = laptop.makeReturn();

    office.advance(3 * 24 * 3600);
    const FieldImportReport r = must(test::importAtOffice(office, ret));
    CHECK(r.record.refused == 0);
    CHECK(must(office.session->evidence().find(evidenceId)).findings == inField.findings);
}
