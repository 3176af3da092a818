// The verification workflow as the core enforces it, whatever the screen: the state machine,
// the roles, the four-eyes rule, the evidence requirement, the verification date, reasons, and
// the replacement of a verified figure. A refused action changes nothing.
#include "core/engine/value_calculator.h"
#include "core/workflow/workflow.h"
#include "trust_support.h"

using namespace Qt::StringLiterals;
using namespace dli;
namespace State = dli::ObservationState;

namespace {

// Late enough that every quarter of FY2027 and the first of FY2028 have begun.
const QDateTime kNow(QDate(2027, 10, 15), QTime(9, 0), Qt::UTC);

// A verification request, built up from the observation's id.
struct Req : Workflow::VerifyRequest {
    explicit Req(const QString& observationId) { id = observationId; }
    Req& on(const QDate& d)
    {
        date = d;
        return *this;
    }
    Req& by(VerificationMethod m)
    {
        method = m;
        return *this;
    }
    Req& valued(const Decimal& v, const QString& why = {})
    {
        value = v;
        reason = why;
        return *this;
    }
};

// A copy of the demo with fresh LINKAGES observations (a DLI whose protocol asks for no
// evidence) on keys the demo does not use: six clusters x five quarters.
struct Flow : test::DemoCopy {
    Flow() : test::DemoCopy(kNow) {}

    Workflow workflow() { return Workflow(*session, program()); }

    // A new draft on the next free key, reported by `reporter`.
    QString fresh(const Decimal& value = Decimal::fromInt(10),
                  const QString& reporter = u"officer"_s)
    {
        static const QStringList clusters{u"SKT-SURG"_s, u"SKT-SPRT"_s, u"LHR-RMG"_s,
                                          u"LHR-FTW"_s,  u"LHR-AUTO"_s, u"GRW-LENG"_s};
        const int n = m_next++;
        REQUIRE(n < 30);
        const Period period =
            n / 6 < 4 ? Period::quarter(2027, n / 6 + 1) : Period::quarter(2028, 1);
        return draft(u"LINKAGES"_s, period, clusters[n % 6], value, reporter);
    }

    // A new observation brought to `state` by the demo's officer and verifier.
    QString inState(const QString& state)
    {
        const std::optional<User> before = session->currentUser();
        const QString id = fresh();
        auto w = workflow();
        if (state != State::Draft) {
            actAs(u"officer"_s);
            ok(w.submit(id));
        }
        actAs(u"verifier"_s);
        if (state == State::Verified || state == State::Superseded)
            ok(w.verify(Req(id)));
        else if (state == State::Rejected)
            ok(w.reject(id, u"not backed by the agreements on file"_s));
        else if (state == State::Queried)
            ok(w.query(id, u"check the purchase orders"_s));
        QString out = id;
        if (state == State::Superseded) {
            actAs(u"officer"_s);
            auto replacement = w.supersede(id, Decimal::fromInt(11), u"one more agreement"_s);
            REQUIRE(replacement.ok());
            ok(w.submit(replacement.value()));
            actAs(u"verifier"_s);
            ok(w.verify(Req(replacement.value())));
        }
        REQUIRE(this->state(out) == state);
        if (before)
            session->setCurrentUser(*before);
        return out;
    }

    template <typename T> static void ok(const Result<T>& r)
    {
        if (!r)
            FAIL(r.error().text().toStdString());
    }

    Observation find(const QString& id)
    {
        auto o = session->observations().find(id);
        REQUIRE(o.ok());
        return o.value();
    }

private:
    int m_next = 0;
};

template <typename T> Error refused(const Result<T>& r, ErrorCode code)
{
    REQUIRE_FALSE(r.ok());
    INFO(r.error().text().toStdString());
    CHECK(r.error().code == code);
    return r.error();
}

// Each action the workflow offers, as one call on an observation.
struct Action {
    QString name;
    QString role; // who tries it: the demo account holding the role
    std::function<Status(Workflow&, const QString&)> run;
};

QList<Action> actions()
{
    auto status = [](auto r) -> Status {
        return r ? Status() : Status(r.error());
    };
    return {
        {u"submit"_s, u"officer"_s,
         [](Workflow& w, const QString& id) {
             return w.submit(id);
         }},
        {u"amend"_s, u"officer"_s,
         [](Workflow& w, const QString& id) {
             return w.amend(id, Decimal::fromInt(99));
         }},
        {u"verify"_s, u"verifier"_s,
         [status](Workflow& w, const QString& id) {
             return status(w.verify(Req(id)));
         }},
        {u"reject"_s, u"verifier"_s,
         [](Workflow& w, const QString& id) {
             return w.reject(id, u"a reason"_s);
         }},
        {u"query"_s, u"verifier"_s,
         [](Workflow& w, const QString& id) {
             return w.query(id, u"a question"_s);
         }},
        {u"supersede"_s, u"officer"_s,
         [status](Workflow& w, const QString& id) {
             return status(w.supersede(id, Decimal::fromInt(98), u"a correction"_s));
         }},
    };
}

// What each action leads to from each state; absent: refused.
const QHash<QString, QHash<QString, QString>>& allowed()
{
    static const QHash<QString, QHash<QString, QString>> table{
        {State::Draft, {{u"submit"_s, State::Submitted}, {u"amend"_s, State::Draft}}},
        {State::Submitted,
         {{u"verify"_s, State::Verified},
          {u"reject"_s, State::Rejected},
          {u"query"_s, State::Queried}}},
        {State::Queried, {{u"submit"_s, State::Submitted}, {u"amend"_s, State::Queried}}},
        // A replacement leaves the original as it is until the replacement is verified.
        {State::Verified, {{u"supersede"_s, State::Verified}}},
        {State::Rejected, {{u"supersede"_s, State::Rejected}}},
        {State::Superseded, {}},
    };
    return table;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The state machine

TEST_CASE("Workflow: every action refused in a state is Forbidden and changes nothing",
          "[workflow][states]")
{
    Flow f;
    QHash<QString, QString> ids;
    for (const QString& state : allowed().keys())
        ids.insert(state, f.inState(state));
    const QStringList before = f.dump();
    int refusals = 0;
    for (const QString& state : allowed().keys()) {
        for (const Action& a : actions()) {
            if (allowed()[state].contains(a.name))
                continue;
            INFO(a.name.toStdString() << " on a " << state.toStdString() << " observation");
            f.actAs(a.role);
            Workflow w = f.workflow();
            const Status s = a.run(w, ids[state]);
            const Error e = refused(s, ErrorCode::Forbidden);
            CHECK(e.message.contains(u"workflow"_s));
            CHECK(e.message.contains(state));
            CHECK(f.state(ids[state]) == state);
            ++refusals;
        }
    }
    CHECK(refusals == 6 * 6 - 9);
    CHECK(f.dump() == before);
}

TEST_CASE("Workflow: every allowed action moves the observation as the diagram says",
          "[workflow][states]")
{
    Flow f;
    for (const QString& state : allowed().keys()) {
        for (auto it = allowed()[state].begin(); it != allowed()[state].end(); ++it) {
            INFO(it.key().toStdString() << " on a " << state.toStdString() << " observation");
            const QString id = f.inState(state);
            const Action* action = nullptr;
            const QList<Action> all = actions();
            for (const Action& a : all) {
                if (a.name == it.key())
                    action = &a;
            }
            REQUIRE(action);
            f.actAs(action->role);
            Workflow w = f.workflow();
            const Status s = action->run(w, id);
            INFO((s ? QString() : s.error().text()).toStdString());
            REQUIRE(s.ok());
            CHECK(f.state(id) == it.value());
        }
    }
}

TEST_CASE("Workflow: draft, submit, query, amend, submit, verify: each step a transition and an "
          "audit entry",
          "[workflow][states]")
{
    Flow f;
    const QString id = f.fresh(Decimal::fromInt(7));
    Workflow w = f.workflow();
    f.actAs(u"officer"_s);
    REQUIRE(w.amend(id, Decimal::fromInt(8), u"recounted"_s).ok());
    REQUIRE(w.submit(id).ok());
    f.actAs(u"verifier"_s);
    REQUIRE(w.query(id, u"  which agreements?  "_s).ok());
    f.actAs(u"officer"_s);
    REQUIRE(w.amend(id, Decimal::fromInt(6)).ok());
    CHECK(f.find(id).note == u"recounted"_s); // an amendment without a note keeps the note
    REQUIRE(w.submit(id).ok());
    f.advance(3600);
    f.actAs(u"verifier"_s);
    auto v = w.verify(Req(id));
    REQUIRE(v.ok());

    const Observation o = f.find(id);
    CHECK(o.state == State::Verified);
    CHECK(o.value == Decimal::fromInt(6));
    REQUIRE(o.verifiedValue.has_value());
    CHECK(*o.verifiedValue == Decimal::fromInt(6));
    CHECK(o.verifiedOn == kNow.date());

    auto transitions = f.session->observations().transitions(id);
    REQUIRE(transitions.ok());
    QStringList steps;
    for (const Transition& t : transitions.value())
        steps << t.action + u':' + t.fromState + u'>' + t.toState + u':' + t.user;
    CHECK(steps == QStringList{u"amend:draft>draft:officer"_s, u"submit:draft>submitted:officer"_s,
                               u"query:submitted>queried:verifier"_s,
                               u"amend:queried>queried:officer"_s,
                               u"submit:queried>submitted:officer"_s,
                               u"verify:submitted>verified:verifier"_s});
    const QList<Transition>& t = transitions.value();
    CHECK(t[0].oldValue == Decimal::fromInt(7));
    CHECK(t[0].newValue == Decimal::fromInt(8));
    CHECK(t[2].reason == u"which agreements?"_s);
    CHECK_FALSE(t[1].oldValue.has_value());
    CHECK(t[5].at == kNow.addSecs(3600));

    // Every step is in the audit log under the user who took it, with the state before and
    // after; the log stays intact.
    AuditLog::Filter filter;
    filter.table = u"observations"_s;
    filter.rowId = id;
    auto entries = f.session->audit().entries(filter);
    REQUIRE(entries.ok());
    QStringList logged;
    for (const AuditEntry& e : entries.value()) {
        if (e.action.startsWith(u"observation."_s))
            logged << e.action + u':' + e.user;
    }
    CHECK(logged == QStringList{u"observation.amend:officer"_s, u"observation.submit:officer"_s,
                                u"observation.query:verifier"_s, u"observation.amend:officer"_s,
                                u"observation.submit:officer"_s, u"observation.verify:verifier"_s});
    const AuditEntry& query = entries->at(entries->size() - 4);
    CHECK(query.action == u"observation.query"_s);
    CHECK(query.oldValues.contains("\"state\":\"submitted\""));
    CHECK(query.newValues.contains("\"state\":\"queried\""));
    CHECK(query.details.contains("which agreements?"));
    auto report = f.session->audit().verify();
    REQUIRE(report.ok());
    INFO(report->problems.join(u'\n').toStdString());
    CHECK(report->problems.isEmpty());
}

TEST_CASE("Workflow: submitAll submits drafts and queried ones, and skips what it may not",
          "[workflow][states]")
{
    Flow f;
    const QString draft = f.fresh();
    const QString queried = f.inState(State::Queried);
    const QString verified = f.inState(State::Verified);
    const QString days =
        f.draft(u"DAYS_REG"_s, Period::quarter(2027, 2), u"PB"_s, Decimal::fromInt(12));
    f.actAs(u"verifier"_s);
    Workflow w = f.workflow();
    refused(w.submitAll(), ErrorCode::Forbidden);
    f.actAs(u"officer"_s);
    auto done = w.submitAll({}, Period::quarter(2027, 1));
    REQUIRE(done.ok());
    CHECK(done->submitted.contains(draft));
    CHECK(done->submitted.contains(queried));
    CHECK_FALSE(done->submitted.contains(verified));
    CHECK(f.state(draft) == State::Submitted);
    CHECK(f.state(queried) == State::Submitted);
    CHECK(f.state(days) == State::Draft); // another period

    auto rest = w.submitAll(u"DAYS_REG"_s, Period::quarter(2027, 2));
    REQUIRE(rest.ok());
    CHECK(rest->submitted.isEmpty());
    REQUIRE(rest->skipped.size() == 1);
    CHECK(rest->skipped[0].startsWith(days));
    CHECK(rest->skipped[0].contains(u"evidence"_s));
    CHECK(f.state(days) == State::Draft);
}

// ---------------------------------------------------------------------------------------------
// Roles and four eyes

TEST_CASE("Workflow: each step is for its role", "[workflow][roles]")
{
    Flow f;
    const QString draft = f.fresh();
    const QString submitted = f.inState(State::Submitted);
    const QString verified = f.inState(State::Verified);
    Workflow w = f.workflow();
    const QStringList before = f.dump();
    for (const QString& who : {u"viewer"_s, u"manager"_s, u"verifier"_s, u"admin"_s}) {
        INFO(who.toStdString());
        f.actAs(who);
        const Error e = refused(w.submit(draft), ErrorCode::Forbidden);
        CHECK(e.message.contains(u"officer"_s));
        CHECK(e.message.contains(who));
        refused(w.amend(draft, Decimal::fromInt(3)), ErrorCode::Forbidden);
        refused(w.supersede(verified, Decimal::fromInt(3), u"why"_s), ErrorCode::Forbidden);
        refused(w.submitAll(), ErrorCode::Forbidden);
    }
    for (const QString& who : {u"viewer"_s, u"manager"_s, u"officer"_s, u"admin"_s}) {
        INFO(who.toStdString());
        f.actAs(who);
        const Error e = refused(w.verify(Req(submitted)), ErrorCode::Forbidden);
        CHECK(e.message.contains(u"verifier"_s));
        refused(w.reject(submitted, u"no"_s), ErrorCode::Forbidden);
        refused(w.query(submitted, u"why?"_s), ErrorCode::Forbidden);
    }
    // Without a login, in a database with accounts, nothing moves.
    f.close();
    f.open();
    Workflow anonymous = f.workflow();
    refused(anonymous.submit(draft), ErrorCode::Unauthenticated);
    refused(anonymous.verify(Req(submitted)), ErrorCode::Unauthenticated);
    refused(anonymous.reject(submitted, u"no"_s), ErrorCode::Unauthenticated);
    CHECK(f.dump() == before);
    CHECK(f.state(draft) == State::Draft);
    CHECK(f.state(submitted) == State::Submitted);
}

TEST_CASE("Workflow: the reporter never verifies, rejects or queries their own figure",
          "[workflow][four-eyes]")
{
    Flow f;
    f.addUser(u"dual"_s, {Role::Officer, Role::Verifier});
    const QString id = f.fresh(Decimal::fromInt(10), u"dual"_s);
    Workflow w = f.workflow();
    f.actAs(u"dual"_s);
    REQUIRE(w.submit(id).ok());
    const QStringList before = f.dump();
    const Error verify = refused(w.verify(Req(id)), ErrorCode::Forbidden);
    CHECK(verify.message.contains(u"four eyes"_s));
    CHECK(verify.message.contains(u"dual"_s));
    refused(w.reject(id, u"my own figure"_s), ErrorCode::Forbidden);
    refused(w.query(id, u"my own figure"_s), ErrorCode::Forbidden);
    CHECK(f.dump() == before);
    f.actAs(u"verifier"_s);
    CHECK(w.verify(Req(id)).ok());
    auto v = f.session->observations().verification(id);
    REQUIRE(v.ok());
    REQUIRE(v->has_value());
    CHECK(v->value().verifier == u"verifier"_s);
}

TEST_CASE("Workflow: whoever amended a figure may not verify it, even holding both roles",
          "[workflow][four-eyes]")
{
    Flow f;
    f.addUser(u"dual"_s, {Role::Officer, Role::Verifier});
    Workflow w = f.workflow();

    // Amended as a draft by dual, reported and submitted by the officer.
    const QString amended = f.fresh();
    f.actAs(u"dual"_s);
    REQUIRE(w.amend(amended, Decimal::fromInt(12)).ok());
    f.actAs(u"officer"_s);
    REQUIRE(w.submit(amended).ok());
    f.actAs(u"dual"_s);
    const Error e = refused(w.verify(Req(amended)), ErrorCode::Forbidden);
    CHECK(e.message.contains(u"four eyes"_s));
    refused(w.reject(amended, u"no"_s), ErrorCode::Forbidden);
    refused(w.query(amended, u"why?"_s), ErrorCode::Forbidden);

    // Amended by dual after a query: dual may not decide on it when it comes back either.
    const QString queried = f.inState(State::Queried);
    f.actAs(u"dual"_s);
    REQUIRE(w.amend(queried, Decimal::fromInt(13)).ok());
    REQUIRE(w.submit(queried).ok());
    refused(w.verify(Req(queried)), ErrorCode::Forbidden);

    // A replacement dual wrote is dual's.
    const QString verified = f.inState(State::Verified);
    f.actAs(u"dual"_s);
    auto replacement = w.supersede(verified, Decimal::fromInt(14), u"found a late agreement"_s);
    REQUIRE(replacement.ok());
    REQUIRE(w.submit(replacement.value()).ok());
    refused(w.verify(Req(replacement.value())), ErrorCode::Forbidden);

    // Someone else decides on each.
    f.actAs(u"verifier"_s);
    CHECK(w.verify(Req(amended)).ok());
    CHECK(w.reject(queried, u"still unsupported"_s).ok());
    CHECK(w.verify(Req(replacement.value())).ok());
}

// ---------------------------------------------------------------------------------------------
// Evidence, dates and reasons

TEST_CASE("Workflow: a DLI whose protocol asks for evidence is not submitted without it",
          "[workflow][evidence]")
{
    Flow f;
    Workflow w = f.workflow();
    const VerificationProtocol* days = w.protocolOf(u"DAYS_REG"_s);
    REQUIRE(days);
    REQUIRE(days->evidenceRequired);
    REQUIRE_FALSE(w.protocolOf(u"LINKAGES"_s)->evidenceRequired);

    const QString id =
        f.draft(u"DAYS_REG"_s, Period::quarter(2027, 1), u"PB"_s, Decimal::fromInt(21));
    const QString other =
        f.draft(u"DAYS_REG"_s, Period::quarter(2027, 2), u"PB"_s, Decimal::fromInt(20));
    f.actAs(u"officer"_s);
    const QStringList before = f.dump();
    const Error e = refused(w.submit(id), ErrorCode::Forbidden);
    CHECK(e.message.contains(u"evidence"_s));
    CHECK(e.message.contains(id));
    CHECK(e.message.contains(u"IVA verification report"_s)); // what the protocol asks for
    CHECK(f.dump() == before);

    // Evidence on another observation does not count for this one.
    f.attachEvidence(other);
    refused(w.submit(id), ErrorCode::Forbidden);
    f.attachEvidence(id);
    REQUIRE(w.submit(id).ok());
    CHECK(f.state(id) == State::Submitted);

    // Nor when it comes back queried: the evidence is still there, so it goes again.
    f.actAs(u"verifier"_s);
    REQUIRE(w.query(id, u"which extract?"_s).ok());
    f.actAs(u"officer"_s);
    REQUIRE(w.submit(id).ok());

    // A DLI that asks for none is submitted without.
    const QString linkages = f.fresh();
    CHECK(w.submit(linkages).ok());
}

TEST_CASE("Workflow: the verification date is today by default, never in the future, never "
          "before the period",
          "[workflow][dates]")
{
    Flow f;
    Workflow w = f.workflow();
    const QString a = f.inState(State::Submitted); // FY2027-Q1: July to September 2026
    const QString b = f.inState(State::Submitted);
    const QString c = f.inState(State::Submitted);
    f.actAs(u"verifier"_s);
    const QStringList before = f.dump();

    const Error future =
        refused(w.verify(Req(a).on(kNow.date().addDays(1))), ErrorCode::InvalidInput);
    CHECK(future.message.contains(u"future"_s));
    CHECK(future.message.contains(kNow.date().addDays(1).toString(Qt::ISODate)));
    const Error early = refused(w.verify(Req(a).on(QDate(2026, 6, 30))), ErrorCode::InvalidInput);
    CHECK(early.message.contains(u"2026-07-01"_s));
    CHECK(f.dump() == before);

    auto past = w.verify(Req(a).on(QDate(2026, 11, 20)));
    REQUIRE(past.ok());
    CHECK(past->verifiedOn == QDate(2026, 11, 20));
    CHECK(f.find(a).verifiedOn == QDate(2026, 11, 20));
    CHECK(past->recordedAt == kNow);

    auto firstDay = w.verify(Req(b).on(QDate(2026, 7, 1)));
    CHECK(firstDay.ok());

    auto today = w.verify(Req(c));
    REQUIRE(today.ok());
    CHECK(today->verifiedOn == kNow.date());
    CHECK(w.verify(Req(f.inState(State::Submitted)).on(kNow.date())).ok());
}

TEST_CASE("Workflow: a verified value that differs from the reported one needs a reason",
          "[workflow][values]")
{
    Flow f;
    Workflow w = f.workflow();
    const QString id = f.inState(State::Submitted); // reported 10
    f.actAs(u"verifier"_s);
    const QStringList before = f.dump();
    const Error none =
        refused(w.verify(Req(id).valued(Decimal::fromInt(8))), ErrorCode::InvalidInput);
    CHECK(none.message.contains(u"reason"_s));
    CHECK(none.message.contains(u"8"_s));
    refused(w.verify(Req(id).valued(Decimal::fromInt(8), u"   "_s)), ErrorCode::InvalidInput);
    refused(w.verify(Req(id).valued(Decimal::fromInt(-1), u"negative"_s)), ErrorCode::InvalidInput);
    CHECK(f.dump() == before);

    auto v = w.verify(Req(id).valued(Decimal::fromInt(8), u"two agreements unsigned "_s));
    REQUIRE(v.ok());
    CHECK(v->reportedValue == Decimal::fromInt(10));
    CHECK(v->verifiedValue == Decimal::fromInt(8));
    CHECK(v->reason == u"two agreements unsigned"_s);
    CHECK(v->verifier == u"verifier"_s);
    const Observation o = f.find(id);
    CHECK(o.value == Decimal::fromInt(10)); // the reported figure is kept
    REQUIRE(o.verifiedValue.has_value());
    CHECK(*o.verifiedValue == Decimal::fromInt(8));
    CHECK(o.countedValue() == Decimal::fromInt(8));
    auto stored = f.session->observations().verification(id);
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK(stored->value().reason == u"two agreements unsigned"_s);
    CHECK(stored->value().reportedValue == Decimal::fromInt(10));

    // The same value needs no reason.
    const QString same = f.inState(State::Submitted);
    CHECK(w.verify(Req(same).valued(Decimal::fromInt(10))).ok());
    // A sample verification is recorded by closing the sample, not by hand.
    refused(w.verify(Req(f.inState(State::Submitted)).by(VerificationMethod::Sample)),
            ErrorCode::Usage);
}

TEST_CASE("Workflow: rejecting and querying need a reason", "[workflow][values]")
{
    Flow f;
    Workflow w = f.workflow();
    const QString id = f.inState(State::Submitted);
    f.actAs(u"verifier"_s);
    const QStringList before = f.dump();
    for (const QString& reason : {u""_s, u"   "_s, u"\n\t"_s}) {
        const Error r = refused(w.reject(id, reason), ErrorCode::InvalidInput);
        CHECK(r.message.contains(u"reason"_s));
        refused(w.query(id, reason), ErrorCode::InvalidInput);
    }
    CHECK(f.dump() == before);
    REQUIRE(w.reject(id, u"agreements unsigned"_s).ok());
    auto t = f.session->observations().transitions(id);
    REQUIRE(t.ok());
    CHECK(t->last().action == u"reject"_s);
    CHECK(t->last().reason == u"agreements unsigned"_s);
    // Amending is for drafts and queried figures, with a value of zero or more.
    const QString draft = f.fresh();
    f.actAs(u"officer"_s);
    refused(w.amend(draft, Decimal::fromInt(-2)), ErrorCode::InvalidInput);
    CHECK(w.amend(draft, Decimal()).ok());
}

TEST_CASE("Workflow: a verification that fails part way leaves nothing behind", "[workflow]")
{
    Flow f;
    Workflow w = f.workflow();
    const QString id = f.inState(State::Submitted);
    f.actAs(u"verifier"_s);
    const QStringList before = f.dump();
    Workflow::VerifyRequest r;
    r.id = id;
    r.evidencePaths = {f.dir().path(u"no-such-report.pdf"_s)};
    auto v = w.verify(r);
    REQUIRE_FALSE(v.ok());
    CHECK(f.dump() == before);
    CHECK(f.state(id) == State::Submitted);
    // With a file that exists it goes through and keeps the file.
    const QString report = f.dir().path(u"iva-report.pdf"_s);
    test::writeFile(report, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");
    r.evidencePaths = {report};
    auto done = w.verify(r);
    REQUIRE(done.ok());
    CHECK_FALSE(done->evidenceId.isEmpty());
    CHECK(f.session->observations().evidenceCount(id).value() == 1);
}

// ---------------------------------------------------------------------------------------------
// Replacing a verified figure

namespace {

// LINKAGES at the cluster and period from the officers' claims, counting only what is
// verified (what a DLR's achievement rests on).
Decimal verifiedClaim(Flow& f, const Observation& at)
{
    auto all = f.session->observations().all();
    REQUIRE(all.ok());
    QList<Observation> verified;
    for (const Observation& o : all.value()) {
        if (o.state == State::Verified || o.state == State::Superseded)
            verified << o;
    }
    ValueCalculator calc(f.program(), verified, {}, ValueCalculator::Basis::Claims);
    auto v = calc.value(at.indicator, at.period, at.orgUnit);
    REQUIRE(v.ok());
    REQUIRE(v->hasValue);
    return v->value;
}

} // namespace

TEST_CASE("Workflow: a verified figure is corrected by a linked replacement that counts once "
          "verified",
          "[workflow][supersede]")
{
    Flow f;
    Workflow w = f.workflow();
    const QString old = f.inState(State::Verified); // 10
    const Observation original = f.find(old);
    const Decimal before = verifiedClaim(f, original);

    f.actAs(u"officer"_s);
    refused(w.supersede(old, Decimal::fromInt(12), u"  "_s), ErrorCode::InvalidInput);
    refused(w.supersede(old, Decimal::fromInt(-12), u"why"_s), ErrorCode::InvalidInput);
    refused(w.supersede(u"no-such-observation"_s, Decimal::fromInt(12), u"why"_s),
            ErrorCode::NotFound);
    f.advance(60);
    auto made = w.supersede(old, Decimal::fromInt(12), u"an agreement entered late"_s);
    REQUIRE(made.ok());
    const QString id = made.value();
    CHECK(id != old);

    Observation n = f.find(id);
    CHECK(n.state == State::Draft);
    CHECK(n.replaces == old);
    CHECK(n.value == Decimal::fromInt(12));
    CHECK(n.note == u"an agreement entered late"_s);
    CHECK(n.reporter == u"officer"_s);
    CHECK_FALSE(n.verifiedValue.has_value());
    CHECK(n.indicator == original.indicator);
    CHECK(n.period == original.period);
    CHECK(n.orgUnit == original.orgUnit);
    Observation o = f.find(old);
    CHECK(o.replacedBy == id);
    CHECK(o.state == State::Verified);
    CHECK(ValueCalculator::counts(o));
    // One replacement at a time.
    const Error twice =
        refused(w.supersede(old, Decimal::fromInt(13), u"again"_s), ErrorCode::Conflict);
    CHECK(twice.message.contains(id));

    // While the replacement is on its way, the old figure keeps counting.
    CHECK(verifiedClaim(f, original) == before);
    REQUIRE(w.submit(id).ok());
    f.actAs(u"verifier"_s);
    REQUIRE(w.query(id, u"which agreement?"_s).ok());
    f.actAs(u"officer"_s);
    REQUIRE(w.submit(id).ok());
    CHECK(f.state(old) == State::Verified);
    CHECK(verifiedClaim(f, original) == before);

    // Verified: the replacement counts instead, and the old one is superseded for good.
    f.actAs(u"verifier"_s);
    REQUIRE(w.verify(Req(id)).ok());
    o = f.find(old);
    CHECK(o.state == State::Superseded);
    CHECK_FALSE(ValueCalculator::counts(o));
    CHECK(verifiedClaim(f, original) == before - Decimal::fromInt(10) + Decimal::fromInt(12));
    auto t = f.session->observations().transitions(old);
    REQUIRE(t.ok());
    CHECK(t->last().action == u"superseded"_s);
    CHECK(t->last().toState == State::Superseded);
    CHECK(t->last().reason.contains(id));

    // A superseded figure is never corrected again; its replacement is.
    f.actAs(u"officer"_s);
    refused(w.supersede(old, Decimal::fromInt(15), u"once more"_s), ErrorCode::Forbidden);
    CHECK(w.supersede(id, Decimal::fromInt(15), u"once more"_s).ok());
    auto report = f.session->audit().verify();
    REQUIRE(report.ok());
    INFO(report->problems.join(u'\n').toStdString());
    CHECK(report->problems.isEmpty());
}

TEST_CASE("Workflow: a rejected replacement leaves the original counting; a second one can "
          "take over",
          "[workflow][supersede]")
{
    Flow f;
    Workflow w = f.workflow();
    const QString old = f.inState(State::Verified);
    const Observation original = f.find(old);
    const Decimal before = verifiedClaim(f, original);

    f.actAs(u"officer"_s);
    auto first = w.supersede(old, Decimal::fromInt(20), u"many more agreements"_s);
    REQUIRE(first.ok());
    REQUIRE(w.submit(first.value()).ok());
    f.actAs(u"verifier"_s);
    REQUIRE(w.reject(first.value(), u"not supported"_s).ok());
    CHECK(f.state(old) == State::Verified);
    CHECK(ValueCalculator::counts(f.find(old)));
    CHECK(verifiedClaim(f, original) == before);

    // The original already names its replacement: the rejected one is what gets corrected.
    f.actAs(u"officer"_s);
    refused(w.supersede(old, Decimal::fromInt(11), u"one more"_s), ErrorCode::Conflict);
    auto second = w.supersede(first.value(), Decimal::fromInt(11), u"one more, signed"_s);
    REQUIRE(second.ok());
    CHECK(f.find(second.value()).replaces == first.value());
    REQUIRE(w.submit(second.value()).ok());
    f.actAs(u"verifier"_s);
    REQUIRE(w.verify(Req(second.value())).ok());
    CHECK(f.state(old) == State::Superseded);
    CHECK(f.state(first.value()) == State::Rejected);
    CHECK(verifiedClaim(f, original) == before - Decimal::fromInt(10) + Decimal::fromInt(11));
}
