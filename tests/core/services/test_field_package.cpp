// Field packages out: what the office cuts for a visit, sealed; the laptop's working copy in
// field mode, whose audit log continues the office chain; and the refusals on both sides.
#include "core/auth/auth.h"
#include "core/package/field_package.h"
#include "core/package/field_return.h"
#include "core/storage/database.h"
#include "core/storage/session.h"
#include "core/workflow/workflow.h"
#include "trust_support.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::DemoCopy;
using dli::test::must;

namespace {

const QByteArray kPassphrase = "field visit 2026";
constexpr auto kCost = SealedArchive::KeyCost::Minimum;

FieldPackage::Request sialkot()
{
    FieldPackage::Request r;
    r.assignee = u"verifier"_s;
    r.orgUnits = {u"SKT-SURG"_s};
    return r;
}

std::unique_ptr<Session> openWork(const QString& path)
{
    SessionOptions o;
    o.minimumPasswordCost = true;
    return must(Session::open(path, o));
}

} // namespace

TEST_CASE("Field package: the office cuts what the visit needs, sealed", "[package]")
{
    DemoCopy d;
    d.actAs(u"manager"_s);
    const QString pkg = d.dir().path(u"skt.dlipkg"_s);
    const PackageManifest m =
        must(FieldPackage::make(*d.session, sialkot(), pkg, kPassphrase, kCost));
    REQUIRE(QFileInfo::exists(pkg));
    CHECK(m.assignee == u"verifier"_s);
    CHECK(m.createdBy == u"manager"_s);
    CHECK(m.sourceDatabaseId == d.session->databaseId());
    CHECK(m.observations > 0);
    CHECK(m.firms > 0);
    CHECK(m.parts.contains(u"data.sqlite"_s));
    CHECK(m.parts.value(u"data.sqlite"_s).size() == 64);
    // The office log records it; the file shows nothing in the clear.
    const auto entries = must(d.session->audit().entries());
    CHECK(entries.last().action == u"package.export"_s);
    const QByteArray bytes = test::readFile(pkg);
    CHECK_FALSE(bytes.contains("SKT-SURG"));
    CHECK_FALSE(bytes.contains("FIRMS_UPGRADE"));

    // Opened on the laptop: the working copy and its original beside it.
    const QString work = d.dir().path(u"laptop.dlidb"_s);
    const PackageManifest opened = must(FieldPackage::open(pkg, kPassphrase, work));
    CHECK(opened.packageId == m.packageId);
    CHECK(QFileInfo::exists(FieldPackage::originalPath(work)));
    auto field = openWork(work);
    const auto of = must(FieldPackage::of(*field));
    REQUIRE(of.has_value());
    CHECK(of->packageId == m.packageId);
    CHECK_FALSE(must(FieldPackage::of(*d.session)).has_value());

    // Only the submitted figures of the cluster, and its firms; one account; no history.
    const QStringList units = test::column(
        field->database(), u"SELECT DISTINCT u.code FROM observations o JOIN org_units u ON "
                           "u.id = o.org_unit_id"_s);
    CHECK(units == QStringList{u"SKT-SURG"_s});
    CHECK(test::column(field->database(), u"SELECT DISTINCT state FROM observations"_s) ==
          QStringList{u"submitted"_s});
    CHECK(test::column(field->database(),
                       u"SELECT DISTINCT u.code FROM firms f JOIN org_units u ON u.id = "
                       "f.cluster_id"_s) == QStringList{u"SKT-SURG"_s});
    CHECK(test::column(field->database(), u"SELECT name FROM users"_s) ==
          QStringList{u"verifier"_s});
    for (const QString& table : {u"events"_s, u"logins"_s, u"audit_log"_s})
        CHECK(test::column(field->database(), u"SELECT count(*) FROM "_s + table) ==
              QStringList{u"0"_s});
    // A firm of another cluster is gone from the file's bytes too (the copy was vacuumed).
    const QStringList elsewhere = test::column(
        d.session->database(), u"SELECT f.name FROM firms f JOIN org_units u ON u.id = "
                               "f.cluster_id WHERE u.code = 'GRW-LENG' LIMIT 1"_s);
    REQUIRE(elsewhere.size() == 1);
    field.reset();
    CHECK_FALSE(test::readFile(work).contains(elsewhere.first().toUtf8()));
}

TEST_CASE("Field package: only the assignee logs in, and the log continues the office chain",
          "[package]")
{
    DemoCopy d;
    d.actAs(u"manager"_s);
    const QString head = must(d.session->audit().head());
    const QString pkg = d.dir().path(u"skt.dlipkg"_s);
    must(FieldPackage::make(*d.session, sialkot(), pkg, kPassphrase, kCost));
    const QString work = d.dir().path(u"laptop.dlidb"_s);
    must(FieldPackage::open(pkg, kPassphrase, work));
    auto field = openWork(work);
    CHECK_FALSE(Auth::login(*field, u"officer"_s, Demo::password()).ok());
    CHECK_FALSE(Auth::login(*field, u"manager"_s, Demo::password()).ok());
    const User verifier = must(Auth::login(*field, u"verifier"_s, Demo::password()));
    CHECK(verifier.name == u"verifier"_s);

    // A verification in the field, offline, continues the chain from the office's head (the
    // entry before the export's own).
    const auto program = must(field->programs().load());
    const QStringList submitted =
        test::column(field->database(), u"SELECT id FROM observations LIMIT 1"_s);
    REQUIRE(submitted.size() == 1);
    Workflow::VerifyRequest v;
    v.id = submitted.first();
    v.method = VerificationMethod::FieldVisit;
    REQUIRE(Workflow(*field, program).verify(v).ok());
    const auto entries = must(field->audit().entries());
    REQUIRE_FALSE(entries.isEmpty());
    CHECK(entries.first().prevHash == head);
    const auto report = must(field->audit().verify());
    INFO(report.problems.join(u'\n').toStdString());
    CHECK(report.problems.isEmpty());
    CHECK(report.baseHash == head);
}

TEST_CASE("Field package: wrong requests and damaged packages are refused", "[package]")
{
    DemoCopy d;
    d.actAs(u"manager"_s);
    const QString pkg = d.dir().path(u"p.dlipkg"_s);
    auto refused = [&](FieldPackage::Request r, ErrorCode code, const char* says) {
        auto made = FieldPackage::make(*d.session, r, pkg, kPassphrase, kCost);
        INFO(says);
        REQUIRE_FALSE(made.ok());
        CHECK(made.error().code == code);
        CHECK(made.error().text().contains(QString::fromUtf8(says)));
        CHECK_FALSE(QFileInfo::exists(pkg));
    };
    FieldPackage::Request r = sialkot();
    r.assignee = u"officer"_s;
    refused(r, ErrorCode::Forbidden, "is not a verifier");
    r.assignee = u"nobody"_s;
    refused(r, ErrorCode::NotFound, "unknown user");
    r = sialkot();
    r.orgUnits = {u"NOWHERE"_s};
    refused(r, ErrorCode::NotFound, "unknown org unit \"NOWHERE\"");
    r.orgUnits.clear();
    refused(r, ErrorCode::Usage, "say what the visit is for");
    r.observations = {u"no-such-id"_s};
    refused(r, ErrorCode::NotFound, "unknown observation");
    r.observations.clear();
    const QStringList closed =
        test::column(d.session->database(), u"SELECT id FROM samples WHERE state = 'closed'"_s);
    REQUIRE_FALSE(closed.isEmpty());
    r.samples = closed;
    refused(r, ErrorCode::Conflict, "is closed");
    d.actAs(u"officer"_s);
    refused(sialkot(), ErrorCode::Forbidden, "may not make field packages");

    // Opening: a wrong passphrase, an existing working file, a package altered inside.
    d.actAs(u"manager"_s);
    must(FieldPackage::make(*d.session, sialkot(), pkg, kPassphrase, kCost));
    const QString work = d.dir().path(u"w.dlidb"_s);
    auto wrong = FieldPackage::open(pkg, "not the passphrase", work);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == ErrorCode::Unauthenticated);
    CHECK_FALSE(QFileInfo::exists(work));
    test::writeFile(work, "something");
    auto there = FieldPackage::open(pkg, kPassphrase, work);
    REQUIRE_FALSE(there.ok());
    CHECK(there.error().text().contains(u"already there"_s));
    QFile::remove(work);
    // Same passphrase, but data that does not match the manifest.
    auto entries = must(SealedArchive::openFile(pkg, kPassphrase, SealedArchive::PackageKind));
    for (ArchiveEntry& e : entries) {
        if (e.name == u"data.sqlite"_s)
            e.data[100] = static_cast<char>(e.data[100] ^ 1);
    }
    const QString forged = d.dir().path(u"forged.dlipkg"_s);
    REQUIRE(SealedArchive::sealFile(forged, entries, kPassphrase, SealedArchive::PackageKind, kCost)
                .ok());
    auto altered = FieldPackage::open(forged, kPassphrase, work);
    REQUIRE_FALSE(altered.ok());
    CHECK(altered.error().text().contains(u"altered"_s));
    CHECK_FALSE(QFileInfo::exists(work));
    CHECK_FALSE(QFileInfo::exists(FieldPackage::originalPath(work)));
}

TEST_CASE("Field return: the laptop's changes since the package was opened, sealed",
          "[package][return]")
{
    DemoCopy d;
    d.actAs(u"manager"_s);
    const QString pkg = d.dir().path(u"skt.dlipkg"_s);
    const PackageManifest package =
        must(FieldPackage::make(*d.session, sialkot(), pkg, kPassphrase, kCost));
    const QString work = d.dir().path(u"laptop.dlidb"_s);
    must(FieldPackage::open(pkg, kPassphrase, work));

    // Nothing done yet: a return with no changes.
    const QString none = d.dir().path(u"none.dlireturn"_s);
    {
        auto field = openWork(work);
        must(Auth::login(*field, u"verifier"_s, Demo::password()));
        const ReturnManifest empty = must(FieldReturn::make(*field, none, kPassphrase, kCost));
        CHECK(empty.changes == 0);
        CHECK(empty.fieldAuditEntries == 0);
    }

    // A verification in the field; the application is closed and opened again in between.
    QString verifiedId;
    {
        auto field = openWork(work);
        must(Auth::login(*field, u"verifier"_s, Demo::password()));
        const auto program = must(field->programs().load());
        verifiedId =
            test::column(field->database(), u"SELECT id FROM observations LIMIT 1"_s).value(0);
        Workflow::VerifyRequest v;
        v.id = verifiedId;
        v.method = VerificationMethod::FieldVisit;
        REQUIRE(Workflow(*field, program).verify(v).ok());
    }
    auto field = openWork(work);
    must(Auth::login(*field, u"verifier"_s, Demo::password()));
    const QString path = d.dir().path(u"skt.dlireturn"_s);
    const ReturnManifest m = must(FieldReturn::make(*field, path, kPassphrase, kCost));
    CHECK(m.packageId == package.packageId);
    CHECK(m.sourceDatabaseId == d.session->databaseId());
    CHECK(m.baseAuditHash == package.baseAuditHash);
    CHECK(m.fieldAuditEntries == 3);
    CHECK(m.createdBy == u"verifier"_s);

    const FieldReturn::Opened opened = must(FieldReturn::open(path, kPassphrase));
    const QList<Database::Change> changes = must(Database::changes(opened.changeset));
    CHECK(changes.size() == m.changes);
    auto has = [&changes](const QString& table, const QString& op, const QString& key = {}) {
        for (const Database::Change& c : changes) {
            if (c.table == table && c.op == op && (key.isEmpty() || c.key == key))
                return true;
        }
        return false;
    };
    CHECK(has(u"observations"_s, u"update"_s, verifiedId));
    CHECK(has(u"verifications"_s, u"insert"_s));
    CHECK(has(u"transitions"_s, u"insert"_s));
    CHECK(has(u"audit_log"_s, u"insert"_s));
    for (const Database::Change& c : changes)
        CHECK(c.op != u"delete"_s);

    // A return is not a package, a package not a return; a wrong passphrase opens neither.
    CHECK_FALSE(FieldReturn::open(pkg, kPassphrase).ok());
    CHECK_FALSE(FieldPackage::open(path, kPassphrase, d.dir().path(u"x.dlidb"_s)).ok());
    auto wrong = FieldReturn::open(path, "not the passphrase");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == ErrorCode::Unauthenticated);
    // The office database is no field copy.
    auto office = FieldReturn::make(*d.session, d.dir().path(u"o.dlireturn"_s), kPassphrase, kCost);
    REQUIRE_FALSE(office.ok());
    CHECK(office.error().text().contains(u"not a field package's working copy"_s));
}
