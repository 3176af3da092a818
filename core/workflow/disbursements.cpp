#include "core/workflow/disbursements.h"

#include "core/auth/auth.h"
#include "core/model/verification.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"

#include <QHash>
#include <QJsonObject>

using namespace Qt::StringLiterals;
namespace State = dli::ObservationState;

namespace dli {

Result<DisbursementEngine::Input> Disbursements::inputs(const QDate& asOf, const QDateTime& knownAt,
                                                        bool forecast)
{
    DisbursementEngine::Input in;
    in.asOf = asOf;
    in.knownAt = knownAt;
    in.forecast = forecast;
    QList<Observation> all;
    DLI_ASSIGN(all, m_session.observations().all());
    DLI_ASSIGN(in.events, m_session.events().all());
    if (!knownAt.isValid()) {
        in.observations = std::move(all);
        return in;
    }

    // Replays the transitions up to the moment: state, and the value before later amendments.
    QList<Transition> transitions;
    DLI_ASSIGN(transitions, m_session.observations().allTransitions());
    QHash<QString, QList<const Transition*>> byObservation;
    for (const Transition& t : transitions)
        byObservation[t.observationId] << &t;
    QSet<QString> existed;
    for (const Observation& o : all) {
        if (o.createdAt.isValid() && o.createdAt <= knownAt)
            existed.insert(o.id);
    }
    for (Observation o : all) {
        if (!existed.contains(o.id))
            continue;
        QString state = State::Draft;
        std::optional<Decimal> laterAmendFrom;
        for (const Transition* t : byObservation.value(o.id)) {
            if (t->at <= knownAt)
                state = t->toState;
            else if (!laterAmendFrom && t->oldValue)
                laterAmendFrom = t->oldValue;
        }
        o.state = state;
        if (laterAmendFrom)
            o.value = *laterAmendFrom;
        if (!o.verificationRecordedAt.isValid() || o.verificationRecordedAt > knownAt) {
            o.verifiedValue.reset();
            o.verifiedOn = QDate();
        }
        if (!existed.contains(o.replacedBy))
            o.replacedBy.clear();
        in.observations << std::move(o);
    }
    QList<DisbursementEvent> events;
    for (DisbursementEvent& e : in.events) {
        if (e.recordedAt.isValid() && e.recordedAt <= knownAt)
            events << std::move(e);
    }
    in.events = std::move(events);
    return in;
}

Result<Disbursement> Disbursements::compute(const QDate& asOf, const QDateTime& knownAt,
                                            bool forecast)
{
    DisbursementEngine::Input in;
    DLI_ASSIGN(in, inputs(asOf, knownAt, forecast));
    return DisbursementEngine::compute(m_program, in);
}

Result<Disbursements::Check> Disbursements::check(const DisbursementEvent& e)
{
    Check out;
    const auto money = [&](Money m) {
        return m.format(m_program.currency);
    };
    const bool onDli = e.kind == EventKind::Advance || e.kind == EventKind::Refund;
    if (onDli) {
        if (!m_program.dli(e.dli))
            out.errors << tr("unknown DLI \"%1\"").arg(e.dli);
    } else {
        bool found = false;
        for (const Dli& d : m_program.dlis) {
            for (const Dlr& r : d.dlrs)
                found = found || r.code == e.dlr;
        }
        if (!found)
            out.errors << tr("unknown DLR \"%1\"").arg(e.dlr);
    }
    if (e.kind == EventKind::Reallocate) {
        bool found = false;
        for (const Dli& d : m_program.dlis) {
            for (const Dlr& r : d.dlrs)
                found = found || r.code == e.toDlr;
        }
        if (e.toDlr.isEmpty())
            out.errors << tr("a reallocation names the DLR that receives the money (--to)");
        else if (!found)
            out.errors << tr("unknown DLR \"%1\"").arg(e.toDlr);
        else if (e.toDlr == e.dlr)
            out.errors
                << tr("a reallocation moves money to another DLR, not back into %1").arg(e.dlr);
    }
    if (e.amount <= Money())
        out.errors << tr("the amount must be more than zero, not %1").arg(money(e.amount));
    const QDate today = m_session.options().now().date();
    if (!e.date.isValid())
        out.errors << tr("the date is missing; write it as YYYY-MM-DD");
    else if (e.date > today)
        out.errors << tr("%1 is in the future; events are recorded once they happened")
                          .arg(e.date.toString(Qt::ISODate));
    else if (e.date < m_program.signingDate)
        out.errors << tr("%1 is before the program was signed (%2)")
                          .arg(e.date.toString(Qt::ISODate),
                               m_program.signingDate.toString(Qt::ISODate));
    if (e.reference.trimmed().isEmpty())
        out.errors << tr("an event needs a reference (e.g. the withdrawal application or the "
                         "decision's number)");
    if (!out.errors.isEmpty())
        return out;
    DisbursementEngine::Input before;
    DLI_ASSIGN(before, inputs(e.date));
    out.refusals = DisbursementEngine::refusals(m_program, before, e);
    return out;
}

Result<DisbursementEvent> Disbursements::record(DisbursementEvent e, bool force)
{
    DLI_TRY(Auth::require(m_session, {Role::Manager}, tr("recording disbursement events"), true));
    e.reason = e.reason.trimmed();
    e.reference = e.reference.trimmed();
    if (force && e.reason.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     tr("a forced event needs a reason (--reason TEXT): it is kept and shown as "
                        "a finding"));
    Transaction tx(m_session.database());
    DLI_TRY(tx.begun());
    Check c;
    DLI_ASSIGN(c, check(e));
    if (!c.errors.isEmpty())
        return Error(ErrorCode::InvalidInput, c.errors.join(u"; "_s));
    if (!c.refusals.isEmpty() && !force)
        return Error(ErrorCode::Forbidden,
                     tr("refused: %1. If the Bank agreed to it, record it anyway with --force "
                        "--reason TEXT; it will be shown as a finding")
                         .arg(c.refusals.join(u"; "_s)));
    e.forced = force && !c.refusals.isEmpty();
    if (!e.forced)
        e.reason.clear();
    e.id = m_session.options().newId();
    e.recordedBy = m_session.options().userName;
    e.recordedAt = m_session.options().now().toUTC();
    DLI_ASSIGN(e.sequence, m_session.events().insert(e));
    QJsonObject details;
    if (e.forced)
        details.insert(u"overridden"_s, c.refusals.join(u"; "_s));
    auto entry = m_session.audit().recordRow(u"event."_s + enumToString(kEventKindNames, e.kind),
                                             u"events"_s, e.id, std::nullopt, details);
    if (!entry)
        return entry.error();
    DLI_TRY(tx.commit());
    emit m_session.notifier().eventsChanged();
    return e;
}

Result<QList<DisbursementEvent>> Disbursements::events()
{
    return m_session.events().all();
}

} // namespace dli
