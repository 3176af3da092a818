#pragma once

#include "core/model/program.h"
#include "core/result.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QTextStream>
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
    // Opens a database for a command; a missing file gets the hint of how to make one.
    static Result<std::unique_ptr<Session>> openSession(const QString& path, bool migrate = true);
    // Opens a database and reads its program, for the commands that need both.
    struct Opened {
        std::unique_ptr<Session> session;
        Program program;
    };
    static Result<Opened> openProgram(const QString& path);
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
    int usage();

    QTextStream m_out{stdout};
    QTextStream m_err{stderr};
};

int exitStatusFor(const Error& error);

} // namespace dli::cli
