#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <memory>

namespace dli {

// One row of a table file. line is the 1-based physical line where a CSV record starts (a record
// with quoted line breaks spans several lines) or the row number of an XLSX sheet.
struct TableRow {
    qint64 line = 0;
    QStringList cells;
};

// A streaming reader of tabular files (CSV and XLSX) for the importer: it hands out rows one by
// one and never holds the whole file. Cells are text as the file has them (CSV: untrimmed);
// a row may have fewer cells than the header (missing trailing cells are empty).
class TableReader {
    Q_DECLARE_TR_FUNCTIONS(TableReader)
public:
    // Opens a .csv, .txt or .tsv file (delimiter detected) or an .xlsx/.xlsm workbook by its
    // extension, in any case. sheet: the XLSX sheet's name, empty for the first visible
    // worksheet; ignored for CSV. Errors: missing or unreadable file (Io, location = path),
    // unknown extension, sheet not found (the message lists the sheets), not a valid XLSX
    // (InvalidInput).
    static Result<std::unique_ptr<TableReader>> open(const QString& path,
                                                     const QString& sheet = {});

    virtual ~TableReader() = default;
    TableReader(const TableReader&) = delete;
    TableReader& operator=(const TableReader&) = delete;

    // Reads the next row that has a cell with more than white space into row (reusing its
    // capacity); false at the end of the table; an Error, located, for malformed input. After an
    // error the reader keeps returning it.
    virtual Result<bool> next(TableRow& row) = 0;
    // Where a cell is, for messages. column is the 0-based index into TableRow::cells and line is
    // TableRow::line: CSV "services.csv:12:3" (1-based line and column), XLSX "Services!D17".
    virtual QString cellLocation(qint64 line, int column) const = 0;
    // The path as it was given to open().
    virtual QString sourceName() const = 0;

protected:
    TableReader() = default;
};

} // namespace dli
