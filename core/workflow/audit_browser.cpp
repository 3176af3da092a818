#include "core/workflow/audit_browser.h"

#include "core/storage/database.h"
#include "core/storage/session.h"

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// The WHERE clause of a filter; parameters ?1 to ?5 as bindFilter() binds them.
QString whereOf(const AuditBrowser::Filter& f)
{
    QString sql = u" WHERE 1"_s;
    if (f.since)
        sql += u" AND at >= ?1"_s;
    if (!f.user.isEmpty())
        sql += u" AND user_name = ?2"_s;
    if (!f.table.isEmpty())
        sql += u" AND table_name = ?3"_s;
    if (!f.rowId.isEmpty())
        sql += u" AND row_id = ?4"_s;
    if (!f.text.isEmpty())
        sql += u" AND (instr(lower(action), ?5) OR instr(lower(user_name), ?5) OR "
               "instr(lower(table_name), ?5) OR instr(lower(row_id), ?5) OR "
               "instr(lower(coalesce(details, '')), ?5))"_s;
    return sql;
}

void bindFilter(Statement& stmt, const AuditBrowser::Filter& f)
{
    if (f.since)
        stmt.bind(1, f.since->toString(Qt::ISODate));
    if (!f.user.isEmpty())
        stmt.bind(2, f.user);
    if (!f.table.isEmpty())
        stmt.bind(3, f.table);
    if (!f.rowId.isEmpty())
        stmt.bind(4, f.rowId);
    if (!f.text.isEmpty())
        stmt.bind(5, f.text.toLower());
}

Result<QStringList> distinct(Database& db, const QString& column)
{
    auto stmt = db.prepare(u"SELECT DISTINCT "_s + column + u" FROM audit_log WHERE "_s + column +
                           u" <> '' ORDER BY "_s + column);
    if (!stmt)
        return stmt.error();
    QStringList out;
    for (;;) {
        auto more = stmt->step();
        if (!more)
            return more.error();
        if (!more.value())
            break;
        out << stmt->text(0);
    }
    return out;
}

} // namespace

Result<std::int64_t> AuditBrowser::count(const Filter& filter)
{
    auto stmt = m_session.database().prepare(u"SELECT count(*) FROM audit_log"_s + whereOf(filter));
    if (!stmt)
        return stmt.error();
    bindFilter(stmt.value(), filter);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return row.value() ? stmt->int64(0) : std::int64_t{0};
}

Result<QList<AuditEntry>> AuditBrowser::page(const Filter& filter, std::int64_t beforeSeq,
                                             int limit)
{
    QString sql = u"SELECT "_s + AuditLog::entryColumns() + u" FROM audit_log"_s + whereOf(filter);
    if (beforeSeq > 0)
        sql += u" AND seq < ?6"_s;
    sql += u" ORDER BY seq DESC LIMIT ?7"_s;
    auto stmt = m_session.database().prepare(sql);
    if (!stmt)
        return stmt.error();
    bindFilter(stmt.value(), filter);
    if (beforeSeq > 0)
        stmt->bind(6, beforeSeq);
    stmt->bind(7, std::max(limit, 0));
    QList<AuditEntry> out;
    for (;;) {
        auto more = stmt->step();
        if (!more)
            return more.error();
        if (!more.value())
            break;
        out << AuditLog::entryAt(stmt.value());
    }
    return out;
}

Result<QStringList> AuditBrowser::userNames()
{
    return distinct(m_session.database(), u"user_name"_s);
}

Result<QStringList> AuditBrowser::tableNames()
{
    return distinct(m_session.database(), u"table_name"_s);
}

} // namespace dli
