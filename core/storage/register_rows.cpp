#include "core/storage/register_rows.h"

#include "core/storage/database.h"

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString yesNo(const QString& column)
{
    return u"CASE WHEN "_s + column + u" IS NULL THEN '' WHEN "_s + column +
           u" THEN 'yes' ELSE 'no' END"_s;
}

// Per register: the joins it needs, and per field of its spec the SQL that reads the field back
// as canonical text, with the row as r, its firm as f and its org unit as u.
struct Reading {
    QString from;
    QStringList fields;
};

Reading readingOf(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Firms:
        return {u" FROM firms r LEFT JOIN org_units u ON u.id = r.cluster_id"_s,
                {u"r.code"_s, u"r.name"_s, u"u.code"_s, u"r.district"_s, u"r.ntn"_s,
                 u"r.size_class"_s, yesNo(u"r.women_owned"_s), yesNo(u"r.export_oriented"_s),
                 u"r.latitude"_s, u"r.longitude"_s, u"r.contact"_s}};
    case ImportKind::Services:
        return {u" FROM services r LEFT JOIN firms f ON f.id = r.firm_id"_s,
                {u"f.code"_s, u"r.service_type"_s, u"r.date"_s, u"r.provider"_s, u"r.cost"_s,
                 u"r.status"_s}};
    case ImportKind::Trainees:
        return {u" FROM trainees r LEFT JOIN firms f ON f.id = r.firm_id LEFT JOIN org_units u "
                "ON u.id = r.centre_id"_s,
                {u"r.person_key"_s, u"r.sex"_s, u"f.code"_s, u"u.code"_s, u"r.course"_s,
                 u"r.date"_s, yesNo(u"r.completed"_s)}};
    case ImportKind::Exports:
        return {u" FROM exports r LEFT JOIN firms f ON f.id = r.firm_id"_s,
                {u"f.code"_s, u"r.period"_s, u"r.value_pkr"_s, u"r.value_usd"_s, u"r.source"_s}};
    case ImportKind::Observations:
        break;
    }
    return {};
}

QString likePattern(const QString& word)
{
    QString escaped;
    for (const QChar c : word) {
        if (c == u'%' || c == u'_' || c == u'\\')
            escaped += u'\\';
        escaped += c;
    }
    return u'%' + escaped + u'%';
}

} // namespace

Result<RegisterRows::Sql> RegisterRows::build(const Query& query) const
{
    const Reading reading = readingOf(query.kind);
    if (reading.fields.isEmpty())
        return Error(ErrorCode::Usage, tr("observations are not a register"));
    const RegisterSpec& spec = RegisterFields::spec(query.kind);
    Sql sql;
    QStringList texts;
    for (const QString& f : reading.fields)
        texts << u"coalesce("_s + f + u", '')"_s;
    sql.selectFrom = u"SELECT r.id, "_s + texts.join(u", "_s) + reading.from;
    // Every word in some field: per word, one LIKE per field, joined with OR (cheaper than one
    // LIKE over the fields joined, which builds a string for every row).
    QStringList conditions;
    for (const QString& word : query.filter.split(u' ', Qt::SkipEmptyParts)) {
        sql.binds << likePattern(word);
        const QString mark = u"?"_s + QString::number(sql.binds.size());
        QStringList any;
        for (const QString& f : reading.fields)
            any << f + u" LIKE "_s + mark + u" ESCAPE '\\'"_s;
        conditions << u"("_s + any.join(u" OR "_s) + u')';
    }
    if (!conditions.isEmpty())
        sql.where = u" WHERE "_s + conditions.join(u" AND "_s);
    sql.orderBy = u" ORDER BY "_s;
    if (query.orderBy >= 0 && query.orderBy < reading.fields.size()) {
        const FieldSpec& field = spec.fields[query.orderBy];
        const QString& expr = reading.fields[query.orderBy];
        // Numbers in numeric order (only to order them: the values shown stay exact text).
        const bool numeric = field.type == FieldType::Decimal ||
                             field.type == FieldType::Latitude ||
                             field.type == FieldType::Longitude;
        sql.orderBy += (numeric ? u"CAST("_s + expr + u" AS REAL)"_s : expr) +
                       (query.descending ? u" DESC, "_s : u", "_s);
    }
    sql.orderBy += u"r.rowid"_s + (query.descending && query.orderBy >= 0 ? u" DESC"_s : u""_s);
    return sql;
}

Result<QList<RegisterRow>> RegisterRows::page(const Query& query, std::int64_t offset, int limit)
{
    Sql sql;
    DLI_ASSIGN(sql, build(query));
    auto stmt = m_db.prepare(sql.selectFrom + sql.where + sql.orderBy + u" LIMIT ?"_s +
                             QString::number(sql.binds.size() + 1) + u" OFFSET ?"_s +
                             QString::number(sql.binds.size() + 2));
    if (!stmt)
        return stmt.error();
    int pos = 1;
    for (const QString& b : std::as_const(sql.binds))
        stmt->bind(pos++, b);
    stmt->bind(pos++, static_cast<std::int64_t>(limit));
    stmt->bind(pos++, offset);
    QList<RegisterRow> out;
    out.reserve(limit);
    const int fields = stmt->columnCount() - 1;
    for (;;) {
        auto more = stmt->step();
        if (!more)
            return more.error();
        if (!more.value())
            break;
        RegisterRow r;
        r.id = stmt->text(0);
        r.values.reserve(fields);
        for (int i = 1; i <= fields; ++i)
            r.values << stmt->text(i);
        out << std::move(r);
    }
    return out;
}

Result<std::int64_t> RegisterRows::count(const Query& query)
{
    Sql sql;
    DLI_ASSIGN(sql, build(query));
    const Reading reading = readingOf(query.kind);
    auto stmt = m_db.prepare(u"SELECT count(*)"_s + reading.from + sql.where);
    if (!stmt)
        return stmt.error();
    int pos = 1;
    for (const QString& b : std::as_const(sql.binds))
        stmt->bind(pos++, b);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return stmt->int64(0);
}

} // namespace dli
