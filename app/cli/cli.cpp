#include "app/cli/cli.h"

#include "app/cli/password_prompt.h"
#include "core/auth/auth.h"
#include "core/io/demo.h"
#include "core/io/program_import.h"
#include "core/io/program_outline.h"
#include "core/io/program_writer.h"
#include "core/storage/schema.h"
#include "core/storage/session.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>
#include <optional>

using namespace Qt::StringLiterals;

namespace dli::cli {

namespace {

constexpr int MaxDetails = 50;

QString helpText(const Command& c)
{
    QString h = u"Usage: dlitracker-cli "_s + c.name + u' ' + c.synopsis + u"\n\n"_s +
                c.description + u"\n\nOptions:\n"_s;
    for (const QCommandLineOption& o : c.options) {
        QString names = u"--"_s + o.names().constFirst();
        if (!o.valueName().isEmpty())
            names += u' ' + o.valueName();
        h += u"  "_s + names.leftJustified(22) + u' ' + o.description() + u'\n';
    }
    h += u"  "_s + u"-h, --help"_s.leftJustified(22) + u' ' + Cli::tr("Show this help.") + u'\n';
    return h;
}

} // namespace

std::optional<int> Cli::parse(QCommandLineParser& parser, const Command& c, const QStringList& args)
{
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addOptions(c.options);
    const QCommandLineOption help({u"h"_s, u"help"_s}, Cli::tr("Show this help."));
    parser.addOption(help);
    const QCommandLineOption login(loginOptionName(c.name),
                                   Cli::tr("Log in as NAME (default: $DLITRACKER_USER); the "
                                           "password comes from $DLITRACKER_PASSWORD or is asked "
                                           "for."),
                                   u"NAME"_s);
    if (takesLogin(c.name))
        parser.addOption(login);
    if (!parser.parse(QStringList{u"dlitracker-cli"_s} + args)) {
        err() << Cli::tr("dlitracker-cli %1: %2").arg(c.name, parser.errorText()) << '\n'
              << Cli::tr("Usage: dlitracker-cli %1 %2").arg(c.name, c.synopsis) << '\n'
              << Cli::tr("Run `dlitracker-cli %1 --help` for details.").arg(c.name) << '\n';
        return BadInput;
    }
    if (parser.isSet(help)) {
        Command shown = c;
        if (takesLogin(c.name))
            shown.options << login;
        out() << helpText(shown);
        return Success;
    }
    m_loginName = takesLogin(c.name) && parser.isSet(login)
                      ? parser.value(login)
                      : qEnvironmentVariable("DLITRACKER_USER");
    const qsizetype n = parser.positionalArguments().size();
    if (n < c.minArgs || n > c.maxArgs) {
        err() << (n < c.minArgs
                      ? Cli::tr("dlitracker-cli %1: missing arguments").arg(c.name)
                      : Cli::tr("dlitracker-cli %1: too many arguments: %2")
                            .arg(c.name, parser.positionalArguments().mid(c.maxArgs).join(u' ')))
              << '\n'
              << Cli::tr("Usage: dlitracker-cli %1 %2").arg(c.name, c.synopsis) << '\n'
              << Cli::tr("Run `dlitracker-cli %1 --help` for details.").arg(c.name) << '\n';
        return BadInput;
    }
    // Every command's --format takes the same two values.
    for (const QCommandLineOption& o : c.options) {
        if (o.names().contains(u"format"_s)) {
            const QString fmt = parser.value(o);
            if (fmt != u"table"_s && fmt != u"json"_s)
                return report(Error(ErrorCode::Usage,
                                    Cli::tr("--format is table or json, not \"%1\"").arg(fmt)));
        }
    }
    return std::nullopt;
}

int exitStatusFor(const Error& error)
{
    switch (error.code) {
    case ErrorCode::InvalidInput:
    case ErrorCode::Usage:
    case ErrorCode::NotFound:
    case ErrorCode::Conflict:
    case ErrorCode::Io:
    case ErrorCode::Forbidden:
    case ErrorCode::Unauthenticated:
        return BadInput;
    case ErrorCode::Database:
    case ErrorCode::NotADatabase:
    case ErrorCode::NewerSchema:
        return DatabaseError;
    }
    return DatabaseError;
}

bool Cli::takesLogin(const QString& command)
{
    // Opening a package reads no database: the working copy it makes has its own login.
    return command != u"init"_s && command != u"demo"_s && command != u"check"_s &&
           command != u"package open"_s;
}

QString Cli::loginOptionName(const QString& command)
{
    // `audit log --user U` lists what U did, as the issue names it; the login is --as there.
    return command == u"audit log"_s ? u"as"_s : u"user"_s;
}

Result<std::unique_ptr<Session>> Cli::openSession(const QString& path, bool migrate, bool withLogin)
{
    auto session = Session::open(path, {}, migrate);
    if (!session && session.error().code == ErrorCode::NotFound) {
        Error e = session.error();
        e.message += Cli::tr("; create one with `dlitracker-cli init %1 --admin NAME`").arg(path);
        return e;
    }
    if (session && withLogin)
        DLI_TRY(login(*session.value()));
    return session;
}

Status Cli::login(Session& session)
{
    if (session.database().schemaVersion() < 4)
        return {}; // a file from before accounts existed, opened without upgrading it
    bool accounts = false;
    DLI_ASSIGN(accounts, Auth::hasUsers(session));
    if (!accounts)
        return {}; // a database without accounts is open to whoever holds the file
    if (m_loginName.isEmpty())
        return Error(ErrorCode::Unauthenticated,
                     tr("%1 has user accounts: log in with --user NAME (or set DLITRACKER_USER); "
                        "the password comes from DLITRACKER_PASSWORD or is asked for")
                         .arg(session.path()));
    QString password;
    DLI_ASSIGN(password, PasswordPrompt::read("DLITRACKER_PASSWORD",
                                              tr("Password for %1: ").arg(m_loginName)));
    auto user = Auth::login(session, m_loginName, password);
    if (!user)
        return user.error();
    return {};
}

Result<Cli::Opened> Cli::openProgram(const QString& path)
{
    auto session = openSession(path);
    if (!session)
        return session.error();
    auto program = session.value()->programs().load();
    if (!program)
        return program.error();
    return Opened{std::move(session).value(), std::move(program).value()};
}

int Cli::report(const Error& error)
{
    const QString where = error.location.isEmpty() ? QString() : error.location + u": "_s;
    err() << u"dlitracker-cli: "_s << where << error.message << '\n';
    for (qsizetype i = 0; i < error.details.size() && i < MaxDetails; ++i)
        err() << u"  "_s << error.details[i] << '\n';
    if (error.details.size() > MaxDetails)
        err() << u"  "_s << Cli::tr("... and more problems (%1 in all)").arg(error.details.size())
              << '\n';
    err().flush();
    return exitStatusFor(error);
}

namespace {

QString usageText()
{
    return Cli::tr(
        "Usage: dlitracker-cli COMMAND [ARGUMENTS]\n"
        "\n"
        "DLI Tracker keeps a Program-for-Results' disbursement-linked indicators in a "
        "local database\n"
        "and computes what can be claimed. Commands:\n"
        "\n"
        "  init DB                        Create an empty database.\n"
        "  demo DB [--seed N]             Create a database holding the demo program.\n"
        "  check DB                       Check the schema version and the file's "
        "integrity.\n"
        "  backup DB OUT                  Copy the database safely, even while in use.\n"
        "  program import DB FILE         Import a program definition (JSON).\n"
        "  program export DB [OUT]        Export the program definition as JSON.\n"
        "  show DB [--format table|json]  Show the results framework.\n"
        "  import DB --kind KIND FILE [--sheet NAME] [--dry-run]\n"
        "                                 Import observations or register rows from "
        "CSV or XLSX.\n"
        "  template [DB] --kind KIND OUT  Write an empty CSV or XLSX import "
        "template.\n"
        "  values DB [--indicator CODE] [--period P] [--org CODE] [--format table|json]\n"
        "                                 Compute indicator values.\n"
        "  validate DB [--period P] [--org CODE] [--format table|json]\n"
        "                                 Check the figures against the validation "
        "rules.\n"
        "  reconcile DB [--period P] [--all] [--format table|json]\n"
        "                                 Compare reported figures with their registers.\n"
        "  evidence attach DB (--observation ID | --firm CODE | --service ID) FILE...\n"
        "                                 Attach files (25 MiB at most) as evidence.\n"
        "  evidence list DB [--observation ID] [--format table|json]\n"
        "                                 List the evidence files.\n"
        "  evidence export DB EVIDENCE_ID OUT\n"
        "                                 Write an evidence file to OUT.\n"
        "\n"
        "Accounts (a database with accounts asks for --user NAME; the password comes from\n"
        "DLITRACKER_PASSWORD or a prompt):\n"
        "  init DB --admin NAME           Create a database with its first administrator.\n"
        "  user add|list|passwd|disable|enable|unlock DB ...\n"
        "                                 Manage the accounts (administrators).\n"
        "\n"
        "Verification:\n"
        "  observations DB [--state S] [--indicator C] [--period P] [--id ID]\n"
        "                                 List observations, or show one in full.\n"
        "  submit DB ID... | --all        Submit observations (officers).\n"
        "  amend DB ID --value V          Correct a draft or queried observation.\n"
        "  verify DB ID --method M [--value V --reason R] [--date D]\n"
        "                                 Verify a submitted observation (verifiers).\n"
        "  reject|query DB ID --reason R  Reject it, or send it back with a question.\n"
        "  supersede DB ID --value V --reason R\n"
        "                                 Correct a verified observation by a replacement.\n"
        "  sample draw|record|close|show DB ...\n"
        "                                 Verify a figure on a sample of its register rows.\n"
        "  audit verify|head|log DB ...   Check and read the tamper-evident audit log.\n"
        "\n"
        "What can be claimed:\n"
        "  status DB [--as-of DATE] [--known-at TIMESTAMP] [--forecast] [--explain]\n"
        "            [--format table|json]\n"
        "                                 Earned, disbursed, eligible and payable per DLR.\n"
        "  event disburse|advance|refund|reallocate|cancel DB ...\n"
        "                                 Record money events (managers).\n"
        "  events DB [--format table|json]\n"
        "                                 List the recorded events.\n"
        "\n"
        "Charts:\n"
        "  chart DB --kind KIND [--dli C | --indicator C] [--period P] [--as-of DATE]\n"
        "           --out FILE.png|FILE.svg [--width W --height H] [--dpi DPI]\n"
        "                                 Render a chart (dli-progress, disbursement, "
        "timeline,\n"
        "                                 clusters, verification, trend) without a display.\n"
        "\n"
        "Quarterly report:\n"
        "  report DB --quarter Q [--as-of DATE] [--known-at TIMESTAMP]\n"
        "            --out FILE.pdf|FILE.xlsx|DIR/ [--section NAME]\n"
        "                                 Write the quarterly progress report (PDF, XLSX or "
        "CSV).\n"
        "  report fingerprint DB --quarter Q [--as-of DATE] [--known-at TIMESTAMP]\n"
        "                                 Print the report's data fingerprint.\n"
        "\n"
        "Field packages:\n"
        "  package export DB --out FILE.dlipkg --assignee USER [--org CODES]\n"
        "                 [--observations IDS] [--samples IDS]\n"
        "                                 Write an encrypted package for a field visit.\n"
        "  package open FILE.dlipkg WORKDB\n"
        "                                 Open it on a laptop as a field-mode database.\n"
        "  package return WORKDB --out FILE.dlireturn\n"
        "                                 Seal the changes made on the laptop.\n"
        "  package import DB FILE.dlireturn\n"
        "                                 Take a return's changes in at the office.\n"
        "  conflicts DB [--all]           List the conflicts waiting for a verifier.\n"
        "  conflicts resolve DB ID --keep office|field\n"
        "                                 Resolve one.\n"
        "\n"
        "Run `dlitracker-cli COMMAND --help` for a command's options, and\n"
        "`dlitracker-cli --version` for the version. Exit status: 0 success, 1 problems "
        "found,\n"
        "2 bad usage or input, 3 database error.\n");
}

} // namespace

int Cli::usage()
{
    out() << usageText();
    return Success;
}

int Cli::run(const QStringList& args)
{
    const int status = dispatch(args);
    out().flush();
    err().flush();
    return status;
}

int Cli::dispatch(const QStringList& args)
{
    if (args.isEmpty()) {
        // Bad usage: the usage goes to stderr like every other error message.
        err() << usageText();
        return BadInput;
    }
    const QString command = args.first();
    const QStringList rest = args.mid(1);
    if (command == u"--help"_s || command == u"-h"_s || command == u"help"_s)
        return usage();
    if (command == u"--version"_s || command == u"-v"_s) {
        out() << u"dlitracker-cli "_s << QCoreApplication::applicationVersion() << '\n'
              << tr("Database schema version %1").arg(Schema::currentVersion()) << '\n';
        return Success;
    }
    if (command == u"init"_s)
        return init(rest);
    if (command == u"demo"_s)
        return demo(rest);
    if (command == u"check"_s)
        return check(rest);
    if (command == u"backup"_s)
        return backup(rest);
    if (command == u"program"_s)
        return program(rest);
    if (command == u"show"_s)
        return show(rest);
    if (command == u"evidence"_s)
        return evidence(rest);
    if (command == u"values"_s)
        return values(rest);
    if (command == u"import"_s)
        return importData(rest);
    if (command == u"template"_s)
        return templateFile(rest);
    if (command == u"validate"_s)
        return validate(rest);
    if (command == u"reconcile"_s)
        return reconcile(rest);
    if (command == u"user"_s)
        return user(rest);
    if (command == u"observations"_s)
        return observations(rest);
    if (command == u"submit"_s)
        return submit(rest);
    if (command == u"verify"_s)
        return verify(rest);
    if (command == u"reject"_s)
        return decide(rest, true);
    if (command == u"query"_s)
        return decide(rest, false);
    if (command == u"amend"_s)
        return amend(rest);
    if (command == u"supersede"_s)
        return supersede(rest);
    if (command == u"sample"_s)
        return sample(rest);
    if (command == u"audit"_s)
        return audit(rest);
    if (command == u"status"_s)
        return status(rest);
    if (command == u"events"_s)
        return events(rest);
    if (command == u"event"_s)
        return event(rest);
    if (command == u"chart"_s)
        return chart(rest);
    if (command == u"package"_s)
        return package(rest);
    if (command == u"conflicts"_s)
        return rest.value(0) == u"resolve"_s ? conflictsResolve(rest.mid(1)) : conflicts(rest);
    if (command == u"report"_s)
        return rest.value(0) == u"fingerprint"_s ? reportFingerprint(rest.mid(1))
                                                 : reportCommand(rest);
    err() << tr("dlitracker-cli: unknown command \"%1\"; run `dlitracker-cli --help` for the "
                "list of commands")
                 .arg(command)
          << '\n';
    return BadInput;
}

int Cli::init(const QStringList& args)
{
    const QCommandLineOption admin(u"admin"_s,
                                   tr("Create the first account, an administrator called NAME; "
                                      "the password comes from $DLITRACKER_PASSWORD or is asked "
                                      "for, twice."),
                                   u"NAME"_s);
    const Command c{u"init"_s,
                    u"DB --admin NAME"_s,
                    tr("Creates an empty DLI Tracker database at DB (refusing a file that "
                       "exists) with its first\naccount, an administrator. Then import a "
                       "program with\n`dlitracker-cli program import DB FILE --user NAME`.\n"
                       "Without --admin the database has no accounts and is open to whoever "
                       "holds the file,\nwhich suits trying things out only."),
                    {admin},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    const QString path = p.positionalArguments().at(0);
    QString password;
    if (p.isSet(admin)) {
        // The password first: a refused one leaves no file behind.
        auto typed = PasswordPrompt::read("DLITRACKER_PASSWORD",
                                          tr("Password for %1: ").arg(p.value(admin)), true);
        if (!typed)
            return report(typed.error());
        if (auto s = Password::checkPolicy(typed.value()); !s)
            return report(s.error());
        password = typed.value();
    }
    auto session = Session::create(path);
    if (!session)
        return report(session.error());
    if (p.isSet(admin)) {
        User first;
        first.name = p.value(admin);
        first.roles = {Role::Admin};
        if (auto s = Auth::addUser(*session.value(), first, password); !s) {
            session.value().reset();
            QFile::remove(path);
            return report(s.error());
        }
        err() << tr("Created the DLI Tracker database %1 with the administrator %2.\nNext: "
                    "dlitracker-cli program import %1 PROGRAM.json --user %2")
                     .arg(path, first.name)
              << '\n';
        return Success;
    }
    err() << tr("Created an empty DLI Tracker database at %1, without accounts (anyone with the "
                "file can use it;\nadd an administrator with `dlitracker-cli user add %1 NAME "
                "--role admin`).\nNext: dlitracker-cli program import %1 PROGRAM.json")
                 .arg(path)
          << '\n';
    return Success;
}

int Cli::demo(const QStringList& args)
{
    const QCommandLineOption seed(u"seed"_s,
                                  tr("Seed of the generated content (default %1); the same seed "
                                     "gives the same database.")
                                      .arg(Demo::DefaultSeed),
                                  u"N"_s);
    const Command c{u"demo"_s,
                    u"DB [--seed N]"_s,
                    tr("Writes a new database at DB holding the demo program, modelled on the "
                       "Punjab Jobs &\nCompetitiveness PforR and PSIC's Cluster Development "
                       "Initiative."),
                    {seed},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    quint64 seedValue = Demo::DefaultSeed;
    if (p.isSet(seed)) {
        bool ok = false;
        seedValue = p.value(seed).toULongLong(&ok);
        if (!ok)
            return report(Error(
                ErrorCode::Usage,
                tr("--seed takes a whole number of zero or more, not \"%1\"").arg(p.value(seed))));
    }
    const QString path = p.positionalArguments().at(0);
    if (auto s = Demo::create(path, seedValue); !s)
        return report(s.error());
    err() << tr("Created the demo database %1 (seed %2).").arg(path).arg(seedValue) << '\n'
          << tr("Its accounts, one per role, all with the password \"%1\":").arg(Demo::password())
          << '\n';
    for (const Demo::Account& a : Demo::accounts())
        err() << u"  "_s << a.name.leftJustified(10) << u' ' << roleName(a.role) << '\n';
    err() << tr("See it with:  DLITRACKER_PASSWORD=%2 dlitracker-cli show %1 --user viewer\n"
                "or open it:   dlitracker %1")
                 .arg(path, Demo::password())
          << '\n';
    return Success;
}

int Cli::check(const QStringList& args)
{
    const Command c{u"check"_s,
                    u"DB"_s,
                    tr("Checks that DB is a DLI Tracker database this version can read, brings an "
                       "older schema\nup to date, and runs SQLite's integrity and foreign-key "
                       "checks.\nExit status 1 when the file has problems."),
                    {},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto session = openSession(p.positionalArguments().at(0), true, false);
    if (!session)
        return report(session.error());
    Session& s = *session.value();
    out() << tr("Database:        %1").arg(s.path()) << '\n'
          << tr("Database id:     %1").arg(s.databaseId()) << '\n'
          << tr("Schema version:  %1 (this DLI Tracker writes %2)")
                 .arg(s.database().schemaVersion())
                 .arg(Schema::currentVersion())
          << '\n';
    if (s.database().migratedFrom() > 0)
        out() << tr("Upgraded:        from schema version %1; the file as it was is kept in %2")
                     .arg(s.database().migratedFrom())
                     .arg(s.database().preMigrationCopy())
              << '\n';
    auto problems = s.database().integrityCheck();
    if (!problems) {
        out().flush();
        report(problems.error());
        return ProblemsFound;
    }
    if (problems->isEmpty()) {
        out() << tr("Integrity:       ok") << '\n';
        return Success;
    }
    out() << tr("Integrity:       problems found (%1)").arg(problems->size()) << '\n';
    for (const QString& line : problems.value())
        out() << u"  "_s << line << '\n';
    out().flush();
    err() << tr("dlitracker-cli: the database is damaged. Close DLI Tracker, keep the damaged "
                "file aside for inspection, and copy your latest backup (made with "
                "`dlitracker-cli backup`) in its place.")
          << '\n';
    return ProblemsFound;
}

int Cli::backup(const QStringList& args)
{
    const Command c{u"backup"_s,
                    u"DB OUT"_s,
                    tr("Copies DB to the new file OUT with SQLite's online backup, which is safe "
                       "while DB is in use.\nOUT must not exist."),
                    {},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto session = openSession(p.positionalArguments().at(0), false);
    if (!session)
        return report(session.error());
    const QString target = p.positionalArguments().at(1);
    if (QFileInfo::exists(target))
        return report(
            Error(ErrorCode::Conflict, tr("%1 already exists; give a new file name").arg(target)));
    Session& s = *session.value();
    // The backup records the audit head it holds, so that the copy can be checked against it.
    QString head;
    if (s.database().schemaVersion() >= 4) {
        auto event = s.audit().recordEvent(u"database.backup"_s,
                                           QJsonObject{{u"to"_s, QFileInfo(target).fileName()}});
        if (!event)
            return report(event.error());
        auto h = s.audit().head();
        if (!h)
            return report(h.error());
        head = h.value();
    }
    if (auto done = s.database().backupTo(target); !done)
        return report(done.error());
    err() << tr("Backed up %1 to %2 (%3 bytes).")
                 .arg(p.positionalArguments().at(0), target)
                 .arg(QFileInfo(target).size())
          << '\n';
    if (!head.isEmpty()) {
        out() << tr("Audit head: %1").arg(head) << '\n';
        err() << tr("Keep the audit head apart from the file (e.g. in the backup register); "
                    "`dlitracker-cli audit verify %1 --expect HASH` then shows that its history "
                    "was not rewritten.")
                     .arg(target)
              << '\n';
    }
    return Success;
}

int Cli::group(const QString& name, const QStringList& args,
               const QList<QPair<QString, std::function<int(const QStringList&)>>>& actions,
               const QString& usageLines)
{
    const QString sub = args.value(0);
    for (const auto& [action, run] : actions) {
        if (sub == action)
            return run(args.mid(1));
    }
    if (sub == u"--help"_s || sub == u"-h"_s) {
        out() << usageLines;
        return Success;
    }
    QStringList names;
    for (const auto& a : actions)
        names << a.first;
    err() << (sub.isEmpty()
                  ? tr("dlitracker-cli %1: choose an action: %2").arg(name, names.join(u", "_s))
                  : tr("dlitracker-cli %1: unknown action \"%2\"; the actions are %3")
                        .arg(name, sub, names.join(u", "_s)))
          << '\n'
          << usageLines;
    return BadInput;
}

int Cli::program(const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub == u"import"_s)
        return programImport(args.mid(1));
    if (sub == u"export"_s)
        return programExport(args.mid(1));
    if (sub == u"--help"_s || sub == u"-h"_s) {
        out() << tr("Usage: dlitracker-cli program import DB FILE [--replace]\n"
                    "       dlitracker-cli program export DB [OUT] [--force]\n");
        return Success;
    }
    err() << (sub.isEmpty() ? tr("dlitracker-cli program: choose an action, import or export")
                            : tr("dlitracker-cli program: unknown action \"%1\"; the actions are "
                                 "import and export")
                                  .arg(sub))
          << '\n'
          << tr("Usage: dlitracker-cli program import DB FILE [--replace]\n"
                "       dlitracker-cli program export DB [OUT] [--force]\n");
    return BadInput;
}

int Cli::programImport(const QStringList& args)
{
    const QCommandLineOption replace(u"replace"_s,
                                     tr("Replace the database's program (only while no "
                                        "observations exist)."));
    const Command c{u"program import"_s,
                    u"DB FILE [--replace]"_s,
                    tr("Reads the program definition FILE (format dlitracker-program/1, see "
                       "docs/program-format.md),\nchecks all of it, and stores it in DB in one "
                       "transaction: on any problem nothing is written."),
                    {replace},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto session = openSession(p.positionalArguments().at(0));
    if (!session)
        return report(session.error());
    const QString file = p.positionalArguments().at(1);
    if (auto s = ProgramImport::importFile(*session.value(), file, p.isSet(replace)); !s) {
        const int status = report(s.error());
        if (s.error().code == ErrorCode::Conflict && !p.isSet(replace))
            err() << tr("To replace the program while no observations exist, add --replace.")
                  << '\n';
        return status;
    }
    auto program = session.value()->programs().load();
    if (!program) {
        err() << tr("Imported the program into %1.").arg(p.positionalArguments().at(0)) << '\n';
        return Success;
    }
    err() << tr("Imported program %1 into %2: %3 indicators, %4 DLIs.")
                 .arg(program->code, p.positionalArguments().at(0))
                 .arg(program->indicators.size())
                 .arg(program->dlis.size())
          << '\n';
    return Success;
}

int Cli::programExport(const QStringList& args)
{
    const QCommandLineOption force(u"force"_s, tr("Overwrite OUT if it exists."));
    const Command c{
        u"program export"_s,
        u"DB [OUT] [--force]"_s,
        tr("Writes the database's program definition as JSON to OUT, or to standard "
           "output when OUT is absent or -.\nImporting the file gives back the same program."),
        {force},
        1,
        2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Session& session = *opened->session;
    const Program& program = opened->program;
    const QByteArray json = ProgramWriter::write(program);
    if (p.positionalArguments().size() < 2 || p.positionalArguments().at(1) == u"-"_s) {
        out().flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(json) < 0)
            return report(Error(ErrorCode::Io, tr("cannot write to standard output")));
        return Success;
    }
    const QString target = p.positionalArguments().at(1);
    if (QFileInfo(target).canonicalFilePath() == QFileInfo(session.path()).canonicalFilePath())
        return report(Error(ErrorCode::Usage,
                            tr("%1 is the database itself; give another file name").arg(target)));
    if (QFileInfo::exists(target) && !p.isSet(force))
        return report(Error(ErrorCode::Conflict,
                            tr("%1 already exists; add --force to overwrite it").arg(target)));
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return report(
            Error(ErrorCode::Io, tr("cannot write the file: %1").arg(file.errorString()), target));
    err() << tr("Exported program %1 to %2.").arg(program.code, target) << '\n';
    return Success;
}

int Cli::show(const QStringList& args)
{
    const QCommandLineOption format(u"format"_s, tr("table (default) or json."), u"FORMAT"_s,
                                    u"table"_s);
    const Command c{u"show"_s,
                    u"DB [--format table|json]"_s,
                    tr("Shows the results framework: results areas > indicators > DLIs > DLRs, "
                       "with\nallocations, targets, periods and deadlines, then the org units."),
                    {format},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    const QString fmt = p.value(format);
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    const Program& program = opened->program;
    if (fmt == u"json"_s)
        out() << QString::fromUtf8(ProgramOutline::json(program));
    else
        out() << ProgramOutline::text(program);
    return Success;
}

} // namespace dli::cli
