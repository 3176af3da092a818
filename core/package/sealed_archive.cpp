#include "core/package/sealed_archive.h"

#include <QBuffer>
#include <QFile>
#include <QSaveFile>
#include <QSet>
#include <QStringDecoder>
#include <algorithm>
#include <cstring>
#include <limits>
#include <sodium.h>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

constexpr char kMagic[] = "DLITRACKER-SEALED/1\n";
constexpr int kMagicSize = 20;
constexpr char kMagicFamily[] = "DLITRACKER-SEALED/";
constexpr int kKindOffset = 20;
constexpr int kKindSize = 16;
constexpr int kOpsOffset = 36;
constexpr int kMemOffset = 44;
constexpr int kSaltOffset = 52;
constexpr int kSaltSize = crypto_pwhash_SALTBYTES;
constexpr int kSizeOffset = 68;
constexpr int kCheckOffset = 76;
constexpr int kCheckSize = 16;
constexpr int kStreamHeaderOffset = 92;
constexpr int kStreamHeaderSize = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr int kChecksumOffset = 116;
constexpr int kChecksumSize = 32;
constexpr int kKeySize = crypto_secretstream_xchacha20poly1305_KEYBYTES;
constexpr int kABytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "DLISEAL1";
constexpr quint64 kStreamSubkey = 1;
constexpr quint64 kCheckSubkey = 2;
// The largest Argon2id limits a file may ask for: libsodium's "sensitive" ones, with room for
// passes but not for memory a laptop would not have.
constexpr quint64 kMaxOps = 4 * crypto_pwhash_OPSLIMIT_SENSITIVE;
constexpr quint64 kMaxMem = crypto_pwhash_MEMLIMIT_SENSITIVE;

static_assert(sizeof kMagic - 1 == kMagicSize);
static_assert(kMagicSize + kKindSize == kOpsOffset && kSaltOffset + kSaltSize == kSizeOffset);
static_assert(kCheckOffset + kCheckSize == kStreamHeaderOffset);
static_assert(kStreamHeaderOffset + kStreamHeaderSize == kChecksumOffset);
static_assert(kChecksumOffset + kChecksumSize == SealedArchive::HeaderSize);
static_assert(kABytes == 17 && kKeySize == 32);

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

const unsigned char* bytes(const QByteArray& b)
{
    return reinterpret_cast<const unsigned char*>(b.constData());
}

void putU32(QByteArray& out, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        out.append(static_cast<char>((v >> (8 * i)) & 0xff));
}

void putU64(QByteArray& out, quint64 v)
{
    for (int i = 0; i < 8; ++i)
        out.append(static_cast<char>((v >> (8 * i)) & 0xff));
}

quint64 getLE(const char* p, int size)
{
    quint64 v = 0;
    for (int i = size - 1; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

// Overwrites a secret held in a QByteArray that nothing else shares, then empties it.
void wipe(QByteArray& secret)
{
    if (!secret.isEmpty() && secret.isDetached())
        sodium_memzero(secret.data(), static_cast<size_t>(secret.size()));
    secret.clear();
}

bool validKind(const QByteArray& kind)
{
    if (kind.isEmpty() || kind.size() > kKindSize)
        return false;
    for (char c : kind) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

std::pair<quint64, quint64> limitsOf(SealedArchive::KeyCost cost)
{
    switch (cost) {
    case SealedArchive::KeyCost::Minimum:
        return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
    case SealedArchive::KeyCost::Interactive:
        return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
    case SealedArchive::KeyCost::Moderate:
        break;
    }
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

QByteArray checksum(const QByteArray& headerStart)
{
    QByteArray out(kChecksumSize, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), kChecksumSize,
                       bytes(headerStart), static_cast<unsigned long long>(headerStart.size()),
                       nullptr, 0);
    return out;
}

// The number of chunks a plaintext of the given size is cut into.
quint64 chunkCount(quint64 plainSize)
{
    return plainSize == 0 ? 1
                          : (plainSize + SealedArchive::ChunkSize - 1) / SealedArchive::ChunkSize;
}

// The keys derived from a passphrase; wiped when they go.
struct Keys {
    unsigned char stream[kKeySize];
    unsigned char check[kCheckSize];

    Keys() = default;
    Keys(const Keys&) = delete;
    Keys& operator=(const Keys&) = delete;
    ~Keys()
    {
        sodium_memzero(stream, sizeof stream);
        sodium_memzero(check, sizeof check);
    }
};

// The secretstream state, which holds the key; wiped when it goes.
struct StreamState {
    crypto_secretstream_xchacha20poly1305_state state;

    StreamState() = default;
    StreamState(const StreamState&) = delete;
    StreamState& operator=(const StreamState&) = delete;
    ~StreamState() { sodium_memzero(&state, sizeof state); }
};

Error incomplete()
{
    return Error(ErrorCode::InvalidInput, SealedArchive::tr("the file is incomplete (truncated)"));
}

Error altered()
{
    return Error(ErrorCode::InvalidInput, SealedArchive::tr("the file was altered or damaged"));
}

Status deriveKeys(Keys& keys, const QByteArray& passphrase, const QByteArray& salt, quint64 ops,
                  quint64 mem)
{
    unsigned char master[crypto_kdf_KEYBYTES];
    static_assert(crypto_kdf_KEYBYTES == 32);
    if (crypto_pwhash(master, sizeof master, passphrase.constData(),
                      static_cast<unsigned long long>(passphrase.size()), bytes(salt), ops,
                      static_cast<size_t>(mem), crypto_pwhash_ALG_ARGON2ID13) != 0) {
        sodium_memzero(master, sizeof master);
        return Error(ErrorCode::Io,
                     SealedArchive::tr("not enough memory to derive the key from the passphrase "
                                       "(it needs %1 MiB)")
                         .arg(mem / (1024 * 1024)));
    }
    crypto_kdf_derive_from_key(keys.stream, sizeof keys.stream, kStreamSubkey, kKdfContext, master);
    crypto_kdf_derive_from_key(keys.check, sizeof keys.check, kCheckSubkey, kKdfContext, master);
    sodium_memzero(master, sizeof master);
    return {};
}

// Cuts the plaintext into chunks, encrypts them and writes them to the device.
class ChunkSealer {
public:
    ChunkSealer(QIODevice& out, const QByteArray& header, quint64 plainSize)
        : m_out(out), m_header(header), m_total(plainSize), m_plain(SealedArchive::ChunkSize, 0),
          m_cipher(SealedArchive::ChunkSize + kABytes, 0)
    {}
    ChunkSealer(const ChunkSealer&) = delete;
    ChunkSealer& operator=(const ChunkSealer&) = delete;
    ~ChunkSealer()
    {
        sodium_memzero(m_plain.data(), static_cast<size_t>(m_plain.size()));
        sodium_memzero(m_cipher.data(), static_cast<size_t>(m_cipher.size()));
    }

    crypto_secretstream_xchacha20poly1305_state* state() { return &m_state.state; }

    Status write(const char* data, quint64 size)
    {
        while (size > 0) {
            const quint64 room = static_cast<quint64>(SealedArchive::ChunkSize - m_fill);
            const quint64 take = qMin(room, size);
            memcpy(m_plain.data() + m_fill, data, static_cast<size_t>(take));
            m_fill += static_cast<qsizetype>(take);
            m_pushed += take;
            data += take;
            size -= take;
            if (m_fill == SealedArchive::ChunkSize || m_pushed == m_total)
                DLI_TRY(flush());
        }
        return {};
    }
    Status write(const QByteArray& data)
    {
        return write(data.constData(), static_cast<quint64>(data.size()));
    }
    bool finished() const { return m_pushed == m_total && m_fill == 0 && m_finalPushed; }

private:
    Status flush()
    {
        const bool final = m_pushed == m_total;
        unsigned long long cipherSize = 0;
        crypto_secretstream_xchacha20poly1305_push(
            &m_state.state, reinterpret_cast<unsigned char*>(m_cipher.data()), &cipherSize,
            reinterpret_cast<const unsigned char*>(m_plain.constData()),
            static_cast<unsigned long long>(m_fill), bytes(m_header),
            static_cast<unsigned long long>(m_header.size()),
            final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                  : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        m_fill = 0;
        m_finalPushed = final;
        if (m_out.write(m_cipher.constData(), static_cast<qint64>(cipherSize)) !=
            static_cast<qint64>(cipherSize))
            return Error(ErrorCode::Io,
                         SealedArchive::tr("cannot write the file: %1").arg(m_out.errorString()));
        return {};
    }

    QIODevice& m_out;
    const QByteArray& m_header;
    quint64 m_total;
    quint64 m_pushed = 0;
    QByteArray m_plain;
    qsizetype m_fill = 0;
    QByteArray m_cipher;
    StreamState m_state;
    bool m_finalPushed = false;
};

// Reads the chunks one at a time from the device, decrypts them and hands out the plaintext.
class ChunkOpener {
public:
    ChunkOpener(QIODevice& in, const QByteArray& header, quint64 plainSize)
        : m_in(in), m_header(header), m_total(plainSize),
          m_cipher(SealedArchive::ChunkSize + kABytes, 0), m_plain(SealedArchive::ChunkSize, 0)
    {}
    ChunkOpener(const ChunkOpener&) = delete;
    ChunkOpener& operator=(const ChunkOpener&) = delete;
    ~ChunkOpener() { sodium_memzero(m_plain.data(), static_cast<size_t>(m_plain.size())); }

    crypto_secretstream_xchacha20poly1305_state* state() { return &m_state.state; }

    // Plaintext not yet handed out, decrypted or not.
    quint64 remaining() const { return m_total - m_given; }

    Status read(char* out, quint64 size)
    {
        if (size > remaining())
            return altered();
        while (size > 0) {
            if (m_pos == m_fill)
                DLI_TRY(pull());
            const quint64 take = qMin(size, static_cast<quint64>(m_fill - m_pos));
            memcpy(out, m_plain.constData() + m_pos, static_cast<size_t>(take));
            m_pos += static_cast<qsizetype>(take);
            m_given += take;
            out += take;
            size -= take;
        }
        return {};
    }
    Result<quint64> readLE(int size)
    {
        char buf[8];
        DLI_TRY(read(buf, static_cast<quint64>(size)));
        return getLE(buf, size);
    }

private:
    Status pull()
    {
        const quint64 plainSize = qMin<quint64>(SealedArchive::ChunkSize, m_total - m_decrypted);
        const qint64 cipherSize = static_cast<qint64>(plainSize) + kABytes;
        if (m_in.read(m_cipher.data(), cipherSize) != cipherSize)
            return incomplete(); // the file shrank while being read
        unsigned long long got = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(
                &m_state.state, reinterpret_cast<unsigned char*>(m_plain.data()), &got, &tag,
                reinterpret_cast<const unsigned char*>(m_cipher.constData()),
                static_cast<unsigned long long>(cipherSize), bytes(m_header),
                static_cast<unsigned long long>(m_header.size())) != 0 ||
            got != plainSize)
            return altered();
        m_decrypted += plainSize;
        const bool last = m_decrypted == m_total;
        if (tag != (last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                         : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE))
            return altered();
        m_fill = static_cast<qsizetype>(plainSize);
        m_pos = 0;
        return {};
    }

    QIODevice& m_in;
    const QByteArray& m_header;
    quint64 m_total;
    quint64 m_decrypted = 0;
    quint64 m_given = 0;
    QByteArray m_cipher;
    QByteArray m_plain;
    qsizetype m_fill = 0;
    qsizetype m_pos = 0;
    StreamState m_state;
};

// The name in strict UTF-8, or nothing when the bytes are not valid UTF-8.
std::optional<QString> decodeName(const QByteArray& utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString name = decoder(utf8);
    if (decoder.hasError() || name.toUtf8() != utf8)
        return std::nullopt;
    return name;
}

} // namespace

Result<QByteArray> SealedArchive::seal(const QList<ArchiveEntry>& entries,
                                       const QByteArray& passphrase, const QByteArray& kind,
                                       KeyCost cost)
{
    QByteArray sealed;
    QBuffer buffer(&sealed);
    buffer.open(QIODevice::WriteOnly);
    DLI_TRY(sealTo(buffer, entries, passphrase, kind, cost));
    buffer.close();
    return sealed;
}

Result<QList<ArchiveEntry>> SealedArchive::open(const QByteArray& sealed,
                                                const QByteArray& passphrase,
                                                const QByteArray& expectedKind)
{
    QBuffer buffer;
    buffer.setData(sealed);
    buffer.open(QIODevice::ReadOnly);
    return openFrom(buffer, passphrase, expectedKind);
}

Status SealedArchive::sealFile(const QString& path, const QList<ArchiveEntry>& entries,
                               const QByteArray& passphrase, const QByteArray& kind, KeyCost cost)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, tr("cannot write the file: %1").arg(file.errorString()), path);
    if (Status sealed = sealTo(file, entries, passphrase, kind, cost); !sealed) {
        file.cancelWriting();
        Error error = sealed.error();
        error.location = path;
        return error;
    }
    if (!file.commit())
        return Error(ErrorCode::Io, tr("cannot write the file: %1").arg(file.errorString()), path);
    return {};
}

Result<QList<ArchiveEntry>> SealedArchive::openFile(const QString& path,
                                                    const QByteArray& passphrase,
                                                    const QByteArray& expectedKind)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, tr("cannot read the file: %1").arg(file.errorString()), path);
    Result<QList<ArchiveEntry>> entries = [&]() -> Result<QList<ArchiveEntry>> {
        if (!file.isSequential())
            return openFrom(file, passphrase, expectedKind);
        // A pipe has no size to check the length against: read it whole.
        QBuffer buffer;
        buffer.setData(file.readAll());
        buffer.open(QIODevice::ReadOnly);
        return openFrom(buffer, passphrase, expectedKind);
    }();
    if (!entries) {
        Error error = entries.error();
        error.location = path;
        return error;
    }
    return entries;
}

Status SealedArchive::sealTo(QIODevice& out, const QList<ArchiveEntry>& entries,
                             const QByteArray& passphrase, const QByteArray& kind, KeyCost cost)
{
    if (!sodiumReady())
        return Error(ErrorCode::Io, tr("the cryptography library could not start"));
    if (!validKind(kind))
        return Error(ErrorCode::Usage,
                     tr("a sealed file's kind is 1 to 16 lower-case letters, digits or dashes"));
    if (passphrase.isEmpty())
        return Error(ErrorCode::InvalidInput, tr("the passphrase is empty"));
    if (static_cast<quint64>(entries.size()) > std::numeric_limits<quint32>::max())
        return Error(ErrorCode::InvalidInput, tr("too many entries for one sealed file"));

    // The names, checked, and the plaintext's size.
    QList<QByteArray> names;
    names.reserve(entries.size());
    QSet<QString> seen;
    quint64 plainSize = 4;
    for (const ArchiveEntry& entry : entries) {
        const QByteArray name = entry.name.toUtf8();
        if (name.isEmpty())
            return Error(ErrorCode::InvalidInput, tr("an entry has no name"));
        if (name.size() > MaxNameBytes)
            return Error(ErrorCode::InvalidInput,
                         tr("the entry name is longer than %1 bytes").arg(MaxNameBytes),
                         entry.name.left(80));
        if (QString::fromUtf8(name) != entry.name)
            return Error(ErrorCode::InvalidInput, tr("the entry name is not valid text"));
        if (seen.contains(entry.name))
            return Error(ErrorCode::InvalidInput, tr("two entries have the same name"), entry.name);
        seen.insert(entry.name);
        plainSize +=
            4 + static_cast<quint64>(name.size()) + 8 + static_cast<quint64>(entry.data.size());
        names.append(name);
    }

    const auto [ops, mem] = limitsOf(cost);
    QByteArray salt(kSaltSize, Qt::Uninitialized);
    randombytes_buf(salt.data(), static_cast<size_t>(salt.size()));
    Keys keys;
    DLI_TRY(deriveKeys(keys, passphrase, salt, ops, mem));

    QByteArray header;
    header.reserve(HeaderSize);
    header.append(kMagic, kMagicSize);
    header.append(kind);
    header.append(kKindSize - kind.size(), '\0');
    putU64(header, ops);
    putU64(header, mem);
    header.append(salt);
    putU64(header, plainSize);
    header.append(reinterpret_cast<const char*>(keys.check), kCheckSize);
    QByteArray streamHeader(kStreamHeaderSize, Qt::Uninitialized);
    ChunkSealer sealer(out, header, plainSize);
    crypto_secretstream_xchacha20poly1305_init_push(
        sealer.state(), reinterpret_cast<unsigned char*>(streamHeader.data()), keys.stream);
    header.append(streamHeader);
    header.append(checksum(header));
    Q_ASSERT(header.size() == HeaderSize);

    if (out.write(header) != header.size())
        return Error(ErrorCode::Io, tr("cannot write the file: %1").arg(out.errorString()));
    QByteArray frame;
    putU32(frame, static_cast<quint32>(entries.size()));
    DLI_TRY(sealer.write(frame));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        frame.clear();
        putU32(frame, static_cast<quint32>(names[i].size()));
        frame.append(names[i]);
        putU64(frame, static_cast<quint64>(entries[i].data.size()));
        DLI_TRY(sealer.write(frame));
        DLI_TRY(sealer.write(entries[i].data));
    }
    Q_ASSERT(sealer.finished());
    return {};
}

Result<QList<ArchiveEntry>> SealedArchive::openFrom(QIODevice& in, const QByteArray& passphrase,
                                                    const QByteArray& expectedKind)
{
    if (!sodiumReady())
        return Error(ErrorCode::Io, tr("the cryptography library could not start"));
    if (!validKind(expectedKind))
        return Error(ErrorCode::Usage,
                     tr("a sealed file's kind is 1 to 16 lower-case letters, digits or dashes"));

    // The magic line: ours, ours but damaged, a later version's, or something else.
    const QByteArray header = in.read(HeaderSize);
    const QByteArray magic = QByteArray::fromRawData(kMagic, kMagicSize);
    const bool magicOk =
        header.size() >= kMagicSize ? header.startsWith(magic) : magic.startsWith(header);
    if (!magicOk) {
        if (header.size() == HeaderSize &&
            checksum(magic + header.mid(kMagicSize, kChecksumOffset - kMagicSize)) ==
                header.mid(kChecksumOffset))
            return altered();
        if (header.startsWith(kMagicFamily))
            return Error(ErrorCode::InvalidInput,
                         tr("this package was made by a newer DLI Tracker; update DLI Tracker "
                            "to open it"));
        return Error(ErrorCode::InvalidInput, tr("not a DLI Tracker package"));
    }
    if (header.size() < HeaderSize)
        return incomplete();
    if (checksum(header.left(kChecksumOffset)) != header.mid(kChecksumOffset))
        return altered();

    // The length the header promises, against the file's.
    const quint64 plainSize = getLE(header.constData() + kSizeOffset, 8);
    const qint64 fileSize = in.size();
    if (plainSize < 4)
        return altered();
    if (plainSize > static_cast<quint64>(fileSize))
        return incomplete();
    const quint64 expectedSize = HeaderSize + plainSize + kABytes * chunkCount(plainSize);
    if (static_cast<quint64>(fileSize) < expectedSize)
        return incomplete();
    if (static_cast<quint64>(fileSize) > expectedSize)
        return Error(ErrorCode::InvalidInput,
                     tr("the file was altered or damaged: it goes on after its end"));

    QByteArray kind = header.mid(kKindOffset, kKindSize);
    while (kind.endsWith('\0'))
        kind.chop(1);
    if (!validKind(kind))
        return altered();
    if (kind != expectedKind)
        return Error(ErrorCode::InvalidInput,
                     tr("this is a %1, not a %2")
                         .arg(QString::fromLatin1(kind), QString::fromLatin1(expectedKind)));

    const quint64 ops = getLE(header.constData() + kOpsOffset, 8);
    const quint64 mem = getLE(header.constData() + kMemOffset, 8);
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > kMaxOps || mem < crypto_pwhash_MEMLIMIT_MIN ||
        mem > kMaxMem)
        return altered();

    if (passphrase.isEmpty())
        return Error(ErrorCode::Unauthenticated, tr("the passphrase is empty"));
    Keys keys;
    DLI_TRY(deriveKeys(keys, passphrase, header.mid(kSaltOffset, kSaltSize), ops, mem));
    if (sodium_memcmp(keys.check, header.constData() + kCheckOffset, kCheckSize) != 0)
        return Error(ErrorCode::Unauthenticated,
                     expectedKind == ReturnKind ? tr("the passphrase does not open this return")
                                                : tr("the passphrase does not open this package"));

    ChunkOpener opener(in, header, plainSize);
    if (crypto_secretstream_xchacha20poly1305_init_pull(
            opener.state(), bytes(header) + kStreamHeaderOffset, keys.stream) != 0)
        return altered();

    quint64 count = 0;
    DLI_ASSIGN(count, opener.readLE(4));
    // Each entry takes at least 13 bytes (a name length, a one-byte name, a data length).
    if (count > opener.remaining() / 13)
        return altered();
    QList<ArchiveEntry> entries;
    entries.reserve(static_cast<qsizetype>(count));
    QSet<QString> seen;
    for (quint64 i = 0; i < count; ++i) {
        quint64 nameSize = 0;
        DLI_ASSIGN(nameSize, opener.readLE(4));
        if (nameSize == 0 || nameSize > MaxNameBytes)
            return altered();
        QByteArray utf8(static_cast<qsizetype>(nameSize), Qt::Uninitialized);
        DLI_TRY(opener.read(utf8.data(), nameSize));
        const std::optional<QString> name = decodeName(utf8);
        if (!name || seen.contains(*name))
            return altered();
        seen.insert(*name);
        quint64 dataSize = 0;
        DLI_ASSIGN(dataSize, opener.readLE(8));
        if (dataSize > opener.remaining())
            return altered();
        QByteArray data(static_cast<qsizetype>(dataSize), Qt::Uninitialized);
        DLI_TRY(opener.read(data.data(), dataSize));
        entries.append(ArchiveEntry{*name, std::move(data)});
    }
    if (opener.remaining() != 0)
        return altered();
    return entries;
}

Result<QByteArray> SealedArchive::passphrase(bool confirm, const Asker& ask)
{
    QByteArray first;
    if (qEnvironmentVariableIsSet(PassphraseVariable)) {
        first = qgetenv(PassphraseVariable);
    } else {
        if (!ask)
            return Error(ErrorCode::Unauthenticated,
                         tr("no passphrase: set %1 or run the command in a terminal, where it asks "
                            "for one")
                             .arg(QString::fromLatin1(PassphraseVariable)));
        DLI_ASSIGN(first, ask(tr("Passphrase: ")));
        if (confirm) {
            Result<QByteArray> again = ask(tr("Repeat the passphrase: "));
            if (!again) {
                wipe(first);
                return again.error();
            }
            QByteArray repeated = std::move(again).value();
            const bool same = repeated.size() == first.size() &&
                              sodium_memcmp(repeated.constData(), first.constData(),
                                            static_cast<size_t>(first.size())) == 0;
            wipe(repeated);
            if (!same) {
                wipe(first);
                return Error(ErrorCode::InvalidInput,
                             tr("the two passphrases differ; nothing was written"));
            }
        }
    }
    // Counted on the UTF-8 bytes, so that no other copy of the secret is made.
    const bool blank = std::all_of(first.cbegin(), first.cend(), [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    });
    if (blank) {
        wipe(first);
        return Error(ErrorCode::InvalidInput, tr("the passphrase is empty"));
    }
    const auto characters = std::count_if(first.cbegin(), first.cend(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    });
    if (confirm && characters < MinimumPassphraseLength) {
        wipe(first);
        return Error(ErrorCode::InvalidInput,
                     tr("the passphrase is too short: use at least %1 characters")
                         .arg(MinimumPassphraseLength));
    }
    return first;
}

} // namespace dli
