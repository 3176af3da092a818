#include "cli_process.h"

#include "support/test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcess>
#include <QProcessEnvironment>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace dli::test::cli {

Env as(const QString& demoUser)
{
    return Env{{u"DLITRACKER_USER"_s, demoUser}, {u"DLITRACKER_PASSWORD"_s, kDemoPassword}};
}

Run launch(const QStringList& args, const Env& extra)
{
    QProcess process;
    // Nothing leaks in from the developer's shell: no locale, user or Qt variables.
    QProcessEnvironment env;
    env.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"HOME"_s, QDir::tempPath());
    env.insert(u"USER"_s, u"mne.officer"_s);
    env.insert(u"DLITRACKER_USER"_s, u"officer"_s);
    env.insert(u"DLITRACKER_PASSWORD"_s, kDemoPassword);
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) {
        if (it.value().isEmpty())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setWorkingDirectory(QDir::tempPath());
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
    REQUIRE(process.exitStatus() == QProcess::NormalExit); // no crash, no signal
    r.exitCode = process.exitCode();
    return r;
}

Run cli(const QStringList& args, int expectedExit, const Env& env)
{
    Run r = launch(args, env);
    INFO("dlitracker-cli " << args.join(u' ') << "\nstdout:\n" << r.out << "\nstderr:\n" << r.err);
    CHECK(r.exitCode == expectedExit);
    return r;
}

Run must(const QStringList& args, const Env& env)
{
    Run r = launch(args, env);
    INFO("dlitracker-cli " << args.join(u' ') << "\nstderr:\n" << r.err);
    REQUIRE(r.exitCode == Success);
    return r;
}

QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QJsonObject parseObject(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    INFO(error.errorString() << " at offset " << error.offset << " of:\n" << json.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(doc.isObject());
    return doc.object();
}

void sql(const QString& path, const char* statements, bool create)
{
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    std::string message = sqlite3_errmsg(db);
    if (rc == SQLITE_OK) {
        char* error = nullptr;
        rc = sqlite3_exec(db, statements, nullptr, nullptr, &error);
        message = error ? error : "";
        sqlite3_free(error);
    }
    sqlite3_close(db);
    INFO(statements << "\n" << message);
    REQUIRE(rc == SQLITE_OK);
}

QString demoCopy(const dli::test::TempDir& dir, const QString& name)
{
    static const dli::test::TempDir master;
    static const QString source = [] {
        const QString path = master.path(QStringLiteral("master.dlidb"));
        must({QStringLiteral("demo"), path});
        REQUIRE_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
        return path;
    }();
    const QString copy = dir.path(name);
    REQUIRE(QFile::copy(source, copy));
    REQUIRE(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));
    return copy;
}

} // namespace dli::test::cli
