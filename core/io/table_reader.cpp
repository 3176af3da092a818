#include "core/io/table_reader.h"

#include "core/io/csv_table_reader.h"
#include "core/io/xlsx_table_reader.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace dli {

Result<std::unique_ptr<TableReader>> TableReader::open(const QString& path, const QString& sheet)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error(ErrorCode::Io, tr("the file does not exist"), path);
    if (info.isDir())
        return Error(ErrorCode::Io, tr("this is a folder, not a file"), path);
    if (!info.isReadable())
        return Error(ErrorCode::Io, tr("the file cannot be read (permission denied)"), path);

    const QString suffix = info.suffix().toLower();
    if (suffix == u"csv" || suffix == u"txt" || suffix == u"tsv") {
        auto reader = CsvTableReader::open(path);
        if (!reader)
            return reader.error();
        return std::unique_ptr<TableReader>(std::move(reader).value());
    }
    if (suffix == u"xlsx" || suffix == u"xlsm") {
        auto reader = XlsxTableReader::open(path, sheet);
        if (!reader)
            return reader.error();
        return std::unique_ptr<TableReader>(std::move(reader).value());
    }
    if (suffix == u"xls")
        return Error(ErrorCode::InvalidInput,
                     tr("the old Excel 97-2003 format (.xls) cannot be read; save the workbook "
                        "as .xlsx or as CSV UTF-8"),
                     path);
    return Error(ErrorCode::InvalidInput,
                 tr("cannot tell the file's format from its name; use a .csv, .tsv, .txt or "
                    ".xlsx file"),
                 path);
}

} // namespace dli
