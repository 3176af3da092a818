#pragma once

#include "core/report/report_data.h"
#include "core/result.h"

#include <QCoreApplication>
#include <functional>

class QPagedPaintDevice;
class QPrinter;

namespace dli::ui {

// Lays the quarterly report out on A4 portrait pages: a cover, a table of contents, the
// sections with tables that break across pages under repeated headers, charts drawn as vectors,
// page numbers and a footer with the fingerprint on every page. Readable in greyscale.
// Can run on a worker thread; the application's thread then draws the charts (Qt Charts runs
// on that thread only) and must keep running its event loop meanwhile, as TaskRunner does.
class ReportPdf {
public:
    // Called with the share done (0..100); returning false stops (the result is an error with
    // ErrorCode::Conflict saying the report was cancelled).
    using Progress = std::function<bool(int percent)>;

    // Writes a PDF file (vector text and charts).
    static Status write(const QuarterlyReport& report, const QString& path,
                        const Progress& progress = {});
    // The same PDF in memory (for the preview).
    static Result<QByteArray> bytes(const QuarterlyReport& report, const Progress& progress = {});
    // Prints on a printer set up by the caller (QPrintDialog / QPrintPreviewDialog).
    static Status print(const QuarterlyReport& report, QPrinter& printer,
                        const Progress& progress = {});

    Q_DECLARE_TR_FUNCTIONS(ReportPdf) // last: it ends in "private:"
};

} // namespace dli::ui
