#include "core/workflow/workflow.h"

#include "core/auth/auth.h"
#include "core/io/evidence_service.h"
#include "core/io/values_report.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"

using namespace Qt::StringLiterals;
namespace State = dli::ObservationState;

namespace dli {

namespace {

QString quoted(const QStringList& states)
{
    QStringList q;
    for (const QString& s : states)
        q << s;
    return q.join(Workflow::tr(" or "));
}

} // namespace

const VerificationProtocol* Workflow::protocolOf(const QString& indicator) const
{
    for (const Dli& d : m_program.dlis) {
        if (d.indicator == indicator)
            return &d.protocol;
    }
    return nullptr;
}

Status Workflow::checkState(const Observation& o, const QStringList& allowed, const QString& action)
{
    if (allowed.contains(o.state))
        return {};
    return Error(ErrorCode::Forbidden,
                 tr("workflow: %1 needs an observation that is %2; observation %3 is %4")
                     .arg(action, quoted(allowed), o.id, o.state));
}

Status Workflow::checkVerifier(const Observation& o, const QString& action)
{
    DLI_TRY(Auth::require(m_session, {Role::Verifier}, action, true));
    QStringList authors;
    DLI_ASSIGN(authors, m_session.observations().authors(o.id));
    const QString me = m_session.currentUser()->name;
    if (authors.contains(me))
        return Error(ErrorCode::Forbidden,
                     tr("four eyes: %1 reported or amended observation %2, so someone else must "
                        "verify, reject or query it")
                         .arg(me, o.id));
    return {};
}

Status Workflow::move(const Observation& o, const QString& action, const QString& toState,
                      const QString& reason, const std::optional<Decimal>& newValue,
                      const std::optional<QString>& note)
{
    AuditLog& audit = m_session.audit();
    std::optional<QByteArray> before;
    DLI_ASSIGN(before, audit.snapshot(u"observations"_s, o.id));
    DLI_TRY(m_session.observations().update(o.id, toState, newValue.value_or(o.value),
                                            note.value_or(o.note)));
    const QJsonObject why = reason.isEmpty() ? QJsonObject() : QJsonObject{{u"reason"_s, reason}};
    auto entry = audit.recordRow(u"observation."_s + action, u"observations"_s, o.id, before, why);
    if (!entry)
        return entry.error();
    Transition t;
    t.id = m_session.options().newId();
    t.observationId = o.id;
    t.action = action;
    t.fromState = o.state;
    t.toState = toState;
    t.user = m_session.options().userName;
    t.at = m_session.options().now();
    t.reason = reason;
    if (newValue) {
        t.oldValue = o.value;
        t.newValue = *newValue;
    }
    DLI_TRY(m_session.observations().insertTransition(t));
    auto logged = audit.recordRow(u"transition.add"_s, u"transitions"_s, t.id, std::nullopt);
    if (!logged)
        return logged.error();
    return {};
}

Status Workflow::submitWithin(const QString& id)
{
    DLI_TRY(Auth::require(m_session, {Role::Officer}, tr("submitting observations"), true));
    Observation o;
    DLI_ASSIGN(o, m_session.observations().find(id));
    DLI_TRY(checkState(o, {State::Draft, State::Queried}, tr("submitting")));
    if (const VerificationProtocol* protocol = protocolOf(o.indicator);
        protocol && protocol->evidenceRequired) {
        std::int64_t files = 0;
        DLI_ASSIGN(files, m_session.observations().evidenceCount(o.id));
        if (files == 0)
            return Error(ErrorCode::Forbidden,
                         tr("evidence required: the verification protocol of the DLI measured by "
                            "%1 asks for evidence (%2), and observation %3 has none; attach it "
                            "with `dlitracker-cli evidence attach DB --observation %3 FILE`")
                             .arg(o.indicator, protocol->evidence.join(u", "_s), o.id));
    }
    return move(o, u"submit"_s, State::Submitted, {});
}

Status Workflow::submit(const QString& id)
{
    Transaction tx(m_session.database());
    DLI_TRY(tx.begun());
    DLI_TRY(submitWithin(id));
    DLI_TRY(tx.commit());
    emit m_session.notifier().observationsChanged();
    return {};
}

Result<Workflow::BulkSubmit> Workflow::submitAll(const QString& indicator,
                                                 const std::optional<Period>& period)
{
    DLI_TRY(Auth::require(m_session, {Role::Officer}, tr("submitting observations"), true));
    QList<Observation> all;
    DLI_ASSIGN(all, m_session.observations().all());
    Transaction tx(m_session.database());
    DLI_TRY(tx.begun());
    BulkSubmit out;
    for (const Observation& o : all) {
        if (o.state != State::Draft && o.state != State::Queried)
            continue;
        if (!indicator.isEmpty() && o.indicator != indicator)
            continue;
        if (period && o.period != *period)
            continue;
        if (auto s = submitWithin(o.id); s)
            out.submitted << o.id;
        else if (s.error().code == ErrorCode::Forbidden)
            out.skipped << o.id + u": "_s + s.error().message;
        else
            return s.error();
    }
    DLI_TRY(tx.commit());
    if (!out.submitted.isEmpty())
        emit m_session.notifier().observationsChanged();
    return out;
}

Status Workflow::amend(const QString& id, const Decimal& value, const std::optional<QString>& note)
{
    DLI_TRY(Auth::require(m_session, {Role::Officer}, tr("amending observations"), true));
    Transaction tx(m_session.database());
    DLI_TRY(tx.begun());
    Observation o;
    DLI_ASSIGN(o, m_session.observations().find(id));
    DLI_TRY(checkState(o, {State::Draft, State::Queried}, tr("amending")));
    if (value < Decimal())
        return Error(ErrorCode::InvalidInput,
                     tr("a value is zero or more, not %1").arg(value.toString()));
    DLI_TRY(move(o, u"amend"_s, o.state, {}, value, note));
    DLI_TRY(tx.commit());
    emit m_session.notifier().observationsChanged();
    return {};
}

Result<Verification> Workflow::verify(const VerifyRequest& request)
{
    Transaction tx(m_session.database());
    DLI_TRY(tx.begun());
    Verification v;
    DLI_ASSIGN(v, verifyWithin(request));
    DLI_TRY(tx.commit());
    emit m_session.notifier().observationsChanged();
    if (!request.evidencePaths.isEmpty())
        emit m_session.notifier().evidenceChanged();
    return v;
}

Result<Verification> Workflow::verifyWithin(const VerifyRequest& r)
{
    Observation o;
    DLI_ASSIGN(o, m_session.observations().find(r.id));
    DLI_TRY(checkVerifier(o, tr("verifying")));
    DLI_TRY(checkState(o, {State::Submitted}, tr("verifying")));
    // A sample stands behind a sample verification, and behind no other.
    const bool bySample = r.method == VerificationMethod::Sample;
    if (bySample == r.sampleId.isEmpty())
        return Error(ErrorCode::Usage,
                     tr("a sample verification is recorded by closing the sample: `dlitracker-cli "
                        "sample close DB SAMPLE`"));
    if (bySample) {
        // Only the observation's own sample, closed within the protocol's error rate, vouches
        // for it.
        auto sample = m_session.database().prepare(
            u"SELECT observation_id, state, coalesce(outcome, '') FROM samples WHERE id = ?"_s);
        if (!sample)
            return sample.error();
        sample->bind(1, r.sampleId);
        bool found = false;
        DLI_ASSIGN(found, sample->step());
        if (!found || sample->text(0) != o.id || sample->text(1) != u"closed"_s ||
            sample->text(2) != State::Verified)
            return Error(ErrorCode::Usage,
                         tr("sample %1 is not a closed sample of observation %2 within the "
                            "protocol's error rate; a sample verification is recorded by closing "
                            "the sample: `dlitracker-cli sample close DB SAMPLE`")
                             .arg(r.sampleId, o.id));
    }
    const QDate today = m_session.options().now().date();
    const QDate on = r.date.value_or(today);
    if (on > today)
        return Error(ErrorCode::InvalidInput,
                     tr("the verification date %1 is in the future; give the date of the check or "
                        "of the verification agent's report")
                         .arg(on.toString(Qt::ISODate)));
    const QDate periodStart = o.period.start(m_program.fiscalYearStartMonth);
    if (on < periodStart)
        return Error(
            ErrorCode::InvalidInput,
            tr("the verification date %1 is before period %2 began (%3)")
                .arg(on.toString(Qt::ISODate), o.period.code(), periodStart.toString(Qt::ISODate)));
    const Decimal value = r.value.value_or(o.value);
    if (value < Decimal())
        return Error(ErrorCode::InvalidInput,
                     tr("a verified value is zero or more, not %1").arg(value.toString()));
    if (value != o.value && r.reason.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput,
                     tr("the verified value %1 differs from the reported %2: give the reason "
                        "for the adjustment")
                         .arg(value.toString(), o.value.toString()));

    Verification v;
    if (!r.evidenceId.isEmpty()) {
        Evidence e;
        DLI_ASSIGN(e, m_session.evidence().find(r.evidenceId));
        if (e.target != Evidence::Target::Observation || e.targetId != o.id)
            return Error(ErrorCode::InvalidInput,
                         tr("evidence %1 is not attached to observation %2").arg(e.id, o.id));
        v.evidenceId = e.id;
    }
    if (!r.evidencePaths.isEmpty()) {
        QList<Evidence> files;
        DLI_ASSIGN(files, EvidenceService::attachWithin(m_session, Evidence::Target::Observation,
                                                        o.id, r.evidencePaths));
        v.evidenceId = files.constFirst().id;
    }
    v.id = m_session.options().newId();
    v.observationId = o.id;
    v.method = r.method;
    v.reportedValue = o.value;
    v.verifiedValue = value;
    v.reason = r.reason.trimmed();
    v.note = r.note;
    v.sampleId = r.sampleId;
    v.verifier = m_session.currentUser()->name;
    v.verifiedOn = on;
    v.recordedAt = m_session.options().now();
    DLI_TRY(m_session.observations().insertVerification(v));
    auto entry =
        m_session.audit().recordRow(u"verification.add"_s, u"verifications"_s, v.id, std::nullopt);
    if (!entry)
        return entry.error();
    DLI_TRY(move(o, u"verify"_s, State::Verified, v.reason));

    // The figure this one corrects stops counting now that the correction is verified.
    QString back = o.replaces;
    for (int hops = 0; !back.isEmpty() && hops < 1000; ++hops) {
        Observation earlier;
        DLI_ASSIGN(earlier, m_session.observations().find(back));
        if (earlier.state == State::Verified)
            DLI_TRY(move(earlier, u"superseded"_s, State::Superseded,
                         tr("replaced by verified observation %1").arg(o.id)));
        back = earlier.replaces;
    }
    return v;
}

Status Workflow::decide(const QString& id, const QString& reason, const QString& toState,
                        const QString& action)
{
    Transaction tx(m_session.database());
    DLI_TRY(tx.begun());
    Observation o;
    DLI_ASSIGN(o, m_session.observations().find(id));
    const QString what = toState == State::Rejected ? tr("rejecting") : tr("querying");
    DLI_TRY(checkVerifier(o, what));
    DLI_TRY(checkState(o, {State::Submitted}, what));
    if (reason.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput,
                     tr("%1 an observation needs a reason, which the officer will read").arg(what));
    DLI_TRY(move(o, action, toState, reason.trimmed()));
    DLI_TRY(tx.commit());
    emit m_session.notifier().observationsChanged();
    return {};
}

Status Workflow::reject(const QString& id, const QString& reason)
{
    return decide(id, reason, State::Rejected, u"reject"_s);
}

Status Workflow::query(const QString& id, const QString& reason)
{
    return decide(id, reason, State::Queried, u"query"_s);
}

Result<QString> Workflow::supersede(const QString& id, const Decimal& value, const QString& reason)
{
    DLI_TRY(
        Auth::require(m_session, {Role::Officer}, tr("correcting a verified observation"), true));
    if (reason.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput,
                     tr("a replacement needs a reason: why the verified figure was wrong"));
    if (value < Decimal())
        return Error(ErrorCode::InvalidInput,
                     tr("a value is zero or more, not %1").arg(value.toString()));
    Transaction tx(m_session.database());
    DLI_TRY(tx.begun());
    Observation old;
    DLI_ASSIGN(old, m_session.observations().find(id));
    DLI_TRY(checkState(old, {State::Verified, State::Rejected}, tr("replacing")));
    if (!old.replacedBy.isEmpty())
        return Error(ErrorCode::Conflict,
                     tr("observation %1 already has a replacement, %2; correct that one instead")
                         .arg(old.id, old.replacedBy));
    Observation n = old;
    n.id = m_session.options().newId();
    n.value = value;
    n.note = reason.trimmed();
    n.reporter = m_session.currentUser()->name;
    n.createdAt = m_session.options().now();
    n.state = State::Draft;
    n.replaces = old.id;
    n.replacedBy.clear();
    n.verifiedValue.reset();

    std::optional<QByteArray> before;
    DLI_ASSIGN(before, m_session.audit().snapshot(u"observations"_s, old.id));
    // The old row leaves the one-current-per-key index before the replacement enters it, so it
    // names the replacement before that exists: the link is checked at commit.
    DLI_TRY(m_session.database().exec(u"PRAGMA defer_foreign_keys = ON"_s));
    DLI_TRY(m_session.observations().setReplacedBy(old.id, n.id));
    auto linked =
        m_session.audit().recordRow(u"observation.replaced"_s, u"observations"_s, old.id, before);
    if (!linked)
        return linked.error();
    QString newId;
    DLI_ASSIGN(newId, m_session.observations().insert(n));
    auto created = m_session.audit().recordRow(
        u"observation.supersede"_s, u"observations"_s, newId, std::nullopt,
        QJsonObject{{u"reason"_s, n.note}, {u"replaces"_s, old.id}});
    if (!created)
        return created.error();
    DLI_TRY(tx.commit());
    emit m_session.notifier().observationsChanged();
    return newId;
}

Result<std::optional<ReconciliationRow>> Workflow::reconciliation(const Observation& o)
{
    QList<Observation> all;
    DLI_ASSIGN(all, m_session.observations().all());
    auto claims = ValuesReport::calculator(m_session, m_program, true);
    auto registers = ValuesReport::calculator(m_session, m_program, false);
    if (!claims)
        return claims.error();
    if (!registers)
        return registers.error();
    QList<ReconciliationRow> rows;
    DLI_ASSIGN(rows,
               Reconciliation::run(m_program, all, *claims.value(), *registers.value(), o.period));
    for (const ReconciliationRow& row : rows) {
        if (row.indicator == o.indicator && row.orgUnit == o.orgUnit)
            return std::optional<ReconciliationRow>(row);
    }
    return std::optional<ReconciliationRow>();
}

} // namespace dli
