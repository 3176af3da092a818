// The demo's accounts and its observations' way through the verification workflow: submitted,
// verified by someone other than the reporter, one sample with a few failures, a rejection, a
// query, and a verified correction that supersedes the figure it corrects.
#include "core/auth/auth.h"
#include "core/io/demo.h"
#include "core/io/demo_data.h"
#include "core/storage/session.h"
#include "core/workflow/samples.h"
#include "core/workflow/workflow.h"

using namespace Qt::StringLiterals;
namespace State = dli::ObservationState;

namespace dli {

namespace {

const Observation* findFirst(const QList<Observation>& all,
                             const std::function<bool(const Observation&)>& wanted)
{
    for (const Observation& o : all) {
        if (wanted(o))
            return &o;
    }
    return nullptr;
}

Result<User> actAs(Session& session, const QString& name)
{
    auto user = session.users().find(name);
    if (!user)
        return user.error();
    if (!user.value())
        return Error(ErrorCode::NotFound, u"demo user "_s + name);
    session.setCurrentUser(*user.value());
    return *user.value();
}

} // namespace

const QList<Demo::Account>& Demo::accounts()
{
    static const QList<Account> list{
        {u"admin"_s, u"Demo administrator"_s, Role::Admin},
        {u"officer"_s, u"Demo M&E officer"_s, Role::Officer},
        {u"verifier"_s, u"Demo verifier (IVA)"_s, Role::Verifier},
        {u"manager"_s, u"Demo programme manager"_s, Role::Manager},
        {u"viewer"_s, u"Demo reader"_s, Role::Viewer},
    };
    return list;
}

QString Demo::password()
{
    return u"psic-demo"_s;
}

Status DemoData::addAccounts(Session& session)
{
    for (const Demo::Account& a : Demo::accounts()) {
        User u;
        u.name = a.name;
        u.fullName = a.fullName;
        u.roles = {a.role};
        DLI_TRY(Auth::addUser(session, u, Demo::password()));
        if (a.role == Role::Admin) {
            User admin;
            DLI_ASSIGN(admin, actAs(session, a.name));
        }
    }
    return {};
}

Status DemoData::runWorkflow(Session& session, const Program& program)
{
    const int sm = program.fiscalYearStartMonth;
    const QDate today = session.options().now().date();
    Workflow workflow(session, program);
    User who;

    // The officer submits everything up to FY2026-Q3 that has the evidence its protocol asks for.
    DLI_ASSIGN(who, actAs(session, u"officer"_s));
    QList<Observation> all;
    DLI_ASSIGN(all, session.observations().all());
    const Period lastSubmitted = Period::quarter(2026, 3);
    for (const Observation& o : all) {
        if (o.period.isQuarter() ? o.period > lastSubmitted : o.period.fiscalYear() > 2025)
            continue;
        if (auto s = workflow.submit(o.id); !s && s.error().code != ErrorCode::Forbidden)
            return s;
    }

    // The verifier decides on everything submitted up to FY2026-Q1; the rest awaits them.
    DLI_ASSIGN(who, actAs(session, u"verifier"_s));
    DLI_ASSIGN(all, session.observations().all());
    auto submitted = [](const Observation& o) {
        return o.state == State::Submitted;
    };
    const Observation* queried = findFirst(all, [&](const Observation& o) {
        return submitted(o) && o.indicator == u"TRAINED_ALL"_s &&
               o.period == Period::quarter(2024, 3) && o.orgUnit == u"ADRC"_s;
    });
    const Observation* rejected = findFirst(all, [&](const Observation& o) {
        return submitted(o) && o.indicator == u"LINKAGES"_s && o.period == Period::quarter(2025, 3);
    });
    const Observation* sampled = findFirst(all, [&](const Observation& o) {
        return submitted(o) && o.indicator == u"FIRMS_UPGRADE"_s &&
               o.period == Period::quarter(2025, 2) && o.orgUnit == u"SKT-SURG"_s;
    });
    const QString queriedId = queried ? queried->id : QString();
    const QString rejectedId = rejected ? rejected->id : QString();
    const QString sampledId = sampled ? sampled->id : QString();
    if (!queriedId.isEmpty())
        DLI_TRY(workflow.query(queriedId,
                               u"Rule VR1: more women trained than trainees in all; check the "
                               "attendance sheets and correct the figure"_s));
    if (!rejectedId.isEmpty())
        DLI_TRY(workflow.reject(rejectedId,
                                u"The purchase orders on file do not match the signed supply "
                                "agreements"_s));
    if (!sampledId.isEmpty()) {
        Samples samples(session, program);
        Sample s;
        DLI_ASSIGN(s, samples.draw(sampledId, u"IVA-2025-field-round-1"_s));
        // A few firms the field visits could not confirm, within the protocol's error rate.
        const int failures = static_cast<int>(s.items.size()) / 20 + 1;
        for (qsizetype i = 0; i < s.items.size(); ++i) {
            const bool fails = i < failures;
            DLI_TRY(samples.record(s.id, s.items[i].key,
                                   !fails       ? SampleOutcome::Confirmed
                                   : i % 2 == 0 ? SampleOutcome::NotConfirmed
                                                : SampleOutcome::NotFound,
                                   fails ? u"No upgrade seen at the visit"_s : QString()));
        }
        Sample closed;
        DLI_ASSIGN(closed, samples.close(s.id));
    }
    DLI_ASSIGN(all, session.observations().all());
    for (const Observation& o : all) {
        if (o.state != State::Submitted || o.period.start(sm) > Period::quarter(2026, 1).start(sm))
            continue;
        Workflow::VerifyRequest r;
        r.id = o.id;
        r.method = VerificationMethod::DeskReview;
        // The agent's report came some six weeks after the period closed.
        r.date = std::min(o.period.end(sm).addDays(45), today);
        DLI_TRY(workflow.verify(r));
    }

    // A verified figure found wrong later: the officer corrects it, the verifier verifies the
    // correction, and the first one stops counting.
    DLI_ASSIGN(who, actAs(session, u"officer"_s));
    DLI_ASSIGN(all, session.observations().all());
    const Observation* wrong = findFirst(all, [](const Observation& o) {
        return o.state == State::Verified && o.indicator == u"LINKAGES"_s &&
               o.period == Period::quarter(2024, 4);
    });
    if (wrong) {
        QString replacement;
        DLI_ASSIGN(replacement,
                   workflow.supersede(wrong->id, wrong->value + Decimal::fromInt(1),
                                      u"One supply agreement was signed in the quarter but "
                                      "entered late"_s));
        DLI_TRY(workflow.submit(replacement));
        DLI_ASSIGN(who, actAs(session, u"verifier"_s));
        Workflow::VerifyRequest r;
        r.id = replacement;
        r.method = VerificationMethod::ThirdPartyReport;
        r.date = today;
        DLI_TRY(workflow.verify(r));
    }
    return {};
}

} // namespace dli
