// Evidence files: stored inside the database once per SHA-256, attached all or nothing, given
// back checked against their SHA-256.
#include "core/io/demo.h"
#include "core/io/evidence_service.h"
#include "core/model/observation.h"
#include "core/storage/database.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"
#include "support/test_support.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace dli;
using Catch::Matchers::Contains;

namespace {

const QDateTime kNow(QDate(2025, 3, 14), QTime(10, 30, 15), Qt::UTC);

// The start of a PDF and of a PNG, enough for the MIME database to know them by content.
const QByteArray kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";
const QByteArray kPng = QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200000001000000010806"
                                            "0000001f15c4890000000d49444154789c6360000002000001"
                                            "e221bc330000000049454e44ae426082");

QString hexSha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A demo database with one observation, one firm (F-001) and one service to attach files to.
struct Store {
    test::TempDir dir;
    std::unique_ptr<Session> session;
    QString observationId;
    int changes = 0; // evidenceChanged() signals seen

    Store()
    {
        const QString path = dir.path(u"evidence.dlit"_s);
        const Status demo = Demo::create(path);
        if (!demo)
            FAIL(demo.error().text().toStdString());
        auto opened = Session::open(path, SessionOptions::deterministic(11, kNow, u"officer"_s));
        if (!opened)
            FAIL(opened.error().text().toStdString());
        session = std::move(opened).value();
        // The demo's officer attaches the files.
        if (auto officer = session->users().find(u"officer"_s); officer && officer.value())
            session->setCurrentUser(*officer.value());
        QObject::connect(&session->notifier(), &ChangeNotifier::evidenceChanged,
                         [this] { ++changes; });

        // Without the demo's own evidence, so that the counts below are this test's files.
        exec(u"DELETE FROM evidence; DELETE FROM evidence_contents"_s);
        Observation o;
        o.indicator = u"DAYS_REG"_s;
        o.period = Period::quarter(2027, 1); // after the demo's own observations
        o.orgUnit = u"PB"_s;
        o.value = Decimal::fromInt(30);
        o.source = u"PSIC registration desk"_s;
        auto id = session->observations().insert(o);
        if (!id)
            FAIL(id.error().text().toStdString());
        observationId = id.value();

        exec(u"INSERT INTO firms (id, code, name, cluster_id, entered_by, entered_at) "
             "SELECT 'firm-1', 'F-001', 'Sialkot Surgical Works', id, 'test', "
             "'2025-01-01T00:00:00Z' FROM org_units WHERE code = 'SKT-SURG'"_s);
        exec(u"INSERT INTO services (id, firm_id, service_type, date, status, entered_by, "
             "entered_at) VALUES ('service-1', 'firm-1', 'training', '2025-02-01', 'completed', "
             "'test', '2025-02-02T00:00:00Z')"_s);
    }

    void exec(const QString& sql)
    {
        const Status s = session->database().exec(sql);
        if (!s)
            FAIL(s.error().text().toStdString());
    }

    std::int64_t count(const QString& table)
    {
        auto n = session->database().scalar(u"SELECT count(*) FROM "_s + table);
        if (!n)
            FAIL(n.error().text().toStdString());
        return n.value();
    }

    // Writes a file in the temporary folder and returns its path.
    QString file(const QString& name, const QByteArray& bytes) const
    {
        const QString path = dir.path(name);
        test::writeFile(path, bytes);
        return path;
    }

    Result<QList<Evidence>> attach(Evidence::Target target, const QString& key,
                                   const QStringList& paths)
    {
        return EvidenceService::attachFiles(*session, target, key, paths);
    }

    QList<Evidence> attached(Evidence::Target target, const QString& key, const QStringList& paths)
    {
        auto result = attach(target, key, paths);
        if (!result)
            FAIL(result.error().text().toStdString());
        return result.value();
    }
};

} // namespace

TEST_CASE("Evidence: the same bytes attached twice are stored once", "[evidence]")
{
    Store s;
    const QString report = s.file(u"report.pdf"_s, kPdf);
    const QString copy = s.file(u"copy of report.pdf"_s, kPdf);

    const QList<Evidence> first =
        s.attached(Evidence::Target::Observation, s.observationId, {report});
    const QList<Evidence> second = s.attached(Evidence::Target::Firm, u"F-001"_s, {copy});
    REQUIRE(first.size() == 1);
    REQUIRE(second.size() == 1);
    CHECK(s.count(u"evidence_contents"_s) == 1);
    CHECK(s.count(u"evidence"_s) == 2);
    CHECK(s.changes == 2);

    const Evidence& a = first.first();
    CHECK(a.sha256 == hexSha256(kPdf));
    CHECK(a.fileName == u"report.pdf"_s);
    CHECK(a.mimeType == u"application/pdf"_s);
    CHECK(a.size == kPdf.size());
    CHECK(a.target == Evidence::Target::Observation);
    CHECK(a.targetId == s.observationId);
    CHECK(a.attachedBy == u"officer"_s);
    CHECK(a.attachedAt == kNow);
    const Evidence& b = second.first();
    CHECK(b.sha256 == a.sha256);
    CHECK(b.id != a.id);
    CHECK(b.fileName == u"copy of report.pdf"_s);
    CHECK(b.target == Evidence::Target::Firm);
    CHECK(b.targetId == u"F-001"_s); // the firm's code, not its row id

    // What was returned is what is stored.
    CHECK(s.session->evidence().find(a.id).value() == a);
    CHECK(s.session->evidence().find(b.id).value() == b);
    CHECK(s.session->evidence().list().value() == QList<Evidence>{a, b});
    CHECK(s.session->evidence().content(b.id).value() == kPdf);
}

TEST_CASE("Evidence: the same content twice on one target is refused and changes nothing",
          "[evidence]")
{
    Store s;
    const QString photo = s.file(u"visit.png"_s, kPng);
    const QString renamed = s.file(u"visit again.png"_s, kPng);
    const Evidence first = s.attached(Evidence::Target::Service, u"service-1"_s, {photo}).first();
    CHECK(first.mimeType == u"image/png"_s);

    auto again = s.attach(Evidence::Target::Service, u"service-1"_s, {renamed});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::Conflict);
    CHECK(again.error().location == renamed);
    CHECK_THAT(again.error().message.toStdString(),
               Contains("already attached to service service-1 as visit.png"));
    CHECK_THAT(again.error().message.toStdString(), Contains(first.id.toStdString()));
    CHECK_THAT(again.error().message.toStdString(), Contains("nothing was attached"));

    // Twice in one batch, to a target that has none yet: the batch is refused whole.
    const QString other = s.file(u"other.pdf"_s, kPdf);
    auto batch = s.attach(Evidence::Target::Firm, u"F-001"_s, {other, photo, renamed});
    REQUIRE_FALSE(batch.ok());
    CHECK(batch.error().code == ErrorCode::Conflict);
    CHECK(s.count(u"evidence"_s) == 1);
    CHECK(s.count(u"evidence_contents"_s) == 1);
    CHECK(s.changes == 1);
}

TEST_CASE("Evidence: a file above 25 MiB is refused by name and size, one at the limit accepted",
          "[evidence]")
{
    Store s;
    CHECK(EvidenceService::MaxFileBytes == 25 * 1024 * 1024);
    const QString small = s.file(u"minutes.pdf"_s, kPdf);
    const QString big = s.file(u"scan.tif"_s, QByteArray(EvidenceService::MaxFileBytes + 1, 'x'));

    auto refused = s.attach(Evidence::Target::Firm, u"F-001"_s, {small, big});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK(refused.error().location == big);
    CHECK_THAT(refused.error().message.toStdString(), Contains("26214401 bytes"));
    CHECK_THAT(refused.error().message.toStdString(), Contains("limit of 26214400 bytes (25 MiB)"));
    CHECK(s.count(u"evidence"_s) == 0);
    CHECK(s.count(u"evidence_contents"_s) == 0);

    const QByteArray limit(EvidenceService::MaxFileBytes, 'y');
    const QString atLimit = s.file(u"largest.bin"_s, limit);
    const Evidence e = s.attached(Evidence::Target::Firm, u"F-001"_s, {atLimit}).first();
    CHECK(e.size == EvidenceService::MaxFileBytes);
    CHECK(s.session->evidence().content(e.id).value() == limit);
}

TEST_CASE("Evidence: a batch with one missing file writes nothing", "[evidence]")
{
    Store s;
    const QString good = s.file(u"good.pdf"_s, kPdf);
    const QString photo = s.file(u"good.png"_s, kPng);
    const QString missing = s.dir.path(u"missing.pdf"_s);

    auto r = s.attach(Evidence::Target::Observation, s.observationId, {good, missing, photo});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Io);
    CHECK(r.error().location == missing);
    CHECK_THAT(r.error().message.toStdString(), Contains("no such file"));
    CHECK(s.count(u"evidence"_s) == 0);
    CHECK(s.count(u"evidence_contents"_s) == 0);
    CHECK(s.changes == 0);

    // A folder is not a file either.
    auto folder = s.attach(Evidence::Target::Observation, s.observationId, {good, s.dir.path({})});
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().code == ErrorCode::Io);
    CHECK(s.count(u"evidence"_s) == 0);

    // The same batch without the missing file goes in whole.
    CHECK(s.attached(Evidence::Target::Observation, s.observationId, {good, photo}).size() == 2);
    CHECK(s.count(u"evidence"_s) == 2);
    CHECK(s.count(u"evidence_contents"_s) == 2);
}

TEST_CASE("Evidence: an unknown firm code, observation or service is refused by name", "[evidence]")
{
    Store s;
    const QString file = s.file(u"letter.pdf"_s, kPdf);
    struct Case {
        Evidence::Target target;
        QString key;
        const char* expected;
    };
    for (const Case& c :
         {Case{Evidence::Target::Firm, u"F-999"_s, "no firm has the code \"F-999\""},
          Case{Evidence::Target::Firm, u"firm-1"_s, "\"firm-1\""}, // a row id
          Case{Evidence::Target::Observation, u"nope"_s, "no observation"},
          Case{Evidence::Target::Service, u"nope"_s, "no service"}}) {
        auto r = s.attach(c.target, c.key, {file});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::NotFound);
        CHECK_THAT(r.error().message.toStdString(), Contains(c.expected));
    }
    CHECK(s.count(u"evidence"_s) == 0);
    CHECK(s.count(u"evidence_contents"_s) == 0);

    auto list = s.session->evidence().list(
        EvidenceRepository::TargetKey{Evidence::Target::Firm, u"F-999"_s});
    REQUIRE_FALSE(list.ok());
    CHECK(list.error().code == ErrorCode::NotFound);
}

TEST_CASE("Evidence: list gives one target's files in the order attached", "[evidence]")
{
    Store s;
    const QString pdf = s.file(u"a.pdf"_s, kPdf);
    const QString png = s.file(u"b.png"_s, kPng);
    const QList<Evidence> onFirm = s.attached(Evidence::Target::Firm, u"F-001"_s, {png, pdf});
    const QList<Evidence> onObservation =
        s.attached(Evidence::Target::Observation, s.observationId, {pdf});

    using Key = EvidenceRepository::TargetKey;
    CHECK(s.session->evidence().list(Key{Evidence::Target::Firm, u"F-001"_s}).value() == onFirm);
    CHECK(s.session->evidence().list(Key{Evidence::Target::Observation, s.observationId}).value() ==
          onObservation);
    CHECK(s.session->evidence().list(Key{Evidence::Target::Service, u"service-1"_s})->isEmpty());
    CHECK(s.session->evidence().list()->size() == 3);
}

TEST_CASE("Evidence: export gives back the identical bytes and never overwrites", "[evidence]")
{
    Store s;
    QByteArray bytes = kPng;
    for (int i = 0; i < 256; ++i)
        bytes.append(static_cast<char>(i)); // every byte value, NUL included
    const QString photo = s.file(u"site visit.png"_s, bytes);
    const Evidence e = s.attached(Evidence::Target::Firm, u"F-001"_s, {photo}).first();

    const QString out = s.dir.path(u"exported.png"_s);
    auto exported = EvidenceService::exportTo(*s.session, e.id, out);
    if (!exported)
        FAIL(exported.error().text().toStdString());
    CHECK(exported.value() == e);
    CHECK(test::readFile(out) == bytes);
    CHECK(hexSha256(test::readFile(out)) == e.sha256);

    // An existing file is left alone.
    auto again = EvidenceService::exportTo(*s.session, e.id, out);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::Conflict);
    CHECK(again.error().location == out);
    test::writeFile(out, "keep me");
    CHECK_FALSE(EvidenceService::exportTo(*s.session, e.id, out).ok());
    CHECK(test::readFile(out) == "keep me");

    auto unknown = EvidenceService::exportTo(*s.session, u"no-such-id"_s, s.dir.path(u"x"_s));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::NotFound);
    CHECK_THAT(unknown.error().message.toStdString(), Contains("no-such-id"));
    CHECK_FALSE(QFileInfo::exists(s.dir.path(u"x"_s)));
}

TEST_CASE("Evidence: damaged stored content is detected on export", "[evidence]")
{
    Store s;
    const Evidence e =
        s.attached(Evidence::Target::Service, u"service-1"_s, {s.file(u"cert.pdf"_s, kPdf)})
            .first();

    SECTION("a changed byte")
    {
        s.exec(u"UPDATE evidence_contents SET content = CAST(replace(CAST(content AS TEXT), "
               "'Catalog', 'Catalag') AS BLOB)"_s);
    }
    SECTION("a shortened blob")
    {
        s.exec(u"UPDATE evidence_contents SET content = substr(content, 1, 10)"_s);
    }
    REQUIRE(s.session->evidence().content(e.id).value() != kPdf);

    const QString out = s.dir.path(u"cert-out.pdf"_s);
    auto r = EvidenceService::exportTo(*s.session, e.id, out);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Database);
    CHECK_THAT(r.error().message.toStdString(), Contains("the stored evidence is damaged"));
    CHECK_THAT(r.error().message.toStdString(), Contains(e.id.toStdString()));
    CHECK_FALSE(QFileInfo::exists(out));
}

TEST_CASE("EvidenceRepository: writes happen in the caller's transaction", "[evidence]")
{
    Store s;
    {
        Transaction tx(s.session->database());
        REQUIRE(tx.begun().ok());
        auto e = s.session->evidence().attach(Evidence::Target::Firm, u"F-001"_s, u"a.txt"_s,
                                              u"text/plain"_s, "notes");
        REQUIRE(e.ok());
        CHECK(s.count(u"evidence"_s) == 1);
        // left without commit: rolled back
    }
    CHECK(s.count(u"evidence"_s) == 0);
    CHECK(s.count(u"evidence_contents"_s) == 0);

    // Empty content is content too.
    auto empty = s.session->evidence().attach(Evidence::Target::Firm, u"F-001"_s, u"empty.txt"_s,
                                              u"text/plain"_s, QByteArray());
    REQUIRE(empty.ok());
    CHECK(empty->size == 0);
    CHECK(empty->sha256 == hexSha256({}));
    CHECK(s.session->evidence().content(empty->id).value().isEmpty());
}
