#include "core/storage/observation_repository.h"

#include "core/storage/database.h"

using namespace Qt::StringLiterals;

namespace dli {

Result<std::int64_t> ObservationRepository::count()
{
    return m_db.scalar(u"SELECT count(*) FROM observations"_s);
}

Result<QList<Observation>> ObservationRepository::all()
{
    auto stmt = m_db.prepare(
        u"SELECT o.id, i.code, o.period, u.code, o.category, o.value, o.source, o.note, "
        "o.reporter, o.created_at, o.state FROM observations o JOIN indicators i ON i.id = "
        "o.indicator_id JOIN org_units u ON u.id = o.org_unit_id ORDER BY o.rowid"_s);
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
        o.id = stmt->text(0);
        o.indicator = stmt->text(1);
        auto period = Period::parse(stmt->text(2), static_cast<int>(startMonth.value()));
        auto value = Decimal::parse(stmt->text(5));
        if (!period || !value)
            return Error(ErrorCode::Database,
                         QCoreApplication::translate("ObservationRepository",
                                                     "observation %1 is damaged; restore a backup")
                             .arg(o.id));
        o.period = period.value();
        o.orgUnit = stmt->text(3);
        o.category = stmt->text(4);
        o.value = value.value();
        o.source = stmt->text(6);
        o.note = stmt->text(7);
        o.reporter = stmt->text(8);
        o.createdAt = QDateTime::fromString(stmt->text(9), Qt::ISODate);
        o.state = stmt->text(10);
        out << o;
    }
    return out;
}

Result<QString> ObservationRepository::insert(const Observation& o)
{
    auto stmt = m_db.prepare(
        u"INSERT INTO observations (id, indicator_id, period, org_unit_id, category, value, "
        "source, note, reporter, created_at, state) SELECT ?, i.id, ?, u.id, ?, ?, ?, ?, ?, ?, ? "
        "FROM indicators i, org_units u WHERE i.code = ? AND u.code = ?"_s);
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
        .bind(10, o.indicator)
        .bind(11, o.orgUnit);
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

} // namespace dli
