#pragma once

#include "core/model/enum_names.h"

#include <QDateTime>
#include <QString>
#include <array>

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

    friend bool operator==(const Evidence&, const Evidence&) = default;
};

// How messages, the CLI and JSON name a target kind.
inline constexpr std::array kEvidenceTargetNames{
    EnumName<Evidence::Target>{Evidence::Target::Observation, u"observation"},
    EnumName<Evidence::Target>{Evidence::Target::Firm, u"firm"},
    EnumName<Evidence::Target>{Evidence::Target::Service, u"service"},
};

} // namespace dli
