#pragma once

#include "core/engine/disbursement.h"
#include "core/model/program.h"
#include "core/result.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <memory>
#include <optional>

class QCommandLineParser;

namespace dli {
class Session;
}

namespace dli::cli {

// Exit statuses of dlitracker-cli, documented in docs/cli.md.
enum Exit : int {
    Success = 0,
    ProblemsFound = 1, // the command ran and found problems (e.g. `check` on a damaged file)
    BadInput = 2,      // bad usage or bad input; nothing was changed
    DatabaseError = 3, // the database could not be opened, read or written
};

// A --known-at value: "2026-07-01T09:00:00Z", "2026-07-01T14:00:00+05:00" (UTC unless a zone
// is written), or a date, meaning the end of that day (UTC).
Result<QDateTime> momentOption(const QString& text);

// What one subcommand takes, for parsing and for its --help.
struct Command {
    QString name;     // "program import"
    QString synopsis; // "DB FILE [--replace]"
    QString description;
    QList<QCommandLineOption> options;
    qsizetype minArgs = 0;
    qsizetype maxArgs = 0;
};

// Runs dlitracker-cli with its arguments (without the program name); returns the exit status.
class Cli {
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    int run(const QStringList& args);

    // Prints an error to stderr as "dlitracker-cli: LOCATION: MESSAGE" and returns its exit
    // status.
    int report(const Error& error);

private:
    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }
    // Parses a subcommand's arguments; returns an exit status when the command should stop
    // here (help shown, or bad usage reported).
    std::optional<int> parse(QCommandLineParser& parser, const Command& c, const QStringList& args);
    int dispatch(const QStringList& args);
    // Opens a database for a command; a missing file gets the hint of how to make one. A database
    // with accounts needs a login: the name from --user (or DLITRACKER_USER), the password from
    // DLITRACKER_PASSWORD or a prompt that does not echo.
    Result<std::unique_ptr<Session>> openSession(const QString& path, bool migrate = true,
                                                 bool login = true);
    Status login(Session& session);
    // Commands that read or write program data take a login.
    static bool takesLogin(const QString& command);
    static QString loginOptionName(const QString& command);
    // Opens a database and reads its program, for the commands that need both.
    struct Opened {
        std::unique_ptr<Session> session;
        Program program;
    };
    Result<Opened> openProgram(const QString& path);
    int init(const QStringList& args);
    int demo(const QStringList& args);
    int check(const QStringList& args);
    int backup(const QStringList& args);
    int program(const QStringList& args);
    int programImport(const QStringList& args);
    int programExport(const QStringList& args);
    int show(const QStringList& args);
    // evidence attach | list | export (cli_evidence.cpp)
    int evidence(const QStringList& args);
    int evidenceAttach(const QStringList& args);
    int evidenceList(const QStringList& args);
    int evidenceExport(const QStringList& args);
    // values, import, template, validate (cli_data.cpp)
    int values(const QStringList& args);
    int importData(const QStringList& args);
    int templateFile(const QStringList& args);
    int validate(const QStringList& args);
    int reconcile(const QStringList& args);
    // user add | list | passwd | disable | enable | unlock (cli_users.cpp)
    int user(const QStringList& args);
    int userAdd(const QStringList& args);
    int userList(const QStringList& args);
    int userPasswd(const QStringList& args);
    int userSetDisabled(const QStringList& args, bool disabled);
    int userUnlock(const QStringList& args);
    // the verification workflow (cli_workflow.cpp)
    int observations(const QStringList& args);
    int submit(const QStringList& args);
    int verify(const QStringList& args);
    int decide(const QStringList& args, bool reject);
    int amend(const QStringList& args);
    int supersede(const QStringList& args);
    int sample(const QStringList& args);
    int sampleDraw(const QStringList& args);
    int sampleRecord(const QStringList& args);
    int sampleClose(const QStringList& args);
    int sampleShow(const QStringList& args);
    // status, events, event disburse | advance | refund | reallocate | cancel (cli_money.cpp)
    int status(const QStringList& args);
    int events(const QStringList& args);
    int event(const QStringList& args);
    int recordEvent(EventKind kind, const QStringList& args);
    // chart: one of the six charts as PNG or SVG, offscreen (cli_chart.cpp)
    int chart(const QStringList& args);
    // package export | open | return: field packages (cli_package.cpp)
    int package(const QStringList& args);
    int packageExport(const QStringList& args);
    int packageOpen(const QStringList& args);
    int packageReturn(const QStringList& args);
    // package import, conflicts [resolve]: field returns at the office (cli_field_import.cpp)
    int packageImport(const QStringList& args);
    int conflicts(const QStringList& args);
    int conflictsResolve(const QStringList& args);
    // report, report fingerprint: the quarterly report (cli_report.cpp)
    int reportCommand(const QStringList& args);
    int reportFingerprint(const QStringList& args);
    // audit verify | head | log (cli_audit.cpp)
    int audit(const QStringList& args);
    int auditVerify(const QStringList& args);
    int auditHead(const QStringList& args);
    int auditLog(const QStringList& args);
    // Dispatches "GROUP ACTION ..." to the action's handler, with the group's usage on a miss.
    int group(const QString& name, const QStringList& args,
              const QList<QPair<QString, std::function<int(const QStringList&)>>>& actions,
              const QString& usage);
    int usage();

    QString m_loginName; // from the command's login option
    QTextStream m_out{stdout};
    QTextStream m_err{stderr};
};

int exitStatusFor(const Error& error);

} // namespace dli::cli
