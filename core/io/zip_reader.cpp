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
    Entry(ZipReader* reader, qint64 size) : m_reader(reader), m_size(size)
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
        return QIODevice::bytesAvailable() + (m_reader ? std::max<qint64>(0, m_size - m_read) : 0);
    }
    bool atEnd() const override { return bytesAvailable() == 0; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (!m_reader || maxSize <= 0)
            return m_reader ? 0 : -1;
        const auto want = static_cast<unsigned>(std::min<qint64>(maxSize, INT_MAX));
        const int n = unzReadCurrentFile(handle(m_reader->m_zip), data, want);
        if (n < 0) {
            setErrorString(ZipReader::tr("the archive member is damaged (error %1)").arg(n));
            return -1;
        }
        m_read += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    ZipReader* m_reader;
    qint64 m_size;
    qint64 m_read = 0;
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

Status ZipReader::openMember(const QString& name)
{
    closeMember();
    if (name.isEmpty() ||
        unzLocateFile(handle(m_zip), name.toUtf8().constData(), kCaseInsensitive) != UNZ_OK)
        return Error(ErrorCode::InvalidInput, tr("the archive has no member %1").arg(name), m_path);
    if (unzOpenCurrentFile(handle(m_zip)) != UNZ_OK)
        return Error(ErrorCode::InvalidInput,
                     tr("the archive member %1 cannot be unpacked").arg(name), m_path);
    m_memberOpen = true;
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
    DLI_TRY(openMember(name));
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(handle(m_zip), &info, nullptr, 0, nullptr, 0, nullptr, 0) !=
        UNZ_OK) {
        closeMember();
        return Error(ErrorCode::InvalidInput,
                     tr("the archive member %1 cannot be unpacked").arg(name), m_path);
    }
    if (info.uncompressed_size > static_cast<quint64>(maxBytes)) {
        closeMember();
        return Error(ErrorCode::InvalidInput,
                     tr("the archive member %1 is too large (%2 bytes unpacked)")
                         .arg(name)
                         .arg(info.uncompressed_size),
                     m_path);
    }
    QByteArray bytes;
    bytes.reserve(static_cast<qsizetype>(info.uncompressed_size));
    std::array<char, 1 << 16> buffer{};
    int n = 0;
    bool tooLarge = false;
    while ((n = unzReadCurrentFile(handle(m_zip), buffer.data(),
                                   static_cast<unsigned>(buffer.size()))) > 0) {
        tooLarge = bytes.size() + n > maxBytes; // the recorded size was wrong
        if (tooLarge)
            break;
        bytes.append(buffer.data(), n);
    }
    const int closed = unzCloseCurrentFile(handle(m_zip));
    m_memberOpen = false;
    if (n < 0 || tooLarge || closed != UNZ_OK)
        return Error(ErrorCode::InvalidInput, tr("the archive member %1 is damaged").arg(name),
                     m_path);
    return bytes;
}

Result<std::unique_ptr<QIODevice>> ZipReader::stream(const QString& name)
{
    DLI_TRY(openMember(name));
    unz_file_info64 info{};
    unzGetCurrentFileInfo64(handle(m_zip), &info, nullptr, 0, nullptr, 0, nullptr, 0);
    auto entry = std::make_unique<Entry>(this, static_cast<qint64>(info.uncompressed_size));
    m_open = entry.get();
    return std::unique_ptr<QIODevice>(std::move(entry));
}

} // namespace dli
