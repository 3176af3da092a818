// Correcting a verified figure from the Data page: a replacement draft, never an edit.
#include "core/model/verification.h"
#include "ui/dialogs/correction_dialog.h"
#include "ui/pages/data_page.h"
#include "ui_support.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;
using dli::test::ui::DemoWorkspace;
namespace State = dli::ObservationState;

namespace {

QString verifiedLinkage(DemoWorkspace& ws)
{
    auto all = ws.session->observations().all();
    REQUIRE(all.ok());
    for (const dli::Observation& o : all.value()) {
        if (o.indicator == u"LINKAGES"_s && o.state == State::Verified &&
            o.period == dli::Period::quarter(2025, 1) && o.orgUnit == u"SKT-SURG"_s)
            return o.id;
    }
    FAIL("no verified LINKAGES figure in the demo");
    return {};
}

} // namespace

TEST_CASE("An officer corrects a verified figure with a replacement draft", "[data-page][ui]")
{
    DemoWorkspace ws(u"officer"_s);
    dli::ui::DataPage page(*ws.workspace);
    page.resize(1280, 800);
    page.show();
    const QString id = verifiedLinkage(ws);
    page.showItem(id);
    REQUIRE(page.selectedIds() == QStringList{id});
    REQUIRE(page.correctButton()->isEnabled());

    // Cancelled: nothing changes.
    page.setCorrectionPresenter([](dli::ui::CorrectionDialog&) { return false; });
    CHECK_FALSE(page.correctSelected());
    CHECK(ws.session->observations().find(id)->replacedBy.isEmpty());

    // The dialog refuses to go on without a reason.
    page.setCorrectionPresenter([](dli::ui::CorrectionDialog& dialog) {
        dialog.valueEdit()->setText(u"5"_s);
        CHECK_FALSE(dialog.value().has_value());
        dialog.reasonEdit()->setPlainText(u"Two agreements were signed in the quarter"_s);
        CHECK(dialog.value().has_value());
        dli::test::ui::screenshot(dialog, u"dialog-correction.png"_s, {560, 300});
        return true;
    });
    REQUIRE(page.correctSelected());
    auto original = ws.session->observations().find(id);
    REQUIRE(original.ok());
    CHECK(original->state == State::Verified); // it keeps counting until the replacement is
    REQUIRE_FALSE(original->replacedBy.isEmpty());
    auto replacement = ws.session->observations().find(original->replacedBy);
    REQUIRE(replacement.ok());
    CHECK(replacement->replaces == id);
    CHECK(replacement->state == State::Draft);
    CHECK(replacement->value == dli::Decimal::fromInt(5));
    CHECK(page.selectedIds() == QStringList{replacement->id});
    CHECK(ws.errors.isEmpty());

    // A figure that already has a replacement is not corrected twice.
    page.showItem(id);
    CHECK_FALSE(page.correctButton()->isEnabled());
    CHECK(page.correctButton()->toolTip().contains(u"already has a replacement"_s));
}

TEST_CASE("Only officers correct verified figures, and only verified or rejected ones",
          "[data-page][ui]")
{
    DemoWorkspace ws(u"viewer"_s);
    dli::ui::DataPage page(*ws.workspace);
    page.show();
    page.showItem(verifiedLinkage(ws));
    CHECK_FALSE(page.correctButton()->isEnabled());
    CHECK(page.correctButton()->toolTip().contains(u"officer"_s));

    ws.actAs(u"officer"_s);
    auto all = ws.session->observations().all();
    REQUIRE(all.ok());
    for (const dli::Observation& o : all.value()) {
        if (o.state == State::Draft) {
            page.showItem(o.id);
            break;
        }
    }
    CHECK_FALSE(page.correctButton()->isEnabled());
    CHECK(page.correctButton()->toolTip().contains(u"amend"_s));
}
