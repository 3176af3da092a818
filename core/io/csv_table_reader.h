#pragma once

#include "core/io/table_reader.h"

#include <memory>

namespace dli {

// Reads CSV text with libcsv, in chunks: UTF-8 with or without a byte order mark; the delimiter
// (comma, semicolon, tab or pipe) is the one that occurs most often outside quotes on the first
// line; RFC 4180 quoting (embedded delimiters, doubled quotes, line breaks); CRLF, LF or CR
// line ends. Blank rows are skipped; cells are kept as written, spaces included. A field longer
// than 1 MiB, or a row of more than 16,384 fields, is refused (InvalidInput) at its line.
class CsvTableReader final : public TableReader {
    Q_DECLARE_TR_FUNCTIONS(CsvTableReader)
public:
    static Result<std::unique_ptr<CsvTableReader>> open(const QString& path);
    ~CsvTableReader() override;

    Result<bool> next(TableRow& row) override;
    QString cellLocation(qint64 line, int column) const override;
    QString sourceName() const override;

    // The delimiter found on the first line: ',', ';', '\t' or '|'.
    char delimiter() const;

private:
    struct State;
    explicit CsvTableReader(std::unique_ptr<State> state);
    Status fill();

    std::unique_ptr<State> d;
};

} // namespace dli
