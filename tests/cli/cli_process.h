// Helpers shared by the end-to-end tests of dlitracker-cli: run the built executable in a clean
// environment, and look at what it printed and at the database it wrote.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <string>

namespace dli::test {
class TempDir;
}

namespace dli::test::cli {

// The exit statuses of dlitracker-cli.
enum Exit : int { Success = 0, ProblemsFound = 1, BadInput = 2, DatabaseError = 3 };

// One finished run of dlitracker-cli.
struct Run {
    int exitCode = -1;
    QByteArray stdoutBytes; // standard output as written
    std::string out;        // standard output as text, for matchers
    std::string err;        // standard error as text
};

// Environment variables for one run; an empty value removes the variable.
using Env = QHash<QString, QString>;

// The demo's shared password (Demo::password()).
inline const QString kDemoPassword = QStringLiteral("psic-demo");

// Runs dlitracker-cli with args and waits for it. The environment holds only PATH, LC_ALL=C.UTF-8,
// HOME (the temporary folder), USER=mne.officer, and the demo officer's login
// (DLITRACKER_USER=officer, DLITRACKER_PASSWORD=the demo password), which a database without
// accounts ignores; env changes it. The working folder is the temporary folder. Fails the test
// if the program does not start, runs longer than 60 s or is killed by a signal; the exit status
// is left to the caller.
Run launch(const QStringList& args, const Env& env = {});

// Runs dlitracker-cli and checks (CHECK, the test goes on) its exit status, showing its output
// when it differs.
Run cli(const QStringList& args, int expectedExit, const Env& env = {});

// Runs a setup step that must succeed (REQUIRE: the test stops if it does not).
Run must(const QStringList& args, const Env& env = {});

// The login of one of the demo's accounts (Demo::accounts()).
Env as(const QString& demoUser);

// A copy of the demo database at dir/name, from one demo made once per test process with
// `dlitracker-cli demo` (the demo takes about a second to make).
QString demoCopy(const dli::test::TempDir& dir, const QString& name = QStringLiteral("demo.dlidb"));

// The SHA-256 of bytes in lowercase hex.
QString sha256Hex(const QByteArray& bytes);

// The JSON object that json holds; fails the test if it is not one.
QJsonObject parseObject(const QByteArray& json);

// Runs SQL on a database file with SQLite itself, as another program (or damage) would; create
// makes the file when it does not exist. Fails the test if SQLite refuses.
void sql(const QString& path, const char* statements, bool create = false);

} // namespace dli::test::cli
