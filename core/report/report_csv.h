#pragma once

#include "core/report/report_data.h"
#include "core/result.h"

#include <QCoreApplication>

namespace dli {

// The quarterly report's tables as CSV files: one per table, named after it ("dli-status.csv"),
// plus "summary.csv" with the summary's figures. UTF-8 with a byte-order mark so that Excel
// opens Urdu text correctly; CRLF line ends; a header row of column titles; numbers written
// exactly (money with all its minor digits), text where a cell has no number.
class ReportCsv {
    Q_DECLARE_TR_FUNCTIONS(ReportCsv)
public:
    // The names --section takes, in report order.
    static QStringList names(const QuarterlyReport& report);
    static Result<QByteArray> bytes(const QuarterlyReport& report, const QString& name);
    // One file.
    static Status write(const QuarterlyReport& report, const QString& name, const QString& path);
    // Every table into a folder (made if missing); returns the files written.
    static Result<QStringList> writeAll(const QuarterlyReport& report, const QString& folder);
};

} // namespace dli
