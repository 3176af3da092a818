#pragma once

#include "core/model/evidence.h"
#include "core/result.h"
#include "core/storage/session_options.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <optional>

namespace dli {

class Database;
class Statement;

// Evidence files kept inside the database: each content once per SHA-256 (evidence_contents),
// and one evidence row per attachment. Writes happen inside the caller's transaction.
class EvidenceRepository {
    Q_DECLARE_TR_FUNCTIONS(EvidenceRepository)
public:
    // One target: an observation by id, a firm by code, a service by id.
    struct TargetKey {
        Evidence::Target target = Evidence::Target::Observation;
        QString key;
    };

    EvidenceRepository(Database& db, const SessionOptions& options) : m_db(db), m_options(options)
    {}

    // Stores the content (once per SHA-256) and attaches it to the target. Refuses a target that
    // does not exist (NotFound) and content already attached to the same target (Conflict).
    // id: a new one when empty; a field return's attachment keeps the id it got on the laptop.
    Result<Evidence> attach(Evidence::Target target, const QString& targetKey,
                            const QString& fileName, const QString& mimeType,
                            const QByteArray& bytes, const QString& id = {});
    // Stores what the photo check found on an attachment (evidence.findings, canonical JSON: an
    // array of {"kind", "message"}), inside the caller's transaction.
    Status setFindings(const QString& id, const QList<PhotoFinding>& findings);
    // How many attachments were judged with at least one finding.
    Result<std::int64_t> countWithFindings();

    // A firm in the register with its location (both coordinates, or none).
    struct FirmPlace {
        QString code;
        std::optional<double> latitude;
        std::optional<double> longitude;
    };
    // The firm a target is about: the firm with the code `key`, or the firm of the service with
    // the id `key`; nothing for an observation or a key that names no firm or service.
    Result<std::optional<FirmPlace>> firmOf(Evidence::Target target, const QString& key);

    // Every attachment, or those of one target (which must exist), in the order attached.
    Result<QList<Evidence>> list(const std::optional<TargetKey>& filter = std::nullopt);
    // The attachment with this id, or NotFound.
    Result<Evidence> find(const QString& id);
    // The stored bytes of an attachment, as they are (the caller checks them against the
    // SHA-256).
    Result<QByteArray> content(const QString& id);

private:
    // The row id of the target, or NotFound naming the key.
    Result<QString> resolve(Evidence::Target target, const QString& key);
    static Evidence fromRow(const Statement& row);

    Database& m_db;
    const SessionOptions& m_options;
};

} // namespace dli
