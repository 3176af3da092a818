#pragma once

// The encrypted container that field packages (.dlipkg) and returns (.dlireturn) travel in: a
// list of named entries, sealed with a passphrase. What the entries hold is decided elsewhere.
//
// File format, version 1 (docs/field-packages.md, "File format"); integers little-endian:
//
//   offset size  header (148 bytes, in the clear but authenticated)
//        0   20  magic "DLITRACKER-SEALED/1\n"
//       20   16  kind, ASCII, NUL-padded: "package" or "return"
//       36    8  Argon2id opslimit (u64)
//       44    8  Argon2id memlimit in bytes (u64)
//       52   16  Argon2id salt (random)
//       68    8  plaintext size P (u64)
//       76   16  key check: proves the passphrase before any content is decrypted
//       92   24  crypto_secretstream_xchacha20poly1305 header (random nonce)
//      116   32  BLAKE2b-256 (crypto_generichash) of bytes 0..115: tells damage from a
//                wrong passphrase
//      148       body: the encrypted chunks
//
// Key: a 32-byte master key from crypto_pwhash (Argon2id 1.3) over the passphrase with the
// header's salt and limits; crypto_kdf_derive_from_key (context "DLISEAL1") derives from it the
// stream key (subkey 1) and the 16-byte key check (subkey 2). The master key is never stored.
//
// Body: the plaintext cut into chunks of 65536 bytes, the last one shorter (or full) and tagged
// TAG_FINAL, the others TAG_MESSAGE; n = ceil(P / 65536) chunks, each pushed with the 148
// header bytes as additional data and stored as its ciphertext only (chunk + 17 bytes), so the
// file is exactly 148 + P + 17 n bytes long.
//
// Plaintext: u32 number of entries; per entry u32 name length, the name in UTF-8, u64 data
// length, the data. It ends with the last entry.
//
// Opening checks, in this order, and refuses with an Error and no partial result: the magic
// ("not a DLI Tracker package"; a damaged magic whose checksum still matches is "altered"), the
// header's length (truncated), the header checksum (altered), the file's length against P
// (truncated, or bytes after the end), the kind ("this is a return, not a package"), the
// Argon2id limits (at most 16 passes and 1 GiB), the key check (wrong passphrase), then every
// chunk, its tag and the framing (altered). Sizes are checked before anything is allocated.

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <functional>

class QIODevice;

namespace dli {

struct ArchiveEntry {
    QString name; // a label, unique in the archive; not a path to trust when writing files
    QByteArray data;

    bool operator==(const ArchiveEntry&) const = default;
};

class SealedArchive {
    Q_DECLARE_TR_FUNCTIONS(SealedArchive)
public:
    // How hard the passphrase is to guess from a stolen file: the Argon2id limits written into
    // the header. Opening reads them from the file, so any cost opens.
    enum class KeyCost {
        Moderate,    // crypto_pwhash_*_MODERATE: 3 passes over 256 MiB, the default
        Interactive, // crypto_pwhash_*_INTERACTIVE: 2 passes over 64 MiB, for tests
        Minimum,     // crypto_pwhash_*_MIN: for tests that seal many archives only
    };

    static constexpr int ChunkSize = 64 * 1024;
    static constexpr int HeaderSize = 148;
    static constexpr int MaxNameBytes = 1024;
    static constexpr int MinimumPassphraseLength = 8;
    static constexpr const char* PackageKind = "package";
    static constexpr const char* ReturnKind = "return";
    static constexpr const char* PassphraseVariable = "DLITRACKER_PACKAGE_PASSPHRASE";

    // Seals the entries (names unique, non-empty, at most MaxNameBytes in UTF-8) under the
    // passphrase; kind is 1 to 16 of [a-z0-9-], normally PackageKind or ReturnKind. Two seals of
    // the same entries differ (random salt and nonce).
    static Result<QByteArray> seal(const QList<ArchiveEntry>& entries, const QByteArray& passphrase,
                                   const QByteArray& kind, KeyCost cost = KeyCost::Moderate);
    // The entries, in the order sealed, or the reason the bytes cannot be opened.
    static Result<QList<ArchiveEntry>> open(const QByteArray& sealed, const QByteArray& passphrase,
                                            const QByteArray& expectedKind);

    // The same with a file. sealFile writes a temporary file beside path and renames it over
    // path (replacing a file there) only when everything is written: a failure leaves nothing.
    // Errors carry the path as their location.
    static Status sealFile(const QString& path, const QList<ArchiveEntry>& entries,
                           const QByteArray& passphrase, const QByteArray& kind,
                           KeyCost cost = KeyCost::Moderate);
    static Result<QList<ArchiveEntry>> openFile(const QString& path, const QByteArray& passphrase,
                                                const QByteArray& expectedKind);

    // Asks the user for a secret with the given prompt without echo (the CLI passes its terminal
    // prompt, the GUI a dialog); an Error when there is no one to ask or the user cancelled.
    using Asker = std::function<Result<QByteArray>(const QString& prompt)>;

    // The passphrase from DLITRACKER_PACKAGE_PASSPHRASE when set, else from ask (twice when
    // confirm is set, for sealing). Refuses an empty one and, when confirm is set, one shorter
    // than MinimumPassphraseLength characters. Never printed, never kept.
    static Result<QByteArray> passphrase(bool confirm, const Asker& ask = {});

private:
    static Status sealTo(QIODevice& out, const QList<ArchiveEntry>& entries,
                         const QByteArray& passphrase, const QByteArray& kind, KeyCost cost);
    static Result<QList<ArchiveEntry>> openFrom(QIODevice& in, const QByteArray& passphrase,
                                                const QByteArray& expectedKind);
};

} // namespace dli
