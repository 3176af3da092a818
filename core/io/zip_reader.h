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
class ZipReader {
    Q_DECLARE_TR_FUNCTIONS(ZipReader)
public:
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
    // a damaged member ends early and reports its error through errorString().
    Result<std::unique_ptr<QIODevice>> stream(const QString& name);

private:
    class Entry;
    explicit ZipReader(const QString& path, void* handle);
    Status openMember(const QString& name);
    void closeMember();

    QString m_path;
    void* m_zip = nullptr; // unzFile
    Entry* m_open = nullptr;
    bool m_memberOpen = false;
};

} // namespace dli
