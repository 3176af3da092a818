#include "core/storage/register_rows.h"
#include "trust_support.h"

using namespace Qt::StringLiterals;
using dli::ImportKind;
using dli::RegisterRows;

namespace {

RegisterRows::Query query(ImportKind kind, const QString& filter = {}, int orderBy = -1,
                          bool descending = false)
{
    RegisterRows::Query q;
    q.kind = kind;
    q.filter = filter;
    q.orderBy = orderBy;
    q.descending = descending;
    return q;
}

} // namespace

TEST_CASE("RegisterRows: pages of a register in canonical text, filtered and ordered at the source",
          "[register-rows]")
{
    dli::test::DemoCopy demo;
    RegisterRows rows(demo.session->database());
    for (ImportKind kind :
         {ImportKind::Firms, ImportKind::Services, ImportKind::Trainees, ImportKind::Exports}) {
        const RegisterRows::Query all = query(kind);
        const auto total = rows.count(all);
        REQUIRE(total.ok());
        CHECK(total.value() == demo.session->registers().count(kind).value());
        auto first = rows.page(all, 0, 50);
        REQUIRE(first.ok());
        REQUIRE(first->size() == 50);
        CHECK(first->at(0).values.size() == dli::RegisterFields::spec(kind).fields.size());
        // Pages follow on without gaps or repeats.
        auto second = rows.page(all, 25, 50);
        REQUIRE(second.ok());
        CHECK(second->at(0).id == first->at(25).id);
        auto past = rows.page(all, total.value(), 50);
        REQUIRE(past.ok());
        CHECK(past->isEmpty());
    }

    // Firms read back as the import takes them: codes, yes/no.
    auto firms = rows.page(query(ImportKind::Firms), 0, 1);
    REQUIRE(firms.ok());
    const QStringList first = firms->at(0).values;
    CHECK(first[0] == u"SKT-SURG-001"_s);
    CHECK(first[2] == u"SKT-SURG"_s);
    CHECK(first[6] == u"no"_s);
    CHECK(first[7] == u"no"_s);

    // Every word somewhere in the row, case ignored.
    const RegisterRows::Query surgical = query(ImportKind::Firms, u"skt-surg medical"_s);
    auto matched = rows.page(surgical, 0, 1000);
    REQUIRE(matched.ok());
    REQUIRE_FALSE(matched->isEmpty());
    CHECK(rows.count(surgical).value() == matched->size());
    for (const auto& r : matched.value()) {
        CHECK(r.values[2] == u"SKT-SURG"_s);
        CHECK(r.values.join(u' ').contains(u"medical"_s, Qt::CaseInsensitive));
    }
    // LIKE's wildcards are taken literally.
    CHECK(rows.count(query(ImportKind::Firms, u"%"_s)).value() == 0);
    CHECK(rows.count(query(ImportKind::Firms, u"_"_s)).value() == 0);

    // Ordered by a field, numbers as numbers.
    const RegisterRows::Query byCost = query(ImportKind::Services, {}, 4, true);
    auto dear = rows.page(byCost, 0, 20);
    REQUIRE(dear.ok());
    for (int i = 1; i < dear->size(); ++i)
        CHECK(dli::Decimal::parse(dear->at(i - 1).values[4]).value_or(dli::Decimal()) >=
              dli::Decimal::parse(dear->at(i).values[4]).value_or(dli::Decimal()));

    CHECK_FALSE(rows.page(query(ImportKind::Observations), 0, 10).ok());
}
