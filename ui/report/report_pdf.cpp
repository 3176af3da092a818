#include "ui/report/report_pdf.h"

#include "ui/report/report_layout.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QSaveFile>
#include <cmath>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

Error cancelledError()
{
    return Error(ErrorCode::Conflict, ReportPdf::tr("the report was cancelled"));
}

// The caller hears each whole percent once: the measuring pass is the first tenth of the work.
class Percent {
public:
    explicit Percent(const ReportPdf::Progress& progress) : m_progress(progress) {}
    bool operator()(int percent)
    {
        if (percent == m_last)
            return true;
        m_last = percent;
        return !m_progress || m_progress(percent);
    }
    ReportPager::Tick pass(int from, int to)
    {
        return [this, from, to](qreal share) {
            return (*this)(from + static_cast<int>(std::floor(share * (to - from))));
        };
    }

private:
    const ReportPdf::Progress& m_progress;
    int m_last = -1;
};

// Both passes of the layout on `device`. `abort` tells a printer to drop the job.
Status render(const QuarterlyReport& report, QPagedPaintDevice& device,
              const ReportPdf::Progress& progress, const std::function<void()>& abort = {})
{
    Percent percent(progress);
    if (!percent(0))
        return cancelledError();
    const ReportLayout layout(report);
    const auto outline = layout.run(device, nullptr, {}, percent.pass(0, 10));
    if (!outline)
        return cancelledError();
    QPainter painter;
    if (!painter.begin(&device))
        return Error(ErrorCode::Io, ReportPdf::tr("cannot start drawing the report's pages"));
    const auto drawn = layout.run(device, &painter, *outline, percent.pass(10, 100));
    if (!drawn && abort)
        abort();
    painter.end();
    if (!drawn)
        return cancelledError();
    return {};
}

QString documentTitle(const QuarterlyReport& report)
{
    return ReportPdf::tr("%1 quarterly progress report %2")
        .arg(report.programCode, report.quarter.code());
}

} // namespace

Result<QByteArray> ReportPdf::bytes(const QuarterlyReport& report, const Progress& progress)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Portrait);
        // The layout keeps its own margins, measured from the paper's edge.
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(documentTitle(report));
        writer.setCreator(tr("DLI Tracker"));
        DLI_TRY(render(report, writer, progress));
    }
    buffer.close();
    return buffer.data();
}

Status ReportPdf::write(const QuarterlyReport& report, const QString& path,
                        const Progress& progress)
{
    // Made in memory first: a cancelled or failed report leaves no file behind.
    DLI_ASSIGN(const QByteArray pdf, bytes(report, progress));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, tr("cannot write the report: %1").arg(file.errorString()),
                     path);
    if (file.write(pdf) != pdf.size() || !file.commit())
        return Error(ErrorCode::Io, tr("cannot write the report: %1").arg(file.errorString()),
                     path);
    return {};
}

Status ReportPdf::print(const QuarterlyReport& report, QPrinter& printer, const Progress& progress)
{
    // The paper is the caller's choice (A4 portrait unless the print dialog changed it); the
    // layout measures its margins from the paper's edge and fits whatever size it is given.
    printer.setFullPage(true);
    printer.setDocName(documentTitle(report));
    printer.setCreator(tr("DLI Tracker"));
    return render(report, printer, progress, [&printer] { printer.abort(); });
}

} // namespace dli::ui
