// The demo's accounts and its observations' way through the verification workflow: submitted,
// verified by someone other than the reporter, one sample with a few failures, a rejection, a
// query, and a verified correction that supersedes the figure it corrects.
#include "core/auth/auth.h"
#include "core/io/demo.h"
#include "core/io/demo_data.h"
#include "core/io/demo_timeline.h"
#include "core/storage/session.h"
#include "core/workflow/samples.h"
#include "core/workflow/workflow.h"

#include <QCryptographicHash>
#include <memory>

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

// A number in [lo, hi] that depends only on the key, for the demo's delays.
int spread(const QString& key, int lo, int hi)
{
    const QByteArray h = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
    const quint32 n = (quint32(quint8(h[0])) << 24) | (quint32(quint8(h[1])) << 16) |
                      (quint32(quint8(h[2])) << 8) | quint32(quint8(h[3]));
    return lo + static_cast<int>(n % quint32(hi - lo + 1));
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

Status DemoData::planWorkflow(Session& session, const Program& program, DemoTimeline& timeline)
{
    const int sm = program.fiscalYearStartMonth;
    auto workflow = std::make_shared<Workflow>(session, program);
    QList<Observation> all;
    DLI_ASSIGN(all, session.observations().all());

    // The officer submits everything up to FY2026-Q3 (one return, all its figures, at once) a few
    // days after entering it; figures without the evidence their protocol asks for stay drafts.
    const Period lastSubmitted = Period::quarter(2026, 3);
    QHash<QString, QDateTime> submittedAt;
    for (const Observation& o : std::as_const(all)) {
        if (o.period.isQuarter() ? o.period > lastSubmitted : o.period.fiscalYear() > 2025)
            continue;
        const QString ret = o.period.code() + u'|' + o.orgUnit;
        const QDateTime at(o.createdAt.toUTC().date().addDays(spread(ret, 1, 3)),
                           QTime(9, 30).addSecs(60 * spread(ret, 0, 390)), Qt::UTC);
        submittedAt.insert(o.id, at);
        timeline.at(at, u"officer"_s, [workflow, id = o.id]() -> Status {
            if (auto s = workflow->submit(id); !s && s.error().code != ErrorCode::Forbidden)
                return s;
            return {};
        });
    }
    auto stillSubmitted = [&session](const QString& id) {
        auto o = session.observations().find(id);
        return o && o.value().state == State::Submitted;
    };
    auto planned = [&](const std::function<bool(const Observation&)>& wanted) {
        const Observation* o = findFirst(
            all, [&](const Observation& x) { return submittedAt.contains(x.id) && wanted(x); });
        return o ? o->id : QString();
    };

    // The verifier queries one figure and rejects another some days after they come in.
    const QString queried = planned([](const Observation& o) {
        return o.indicator == u"TRAINED_ALL"_s && o.period == Period::quarter(2024, 3) &&
               o.orgUnit == u"ADRC"_s;
    });
    if (!queried.isEmpty())
        timeline.at(submittedAt.value(queried).addDays(12), u"verifier"_s, [=]() -> Status {
            if (!stillSubmitted(queried))
                return {};
            return workflow->query(queried,
                                   u"Rule VR1: more women trained than trainees in all; check "
                                   "the attendance sheets and correct the figure"_s);
        });
    const QString rejected = planned([](const Observation& o) {
        return o.indicator == u"LINKAGES"_s && o.period == Period::quarter(2025, 3);
    });
    if (!rejected.isEmpty())
        timeline.at(submittedAt.value(rejected).addDays(20), u"verifier"_s, [=]() -> Status {
            if (!stillSubmitted(rejected))
                return {};
            return workflow->reject(rejected, u"The purchase orders on file do not match the "
                                              "signed supply agreements"_s);
        });

    // A field round on one figure: the sample drawn three days after it comes in, the visits'
    // outcomes entered two days later, the sample closed the day after.
    const QString sampled = planned([](const Observation& o) {
        return o.indicator == u"FIRMS_UPGRADE"_s && o.period == Period::quarter(2025, 2) &&
               o.orgUnit == u"SKT-SURG"_s;
    });
    if (!sampled.isEmpty()) {
        auto samples = std::make_shared<Samples>(session, program);
        auto sampleId = std::make_shared<QString>();
        const QDateTime drawn(submittedAt.value(sampled).date().addDays(3), QTime(10, 0), Qt::UTC);
        timeline.at(drawn, u"verifier"_s, [=]() -> Status {
            if (!stillSubmitted(sampled))
                return {};
            Sample s;
            DLI_ASSIGN(s, samples->draw(sampled, u"IVA-2025-field-round-1"_s));
            *sampleId = s.id;
            return {};
        });
        timeline.at(drawn.addDays(2).addSecs(5 * 3600), u"verifier"_s, [=]() -> Status {
            if (sampleId->isEmpty())
                return {};
            Sample s;
            DLI_ASSIGN(s, samples->find(*sampleId));
            // A few firms the field visits could not confirm, within the protocol's error rate.
            const int failures = static_cast<int>(s.items.size()) / 20 + 1;
            for (qsizetype i = 0; i < s.items.size(); ++i) {
                const bool fails = i < failures;
                DLI_TRY(samples->record(s.id, s.items[i].key,
                                        !fails       ? SampleOutcome::Confirmed
                                        : i % 2 == 0 ? SampleOutcome::NotConfirmed
                                                     : SampleOutcome::NotFound,
                                        fails ? u"No upgrade seen at the visit"_s : QString()));
            }
            return {};
        });
        timeline.at(drawn.addDays(3), u"verifier"_s, [=]() -> Status {
            if (sampleId->isEmpty())
                return {};
            Sample closed;
            DLI_ASSIGN(closed, samples->close(*sampleId));
            return {};
        });
    }

    // The verifier verifies what is still submitted, up to FY2026-Q1, when the agent's report
    // comes in: some six weeks after the period closed, and at least ten days after the figure
    // was submitted (an annual survey's return comes late).
    for (const Observation& o : std::as_const(all)) {
        if (!submittedAt.contains(o.id) || o.period.start(sm) > Period::quarter(2026, 1).start(sm))
            continue;
        const QDate on =
            std::max(o.period.end(sm).addDays(45), submittedAt.value(o.id).date().addDays(10));
        const QDateTime at(on, QTime(10, 0).addSecs(60 * spread(o.id, 0, 300)), Qt::UTC);
        timeline.at(at, u"verifier"_s, [=]() -> Status {
            if (!stillSubmitted(o.id))
                return {};
            Workflow::VerifyRequest r;
            r.id = o.id;
            r.method = VerificationMethod::DeskReview;
            r.date = on;
            Verification v;
            DLI_ASSIGN(v, workflow->verify(r));
            return {};
        });
    }

    // A verified figure found wrong later: the officer corrects it, the verifier verifies the
    // correction two weeks later, and the first one stops counting.
    const QString wrong = planned([](const Observation& o) {
        return o.indicator == u"LINKAGES"_s && o.period == Period::quarter(2024, 4);
    });
    if (!wrong.isEmpty()) {
        auto replacement = std::make_shared<QString>();
        const QDateTime corrected(QDate(2026, 6, 8), QTime(10, 15), Qt::UTC);
        timeline.at(corrected, u"officer"_s, [=, &session]() -> Status {
            auto o = session.observations().find(wrong);
            if (!o)
                return o.error();
            if (o.value().state != State::Verified)
                return {};
            DLI_ASSIGN(*replacement,
                       workflow->supersede(wrong, o.value().value + Decimal::fromInt(1),
                                           u"One supply agreement was signed in the quarter but "
                                           "entered late"_s));
            return workflow->submit(*replacement);
        });
        timeline.at(corrected.addDays(14), u"verifier"_s, [=]() -> Status {
            if (replacement->isEmpty())
                return {};
            Workflow::VerifyRequest r;
            r.id = *replacement;
            r.method = VerificationMethod::ThirdPartyReport;
            r.date = corrected.addDays(14).date();
            Verification v;
            DLI_ASSIGN(v, workflow->verify(r));
            return {};
        });
    }
    return {};
}

} // namespace dli
