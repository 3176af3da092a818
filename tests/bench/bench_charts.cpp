// How long the six charts take on the demo: computing their series from the store and the
// engine, and drawing them to 1000x600 images. Prints the figures; asserts nothing.
//
//   bench_charts [RUNS]      (default 5; offscreen unless QT_QPA_PLATFORM is set)
#include "core/charts/chart_data.h"
#include "core/io/demo.h"
#include "core/storage/session.h"
#include "ui/charts/chart_export.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;
    QTemporaryDir dir;
    const QString db = dir.filePath(u"demo.dlidb"_s);
    if (!dli::Demo::create(db)) {
        std::fputs("cannot create the demo\n", stderr);
        return 1;
    }
    auto session = dli::Session::open(db);
    if (!session)
        return 1;
    auto program = session.value()->programs().load();
    if (!program)
        return 1;
    dli::Session& s = *session.value();
    const dli::Program& p = program.value();
    const QDate asOf(2026, 7, 1);
    QList<double> compute, draw;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        QList<dli::Result<dli::ChartData>> charts{
            dli::ChartData::dliProgress(s, p, u"DLI3"_s, asOf),
            dli::ChartData::disbursementByDli(s, p, asOf),
            dli::ChartData::disbursementTimeline(s, p, asOf),
            dli::ChartData::clusters(s, p, u"FIRMS_UPGRADE"_s, dli::Period::year(2026), asOf),
            dli::ChartData::verificationFlow(s, p, asOf),
            dli::ChartData::indicatorTrend(s, p, u"TRAINED_W"_s, asOf)};
        compute << static_cast<double>(t.nsecsElapsed()) / 1e6;
        t.restart();
        for (const auto& c : charts) {
            if (!c)
                return 1;
            (void)dli::ui::ChartExport::image(c.value(), QSize(1000, 600));
        }
        draw << static_cast<double>(t.nsecsElapsed()) / 1e6;
    }
    std::sort(compute.begin(), compute.end());
    std::sort(draw.begin(), draw.end());
    QTextStream out(stdout);
    out << "the six charts on the demo, " << runs << " runs, median in ms\n"
        << "computing the series    " << QString::number(compute[runs / 2], 'f', 1) << '\n'
        << "drawing them 1000x600   " << QString::number(draw[runs / 2], 'f', 1) << '\n'
        << "both                    " << QString::number(compute[runs / 2] + draw[runs / 2], 'f', 1)
        << '\n';
    return 0;
}
