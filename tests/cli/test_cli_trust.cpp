// End-to-end tests of the verification and trust commands of dlitracker-cli: logging in, accounts,
// the verification workflow, sample verification, the audit log and backups, run as the built
// executable on copies of one demo database.
#include "cli_process.h"
#include "support/test_support.h"

#include <QByteArray>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <string>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace dli::test::cli;
using Catch::Matchers::Contains;
using dli::test::readFile;
using dli::test::sharedExample;
using dli::test::TempDir;
using dli::test::writeFile;

namespace {

const QString kUser = u"DLITRACKER_USER"_s;
const QString kPassword = u"DLITRACKER_PASSWORD"_s;
const QString kNewPassword = u"DLITRACKER_NEW_PASSWORD"_s;
const QByteArray kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";

// A copy of a database file as it is now.
QString copyOf(const QString& db, const TempDir& dir, const QString& name)
{
    REQUIRE_FALSE(QFileInfo::exists(db + u"-wal"_s));
    const QString copy = dir.path(name);
    REQUIRE(QFile::copy(db, copy));
    return copy;
}

Env with(Env env, const QString& key, const QString& value)
{
    env.insert(key, value);
    return env;
}

// The SHA-256 of a database file: a refused command leaves it as it was.
QString fileHash(const QString& db)
{
    return sha256Hex(readFile(db));
}

QJsonArray listed(const QString& db, const QStringList& filter = {})
{
    const Run r = must(QStringList{u"observations"_s, db, u"--format"_s, u"json"_s} + filter,
                       as(u"viewer"_s));
    return parseObject(r.stdoutBytes).value(u"observations"_s).toArray();
}

QJsonObject observation(const QString& db, const QString& id)
{
    const Run r =
        must({u"observations"_s, db, u"--id"_s, id, u"--format"_s, u"json"_s}, as(u"viewer"_s));
    return parseObject(r.stdoutBytes);
}

QString stateOf(const QString& db, const QString& id)
{
    return observation(db, id).value(u"state"_s).toString();
}

// The observations that have evidence attached.
QSet<QString> withEvidence(const QString& db)
{
    const Run r = must({u"evidence"_s, u"list"_s, db, u"--format"_s, u"json"_s}, as(u"viewer"_s));
    QSet<QString> ids;
    for (const auto& e : parseObject(r.stdoutBytes).value(u"evidence"_s).toArray()) {
        if (e.toObject().value(u"target"_s).toString() == u"observation"_s)
            ids << e.toObject().value(u"target_id"_s).toString();
    }
    return ids;
}

QJsonArray evidenceOf(const QString& db, const QString& id)
{
    const Run r =
        must({u"evidence"_s, u"list"_s, db, u"--observation"_s, id, u"--format"_s, u"json"_s},
             as(u"viewer"_s));
    return parseObject(r.stdoutBytes).value(u"evidence"_s).toArray();
}

QString auditHead(const QString& db)
{
    const Run r = must({u"audit"_s, u"head"_s, db}, as(u"viewer"_s));
    return QString::fromUtf8(r.stdoutBytes).trimmed();
}

QJsonArray auditEntries(const Run& r)
{
    return parseObject(r.stdoutBytes).value(u"entries"_s).toArray();
}

bool isHash(const QString& text)
{
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    return hex.match(text).hasMatch();
}

// Runs dlitracker-cli like launch(), in a session of its own: without a controlling terminal,
// so that a password prompt cannot wait for one, however the tests themselves are run.
Run launchWithoutTerminal(const QStringList& args, const Env& extra)
{
    QProcess process;
    QProcessEnvironment env;
    env.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"HOME"_s, QDir::tempPath());
    env.insert(u"USER"_s, u"mne.officer"_s);
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) {
        if (!it.value().isEmpty())
            env.insert(it.key(), it.value());
    }
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(QDir::tempPath());
    process.setChildProcessModifier([] { (void)::setsid(); });
    process.start(QString::fromUtf8(DLI_CLI_PATH), args);
    INFO("dlitracker-cli " << args.join(u' '));
    REQUIRE(process.waitForStarted(10000));
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        FAIL("dlitracker-cli did not finish within 60 s");
    }
    Run r;
    r.stdoutBytes = process.readAllStandardOutput();
    r.out = r.stdoutBytes.toStdString();
    r.err = process.readAllStandardError().toStdString();
    INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    r.exitCode = process.exitCode();
    return r;
}

// The id of the sample that `sample draw` printed.
QString sampleIdOf(const Run& drawn)
{
    static const QRegularExpression first(u"^Sample ([0-9a-f-]{36}) of observation "_s);
    const auto m = first.match(QString::fromUtf8(drawn.stdoutBytes));
    INFO(drawn.out);
    REQUIRE(m.hasMatch());
    return m.captured(1);
}

QStringList keysOf(const QJsonObject& sample)
{
    QStringList keys;
    for (const auto& i : sample.value(u"items"_s).toArray())
        keys << i.toObject().value(u"key"_s).toString();
    return keys;
}

QJsonObject shownSample(const QString& db, const QString& sampleId)
{
    const Run r =
        must({u"sample"_s, u"show"_s, db, sampleId, u"--format"_s, u"json"_s}, as(u"verifier"_s));
    return parseObject(r.stdoutBytes);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Logging in

TEST_CASE("cli trust: a login is needed, failures look alike and five of them lock the name",
          "[cli][trust]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QString wrong = u"Wr0ng-Secret-7319"_s;
    QList<Run> runs;
    const auto kept = [&runs](const Run& r) {
        runs << r;
        return r;
    };

    const QString untouched = fileHash(db);
    const Run anonymous = kept(cli({u"show"_s, db}, BadInput, {{kUser, QString()}}));
    CHECK_THAT(anonymous.err, Contains("--user"));
    CHECK(anonymous.out.empty());
    CHECK(fileHash(db) == untouched);
    // --user NAME is the login when the environment names nobody.
    kept(cli({u"show"_s, db, u"--user"_s, u"viewer"_s}, Success, {{kUser, QString()}}));

    const Run wrongPassword =
        kept(cli({u"show"_s, db, u"--user"_s, u"verifier"_s}, BadInput, {{kPassword, wrong}}));
    const Run unknownUser = kept(cli({u"show"_s, db, u"--user"_s, u"no.such.user"_s}, BadInput));
    CHECK_THAT(wrongPassword.err, Contains("wrong user name or password"));
    CHECK(wrongPassword.err == unknownUser.err); // nothing tells which names exist
    CHECK_FALSE(unknownUser.err.find("no.such.user") != std::string::npos);
    CHECK(wrongPassword.out.empty());
    CHECK(unknownUser.out.empty());

    // Five failures in a row lock the officer's name, even for the right password.
    for (int i = 0; i < 5; ++i) {
        const Run failed = kept(cli({u"show"_s, db}, BadInput, {{kPassword, wrong}}));
        CHECK(failed.err == wrongPassword.err);
    }
    const Run locked = kept(cli({u"show"_s, db}, BadInput));
    CHECK_THAT(locked.err, Contains("locked"));
    CHECK_THAT(locked.err, Contains("officer"));
    CHECK(locked.out.empty());
    // The lock is on the name: the others still log in.
    kept(cli({u"show"_s, db}, Success, as(u"viewer"_s)));

    const Run table = kept(cli({u"user"_s, u"list"_s, db}, Success, as(u"admin"_s)));
    const auto officerLine = [](const std::string& out) {
        const auto from = out.find("\nofficer ");
        REQUIRE(from != std::string::npos);
        return out.substr(from + 1, out.find('\n', from + 1) - from - 1);
    };
    CHECK_THAT(officerLine(table.out), Contains("locked until"));
    const Run json =
        kept(cli({u"user"_s, u"list"_s, db, u"--format"_s, u"json"_s}, Success, as(u"admin"_s)));
    bool seen = false;
    for (const auto& u : parseObject(json.stdoutBytes).value(u"users"_s).toArray()) {
        const QJsonObject user = u.toObject();
        if (user.value(u"name"_s).toString() != u"officer"_s)
            continue;
        seen = true;
        CHECK(user.value(u"locked_until"_s).isString());
        CHECK(user.value(u"failed_logins_in_a_row"_s).toInt() == 5);
    }
    CHECK(seen);
    // Only administrators list and unlock accounts.
    const Run notAdmin = kept(cli({u"user"_s, u"list"_s, db}, BadInput, as(u"viewer"_s)));
    CHECK_THAT(notAdmin.err, Contains("admin"));
    const Run notAdminUnlock =
        kept(cli({u"user"_s, u"unlock"_s, db, u"officer"_s}, BadInput, as(u"verifier"_s)));
    CHECK_THAT(notAdminUnlock.err, Contains("admin"));
    kept(cli({u"show"_s, db}, BadInput));

    const Run unlocked =
        kept(cli({u"user"_s, u"unlock"_s, db, u"officer"_s}, Success, as(u"admin"_s)));
    CHECK_THAT(unlocked.err, Contains("Unlocked user officer"));
    const Run back = kept(cli({u"show"_s, db}, Success));
    CHECK_FALSE(back.out.empty());
    CHECK_THAT(officerLine(kept(cli({u"user"_s, u"list"_s, db}, Success, as(u"admin"_s))).out),
               Contains("active"));

    // A password is never an argument.
    const Run asArgument =
        kept(cli({u"show"_s, db, u"--password"_s, wrong}, BadInput, {{kPassword, QString()}}));
    CHECK_THAT(asArgument.err, Contains("nknown option"));
    CHECK_THAT(asArgument.err, Contains("password"));
    CHECK(asArgument.out.empty());

    // No password, wrong or right, shows in any output, in the file or in its audit log.
    for (const Run& r : runs) {
        for (const QString& secret : {wrong, kDemoPassword}) {
            INFO(secret.toStdString());
            CHECK_FALSE(r.stdoutBytes.contains(secret.toUtf8()));
            CHECK_FALSE(r.err.find(secret.toStdString()) != std::string::npos);
        }
    }
    REQUIRE_FALSE(QFileInfo::exists(db + u"-wal"_s));
    const QByteArray bytes = readFile(db);
    const Run log =
        cli({u"audit"_s, u"log"_s, db, u"--format"_s, u"json"_s}, Success, as(u"viewer"_s));
    CHECK(auditEntries(log).size() > 100);
    for (const QString& secret : {wrong, kDemoPassword}) {
        INFO(secret.toStdString());
        CHECK_FALSE(bytes.contains(secret.toUtf8()));
        CHECK_FALSE(log.stdoutBytes.contains(secret.toUtf8()));
    }
}

// ---------------------------------------------------------------------------------------------
// init --admin and accounts

TEST_CASE("cli trust: init --admin makes the first administrator, who imports and adds users",
          "[cli][trust]")
{
    const TempDir dir;
    const QString db = dir.path(u"cdi.dlidb"_s);
    const QStringList init{u"init"_s, db, u"--admin"_s, u"ayesha.khan"_s};
    const auto nothingLeft = [&db] {
        for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
            CHECK_FALSE(QFileInfo::exists(db + suffix));
    };

    const Run tooShort = cli(init, BadInput, {{kPassword, u"seven77"_s}});
    CHECK_THAT(tooShort.err, Contains("too short"));
    CHECK_THAT(tooShort.err, Contains("8"));
    nothingLeft();

    const Run noPassword = launchWithoutTerminal(init, {});
    {
        INFO(noPassword.err);
        CHECK(noPassword.exitCode == BadInput);
        CHECK_THAT(noPassword.err, Contains("DLITRACKER_PASSWORD"));
    }
    nothingLeft();

    const QString ayeshaPassword = u"Ayesha#8"_s; // eight characters, the least allowed
    const Env ayesha{{kUser, QString()}, {kPassword, ayeshaPassword}};
    const Run created = cli(init, Success, ayesha);
    CHECK_THAT(created.err, Contains("administrator ayesha.khan"));
    CHECK_FALSE(created.err.find(ayeshaPassword.toStdString()) != std::string::npos);
    CHECK_FALSE(readFile(db).contains(ayeshaPassword.toUtf8()));

    // The file has accounts now: a login is needed, and the right one.
    const QStringList import{u"program"_s, u"import"_s,
                             db,           sharedExample(u"worked-program.json"_s),
                             u"--user"_s,  u"ayesha.khan"_s};
    const Run refused = cli(import, BadInput, with(ayesha, kPassword, u"not-ayeshas"_s));
    CHECK_THAT(refused.err, Contains("wrong user name or password"));
    const Run imported = cli(import, Success, ayesha);
    CHECK_THAT(imported.err, Contains("Imported program"));

    const QString bilalPassword = u"Bilal-Pass-2025"_s;
    const Run added = cli({u"user"_s, u"add"_s, db, u"bilal"_s, u"--role"_s, u"officer"_s,
                           u"--user"_s, u"ayesha.khan"_s},
                          Success, with(ayesha, kNewPassword, bilalPassword));
    CHECK_THAT(added.err, Contains("Added user bilal (officer)"));
    const Env bilal{{kUser, u"bilal"_s}, {kPassword, bilalPassword}};
    const Run shown = cli({u"show"_s, db}, Success, bilal);
    CHECK_THAT(shown.out, Contains("PUB-1"));

    const Run notAdmin = cli({u"user"_s, u"add"_s, db, u"carol"_s, u"--role"_s, u"viewer"_s},
                             BadInput, with(bilal, kNewPassword, u"Carol-Pass-2025"_s));
    CHECK_THAT(notAdmin.err, Contains("admin role"));
    cli({u"show"_s, db}, BadInput, {{kUser, u"carol"_s}, {kPassword, u"Carol-Pass-2025"_s}});

    const Run users =
        cli({u"user"_s, u"list"_s, db, u"--format"_s, u"json"_s, u"--user"_s, u"ayesha.khan"_s},
            Success, ayesha);
    QStringList names;
    for (const auto& u : parseObject(users.stdoutBytes).value(u"users"_s).toArray()) {
        const QJsonObject user = u.toObject();
        names << user.value(u"name"_s).toString();
        const QString roles = user.value(u"roles"_s).toArray().at(0).toString();
        CHECK(roles ==
              (user.value(u"name"_s).toString() == u"bilal"_s ? u"officer"_s : u"admin"_s));
    }
    names.sort();
    CHECK(names == QStringList{u"ayesha.khan"_s, u"bilal"_s});
    const QByteArray bytes = readFile(db);
    CHECK_FALSE(bytes.contains(bilalPassword.toUtf8()));
    CHECK_FALSE(bytes.contains(ayeshaPassword.toUtf8()));
}

// ---------------------------------------------------------------------------------------------
// The verification workflow

TEST_CASE("cli trust: verify, reject and query follow the roles, the states and their rules",
          "[cli][trust]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const Env verifier = as(u"verifier"_s);

    const QJsonArray submitted = listed(db, {u"--state"_s, u"submitted"_s});
    REQUIRE(submitted.size() >= 4);
    for (const auto& o : submitted)
        CHECK(o.toObject().value(u"state"_s).toString() == u"submitted"_s);
    const QJsonObject first = submitted.at(0).toObject();
    const QString id = first.value(u"id"_s).toString();
    const QString value = first.value(u"value"_s).toString();
    const QString rejectId = submitted.at(1).toObject().value(u"id"_s).toString();
    const QString queryId = submitted.at(2).toObject().value(u"id"_s).toString();
    const QJsonObject corrected = submitted.at(3).toObject();
    const QString verifyOn = QDate::currentDate().addDays(-1).toString(Qt::ISODate);

    // Refusals, each leaving the file as it was.
    const QString untouched = fileHash(db);
    const Run wrongRole = cli({u"verify"_s, db, id, u"--method"_s, u"desk_review"_s}, BadInput);
    CHECK_THAT(wrongRole.err, Contains("verifier role"));
    const QString other = QString::number(value.toDouble() + 1);
    const Run noReason =
        cli({u"verify"_s, db, id, u"--method"_s, u"desk_review"_s, u"--value"_s, other}, BadInput,
            verifier);
    CHECK_THAT(noReason.err, Contains("reason"));
    const QString tomorrow = QDate::currentDate().addDays(2).toString(Qt::ISODate);
    const Run future =
        cli({u"verify"_s, db, id, u"--method"_s, u"desk_review"_s, u"--date"_s, tomorrow}, BadInput,
            verifier);
    CHECK_THAT(future.err, Contains("future"));
    // A sample verification is recorded by closing a sample, never by --method.
    const Run bySample = cli({u"verify"_s, db, id, u"--method"_s, u"sample"_s}, BadInput, verifier);
    CHECK_THAT(bySample.err, Contains("sample close"));
    const Run unknownMethod =
        cli({u"verify"_s, db, id, u"--method"_s, u"guess"_s}, BadInput, verifier);
    CHECK_THAT(unknownMethod.err,
               Contains("--method is desk_review, field_visit or third_party_report"));
    for (const QString& action : {u"reject"_s, u"query"_s}) {
        const Run r = cli({action, db, rejectId}, BadInput, verifier);
        CHECK_THAT(r.err, Contains("reason"));
    }
    CHECK(fileHash(db) == untouched);
    CHECK(stateOf(db, id) == u"submitted"_s);

    const Run verified =
        cli({u"verify"_s, db, id, u"--method"_s, u"desk_review"_s, u"--date"_s, verifyOn}, Success,
            verifier);
    CHECK_THAT(verified.err, Contains("Verified observation " + id.toStdString()));
    const QJsonObject after = observation(db, id);
    CHECK(after.value(u"state"_s).toString() == u"verified"_s);
    CHECK(after.value(u"verified_value"_s).toString() == value);
    CHECK(after.value(u"verified_on"_s).toString() == verifyOn);
    const QJsonObject verification = after.value(u"verification"_s).toObject();
    CHECK(verification.value(u"method"_s).toString() == u"desk_review"_s);
    CHECK(verification.value(u"verifier"_s).toString() == u"verifier"_s);

    const QString verifiedOnce = fileHash(db);
    const Run again =
        cli({u"verify"_s, db, id, u"--method"_s, u"desk_review"_s}, BadInput, verifier);
    CHECK_THAT(again.err, Contains("is verified"));
    CHECK(fileHash(db) == verifiedOnce);

    // With their reasons the same steps go through.
    const QString changed = QString::number(corrected.value(u"value"_s).toString().toDouble() + 1);
    cli({u"verify"_s, db, corrected.value(u"id"_s).toString(), u"--method"_s, u"field_visit"_s,
         u"--value"_s, changed, u"--reason"_s, u"One more agreement found at the visit"_s},
        Success, verifier);
    CHECK(observation(db, corrected.value(u"id"_s).toString())
              .value(u"verified_value"_s)
              .toString() == changed);
    cli({u"reject"_s, db, rejectId, u"--reason"_s, u"No signed agreement on file"_s}, Success,
        verifier);
    CHECK(stateOf(db, rejectId) == u"rejected"_s);
    cli({u"query"_s, db, queryId, u"--reason"_s, u"Which firms?"_s}, Success, verifier);
    CHECK(stateOf(db, queryId) == u"queried"_s);

    // A verified figure is corrected by a linked replacement, by an officer.
    const QStringList supersede{u"supersede"_s,   db, id, u"--value"_s, other, u"--reason"_s,
                                u"Entered late"_s};
    const Run notOfficer = cli(supersede, BadInput, verifier);
    CHECK_THAT(notOfficer.err, Contains("officer role"));
    const Run replaced = cli(supersede, Success);
    const QString newId = QString::fromUtf8(replaced.stdoutBytes).trimmed();
    REQUIRE(QRegularExpression(u"^[0-9a-f-]{36}$"_s).match(newId).hasMatch());
    CHECK(newId != id);
    const QJsonObject replacement = observation(db, newId);
    CHECK(replacement.value(u"replaces"_s).toString() == id);
    CHECK(replacement.value(u"state"_s).toString() == u"draft"_s);
    CHECK(replacement.value(u"value"_s).toString() == other);
    const QJsonObject old = observation(db, id);
    CHECK(old.value(u"replaced_by"_s).toString() == newId);
    CHECK(old.value(u"state"_s).toString() == u"verified"_s); // counts until the new one is
}

TEST_CASE("cli trust: four eyes, evidence before submitting", "[cli][trust]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const Env verifier = as(u"verifier"_s);

    // One person holding both roles may not verify what they amended.
    const QString dualPassword = u"Dual-Pass-2025"_s;
    cli({u"user"_s, u"add"_s, db, u"dual"_s, u"--role"_s, u"officer"_s, u"--role"_s, u"verifier"_s},
        Success, with(as(u"admin"_s), kNewPassword, dualPassword));
    const Env dual{{kUser, u"dual"_s}, {kPassword, dualPassword}};
    const QJsonArray queried = listed(db, {u"--state"_s, u"queried"_s});
    REQUIRE(queried.size() >= 1);
    const QString queriedId = queried.at(0).toObject().value(u"id"_s).toString();
    const QString amended =
        QString::number(queried.at(0).toObject().value(u"value"_s).toString().toDouble() + 40);
    cli({u"amend"_s, db, queriedId, u"--value"_s, amended, u"--note"_s,
         u"Attendance sheets recounted"_s},
        Success, dual);
    cli({u"submit"_s, db, queriedId}, Success, dual);
    CHECK(stateOf(db, queriedId) == u"submitted"_s);
    const QString untouched = fileHash(db);
    for (const QStringList& step :
         {QStringList{u"verify"_s, db, queriedId, u"--method"_s, u"desk_review"_s},
          QStringList{u"reject"_s, db, queriedId, u"--reason"_s, u"Mine"_s},
          QStringList{u"query"_s, db, queriedId, u"--reason"_s, u"Mine"_s}}) {
        const Run r = cli(step, BadInput, dual);
        CHECK_THAT(r.err, Contains("four eyes"));
    }
    CHECK(fileHash(db) == untouched);
    // dual verifies what others reported, and someone else verifies what dual amended.
    QString othersId;
    for (const auto& o : listed(db, {u"--state"_s, u"submitted"_s})) {
        if (o.toObject().value(u"id"_s).toString() != queriedId)
            othersId = o.toObject().value(u"id"_s).toString();
    }
    REQUIRE_FALSE(othersId.isEmpty());
    cli({u"verify"_s, db, othersId, u"--method"_s, u"desk_review"_s}, Success, dual);
    CHECK(stateOf(db, othersId) == u"verified"_s);
    cli({u"verify"_s, db, queriedId, u"--method"_s, u"desk_review"_s}, Success, verifier);
    const QJsonObject verified = observation(db, queriedId);
    CHECK(verified.value(u"state"_s).toString() == u"verified"_s);
    CHECK(verified.value(u"verified_value"_s).toString() == amended);

    // A DLI whose protocol asks for evidence cannot be submitted without it.
    const QSet<QString> backed = withEvidence(db);
    QString bare;
    for (const auto& o : listed(db, {u"--state"_s, u"draft"_s})) {
        const QJsonObject ob = o.toObject();
        const QString indicator = ob.value(u"indicator"_s).toString();
        if ((indicator == u"DAYS_REG"_s || indicator == u"FIRMS_UPGRADE"_s) &&
            !backed.contains(ob.value(u"id"_s).toString())) {
            bare = ob.value(u"id"_s).toString();
            break;
        }
    }
    REQUIRE_FALSE(bare.isEmpty());
    REQUIRE(evidenceOf(db, bare).isEmpty());
    const QString beforeSubmit = fileHash(db);
    const Run noEvidence = cli({u"submit"_s, db, bare}, BadInput);
    CHECK_THAT(noEvidence.err, Contains("evidence"));
    CHECK(fileHash(db) == beforeSubmit);
    CHECK(stateOf(db, bare) == u"draft"_s);
    const QString file = dir.path(u"register-extract.pdf"_s);
    writeFile(file, kPdf);
    cli({u"evidence"_s, u"attach"_s, db, u"--observation"_s, bare, file}, Success);
    cli({u"submit"_s, db, bare}, Success);
    CHECK(stateOf(db, bare) == u"submitted"_s);
}

// ---------------------------------------------------------------------------------------------
// Sample verification

namespace {

// Two FIRMS_UPGRADE drafts (DLI3: a sample of firms, at most 10% failing) of periods already
// begun, made submitted by the officer with the evidence their protocol asks for.
QStringList submittedFirmsUpgrade(const QString& db, const TempDir& dir)
{
    QList<QJsonObject> drafts;
    for (const auto& o :
         listed(db, {u"--state"_s, u"draft"_s, u"--indicator"_s, u"FIRMS_UPGRADE"_s})) {
        const QJsonObject ob = o.toObject();
        if (ob.value(u"period"_s).toString() < u"FY2027"_s &&
            ob.value(u"value"_s).toString().toDouble() >= 3)
            drafts << ob;
    }
    std::sort(drafts.begin(), drafts.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return a.value(u"period"_s).toString() > b.value(u"period"_s).toString();
    });
    REQUIRE(drafts.size() >= 2);
    const QSet<QString> backed = withEvidence(db);
    QStringList ids;
    for (int i = 0; i < 2; ++i) {
        const QString id = drafts.at(i).value(u"id"_s).toString();
        if (!backed.contains(id)) {
            const QString file = dir.path(u"services-extract-%1.pdf"_s.arg(i));
            writeFile(file, kPdf + QByteArray::number(i));
            must({u"evidence"_s, u"attach"_s, db, u"--observation"_s, id, file});
        }
        must({u"submit"_s, db, id});
        ids << id;
    }
    return ids;
}

} // namespace

TEST_CASE("cli trust: a sample is drawn reproducibly and its error rate decides the figure",
          "[cli][trust]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QStringList ids = submittedFirmsUpgrade(db, dir);
    const QString failing = ids.at(0);
    const QString passing = ids.at(1);
    const Env verifier = as(u"verifier"_s);
    const QString seed = u"IVA-2026-round-7"_s;
    // The same database before the draw, to draw every candidate from.
    const QString whole = copyOf(db, dir, u"whole.dlidb"_s);

    const Run officerDraw = cli(
        {u"sample"_s, u"draw"_s, db, failing, u"--seed"_s, seed, u"--size"_s, u"5"_s}, BadInput);
    CHECK_THAT(officerDraw.err, Contains("verifier"));
    const Run drawn =
        cli({u"sample"_s, u"draw"_s, db, failing, u"--seed"_s, seed, u"--size"_s, u"5"_s}, Success,
            verifier);
    const QString sampleId = sampleIdOf(drawn);
    const QJsonObject open = shownSample(db, sampleId);
    const QStringList keys = keysOf(open);
    REQUIRE(keys.size() == 5);
    for (const QString& key : keys)
        CHECK_THAT(drawn.out, Contains(key.toStdString()));
    CHECK(open.value(u"seed"_s).toString() == seed);
    CHECK(open.value(u"observation"_s).toString() == failing);
    CHECK(open.value(u"state"_s).toString() == u"open"_s);
    CHECK(open.value(u"size"_s).toInt() == 5);
    const int population = open.value(u"population"_s).toInt();
    CHECK(population > 5);
    // Each rank is the SHA-256 of "<seed>:<key>" (docs/sampling.md), in ascending order.
    QString previous;
    int position = 0;
    for (const auto& i : open.value(u"items"_s).toArray()) {
        const QJsonObject item = i.toObject();
        const QString rank = item.value(u"rank"_s).toString();
        CHECK(rank == sha256Hex((seed + u':' + item.value(u"key"_s).toString()).toUtf8()));
        CHECK(rank > previous);
        CHECK(item.value(u"position"_s).toInt() == ++position);
        CHECK(item.value(u"outcome"_s).isNull());
        previous = rank;
    }
    // Every candidate, drawn on the copy, ranked here: the first five are the sample.
    const Run all =
        cli({u"sample"_s, u"draw"_s, whole, failing, u"--seed"_s, seed, u"--size"_s, u"100000"_s},
            Success, verifier);
    QStringList candidates = keysOf(shownSample(whole, sampleIdOf(all)));
    CHECK(candidates.size() == population);
    std::sort(candidates.begin(), candidates.end(), [&seed](const QString& a, const QString& b) {
        const QString ra = sha256Hex((seed + u':' + a).toUtf8());
        const QString rb = sha256Hex((seed + u':' + b).toUtf8());
        return ra != rb ? ra < rb : a < b;
    });
    CHECK(candidates.mid(0, 5) == keys);

    // Closing needs every outcome.
    const Run early = cli({u"sample"_s, u"close"_s, db, sampleId}, BadInput, verifier);
    CHECK_THAT(early.err, Contains("without an outcome"));
    for (int i = 0; i < 4; ++i)
        cli({u"sample"_s, u"record"_s, db, sampleId, keys.at(i), u"--outcome"_s, u"confirmed"_s},
            Success, verifier);
    const Run stillEarly = cli({u"sample"_s, u"close"_s, db, sampleId}, BadInput, verifier);
    CHECK_THAT(stillEarly.err, Contains("1 rows without an outcome"));
    CHECK_THAT(stillEarly.err, Contains(keys.at(4).toStdString()));
    CHECK(stateOf(db, failing) == u"submitted"_s);
    const Run notDrawn = cli(
        {u"sample"_s, u"record"_s, db, sampleId, u"NOT-A-FIRM"_s, u"--outcome"_s, u"confirmed"_s},
        BadInput, verifier);
    CHECK_THAT(notDrawn.err, Contains("was not drawn"));

    // One of five not found: 20%, above DLI3's 10%, rejects the figure.
    cli({u"sample"_s, u"record"_s, db, sampleId, keys.at(4), u"--outcome"_s, u"not_found"_s,
         u"--note"_s, u"Workshop closed"_s},
        Success, verifier);
    cli({u"sample"_s, u"close"_s, db, sampleId}, Success, verifier);
    const QJsonObject closed = shownSample(db, sampleId);
    CHECK(closed.value(u"state"_s).toString() == u"closed"_s);
    CHECK(closed.value(u"failed"_s).toInt() == 1);
    CHECK(closed.value(u"error_rate"_s).toString().toDouble() == Approx(0.2));
    CHECK(closed.value(u"outcome"_s).toString() == u"rejected"_s);
    const QJsonObject rejected = observation(db, failing);
    CHECK(rejected.value(u"state"_s).toString() == u"rejected"_s);
    CHECK_FALSE(rejected.contains(u"verified_value"_s));
    cli({u"sample"_s, u"record"_s, db, sampleId, keys.at(4), u"--outcome"_s, u"confirmed"_s},
        BadInput, verifier);

    // All confirmed: verified at the reported value, by the sample.
    const Run second =
        cli({u"sample"_s, u"draw"_s, db, passing, u"--seed"_s, seed, u"--size"_s, u"5"_s}, Success,
            verifier);
    const QString secondId = sampleIdOf(second);
    for (const QString& key : keysOf(shownSample(db, secondId)))
        cli({u"sample"_s, u"record"_s, db, secondId, key, u"--outcome"_s, u"confirmed"_s}, Success,
            verifier);
    cli({u"sample"_s, u"close"_s, db, secondId}, Success, verifier);
    const QJsonObject verified = observation(db, passing);
    CHECK(verified.value(u"state"_s).toString() == u"verified"_s);
    CHECK(verified.value(u"verified_value"_s).toString() == verified.value(u"value"_s).toString());
    const QJsonObject verification = verified.value(u"verification"_s).toObject();
    CHECK(verification.value(u"method"_s).toString() == u"sample"_s);
    CHECK(verification.value(u"sample"_s).toString() == secondId);
    CHECK(shownSample(db, secondId).value(u"outcome"_s).toString() == u"verified"_s);
}

// ---------------------------------------------------------------------------------------------
// The audit log

TEST_CASE("cli trust: audit verify finds every change made outside DLI Tracker", "[cli][trust]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const Env viewer = as(u"viewer"_s);

    const Run intact = cli({u"audit"_s, u"verify"_s, db}, Success, viewer);
    CHECK_THAT(intact.out, Contains("Result:          intact"));
    const Run head = cli({u"audit"_s, u"head"_s, db}, Success, viewer);
    CHECK(QRegularExpression(u"^[0-9a-f]{64}\n$"_s)
              .match(QString::fromUtf8(head.stdoutBytes))
              .hasMatch());
    CHECK_THAT(intact.out, Contains(head.out.substr(0, 64)));

    const QString verifiedId =
        listed(db, {u"--state"_s, u"verified"_s}).at(0).toObject().value(u"id"_s).toString();
    REQUIRE_FALSE(verifiedId.isEmpty());
    struct Tampering {
        QByteArray sql;
        std::vector<std::string> named;
    };
    const std::vector<Tampering> cases{
        {"UPDATE audit_log SET user_name = 'x' WHERE seq = 5", {"audit entry 5 (", "edited"}},
        {"DELETE FROM audit_log WHERE seq = 10", {"entry 10", "deleted"}},
        {"UPDATE observations SET value = '999' WHERE id = '" + verifiedId.toUtf8() + "'",
         {"observations", verifiedId.toStdString(), "changed outside DLI Tracker"}},
        {"UPDATE firms SET name = 'X' WHERE rowid = (SELECT min(rowid) FROM firms)", {"firms"}},
    };
    int n = 0;
    for (const Tampering& t : cases) {
        const QString copy = copyOf(db, dir, u"tampered-%1.dlidb"_s.arg(++n));
        sql(copy, t.sql.constData());
        const Run r = cli({u"audit"_s, u"verify"_s, copy}, ProblemsFound, viewer);
        INFO(t.sql.toStdString() << "\n" << r.out);
        CHECK_THAT(r.out, Contains("problems"));
        CHECK_FALSE(r.out.find("intact") != std::string::npos);
        for (const std::string& text : t.named)
            CHECK_THAT(r.out, Contains(text));
        CHECK_THAT(r.err, Contains("changed outside DLI Tracker"));
    }
    // The untouched file is still intact.
    cli({u"audit"_s, u"verify"_s, db}, Success, viewer);

    // The same with the sqlite3 shell itself, as someone holding the file would do it: a
    // rejected figure turned verified, and a trainee added to a register.
    const QString shell = copyOf(db, dir, u"shell.dlidb"_s);
    const QString rejectedId =
        listed(db, {u"--state"_s, u"rejected"_s}).at(0).toObject().value(u"id"_s).toString();
    QProcess sqlite;
    sqlite.start(u"sqlite3"_s,
                 {shell, u"UPDATE observations SET state = 'verified' WHERE id = '"_s + rejectedId +
                             u"'; INSERT INTO trainees (id, person_key, sex, course, "
                             "date, completed, entered_by, entered_at) SELECT "
                             "'added-by-hand', 'P-X', 'female', 'design', "
                             "'2025-01-10', 1, 'x', 'x';"_s});
    REQUIRE(sqlite.waitForFinished(30000));
    REQUIRE(sqlite.exitCode() == 0);
    const Run r = cli({u"audit"_s, u"verify"_s, shell}, ProblemsFound, viewer);
    CHECK_THAT(r.out, Contains("observations row " + rejectedId.toStdString()));
    CHECK_THAT(r.out, Contains("trainees row added-by-hand: not in the audit log"));
}

TEST_CASE("cli trust: audit verify --expect and audit log --user", "[cli][trust]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const Env viewer = as(u"viewer"_s);
    const QString before = auditHead(db);
    REQUIRE(isHash(before));

    // A legitimate change moves the head on and keeps the one kept before.
    const QString id =
        listed(db, {u"--state"_s, u"submitted"_s}).at(0).toObject().value(u"id"_s).toString();
    cli({u"verify"_s, db, id, u"--method"_s, u"desk_review"_s}, Success, as(u"verifier"_s));
    const QString after = auditHead(db);
    CHECK(isHash(after));
    CHECK(after != before);
    const Run kept = cli({u"audit"_s, u"verify"_s, db, u"--expect"_s, before}, Success, viewer);
    CHECK_THAT(kept.out, Contains("the expected head is in the chain"));
    cli({u"audit"_s, u"verify"_s, db, u"--expect"_s, after}, Success, viewer);
    const QString madeUp = sha256Hex("a head nobody recorded");
    const Run unknown =
        cli({u"audit"_s, u"verify"_s, db, u"--expect"_s, madeUp}, ProblemsFound, viewer);
    CHECK_THAT(unknown.out, Contains("not in the chain"));

    // --user filters by who acted; the login is --as (or the environment).
    const QStringList byVerifier{u"audit"_s,    u"log"_s,      db,       u"--user"_s,
                                 u"verifier"_s, u"--format"_s, u"json"_s};
    const Run viaAs = cli(byVerifier + QStringList{u"--as"_s, u"viewer"_s}, Success,
                          {{kUser, QString()}, {kPassword, kDemoPassword}});
    const QJsonArray entries = auditEntries(viaAs);
    REQUIRE_FALSE(entries.isEmpty());
    QStringList others; // who else is listed
    bool mine = false;
    for (const auto& e : entries) {
        const QJsonObject entry = e.toObject();
        if (entry.value(u"user"_s).toString() != u"verifier"_s)
            others << entry.value(u"user"_s).toString();
        mine = mine || (entry.value(u"table"_s).toString() == u"observations"_s &&
                        entry.value(u"row"_s).toString() == id);
    }
    others.removeDuplicates();
    CHECK(others == QStringList{});
    CHECK(mine); // the verification just made
    const Run viaEnv = cli(byVerifier, Success, viewer);
    CHECK(sha256Hex(viaEnv.stdoutBytes) == sha256Hex(viaAs.stdoutBytes));
    const Run everyone = cli({u"audit"_s, u"log"_s, db, u"--format"_s, u"json"_s}, Success, viewer);
    QSet<QString> users;
    for (const auto& e : auditEntries(everyone))
        users << e.toObject().value(u"user"_s).toString();
    CHECK(users.contains(u"officer"_s));
    CHECK(users.contains(u"verifier"_s));
    CHECK(auditEntries(everyone).size() > entries.size());
    // A name that never acted lists nothing: --user is not the login here.
    const Run nobody =
        cli({u"audit"_s, u"log"_s, db, u"--user"_s, u"nobody.at.all"_s, u"--format"_s, u"json"_s},
            Success, viewer);
    CHECK(auditEntries(nobody).isEmpty());
}

// ---------------------------------------------------------------------------------------------
// Backups

TEST_CASE("cli trust: a backup prints the audit head its copy can be checked against",
          "[cli][trust]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const Env viewer = as(u"viewer"_s);
    const QString before = auditHead(db);
    const QString out = dir.path(u"backup.dlidb"_s);

    const Run backup = cli({u"backup"_s, db, out}, Success);
    const auto m =
        QRegularExpression(u"^Audit head: ([0-9a-f]{64})$"_s, QRegularExpression::MultilineOption)
            .match(QString::fromUtf8(backup.stdoutBytes));
    REQUIRE(m.hasMatch());
    const QString head = m.captured(1);
    CHECK(head != before); // the backup itself is in the log
    CHECK(auditHead(out) == head);
    CHECK(auditHead(db) == head);
    const Run checked = cli({u"audit"_s, u"verify"_s, out, u"--expect"_s, head}, Success, viewer);
    CHECK_THAT(checked.out, Contains("the expected head is in the chain"));
    cli({u"audit"_s, u"verify"_s, db, u"--expect"_s, head}, Success, viewer);

    // A copy whose history was cut back no longer holds the head kept apart from it.
    const QString cut = copyOf(out, dir, u"cut.dlidb"_s);
    sql(cut, "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)");
    const Run rewritten =
        cli({u"audit"_s, u"verify"_s, cut, u"--expect"_s, head}, ProblemsFound, viewer);
    CHECK_THAT(rewritten.out, Contains("not in the chain"));
}
