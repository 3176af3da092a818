#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>
#include <QString>
#include <memory>

namespace dli {

// Reads the members of a ZIP archive (an XLSX workbook, a field package) with the system
// minizip, the same zip library libxlsxwriter writes with. One member is open at a time: opening
// another, or calling read(), ends the stream opened before. Errors name the archive's path.
//
// A hostile archive cannot make a reader hold unbounded memory: a member is refused
// (InvalidInput) when it unpacks to more than kMaxUnpackedBytes, or to more than kBombRatio times
// its packed size once past kBombFloorBytes, as a zip bomb does. The sizes the archive records
// are checked when a member is opened, and the bytes actually unpacked as they are read.
class ZipReader {
    Q_DECLARE_TR_FUNCTIONS(ZipReader)
public:
    static constexpr qint64 kMaxUnpackedBytes = qint64(512) << 20;
    static constexpr qint64 kBombRatio = 200;
    static constexpr qint64 kBombFloorBytes = qint64(64) << 20;

    // Why the member opened last was refused, if it was for its size.
    enum class Refusal { None, TooLarge, Bomb };

    // Refuses a file that is not a ZIP archive (InvalidInput) or cannot be opened (Io).
    static Result<std::unique_ptr<ZipReader>> open(const QString& path);
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    QString path() const { return m_path; }
    // Whether the archive holds a member of that name, in any case ("xl/workbook.xml").
    bool contains(const QString& name);
    // A whole member, up to maxBytes unpacked (a larger one is refused, as a zip bomb would be).
    Result<QByteArray> read(const QString& name, qint64 maxBytes = qint64(256) << 20);
    // A member as a sequential device that unpacks as it is read, for members too large to hold
    // whole. The device reads nothing once this reader is gone or another member is opened;
    // a damaged member, or one that unpacks to more than the limits, ends early: its read()
    // returns -1 and errorString() says why.
    Result<std::unique_ptr<QIODevice>> stream(const QString& name);
    // Whether the member opened last (by read() or stream()) was refused for what it unpacks to;
    // reset when another member is opened.
    Refusal refusal() const { return m_refusal; }

private:
    class Entry;
    struct Sizes {
        quint64 packed = 0;
        quint64 unpacked = 0;
    };
    explicit ZipReader(const QString& path, void* handle);
    Result<Sizes> openMember(const QString& name);
    void closeMember();
    // Refuses a member that unpacks to more than the limits allow.
    Status checkUnpacked(const QString& name, quint64 unpacked, quint64 packed);

    QString m_path;
    void* m_zip = nullptr; // unzFile
    Entry* m_open = nullptr;
    bool m_memberOpen = false;
    Refusal m_refusal = Refusal::None;
};

} // namespace dli
