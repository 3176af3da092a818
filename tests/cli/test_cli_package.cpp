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
