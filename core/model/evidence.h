#pragma once

#include "core/model/enum_names.h"
#include "core/model/photo_finding.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace dli {

// A file attached to an observation or a register row, kept inside the database with its
// SHA-256. The same content attached several times is stored once.
struct Evidence {
    // What a file is attached to.
    enum class Target { Observation, Firm, Service };

    QString id;
    QString sha256; // lowercase hex
    QString fileName;
    QString mimeType;
    qint64 size = 0;
    Target target = Target::Observation;
    QString targetId; // the observation's id, the firm's code, or the service's id
    QString attachedBy;
    QDateTime attachedAt;
    // What the photo check found, for a photo attached during a field visit
    // (docs/field-packages.md, "Photos"): nothing when the file was not judged (attached at the
    // office, or not an image), an empty list when it was judged and nothing was found.
    std::optional<QList<PhotoFinding>> findings;

    // Judged, with at least one finding.
    bool hasFindings() const { return findings && !findings->isEmpty(); }

    friend bool operator==(const Evidence&, const Evidence&) = default;
};

// How messages, the CLI and JSON name a target kind.
inline constexpr std::array kEvidenceTargetNames{
    EnumName<Evidence::Target>{Evidence::Target::Observation, u"observation"},
    EnumName<Evidence::Target>{Evidence::Target::Firm, u"firm"},
    EnumName<Evidence::Target>{Evidence::Target::Service, u"service"},
};

} // namespace dli
