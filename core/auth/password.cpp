#include "core/auth/password.h"

#include <sodium.h>

namespace dli {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

Result<QString> Password::hash(const QString& password, Cost cost)
{
    if (!sodiumReady())
        return Error(ErrorCode::Io, tr("the cryptography library could not start"));
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    const bool minimum = cost == Cost::Minimum;
    if (crypto_pwhash_str_alg(
            out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
            minimum ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
            minimum ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE,
            crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error(ErrorCode::Io, tr("not enough memory to hash the password"));
    return QString::fromLatin1(out);
}

Result<QString> Password::hashWithSalt(const QString& password, Cost cost, const QByteArray& salt)
{
    if (!sodiumReady())
        return Error(ErrorCode::Io, tr("the cryptography library could not start"));
    if (salt.size() != crypto_pwhash_SALTBYTES)
        return Error(ErrorCode::InvalidInput,
                     tr("a password salt has %1 bytes").arg(crypto_pwhash_SALTBYTES));
    const bool minimum = cost == Cost::Minimum;
    const unsigned long long ops =
        minimum ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const std::size_t mem =
        minimum ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    const QByteArray utf8 = password.toUtf8();
    unsigned char out[32];
    if (crypto_pwhash(out, sizeof out, utf8.constData(),
                      static_cast<unsigned long long>(utf8.size()),
                      reinterpret_cast<const unsigned char*>(salt.constData()), ops, mem,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error(ErrorCode::Io, tr("not enough memory to hash the password"));
    // libsodium's encoded form: the parameters, then salt and hash in unpadded base64.
    auto b64 = [](const QByteArray& bytes) {
        return QString::fromLatin1(bytes.toBase64(QByteArray::OmitTrailingEquals));
    };
    return QStringLiteral("$argon2id$v=19$m=%1,t=%2,p=1$%3$%4")
        .arg(mem / 1024)
        .arg(ops)
        .arg(b64(salt), b64(QByteArray(reinterpret_cast<const char*>(out), sizeof out)));
}

bool Password::verify(const QString& encodedHash, const QString& password)
{
    if (!sodiumReady())
        return false;
    const QByteArray h = encodedHash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

Status Password::checkPolicy(const QString& password)
{
    if (password.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, tr("the password is empty"));
    if (password.size() < MinimumLength)
        return Error(
            ErrorCode::InvalidInput,
            tr("the password is too short: use at least %1 characters").arg(MinimumLength));
    return {};
}

} // namespace dli
