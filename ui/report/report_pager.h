// The pages being filled: where the content area of a page is, how much room is left on it,
// turning to a new page with its running header and its footer ("Page N of M" and the data
// fingerprint), and the share of the work done (which may cancel the report).
//
// The report is laid out twice with the same code: a first pass without a painter only counts
// pages (to learn the total and where each section starts, for the contents), the second draws.
#pragma once

#include "core/report/report_data.h"
#include "ui/report/report_style.h"
#include "ui/report/wrapped_text.h"

#include <QCoreApplication>
#include <QRectF>
#include <functional>

class QFontMetricsF;
class QPagedPaintDevice;
class QPainter;

namespace dli::ui {

class ReportPager {
public:
    // Told the share of the work done (0..1); false stops the report.
    using Tick = std::function<bool(qreal share)>;

    // `totalPages` is 0 in the first pass (the footers are not drawn then). `workUnits` is
    // how many units of work (table rows, paragraphs, charts...) the whole report holds.
    ReportPager(QPagedPaintDevice& device, QPainter* painter, const QuarterlyReport& report,
                int totalPages, int workUnits, Tick tick);

    QPainter* painter() const { return m_painter; } // null in the measuring pass
    const ReportStyle& style() const { return m_style; }
    const QPaintDevice& device() const;

    int page() const { return m_page; }
    QRectF content() const { return m_content; }
    qreal y() const { return m_y; }
    void advance(qreal by) { m_y += by; }
    qreal remaining() const { return m_content.bottom() - m_y; }
    bool atTop() const { return m_y <= m_content.top(); }
    // Turns the page unless `height` fits below, or the page is still empty (a block taller
    // than a page is cut rather than pushed on forever). True when it turned.
    bool ensure(qreal height);

    // The text the running header shows on the right from the next page on (the section).
    void setRunningTitle(const QString& title) { m_runningTitle = title; }
    void newPage();

    // One more unit of work done; false once the report is cancelled (then it stays false).
    bool tick(int units = 1);
    bool cancelled() const { return m_cancelled; }

    Q_DECLARE_TR_FUNCTIONS(ReportPager) // last: it ends in "private:"

private:
    void drawFrame();
    qreal footerWidth(const QFontMetricsF& fm) const;

    QPagedPaintDevice* m_device;
    QPainter* m_painter;
    const QuarterlyReport* m_report;
    ReportStyle m_style;
    int m_totalPages;
    int m_workUnits;
    int m_done = 0;
    Tick m_tick;
    bool m_cancelled = false;
    qreal m_footerSize = ReportStyle::SmallSize;
    WrappedText m_footer;
    bool m_fingerprintLine = false; // the footer does not fit in two lines
    int m_page = 1;
    QRectF m_content;
    qreal m_y = 0;
    QString m_runningTitle;
};

} // namespace dli::ui
