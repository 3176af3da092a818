#include "ui/report/wrapped_text.h"

#include <QPaintDevice>
#include <QPainter>
#include <QTextLayout>
#include <algorithm>

namespace dli::ui {

WrappedText::WrappedText(const QString& text, const QFont& font, const QPaintDevice& device,
                         qreal width, Qt::Alignment align, qreal lineHeight)
    : m_layout(std::make_shared<QTextLayout>(QString(text).replace(u'\n', QChar::LineSeparator),
                                             font, &device)),
      m_lineHeight(lineHeight)
{
    // (QTextLayout breaks lines at U+2028 only; "\n" is how the report's texts say it.)
    QTextOption option(align);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_layout->setTextOption(option);
    m_layout->setCacheEnabled(true);
    m_layout->beginLayout();
    qreal y = 0;
    for (QTextLine line = m_layout->createLine(); line.isValid(); line = m_layout->createLine()) {
        line.setLineWidth(width);
        // Extra line height is split above and below, so that a single line stays centred in
        // the room it is given.
        line.setPosition(QPointF(0, y + line.height() * (m_lineHeight - 1.0) / 2));
        y += line.height() * m_lineHeight;
    }
    m_layout->endLayout();
}

int WrappedText::lineCount() const
{
    return m_layout ? m_layout->lineCount() : 0;
}

qreal WrappedText::lineBottom(int line) const
{
    if (line < 0 || !m_layout)
        return 0;
    const QTextLine l = m_layout->lineAt(std::min(line, lineCount() - 1));
    return l.y() + l.height() + l.height() * (m_lineHeight - 1.0) / 2;
}

qreal WrappedText::naturalWidth() const
{
    qreal w = 0;
    for (int i = 0; i < lineCount(); ++i)
        w = std::max(w, m_layout->lineAt(i).naturalTextWidth());
    return w;
}

void WrappedText::draw(QPainter* painter, const QPointF& top, int from, int to) const
{
    if (!painter || !m_layout)
        return;
    if (to < 0 || to > lineCount())
        to = lineCount();
    const QPointF origin = top - QPointF(0, lineTop(from));
    for (int i = from; i < to; ++i)
        m_layout->lineAt(i).draw(painter, origin);
}

} // namespace dli::ui
