#pragma once

#include "core/model/evidence.h"
#include "core/result.h"
#include "core/storage/session.h"

#include <QByteArray>
#include <QCoreApplication>
#include <optional>

namespace dli {

// Judges evidence photos attached during a field visit (docs/field-packages.md, "Photos"):
// their GPS position against the firm's location in the firms register and their capture time
// against the visit's days. The findings are kept with the evidence (evidence.findings) for the
// verifier's supervisor; they never refuse a file.
class FieldPhotos {
    Q_DECLARE_TR_FUNCTIONS(FieldPhotos)
public:
    // The field visit evidence attached now belongs to: the one the session was given (a field
    // return's import sets it while it replays the visit), else on a field copy the days from the
    // package's making to today, in Pakistan Standard Time; nothing at the office.
    static Result<std::optional<Session::FieldVisit>> currentVisit(Session& session);

    // Judges evidence just attached, inside the attach's transaction and before its audit entry
    // (so that the entry holds the findings): during a field visit, an image's findings are
    // stored and set in `evidence`; an office attachment and a file that is not an image are
    // left unjudged. The firm is the evidence's own, its service's, or for an observation's
    // evidence the firm with the code `firmCode` (a sample's firm); without a firm only the GPS
    // position's presence and the capture time are judged.
    static Status judge(Session& session, Evidence& evidence, const QByteArray& bytes,
                        const QString& firmCode = {});
};

} // namespace dli
