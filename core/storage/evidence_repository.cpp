#include "core/storage/evidence_repository.h"

#include "core/audit/audit_log.h"
#include "core/storage/database.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// The evidence column that names a target of this kind.
QString targetColumn(Evidence::Target target)
{
    switch (target) {
    case Evidence::Target::Observation:
        return u"observation_id"_s;
    case Evidence::Target::Firm:
        return u"firm_id"_s;
    case Evidence::Target::Service:
        return u"service_id"_s;
    }
    return u"observation_id"_s;
}

// evidence.findings as stored: NULL when not judged, else a JSON array of {"kind", "message"}.
// Text that is not such an array (changed outside DLI Tracker, which `audit verify` reports)
// reads as not judged.
std::optional<QList<PhotoFinding>> findingsFromJson(const QString& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    QList<PhotoFinding> out;
    for (const QJsonValue& item : doc.array()) {
        const QJsonObject o = item.toObject();
        out.append({o.value(u"kind"_s).toString(), o.value(u"message"_s).toString()});
    }
    return out;
}

// A coordinate kept as decimal text, or nothing.
std::optional<double> coordinate(const Statement& row, int col)
{
    if (row.isNull(col))
        return std::nullopt;
    bool ok = false;
    const double value = row.text(col).trimmed().toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

// The columns fromRow() reads, firms joined to give the firm's code.
QString selectEvidence()
{
    return u"SELECT e.id, e.sha256, e.file_name, e.mime_type, e.size, e.observation_id, f.code, "
           "e.service_id, e.attached_by, e.attached_at, e.findings FROM evidence e "
           "LEFT JOIN firms f ON f.id = e.firm_id "_s;
}

} // namespace

Evidence EvidenceRepository::fromRow(const Statement& row)
{
    Evidence e;
    e.id = row.text(0);
    e.sha256 = row.text(1);
    e.fileName = row.text(2);
    e.mimeType = row.text(3);
    e.size = row.int64(4);
    if (!row.isNull(5)) {
        e.target = Evidence::Target::Observation;
        e.targetId = row.text(5);
    } else if (!row.isNull(6)) {
        e.target = Evidence::Target::Firm;
        e.targetId = row.text(6);
    } else {
        e.target = Evidence::Target::Service;
        e.targetId = row.text(7);
    }
    e.attachedBy = row.text(8);
    e.attachedAt = QDateTime::fromString(row.text(9), Qt::ISODate);
    if (!row.isNull(10))
        e.findings = findingsFromJson(row.text(10));
    return e;
}

Result<QString> EvidenceRepository::resolve(Evidence::Target target, const QString& key)
{
    QString sql;
    QString missing;
    switch (target) {
    case Evidence::Target::Observation:
        sql = u"SELECT id FROM observations WHERE id = ?"_s;
        missing = tr("no observation has the id \"%1\"").arg(key);
        break;
    case Evidence::Target::Firm:
        sql = u"SELECT id FROM firms WHERE code = ?"_s;
        missing = tr("no firm has the code \"%1\"").arg(key);
        break;
    case Evidence::Target::Service:
        sql = u"SELECT id FROM services WHERE id = ?"_s;
        missing = tr("no service has the id \"%1\"").arg(key);
        break;
    }
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!row.value())
        return Error(ErrorCode::NotFound, missing);
    return stmt->text(0);
}

Result<Evidence> EvidenceRepository::attach(Evidence::Target target, const QString& targetKey,
                                            const QString& fileName, const QString& mimeType,
                                            const QByteArray& bytes, const QString& id)
{
    QString rowId;
    DLI_ASSIGN(rowId, resolve(target, targetKey));
    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

    // The same content twice on one target is a mistake, never a second piece of evidence.
    auto same = m_db.prepare(u"SELECT id, file_name FROM evidence WHERE sha256 = ? AND "_s +
                             targetColumn(target) + u" = ?"_s);
    if (!same)
        return same.error();
    same->bind(1, sha256).bind(2, rowId);
    auto found = same->step();
    if (!found)
        return found.error();
    if (found.value())
        return Error(ErrorCode::Conflict,
                     tr("the content of %1 is already attached to %2 %3 as %4 (evidence %5)")
                         .arg(fileName, enumToString(kEvidenceTargetNames, target), targetKey,
                              same->text(1), same->text(0)));

    auto content = m_db.prepare(
        u"INSERT OR IGNORE INTO evidence_contents (sha256, size, content) VALUES (?, ?, ?)"_s);
    if (!content)
        return content.error();
    content->bind(1, sha256).bind(2, static_cast<std::int64_t>(bytes.size())).bindBlob(3, bytes);
    DLI_TRY(content->exec());

    Evidence e;
    e.id = id.isEmpty() ? m_options.newId() : id;
    e.sha256 = sha256;
    e.fileName = fileName;
    e.mimeType = mimeType;
    e.size = bytes.size();
    e.target = target;
    e.targetId = targetKey;
    e.attachedBy = m_options.userName;
    const QString attachedAt = m_options.now().toUTC().toString(Qt::ISODate);
    e.attachedAt = QDateTime::fromString(attachedAt, Qt::ISODate); // as stored: whole seconds

    auto insert = m_db.prepare(u"INSERT INTO evidence (id, sha256, file_name, mime_type, size, "_s +
                               targetColumn(target) +
                               u", attached_by, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!insert)
        return insert.error();
    insert->bind(1, e.id)
        .bind(2, e.sha256)
        .bind(3, e.fileName)
        .bind(4, e.mimeType)
        .bind(5, static_cast<std::int64_t>(e.size))
        .bind(6, rowId)
        .bind(7, e.attachedBy)
        .bind(8, attachedAt);
    DLI_TRY(insert->exec());
    return e;
}

Status EvidenceRepository::setFindings(const QString& id, const QList<PhotoFinding>& findings)
{
    QJsonArray items;
    for (const PhotoFinding& f : findings)
        items.append(QJsonObject{{u"kind"_s, f.kind}, {u"message"_s, f.message}});
    auto stmt = m_db.prepare(u"UPDATE evidence SET findings = ? WHERE id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, QString::fromUtf8(AuditLog::canonical(items))).bind(2, id);
    return stmt->exec();
}

Result<std::int64_t> EvidenceRepository::countWithFindings()
{
    return m_db.scalar(
        u"SELECT count(*) FROM evidence WHERE findings IS NOT NULL AND findings <> '[]'"_s);
}

Result<std::optional<EvidenceRepository::FirmPlace>>
EvidenceRepository::firmOf(Evidence::Target target, const QString& key)
{
    QString sql;
    switch (target) {
    case Evidence::Target::Observation:
        return std::optional<FirmPlace>();
    case Evidence::Target::Firm:
        sql = u"SELECT code, latitude, longitude FROM firms WHERE code = ?"_s;
        break;
    case Evidence::Target::Service:
        sql = u"SELECT f.code, f.latitude, f.longitude FROM services s JOIN firms f ON f.id = "
              "s.firm_id WHERE s.id = ?"_s;
        break;
    }
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<FirmPlace>();
    FirmPlace firm{stmt->text(0), coordinate(stmt.value(), 1), coordinate(stmt.value(), 2)};
    if (!firm.latitude || !firm.longitude)
        firm.latitude = firm.longitude = std::nullopt;
    return std::optional<FirmPlace>(firm);
}

Result<QList<Evidence>> EvidenceRepository::list(const std::optional<TargetKey>& filter)
{
    QString rowId;
    if (filter) {
        DLI_ASSIGN(rowId, resolve(filter->target, filter->key));
    }
    QString sql = selectEvidence();
    if (filter)
        sql += u"WHERE e."_s + targetColumn(filter->target) + u" = ? "_s;
    sql += u"ORDER BY e.attached_at, e.rowid"_s;
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return stmt.error();
    if (filter)
        stmt->bind(1, rowId);
    QList<Evidence> out;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        out << fromRow(stmt.value());
    }
    return out;
}

Result<Evidence> EvidenceRepository::find(const QString& id)
{
    auto stmt = m_db.prepare(selectEvidence() + u"WHERE e.id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!row.value())
        return Error(ErrorCode::NotFound, tr("no evidence has the id \"%1\"").arg(id));
    return fromRow(stmt.value());
}

Result<QByteArray> EvidenceRepository::content(const QString& id)
{
    auto stmt = m_db.prepare(u"SELECT c.content FROM evidence e LEFT JOIN evidence_contents c "
                             "ON c.sha256 = e.sha256 WHERE e.id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!row.value())
        return Error(ErrorCode::NotFound, tr("no evidence has the id \"%1\"").arg(id));
    if (stmt->isNull(0))
        return Error(
            ErrorCode::Database,
            tr("the stored evidence is damaged: the content of evidence %1 is missing").arg(id));
    return stmt->blob(0);
}

} // namespace dli
