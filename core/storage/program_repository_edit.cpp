// ProgramRepository's single-field edits, kept apart from the import and load code.
#include "core/storage/database.h"
#include "core/storage/program_repository.h"

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// The program tables and the columns an edit may set: table and column names never come from
// input, but are checked all the same before they enter SQL text.
bool knownColumn(const QString& table, const QString& column)
{
    static const QHash<QString, QStringList> columns{
        {u"program"_s,
         {u"title"_s, u"currency"_s, u"fiscal_year_start_month"_s, u"verification_window_days"_s,
          u"advance_cap_share"_s, u"prior_results_cap_share"_s}},
        {u"result_areas"_s, {u"title"_s}},
        {u"indicators"_s, {u"title"_s, u"tolerance"_s, u"baseline_value"_s}},
        {u"indicator_targets"_s, {u"value"_s}},
        {u"dlis"_s, {u"title"_s, u"allocation_minor"_s}},
        {u"dlrs"_s,
         {u"title"_s, u"target"_s, u"baseline"_s, u"allocation_minor"_s, u"deadline"_s,
          u"time_bound"_s, u"min_fraction"_s, u"unit_amount_minor"_s, u"rollover"_s,
          u"prior_result"_s}},
    };
    return columns.value(table).contains(column);
}

} // namespace

Result<QString> ProgramRepository::rowId(const QString& table, const QString& code,
                                         const QString& period)
{
    QString sql;
    if (table == u"program"_s)
        sql = u"SELECT id FROM program LIMIT 1"_s;
    else if (table == u"indicator_targets"_s)
        sql = u"SELECT t.id FROM indicator_targets t JOIN indicators i ON i.id = t.indicator_id "
              "WHERE i.code = ?1 AND t.period = ?2"_s;
    else if (knownColumn(table, u"title"_s))
        sql = u"SELECT id FROM "_s + table + u" WHERE code = ?1"_s;
    else
        return Error(ErrorCode::NotFound, tr("no program table \"%1\"").arg(table));
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return stmt.error();
    if (table != u"program"_s)
        stmt->bind(1, code);
    if (table == u"indicator_targets"_s)
        stmt->bind(2, period);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!row.value())
        return Error(ErrorCode::NotFound,
                     period.isEmpty() ? tr("the stored program has no %1 \"%2\"").arg(table, code)
                                      : tr("indicator %1 has no target for %2").arg(code, period));
    return stmt->text(0);
}

Status ProgramRepository::setColumn(const QString& table, const QString& id, const QString& column,
                                    const QVariant& value)
{
    if (!knownColumn(table, column))
        return Error(ErrorCode::InvalidInput,
                     tr("%1.%2 is not a column a program edit may set").arg(table, column));
    auto stmt = m_db.prepare(u"UPDATE "_s + table + u" SET "_s + column + u" = ?1 WHERE id = ?2"_s);
    if (!stmt)
        return stmt.error();
    switch (value.typeId()) {
    case QMetaType::QString:
        stmt->bind(1, value.toString());
        break;
    case QMetaType::Bool:
        stmt->bind(1, value.toBool());
        break;
    case QMetaType::Int:
    case QMetaType::LongLong:
        stmt->bind(1, static_cast<std::int64_t>(value.toLongLong()));
        break;
    default:
        if (!value.isNull())
            return Error(
                ErrorCode::InvalidInput,
                tr("cannot store a value of type %1").arg(QString::fromLatin1(value.typeName())));
        stmt->bindNull(1);
        break;
    }
    stmt->bind(2, id);
    return stmt->exec();
}

} // namespace dli
