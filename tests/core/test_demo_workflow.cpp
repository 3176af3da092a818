// The demo as the verification issue extends it: accounts, every workflow state, a closed
// sample, and an intact audit log.
#include "core/io/demo.h"
#include "core/storage/session.h"
#include "core/workflow/samples.h"
#include "support/test_support.h"

using namespace Qt::StringLiterals;
using namespace dli;

namespace {

std::unique_ptr<Session> demoSession(const test::TempDir& dir)
{
    const QString path = dir.path(u"demo.dlit"_s);
    const Status created = Demo::create(path);
    INFO((created ? QString() : created.error().text()).toStdString());
    REQUIRE(created.ok());
    auto s = Session::open(path);
    REQUIRE(s.ok());
    return std::move(s).value();
}

} // namespace

TEST_CASE("Demo: observations in every state, each verified by someone other than its reporter",
          "[demo][workflow]")
{
    test::TempDir dir;
    auto s = demoSession(dir);
    auto all = s->observations().all();
    REQUIRE(all.ok());
    QHash<QString, int> states;
    for (const Observation& o : all.value()) {
        ++states[o.state];
        if (o.state == u"verified"_s) {
            auto v = s->observations().verification(o.id);
            REQUIRE(v.ok());
            REQUIRE(v.value().has_value());
            CHECK(v.value()->verifier != o.reporter);
        }
    }
    for (const QString& state : {u"draft"_s, u"submitted"_s, u"verified"_s, u"rejected"_s,
                                 u"queried"_s, u"superseded"_s}) {
        INFO(state.toStdString());
        CHECK(states.value(state) > 0);
    }
}

TEST_CASE("Demo: one closed sample with a few failures, within the protocol's error rate",
          "[demo][samples]")
{
    test::TempDir dir;
    auto s = demoSession(dir);
    auto program = s->programs().load();
    REQUIRE(program.ok());
    auto ids = s->database().prepare(u"SELECT id FROM samples"_s);
    REQUIRE(ids.ok());
    REQUIRE(ids->step().value());
    Samples samples(*s, program.value());
    auto sample = samples.find(ids->text(0));
    REQUIRE(sample.ok());
    CHECK(sample->state == u"closed"_s);
    CHECK(sample->outcome == u"verified"_s);
    REQUIRE(sample->failed.has_value());
    CHECK(*sample->failed > 0);
    CHECK(*sample->failed * 10 <= sample->size); // DLI3 accepts at most 10%
    auto o = s->observations().find(sample->observationId);
    REQUIRE(o.ok());
    REQUIRE(o->verifiedValue.has_value());
    CHECK(*o->verifiedValue == Samples::verifiedValue(o->value, *sample->failed, sample->size));
    CHECK(*o->verifiedValue < o->value);
}

TEST_CASE("Demo: the audit log is intact", "[demo][audit]")
{
    test::TempDir dir;
    auto s = demoSession(dir);
    auto report = s->audit().verify();
    REQUIRE(report.ok());
    INFO(report->problems.join(u'\n').toStdString());
    CHECK(report->problems.isEmpty());
    CHECK(report->entries > 100);
    CHECK(report->head.size() == 64);
}

TEST_CASE("Demo: its story runs in time, each step at a believable moment", "[demo][audit]")
{
    test::TempDir dir;
    auto s = demoSession(dir);
    auto rows = [&s](const QString& sql) {
        auto q = s->database().prepare(sql);
        REQUIRE(q.ok());
        QStringList out;
        while (q->step().value())
            out << q->text(0);
        return out;
    };

    // The audit log never goes back in time, and the story ends before the demo's moment.
    CHECK(rows(u"SELECT count(*) FROM (SELECT at, lag(at) OVER (ORDER BY seq) AS before "
               "FROM audit_log) WHERE at < before"_s) == QStringList{u"0"_s});
    const QStringList last = rows(u"SELECT max(at) FROM audit_log"_s);
    REQUIRE(last.size() == 1);
    CHECK(last.first() <= Demo::fixedNow().toString(Qt::ISODateWithMs));

    // Each return submitted one to three days after it was entered (a correction goes in as it
    // is made), spread over the program's quarters rather than all at once.
    CHECK(rows(u"SELECT count(*) FROM transitions t JOIN observations o ON o.id = t.observation_id "
               "WHERE t.to_state = 'submitted' AND o.replaces IS NULL AND julianday(date(t.at)) - "
               "julianday(date(o.created_at)) NOT BETWEEN 1 AND 3"_s) == QStringList{u"0"_s});
    const QStringList months =
        rows(u"SELECT DISTINCT substr(at, 1, 7) FROM transitions WHERE to_state = 'submitted'"_s);
    CHECK(months.size() >= 12);

    // A verification recorded on the day it is dated; a decision on money on its date.
    CHECK(rows(u"SELECT count(*) FROM verifications WHERE substr(recorded_at, 1, 10) <> "
               "verified_on"_s) == QStringList{u"0"_s});
    CHECK(rows(u"SELECT count(*) FROM events WHERE substr(recorded_at, 1, 10) <> date"_s) ==
          QStringList{u"0"_s});
}
