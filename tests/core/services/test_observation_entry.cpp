#include "core/workflow/observation_entry.h"
#include "core/workflow/workflow.h"
#include "trust_support.h"

using namespace Qt::StringLiterals;
using dli::ObservationEntry;
using dli::ObservationInput;

namespace {

ObservationInput input(const QString& indicator, const QString& period, const QString& unit,
                       const QString& value, const QString& category = {})
{
    return {indicator, period, unit, category, value, u"monthly return"_s, u"typed in"_s};
}

// "field: message" of each problem, errors and warnings alike.
QStringList texts(const QList<ObservationEntry::Problem>& problems)
{
    QStringList out;
    for (const auto& p : problems)
        out << (p.field.isEmpty() ? u"(row)"_s : p.field) + u": "_s + p.message;
    return out;
}

QStringList actions(dli::Session& session, const QString& rowId)
{
    dli::AuditLog::Filter filter;
    filter.rowId = rowId;
    QStringList out;
    const auto entries = session.audit().entries(filter).value();
    for (const auto& e : entries)
        out << e.action;
    return out;
}

void checkAuditIntact(dli::Session& session)
{
    auto report = session.audit().verify();
    REQUIRE(report.ok());
    INFO(report->problems.join(u'\n').toStdString());
    CHECK(report->problems.isEmpty());
}

} // namespace

TEST_CASE("ObservationEntry: a new figure is a draft with its audit entry; removing and putting "
          "it back are audited too",
          "[observation-entry]")
{
    dli::test::DemoCopy demo;
    demo.actAs(u"officer"_s);
    ObservationEntry entry(*demo.session, demo.program());
    const auto before = demo.session->observations().count().value();

    auto id = entry.create(input(u"LINKAGES"_s, u"2026-27 Q1"_s, u"SKT-SURG"_s, u"3"_s));
    REQUIRE(id.ok());
    auto stored = demo.session->observations().find(id.value());
    REQUIRE(stored.ok());
    CHECK(stored->state == u"draft"_s);
    CHECK(stored->reporter == u"officer"_s);
    CHECK(stored->period.code() == u"FY2027-Q1"_s);
    CHECK(stored->value.toString() == u"3"_s);
    CHECK(stored->source == u"monthly return"_s);
    CHECK(demo.session->observations().count().value() == before + 1);
    CHECK(actions(*demo.session, id.value()) == QStringList{u"observation.add"_s});
    checkAuditIntact(*demo.session);

    // Amended (a transition), then taken back: the transition goes with it.
    REQUIRE(entry.amend(id.value(), u"4"_s, u"recounted"_s).ok());
    CHECK(demo.session->observations().find(id.value())->value.toString() == u"4"_s);
    REQUIRE(entry.removeDraft(id.value()).ok());
    CHECK(demo.session->observations().find(id.value()).error().code == dli::ErrorCode::NotFound);
    CHECK(demo.session->observations().transitions(id.value())->isEmpty());
    CHECK(demo.session->observations().count().value() == before);
    checkAuditIntact(*demo.session);

    // Put back under the same id.
    auto again =
        entry.create(input(u"LINKAGES"_s, u"FY2027-Q1"_s, u"SKT-SURG"_s, u"3"_s), id.value());
    REQUIRE(again.ok());
    CHECK(again.value() == id.value());
    CHECK(demo.session->observations().find(id.value())->value.toString() == u"3"_s);
    CHECK(actions(*demo.session, id.value()).contains(u"observation.add"_s));
    checkAuditIntact(*demo.session);
}

TEST_CASE("ObservationEntry: check names the field and the importer's message",
          "[observation-entry]")
{
    dli::test::DemoCopy demo;
    demo.actAs(u"officer"_s);
    ObservationEntry entry(*demo.session, demo.program());
    auto problems = [&](const ObservationInput& in) {
        auto found = entry.check(in);
        REQUIRE(found.ok());
        return texts(found.value());
    };

    CHECK(problems(input(u"LINKAGES"_s, u"FY2027-Q1"_s, u"SKT-SURG"_s, u"3"_s)).isEmpty());
    const QStringList empty = problems(ObservationInput{});
    CHECK(empty.contains(u"indicator: indicator is required"_s));
    CHECK(empty.contains(u"period: period is required"_s));
    CHECK(empty.contains(u"org_unit: org_unit is required"_s));
    CHECK(empty.contains(u"value: value is required"_s));

    const QStringList yearly = problems(input(u"LINKAGES"_s, u"FY2027"_s, u"SKT-SURG"_s, u"3"_s));
    REQUIRE(yearly.size() == 1);
    CHECK(yearly[0].startsWith(u"period: LINKAGES is reported quarterly"_s));

    const QStringList level = problems(input(u"LINKAGES"_s, u"FY2027-Q1"_s, u"SDH"_s, u"3"_s));
    REQUIRE(level.size() == 1);
    CHECK(level[0].startsWith(u"org_unit: LINKAGES is reported per cluster"_s));

    const QStringList category = problems(input(u"JOBS"_s, u"FY2027"_s, u"SKT-SURG"_s, u"3"_s));
    REQUIRE(category.size() == 1);
    CHECK(category[0].startsWith(u"category: JOBS is reported by sex"_s));

    const QStringList value = problems(input(u"LINKAGES"_s, u"FY2027-Q1"_s, u"SKT-SURG"_s, u"x"_s));
    REQUIRE(value.size() == 1);
    CHECK(value[0].startsWith(u"value: "_s));

    const QStringList negative =
        problems(input(u"LINKAGES"_s, u"FY2027-Q1"_s, u"SKT-SURG"_s, u"-2"_s));
    REQUIRE(negative.size() == 1);
    CHECK(negative[0] == u"value: -2 cannot be negative"_s);

    const QStringList outside =
        problems(input(u"LINKAGES"_s, u"FY2031-Q1"_s, u"SKT-SURG"_s, u"2"_s));
    REQUIRE(outside.size() == 1);
    CHECK(outside[0].startsWith(u"period: FY2031-Q1 lies outside the program"_s));

    // One observation per key.
    const QStringList twice = problems(input(u"LINKAGES"_s, u"FY2024-Q1"_s, u"SKT-SURG"_s, u"2"_s));
    REQUIRE(twice.size() == 1);
    CHECK(
        twice[0].startsWith(u"(row): LINKAGES, FY2024-Q1, SKT-SURG is already in the database"_s));

    // The program's rules, over the figures as they would stand.
    REQUIRE(entry.create(input(u"TRAINED_ALL"_s, u"FY2027-Q1"_s, u"SDH"_s, u"10"_s)).ok());
    auto rule = entry.check(input(u"TRAINED_W"_s, u"FY2027-Q1"_s, u"SDH"_s, u"50"_s));
    REQUIRE(rule.ok());
    // VR1, and VR2 over the share computed from the same figures.
    REQUIRE(rule->size() == 2);
    CHECK(rule->at(0).field == u"value"_s);
    CHECK(rule->at(0).severity == dli::Severity::Error);
    CHECK(
        rule->at(0).message ==
        u"rule VR1 for FY2027-Q1 at SDH: More women trained than people trained (50 against 10)"_s);
    auto refused = entry.create(input(u"TRAINED_W"_s, u"FY2027-Q1"_s, u"SDH"_s, u"50"_s));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().details.size() == 2);
    CHECK(refused.error().details[0].startsWith(u"value: rule VR1"_s));
    CHECK(refused.error().details[1].startsWith(u"value: rule VR2"_s));
    CHECK(entry.create(input(u"TRAINED_W"_s, u"FY2027-Q1"_s, u"SDH"_s, u"5"_s)).ok());
}

TEST_CASE("ObservationEntry: amend checks the new value; removeDraft keeps what is not a fresh "
          "draft of one's own",
          "[observation-entry]")
{
    dli::test::DemoCopy demo;
    demo.actAs(u"officer"_s);
    ObservationEntry entry(*demo.session, demo.program());
    // A draft of women trained, and the people trained at the same centre and quarter.
    QString trainedW;
    dli::Decimal value;
    dli::Decimal people;
    const auto all = demo.session->observations().all().value();
    for (const auto& w : all) {
        if (w.indicator != u"TRAINED_W"_s || w.state != u"draft"_s || !trainedW.isEmpty())
            continue;
        for (const auto& a : all) {
            if (a.indicator == u"TRAINED_ALL"_s && a.period == w.period && a.orgUnit == w.orgUnit &&
                a.state != u"rejected"_s && w.value <= a.countedValue()) {
                trainedW = w.id;
                value = w.value;
                people = a.countedValue();
            }
        }
    }
    REQUIRE_FALSE(trainedW.isEmpty());
    const QString tooMany = (people + dli::Decimal::fromInt(100)).toString();
    auto refused = entry.amend(trainedW, tooMany);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().details.join(u'\n').contains(u"rule VR1"_s));
    CHECK(demo.session->observations().find(trainedW)->value == value);
    const dli::Status amended = entry.amend(trainedW, u"1"_s, u"recount"_s);
    INFO((amended ? QString() : amended.error().text()).toStdString());
    REQUIRE(amended.ok());
    CHECK(demo.session->observations().find(trainedW)->value.toString() == u"1"_s);
    CHECK(demo.session->observations().find(trainedW)->note == u"recount"_s);

    // Not of one's own (the demo's officer reported it, and "other" is another officer).
    demo.addUser(u"other"_s, {dli::Role::Officer});
    auto id = entry.create(input(u"LINKAGES"_s, u"FY2027-Q1"_s, u"SKT-SURG"_s, u"3"_s));
    REQUIRE(id.ok());
    demo.actAs(u"other"_s);
    CHECK(entry.removeDraft(id.value()).error().code == dli::ErrorCode::Forbidden);
    demo.actAs(u"viewer"_s);
    CHECK(entry.removeDraft(id.value()).error().code == dli::ErrorCode::Forbidden);
    CHECK(entry.create(input(u"LINKAGES"_s, u"FY2027-Q2"_s, u"SKT-SURG"_s, u"3"_s)).error().code ==
          dli::ErrorCode::Forbidden);
    demo.actAs(u"officer"_s);
    // With evidence it stays.
    demo.attachEvidence(id.value());
    CHECK(entry.removeDraft(id.value()).error().code == dli::ErrorCode::Conflict);
    // Submitted, it stays.
    dli::Workflow workflow(*demo.session, demo.program());
    REQUIRE(workflow.submit(id.value()).ok());
    CHECK(entry.removeDraft(id.value()).error().code == dli::ErrorCode::Forbidden);
    CHECK(demo.session->observations().find(id.value()).ok());
    checkAuditIntact(*demo.session);
}
