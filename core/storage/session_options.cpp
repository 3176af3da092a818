#include "core/storage/session_options.h"

#include <QRandomGenerator64>
#include <QUuid>
#include <memory>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString systemUserName()
{
    for (const char* var : {"USER", "USERNAME", "LOGNAME"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            return v;
    }
    return u"unknown"_s;
}

} // namespace

SessionOptions SessionOptions::withDefaults() const
{
    SessionOptions o = *this;
    if (!o.newId)
        o.newId = [] {
            return QUuid::createUuid().toString(QUuid::WithoutBraces);
        };
    if (!o.now)
        o.now = [] {
            return QDateTime::currentDateTimeUtc();
        };
    if (o.userName.isEmpty())
        o.userName = systemUserName();
    return o;
}

SessionOptions SessionOptions::deterministic(quint64 seed, const QDateTime& fixedNow,
                                             const QString& userName)
{
    auto rng = std::make_shared<QRandomGenerator64>(seed);
    SessionOptions o;
    o.newId = [rng] {
        // A version-4 UUID whose random bits come from the seeded generator.
        QByteArray bytes(16, Qt::Uninitialized);
        rng->fillRange(reinterpret_cast<quint32*>(bytes.data()), 4);
        bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40);
        bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);
        return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
    };
    o.now = [fixedNow] {
        return fixedNow;
    };
    o.userName = userName;
    o.seededSalts = true;
    return o;
}

} // namespace dli
