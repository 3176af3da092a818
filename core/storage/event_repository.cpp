#include "core/storage/event_repository.h"

#include "core/storage/database.h"

using namespace Qt::StringLiterals;

namespace dli {

Result<QList<DisbursementEvent>> EventRepository::all()
{
    auto stmt = m_db.prepare(u"SELECT id, seq, kind, dli, dlr, to_dlr, amount_minor, date, "
                             "reference, forced, reason, recorded_by, recorded_at FROM events "
                             "ORDER BY seq"_s);
    if (!stmt)
        return stmt.error();
    QList<DisbursementEvent> out;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        DisbursementEvent e;
        e.id = stmt->text(0);
        e.sequence = stmt->int64(1);
        const auto kind = enumFromString(kEventKindNames, stmt->text(2));
        e.date = QDate::fromString(stmt->text(7), Qt::ISODate);
        if (!kind || !e.date.isValid())
            return Error(ErrorCode::Database,
                         QCoreApplication::translate("EventRepository",
                                                     "event %1 is damaged; restore a backup")
                             .arg(e.id));
        e.kind = *kind;
        e.dli = stmt->text(3);
        e.dlr = stmt->text(4);
        e.toDlr = stmt->text(5);
        e.amount = Money::fromMinor(stmt->int64(6));
        e.reference = stmt->text(8);
        e.forced = stmt->integer(9) != 0;
        e.reason = stmt->text(10);
        e.recordedBy = stmt->text(11);
        e.recordedAt = QDateTime::fromString(stmt->text(12), Qt::ISODate);
        out << std::move(e);
    }
    return out;
}

Result<qint64> EventRepository::insert(const DisbursementEvent& e)
{
    auto next = m_db.scalar(u"SELECT coalesce(max(seq), 0) + 1 FROM events"_s);
    if (!next)
        return next.error();
    auto stmt = m_db.prepare(
        u"INSERT INTO events (id, seq, kind, dli, dlr, to_dlr, amount_minor, date, reference, "
        "forced, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, e.id)
        .bind(2, next.value())
        .bind(3, enumToString(kEventKindNames, e.kind))
        .bind(4, e.dli)
        .bind(5, e.dlr)
        .bind(6, e.toDlr)
        .bind(7, e.amount.minor())
        .bind(8, e.date.toString(Qt::ISODate))
        .bind(9, e.reference)
        .bind(10, e.forced)
        .bind(11, e.reason)
        .bind(12, e.recordedBy)
        .bind(13, e.recordedAt.toUTC().toString(Qt::ISODate));
    DLI_TRY(stmt->exec());
    return next.value();
}

} // namespace dli
