#pragma once

#include "core/model/evidence.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace dli {

class Session;

// Attaches files to observations and register rows, and gives them back, checked against their
// SHA-256.
class EvidenceService {
    Q_DECLARE_TR_FUNCTIONS(EvidenceService)
public:
    // The largest file accepted: 25 MiB.
    static constexpr qint64 MaxFileBytes = qint64(25) * 1024 * 1024;

    // Reads every file first (refusing a missing, unreadable or too large one), then attaches
    // them all to the target in one transaction: either every file is attached or none is.
    // key: the observation's id, the firm's code, or the service's id.
    static Result<QList<Evidence>> attachFiles(Session& session, Evidence::Target target,
                                               const QString& key, const QStringList& paths);
    // The same inside the caller's transaction (which checks the role), for a verification that
    // attaches what it rests on. Photos attached during a field visit are judged (FieldPhotos);
    // firmCode names the firm an observation's photos are judged against (a sample's firm).
    static Result<QList<Evidence>> attachWithin(Session& session, Evidence::Target target,
                                                const QString& key, const QStringList& paths,
                                                const QString& firmCode = {});
    // A file that arrives as content rather than a path: a field return's attachment, which
    // keeps the id it got on the laptop.
    struct Received {
        QString id;
        QString fileName;
        QString mimeType;
        QByteArray bytes;
        QString firmCode; // an observation's photo: the firm it is judged against (a sample's)
    };
    // Attaches it in its own transaction (officers and verifiers), under the same rules as a
    // file: the size limit, an existing target, not twice on one target.
    static Result<Evidence> attachReceived(Session& session, Evidence::Target target,
                                           const QString& key, const Received& file);
    // Writes the stored content of evidence id to the new file outPath (refusing one that exists)
    // after checking it against its SHA-256.
    static Result<Evidence> exportTo(Session& session, const QString& id, const QString& outPath);
};

} // namespace dli
