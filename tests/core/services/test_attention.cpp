// What waits for someone, counted for the dashboard: the same numbers as `observations --state
// submitted`, `validate` and `reconcile` give on the demo.
#include "core/model/verification.h"
#include "core/workflow/attention.h"
#include "core/workflow/workflow.h"
#include "trust_support.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::DemoCopy;

TEST_CASE("Attention counts on the demo", "[attention]")
{
    DemoCopy d;
    QElapsedTimer timer;
    timer.start();
    auto counts = Attention::count(*d.session, d.program());
    const qint64 ms = timer.elapsed();
    REQUIRE(counts.ok());
    WARN("Attention::count on the demo: " << ms << " ms");
    CHECK(counts->awaitingVerification == 46);
    CHECK(counts->validationErrors == 4);
    CHECK(counts->validationWarnings == 1);
    CHECK(counts->reconciliationFindings == 4);

    SECTION("a verification leaves one figure fewer waiting")
    {
        auto all = d.session->observations().all();
        REQUIRE(all.ok());
        QString id;
        for (const Observation& o : all.value()) {
            if (o.state == ObservationState::Submitted && o.reporter != u"verifier"_s) {
                id = o.id;
                break;
            }
        }
        REQUIRE_FALSE(id.isEmpty());
        d.actAs(u"verifier"_s);
        Workflow::VerifyRequest request;
        request.id = id;
        const auto verified = Workflow(*d.session, d.program()).verify(request);
        if (!verified)
            FAIL(verified.error().text().toStdString());
        auto after = Attention::count(*d.session, d.program());
        REQUIRE(after.ok());
        CHECK(after->awaitingVerification == 45);
    }
}
