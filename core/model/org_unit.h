#pragma once

#include "core/model/enum_names.h"

#include <QString>

namespace dli {

// Where a reported figure belongs. The units form a tree: program > cluster > centre.
// Firms are not org units: they are register rows that name their cluster.
enum class OrgUnitKind { Program, Cluster, Centre };

inline constexpr std::array kOrgUnitKindNames{
    EnumName<OrgUnitKind>{OrgUnitKind::Program, u"program"},
    EnumName<OrgUnitKind>{OrgUnitKind::Cluster, u"cluster"},
    EnumName<OrgUnitKind>{OrgUnitKind::Centre, u"centre"},
};

struct OrgUnit {
    QString code;
    QString name;
    OrgUnitKind kind = OrgUnitKind::Cluster;
    QString parent; // the parent's code; empty for the program itself

    friend bool operator==(const OrgUnit&, const OrgUnit&) = default;
};

} // namespace dli
