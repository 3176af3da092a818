#include "ui/report/report_pager.h"

#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

// Margins in millimetres: generous, as in a printed government report, and wide enough at the
// bottom for a two-line footer inside any printer's unprintable border.
constexpr qreal SideMargin = 20;
constexpr qreal TopMargin = 24;
constexpr qreal BottomMargin = 27;
constexpr qreal HeaderBaseline = 14; // from the top edge
constexpr qreal FooterRule = 22;     // from the bottom edge
constexpr qreal FingerprintSize = 6.5;
constexpr qreal SmallestFooter = 7.0; // smaller, two lines read better

// The widest page label, so that every page decides the footer's lines alike.
QString widestPageLabel()
{
    return ReportPager::tr("Page %1 of %2").arg(999).arg(999);
}

} // namespace

ReportPager::ReportPager(QPagedPaintDevice& device, QPainter* painter,
                         const QuarterlyReport& report, int totalPages, int workUnits, Tick tick)
    : m_device(&device), m_painter(painter), m_report(&report), m_style(device),
      m_totalPages(totalPages), m_workUnits(std::max(1, workUnits)), m_tick(std::move(tick))
{
    const qreal w = device.width();
    const qreal h = device.height();
    m_content = QRectF(QPointF(m_style.mm(SideMargin), m_style.mm(TopMargin)),
                       QPointF(w - m_style.mm(SideMargin), h - m_style.mm(BottomMargin)));
    m_y = m_content.top();
    // The footer on one line at the largest size it fits; else on two (the fingerprint, one
    // word, goes whole to the second); else cut, with the fingerprint on a line of its own.
    const QString footer = report.footer();
    for (qreal size = ReportStyle::SmallSize; size >= SmallestFooter; size -= 0.5) {
        const QFontMetricsF fm(ReportStyle::sans(size), &device);
        if (fm.horizontalAdvance(footer) <= footerWidth(fm)) {
            m_footerSize = size;
            break;
        }
    }
    const QFont font = ReportStyle::sans(m_footerSize);
    const QFontMetricsF fm(font, &device);
    m_footer = WrappedText(footer, font, device, footerWidth(fm));
    m_fingerprintLine =
        m_footer.lineCount() > 2 || fm.horizontalAdvance(report.fingerprint) > footerWidth(fm);
    drawFrame();
}

qreal ReportPager::footerWidth(const QFontMetricsF& fm) const
{
    return m_content.width() - m_style.mm(6) - fm.horizontalAdvance(widestPageLabel());
}

const QPaintDevice& ReportPager::device() const
{
    return *m_device;
}

bool ReportPager::ensure(qreal height)
{
    if (atTop() || height <= remaining())
        return false;
    newPage();
    return true;
}

void ReportPager::newPage()
{
    if (m_painter)
        m_device->newPage();
    ++m_page;
    m_y = m_content.top();
    drawFrame();
}

bool ReportPager::tick(int units)
{
    if (m_cancelled)
        return false;
    m_done = std::min(m_workUnits, m_done + units);
    if (m_tick && !m_tick(qreal(m_done) / m_workUnits))
        m_cancelled = true;
    return !m_cancelled;
}

void ReportPager::drawFrame()
{
    if (!m_painter)
        return;
    QPainter& p = *m_painter;
    const ReportStyle& s = m_style;
    const qreal left = m_content.left();
    const qreal right = m_content.right();
    const qreal width = m_content.width();
    const QFont small = ReportStyle::sans(ReportStyle::SmallSize);
    const QFontMetricsF fm(small, m_device);
    p.save();

    // Running header: the report on the left, the section on the right (not on the cover).
    if (!m_runningTitle.isEmpty()) {
        const qreal baseline = s.mm(HeaderBaseline);
        const QString what = tr("%1 \u00b7 Quarterly progress report \u00b7 %2")
                                 .arg(m_report->programCode, m_report->quarter.code());
        p.setFont(small);
        p.setPen(ReportStyle::muted());
        p.drawText(QPointF(left, baseline), what);
        const qreal room = width - fm.horizontalAdvance(what) - s.mm(8);
        const QString title = fm.elidedText(m_runningTitle, Qt::ElideRight, room);
        p.drawText(QPointF(right - fm.horizontalAdvance(title), baseline), title);
        p.setPen(QPen(ReportStyle::hairline(), s.pt(0.5)));
        const qreal ruleY = baseline + fm.descent() + s.mm(1.5);
        p.drawLine(QPointF(left, ruleY), QPointF(right, ruleY));
    }

    // Footer: what the report is and its fingerprint; the page and the page count.
    const qreal ruleY = m_device->height() - s.mm(FooterRule);
    p.setPen(QPen(ReportStyle::hairline(), s.pt(0.5)));
    p.drawLine(QPointF(left, ruleY), QPointF(right, ruleY));
    const QFont footerFont = ReportStyle::sans(m_footerSize);
    const QFontMetricsF ffm(footerFont, m_device);
    const qreal top = ruleY + s.mm(1.5);
    p.setFont(footerFont);
    p.setPen(ReportStyle::muted());
    const QString pageLabel = tr("Page %1 of %2").arg(m_page).arg(m_totalPages);
    p.drawText(QPointF(right - ffm.horizontalAdvance(pageLabel), top + ffm.ascent()), pageLabel);
    if (!m_fingerprintLine) {
        m_footer.draw(&p, QPointF(left, top));
    } else {
        p.drawText(QPointF(left, top + ffm.ascent()),
                   ffm.elidedText(m_report->footer(), Qt::ElideRight, footerWidth(ffm)));
        const qreal second = top + ffm.ascent() + ffm.lineSpacing() * 1.15;
        const QString label = tr("Data fingerprint (SHA-256):") + u' ';
        p.drawText(QPointF(left, second), label);
        p.setFont(ReportStyle::mono(FingerprintSize));
        p.drawText(QPointF(left + ffm.horizontalAdvance(label), second), m_report->fingerprint);
    }
    p.restore();
}

} // namespace dli::ui
