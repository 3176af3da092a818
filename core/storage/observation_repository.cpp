#include "core/storage/observation_repository.h"

#include "core/storage/database.h"

using namespace Qt::StringLiterals;

namespace dli {

namespace {

constexpr auto kSelect =
    "SELECT o.id, i.code, o.period, u.code, o.category, o.value, o.source, o.note, o.reporter, "
    "o.created_at, o.state, o.replaces, o.replaced_by, v.verified_value, v.verified_on, "
    "v.recorded_at FROM "
    "observations o JOIN indicators i ON i.id = o.indicator_id JOIN org_units u ON u.id = "
    "o.org_unit_id LEFT JOIN verifications v ON v.observation_id = o.id";

Error damaged(const QString& what)
{
    return Error(ErrorCode::Database, QCoreApplication::translate("ObservationRepository",
                                                                  "%1 is damaged; restore a backup")
                                          .arg(what));
}

Result<Observation> fromRow(const Statement& stmt, int startMonth)
{
    Observation o;
    o.id = stmt.text(0);
    o.indicator = stmt.text(1);
    auto period = Period::parse(stmt.text(2), startMonth);
    auto value = Decimal::parse(stmt.text(5));
    if (!period || !value)
        return damaged(
            QCoreApplication::translate("ObservationRepository", "observation %1").arg(o.id));
    o.period = period.value();
    o.orgUnit = stmt.text(3);
    o.category = stmt.text(4);
    o.value = value.value();
    o.source = stmt.text(6);
    o.note = stmt.text(7);
    o.reporter = stmt.text(8);
    o.createdAt = QDateTime::fromString(stmt.text(9), Qt::ISODate);
    o.state = stmt.text(10);
    o.replaces = stmt.text(11);
    o.replacedBy = stmt.text(12);
    if (!stmt.isNull(13)) {
        auto verified = Decimal::parse(stmt.text(13));
        if (!verified)
            return damaged(
                QCoreApplication::translate("ObservationRepository", "the verification of %1")
                    .arg(o.id));
        o.verifiedValue = verified.value();
        o.verifiedOn = QDate::fromString(stmt.text(14), Qt::ISODate);
        o.verificationRecordedAt = QDateTime::fromString(stmt.text(15), Qt::ISODate);
    }
    return o;
}

std::optional<QString> optionalDecimal(const std::optional<Decimal>& d)
{
    if (!d)
        return std::nullopt;
    return d->toString();
}

} // namespace

Result<std::int64_t> ObservationRepository::count()
{
    return m_db.scalar(u"SELECT count(*) FROM observations"_s);
}

Result<QList<Observation>> ObservationRepository::all()
{
    auto stmt = m_db.prepare(QString::fromLatin1(kSelect) + u" ORDER BY o.rowid"_s);
    if (!stmt)
        return stmt.error();
    auto startMonth =
        m_db.scalar(u"SELECT coalesce(max(fiscal_year_start_month), 7) FROM program"_s);
    if (!startMonth)
        return startMonth.error();
    QList<Observation> out;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        Observation o;
        DLI_ASSIGN(o, fromRow(stmt.value(), static_cast<int>(startMonth.value())));
        out << std::move(o);
    }
    return out;
}

Result<QString> ObservationRepository::insert(const Observation& o)
{
    auto stmt = m_db.prepare(
        u"INSERT INTO observations (id, indicator_id, period, org_unit_id, category, value, "
        "source, note, reporter, created_at, state, replaces) SELECT ?, i.id, ?, u.id, ?, ?, ?, "
        "?, ?, ?, ?, ? FROM indicators i, org_units u WHERE i.code = ? AND u.code = ?"_s);
    if (!stmt)
        return stmt.error();
    const QString id = o.id.isEmpty() ? m_options.newId() : o.id;
    const QDateTime created = o.createdAt.isValid() ? o.createdAt : m_options.now();
    stmt->bind(1, id)
        .bind(2, o.period.code())
        .bind(3, o.category)
        .bind(4, o.value.toString())
        .bind(5, o.source)
        .bind(6, o.note)
        .bind(7, o.reporter.isEmpty() ? m_options.userName : o.reporter)
        .bind(8, created.toString(Qt::ISODate))
        .bind(9, o.state)
        .bindOptional(10, o.replaces.isEmpty() ? std::nullopt : std::optional<QString>(o.replaces))
        .bind(11, o.indicator)
        .bind(12, o.orgUnit);
    DLI_TRY(stmt->exec());
    auto inserted = m_db.scalar(u"SELECT changes()"_s);
    if (!inserted)
        return inserted.error();
    if (inserted.value() != 1)
        return Error(ErrorCode::NotFound,
                     QCoreApplication::translate("ObservationRepository",
                                                 "unknown indicator %1 or org unit %2")
                         .arg(o.indicator, o.orgUnit));
    return id;
}

Result<Observation> ObservationRepository::find(const QString& id)
{
    auto stmt = m_db.prepare(QString::fromLatin1(kSelect) + u" WHERE o.id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!row.value())
        return Error(ErrorCode::NotFound,
                     QCoreApplication::translate("ObservationRepository",
                                                 "there is no observation %1; list them with "
                                                 "`dlitracker-cli observations DB`")
                         .arg(id));
    auto startMonth =
        m_db.scalar(u"SELECT coalesce(max(fiscal_year_start_month), 7) FROM program"_s);
    if (!startMonth)
        return startMonth.error();
    return fromRow(stmt.value(), static_cast<int>(startMonth.value()));
}

Status ObservationRepository::update(const QString& id, const QString& state, const Decimal& value,
                                     const QString& note)
{
    auto stmt =
        m_db.prepare(u"UPDATE observations SET state = ?, value = ?, note = ? WHERE id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, state).bind(2, value.toString()).bind(3, note).bind(4, id);
    return stmt->exec();
}

Status ObservationRepository::setReplacedBy(const QString& id, const QString& replacementId)
{
    auto stmt = m_db.prepare(u"UPDATE observations SET replaced_by = ? WHERE id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, replacementId).bind(2, id);
    return stmt->exec();
}

Result<std::int64_t> ObservationRepository::evidenceCount(const QString& id)
{
    auto stmt = m_db.prepare(u"SELECT count(*) FROM evidence WHERE observation_id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return stmt->int64(0);
}

Status ObservationRepository::insertTransition(const Transition& t)
{
    auto stmt = m_db.prepare(u"INSERT INTO transitions (id, observation_id, action, from_state, "
                             "to_state, user_name, at, reason, old_value, new_value) VALUES (?, ?, "
                             "?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, t.id)
        .bind(2, t.observationId)
        .bind(3, t.action)
        .bind(4, t.fromState)
        .bind(5, t.toState)
        .bind(6, t.user)
        .bind(7, t.at.toString(Qt::ISODate))
        .bind(8, t.reason)
        .bindOptional(9, optionalDecimal(t.oldValue))
        .bindOptional(10, optionalDecimal(t.newValue));
    return stmt->exec();
}

Result<QList<Transition>> ObservationRepository::transitions(const QString& observationId)
{
    return selectTransitions(u"WHERE observation_id = ?"_s, observationId);
}

Result<QList<Transition>> ObservationRepository::allTransitions()
{
    return selectTransitions({}, {});
}

Result<QList<Transition>> ObservationRepository::selectTransitions(const QString& where,
                                                                   const QString& bound)
{
    auto stmt = m_db.prepare(u"SELECT id, observation_id, action, from_state, to_state, "
                             "user_name, at, reason, old_value, new_value FROM transitions "_s +
                             where + u" ORDER BY at, rowid"_s);
    if (!stmt)
        return stmt.error();
    if (!where.isEmpty())
        stmt->bind(1, bound);
    QList<Transition> out;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        Transition t;
        t.id = stmt->text(0);
        t.observationId = stmt->text(1);
        t.action = stmt->text(2);
        t.fromState = stmt->text(3);
        t.toState = stmt->text(4);
        t.user = stmt->text(5);
        t.at = QDateTime::fromString(stmt->text(6), Qt::ISODate);
        t.reason = stmt->text(7);
        if (!stmt->isNull(8))
            t.oldValue = Decimal::parse(stmt->text(8)).value_or(Decimal());
        if (!stmt->isNull(9))
            t.newValue = Decimal::parse(stmt->text(9)).value_or(Decimal());
        out << std::move(t);
    }
    return out;
}

Status ObservationRepository::insertVerification(const Verification& v)
{
    auto stmt = m_db.prepare(
        u"INSERT INTO verifications (id, observation_id, method, reported_value, verified_value, "
        "reason, note, evidence_id, sample_id, verifier, verified_on, recorded_at) VALUES (?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!stmt)
        return stmt.error();
    auto optionalId = [](const QString& id) -> std::optional<QString> {
        if (id.isEmpty())
            return std::nullopt;
        return id;
    };
    stmt->bind(1, v.id)
        .bind(2, v.observationId)
        .bind(3, enumToString(kVerificationMethodNames, v.method))
        .bind(4, v.reportedValue.toString())
        .bind(5, v.verifiedValue.toString())
        .bind(6, v.reason)
        .bind(7, v.note)
        .bindOptional(8, optionalId(v.evidenceId))
        .bindOptional(9, optionalId(v.sampleId))
        .bind(10, v.verifier)
        .bind(11, v.verifiedOn.toString(Qt::ISODate))
        .bind(12, v.recordedAt.toString(Qt::ISODate));
    return stmt->exec();
}

Result<std::optional<Verification>>
ObservationRepository::verification(const QString& observationId)
{
    auto stmt = m_db.prepare(u"SELECT id, observation_id, method, reported_value, "
                             "verified_value, reason, note, coalesce(evidence_id, ''), "
                             "coalesce(sample_id, ''), verifier, verified_on, recorded_at FROM "
                             "verifications WHERE observation_id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, observationId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<Verification>();
    Verification v;
    v.id = stmt->text(0);
    v.observationId = stmt->text(1);
    v.method = enumFromString(kVerificationMethodNames, stmt->text(2))
                   .value_or(VerificationMethod::DeskReview);
    v.reportedValue = Decimal::parse(stmt->text(3)).value_or(Decimal());
    v.verifiedValue = Decimal::parse(stmt->text(4)).value_or(Decimal());
    v.reason = stmt->text(5);
    v.note = stmt->text(6);
    v.evidenceId = stmt->text(7);
    v.sampleId = stmt->text(8);
    v.verifier = stmt->text(9);
    v.verifiedOn = QDate::fromString(stmt->text(10), Qt::ISODate);
    v.recordedAt = QDateTime::fromString(stmt->text(11), Qt::ISODate);
    return std::optional<Verification>(v);
}

Result<QStringList> ObservationRepository::authors(const QString& observationId)
{
    auto stmt =
        m_db.prepare(u"SELECT reporter FROM observations WHERE id = ?1 UNION SELECT user_name FROM "
                     "transitions WHERE observation_id = ?1 AND action = 'amend'"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, observationId);
    QStringList out;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        out << stmt->text(0);
    }
    return out;
}

} // namespace dli
