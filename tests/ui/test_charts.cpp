// The six charts drawn with Qt Charts from the core's series (ChartData) for the demo as of
// 2026-07-01: series and point counts as computed, PNGs of fixed size saved to
// DLI_SCREENSHOT_DIR for people to look at (chart-<kind>.png, chart-rtl-<kind>.png), the empty
// state, SVG export, and how long drawing all six takes.
#include "core/charts/chart_data.h"
#include "core/io/program_import.h"
#include "core/io/program_reader.h"
#include "ui/charts/chart_builder.h"
#include "ui/charts/chart_export.h"
#include "ui/charts/chart_palette.h"
#include "ui/charts/chart_widget.h"
#include "ui_support.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QXYSeries>
#include <QXmlStreamReader>
#include <iostream>
#include <memory>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::must;
using dli::test::ui::DemoWorkspace;

namespace {

const QDate kAsOf(2026, 7, 1);
const QSize kSize(900, 500);
const QStringList kKinds{u"dli-progress"_s, u"disbursement"_s, u"timeline"_s,
                         u"clusters"_s,     u"verification"_s, u"trend"_s};

ChartData chartOf(Session& session, const Program& program, const QString& kind,
                  const QString& dli = u"DLI3"_s, const QString& indicator = {})
{
    if (kind == u"dli-progress"_s)
        return must(ChartData::dliProgress(session, program, dli, kAsOf));
    if (kind == u"disbursement"_s)
        return must(ChartData::disbursementByDli(session, program, kAsOf));
    if (kind == u"timeline"_s)
        return must(ChartData::disbursementTimeline(session, program, kAsOf));
    if (kind == u"clusters"_s)
        return must(ChartData::clusters(
            session, program, indicator.isEmpty() ? u"FIRMS_UPGRADE"_s : indicator,
            must(Period::parse(u"FY2026"_s, program.fiscalYearStartMonth)), kAsOf));
    if (kind == u"verification"_s)
        return must(ChartData::verificationFlow(session, program, kAsOf));
    return must(ChartData::indicatorTrend(session, program,
                                          indicator.isEmpty() ? u"TRAINED_W"_s : indicator, kAsOf));
}

QString screenshotPath(const QString& name)
{
    const QString dir = QString::fromUtf8(DLI_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return dir + u'/' + name;
}

qsizetype drawnPoints(const ChartSeries& s)
{
    qsizetype n = 0;
    for (const ChartPoint& p : s.points)
        n += p.y ? 1 : 0;
    return n;
}

// Every ChartSeries is one QXYSeries or one QBarSet of the chart, by name, with its points.
void checkMatches(const ChartData& data, QChart& chart)
{
    qsizetype drawn = 0;
    const auto all = chart.series();
    for (QAbstractSeries* s : all) {
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(s))
            drawn += bars->count();
        else
            ++drawn;
    }
    CHECK(drawn == data.series.size());
    const qsizetype categories = ui::ChartBuilder::categories(data).size();
    for (const ChartSeries& s : data.series) {
        INFO(data.kind.toStdString() << ": " << s.name.toStdString());
        bool found = false;
        for (QAbstractSeries* a : all) {
            if (auto* xy = qobject_cast<QXYSeries*>(a); xy && xy->name() == s.name) {
                found = true;
                if (s.style == u"step"_s) // a rise adds a point
                    CHECK(xy->count() >= drawnPoints(s));
                else
                    CHECK(xy->count() == drawnPoints(s));
            } else if (auto* bars = qobject_cast<QAbstractBarSeries*>(a)) {
                const auto sets = bars->barSets();
                for (QBarSet* set : sets) {
                    if (set->label() == s.name) {
                        found = true;
                        CHECK(set->count() == categories);
                    }
                }
            }
        }
        CHECK(found);
    }
}

bool svgParses(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QXmlStreamReader xml(&f);
    QString root;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && root.isEmpty())
            root = xml.name().toString();
    }
    return !xml.hasError() && root == u"svg"_s;
}

} // namespace

TEST_CASE("Charts: each kind of the demo is drawn with its series and saved as PNG", "[charts-ui]")
{
    DemoWorkspace demo;
    const Program program = must(demo.session->programs().load());
    for (const QString& kind : kKinds) {
        DYNAMIC_SECTION(kind.toStdString())
        {
            const ChartData data = chartOf(*demo.session, program, kind);
            REQUIRE(data.emptyText.isEmpty());
            std::unique_ptr<QChart> chart(ui::ChartBuilder::build(data));
            CHECK(chart->title() == data.title);
            CHECK_FALSE(chart->axes().isEmpty());
            checkMatches(data, *chart);

            const QImage image = ui::ChartExport::image(data, kSize);
            CHECK(image.size() == kSize);
            REQUIRE(image.save(screenshotPath(u"chart-"_s + kind + u".png"_s)));

            const QString svg = demo.dirPath(kind + u".svg"_s);
            REQUIRE(ui::ChartExport::saveSvg(data, svg, kSize).ok());
            CHECK(svgParses(svg));
        }
    }
}

TEST_CASE("Charts: the chart widget shows a chart and the exact values as tooltips", "[charts-ui]")
{
    DemoWorkspace demo;
    const Program program = must(demo.session->programs().load());
    const ChartData data = chartOf(*demo.session, program, u"disbursement"_s);
    ui::ChartWidget widget;
    widget.setData(data);
    REQUIRE(widget.chart());
    CHECK(widget.chart()->title() == data.title);
    const QStringList cats = ui::ChartBuilder::categories(data);
    const ChartSeries* disbursed = data.find(u"disbursed");
    REQUIRE(disbursed);
    bool checked = false;
    const auto series = widget.chart()->series();
    for (QAbstractSeries* s : series) {
        auto* bars = qobject_cast<QAbstractBarSeries*>(s);
        if (!bars)
            continue;
        for (QBarSet* set : bars->barSets()) {
            if (set->label() != disbursed->name)
                continue;
            const QString tip = ui::ChartWidget::tooltipText(set, set->label(), cats.at(0), 0);
            CHECK(tip.contains(disbursed->points.at(0).label));
            CHECK(tip.contains(cats.at(0)));
            checked = true;
        }
    }
    CHECK(checked);
    test::ui::screenshot(widget, u"chart-widget-disbursement.png"_s, kSize);
}

TEST_CASE("Charts: a program with nothing reported says so instead of drawing empty axes",
          "[charts-ui]")
{
    test::TempDir dir;
    const Program program =
        must(ProgramReader::readFile(test::sharedExample(u"worked-program.json"_s)));
    auto session = must(Session::create(dir.path(u"fresh.dlidb"_s)));
    REQUIRE(ProgramImport::importProgram(*session, program, false).ok());
    const ChartData data = must(ChartData::verificationFlow(*session, program, kAsOf));
    REQUIRE_FALSE(data.emptyText.isEmpty());
    std::unique_ptr<QChart> chart(ui::ChartBuilder::build(data));
    CHECK(chart->title() == data.emptyText);
    CHECK(chart->axes().isEmpty());
    CHECK(chart->series().isEmpty());
    const QImage image = ui::ChartExport::image(data, kSize);
    REQUIRE(image.save(screenshotPath(u"chart-empty.png"_s)));
    // Not a blank page: the text is drawn.
    bool dark = false;
    for (int y = 0; y < image.height() && !dark; ++y)
        for (int x = 0; x < image.width() && !dark; ++x)
            dark = qGray(image.pixel(x, y)) < 128;
    CHECK(dark);
}

TEST_CASE("Charts: right-to-left layouts draw every kind", "[charts-ui]")
{
    DemoWorkspace demo;
    const Program program = must(demo.session->programs().load());
    const Qt::LayoutDirection before = QGuiApplication::layoutDirection();
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    for (const QString& kind : kKinds) {
        const ChartData data = chartOf(*demo.session, program, kind);
        const QImage image = ui::ChartExport::image(data, kSize);
        CHECK(image.size() == kSize);
        CHECK(image.save(screenshotPath(u"chart-rtl-"_s + kind + u".png"_s)));
    }
    QGuiApplication::setLayoutDirection(before);
}

TEST_CASE("Charts: money axis labels", "[charts-ui]")
{
    using ui::ChartPalette;
    CHECK(ChartPalette::moneyLabel(3'200'000, u"USD"_s) == u"US$ 3.2 m"_s);
    CHECK(ChartPalette::moneyLabel(0, u"USD"_s, 500'000, 2'500'000) == u"US$ 0"_s);
    CHECK(ChartPalette::moneyLabel(500'000, u"USD"_s, 500'000, 2'500'000) == u"US$ 0.5 m"_s);
    CHECK(ChartPalette::moneyLabel(2'000'000, u"USD"_s, 1'000'000, 5'000'000) == u"US$ 2 m"_s);
    CHECK(ChartPalette::moneyLabel(250'000, u"USD"_s, 50'000, 300'000) == u"US$ 250,000"_s);
    CHECK(ChartPalette::numberLabel(1250, 250) == u"1,250"_s);
    CHECK(ChartPalette::niceStep(1000, 5) == 200);
}

TEST_CASE("Charts: drawing all six charts of the demo (benchmark)", "[charts-ui][benchmark]")
{
    DemoWorkspace demo;
    const Program program = must(demo.session->programs().load());
    QList<ChartData> charts;
    for (const QString& kind : kKinds)
        charts << chartOf(*demo.session, program, kind);
    QElapsedTimer timer;
    timer.start();
    for (const ChartData& data : std::as_const(charts)) {
        const QImage image = ui::ChartExport::image(data, kSize);
        REQUIRE_FALSE(image.isNull());
    }
    const qint64 drawing = timer.elapsed();
    std::cout << "Drawing the six charts of the demo at 900x500: " << drawing << " ms" << std::endl;
}
