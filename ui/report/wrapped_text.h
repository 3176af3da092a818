// A piece of text laid out in lines for a width on the page's device (so that its metrics are
// those of the PDF or printer), which can be drawn whole or a range of lines at a time: a long
// paragraph or table cell continues on the next page where the first one ends.
#pragma once

#include <QFont>
#include <QString>
#include <QTextOption>
#include <memory>

class QPaintDevice;
class QPainter;
class QPointF;
class QTextLayout;

namespace dli::ui {

class WrappedText {
public:
    WrappedText() = default;
    // `lineHeight` multiplies each line's natural height (1.3 reads well for body text). Words
    // that do not fit the width (hashes, file names) break anywhere rather than overflow.
    WrappedText(const QString& text, const QFont& font, const QPaintDevice& device, qreal width,
                Qt::Alignment align = Qt::AlignLeft, qreal lineHeight = 1.0);

    bool isEmpty() const { return lineCount() == 0; }
    int lineCount() const;
    qreal height() const { return lineBottom(lineCount() - 1); }
    // From the top of the text; lineBottom(-1) is 0.
    qreal lineTop(int line) const { return lineBottom(line - 1); }
    qreal lineBottom(int line) const;
    // The widest line.
    qreal naturalWidth() const;

    // Draws lines [from, to) with their top at `top` (to = -1: to the end). Nothing when the
    // painter is null: the first pass of the layout only measures.
    void draw(QPainter* painter, const QPointF& top, int from = 0, int to = -1) const;

private:
    std::shared_ptr<QTextLayout> m_layout; // shared: rows of cells are copied around
    qreal m_lineHeight = 1.0;
};

} // namespace dli::ui
