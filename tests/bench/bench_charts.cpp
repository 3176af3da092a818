// How long the six charts take on the demo: computing their series from the store and the
// engine, and drawing them to 1000x600 images. Prints the figures; asserts nothing.
//
//   bench_charts [RUNS]      (default 5; offscreen unless QT_QPA_PLATFORM is set)
#include "bench_support.h"
#include "core/charts/chart_data.h"
#include "ui/charts/chart_export.h"

#include <QApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = dli::bench::runsFrom(argc, argv);
    const auto demo = dli::bench::OpenDemo::make();
    if (!demo)
        return 1;
    dli::Session& s = *demo->session;
    const dli::Program& p = demo->program;
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
        compute << dli::bench::lap(t);
        for (const auto& c : charts) {
            if (!c)
                return 1;
            (void)dli::ui::ChartExport::image(c.value(), QSize(1000, 600));
        }
        draw << dli::bench::lap(t);
    }
    const double computed = dli::bench::median(compute);
    const double drawn = dli::bench::median(draw);
    QTextStream out(stdout);
    out << "the six charts on the demo, " << runs << " runs, median in ms\n"
        << "computing the series    " << QString::number(computed, 'f', 1) << '\n'
        << "drawing them 1000x600   " << QString::number(drawn, 'f', 1) << '\n'
        << "both                    " << QString::number(computed + drawn, 'f', 1) << '\n';
    return 0;
}
