#include "core/io/zip_reader.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <array>
#include <climits>
#include <minizip/unzip.h>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

constexpr int kCaseInsensitive = 2; // unzLocateFile's iCaseSensitivity

unzFile handle(void* zip)
{
    return static_cast<unzFile>(zip);
}

} // namespace

// The member open in the archive, read as it unpacks.
class ZipReader::Entry final : public QIODevice {
public:
    Entry(ZipReader* reader, const QString& name, Sizes sizes)
        : m_reader(reader), m_name(name), m_sizes(sizes)
    {
        QIODevice::open(QIODevice::ReadOnly);
    }
    ~Entry() override
    {
        if (m_reader)
            m_reader->closeMember();
    }
    Entry(const Entry&) = delete;
    Entry& operator=(const Entry&) = delete;

    // The reader closed the member or went away.
    void detach() { m_reader = nullptr; }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        const quint64 left = m_sizes.unpacked > m_read ? m_sizes.unpacked - m_read : 0;
        return QIODevice::bytesAvailable() +
               (m_reader && !m_failed ? static_cast<qint64>(std::min<quint64>(left, INT_MAX)) : 0);
    }
    bool atEnd() const override { return bytesAvailable() == 0; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (!m_reader || m_failed)
            return -1;
        if (maxSize <= 0)
            return 0;
        const auto want = static_cast<unsigned>(std::min<qint64>(maxSize, INT_MAX));
        const int n = unzReadCurrentFile(handle(m_reader->m_zip), data, want);
        if (n < 0) {
            m_failed = true;
            setErrorString(ZipReader::tr("the archive member is damaged (error %1)").arg(n));
            return -1;
        }
        m_read += static_cast<quint64>(n);
        if (Status st = m_reader->checkUnpacked(m_name, m_read, m_sizes.packed); !st) {
            m_failed = true;
            setErrorString(st.error().message);
            return -1;
        }
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    ZipReader* m_reader;
    QString m_name;
    Sizes m_sizes;
    quint64 m_read = 0; // bytes unpacked so far
    bool m_failed = false;
};

ZipReader::ZipReader(const QString& path, void* zip) : m_path(path), m_zip(zip) {}

ZipReader::~ZipReader()
{
    closeMember();
    unzClose(handle(m_zip));
}

Result<std::unique_ptr<ZipReader>> ZipReader::open(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return Error(ErrorCode::Io, tr("the file cannot be read"), path);
    const QByteArray name = QFile::encodeName(path);
    unzFile zip = unzOpen64(name.constData());
    if (!zip)
        return Error(ErrorCode::InvalidInput, tr("the file is not a ZIP archive"), path);
    return std::unique_ptr<ZipReader>(new ZipReader(path, zip));
}

bool ZipReader::contains(const QString& name)
{
    closeMember();
    return !name.isEmpty() &&
           unzLocateFile(handle(m_zip), name.toUtf8().constData(), kCaseInsensitive) == UNZ_OK;
}

Result<ZipReader::Sizes> ZipReader::openMember(const QString& name)
{
    closeMember();
    m_refusal = Refusal::None;
    if (name.isEmpty() ||
        unzLocateFile(handle(m_zip), name.toUtf8().constData(), kCaseInsensitive) != UNZ_OK)
        return Error(ErrorCode::InvalidInput, tr("the archive has no member %1").arg(name), m_path);
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(handle(m_zip), &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        return Error(ErrorCode::InvalidInput,
                     tr("the archive member %1 cannot be unpacked").arg(name), m_path);
    // The recorded sizes refuse an honest zip bomb before anything is unpacked; a dishonest one
    // is refused by counting as it unpacks.
    const Sizes sizes{info.compressed_size, info.uncompressed_size};
    DLI_TRY(checkUnpacked(name, sizes.unpacked, sizes.packed));
    if (unzOpenCurrentFile(handle(m_zip)) != UNZ_OK)
        return Error(ErrorCode::InvalidInput,
                     tr("the archive member %1 cannot be unpacked").arg(name), m_path);
    m_memberOpen = true;
    return sizes;
}

Status ZipReader::checkUnpacked(const QString& name, quint64 unpacked, quint64 packed)
{
    constexpr auto maxBytes = static_cast<quint64>(kMaxUnpackedBytes);
    constexpr auto ratio = static_cast<quint64>(kBombRatio);
    if (unpacked > maxBytes) {
        m_refusal = Refusal::TooLarge;
        return Error(ErrorCode::InvalidInput,
                     tr("the archive member %1 unpacks to more than %2 MiB; it is not a file DLI "
                        "Tracker can read")
                         .arg(name)
                         .arg(kMaxUnpackedBytes >> 20),
                     m_path);
    }
    // Divided rather than multiplied: a hostile packed size could overflow the product.
    if (unpacked > static_cast<quint64>(kBombFloorBytes) && unpacked / ratio >= packed) {
        m_refusal = Refusal::Bomb;
        return Error(ErrorCode::InvalidInput,
                     tr("the archive member %1 unpacks to more than %2 times its packed size, as "
                        "a zip bomb does; it is not a file DLI Tracker can read")
                         .arg(name)
                         .arg(kBombRatio),
                     m_path);
    }
    return {};
}

void ZipReader::closeMember()
{
    if (m_open) {
        m_open->detach();
        m_open = nullptr;
    }
    if (m_memberOpen) {
        unzCloseCurrentFile(handle(m_zip));
        m_memberOpen = false;
    }
}

Result<QByteArray> ZipReader::read(const QString& name, qint64 maxBytes)
{
    Sizes sizes;
    DLI_ASSIGN(sizes, openMember(name));
    if (sizes.unpacked > static_cast<quint64>(std::max<qint64>(0, maxBytes))) {
        closeMember();
        return Error(ErrorCode::InvalidInput,
                     tr("the archive member %1 is too large (%2 bytes unpacked)")
                         .arg(name)
                         .arg(sizes.unpacked),
                     m_path);
    }
    QByteArray bytes;
    bytes.reserve(static_cast<qsizetype>(sizes.unpacked));
    std::array<char, 1 << 16> buffer{};
    int n = 0;
    bool tooLarge = false;
    Status limits;
    while ((n = unzReadCurrentFile(handle(m_zip), buffer.data(),
                                   static_cast<unsigned>(buffer.size()))) > 0) {
        tooLarge = bytes.size() + n > maxBytes; // the recorded size was wrong
        limits = checkUnpacked(name, static_cast<quint64>(bytes.size() + n), sizes.packed);
        if (tooLarge || !limits)
            break;
        bytes.append(buffer.data(), n);
    }
    const int closed = unzCloseCurrentFile(handle(m_zip));
    m_memberOpen = false;
    if (!limits)
        return limits.error();
    if (n < 0 || tooLarge || closed != UNZ_OK)
        return Error(ErrorCode::InvalidInput, tr("the archive member %1 is damaged").arg(name),
                     m_path);
    return bytes;
}

Result<std::unique_ptr<QIODevice>> ZipReader::stream(const QString& name)
{
    Sizes sizes;
    DLI_ASSIGN(sizes, openMember(name));
    auto entry = std::make_unique<Entry>(this, name, sizes);
    m_open = entry.get();
    return std::unique_ptr<QIODevice>(std::move(entry));
}

} // namespace dli
