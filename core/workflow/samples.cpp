#include "core/workflow/samples.h"

#include "core/auth/auth.h"
#include "core/engine/sample_draw.h"
#include "core/engine/value_calculator.h"
#include "core/io/evidence_service.h"
#include "core/model/int128.h"
#include "core/model/register_fields.h"
#include "core/model/verification.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"
#include "core/workflow/workflow.h"

using namespace Qt::StringLiterals;

namespace dli {

Decimal Samples::verifiedValue(const Decimal& reported, int failed, int sampled)
{
    if (sampled <= 0)
        return reported;
    // reported x (sampled - failed) / sampled in micro-units, then down to a whole number.
    const Int128 micro = Int128(reported.units()) * (sampled - failed) / sampled;
    const Int128 whole = micro / Decimal::Factor;
    const Int128 floored = micro < 0 && micro % Decimal::Factor != 0 ? whole - 1 : whole;
    return Decimal::fromUnits(static_cast<std::int64_t>(floored * Decimal::Factor));
}

bool Samples::exceeds(int failed, int sampled, const Decimal& maxErrorRate)
{
    return Int128(failed) * Decimal::Factor > Int128(maxErrorRate.units()) * sampled;
}

Decimal Samples::errorRate(int failed, int sampled)
{
    if (sampled <= 0)
        return Decimal();
    return Decimal::fromUnits(
        static_cast<std::int64_t>(Int128(failed) * Decimal::Factor / sampled));
}

Result<Sample> Samples::draw(const QString& observationId, const QString& seed,
                             std::optional<int> size)
{
    Workflow workflow(m_session, m_program);
    Observation o;
    DLI_ASSIGN(o, m_session.observations().find(observationId));
    DLI_TRY(workflow.checkVerifier(o, tr("drawing a sample")));
    if (o.state != ObservationState::Submitted)
        return Error(ErrorCode::Forbidden,
                     tr("workflow: a sample is drawn for a submitted observation; observation %1 "
                        "is %2")
                         .arg(o.id, o.state));
    if (seed.trimmed().isEmpty())
        return Error(ErrorCode::Usage,
                     tr("give a seed: any text the verification agent records, e.g. the date and "
                        "their initials"));
    const Indicator* x = m_program.indicator(o.indicator);
    if (!x || x->source.kind != SourceKind::Register)
        return Error(ErrorCode::InvalidInput,
                     tr("indicator %1 is not computed from a register, so there are no rows to "
                        "sample")
                         .arg(o.indicator));
    const VerificationProtocol* protocol = workflow.protocolOf(o.indicator);
    const int n = size.value_or(protocol ? protocol->sampleSize : 0);
    if (n <= 0)
        return Error(ErrorCode::Usage,
                     tr("give the sample size with --size (no verification protocol sets one for "
                        "%1)")
                         .arg(o.indicator));
    auto open = m_session.database().prepare(
        u"SELECT id FROM samples WHERE observation_id = ? AND state = 'open'"_s);
    if (!open)
        return open.error();
    open->bind(1, o.id);
    bool hasOpen = false;
    DLI_ASSIGN(hasOpen, open->step());
    if (hasOpen)
        return Error(ErrorCode::Conflict,
                     tr("observation %1 already has an open sample, %2; close it first")
                         .arg(o.id, open->text(0)));

    const int sm = m_program.fiscalYearStartMonth;
    const bool whole = m_program.rootOrgUnit() && o.orgUnit == m_program.rootOrgUnit()->code;
    const ValueCalculator units(m_program, {});
    const QDate from = x->cumulative ? x->baseline.date.addDays(1) : o.period.start(sm);
    QStringList keys;
    DLI_ASSIGN(keys,
               m_session.registers().rowKeys(x->source, from, o.period.end(sm),
                                             whole ? QStringList() : units.subtree(o.orgUnit)));
    if (keys.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     tr("the register holds no rows behind observation %1 (%2, %3, %4)")
                         .arg(o.id, o.indicator, o.period.code(), o.orgUnit));
    const QStringList drawn = SampleDraw::draw(seed, keys, n);

    Sample s;
    s.id = m_session.options().newId();
    s.observationId = o.id;
    s.seed = seed;
    s.size = static_cast<int>(drawn.size());
    s.population = static_cast<int>(keys.size());
    const QString registerName = enumToString(kRegisterKindNames, x->source.registerKind);
    s.keyKind = x->source.registerKind == RegisterKind::Firms ||
                        x->source.measure == RegisterMeasure::CountDistinctFirms
                    ? u"firm code"_s
                    : registerName + u" row id"_s;
    s.state = u"open"_s;
    s.drawnBy = m_session.currentUser()->name;
    s.drawnAt = m_session.options().now();

    Transaction tx(m_session.database());
    DLI_TRY(tx.begun());
    auto insert = m_session.database().prepare(
        u"INSERT INTO samples (id, observation_id, seed, size, population, key_kind, state, "
        "drawn_by, drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!insert)
        return insert.error();
    insert->bind(1, s.id)
        .bind(2, s.observationId)
        .bind(3, s.seed)
        .bind(4, s.size)
        .bind(5, s.population)
        .bind(6, s.keyKind)
        .bind(7, s.state)
        .bind(8, s.drawnBy)
        .bind(9, s.drawnAt.toString(Qt::ISODate));
    DLI_TRY(insert->exec());
    auto entry = m_session.audit().recordRow(u"sample.draw"_s, u"samples"_s, s.id, std::nullopt);
    if (!entry)
        return entry.error();
    auto add = m_session.database().prepare(
        u"INSERT INTO sample_items (id, sample_id, position, row_key, rank) VALUES (?, ?, ?, ?, "
        "?)"_s);
    if (!add)
        return add.error();
    for (qsizetype i = 0; i < drawn.size(); ++i) {
        SampleItem item;
        item.id = m_session.options().newId();
        item.position = static_cast<int>(i) + 1;
        item.key = drawn[i];
        item.rank = SampleDraw::rank(seed, drawn[i]);
        add->bind(1, item.id)
            .bind(2, s.id)
            .bind(3, item.position)
            .bind(4, item.key)
            .bind(5, item.rank);
        DLI_TRY(add->exec());
        auto logged =
            m_session.audit().recordRow(u"sample.item"_s, u"sample_items"_s, item.id, std::nullopt);
        if (!logged)
            return logged.error();
        s.items << item;
    }
    DLI_TRY(tx.commit());
    return s;
}

Status Samples::record(const QString& sampleId, const QString& key, SampleOutcome outcome,
                       const QString& note, const QStringList& evidencePaths,
                       const QString& evidenceId)
{
    Sample s;
    DLI_ASSIGN(s, find(sampleId));
    Observation o;
    DLI_ASSIGN(o, m_session.observations().find(s.observationId));
    Workflow workflow(m_session, m_program);
    DLI_TRY(workflow.checkVerifier(o, tr("recording sample outcomes")));
    if (s.state != u"open"_s)
        return Error(
            ErrorCode::Forbidden,
            tr("workflow: sample %1 is closed; its outcomes can no longer change").arg(s.id));
    const SampleItem* item = nullptr;
    for (const SampleItem& i : s.items) {
        if (i.key == key)
            item = &i;
    }
    if (!item)
        return Error(ErrorCode::NotFound,
                     tr("%1 was not drawn in sample %2; its keys are listed by `dlitracker-cli "
                        "sample show DB %2`")
                         .arg(key, s.id));
    Transaction tx(m_session.database());
    DLI_TRY(tx.begun());
    SampleItem changed = *item;
    if (!evidenceId.isEmpty()) {
        Evidence e;
        DLI_ASSIGN(e, m_session.evidence().find(evidenceId));
        if (e.target != Evidence::Target::Observation || e.targetId != o.id)
            return Error(ErrorCode::InvalidInput,
                         tr("evidence %1 is not attached to observation %2").arg(e.id, o.id));
        changed.evidenceId = e.id;
    }
    if (!evidencePaths.isEmpty()) {
        QList<Evidence> files;
        DLI_ASSIGN(files, EvidenceService::attachWithin(
                              m_session, Evidence::Target::Observation, o.id, evidencePaths,
                              s.keyKind == u"firm code"_s ? key : QString()));
        changed.evidenceId = files.constFirst().id;
    }
    changed.outcome = outcome;
    changed.note = note;
    changed.recordedBy = m_session.currentUser()->name;
    changed.recordedAt = m_session.options().now();
    DLI_TRY(writeItem(s.id, changed));
    DLI_TRY(tx.commit());
    return {};
}

Status Samples::writeItem(const QString& sampleId, const SampleItem& item)
{
    std::optional<QByteArray> before;
    DLI_ASSIGN(before, m_session.audit().snapshot(u"sample_items"_s, item.id));
    auto stmt = m_session.database().prepare(
        u"UPDATE sample_items SET outcome = ?, note = ?, evidence_id = ?, recorded_by = ?, "
        "recorded_at = ? WHERE id = ? AND sample_id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, enumToString(kSampleOutcomeNames, *item.outcome))
        .bind(2, item.note)
        .bindOptional(3, item.evidenceId.isEmpty() ? std::nullopt
                                                   : std::optional<QString>(item.evidenceId))
        .bind(4, item.recordedBy)
        .bind(5, item.recordedAt.toString(Qt::ISODate))
        .bind(6, item.id)
        .bind(7, sampleId);
    DLI_TRY(stmt->exec());
    auto entry =
        m_session.audit().recordRow(u"sample.record"_s, u"sample_items"_s, item.id, before);
    if (!entry)
        return entry.error();
    return {};
}

Result<Sample> Samples::close(const QString& sampleId)
{
    Sample s;
    DLI_ASSIGN(s, find(sampleId));
    Observation o;
    DLI_ASSIGN(o, m_session.observations().find(s.observationId));
    Workflow workflow(m_session, m_program);
    DLI_TRY(workflow.checkVerifier(o, tr("closing a sample")));
    if (s.state != u"open"_s)
        return Error(ErrorCode::Forbidden, tr("workflow: sample %1 is already closed").arg(s.id));
    QStringList pending;
    int failed = 0;
    for (const SampleItem& i : s.items) {
        if (!i.outcome)
            pending << i.key;
        else if (*i.outcome != SampleOutcome::Confirmed)
            ++failed;
    }
    if (!pending.isEmpty()) {
        Error e(ErrorCode::Forbidden,
                tr("sample %1 has %2 rows without an outcome; record each with `dlitracker-cli "
                   "sample record DB %1 KEY --outcome O`")
                    .arg(s.id)
                    .arg(pending.size()));
        e.details = pending;
        return e;
    }
    const VerificationProtocol* protocol = workflow.protocolOf(o.indicator);
    const Decimal maxRate = protocol ? protocol->maxErrorRate : Decimal();
    const Decimal rate = errorRate(failed, s.size);
    const bool rejected = exceeds(failed, s.size, maxRate);
    const QString percent = tr("%1 of %2 rows failed, an error rate of %3%")
                                .arg(failed)
                                .arg(s.size)
                                .arg((rate * Decimal::fromInt(100)).toString());
    const QString limit =
        tr("the protocol accepts at most %1%").arg((maxRate * Decimal::fromInt(100)).toString());

    Transaction tx(m_session.database());
    DLI_TRY(tx.begun());
    std::optional<QByteArray> before;
    DLI_ASSIGN(before, m_session.audit().snapshot(u"samples"_s, s.id));
    s.state = u"closed"_s;
    s.closedBy = m_session.currentUser()->name;
    s.closedAt = m_session.options().now();
    s.failed = failed;
    s.errorRate = rate;
    s.outcome = rejected ? ObservationState::Rejected : ObservationState::Verified;
    auto stmt = m_session.database().prepare(
        u"UPDATE samples SET state = ?, closed_by = ?, closed_at = ?, failed = ?, error_rate = ?, "
        "outcome = ? WHERE id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, s.state)
        .bind(2, s.closedBy)
        .bind(3, s.closedAt.toString(Qt::ISODate))
        .bind(4, failed)
        .bind(5, rate.toString())
        .bind(6, s.outcome)
        .bind(7, s.id);
    DLI_TRY(stmt->exec());
    auto entry = m_session.audit().recordRow(u"sample.close"_s, u"samples"_s, s.id, before);
    if (!entry)
        return entry.error();
    DLI_TRY(tx.commit());

    // The decision is the workflow's, in its own transaction: a refusal there (e.g. the state
    // changed meanwhile) leaves the closed sample to be acted on by hand.
    if (rejected) {
        DLI_TRY(workflow.reject(o.id, tr("sample %1: %2, and %3").arg(s.id, percent, limit)));
    } else {
        Workflow::VerifyRequest r;
        r.id = o.id;
        r.method = VerificationMethod::Sample;
        r.value = verifiedValue(o.value, failed, s.size);
        r.sampleId = s.id;
        r.reason = *r.value == o.value ? QString()
                                       : tr("sample %1: %2, within the limit (%3); the "
                                            "reported %4 is reduced in proportion")
                                             .arg(s.id, percent, limit, o.value.toString());
        r.note = tr("sample %1 (seed %2): %3").arg(s.id, s.seed, percent);
        auto verified = workflow.verify(r);
        if (!verified)
            return verified.error();
    }
    return s;
}

Result<Sample> Samples::find(const QString& sampleId)
{
    auto stmt = m_session.database().prepare(
        u"SELECT id, observation_id, seed, size, population, key_kind, state, drawn_by, "
        "drawn_at, coalesce(closed_by, ''), coalesce(closed_at, ''), failed, error_rate, "
        "coalesce(outcome, '') FROM samples WHERE id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, sampleId);
    bool found = false;
    DLI_ASSIGN(found, stmt->step());
    if (!found)
        return Error(ErrorCode::NotFound, tr("there is no sample %1").arg(sampleId));
    Sample s;
    s.id = stmt->text(0);
    s.observationId = stmt->text(1);
    s.seed = stmt->text(2);
    s.size = stmt->integer(3);
    s.population = stmt->integer(4);
    s.keyKind = stmt->text(5);
    s.state = stmt->text(6);
    s.drawnBy = stmt->text(7);
    s.drawnAt = QDateTime::fromString(stmt->text(8), Qt::ISODate);
    s.closedBy = stmt->text(9);
    s.closedAt = QDateTime::fromString(stmt->text(10), Qt::ISODate);
    if (!stmt->isNull(11))
        s.failed = stmt->integer(11);
    if (!stmt->isNull(12))
        s.errorRate = Decimal::parse(stmt->text(12)).value_or(Decimal());
    s.outcome = stmt->text(13);
    auto items = m_session.database().prepare(
        u"SELECT id, position, row_key, rank, outcome, note, coalesce(evidence_id, ''), "
        "coalesce(recorded_by, ''), coalesce(recorded_at, '') FROM sample_items WHERE sample_id "
        "= ? ORDER BY position"_s);
    if (!items)
        return items.error();
    items->bind(1, s.id);
    for (;;) {
        bool more = false;
        DLI_ASSIGN(more, items->step());
        if (!more)
            break;
        SampleItem i;
        i.id = items->text(0);
        i.position = items->integer(1);
        i.key = items->text(2);
        i.rank = items->text(3);
        if (!items->isNull(4))
            i.outcome = enumFromString(kSampleOutcomeNames, items->text(4));
        i.note = items->text(5);
        i.evidenceId = items->text(6);
        i.recordedBy = items->text(7);
        i.recordedAt = QDateTime::fromString(items->text(8), Qt::ISODate);
        s.items << i;
    }
    return s;
}

Result<QList<Sample>> Samples::forObservation(const QString& observationId)
{
    return select(u"WHERE observation_id = ?"_s, observationId);
}

Result<QList<Sample>> Samples::all()
{
    return select({}, {});
}

Result<QList<Sample>> Samples::select(const QString& where, const QString& bind)
{
    auto stmt = m_session.database().prepare(u"SELECT id FROM samples "_s + where +
                                             u" ORDER BY drawn_at, rowid"_s);
    if (!stmt)
        return stmt.error();
    if (!bind.isEmpty())
        stmt->bind(1, bind);
    QStringList ids;
    for (;;) {
        bool more = false;
        DLI_ASSIGN(more, stmt->step());
        if (!more)
            break;
        ids << stmt->text(0);
    }
    QList<Sample> out;
    for (const QString& id : ids) {
        Sample s;
        DLI_ASSIGN(s, find(id));
        out << s;
    }
    return out;
}

} // namespace dli
