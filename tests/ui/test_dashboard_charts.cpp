// The dashboard shows charts 1 and 2: the most urgent DLI's progress and disbursement by DLI.
#include "ui/charts/chart_widget.h"
#include "ui/pages/dashboard_page.h"
#include "ui_support.h"

using namespace Qt::StringLiterals;
using dli::test::ui::DemoWorkspace;

TEST_CASE("The dashboard charts the most urgent DLI and disbursement by DLI",
          "[dashboard-page][ui]")
{
    DemoWorkspace ws(u"manager"_s);
    ws.workspace->setAsOf(QDate(2026, 7, 1));
    dli::ui::DashboardPage page(*ws.workspace);
    page.resize(1280, 800);
    page.show();
    page.refresh();
    // On the demo DLI3, DLI4 and DLI6 are at risk; the first of them is charted.
    CHECK(page.urgentDli() == u"DLI3"_s);
    CHECK(page.progressChart()->data().kind == u"dli-progress"_s);
    CHECK(page.progressChart()->data().title.contains(u"DLI3"_s));
    CHECK(page.moneyChart()->data().kind == u"disbursement"_s);
    CHECK_FALSE(page.moneyChart()->data().series.isEmpty());

    // An earlier as-of date redraws them.
    ws.workspace->setAsOf(QDate(2025, 6, 30));
    CHECK(page.moneyChart()->data().title.contains(u"2025-06-30"_s));
    ws.workspace->setAsOf(QDate(2026, 7, 1));
    dli::test::ui::screenshot(page, u"page-dashboard-charts-1920.png"_s, {1920, 1080});
    CHECK(ws.errors.isEmpty());
}
