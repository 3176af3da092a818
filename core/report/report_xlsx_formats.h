#pragma once

#include <QHash>
#include <QString>
#include <xlsxwriter.h>

namespace dli {

// The cell formats of one report workbook, made once each and shared by its sheets:
// libxlsxwriter keeps every format it is given until the workbook is closed.
class ReportXlsxFormats {
public:
    enum Flag {
        Bold = 1,
        Wrap = 2,
        Header = 4, // bold with a bottom border
        Right = 8,
        Italic = 16,
        Title = 32,   // a table's title
        Heading = 64, // the report's title on the cover
        Top = 128,    // rows with wrapped text read from the top
        Left = 256,   // a date or count on the cover lines up with the text above it
        Indent = 512, // text clear of a right-aligned number in the column before it
    };

    explicit ReportXlsxFormats(lxw_workbook* book) : m_book(book) {}

    // numFormat: an Excel number format ("#,##0.00"), empty for none; flags: Flag values.
    // Null for the default format, or when libxlsxwriter is out of memory.
    lxw_format* get(const QString& numFormat, int flags);

private:
    lxw_workbook* m_book;
    QHash<QString, lxw_format*> m_formats;
};

} // namespace dli
