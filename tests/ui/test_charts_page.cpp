// The Charts page: every kind with its selectors, redrawn when the data change, exported.
#include "core/io/program_import.h"
#include "core/workflow/disbursements.h"
#include "ui/charts/chart_widget.h"
#include "ui/pages/charts_page.h"
#include "ui_support.h"

#include <QComboBox>
#include <QImage>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using dli::test::ui::DemoWorkspace;

TEST_CASE("The charts page draws each kind with the selectors it needs", "[charts-page][ui]")
{
    DemoWorkspace ws(u"viewer"_s);
    ws.workspace->setAsOf(QDate(2026, 7, 1));
    dli::ui::ChartsPage page(*ws.workspace);
    page.resize(1280, 760);
    page.show();
    for (const QString& kind :
         {u"dli-progress:DLI3"_s, u"disbursement"_s, u"timeline"_s, u"clusters:FIRMS_UPGRADE"_s,
          u"verification"_s, u"trend:TRAINED_W"_s}) {
        INFO(kind.toStdString());
        page.showItem(kind);
        const QString key = kind.section(u':', 0, 0);
        CHECK(page.kindBox()->currentData().toString() == key);
        CHECK(page.subjectBox()->isVisibleTo(&page) == kind.contains(u':'));
        CHECK(page.periodBox()->isVisibleTo(&page) == (key == u"clusters"_s));
        CHECK(page.data().emptyText.isEmpty());
        CHECK_FALSE(page.data().series.isEmpty());
        CHECK(page.data().kind == key);
        dli::test::ui::screenshot(page, u"page-charts-%1.png"_s.arg(key));
    }
    CHECK(ws.errors.isEmpty());
}

TEST_CASE("The charts page follows the as-of date and new events", "[charts-page][ui]")
{
    DemoWorkspace ws(u"manager"_s);
    ws.workspace->setAsOf(QDate(2026, 7, 1));
    dli::ui::ChartsPage page(*ws.workspace);
    page.show();
    page.showItem(u"disbursement"_s);
    auto disbursed = [&page]() {
        const dli::ChartSeries* s = nullptr;
        for (const dli::ChartSeries& x : page.data().series) {
            if (x.role == u"disbursed"_s)
                s = &x;
        }
        REQUIRE(s);
        double total = 0;
        for (const dli::ChartPoint& p : s->points)
            total += p.y.value_or(0);
        return total;
    };
    const double before = disbursed();
    CHECK(before == 5'945'000.0);
    ws.workspace->setAsOf(QDate(2024, 6, 30));
    CHECK(disbursed() == 2'000'000.0); // only the prior result had been paid then
    ws.workspace->setAsOf(QDate(2026, 7, 1));

    // A disbursement recorded elsewhere is drawn at once.
    dli::Disbursements money(*ws.session, *ws.workspace->program());
    dli::DisbursementEvent e;
    e.kind = dli::EventKind::Disburse;
    e.dlr = u"3.3"_s;
    e.amount = dli::Money::fromMinor(100'000'00);
    e.date = QDate(2026, 7, 1);
    e.reference = u"WA-20"_s;
    REQUIRE(money.record(e, false).ok());
    CHECK(disbursed() == before + 100'000.0);
}

TEST_CASE("The charts page exports PNG and SVG, and says why when there is nothing to draw",
          "[charts-page][ui]")
{
    DemoWorkspace ws(u"viewer"_s);
    ws.workspace->setAsOf(QDate(2026, 7, 1));
    dli::ui::ChartsPage page(*ws.workspace);
    page.show();
    page.showItem(u"timeline"_s);
    const QString png = ws.dirPath(u"timeline.png"_s);
    REQUIRE(page.exportTo(png).ok());
    const QImage image(png);
    CHECK(image.size() == QSize(1600, 900));
    const QString svg = ws.dirPath(u"timeline.svg"_s);
    REQUIRE(page.exportTo(svg).ok());
    QFile file(svg);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    while (!xml.atEnd())
        xml.readNext();
    CHECK_FALSE(xml.hasError());
    CHECK_FALSE(page.exportTo(ws.dirPath(u"timeline.gif"_s)).ok());
    CHECK(ws.errors.size() == 1);

    // A database with a program and no figures: the chart says so instead of empty axes.
    dli::test::TempDir dir;
    auto fresh = dli::Session::create(dir.path(u"empty.dlidb"_s));
    REQUIRE(fresh.ok());
    REQUIRE(dli::ProgramImport::importFile(
                *fresh.value(), dli::test::sharedExample(u"worked-program.json"_s), false)
                .ok());
    dli::ui::Workspace empty(*fresh.value());
    dli::ui::ChartsPage blank(empty);
    blank.show();
    blank.showItem(u"trend:EXP_FIRMS"_s);
    CHECK_FALSE(blank.data().emptyText.isEmpty());
    dli::test::ui::screenshot(blank, u"page-charts-empty.png"_s);
}
