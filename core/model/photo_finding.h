#pragma once

#include <QString>
#include <QStringView>

namespace dli {

// Something about an evidence photo for the verifier's supervisor to look at: a finding, not a
// refusal (the verifier may explain it). PhotoCheck makes them; evidence.findings keeps them.
struct PhotoFinding {
    static constexpr QStringView NoGps = u"no_gps";                    // no GPS position
    static constexpr QStringView FarFromFirm = u"far_from_firm";       // beyond the radius
    static constexpr QStringView NoFirmLocation = u"no_firm_location"; // nothing to compare with
    static constexpr QStringView NoTime = u"no_time";                  // no capture time
    static constexpr QStringView OutsideVisit = u"outside_visit";      // taken on another day

    QString kind;    // one of the above
    QString message; // for people, translated

    friend bool operator==(const PhotoFinding&, const PhotoFinding&) = default;
};

} // namespace dli
