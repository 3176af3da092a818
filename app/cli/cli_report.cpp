// `report` and `report fingerprint`: the quarterly progress report (docs/reports.md), assembled
// in core (ReportBuilder) and written as PDF (dliui, offscreen), XLSX or CSV.
#include "app/cli/cli.h"
#include "core/report/report_builder.h"
#include "core/report/report_csv.h"
#include "core/report/report_xlsx.h"
#include "core/storage/session.h"
#include "ui/report/report_pdf.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace dli::cli {

namespace {

Error usageError(const QString& message)
{
    return Error(ErrorCode::Usage, message);
}

struct ReportOptions {
    QCommandLineOption quarter{u"quarter"_s, Cli::tr("The fiscal quarter, e.g. FY2025-Q2."),
                               u"Q"_s};
    QCommandLineOption asOf{u"as-of"_s,
                            Cli::tr("Compute as of this date, YYYY-MM-DD (default: the "
                                    "quarter's last day)."),
                            u"DATE"_s};
    QCommandLineOption knownAt{u"known-at"_s,
                               Cli::tr("Use only what had been recorded by this moment, e.g. "
                                       "2026-07-01T09:00:00Z (default: now). Reproduces an "
                                       "earlier report exactly."),
                               u"TIMESTAMP"_s};
};

// The options both commands share, checked before the database is opened.
Result<ReportBuilder::Options> readOptions(const QCommandLineParser& p, const ReportOptions& o)
{
    ReportBuilder::Options out;
    if (!p.isSet(o.quarter))
        return usageError(Cli::tr("--quarter is missing: the fiscal quarter, e.g. FY2025-Q2"));
    if (p.isSet(o.asOf)) {
        out.asOf = QDate::fromString(p.value(o.asOf), Qt::ISODate);
        if (!out.asOf.isValid())
            return usageError(Cli::tr("--as-of takes a date written YYYY-MM-DD, not \"%1\"")
                                  .arg(p.value(o.asOf)));
    }
    if (p.isSet(o.knownAt)) {
        DLI_ASSIGN(out.knownAt, momentOption(p.value(o.knownAt)));
    }
    return out;
}

Result<Period> quarterOf(const QString& text, const Program& program)
{
    auto q = Period::parse(text, program.fiscalYearStartMonth);
    if (!q || !q->isQuarter())
        return usageError(
            Cli::tr("--quarter takes a fiscal quarter such as FY2025-Q2, not \"%1\"").arg(text));
    return q.value();
}

} // namespace

int Cli::reportCommand(const QStringList& args)
{
    const ReportOptions o;
    const QCommandLineOption outOption(
        u"out"_s,
        tr("Where to write: FILE.pdf, FILE.xlsx, a folder (DIR/) for one CSV file per table, "
           "or FILE.csv with --section."),
        u"PATH"_s);
    const QCommandLineOption section(
        u"section"_s, tr("With a .csv --out: the one table to write (see docs/reports.md)."),
        u"NAME"_s);
    const Command c{u"report"_s,
                    u"DB --quarter Q [--as-of DATE] [--known-at TIMESTAMP] "
                    u"--out FILE.pdf|FILE.xlsx|DIR/ [--section NAME]"_s,
                    tr("Writes the quarterly progress report as PDF, XLSX or CSV, as known at a "
                       "moment,\nwith the data fingerprint that `report fingerprint` checks."),
                    {o.quarter, o.asOf, o.knownAt, outOption, section},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto options = readOptions(p, o);
    if (!options)
        return report(options.error());
    if (!p.isSet(outOption))
        return report(usageError(tr("--out is missing: FILE.pdf, FILE.xlsx or a folder DIR/")));
    const QString out = p.value(outOption);
    const QString suffix = QFileInfo(out).suffix().toLower();
    const bool folder = out.endsWith(u'/') || QFileInfo(out).isDir();
    enum class Format { Pdf, Xlsx, CsvFolder, CsvFile } format;
    if (folder)
        format = Format::CsvFolder;
    else if (suffix == u"pdf"_s)
        format = Format::Pdf;
    else if (suffix == u"xlsx"_s)
        format = Format::Xlsx;
    else if (suffix == u"csv"_s)
        format = Format::CsvFile;
    else
        return report(usageError(tr("--out is FILE.pdf, FILE.xlsx, a folder ending in / or, "
                                    "with --section, FILE.csv; not \"%1\"")
                                     .arg(out)));
    if (format == Format::CsvFile && !p.isSet(section))
        return report(usageError(tr("a .csv file holds one table: name it with --section, or "
                                    "give a folder (DIR/) for all of them")));
    if (p.isSet(section) && format != Format::CsvFile && format != Format::CsvFolder)
        return report(usageError(tr("--section is for CSV output (--out FILE.csv)")));
    if (format == Format::Pdf && !qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return report(usageError(tr("a PDF report needs the GUI libraries (internal)")));

    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Session& session = *opened->session;
    const Program& program = opened->program;
    auto quarter = quarterOf(p.value(o.quarter), program);
    if (!quarter)
        return report(quarter.error());
    options->quarter = quarter.value();
    auto built = ReportBuilder::build(session, program, options.value());
    if (!built)
        return report(built.error());
    const QuarterlyReport& r = built.value();
    if (p.isSet(section) && !ReportCsv::names(r).contains(p.value(section)))
        return report(usageError(tr("unknown section \"%1\"; the report has %2")
                                     .arg(p.value(section), ReportCsv::names(r).join(u", "_s))));

    QStringList written;
    Status status;
    switch (format) {
    case Format::Pdf:
        status = ui::ReportPdf::write(r, out);
        written << out;
        break;
    case Format::Xlsx:
        status = ReportXlsx::write(r, out);
        written << out;
        break;
    case Format::CsvFile:
        status = ReportCsv::write(r, p.value(section), out);
        written << out;
        break;
    case Format::CsvFolder:
        if (p.isSet(section)) {
            const QString path = QDir(out).filePath(p.value(section) + u".csv"_s);
            if (!QDir().mkpath(out))
                status = Error(ErrorCode::Io, tr("cannot make the folder %1").arg(out));
            else
                status = ReportCsv::write(r, p.value(section), path);
            written << path;
        } else {
            auto files = ReportCsv::writeAll(r, out);
            if (files)
                written = files.value();
            else
                status = files.error();
        }
        break;
    }
    if (!status)
        return report(status.error());
    for (const QString& f : written)
        this->out() << tr("Wrote %1").arg(QDir::toNativeSeparators(f)) << '\n';
    this->out() << tr("%1 %2, as of %3, as known at %4")
                       .arg(r.programCode, r.quarter.code(), r.asOf.toString(Qt::ISODate),
                            r.knownAt.toString(Qt::ISODate))
                << '\n'
                << tr("Data fingerprint: %1").arg(r.fingerprint) << '\n';
    return Success;
}

int Cli::reportFingerprint(const QStringList& args)
{
    const ReportOptions o;
    const Command c{u"report fingerprint"_s,
                    u"DB --quarter Q [--as-of DATE] [--known-at TIMESTAMP]"_s,
                    tr("Prints the data fingerprint of the quarterly report: the same as the "
                       "report's\nwhile the data it was built from is unchanged."),
                    {o.quarter, o.asOf, o.knownAt},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto options = readOptions(p, o);
    if (!options)
        return report(options.error());
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    auto quarter = quarterOf(p.value(o.quarter), opened->program);
    if (!quarter)
        return report(quarter.error());
    options->quarter = quarter.value();
    auto built = ReportBuilder::build(*opened->session, opened->program, options.value());
    if (!built)
        return report(built.error());
    out() << built->fingerprint << '\n';
    return Success;
}

} // namespace dli::cli
