// End-to-end tests of `dlitracker-cli package export` and `package open` on a copy of the demo:
// the package made and opened, the assignee's login on the laptop, and refusals with exit
// status 2 that leave nothing behind.
#include "cli_process.h"
#include "support/test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace dli::test::cli;
using Catch::Matchers::Contains;
using dli::test::TempDir;

namespace {

const QString kPassphrase = u"field visit 2026"_s;

Env withPassphrase(Env env, const QString& passphrase = kPassphrase)
{
    env.insert(u"DLITRACKER_PACKAGE_PASSPHRASE"_s, passphrase);
    return env;
}

} // namespace

TEST_CASE("cli package: export at the office, open on the laptop, log in as the assignee",
          "[cli][package]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QString pkg = dir.path(u"skt.dlipkg"_s);
    const Run made = cli({u"package"_s, u"export"_s, db, u"--out"_s, pkg, u"--assignee"_s,
                          u"verifier"_s, u"--org"_s, u"SKT-SURG"_s},
                         Success, withPassphrase(as(u"manager"_s)));
    CHECK_THAT(made.out, Contains("for verifier"));
    CHECK_THAT(made.out, Contains("observations"));
    REQUIRE(QFileInfo::exists(pkg));

    const QString work = dir.path(u"laptop.dlidb"_s);
    const Run opened = cli({u"package"_s, u"open"_s, pkg, work}, Success, withPassphrase({}));
    CHECK_THAT(opened.out, Contains("field mode"));
    CHECK(QFileInfo::exists(work + u".original"_s));
    const Run verified = cli({u"audit"_s, u"verify"_s, work}, Success, as(u"verifier"_s));
    CHECK_THAT(verified.out, Contains("continues the office chain"));
    const Run officer = cli({u"show"_s, work}, BadInput, as(u"officer"_s));
    CHECK_THAT(officer.err, Contains("wrong user name or password"));

    // Back: the verifier's changes, sealed.
    const Run listed =
        must({u"observations"_s, work, u"--state"_s, u"submitted"_s, u"--format"_s, u"json"_s},
             as(u"verifier"_s));
    const QJsonArray submitted = parseObject(listed.stdoutBytes).value(u"observations"_s).toArray();
    REQUIRE_FALSE(submitted.isEmpty());
    must({u"verify"_s, work, submitted.first().toObject().value(u"id"_s).toString(), u"--method"_s,
          u"field_visit"_s},
         as(u"verifier"_s));
    const QString back = dir.path(u"skt.dlireturn"_s);
    const Run returned = cli({u"package"_s, u"return"_s, work, u"--out"_s, back}, Success,
                             withPassphrase(as(u"verifier"_s)));
    CHECK_THAT(returned.out, Contains("3 audit entries made in the field"));
    CHECK(QFileInfo::exists(back));
    const Run again = cli({u"package"_s, u"return"_s, work, u"--out"_s, back}, BadInput,
                          withPassphrase(as(u"verifier"_s)));
    CHECK_THAT(again.err, Contains("already there"));
    const Run office = cli({u"package"_s, u"return"_s, db, u"--out"_s, dir.path(u"o.dlireturn"_s)},
                           BadInput, withPassphrase(as(u"manager"_s)));
    CHECK_THAT(office.err, Contains("not a field package's working copy"));
}

TEST_CASE("cli package: refusals leave nothing behind", "[cli][package]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QString pkg = dir.path(u"p.dlipkg"_s);
    const QString before = sha256Hex(dli::test::readFile(db));
    struct Case {
        QStringList args;
        const char* says;
    };
    const QList<Case> cases{
        {{u"package"_s, u"export"_s, db, u"--out"_s, pkg, u"--org"_s, u"SKT-SURG"_s},
         "--assignee is missing"},
        {{u"package"_s, u"export"_s, db, u"--out"_s, dir.path(u"p.zip"_s), u"--assignee"_s,
          u"verifier"_s},
         "FILE.dlipkg"},
        {{u"package"_s, u"export"_s, db, u"--out"_s, pkg, u"--assignee"_s, u"officer"_s, u"--org"_s,
          u"SKT-SURG"_s},
         "is not a verifier"},
        {{u"package"_s, u"export"_s, db, u"--out"_s, pkg, u"--assignee"_s, u"verifier"_s,
          u"--org"_s, u"NOWHERE"_s},
         "unknown org unit"},
    };
    for (const Case& c : cases) {
        INFO(c.args.join(u' ').toStdString());
        const Run r = cli(c.args, BadInput, withPassphrase(as(u"manager"_s)));
        CHECK_THAT(r.err, Contains(c.says));
    }
    CHECK_FALSE(QFileInfo::exists(pkg));
    CHECK(sha256Hex(dli::test::readFile(db)) == before);

    // A passphrase too short for a new package.
    const Run shortOne = cli({u"package"_s, u"export"_s, db, u"--out"_s, pkg, u"--assignee"_s,
                              u"verifier"_s, u"--org"_s, u"SKT-SURG"_s},
                             BadInput, withPassphrase(as(u"manager"_s), u"short"_s));
    CHECK_THAT(shortOne.err, Contains("8"));
    CHECK_FALSE(QFileInfo::exists(pkg));

    // Opening with the wrong passphrase writes no working database.
    must({u"package"_s, u"export"_s, db, u"--out"_s, pkg, u"--assignee"_s, u"verifier"_s,
          u"--org"_s, u"SKT-SURG"_s},
         withPassphrase(as(u"manager"_s)));
    const QString work = dir.path(u"w.dlidb"_s);
    const Run wrong = cli({u"package"_s, u"open"_s, pkg, work}, BadInput,
                          withPassphrase({}, u"not the passphrase"_s));
    CHECK_THAT(wrong.err, Contains("passphrase does not open"));
    CHECK_FALSE(QFileInfo::exists(work));
    const Run notOne = cli({u"package"_s, u"open"_s, db, work}, BadInput, withPassphrase({}));
    CHECK_THAT(notOne.err, Contains("not a DLI Tracker package"));
    CHECK_FALSE(QFileInfo::exists(work));
}

TEST_CASE("cli package import: changes in, a conflict listed and resolved, twice is nothing",
          "[cli][package]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QString pkg = dir.path(u"skt.dlipkg"_s);
    must({u"package"_s, u"export"_s, db, u"--out"_s, pkg, u"--assignee"_s, u"verifier"_s,
          u"--org"_s, u"SKT-SURG"_s},
         withPassphrase(as(u"manager"_s)));
    const QString work = dir.path(u"laptop.dlidb"_s);
    must({u"package"_s, u"open"_s, pkg, work}, withPassphrase({}));
    const Run listed =
        must({u"observations"_s, work, u"--state"_s, u"submitted"_s, u"--format"_s, u"json"_s},
             as(u"verifier"_s));
    const QJsonArray submitted = parseObject(listed.stdoutBytes).value(u"observations"_s).toArray();
    REQUIRE(submitted.size() >= 2);
    const QString shared = submitted.at(0).toObject().value(u"id"_s).toString();
    const QString fieldOnly = submitted.at(1).toObject().value(u"id"_s).toString();
    // The office verifies one figure while the laptop queries it and rejects another.
    must({u"verify"_s, db, shared, u"--method"_s, u"desk_review"_s}, as(u"verifier"_s));
    must({u"query"_s, work, shared, u"--reason"_s, u"firm closed"_s}, as(u"verifier"_s));
    must({u"reject"_s, work, fieldOnly, u"--reason"_s, u"no contract"_s}, as(u"verifier"_s));
    const QString back = dir.path(u"skt.dlireturn"_s);
    must({u"package"_s, u"return"_s, work, u"--out"_s, back}, withPassphrase(as(u"verifier"_s)));

    const Run wrongFile =
        cli({u"package"_s, u"import"_s, db, pkg}, BadInput, withPassphrase(as(u"manager"_s)));
    CHECK_THAT(wrongFile.err, Contains("not a return"));
    const Run officer =
        cli({u"package"_s, u"import"_s, db, back}, BadInput, withPassphrase(as(u"officer"_s)));
    CHECK_THAT(officer.err, Contains("importing a field return"));
    const Run wrongPass = cli({u"package"_s, u"import"_s, db, back}, BadInput,
                              withPassphrase(as(u"manager"_s), u"not the passphrase"_s));
    CHECK_THAT(wrongPass.err, Contains("passphrase"));

    const Run imported =
        cli({u"package"_s, u"import"_s, db, back}, ProblemsFound, withPassphrase(as(u"manager"_s)));
    CHECK_THAT(imported.out, Contains("1 applied, 1 conflicts, 0 refused"));
    CHECK_THAT(imported.out, Contains("observation.query"));
    CHECK_THAT(imported.out, Contains("conflicts resolve"));
    const QString afterImport = sha256Hex(dli::test::readFile(db));
    const Run twice = must({u"package"_s, u"import"_s, db, back}, withPassphrase(as(u"manager"_s)));
    CHECK_THAT(twice.out, Contains("Nothing new"));
    CHECK(sha256Hex(dli::test::readFile(db)) == afterImport);

    const Run open = must({u"conflicts"_s, db, u"--format"_s, u"json"_s}, as(u"verifier"_s));
    const QJsonArray conflicts = parseObject(open.stdoutBytes).value(u"conflicts"_s).toArray();
    REQUIRE(conflicts.size() == 1);
    const QJsonObject k = conflicts.first().toObject();
    CHECK(k.value(u"row_id"_s).toString() == shared);
    CHECK(k.value(u"office"_s).toObject().value(u"state"_s).toString() == u"verified"_s);
    CHECK(k.value(u"field"_s).toObject().value(u"row"_s).toObject().value(u"state"_s).toString() ==
          u"queried"_s);
    const QString id = k.value(u"id"_s).toString().left(8);
    const Run table = must({u"conflicts"_s, db}, as(u"verifier"_s));
    CHECK_THAT(table.out, Contains(id.toStdString()));

    const Run badSide = cli({u"conflicts"_s, u"resolve"_s, db, id, u"--keep"_s, u"both"_s},
                            BadInput, as(u"verifier"_s));
    CHECK_THAT(badSide.err, Contains("office or field"));
    const Run cannot = cli({u"conflicts"_s, u"resolve"_s, db, id, u"--keep"_s, u"field"_s},
                           BadInput, as(u"verifier"_s));
    CHECK_THAT(cannot.err, Contains("stays open"));
    const Run kept =
        must({u"conflicts"_s, u"resolve"_s, db, id, u"--keep"_s, u"office"_s}, as(u"verifier"_s));
    CHECK_THAT(kept.out, Contains("resolved"));
    const Run none = must({u"conflicts"_s, db}, as(u"verifier"_s));
    CHECK_THAT(none.out, Contains("No conflicts wait"));
    const Run all = must({u"conflicts"_s, db, u"--all"_s}, as(u"verifier"_s));
    CHECK_THAT(all.out, Contains("keep_office"));
    const Run unknown =
        cli({u"conflicts"_s, u"resolve"_s, db, u"ffffffff"_s, u"--keep"_s, u"office"_s}, BadInput,
            as(u"verifier"_s));
    CHECK_THAT(unknown.err, Contains("no conflict"));
    must({u"audit"_s, u"verify"_s, db}, as(u"manager"_s));
}
