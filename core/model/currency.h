#pragma once

#include <QString>
#include <optional>

namespace dli {

// A currency the program can be financed in: its ISO code, how many minor-unit digits it has
// (two for US dollars and rupees) and how amounts are written for people.
struct Currency {
    QString code;
    int minorDigits = 2;
    QString symbol; // "US$", "PKR "

    // The currencies DLI Tracker knows; an unknown code yields nothing.
    static std::optional<Currency> forCode(const QString& code);
    static QStringList knownCodes();

    friend bool operator==(const Currency&, const Currency&) = default;
};

} // namespace dli
