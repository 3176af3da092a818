// dlitracker-cli values, import, template and validate: figures in and out.
#include "app/cli/cli.h"
#include "core/engine/reconciliation.h"
#include "core/engine/rule_engine.h"
#include "core/engine/value_calculator.h"
#include "core/io/importer.h"
#include "core/io/json_writer.h"
#include "core/io/template_writer.h"
#include "core/io/text_table.h"
#include "core/io/validation.h"
#include "core/io/values_report.h"
#include "core/storage/session.h"

#include <QCommandLineParser>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace dli::cli {

namespace {

QString kindList()
{
    return enumSpellings(kImportKindNames).join(u"|"_s);
}

std::optional<ImportKind> kindOf(const QString& text)
{
    return enumFromString(kImportKindNames, text);
}

const QCommandLineOption& formatOption()
{
    static const QCommandLineOption option(u"format"_s, Cli::tr("table (default) or json."),
                                           u"FORMAT"_s, u"table"_s);
    return option;
}

// --period and --org, checked against the program.
Status readScope(const Program& program, const QString& periodText, const QString& org,
                 std::optional<Period>& period)
{
    if (!periodText.isEmpty()) {
        auto p = Period::parse(periodText, program.fiscalYearStartMonth);
        if (!p)
            return Error(ErrorCode::Usage, u"--period: "_s + p.error().message);
        if (!program.periodInRange(p.value()))
            return Error(ErrorCode::InvalidInput,
                         u"--period: "_s + program.outsideMessage(p->code()));
        period = p.value();
    }
    if (!org.isEmpty() && !program.orgUnit(org))
        return Error(ErrorCode::NotFound, Cli::tr("--org: unknown org unit \"%1\"").arg(org));
    return {};
}

} // namespace

int Cli::values(const QStringList& args)
{
    const QCommandLineOption indicator(u"indicator"_s, tr("Only this indicator."), u"CODE"_s);
    const QCommandLineOption period(u"period"_s, tr("Only this fiscal year or quarter."), u"P"_s);
    const QCommandLineOption org(u"org"_s,
                                 tr("This org unit and its subtree (default: the "
                                    "whole program)."),
                                 u"CODE"_s);
    const QCommandLineOption reported(u"reported"_s,
                                      tr("Register-defined indicators from the observations "
                                         "reported for them, not from the registers."));
    const Command c{u"values"_s,
                    u"DB [--indicator CODE] [--period P] [--org CODE] [--reported] [--format "
                    "table|json]"_s,
                    tr("Computes indicator values from the observations, the registers and the "
                       "formulas, as\ndocs/user-guide.md explains: for every indicator, fiscal "
                       "year and quarter unless narrowed.\nThe basis column says whether a value "
                       "rests on verified figures only."),
                    {indicator, period, org, reported, formatOption()},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Session& session = *opened->session;
    const Program& program = opened->program;
    ValuesQuery query;
    query.indicator = p.value(indicator);
    query.orgUnit = p.value(org);
    query.claims = p.isSet(reported);
    if (auto s = readScope(program, p.value(period), query.orgUnit, query.period); !s)
        return report(s.error());
    auto rows = ValuesReport::compute(session, program, query);
    if (!rows)
        return report(rows.error());
    if (p.value(formatOption()) == u"json"_s)
        out() << QString::fromUtf8(ValuesReport::json(program, rows.value()));
    else
        out() << ValuesReport::text(program, rows.value());
    return Success;
}

int Cli::importData(const QStringList& args)
{
    const QCommandLineOption kind(u"kind"_s, tr("What the file holds: %1.").arg(kindList()),
                                  u"KIND"_s);
    const QCommandLineOption sheet(u"sheet"_s, tr("The XLSX sheet to read (default: the first)."),
                                   u"NAME"_s);
    const QCommandLineOption dryRun(u"dry-run"_s, tr("Check every row, write nothing."));
    const Command c{u"import"_s,
                    u"DB --kind KIND FILE [--sheet NAME] [--dry-run]"_s,
                    tr("Imports a CSV or XLSX file of observations or register rows. The first "
                       "row names the columns\n(`dlitracker-cli template --kind KIND OUT` writes "
                       "one). Every row is checked before anything\nis written; on any problem "
                       "nothing is written and every problem is listed as FILE:LINE:COLUMN."),
                    {kind, sheet, dryRun},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    const auto k = kindOf(p.value(kind));
    if (!k)
        return report(Error(
            ErrorCode::Usage,
            p.isSet(kind) ? tr("--kind is one of %1, not \"%2\"").arg(kindList(), p.value(kind))
                          : tr("say what the file holds with --kind %1").arg(kindList())));
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Session& session = *opened->session;
    const Program& program = opened->program;
    ImportOptions options;
    options.kind = *k;
    options.path = p.positionalArguments().at(1);
    options.sheet = p.value(sheet);
    options.dryRun = p.isSet(dryRun);
    auto result = Importer::run(session, program, options);
    if (!result) {
        // The importer lists up to options.maxProblems problems and counts the rest itself;
        // report() would cut its list shorter and count the count line as a problem.
        const Error& e = result.error();
        err() << u"dlitracker-cli: "_s << (e.location.isEmpty() ? QString() : e.location + u": "_s)
              << e.message << '\n';
        for (const QString& d : e.details)
            err() << u"  "_s << d << '\n';
        err().flush();
        return exitStatusFor(e);
    }
    for (const QString& w : result->warnings)
        err() << tr("warning: %1").arg(w) << '\n';
    if (options.dryRun)
        err() << tr("Checked %1 rows of %2: no problems. Nothing was written (--dry-run).")
                     .arg(result->rows)
                     .arg(options.path)
              << '\n';
    else
        err() << tr("Imported %1 %2 rows from %3.")
                     .arg(result->written)
                     .arg(enumToString(kImportKindNames, *k), options.path)
              << '\n';
    return Success;
}

int Cli::templateFile(const QStringList& args)
{
    const QCommandLineOption kind(u"kind"_s, tr("The kind of rows: %1.").arg(kindList()),
                                  u"KIND"_s);
    const Command c{u"template"_s,
                    u"[DB] --kind KIND OUT.csv|OUT.xlsx"_s,
                    tr("Writes an empty import template with the right column headers. Given a "
                       "database, an XLSX\ntemplate gets a second sheet listing the valid codes of "
                       "indicators, periods, org units and firms."),
                    {kind},
                    1,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    const auto k = kindOf(p.value(kind));
    if (!k)
        return report(
            Error(ErrorCode::Usage, tr("say which template with --kind %1").arg(kindList())));
    const QStringList positional = p.positionalArguments();
    const QString outPath = positional.last();
    TemplateCodes codes;
    bool withCodes = false;
    if (positional.size() == 2) {
        auto opened = openProgram(positional.first());
        if (!opened)
            return report(opened.error());
        auto listed = TemplateWriter::codesOf(*opened->session, opened->program);
        if (!listed)
            return report(listed.error());
        codes = listed.value();
        withCodes = true;
    }
    if (auto s = TemplateWriter::write(*k, outPath, withCodes ? &codes : nullptr); !s)
        return report(s.error());
    err() << tr("Wrote the %1 template %2.").arg(enumToString(kImportKindNames, *k), outPath)
          << '\n';
    return Success;
}

int Cli::validate(const QStringList& args)
{
    const QCommandLineOption period(u"period"_s, tr("Only this fiscal year or quarter."), u"P"_s);
    const QCommandLineOption org(u"org"_s, tr("Only this org unit and the units below it."),
                                 u"CODE"_s);
    const Command c{u"validate"_s,
                    u"DB [--period P] [--org CODE] [--format table|json]"_s,
                    tr("Checks the figures against the program's validation rules and the "
                       "built-in checks, for\nevery period and org unit unless narrowed. Exit "
                       "status 1 when a rule of severity error is broken."),
                    {period, org, formatOption()},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Session& session = *opened->session;
    const Program& program = opened->program;
    std::optional<Period> only;
    if (auto s = readScope(program, p.value(period), p.value(org), only); !s)
        return report(s.error());
    auto violations = Validation::run(session, program, only, p.value(org));
    if (!violations)
        return report(violations.error());
    const QList<Violation>& all = violations.value();
    const bool anyError = std::any_of(
        all.begin(), all.end(), [](const Violation& v) { return v.severity == Severity::Error; });
    if (p.value(formatOption()) == u"json"_s) {
        JsonNode list = JsonNode::array();
        for (const Violation& v : all)
            list.append(
                JsonNode::object()
                    .add(u"rule"_s, JsonNode::string(v.rule))
                    .add(u"severity"_s, JsonNode::string(enumToString(kSeverityNames, v.severity)))
                    .add(u"period"_s, JsonNode::string(v.period.code()))
                    .add(u"org_unit"_s, JsonNode::string(v.orgUnit))
                    .add(u"left"_s, JsonNode::number(v.left.toString()))
                    .add(u"right"_s, JsonNode::number(v.right.toString()))
                    .add(u"message"_s, JsonNode::string(v.message)));
        out() << QString::fromUtf8(JsonNode::object().add(u"violations"_s, list).toJson());
    } else if (all.isEmpty()) {
        out() << tr("No violations: every rule holds for the periods and org units checked.")
              << '\n';
    } else {
        TextTable table({tr("Severity"), tr("Rule"), tr("Period"), tr("Org unit"), tr("Left"),
                         tr("Right"), tr("Message")},
                        {TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
                         TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
                         TextTable::Align::Left});
        for (const Violation& v : all)
            table.addRow({enumToString(kSeverityNames, v.severity), v.rule, v.period.code(),
                          v.orgUnit, v.left.toString(), v.right.toString(), v.message});
        out() << table.render();
    }
    return anyError ? ProblemsFound : Success;
}

int Cli::reconcile(const QStringList& args)
{
    const QCommandLineOption period(u"period"_s, tr("Only this fiscal year or quarter."), u"P"_s);
    const QCommandLineOption all(u"all"_s, tr("List every comparison, not only the findings."));
    const Command c{u"reconcile"_s,
                    u"DB [--period P] [--all] [--format table|json]"_s,
                    tr("Compares every reported figure of an indicator that a register defines "
                       "with what the register\nsays for the same period and org unit. A gap "
                       "beyond the indicator's tolerance (a share of the\nreported figure) is a "
                       "finding for the verifier. Exit status 1 when there are findings."),
                    {period, all, formatOption()},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Session& session = *opened->session;
    const Program& program = opened->program;
    std::optional<Period> only;
    if (auto s = readScope(program, p.value(period), QString(), only); !s)
        return report(s.error());
    auto observations = session.observations().all();
    if (!observations)
        return report(observations.error());
    auto claims = ValuesReport::calculator(session, program, true);
    auto registers = ValuesReport::calculator(session, program, false);
    if (!claims || !registers)
        return report(!claims ? claims.error() : registers.error());
    auto rows = Reconciliation::run(program, observations.value(), *claims.value(),
                                    *registers.value(), only);
    if (!rows)
        return report(rows.error());
    QList<ReconciliationRow> shown;
    bool findings = false;
    for (const ReconciliationRow& r : rows.value()) {
        findings = findings || r.finding;
        if (r.finding || p.isSet(all))
            shown << r;
    }
    if (p.value(formatOption()) == u"json"_s) {
        JsonNode list = JsonNode::array();
        for (const ReconciliationRow& r : shown)
            list.append(JsonNode::object()
                            .add(u"indicator"_s, JsonNode::string(r.indicator))
                            .add(u"period"_s, JsonNode::string(r.period.code()))
                            .add(u"org_unit"_s, JsonNode::string(r.orgUnit))
                            .add(u"reported"_s, JsonNode::number(r.reported.toString()))
                            .add(u"register"_s, JsonNode::number(r.registered.toString()))
                            .add(u"gap"_s, JsonNode::number(r.gap.toString()))
                            .add(u"allowed"_s, JsonNode::number(r.allowed.toString()))
                            .add(u"finding"_s, JsonNode::boolean(r.finding)));
        out() << QString::fromUtf8(JsonNode::object()
                                       .add(u"compared"_s, JsonNode::number(rows->size()))
                                       .add(u"rows"_s, list)
                                       .toJson());
    } else if (shown.isEmpty()) {
        out() << tr("No findings: %1 reported figures agree with their registers within "
                    "tolerance.")
                     .arg(rows->size())
              << '\n';
    } else {
        TextTable table({tr("Indicator"), tr("Period"), tr("Org unit"), tr("Reported"),
                         tr("Register"), tr("Gap"), tr("Allowed"), tr("Finding")},
                        {TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
                         TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Right,
                         TextTable::Align::Right, TextTable::Align::Left});
        for (const ReconciliationRow& r : shown)
            table.addRow({r.indicator, r.period.code(), r.orgUnit, r.reported.toString(),
                          r.registered.toString(), r.gap.toString(), r.allowed.toString(),
                          r.finding ? tr("yes") : tr("no")});
        out() << table.render();
    }
    return findings ? ProblemsFound : Success;
}

} // namespace dli::cli
