#pragma once

#include "core/io/table_reader.h"

#include <memory>

namespace dli {

// Reads one worksheet of an XLSX workbook with ZipReader (minizip) and QXmlStreamReader, streaming
// the sheet.
// Cells arrive as text: shared and inline strings (rich text runs joined), numbers as their
// shortest decimal text at Excel's 15 significant digits ("1234.5", "42", never an exponent),
// booleans as TRUE/FALSE, error values as Excel shows them ("#N/A"), formulas as their cached
// value, date-formatted numbers as YYYY-MM-DD (time of day dropped), time-only formats as
// HH:MM:SS. Cells are placed by their reference, so gaps become empty cells.
// A hostile workbook cannot take unbounded memory: a cell of more than 32,767 characters or a
// row of more than 16,384 cells is refused at its cell reference; shared strings of more than
// 256 MiB, a run of text or markup of more than 4 MiB, and a part that ZipReader refuses (too
// large, or a zip bomb) are refused naming the part. All are InvalidInput.
class XlsxTableReader final : public TableReader {
    Q_DECLARE_TR_FUNCTIONS(XlsxTableReader)
public:
    // sheet: the sheet's name (exact, else ignoring case), empty for the first visible worksheet.
    static Result<std::unique_ptr<XlsxTableReader>> open(const QString& path,
                                                         const QString& sheet = {});
    ~XlsxTableReader() override;

    Result<bool> next(TableRow& row) override;
    QString cellLocation(qint64 line, int column) const override;
    QString sourceName() const override;

    QString sheetName() const;
    // The workbook's sheets in their order.
    QStringList sheetNames() const;

    // "A" for 0, "Z" for 25, "AA" for 26.
    static QString columnName(int column);
    // "Services!D17"; a name other than letters, digits and underscores is quoted as Excel
    // does: 'Firm list'!B2.
    static QString cellReference(const QString& sheet, qint64 row, int column);

private:
    struct State;
    explicit XlsxTableReader(std::unique_ptr<State> state);

    std::unique_ptr<State> d;
};

} // namespace dli
