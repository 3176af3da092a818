#include "core/storage/register_repository.h"

#include "core/storage/database.h"

#include <functional>
#include <stdexcept>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// Per register: the columns of its table in the order of the spec's fields, and the column
// (with its SQL expression over the joined firm `f`) each field is read back from.
struct Column {
    QString field;    // spec field name
    QString column;   // table column
    QString readExpr; // SQL giving the canonical text back, with the row as r and its firm as f
};

QList<Column> columnsOf(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Firms:
        return {{u"code"_s, u"code"_s, u"r.code"_s},
                {u"name"_s, u"name"_s, u"r.name"_s},
                {u"cluster"_s, u"cluster_id"_s,
                 u"(SELECT code FROM org_units WHERE id = r.cluster_id)"_s},
                {u"district"_s, u"district"_s, u"r.district"_s},
                {u"ntn"_s, u"ntn"_s, u"r.ntn"_s},
                {u"size_class"_s, u"size_class"_s, u"r.size_class"_s},
                {u"women_owned"_s, u"women_owned"_s, u"r.women_owned"_s},
                {u"export_oriented"_s, u"export_oriented"_s, u"r.export_oriented"_s},
                {u"latitude"_s, u"latitude"_s, u"r.latitude"_s},
                {u"longitude"_s, u"longitude"_s, u"r.longitude"_s},
                {u"contact"_s, u"contact"_s, u"r.contact"_s}};
    case ImportKind::Services:
        return {{u"firm"_s, u"firm_id"_s, u"f.code"_s},
                {u"service_type"_s, u"service_type"_s, u"r.service_type"_s},
                {u"date"_s, u"date"_s, u"r.date"_s},
                {u"provider"_s, u"provider"_s, u"r.provider"_s},
                {u"cost"_s, u"cost"_s, u"r.cost"_s},
                {u"status"_s, u"status"_s, u"r.status"_s}};
    case ImportKind::Trainees:
        return {
            {u"person_key"_s, u"person_key"_s, u"r.person_key"_s},
            {u"sex"_s, u"sex"_s, u"r.sex"_s},
            {u"firm"_s, u"firm_id"_s, u"f.code"_s},
            {u"centre"_s, u"centre_id"_s, u"(SELECT code FROM org_units WHERE id = r.centre_id)"_s},
            {u"course"_s, u"course"_s, u"r.course"_s},
            {u"date"_s, u"date"_s, u"r.date"_s},
            {u"completed"_s, u"completed"_s, u"r.completed"_s}};
    case ImportKind::Exports:
        return {{u"firm"_s, u"firm_id"_s, u"f.code"_s},
                {u"period"_s, u"period"_s, u"r.period"_s},
                {u"value_pkr"_s, u"value_pkr"_s, u"r.value_pkr"_s},
                {u"value_usd"_s, u"value_usd"_s, u"r.value_usd"_s},
                {u"source"_s, u"source"_s, u"r.source"_s}};
    case ImportKind::Observations:
        break;
    }
    return {};
}

QString tableOf(ImportKind kind)
{
    return RegisterFields::spec(kind).table;
}

// How a register row's org unit is found: the design centre that trained, else the firm's
// cluster.
QString unitExpr(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Firms:
        return u"r.cluster_id"_s;
    case ImportKind::Trainees:
        return u"coalesce(r.centre_id, f.cluster_id)"_s;
    default:
        return u"f.cluster_id"_s;
    }
}

QString fromClause(ImportKind kind)
{
    const QString table = tableOf(kind);
    if (kind == ImportKind::Firms)
        return u" FROM firms r"_s;
    return u" FROM "_s + table + u" r LEFT JOIN firms f ON f.id = r.firm_id"_s;
}

class SqlWriter final : public RegisterRepository::Writer {
public:
    SqlWriter(Statement stmt, QList<std::function<void(Statement&, int, const QString&)>> binders,
              const SessionOptions& options, ImportKind kind, int startMonth)
        : m_stmt(std::move(stmt)), m_binders(std::move(binders)), m_options(options), m_kind(kind),
          m_startMonth(startMonth)
    {}

    Result<QString> insert(const QStringList& values, const QString& givenId) override
    {
        const QString id = givenId.isEmpty() ? m_options.newId() : givenId;
        int pos = 1;
        m_stmt.bind(pos++, id);
        for (int i = 0; i < m_binders.size(); ++i)
            m_binders[i](m_stmt, pos++, values.value(i));
        if (m_kind == ImportKind::Exports) {
            auto period = Period::parse(values.value(1), m_startMonth);
            if (!period)
                return period.error();
            m_stmt.bind(pos++, period->start(m_startMonth).toString(Qt::ISODate));
            m_stmt.bind(pos++, period->end(m_startMonth).toString(Qt::ISODate));
        }
        m_stmt.bind(pos++, m_options.userName);
        m_stmt.bind(pos++, m_enteredAt);
        if (m_auditRef)
            m_stmt.bind(pos++, *m_auditRef);
        DLI_TRY(m_stmt.exec());
        return id;
    }

    QString m_enteredAt;
    std::optional<std::int64_t> m_auditRef;

private:
    Statement m_stmt;
    QList<std::function<void(Statement&, int, const QString&)>> m_binders;
    const SessionOptions& m_options;
    ImportKind m_kind;
    int m_startMonth;
};

Result<QHash<QString, QString>> codeMap(Database& db, const QString& sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    QHash<QString, QString> out;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        out.insert(stmt->text(0), stmt->text(1));
    }
    return out;
}

} // namespace

Result<std::unique_ptr<RegisterRepository::Writer>>
RegisterRepository::writer(ImportKind kind, int fiscalYearStartMonth,
                           std::optional<std::int64_t> auditRef)
{
    const QList<Column> columns = columnsOf(kind);
    if (columns.isEmpty())
        return Error(ErrorCode::Usage, tr("observations are not a register"));
    auto firms = firmIds();
    if (!firms)
        return firms.error();
    auto units = codeMap(m_db, u"SELECT code, id FROM org_units"_s);
    if (!units)
        return units.error();
    const RegisterSpec& spec = RegisterFields::spec(kind);

    QStringList names{u"id"_s};
    QList<std::function<void(Statement&, int, const QString&)>> binders;
    for (const Column& c : columns) {
        names << c.column;
        const FieldSpec* f = spec.field(c.field);
        const bool required = f && f->required;
        if (c.column == u"firm_id"_s) {
            binders << [ids = firms.value()](Statement& s, int pos, const QString& v) {
                v.isEmpty() ? s.bindNull(pos) : s.bind(pos, ids.value(v));
            };
        } else if (c.column == u"cluster_id"_s || c.column == u"centre_id"_s) {
            binders << [ids = units.value()](Statement& s, int pos, const QString& v) {
                v.isEmpty() ? s.bindNull(pos) : s.bind(pos, ids.value(v));
            };
        } else if (f && f->type == FieldType::Boolean) {
            binders << [](Statement& s, int pos, const QString& v) {
                if (const auto b = RegisterFields::parseBoolean(v))
                    s.bind(pos, *b);
                else
                    s.bindNull(pos);
            };
        } else if (required ||
                   (f && (f->type == FieldType::Text || f->type == FieldType::Choice))) {
            binders << [](Statement& s, int pos, const QString& v) {
                s.bind(pos, v);
            };
        } else {
            binders << [](Statement& s, int pos, const QString& v) {
                v.isEmpty() ? s.bindNull(pos) : s.bind(pos, v);
            };
        }
    }
    if (kind == ImportKind::Exports)
        names << u"start_date"_s << u"end_date"_s;
    names << u"entered_by"_s << u"entered_at"_s;
    if (auditRef)
        names << u"audit_ref"_s;
    QStringList marks;
    for (qsizetype i = 0; i < names.size(); ++i)
        marks << u"?"_s;
    auto stmt = m_db.prepare(u"INSERT INTO "_s + tableOf(kind) + u" ("_s + names.join(u", "_s) +
                             u") VALUES ("_s + marks.join(u", "_s) + u')');
    if (!stmt)
        return stmt.error();
    auto w = std::make_unique<SqlWriter>(std::move(stmt).value(), std::move(binders), m_options,
                                         kind, fiscalYearStartMonth);
    w->m_enteredAt = m_options.now().toString(Qt::ISODate);
    w->m_auditRef = auditRef;
    return std::unique_ptr<Writer>(std::move(w));
}

Result<QHash<QString, QString>> RegisterRepository::firmIds()
{
    return codeMap(m_db, u"SELECT code, id FROM firms"_s);
}

Result<QHash<QString, QString>> RegisterRepository::firmClusters()
{
    return codeMap(m_db, u"SELECT f.code, u.code FROM firms f JOIN org_units u ON u.id = "
                         "f.cluster_id"_s);
}

Result<std::int64_t> RegisterRepository::count(ImportKind kind)
{
    return m_db.scalar(u"SELECT count(*) FROM "_s + tableOf(kind));
}

Result<QSet<QString>> RegisterRepository::existingIds(ImportKind kind)
{
    auto stmt = m_db.prepare(u"SELECT id FROM "_s + tableOf(kind));
    if (!stmt)
        return stmt.error();
    QSet<QString> out;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        out.insert(stmt->text(0));
    }
    return out;
}

Result<QSet<QString>> RegisterRepository::existingKeys(ImportKind kind)
{
    const RegisterSpec& spec = RegisterFields::spec(kind);
    const QList<Column> columns = columnsOf(kind);
    QStringList parts;
    for (const QString& key : spec.uniqueKey) {
        for (const Column& c : columns) {
            if (c.field == key)
                parts << u"coalesce("_s + c.readExpr + u", '')"_s;
        }
    }
    auto stmt = m_db.prepare(u"SELECT "_s + parts.join(u" || char(31) || "_s) + fromClause(kind));
    if (!stmt)
        return stmt.error();
    QSet<QString> keys;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        keys.insert(stmt->text(0));
    }
    return keys;
}

Result<RegisterRepository::Selection> RegisterRepository::select(const IndicatorSource& source,
                                                                 const QDate& from, const QDate& to,
                                                                 const QStringList& orgUnitCodes)
{
    const ImportKind kind = RegisterFields::forRegister(source.registerKind).kind;
    const RegisterSpec& spec = RegisterFields::spec(kind);
    const QList<Column> columns = columnsOf(kind);
    QStringList where;
    QStringList binds;
    if (kind == ImportKind::Services || kind == ImportKind::Trainees) {
        where << u"r.date BETWEEN ? AND ?"_s;
        binds << from.toString(Qt::ISODate) << to.toString(Qt::ISODate);
    } else if (kind == ImportKind::Exports) {
        where << u"r.start_date >= ? AND r.end_date <= ?"_s;
        binds << from.toString(Qt::ISODate) << to.toString(Qt::ISODate);
    }
    if (!orgUnitCodes.isEmpty()) {
        QStringList marks;
        for (const QString& code : orgUnitCodes) {
            marks << u"?"_s;
            binds << code;
        }
        where << unitExpr(kind) + u" IN (SELECT id FROM org_units WHERE code IN ("_s +
                     marks.join(u", "_s) + u"))"_s;
    }
    for (auto it = source.filters.cbegin(); it != source.filters.cend(); ++it) {
        if (it.key() == u"cluster"_s && kind != ImportKind::Firms) {
            // A trainee belongs to the cluster of the centre that trained, else of the firm.
            const QString cluster =
                kind == ImportKind::Trainees
                    ? u"coalesce((SELECT parent_id FROM org_units WHERE id = r.centre_id), "
                      "f.cluster_id)"_s
                    : u"f.cluster_id"_s;
            where << cluster + u" = (SELECT id FROM org_units WHERE code = ?)"_s;
            binds << it.value();
            continue;
        }
        const FieldSpec* f = spec.field(it.key());
        QString expr;
        for (const Column& c : columns) {
            if (c.field == it.key())
                expr = c.readExpr;
        }
        if (!f || expr.isEmpty())
            return Error(
                ErrorCode::InvalidInput,
                tr("the %1 register has no field \"%2\" to filter on").arg(spec.table, it.key()));
        if (f->type == FieldType::Boolean) {
            const auto b = RegisterFields::parseBoolean(it.value());
            where << expr + (b.value_or(false) ? u" = 1"_s : u" = 0"_s);
        } else {
            where << expr + u" = ?"_s;
            binds << it.value();
        }
    }
    return Selection{fromClause(kind) +
                         (where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s)),
                     binds};
}

Result<Decimal> RegisterRepository::aggregate(const IndicatorSource& source, const QDate& from,
                                              const QDate& to, const QStringList& orgUnitCodes)
{
    const ImportKind kind = RegisterFields::forRegister(source.registerKind).kind;
    const RegisterSpec& spec = RegisterFields::spec(kind);
    const QList<Column> columns = columnsOf(kind);
    Selection selection;
    DLI_ASSIGN(selection, select(source, from, to, orgUnitCodes));
    const QStringList& binds = selection.binds;
    QString query;
    switch (source.measure) {
    case RegisterMeasure::Count:
        query = u"SELECT count(*)"_s;
        break;
    case RegisterMeasure::CountDistinctFirms:
        query = kind == ImportKind::Firms ? u"SELECT count(DISTINCT r.id)"_s
                                          : u"SELECT count(DISTINCT r.firm_id)"_s;
        break;
    case RegisterMeasure::Sum: {
        QString expr;
        for (const Column& c : columns) {
            if (c.field == source.field)
                expr = c.readExpr;
        }
        const FieldSpec* f = spec.field(source.field);
        if (expr.isEmpty() || !f || f->type != FieldType::Decimal)
            return Error(ErrorCode::InvalidInput,
                         tr("the %1 register has no number field \"%2\" to sum")
                             .arg(spec.table, source.field));
        query = u"SELECT "_s + expr;
        break;
    }
    }
    auto stmt = m_db.prepare(query + selection.fromWhere);
    if (!stmt)
        return stmt.error();
    for (int i = 0; i < binds.size(); ++i)
        stmt->bind(i + 1, binds[i]);
    if (source.measure != RegisterMeasure::Sum) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        return Decimal::fromInt(row.value() ? stmt->int64(0) : 0);
    }
    // Decimal text summed exactly, never as SQLite's floating point.
    Decimal total;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        if (stmt->isNull(0))
            continue;
        auto v = Decimal::parse(stmt->text(0));
        if (!v)
            return Error(
                ErrorCode::Database,
                tr("a stored %1 value is not a number: %2").arg(source.field, stmt->text(0)));
        try {
            total += v.value();
        } catch (const std::overflow_error&) {
            return Error(ErrorCode::InvalidInput,
                         tr("the %1 of the %2 register add up to more than can be computed "
                            "exactly")
                             .arg(source.field, spec.table));
        }
    }
    return total;
}

Result<QStringList> RegisterRepository::rowKeys(const IndicatorSource& source, const QDate& from,
                                                const QDate& to, const QStringList& orgUnitCodes)
{
    const ImportKind kind = RegisterFields::forRegister(source.registerKind).kind;
    Selection selection;
    DLI_ASSIGN(selection, select(source, from, to, orgUnitCodes));
    // A figure of distinct firms rests on firms; any other on the register's rows.
    QString key = u"r.id"_s;
    if (kind == ImportKind::Firms)
        key = u"r.code"_s;
    else if (source.measure == RegisterMeasure::CountDistinctFirms)
        key = u"f.code"_s;
    auto stmt = m_db.prepare(u"SELECT DISTINCT "_s + key + selection.fromWhere);
    if (!stmt)
        return stmt.error();
    for (int i = 0; i < selection.binds.size(); ++i)
        stmt->bind(i + 1, selection.binds[i]);
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
