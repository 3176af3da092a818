#include "core/audit/audit_log.h"

#include "core/storage/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <vector>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

using RowHash = std::array<char, 32>;

void appendString(QByteArray& out, const QByteArray& utf8)
{
    out += '"';
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xF];
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendValue(QByteArray& out, const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
            out += QByteArray::number(static_cast<qint64>(d));
        else
            out += QByteArray::number(d, 'g', 17);
        break;
    }
    case QJsonValue::String:
        appendString(out, v.toString().toUtf8());
        break;
    case QJsonValue::Array: {
        out += '[';
        bool first = true;
        for (const QJsonValue& item : v.toArray()) {
            if (!first)
                out += ',';
            first = false;
            appendValue(out, item);
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        out += '{';
        bool first = true;
        for (auto it = o.begin(); it != o.end(); ++it) { // QJsonObject keeps keys sorted
            if (!first)
                out += ',';
            first = false;
            appendString(out, it.key().toUtf8());
            out += ':';
            appendValue(out, it.value());
        }
        out += '}';
        break;
    }
    }
}

// Reads rows of any audited table into their canonical JSON, keys in sorted order.
class RowWriter {
public:
    explicit RowWriter(const Statement& stmt) : m_stmt(stmt)
    {
        QList<QPair<QByteArray, int>> columns;
        for (int i = 0; i < stmt.columnCount(); ++i)
            columns << qMakePair(stmt.columnName(i).toUtf8(), i);
        std::sort(columns.begin(), columns.end());
        for (const auto& [name, index] : columns) {
            QByteArray key;
            appendString(key, name);
            m_keys << key + ':';
            m_order << index;
        }
    }

    QByteArray json() const
    {
        QByteArray out;
        out.reserve(256);
        out += '{';
        for (qsizetype i = 0; i < m_order.size(); ++i) {
            if (i > 0)
                out += ',';
            out += m_keys[i];
            const int col = m_order[i];
            switch (m_stmt.type(col)) {
            case Statement::Type::Integer:
                out += QByteArray::number(static_cast<qint64>(m_stmt.int64(col)));
                break;
            case Statement::Type::Real:
                out += QByteArray::number(m_stmt.text(col).toDouble(), 'g', 17);
                break;
            case Statement::Type::Text:
                appendString(out, m_stmt.utf8(col));
                break;
            case Statement::Type::Blob:
                appendString(out, "blob:" + m_stmt.blob(col).toHex());
                break;
            case Statement::Type::Null:
                out += "null";
                break;
            }
        }
        out += '}';
        return out;
    }

private:
    const Statement& m_stmt;
    QByteArrayList m_keys;
    QList<int> m_order;
};

RowHash rowHash(const QByteArray& json)
{
    RowHash h{};
    const QByteArray d = QCryptographicHash::hash(json, QCryptographicHash::Sha256);
    std::copy(d.begin(), d.end(), h.begin());
    return h;
}

QString hexOf(const RowHash& h)
{
    return QString::fromLatin1(QByteArray(h.data(), static_cast<qsizetype>(h.size())).toHex());
}

// A bulk entry's digest of one table: the SHA-256 of the rows' hashes in ascending order, so that
// neither the import's order nor the file's row ids matter.
QString digestOf(std::vector<RowHash> hashes)
{
    std::sort(hashes.begin(), hashes.end());
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const RowHash& r : hashes)
        h.addData(QByteArrayView(r.data(), static_cast<qsizetype>(r.size())));
    return QString::fromLatin1(h.result().toHex());
}

QString keyColumn(const QString& table)
{
    return table == u"meta"_s ? u"key"_s : u"id"_s;
}

std::optional<std::int64_t> auditRefOf(const QByteArray& json)
{
    const QJsonValue ref = QJsonDocument::fromJson(json).object().value("audit_ref"_L1);
    if (!ref.isDouble())
        return std::nullopt;
    return static_cast<std::int64_t>(ref.toDouble());
}

QByteArray optionalRaw(const QByteArray& raw)
{
    return raw.isEmpty() ? QByteArray("null") : raw;
}

bool isHashText(const QString& text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
}

// The meta values of a field copy's base, as stored.
struct BaseKeys {
    std::optional<QString> hash;
    std::optional<QString> seq;
};

Result<BaseKeys> readBaseKeys(Database& db)
{
    auto stmt = db.prepare(u"SELECT key, value FROM meta WHERE key IN (?, ?)"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, AuditLog::baseHashKey()).bind(2, AuditLog::baseSeqKey());
    BaseKeys keys;
    for (;;) {
        auto more = stmt->step();
        if (!more)
            return more.error();
        if (!more.value())
            break;
        (stmt->text(0) == AuditLog::baseHashKey() ? keys.hash : keys.seq) = stmt->text(1);
    }
    return keys;
}

// The base the keys give; nullopt without keys, and nullopt with a problem when they are damaged.
std::optional<AuditLog::Head> parseBase(const BaseKeys& keys, QString* problem)
{
    if (!keys.hash && !keys.seq)
        return std::nullopt;
    bool numeric = false;
    const qint64 seq = keys.seq ? keys.seq->toLongLong(&numeric) : 0;
    if (!keys.hash || !keys.seq || !numeric || seq < 1 || !isHashText(*keys.hash)) {
        *problem = AuditLog::tr("the audit base of this field copy is damaged (meta %1 = %2, %3 = "
                                "%4); it was changed outside DLI Tracker")
                       .arg(AuditLog::baseHashKey(), keys.hash.value_or(u"(missing)"_s),
                            AuditLog::baseSeqKey(), keys.seq.value_or(u"(missing)"_s));
        return std::nullopt;
    }
    return AuditLog::Head{*keys.hash, static_cast<std::int64_t>(seq)};
}

} // namespace

const QStringList& AuditLog::auditedTables()
{
    static const QStringList tables{u"meta"_s,          u"program"_s,       u"result_areas"_s,
                                    u"org_units"_s,     u"indicators"_s,    u"indicator_targets"_s,
                                    u"dlis"_s,          u"dlrs"_s,          u"validation_rules"_s,
                                    u"users"_s,         u"firms"_s,         u"services"_s,
                                    u"trainees"_s,      u"exports"_s,       u"observations"_s,
                                    u"evidence"_s,      u"transitions"_s,   u"samples"_s,
                                    u"sample_items"_s,  u"verifications"_s, u"events"_s,
                                    u"field_imports"_s, u"field_changes"_s, u"conflicts"_s};
    return tables;
}

QByteArray AuditLog::canonical(const QJsonValue& value)
{
    QByteArray out;
    appendValue(out, value);
    return out;
}

Result<QString> AuditLog::fileSha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, tr("cannot read the file: %1").arg(file.errorString()), path);
    QCryptographicHash h(QCryptographicHash::Sha256);
    if (!h.addData(&file))
        return Error(ErrorCode::Io, tr("cannot read the file: %1").arg(file.errorString()), path);
    return QString::fromLatin1(h.result().toHex());
}

QString AuditLog::hashOf(const AuditEntry& e)
{
    // The canonical object of the entry, keys in sorted order; old, new and details are already
    // canonical JSON and go in as stored.
    QByteArray c = "{\"action\":";
    appendString(c, e.action.toUtf8());
    c += ",\"at\":";
    appendString(c, e.at.toString(Qt::ISODateWithMs).toUtf8());
    c += ",\"details\":" + optionalRaw(e.details);
    c += ",\"new\":" + optionalRaw(e.newValues);
    c += ",\"old\":" + optionalRaw(e.oldValues);
    c += ",\"prev\":";
    appendString(c, e.prevHash.toUtf8());
    c += ",\"row\":";
    appendString(c, e.rowId.toUtf8());
    c += ",\"seq\":" + QByteArray::number(static_cast<qint64>(e.seq));
    c += ",\"table\":";
    appendString(c, e.table.toUtf8());
    c += ",\"user\":";
    appendString(c, e.user.toUtf8());
    c += '}';
    return QString::fromLatin1(QCryptographicHash::hash(c, QCryptographicHash::Sha256).toHex());
}

Result<QString> AuditLog::lastHash(std::int64_t* lastSeq)
{
    auto stmt = m_db.prepare(u"SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"_s);
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!row.value()) {
        // An empty log continues from the base, on a field copy.
        std::optional<Head> from;
        DLI_ASSIGN(from, base());
        *lastSeq = from ? from->seq : 0;
        return from ? from->hash : QString();
    }
    *lastSeq = stmt->int64(0);
    return stmt->text(1);
}

QString AuditLog::baseHashKey()
{
    return u"audit_base_hash"_s;
}

QString AuditLog::baseSeqKey()
{
    return u"audit_base_seq"_s;
}

Result<std::optional<AuditLog::Head>> AuditLog::base()
{
    BaseKeys keys;
    DLI_ASSIGN(keys, readBaseKeys(m_db));
    QString problem;
    std::optional<Head> out = parseBase(keys, &problem);
    if (!problem.isEmpty())
        return Error(ErrorCode::Database, problem);
    return out;
}

Status AuditLog::setBase(Database& db, const QString& hash, std::int64_t seq)
{
    if (seq < 1 || !isHashText(hash))
        return Error(ErrorCode::InvalidInput,
                     tr("an audit base is an entry's number (1 or more) and its hash (64 lowercase "
                        "hexadecimal digits), not %1 and \"%2\"")
                         .arg(seq)
                         .arg(hash));
    std::int64_t entries = 0;
    DLI_ASSIGN(entries, db.scalar(u"SELECT COUNT(*) FROM audit_log"_s));
    if (entries != 0)
        return Error(ErrorCode::Conflict,
                     tr("the audit log holds %1 entries; an audit base is set only on a field copy "
                        "whose log was emptied")
                         .arg(entries));
    for (const QString& table : auditedTables()) {
        QString sql = u"SELECT COUNT(*) FROM "_s + table + u" WHERE audit_ref > ?1"_s;
        if (table == u"meta"_s)
            sql += u" AND key NOT IN (?2, ?3)"_s;
        auto stmt = db.prepare(sql);
        if (!stmt)
            return stmt.error();
        stmt->bind(1, seq);
        if (table == u"meta"_s)
            stmt->bind(2, baseHashKey()).bind(3, baseSeqKey());
        bool found = false;
        DLI_ASSIGN(found, stmt->step());
        if (found && stmt->int64(0) != 0)
            return Error(ErrorCode::Conflict,
                         tr("%1 rows of %2 name audit entries after %3; the base must be the head "
                            "of the log they were copied from")
                             .arg(stmt->int64(0))
                             .arg(table)
                             .arg(seq));
    }
    // One statement, so both keys are written or neither.
    auto stmt = db.prepare(u"INSERT INTO meta (key, value, audit_ref) VALUES (?1, ?2, ?5), "
                           "(?3, ?4, ?5) ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                           "audit_ref = excluded.audit_ref"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, baseHashKey())
        .bind(2, hash)
        .bind(3, baseSeqKey())
        .bind(4, QString::number(seq))
        .bind(5, seq);
    return stmt->exec();
}

Result<std::int64_t> AuditLog::nextSeq()
{
    std::int64_t seq = 0;
    DLI_TRY(lastHash(&seq));
    return seq + 1;
}

Result<QString> AuditLog::head()
{
    std::int64_t seq = 0;
    return lastHash(&seq);
}

Result<AuditLog::Head> AuditLog::headAt(const QDateTime& moment)
{
    // Times are stored as UTC ISO text with milliseconds, so text order is time order.
    auto stmt =
        m_db.prepare(u"SELECT hash, seq FROM audit_log WHERE at <= ? ORDER BY seq DESC LIMIT 1"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, moment.toUTC().toString(Qt::ISODateWithMs));
    bool found = false;
    DLI_ASSIGN(found, stmt->step());
    if (!found)
        return Head{};
    return Head{stmt->text(0), stmt->int64(1)};
}

Result<std::int64_t> AuditLog::append(AuditEntry e)
{
    e.at = m_options.now();
    e.user = m_options.userName;
    if (!m_context.isEmpty()) {
        QJsonObject details = QJsonDocument::fromJson(e.details).object();
        for (auto it = m_context.begin(); it != m_context.end(); ++it)
            details.insert(it.key(), it.value());
        e.details = canonical(details);
    }
    e.hash = hashOf(e);
    auto stmt = m_db.prepare(u"INSERT INTO audit_log (seq, at, user_name, action, table_name, "
                             "row_id, old_values, new_values, details, prev_hash, hash) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!stmt)
        return stmt.error();
    auto optionalText = [](const QByteArray& raw) -> std::optional<QString> {
        if (raw.isEmpty())
            return std::nullopt;
        return QString::fromUtf8(raw);
    };
    stmt->bind(1, e.seq)
        .bind(2, e.at.toString(Qt::ISODateWithMs))
        .bind(3, e.user)
        .bind(4, e.action)
        .bind(5, e.table)
        .bind(6, e.rowId)
        .bindOptional(7, optionalText(e.oldValues))
        .bindOptional(8, optionalText(e.newValues))
        .bindOptional(9, optionalText(e.details))
        .bind(10, e.prevHash)
        .bind(11, e.hash);
    DLI_TRY(stmt->exec());
    return e.seq;
}

Result<std::optional<QByteArray>> AuditLog::snapshot(const QString& table, const QString& id)
{
    auto stmt =
        m_db.prepare(u"SELECT * FROM "_s + table + u" WHERE "_s + keyColumn(table) + u" = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(RowWriter(stmt.value()).json());
}

Result<std::int64_t> AuditLog::recordRow(const QString& action, const QString& table,
                                         const QString& id, const std::optional<QByteArray>& before,
                                         const QJsonObject& details)
{
    AuditEntry e;
    DLI_ASSIGN(e.prevHash, lastHash(&e.seq));
    ++e.seq;
    auto stamp = m_db.prepare(u"UPDATE "_s + table + u" SET audit_ref = ? WHERE "_s +
                              keyColumn(table) + u" = ?"_s);
    if (!stamp)
        return stamp.error();
    stamp->bind(1, e.seq).bind(2, id);
    DLI_TRY(stamp->exec());
    std::optional<QByteArray> after;
    DLI_ASSIGN(after, snapshot(table, id));
    e.action = action;
    e.table = table;
    e.rowId = id;
    e.oldValues = before.value_or(QByteArray());
    e.newValues = after.value_or(QByteArray());
    if (!details.isEmpty())
        e.details = canonical(details);
    return append(std::move(e));
}

Result<std::int64_t> AuditLog::recordBulk(const QString& action, const QJsonObject& details)
{
    AuditEntry e;
    DLI_ASSIGN(e.prevHash, lastHash(&e.seq));
    ++e.seq;
    QJsonObject tables;
    std::int64_t total = 0;
    for (const QString& table : auditedTables()) {
        auto stamp =
            m_db.prepare(u"UPDATE "_s + table + u" SET audit_ref = ? WHERE audit_ref IS NULL"_s);
        if (!stamp)
            return stamp.error();
        stamp->bind(1, e.seq);
        DLI_TRY(stamp->exec());
        auto rows = m_db.prepare(u"SELECT * FROM "_s + table + u" WHERE audit_ref = ?"_s);
        if (!rows)
            return rows.error();
        rows->bind(1, e.seq);
        const RowWriter writer(rows.value());
        std::vector<RowHash> hashes;
        for (;;) {
            auto more = rows->step();
            if (!more)
                return more.error();
            if (!more.value())
                break;
            hashes.push_back(rowHash(writer.json()));
        }
        if (hashes.empty())
            continue;
        total += static_cast<std::int64_t>(hashes.size());
        tables.insert(table, QJsonObject{{u"rows"_s, static_cast<qint64>(hashes.size())},
                                         {u"digest"_s, digestOf(std::move(hashes))}});
    }
    QJsonObject all = details;
    all.insert(u"tables"_s, tables);
    all.insert(u"rows"_s, static_cast<qint64>(total));
    e.action = action;
    e.details = canonical(all);
    return append(std::move(e));
}

Result<std::int64_t> AuditLog::deleteRows(const QString& action, const QString& table,
                                          const QString& where)
{
    AuditEntry e;
    DLI_ASSIGN(e.prevHash, lastHash(&e.seq));
    ++e.seq;
    auto rows = m_db.prepare(u"SELECT * FROM "_s + table + u" WHERE "_s + where);
    if (!rows)
        return rows.error();
    const RowWriter writer(rows.value());
    int keyIndex = -1;
    int refIndex = -1;
    for (int i = 0; i < rows->columnCount(); ++i) {
        if (rows->columnName(i) == keyColumn(table))
            keyIndex = i;
        if (rows->columnName(i) == u"audit_ref"_s)
            refIndex = i;
    }
    QJsonArray removed;
    for (;;) {
        auto more = rows->step();
        if (!more)
            return more.error();
        if (!more.value())
            break;
        QJsonObject r{{u"id"_s, rows->text(keyIndex)}, {u"hash"_s, hexOf(rowHash(writer.json()))}};
        if (!rows->isNull(refIndex))
            r.insert(u"ref"_s, static_cast<qint64>(rows->int64(refIndex)));
        removed.append(r);
    }
    if (removed.isEmpty())
        return std::int64_t{0};
    DLI_TRY(m_db.exec(u"DELETE FROM "_s + table + u" WHERE "_s + where));
    e.action = action;
    e.table = table;
    e.details = canonical(QJsonObject{{u"removed"_s, removed}});
    return append(std::move(e));
}

Result<std::int64_t> AuditLog::recordEvent(const QString& action, const QJsonObject& details)
{
    AuditEntry e;
    DLI_ASSIGN(e.prevHash, lastHash(&e.seq));
    ++e.seq;
    e.action = action;
    if (!details.isEmpty())
        e.details = canonical(details);
    return append(std::move(e));
}

Result<bool> AuditLog::hasUnstampedRows()
{
    for (const QString& table : auditedTables()) {
        auto n = m_db.scalar(u"SELECT EXISTS (SELECT 1 FROM "_s + table +
                             u" WHERE audit_ref IS NULL)"_s);
        if (!n)
            return n.error();
        if (n.value() != 0)
            return true;
    }
    return false;
}

Result<QList<AuditEntry>> AuditLog::entries(const Filter& filter)
{
    QString sql = u"SELECT "_s + entryColumns() + u" FROM audit_log WHERE 1"_s;
    if (filter.since)
        sql += u" AND at >= ?1"_s;
    if (!filter.user.isEmpty())
        sql += u" AND user_name = ?2"_s;
    if (!filter.table.isEmpty())
        sql += u" AND table_name = ?3"_s;
    if (!filter.rowId.isEmpty())
        sql += u" AND row_id = ?4"_s;
    sql += u" ORDER BY seq"_s;
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return stmt.error();
    if (filter.since)
        stmt->bind(1, filter.since->toString(Qt::ISODate));
    if (!filter.user.isEmpty())
        stmt->bind(2, filter.user);
    if (!filter.table.isEmpty())
        stmt->bind(3, filter.table);
    if (!filter.rowId.isEmpty())
        stmt->bind(4, filter.rowId);
    return readEntries(stmt.value());
}

Result<QList<AuditEntry>> AuditLog::readEntries(Statement& stmt)
{
    QList<AuditEntry> out;
    for (;;) {
        bool more = false;
        DLI_ASSIGN(more, stmt.step());
        if (!more)
            return out;
        out << entryAt(stmt);
    }
}

Result<QList<AuditEntry>> AuditLog::entriesAfter(std::int64_t seq)
{
    auto stmt = m_db.prepare(u"SELECT "_s + entryColumns() +
                             u" FROM audit_log WHERE seq > ? ORDER BY seq"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, seq);
    return readEntries(stmt.value());
}

QString AuditLog::entryColumns()
{
    return u"seq, at, user_name, action, table_name, row_id, old_values, new_values, details, "
           "prev_hash, hash"_s;
}

AuditEntry AuditLog::entryAt(const Statement& row)
{
    AuditEntry e;
    e.seq = row.int64(0);
    e.at = QDateTime::fromString(row.text(1), Qt::ISODateWithMs);
    e.user = row.text(2);
    e.action = row.text(3);
    e.table = row.text(4);
    e.rowId = row.text(5);
    e.oldValues = row.utf8(6);
    e.newValues = row.utf8(7);
    e.details = row.utf8(8);
    e.prevHash = row.text(9);
    e.hash = row.text(10);
    return e;
}

Result<AuditReport> AuditLog::verify(const QString& expect)
{
    AuditReport report;
    QList<AuditEntry> log;
    DLI_ASSIGN(log, entries());
    report.entries = log.size();

    // A field copy's chain starts at its base, the office's head when the copy was made.
    BaseKeys keys;
    DLI_ASSIGN(keys, readBaseKeys(m_db));
    QString baseProblem;
    const std::optional<Head> chainBase = parseBase(keys, &baseProblem);
    if (!baseProblem.isEmpty())
        report.problems << baseProblem;
    if (chainBase) {
        report.baseSeq = chainBase->seq;
        report.baseHash = chainBase->hash;
    }

    // 1. The chain: numbered 1..n (base+1.. on a field copy), each entry's hash over its content
    // and its predecessor's hash.
    QString prev = report.baseHash;
    // On a field copy, the base is in the chain when the first entry links to it.
    bool expectFound =
        expect.isEmpty() || (chainBase && expect == chainBase->hash &&
                             (log.isEmpty() || log.first().prevHash == chainBase->hash));
    bool chainBroken = false;
    QHash<std::int64_t, qsizetype> bySeq;
    for (qsizetype i = 0; i < log.size(); ++i) {
        const AuditEntry& e = log[i];
        bySeq.insert(e.seq, i);
        const std::int64_t wanted = report.baseSeq + static_cast<std::int64_t>(i) + 1;
        if (!chainBroken && e.seq != wanted) {
            report.problems << tr("audit entry %1: expected entry %2 here; entries were deleted, "
                                  "inserted or renumbered")
                                   .arg(e.seq)
                                   .arg(wanted);
            chainBroken = true;
        }
        if (e.prevHash != prev && i == 0 && chainBase) {
            report.problems << tr("audit entry %1: it does not continue the office chain from "
                                  "entry %2 (its link to the base hash is wrong); the field "
                                  "copy's log or its base was changed")
                                   .arg(e.seq)
                                   .arg(chainBase->seq);
            chainBroken = true;
        } else if (e.prevHash != prev) {
            report.problems << tr("audit entry %1: it does not follow entry %2 (its link to the "
                                  "previous entry is wrong); entries were deleted, inserted or "
                                  "reordered")
                                   .arg(e.seq)
                                   .arg(i > 0 ? log[i - 1].seq : 0);
            chainBroken = true;
        }
        if (hashOf(e) != e.hash) {
            report.problems << tr("audit entry %1 (%2, %3): its content does not match its hash; "
                                  "the entry was edited")
                                   .arg(e.seq)
                                   .arg(e.action, e.at.toString(Qt::ISODate));
            chainBroken = true;
        }
        if (!expectFound && e.hash == expect)
            expectFound = !chainBroken;
        prev = e.hash;
    }
    report.head = prev;
    if (!expectFound)
        report.problems << tr("the expected audit head %1 is not in the chain, or the chain is "
                              "broken before it; the log was rewritten or truncated")
                               .arg(expect);

    // 2. The rows: each names the entry that last wrote it, and matches it.
    struct Expected {
        std::int64_t seq;
        bool deleted;
    };
    QHash<QString, QHash<QString, Expected>> lastEntry; // table -> row -> last row entry
    std::map<std::int64_t, QHash<QString, std::vector<RowHash>>> bulkRows; // seq -> table
    QHash<QString, QSet<QString>> removedIds;
    auto contribute = [&](std::int64_t ref, const QString& table, const RowHash& h) {
        const auto it = bySeq.constFind(ref);
        if (it != bySeq.constEnd() && log[*it].rowId.isEmpty() && log[*it].table.isEmpty())
            bulkRows[ref][table].push_back(h);
    };
    for (const AuditEntry& e : log) {
        if (!e.table.isEmpty() && !e.rowId.isEmpty()) {
            lastEntry[e.table][e.rowId] = {e.seq, e.newValues.isEmpty()};
            if (!e.oldValues.isEmpty()) {
                if (auto ref = auditRefOf(e.oldValues))
                    contribute(*ref, e.table, rowHash(e.oldValues));
            }
        } else if (!e.table.isEmpty()) { // rows removed in one entry
            const QJsonArray removed =
                QJsonDocument::fromJson(e.details).object().value("removed"_L1).toArray();
            for (const QJsonValue& v : removed) {
                const QJsonObject r = v.toObject();
                const QString id = r.value("id"_L1).toString();
                removedIds[e.table].insert(id);
                lastEntry[e.table][id] = {e.seq, true};
                const QByteArray raw =
                    QByteArray::fromHex(r.value("hash"_L1).toString().toLatin1());
                RowHash h{};
                std::copy_n(raw.begin(), std::min<qsizetype>(raw.size(), 32), h.begin());
                if (r.contains("ref"_L1))
                    contribute(static_cast<std::int64_t>(r.value("ref"_L1).toDouble()), e.table, h);
            }
        }
    }

    for (const QString& table : auditedTables()) {
        auto rows = m_db.prepare(u"SELECT * FROM "_s + table);
        if (!rows)
            return rows.error();
        const RowWriter writer(rows.value());
        int keyIndex = -1;
        int refIndex = -1;
        for (int i = 0; i < rows->columnCount(); ++i) {
            if (rows->columnName(i) == keyColumn(table))
                keyIndex = i;
            if (rows->columnName(i) == u"audit_ref"_s)
                refIndex = i;
        }
        QSet<QString> seen;
        const QHash<QString, Expected> expected = lastEntry.value(table);
        for (;;) {
            auto more = rows->step();
            if (!more)
                return more.error();
            if (!more.value())
                break;
            ++report.rowsChecked;
            const QString id = rows->text(keyIndex);
            seen.insert(id);
            const QString where = tr("%1 row %2").arg(table, id);
            if (rows->isNull(refIndex)) {
                report.problems << tr("%1: not in the audit log; it was inserted or changed "
                                      "outside DLI Tracker")
                                       .arg(where);
                continue;
            }
            const std::int64_t ref = rows->int64(refIndex);
            if (chainBase && ref >= 1 && ref <= chainBase->seq) {
                // Copied from the office: its entry is in the office's log, not here; but no
                // entry here may have changed it since.
                const auto last = expected.constFind(id);
                if (last != expected.constEnd())
                    report.problems << tr("%1: names audit entry %2, from before the field copy "
                                          "was made, though entry %3 changed it since; it was "
                                          "changed outside DLI Tracker")
                                           .arg(where)
                                           .arg(ref)
                                           .arg(last->seq);
                else
                    ++report.rowsFromBase;
                continue;
            }
            const auto at = bySeq.constFind(ref);
            if (at == bySeq.constEnd()) {
                report.problems
                    << tr("%1: names audit entry %2, which does not exist").arg(where).arg(ref);
                continue;
            }
            const AuditEntry& e = log[*at];
            if (e.rowId.isEmpty()) {
                if (e.table.isEmpty())
                    bulkRows[ref][table].push_back(rowHash(writer.json()));
                else
                    report.problems << tr("%1: names audit entry %2, which is not about it")
                                           .arg(where)
                                           .arg(ref);
                continue;
            }
            const auto last = expected.constFind(id);
            if (e.table != table || e.rowId != id || last == expected.constEnd() ||
                last->seq != ref) {
                report.problems << tr("%1: names audit entry %2, which is not its last change; "
                                      "it was changed outside DLI Tracker")
                                       .arg(where)
                                       .arg(ref);
            } else if (writer.json() != e.newValues) {
                report.problems << tr("%1: differs from its last audited content (entry %2); it "
                                      "was changed outside DLI Tracker")
                                       .arg(where)
                                       .arg(ref);
            }
        }
        for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
            if (!it->deleted && !seen.contains(it.key()))
                report.problems << tr("%1 row %2: missing, though audit entry %3 recorded it; it "
                                      "was deleted outside DLI Tracker")
                                       .arg(table, it.key())
                                       .arg(it->seq);
        }
    }

    // 3. Each bulk entry's rows, as they were written, still give its digest.
    for (const AuditEntry& e : log) {
        if (!e.table.isEmpty() || !e.rowId.isEmpty() || e.details.isEmpty())
            continue;
        const QJsonObject tables =
            QJsonDocument::fromJson(e.details).object().value("tables"_L1).toObject();
        auto found = bulkRows.find(e.seq);
        QHash<QString, std::vector<RowHash>> none;
        QHash<QString, std::vector<RowHash>>& actual =
            found != bulkRows.end() ? found->second : none;
        for (auto t = tables.begin(); t != tables.end(); ++t) {
            const QJsonObject want = t.value().toObject();
            std::vector<RowHash> hashes = actual.take(t.key());
            const qint64 wantRows = static_cast<qint64>(want.value("rows"_L1).toDouble());
            if (static_cast<qint64>(hashes.size()) != wantRows) {
                report.problems << tr("audit entry %1 (%2): it recorded %3 rows of %4, and %5 "
                                      "are there; rows were deleted or added outside DLI Tracker")
                                       .arg(e.seq)
                                       .arg(e.action)
                                       .arg(wantRows)
                                       .arg(t.key())
                                       .arg(hashes.size());
            } else if (digestOf(std::move(hashes)) != want.value("digest"_L1).toString()) {
                report.problems << tr("audit entry %1 (%2): rows of %3 it recorded were changed "
                                      "outside DLI Tracker (their digest differs)")
                                       .arg(e.seq)
                                       .arg(e.action, t.key());
            }
        }
        for (auto t = actual.begin(); t != actual.end(); ++t)
            report.problems << tr("audit entry %1 (%2): %3 rows of %4 name it, which it did not "
                                  "record")
                                   .arg(e.seq)
                                   .arg(e.action)
                                   .arg(t.value().size())
                                   .arg(t.key());
    }

    // 4. Evidence files are stored under their SHA-256.
    auto blobs = m_db.prepare(u"SELECT sha256, content FROM evidence_contents"_s);
    if (!blobs)
        return blobs.error();
    for (;;) {
        auto more = blobs->step();
        if (!more)
            return more.error();
        if (!more.value())
            break;
        const QString sha = blobs->text(0);
        if (QString::fromLatin1(
                QCryptographicHash::hash(blobs->blob(1), QCryptographicHash::Sha256).toHex()) !=
            sha)
            report.problems << tr("evidence file %1: its content does not match its SHA-256; it "
                                  "was changed outside DLI Tracker")
                                   .arg(sha);
    }
    return report;
}

} // namespace dli
