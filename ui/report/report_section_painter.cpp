#include "ui/report/report_section_painter.h"

#include "ui/report/report_chart_painter.h"
#include "ui/report/report_front_matter.h"
#include "ui/report/report_pager.h"
#include "ui/report/report_table_painter.h"
#include "ui/report/wrapped_text.h"

#include <QPainter>
#include <algorithm>

namespace dli::ui {

namespace {

constexpr int CardsPerRow = 3;
constexpr qreal CardLabelSize = 8;
constexpr qreal CardValueSize = 12;

} // namespace

ReportSectionPainter::ReportSectionPainter(ReportPager& pager, qreal chartHeight)
    : m_pager(pager), m_chartHeight(chartHeight)
{}

int ReportSectionPainter::workUnits(const ReportSection& section)
{
    int units =
        1 + static_cast<int>(section.paragraphs.size()) + (section.figures.isEmpty() ? 0 : 1);
    for (const ReportTable& t : section.tables)
        units += ReportTablePainter::workUnits(t);
    return units + static_cast<int>(section.charts.size()) * ReportChartPainter::WorkUnits;
}

void ReportSectionPainter::run(const ReportSection& section, const QString& heading)
{
    const ReportStyle& s = m_pager.style();
    ReportFrontMatter::drawHeading(m_pager, heading);
    if (!m_pager.tick())
        return;
    for (const QString& paragraph : section.paragraphs) {
        drawParagraph(paragraph);
        if (!m_pager.tick())
            return;
    }
    if (!section.paragraphs.isEmpty())
        m_pager.advance(s.mm(2));
    if (!section.figures.isEmpty()) {
        drawFigures(section.figures);
        m_pager.advance(s.mm(8));
        if (!m_pager.tick())
            return;
    }
    for (const ReportTable& table : section.tables) {
        ReportTablePainter(table, m_pager).run();
        if (m_pager.cancelled())
            return;
        m_pager.advance(s.mm(9));
    }
    ReportChartPainter charts(m_pager, m_chartHeight);
    for (const ChartData& chart : section.charts) {
        charts.run(chart);
        if (!m_pager.tick(ReportChartPainter::WorkUnits))
            return;
    }
}

void ReportSectionPainter::drawParagraph(const QString& text)
{
    const ReportStyle& s = m_pager.style();
    const WrappedText lines(text, ReportStyle::sans(ReportStyle::BodySize), m_pager.device(),
                            m_pager.content().width(), Qt::AlignLeft, 1.3);
    // Line by line, so that a long paragraph continues on the next page.
    int from = 0;
    while (from < lines.lineCount()) {
        int to = from;
        while (to < lines.lineCount() &&
               lines.lineBottom(to) - lines.lineTop(from) <= m_pager.remaining())
            ++to;
        if (to == from) {
            if (!m_pager.atTop()) {
                m_pager.newPage();
                continue;
            }
            to = from + 1; // taller than a page: cut rather than loop
        }
        if (QPainter* p = m_pager.painter()) {
            p->setPen(ReportStyle::text());
            lines.draw(p, QPointF(m_pager.content().left(), m_pager.y()), from, to);
        }
        m_pager.advance(lines.lineBottom(to - 1) - lines.lineTop(from));
        from = to;
        if (from < lines.lineCount())
            m_pager.newPage();
    }
    m_pager.advance(s.mm(3));
}

void ReportSectionPainter::drawFigures(const QList<ReportFigure>& figures)
{
    const ReportStyle& s = m_pager.style();
    const qreal gap = s.mm(4);
    const qreal cardWidth = (m_pager.content().width() - gap * (CardsPerRow - 1)) / CardsPerRow;
    const qreal pad = s.mm(3);
    const qreal inner = cardWidth - 2 * pad;
    for (qsizetype first = 0; first < figures.size(); first += CardsPerRow) {
        // One row of cards, all as tall as the tallest.
        QList<std::pair<WrappedText, WrappedText>> cards;
        qreal labelHeight = 0;
        qreal valueHeight = 0;
        for (qsizetype i = first; i < std::min(figures.size(), first + CardsPerRow); ++i) {
            WrappedText label(figures[i].label, ReportStyle::sans(CardLabelSize), m_pager.device(),
                              inner);
            WrappedText value(figures[i].value.text, ReportStyle::sans(CardValueSize, true),
                              m_pager.device(), inner);
            labelHeight = std::max(labelHeight, label.height());
            valueHeight = std::max(valueHeight, value.height());
            cards.append({label, value});
        }
        const qreal height = pad + labelHeight + s.mm(1.5) + valueHeight + pad;
        m_pager.ensure(height);
        if (QPainter* p = m_pager.painter()) {
            p->save();
            for (qsizetype c = 0; c < cards.size(); ++c) {
                const QRectF card(m_pager.content().left() + qreal(c) * (cardWidth + gap),
                                  m_pager.y(), cardWidth, height);
                p->fillRect(card, ReportStyle::zebraFill());
                p->setPen(QPen(ReportStyle::hairline(), s.pt(0.5)));
                p->drawRect(card);
                // A dark bar on the left marks a card without colour.
                p->fillRect(QRectF(card.topLeft(), QSizeF(s.pt(2.5), card.height())),
                            ReportStyle::rule());
                p->setPen(ReportStyle::muted());
                cards[c].first.draw(p, card.topLeft() + QPointF(pad, pad));
                p->setPen(ReportStyle::text());
                cards[c].second.draw(p,
                                     card.topLeft() + QPointF(pad, pad + labelHeight + s.mm(1.5)));
            }
            p->restore();
        }
        m_pager.advance(height + gap);
    }
    m_pager.advance(-gap);
}

} // namespace dli::ui
