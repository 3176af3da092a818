// The encrypted container of field packages and returns: entries come back as sealed, and a
// wrong passphrase, a cut or altered file, a foreign file or the wrong kind are refused whole
// with a message that says which. Sealed at libsodium's interactive cost to stay fast.
#include "core/package/sealed_archive.h"
#include "support/test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace dli;
using Catch::Matchers::Contains;
using dli::test::must;

namespace {

constexpr auto kCost = SealedArchive::KeyCost::Interactive;
const QByteArray kPassphrase = QByteArrayLiteral("sialkot field visit 2026");

// Bytes that do not compress or repeat, so that a chunk boundary cannot hide a mistake.
QByteArray pattern(qsizetype size, quint32 seed)
{
    QByteArray out(size, Qt::Uninitialized);
    quint32 x = seed * 2654435761u + 1;
    for (qsizetype i = 0; i < size; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        out[i] = static_cast<char>(x & 0xff);
    }
    return out;
}

QList<ArchiveEntry> sampleEntries()
{
    return {
        {u"manifest.json"_s, QByteArrayLiteral(R"({"package":"P-0001","firms":3})")},
        {u"empty.txt"_s, QByteArray()},
        {u"evidence/large.bin"_s, pattern(1024 * 1024 + 12345, 7)},
        {u"تصاویر/فیکٹری کا دورہ ۱.jpg"_s, pattern(3000, 11)},
    };
}

// The smallest interesting archive: one entry of one byte.
QByteArray tinyArchive(SealedArchive::KeyCost cost = kCost)
{
    return must(SealedArchive::seal({{u"a"_s, QByteArrayLiteral("x")}}, kPassphrase,
                                    SealedArchive::PackageKind, cost));
}

QString messageOf(const QByteArray& sealed, const QByteArray& passphrase = kPassphrase,
                  const QByteArray& kind = SealedArchive::PackageKind)
{
    auto opened = SealedArchive::open(sealed, passphrase, kind);
    return opened ? u"(opened)"_s : opened.error().message;
}

void putU64(QByteArray& bytes, int offset, quint64 v)
{
    for (int i = 0; i < 8; ++i)
        bytes[offset + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

// Rewrites the header's checksum after a deliberate change, as someone crafting a file would.
void reseal(QByteArray& bytes)
{
    const QByteArray sum =
        QCryptographicHash::hash(bytes.left(116), QCryptographicHash::Blake2b_256);
    bytes.replace(116, 32, sum);
}

} // namespace

TEST_CASE("sealed archive: entries come back as sealed", "[package][sealed]")
{
    const QList<ArchiveEntry> entries = sampleEntries();
    const QByteArray sealed =
        must(SealedArchive::seal(entries, kPassphrase, SealedArchive::PackageKind, kCost));

    CHECK(sealed.startsWith("DLITRACKER-SEALED/1\npackage\0"_ba));
    // Nothing readable travels in the clear.
    CHECK_FALSE(sealed.contains("manifest"));
    CHECK_FALSE(sealed.contains("P-0001"));
    CHECK_FALSE(sealed.contains(entries[3].name.toUtf8()));
    CHECK_FALSE(sealed.contains(entries[2].data.mid(1000, 32)));
    // 148 header bytes, the plaintext, 17 bytes per 64 KiB chunk.
    qint64 plain = 4;
    for (const ArchiveEntry& e : entries)
        plain += 4 + e.name.toUtf8().size() + 8 + e.data.size();
    CHECK(sealed.size() == 148 + plain + 17 * ((plain + 65535) / 65536));

    const QList<ArchiveEntry> opened =
        must(SealedArchive::open(sealed, kPassphrase, SealedArchive::PackageKind));
    REQUIRE(opened.size() == entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        INFO(entries[i].name);
        CHECK(opened[i].name == entries[i].name);
        CHECK(opened[i].data == entries[i].data);
    }
    CHECK(opened[1].data.isEmpty());
}

TEST_CASE("sealed archive: no entries, and plaintexts that end on a chunk boundary",
          "[package][sealed]")
{
    CHECK(must(SealedArchive::open(
                   must(SealedArchive::seal({}, kPassphrase, SealedArchive::ReturnKind, kCost)),
                   kPassphrase, SealedArchive::ReturnKind))
              .isEmpty());
    // Plaintext = 4 + (4 + 1 + 8) + data: exactly one and exactly two full chunks.
    for (qsizetype dataSize : {65536 - 17, 2 * 65536 - 17, 65536 - 16, 65536 - 18}) {
        INFO(dataSize);
        const QList<ArchiveEntry> entries{{u"b"_s, pattern(dataSize, 3)}};
        const QByteArray sealed =
            must(SealedArchive::seal(entries, kPassphrase, SealedArchive::PackageKind, kCost));
        CHECK(must(SealedArchive::open(sealed, kPassphrase, SealedArchive::PackageKind)) ==
              entries);
    }
}

TEST_CASE("sealed archive: a wrong passphrase is told apart from damage", "[package][sealed]")
{
    const QByteArray sealed = tinyArchive();
    auto wrong =
        SealedArchive::open(sealed, "sialkot field visit 2025"_ba, SealedArchive::PackageKind);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::Unauthenticated);
    CHECK(wrong.error().message == u"the passphrase does not open this package"_s);
    // The message never repeats the passphrase.
    CHECK_THAT(wrong.error().text().toStdString(), !Contains("2025"));

    const QByteArray aReturn =
        must(SealedArchive::seal({}, kPassphrase, SealedArchive::ReturnKind, kCost));
    CHECK(messageOf(aReturn, "other passphrase"_ba, SealedArchive::ReturnKind) ==
          u"the passphrase does not open this return"_s);
    CHECK(messageOf(sealed, QByteArray()) == u"the passphrase is empty"_s);
}

TEST_CASE("sealed archive: every truncation is refused", "[package][sealed]")
{
    const QByteArray sealed = tinyArchive();
    REQUIRE(sealed.size() == 148 + 18 + 17);
    for (qsizetype size = 0; size < sealed.size(); ++size) {
        INFO("kept " << size << " of " << sealed.size() << " bytes");
        auto opened =
            SealedArchive::open(sealed.left(size), kPassphrase, SealedArchive::PackageKind);
        REQUIRE_FALSE(opened);
        CHECK(opened.error().code == ErrorCode::InvalidInput);
        CHECK(opened.error().message == u"the file is incomplete (truncated)"_s);
    }

    // A long archive cut after a whole chunk (no TAG_FINAL) or inside one.
    const QByteArray large =
        must(SealedArchive::seal(sampleEntries(), kPassphrase, SealedArchive::PackageKind, kCost));
    for (qsizetype size : {qsizetype(148 + 65536 + 17), qsizetype(148 + 3 * (65536 + 17)),
                           qsizetype(148 + 100000), large.size() - 1, large.size() - 17}) {
        INFO(size);
        CHECK(messageOf(large.left(size)) == u"the file is incomplete (truncated)"_s);
    }
}

TEST_CASE("sealed archive: a changed byte anywhere is refused", "[package][sealed]")
{
    // Each change in the body costs a key derivation: at the minimum cost, so that 70 of them
    // take milliseconds (the code path is the same at every cost).
    const QByteArray sealed = tinyArchive(SealedArchive::KeyCost::Minimum);
    for (qsizetype i = 0; i < sealed.size(); ++i) {
        for (char flip : {'\x01', '\x80'}) {
            QByteArray altered = sealed;
            altered[i] = static_cast<char>(altered[i] ^ flip);
            INFO("byte " << i << " xor " << int(static_cast<unsigned char>(flip)));
            auto opened = SealedArchive::open(altered, kPassphrase, SealedArchive::PackageKind);
            REQUIRE_FALSE(opened);
            CHECK(opened.error().code == ErrorCode::InvalidInput);
            CHECK(opened.error().message == u"the file was altered or damaged"_s);
        }
    }
}

TEST_CASE("sealed archive: bytes after the end are refused", "[package][sealed]")
{
    const QByteArray sealed = tinyArchive();
    for (const QByteArray& extra : {"\n"_ba, QByteArray(1, '\0'), sealed}) {
        auto opened = SealedArchive::open(sealed + extra, kPassphrase, SealedArchive::PackageKind);
        REQUIRE_FALSE(opened);
        CHECK_THAT(opened.error().message.toStdString(),
                   Contains("the file was altered or damaged") && Contains("after its end"));
    }
}

TEST_CASE("sealed archive: absurd sizes and limits are refused before anything is allocated",
          "[package][sealed]")
{
    const QByteArray sealed = tinyArchive();
    SECTION("a plaintext size larger than the file")
    {
        QByteArray crafted = sealed;
        putU64(crafted, 68, quint64(1) << 62);
        reseal(crafted);
        CHECK(messageOf(crafted) == u"the file is incomplete (truncated)"_s);
    }
    SECTION("a plaintext size too small to hold the entry count")
    {
        QByteArray crafted = sealed;
        putU64(crafted, 68, 3);
        reseal(crafted);
        CHECK(messageOf(crafted) == u"the file was altered or damaged"_s);
    }
    SECTION("Argon2id limits no laptop should be asked for")
    {
        for (auto [offset, value] : {std::pair{44, quint64(1) << 40}, std::pair{36, quint64(1000)},
                                     std::pair{36, quint64(0)}, std::pair{44, quint64(1)}}) {
            QByteArray crafted = sealed;
            putU64(crafted, offset, value);
            reseal(crafted);
            INFO(offset << " = " << value);
            CHECK(messageOf(crafted) == u"the file was altered or damaged"_s);
        }
    }
    SECTION("a checksum rewritten over a changed salt only looks like a wrong passphrase")
    {
        QByteArray crafted = sealed;
        crafted[60] = static_cast<char>(crafted[60] ^ 1);
        reseal(crafted);
        CHECK(messageOf(crafted) == u"the passphrase does not open this package"_s);
    }
}

TEST_CASE("sealed archive: a file that is not one is named as such", "[package][sealed]")
{
    const QByteArray notOurs = "This is not a DLI Tracker package\n"_ba;
    CHECK(messageOf(notOurs) == u"not a DLI Tracker package"_s);
    CHECK(messageOf("PK\x03\x04"_ba + pattern(400, 5)) == u"not a DLI Tracker package"_s);
    CHECK(messageOf(pattern(10, 9)) == u"not a DLI Tracker package"_s);
    // The magic of a later version is ours, and says so.
    QByteArray later = tinyArchive();
    later[18] = '2';
    reseal(later);
    CHECK_THAT(messageOf(later).toStdString(), Contains("newer DLI Tracker"));
}

TEST_CASE("sealed archive: a return is not a package, nor the reverse", "[package][sealed]")
{
    const QByteArray aReturn =
        must(SealedArchive::seal({{u"changes"_s, "1"_ba}}, kPassphrase, "return"_ba, kCost));
    const QByteArray aPackage = tinyArchive();
    auto asPackage = SealedArchive::open(aReturn, kPassphrase, SealedArchive::PackageKind);
    REQUIRE_FALSE(asPackage);
    CHECK(asPackage.error().code == ErrorCode::InvalidInput);
    CHECK(asPackage.error().message == u"this is a return, not a package"_s);
    CHECK(messageOf(aPackage, kPassphrase, SealedArchive::ReturnKind) ==
          u"this is a package, not a return"_s);
    // Rewriting the kind in the clear header breaks the encryption's authentication.
    QByteArray relabelled = aReturn;
    relabelled.replace(20, 16, QByteArray("package").leftJustified(16, '\0'));
    reseal(relabelled);
    CHECK(messageOf(relabelled) == u"the file was altered or damaged"_s);
}

TEST_CASE("sealed archive: sealing twice gives different bytes that both open", "[package][sealed]")
{
    const QList<ArchiveEntry> entries{{u"manifest.json"_s, "{}"_ba}, {u"x"_s, pattern(100, 1)}};
    const QByteArray first =
        must(SealedArchive::seal(entries, kPassphrase, SealedArchive::PackageKind, kCost));
    const QByteArray second =
        must(SealedArchive::seal(entries, kPassphrase, SealedArchive::PackageKind, kCost));
    REQUIRE(first.size() == second.size());
    CHECK(first != second);
    CHECK(first.mid(52, 16) != second.mid(52, 16)); // salt
    CHECK(first.mid(92, 24) != second.mid(92, 24)); // stream header
    CHECK(first.mid(148) != second.mid(148));
    CHECK(must(SealedArchive::open(first, kPassphrase, SealedArchive::PackageKind)) == entries);
    CHECK(must(SealedArchive::open(second, kPassphrase, SealedArchive::PackageKind)) == entries);
}

TEST_CASE("sealed archive: the key cost is written in the header", "[package][sealed]")
{
    auto opsAndMem = [](const QByteArray& sealed) {
        auto le = [&](int offset) {
            quint64 v = 0;
            for (int i = 7; i >= 0; --i)
                v = (v << 8) | static_cast<unsigned char>(sealed[offset + i]);
            return v;
        };
        return std::pair{le(36), le(44)};
    };
    CHECK(opsAndMem(tinyArchive()) == std::pair{quint64(2), quint64(64) << 20});
    const QByteArray minimum =
        must(SealedArchive::seal({}, kPassphrase, "package"_ba, SealedArchive::KeyCost::Minimum));
    CHECK(opsAndMem(minimum) == std::pair{quint64(1), quint64(8) << 10});
    CHECK(must(SealedArchive::open(minimum, kPassphrase, "package"_ba)).isEmpty());
}

TEST_CASE("sealed archive: what cannot be sealed", "[package][sealed]")
{
    auto refused = [](const QList<ArchiveEntry>& entries, const QByteArray& passphrase,
                      const QByteArray& kind) {
        auto sealed = SealedArchive::seal(entries, passphrase, kind, kCost);
        return sealed ? u"(sealed)"_s : sealed.error().message;
    };
    CHECK(refused({{u"a"_s, {}}, {u"a"_s, {}}}, kPassphrase, "package"_ba) ==
          u"two entries have the same name"_s);
    CHECK(refused({{QString(), "x"_ba}}, kPassphrase, "package"_ba) == u"an entry has no name"_s);
    CHECK_THAT(refused({{QString(1025, u'n'), {}}}, kPassphrase, "package"_ba).toStdString(),
               Contains("longer than 1024 bytes"));
    CHECK(refused({}, QByteArray(), "package"_ba) == u"the passphrase is empty"_s);
    CHECK_THAT(refused({}, kPassphrase, "Package"_ba).toStdString(), Contains("kind"));
    CHECK_THAT(refused({}, kPassphrase, "a-kind-longer-than-16"_ba).toStdString(),
               Contains("kind"));
}

TEST_CASE("sealed archive: files are written whole or not at all", "[package][sealed]")
{
    test::TempDir dir;
    const QString path = dir.path(u"visit.dlipkg"_s);
    const QList<ArchiveEntry> entries = sampleEntries();
    REQUIRE(SealedArchive::sealFile(path, entries, kPassphrase, SealedArchive::PackageKind, kCost));
    CHECK(must(SealedArchive::openFile(path, kPassphrase, SealedArchive::PackageKind)) == entries);

    // A refused seal leaves the file that was there, and no temporary file beside it.
    const QByteArray before = test::readFile(path);
    auto refused = SealedArchive::sealFile(path, {{u"a"_s, {}}, {u"a"_s, {}}}, kPassphrase,
                                           SealedArchive::PackageKind, kCost);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().location == path);
    CHECK(test::readFile(path) == before);
    CHECK(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files) ==
          QStringList{u"visit.dlipkg"_s});

    const QString fresh = dir.path(u"new.dlireturn"_s);
    REQUIRE_FALSE(SealedArchive::sealFile(fresh, entries, QByteArray(), "return"_ba, kCost));
    CHECK_FALSE(QFileInfo::exists(fresh));
    CHECK_FALSE(SealedArchive::sealFile(dir.path(u"missing/folder/x.dlipkg"_s), entries,
                                        kPassphrase, SealedArchive::PackageKind, kCost));

    // Opening names the file in its errors.
    auto missing = SealedArchive::openFile(dir.path(u"nothing.dlipkg"_s), kPassphrase,
                                           SealedArchive::PackageKind);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::Io);
    test::writeFile(dir.path(u"cut.dlipkg"_s), before.left(before.size() / 2));
    auto cut =
        SealedArchive::openFile(dir.path(u"cut.dlipkg"_s), kPassphrase, SealedArchive::PackageKind);
    REQUIRE_FALSE(cut);
    CHECK(cut.error().location == dir.path(u"cut.dlipkg"_s));
    CHECK(cut.error().message == u"the file is incomplete (truncated)"_s);
}

namespace {

// Sets or clears the passphrase variable for one test, and puts it back afterwards.
class PassphraseEnvironment {
public:
    explicit PassphraseEnvironment(const QByteArray* value)
        : m_had(qEnvironmentVariableIsSet(SealedArchive::PassphraseVariable)),
          m_old(qgetenv(SealedArchive::PassphraseVariable))
    {
        if (value)
            qputenv(SealedArchive::PassphraseVariable, *value);
        else
            qunsetenv(SealedArchive::PassphraseVariable);
    }
    ~PassphraseEnvironment()
    {
        if (m_had)
            qputenv(SealedArchive::PassphraseVariable, m_old);
        else
            qunsetenv(SealedArchive::PassphraseVariable);
    }

private:
    bool m_had;
    QByteArray m_old;
};

// An asker that answers from a list and records the prompts.
struct ScriptedAsker {
    QList<QByteArray> answers;
    QStringList prompts;

    SealedArchive::Asker asker()
    {
        return [this](const QString& prompt) -> Result<QByteArray> {
            prompts.append(prompt);
            if (answers.isEmpty())
                return Error(ErrorCode::Unauthenticated, u"cancelled"_s);
            return answers.takeFirst();
        };
    }
};

} // namespace

TEST_CASE("sealed archive: the passphrase comes from the environment or is asked for",
          "[package][sealed]")
{
    SECTION("the environment wins, and nothing is asked")
    {
        const QByteArray value = "پاس ورڈ field 2026"_ba;
        PassphraseEnvironment env(&value);
        ScriptedAsker script;
        CHECK(must(SealedArchive::passphrase(true, script.asker())) == value);
        CHECK(script.prompts.isEmpty());
    }
    SECTION("a short or empty one from the environment is refused")
    {
        const QByteArray shortOne = "short"_ba;
        PassphraseEnvironment env(&shortOne);
        auto refused = SealedArchive::passphrase(true);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message ==
              u"the passphrase is too short: use at least 8 characters"_s);
        CHECK(must(SealedArchive::passphrase(false)) == shortOne); // opening takes any
        const QByteArray empty;
        PassphraseEnvironment none(&empty);
        CHECK(SealedArchive::passphrase(false).error().message == u"the passphrase is empty"_s);
    }
    SECTION("without the variable it is asked for, twice when sealing")
    {
        PassphraseEnvironment env(nullptr);
        ScriptedAsker script{{"correct horse"_ba, "correct horse"_ba}, {}};
        CHECK(must(SealedArchive::passphrase(true, script.asker())) == "correct horse"_ba);
        CHECK(script.prompts.size() == 2);

        ScriptedAsker once{{"correct horse"_ba}, {}};
        CHECK(must(SealedArchive::passphrase(false, once.asker())) == "correct horse"_ba);
        CHECK(once.prompts.size() == 1);

        ScriptedAsker differ{{"correct horse"_ba, "correct house"_ba}, {}};
        CHECK(SealedArchive::passphrase(true, differ.asker()).error().message ==
              u"the two passphrases differ; nothing was written"_s);

        // Eight characters in Urdu are more than eight bytes but still eight characters.
        const QByteArray urdu = u"پاکستان۲"_s.toUtf8();
        ScriptedAsker eight{{urdu, urdu}, {}};
        CHECK(must(SealedArchive::passphrase(true, eight.asker())) == urdu);
        const QByteArray seven = u"پاکستان"_s.toUtf8();
        ScriptedAsker tooShort{{seven, seven}, {}};
        CHECK_FALSE(SealedArchive::passphrase(true, tooShort.asker()));

        ScriptedAsker blank{{"   "_ba}, {}};
        CHECK(SealedArchive::passphrase(false, blank.asker()).error().message ==
              u"the passphrase is empty"_s);
        ScriptedAsker cancelled;
        CHECK(SealedArchive::passphrase(false, cancelled.asker()).error().message ==
              u"cancelled"_s);
    }
    SECTION("with neither, the message names the variable")
    {
        PassphraseEnvironment env(nullptr);
        auto none = SealedArchive::passphrase(false);
        REQUIRE_FALSE(none);
        CHECK(none.error().code == ErrorCode::Unauthenticated);
        CHECK_THAT(none.error().message.toStdString(), Contains("DLITRACKER_PACKAGE_PASSPHRASE"));
    }
}
