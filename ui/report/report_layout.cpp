#include "ui/report/report_layout.h"

#include "ui/report/report_front_matter.h"
#include "ui/report/report_section_painter.h"

#include <QPagedPaintDevice>

using namespace Qt::StringLiterals;

namespace dli::ui {

QString ReportLayout::heading(int index, const ReportSection& section)
{
    return tr("%1. %2").arg(index + FirstSectionNumber).arg(section.title);
}

std::optional<ReportLayout::Outline> ReportLayout::run(QPagedPaintDevice& device, QPainter* painter,
                                                       const Outline& known,
                                                       const ReportPager::Tick& tick) const
{
    int units = 2; // the cover and the contents
    for (const ReportSection& section : m_report.sections)
        units += ReportSectionPainter::workUnits(section);
    ReportPager pager(device, painter, m_report, known.pages, units, tick);

    ReportFrontMatter::drawCover(pager, m_report);
    if (!pager.tick())
        return std::nullopt;

    QList<ReportFrontMatter::Entry> entries{
        {tr("%1.").arg(FirstSectionNumber - 1), tr("Cover"), known.pages > 0 ? 1 : 0}};
    for (qsizetype i = 0; i < m_report.sections.size(); ++i) {
        const int page = i < known.sectionPages.size() ? known.sectionPages[i] : 0;
        entries << ReportFrontMatter::Entry{tr("%1.").arg(i + FirstSectionNumber),
                                            m_report.sections[i].title, page};
    }
    pager.setRunningTitle(tr("Contents"));
    pager.newPage();
    ReportFrontMatter::drawContents(pager, entries);
    if (!pager.tick())
        return std::nullopt;

    // Two charts fit a page under a section heading, each with a line or two of notes.
    const qreal chartHeight =
        std::min(pager.style().mm(105), (pager.content().height() - pager.style().mm(52)) / 2);
    Outline found;
    ReportSectionPainter sections(pager, chartHeight);
    for (qsizetype i = 0; i < m_report.sections.size(); ++i) {
        const QString title = heading(static_cast<int>(i), m_report.sections[i]);
        pager.setRunningTitle(title);
        pager.newPage();
        found.sectionPages << pager.page();
        sections.run(m_report.sections[i], title);
        if (pager.cancelled())
            return std::nullopt;
    }
    found.pages = pager.page();
    return found;
}

} // namespace dli::ui
