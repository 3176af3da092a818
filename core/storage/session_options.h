#pragma once

#include <QDateTime>
#include <QString>
#include <functional>

namespace dli {

// What a session takes from its surroundings: new row ids, the time and the user's name.
// Tests and the demo replace them to get the same database from the same input.
struct SessionOptions {
    std::function<QString()> newId;   // a text UUID; random by default
    std::function<QDateTime()> now;   // UTC; the system clock by default
    QString userName;                 // the operating system's user by default; the logged-in
                                      // user once there is one
    bool minimumPasswordCost = false; // new password hashes at Argon2id's least cost (tests, demo)
    bool seededSalts = false; // password salts from newId() instead of random (the demo only)

    // Fills what was left empty with the defaults.
    SessionOptions withDefaults() const;
    // Ids from a seeded generator and a fixed clock: same seed, same database.
    static SessionOptions deterministic(quint64 seed, const QDateTime& fixedNow,
                                        const QString& userName);
};

} // namespace dli
