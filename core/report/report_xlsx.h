#pragma once

#include "core/report/report_data.h"
#include "core/result.h"

#include <QCoreApplication>

namespace dli {

// The quarterly report as an XLSX workbook (libxlsxwriter): one sheet per section (Summary, DLI
// status, Results framework, Verification, Data quality, Evidence), numbers stored as numbers
// with number formats, frozen header rows, autofilters, column widths set, and the fingerprint
// on the Summary sheet.
class ReportXlsx {
    Q_DECLARE_TR_FUNCTIONS(ReportXlsx)
public:
    static Status write(const QuarterlyReport& report, const QString& path);
};

} // namespace dli
