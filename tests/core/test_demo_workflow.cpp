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
