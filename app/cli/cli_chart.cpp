// `chart`: one of the six charts (docs/charts, core/charts/chart_data.h) rendered without a
// display, as PNG or SVG. The series are the core's; the drawing is the GUI's (dliui), on the
// offscreen platform that main.cpp selects for this command.
#include "app/cli/cli.h"
#include "core/charts/chart_data.h"
#include "core/storage/session.h"
#include "ui/charts/chart_export.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace dli::cli {

namespace {

const QStringList kKinds{u"dli-progress"_s, u"disbursement"_s, u"timeline"_s,
                         u"clusters"_s,     u"verification"_s, u"trend"_s};

Error usageError(const QString& message)
{
    return Error(ErrorCode::Usage, message);
}

Result<int> sizeOption(const QCommandLineParser& p, const QCommandLineOption& o, int lowest,
                       int highest)
{
    bool ok = false;
    const int v = p.value(o).toInt(&ok);
    if (!ok || v < lowest || v > highest)
        return usageError(Cli::tr("--%1 takes a whole number from %2 to %3, not \"%4\"")
                              .arg(o.names().first(), QString::number(lowest),
                                   QString::number(highest), p.value(o)));
    return v;
}

} // namespace

int Cli::chart(const QStringList& args)
{
    const QCommandLineOption kind(
        u"kind"_s,
        tr("The chart: dli-progress, disbursement, timeline, clusters, verification or trend."),
        u"KIND"_s);
    const QCommandLineOption dliOption(u"dli"_s, tr("The DLI of a dli-progress chart."), u"CODE"_s);
    const QCommandLineOption indicator(
        u"indicator"_s, tr("The indicator of a clusters or trend chart."), u"CODE"_s);
    const QCommandLineOption period(
        u"period"_s, tr("The period of a clusters chart, e.g. FY2026-Q2 or FY2026."), u"P"_s);
    const QCommandLineOption asOf(
        u"as-of"_s, tr("Compute as of this date, YYYY-MM-DD (default: today)."), u"DATE"_s);
    const QCommandLineOption outFile(u"out"_s, tr("The file to write: FILE.png or FILE.svg."),
                                     u"FILE"_s);
    const QCommandLineOption width(u"width"_s, tr("Width in pixels (default 1000)."), u"W"_s,
                                   u"1000"_s);
    const QCommandLineOption height(u"height"_s, tr("Height in pixels (default 600)."), u"H"_s,
                                    u"600"_s);
    const QCommandLineOption dpi(u"dpi"_s,
                                 tr("Resolution of a PNG in dots per inch (default 96); text "
                                    "keeps its printed size."),
                                 u"DPI"_s, u"96"_s);
    const Command c{u"chart"_s,
                    u"DB --kind KIND [--dli C | --indicator C] [--period P] [--as-of DATE] "
                    u"--out FILE.png|FILE.svg [--width W --height H] [--dpi DPI]"_s,
                    tr("Renders a chart without a display: dli-progress (--dli), disbursement, "
                       "timeline,\nclusters (--indicator, --period), verification or trend "
                       "(--indicator)."),
                    {kind, dliOption, indicator, period, asOf, outFile, width, height, dpi},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;

    // Everything that can be checked without the database first.
    if (!p.isSet(kind))
        return report(
            usageError(tr("--kind is missing; it is one of %1").arg(kKinds.join(u", "_s))));
    const QString k = p.value(kind);
    if (!kKinds.contains(k))
        return report(usageError(
            tr("unknown chart kind \"%1\"; it is one of %2").arg(k, kKinds.join(u", "_s))));
    if (!p.isSet(outFile))
        return report(usageError(tr("--out is missing: the file to write, FILE.png or FILE.svg")));
    const QString outPath = p.value(outFile);
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (suffix != u"png"_s && suffix != u"svg"_s)
        return report(usageError(
            tr("--out is a .png or .svg file, not \"%1\"").arg(QFileInfo(outPath).fileName())));
    const bool needsDli = k == u"dli-progress"_s;
    const bool needsIndicator = k == u"clusters"_s || k == u"trend"_s;
    const bool needsPeriod = k == u"clusters"_s;
    if (needsDli && !p.isSet(dliOption))
        return report(usageError(tr("--kind dli-progress needs --dli CODE")));
    if (!needsDli && p.isSet(dliOption))
        return report(usageError(tr("--dli is for --kind dli-progress only")));
    if (needsIndicator && !p.isSet(indicator))
        return report(usageError(tr("--kind %1 needs --indicator CODE").arg(k)));
    if (!needsIndicator && p.isSet(indicator))
        return report(usageError(tr("--indicator is for --kind clusters and trend only")));
    if (needsPeriod && !p.isSet(period))
        return report(usageError(tr("--kind clusters needs --period P, e.g. FY2026-Q2")));
    if (!needsPeriod && p.isSet(period))
        return report(usageError(tr("--period is for --kind clusters only")));
    auto w = sizeOption(p, width, 100, 10000);
    if (!w)
        return report(w.error());
    auto h = sizeOption(p, height, 100, 10000);
    if (!h)
        return report(h.error());
    auto d = sizeOption(p, dpi, 24, 1200);
    if (!d)
        return report(d.error());
    std::optional<QDate> date;
    if (p.isSet(asOf)) {
        const QDate parsed = QDate::fromString(p.value(asOf), Qt::ISODate);
        if (!parsed.isValid())
            return report(usageError(
                tr("--as-of takes a date written YYYY-MM-DD, not \"%1\"").arg(p.value(asOf))));
        date = parsed;
    }
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return report(Error(ErrorCode::Usage, tr("charts need the GUI libraries (internal)")));

    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Session& session = *opened->session;
    const Program& program = opened->program;
    const QDate day = date.value_or(session.options().now().date());

    Result<ChartData> data = Error(ErrorCode::Usage, QString());
    if (k == u"dli-progress"_s)
        data = ChartData::dliProgress(session, program, p.value(dliOption), day);
    else if (k == u"disbursement"_s)
        data = ChartData::disbursementByDli(session, program, day);
    else if (k == u"timeline"_s)
        data = ChartData::disbursementTimeline(session, program, day);
    else if (k == u"verification"_s)
        data = ChartData::verificationFlow(session, program, day);
    else if (k == u"trend"_s)
        data = ChartData::indicatorTrend(session, program, p.value(indicator), day);
    else {
        auto parsed = Period::parse(p.value(period), program.fiscalYearStartMonth);
        if (!parsed)
            return report(usageError(u"--period: "_s + parsed.error().message));
        data = ChartData::clusters(session, program, p.value(indicator), parsed.value(), day);
    }
    if (!data)
        return report(data.error());

    const Status written = ui::ChartExport::save(data.value(), outPath, QSize(*w, *h), *d);
    if (!written)
        return report(written.error());
    if (!data->emptyText.isEmpty())
        out() << tr("Nothing to draw: %1").arg(data->emptyText) << '\n';
    out() << tr("Wrote %1 (%2 x %3)").arg(outPath, QString::number(*w), QString::number(*h))
          << '\n';
    return Success;
}

} // namespace dli::cli
