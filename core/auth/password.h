#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

namespace dli {

// Argon2id password hashes in libsodium's encoded form ("$argon2id$v=19$m=...,t=...,p=1$..."),
// which carries its own cost: checking a password reads the cost from the hash.
class Password {
    Q_DECLARE_TR_FUNCTIONS(Password)
public:
    enum class Cost {
        Minimum,     // libsodium's least cost: for tests and the demo only
        Interactive, // libsodium's interactive cost: real accounts
    };
    static constexpr int MinimumLength = 8;

    static Result<QString> hash(const QString& password, Cost cost);
    // The same with a given 16-byte salt instead of a random one, for the demo, whose content
    // depends on its seed only.
    static Result<QString> hashWithSalt(const QString& password, Cost cost, const QByteArray& salt);
    static bool verify(const QString& encodedHash, const QString& password);
    // Refuses a password too short or blank.
    static Status checkPolicy(const QString& password);
};

} // namespace dli
