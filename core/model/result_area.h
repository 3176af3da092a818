#pragma once

#include <QString>

namespace dli {

// A group of objectives, e.g. "Investment climate" or "Industrial clusters".
struct ResultArea {
    QString code;
    QString title;

    friend bool operator==(const ResultArea&, const ResultArea&) = default;
};

} // namespace dli
