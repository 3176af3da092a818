// AuditBrowser: the audit log a page at a time, newest first, with the filters of `audit log`.
#include "core/workflow/audit_browser.h"
#include "trust_support.h"

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::DemoCopy;

TEST_CASE("The audit log is read in pages, newest first, under a filter", "[audit-browser]")
{
    DemoCopy demo;
    auto all = demo.session->audit().entries();
    REQUIRE(all.ok());
    const auto total = static_cast<std::int64_t>(all->size());
    REQUIRE(total > 100);

    AuditBrowser browser(*demo.session);
    CHECK(browser.count({}).value() == total);

    // Pages follow each other without a gap or an overlap.
    std::int64_t before = 0;
    std::int64_t expected = total;
    int pages = 0;
    for (;;) {
        auto page = browser.page({}, before, 64);
        REQUIRE(page.ok());
        if (page->isEmpty())
            break;
        ++pages;
        for (const AuditEntry& e : page.value()) {
            REQUIRE(e.seq == expected);
            --expected;
        }
        before = page->constLast().seq;
        const AuditEntry& original = all->at(static_cast<qsizetype>(before - 1));
        CHECK(page->constLast().hash == original.hash);
        CHECK(AuditLog::hashOf(page->constLast()) == original.hash);
    }
    CHECK(expected == 0);
    CHECK(pages == static_cast<int>((total + 63) / 64));

    // The filters of `audit log`, and text found in the action or details.
    AuditBrowser::Filter f;
    f.user = u"verifier"_s;
    const auto byVerifier = browser.count(f).value();
    CHECK(byVerifier > 0);
    CHECK(byVerifier < total);
    auto page = browser.page(f, 0, 1000);
    REQUIRE(page.ok());
    CHECK(page->size() == byVerifier);
    for (const AuditEntry& e : page.value())
        CHECK(e.user == u"verifier"_s);

    AuditBrowser::Filter t;
    t.table = u"observations"_s;
    const auto observations = browser.page(t, 0, 5).value();
    REQUIRE_FALSE(observations.isEmpty());
    AuditBrowser::Filter row;
    row.rowId = observations.first().rowId;
    const QList<AuditEntry> aboutRow = browser.page(row, 0, 100).value();
    REQUIRE_FALSE(aboutRow.isEmpty());
    for (const AuditEntry& e : aboutRow)
        CHECK(e.rowId == row.rowId);

    AuditBrowser::Filter text;
    text.text = u"VERIFY"_s;
    const QList<AuditEntry> found = browser.page(text, 0, 1000).value();
    for (const AuditEntry& e : found)
        CHECK((e.action.contains(u"verify"_s) || e.details.toLower().contains("verify") ||
               e.table.contains(u"verif"_s) || e.user.contains(u"verif"_s)));
    CHECK(browser.count(text).value() > 0);

    AuditBrowser::Filter later;
    later.since = QDate(2100, 1, 1);
    CHECK(browser.count(later).value() == 0);
    later.since = QDate(2000, 1, 1);
    CHECK(browser.count(later).value() == total);

    CHECK(browser.userNames().value().contains(u"admin"_s));
    CHECK(browser.tableNames().value().contains(u"observations"_s));
}
