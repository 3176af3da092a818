#include "ui/report/report_table_painter.h"

#include "ui/report/report_pager.h"
#include "ui/report/report_table_splitter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

bool isNumeric(ReportColumnKind kind)
{
    switch (kind) {
    case ReportColumnKind::Integer:
    case ReportColumnKind::Number:
    case ReportColumnKind::Money:
    case ReportColumnKind::Percent:
        return true;
    case ReportColumnKind::Text:
    case ReportColumnKind::Date:
        return false;
    }
    return false;
}

constexpr qreal TitleSize = 9.5;
constexpr qreal LongestWhole = 28; // mm: a longer word in a text column may break anywhere

// A SHA-256 or other hash: read character by character, so in a monospaced font.
bool isDigest(const QString& text)
{
    if (text.size() < 32)
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
}

// A hash in lines of equal length ("3 + 3" rather than "4 + 2" characters), not a last line of
// two characters.
QString balanced(const QString& digest, const QFontMetricsF& mono, qreal width)
{
    const qsizetype fit =
        std::max<qsizetype>(1, static_cast<qsizetype>(width / mono.horizontalAdvance(u'0')));
    const qsizetype lines = (digest.size() + fit - 1) / fit;
    if (lines <= 1)
        return digest;
    const qsizetype each = (digest.size() + lines - 1) / lines;
    QString out;
    for (qsizetype i = 0; i < digest.size(); i += each) {
        if (!out.isEmpty())
            out += QChar::LineSeparator;
        out += digest.mid(i, each);
    }
    return out;
}

// Rules end where the table does (a square cap would stick out by half the rule's width).
QPen rulePen(const QColor& colour, qreal width)
{
    return QPen(colour, width, Qt::SolidLine, Qt::FlatCap);
}

constexpr qreal DigestSmaller = 1; // points: a SHA-256 then takes two lines in most columns

} // namespace

ReportTablePainter::ReportTablePainter(const ReportTable& table, ReportPager& pager,
                                       std::optional<bool> dense)
    : m_table(table), m_pager(pager),
      m_dense(dense.value_or(table.columns.size() >= ReportStyle::DenseColumns)),
      m_padX(pager.style().pt(m_dense ? 2.8 : 3.5)), m_padY(pager.style().pt(2.6))
{
    m_least = leastWidths();
    m_widths = columnWidths();
}

bool ReportTablePainter::fits() const
{
    qreal sum = 0;
    for (qreal w : m_least)
        sum += w;
    return sum <= m_pager.content().width();
}

QFont ReportTablePainter::font(bool bold, bool italic) const
{
    return m_dense ? ReportStyle::condensed(ReportStyle::DenseTableSize, bold, italic)
                   : ReportStyle::sans(ReportStyle::TableSize, bold, italic);
}

QList<qreal> ReportTablePainter::leastWidths() const
{
    // What a column cannot do with less: a number or a date on one line, a header broken only
    // between words, text a few words wide. Hashes and long names break anywhere.
    const ReportStyle& s = m_pager.style();
    const QFontMetricsF plain(font(false), &m_pager.device());
    const QFontMetricsF bold(font(true), &m_pager.device());
    const qsizetype n = m_table.columns.size();
    QList<qreal> least(n, 0);
    for (qsizetype c = 0; c < n; ++c) {
        const ReportColumn& column = m_table.columns[c];
        for (const QString& word : column.title.split(u' ', Qt::SkipEmptyParts))
            least[c] = std::max(least[c], bold.horizontalAdvance(word));
        if (column.kind == ReportColumnKind::Text) {
            const int words = std::clamp(column.width, 1, 4);
            least[c] = std::max(least[c], s.mm(6 + 4 * words));
            // Short words (codes, dates, times) stay whole; hashes and long names may break.
            qreal longest = 0;
            for (qsizetype r = 0; r < m_table.rows.size(); ++r) {
                if (c >= m_table.rows[r].size() || isDigest(m_table.rows[r][c].text))
                    continue;
                const QFontMetricsF& fm = m_table.groupRows.contains(int(r)) ? bold : plain;
                for (const QString& word : m_table.rows[r][c].text.split(u' '))
                    longest = std::max(longest, fm.horizontalAdvance(word));
            }
            least[c] = std::max(least[c], std::min(longest, s.mm(LongestWhole)));
            continue;
        }
        for (qsizetype r = 0; r < m_table.rows.size(); ++r) {
            if (c >= m_table.rows[r].size())
                continue;
            const QFontMetricsF& fm = m_table.groupRows.contains(int(r)) ? bold : plain;
            least[c] = std::max(least[c], fm.horizontalAdvance(m_table.rows[r][c].text));
        }
    }
    for (qreal& w : least)
        w += 2 * m_padX + s.pt(0.5);
    return least;
}

QList<qreal> ReportTablePainter::columnWidths() const
{
    const QList<qreal>& least = m_least;
    const qsizetype n = m_table.columns.size();
    QList<int> weight(n, 1);
    for (qsizetype c = 0; c < n; ++c)
        weight[c] = std::max(1, m_table.columns[c].width);

    // Shares of the width by ReportColumn::width; a column given less than it needs gets what
    // it needs, taken from the others in proportion to their weights.
    const qreal total = m_pager.content().width();
    QList<bool> fixed(n, false);
    QList<qreal> widths(n, 0);
    for (bool changed = true; changed;) {
        changed = false;
        qreal room = total;
        int weights = 0;
        for (qsizetype c = 0; c < n; ++c) {
            if (fixed[c])
                room -= least[c];
            else
                weights += weight[c];
        }
        for (qsizetype c = 0; c < n; ++c) {
            widths[c] =
                fixed[c] ? least[c] : std::max(0.0, room) * weight[c] / std::max(1, weights);
            if (!fixed[c] && widths[c] < least[c]) {
                fixed[c] = true;
                changed = true;
            }
        }
    }
    // When even the least does not fit (a single column too wide for the page), everything
    // shrinks alike; wider tables are split first (ReportTableSplitter).
    qreal sum = 0;
    for (qreal w : widths)
        sum += w;
    if (sum > total) {
        for (qreal& w : widths)
            w *= total / sum;
    }
    return widths;
}

int ReportTablePainter::workUnits(const ReportTable& table)
{
    return 1 + static_cast<int>(table.rows.size());
}

ReportTablePainter::Row ReportTablePainter::layoutRow(const QList<ReportCell>& cells, bool header,
                                                      bool group) const
{
    Row row;
    row.group = group;
    const QFont cellFont = font(header || group);
    const QFont digestFont = ReportStyle::mono(
        (m_dense ? ReportStyle::DenseTableSize : ReportStyle::TableSize) - DigestSmaller);
    const QFontMetricsF digestMetrics(digestFont, &m_pager.device());
    for (qsizetype c = 0; c < m_table.columns.size(); ++c) {
        QString text = c < cells.size() ? cells[c].text : QString();
        const Qt::Alignment align =
            isNumeric(m_table.columns[c].kind) ? Qt::AlignRight : Qt::AlignLeft;
        const qreal width = m_widths[c] - 2 * m_padX;
        const bool digest = isDigest(text);
        if (digest)
            text = balanced(text, digestMetrics, width);
        row.cells << WrappedText(text, digest ? digestFont : cellFont, m_pager.device(), width,
                                 align);
        row.height = std::max(row.height, row.cells.last().height());
    }
    row.height += 2 * m_padY;
    return row;
}

void ReportTablePainter::run()
{
    if (!fits() && m_table.columns.size() > 2) {
        const QList<ReportTable> parts = ReportTableSplitter::parts(m_table, m_pager, m_least);
        if (parts.size() > 1) {
            // The parts keep the whole table's font, so that they read as one table.
            for (qsizetype i = 0; i < parts.size() && !m_pager.cancelled(); ++i) {
                if (i > 0)
                    m_pager.advance(m_pager.style().mm(8));
                ReportTablePainter(parts[i], m_pager, m_dense).run();
            }
            return;
        }
    }
    const ReportStyle& s = m_pager.style();
    const WrappedText title(m_table.title, ReportStyle::sans(TitleSize, true), m_pager.device(),
                            m_pager.content().width());
    const qreal titleRoom = title.height() + s.mm(2);
    if (m_table.rows.isEmpty() || m_table.columns.isEmpty()) {
        m_pager.ensure(titleRoom + s.mm(12));
        drawCaption(m_table.title, ReportStyle::sans(TitleSize, true));
        drawEmpty();
        m_pager.tick();
        return;
    }

    QList<ReportCell> titles;
    for (const ReportColumn& c : m_table.columns)
        titles << ReportCell::of(c.title);
    const Row header = layoutRow(titles, true, false);
    // A group row stays with its first member.
    const auto need = [this](qsizetype i, const Row& row) {
        qreal h = row.height;
        if (row.group && i + 1 < m_table.rows.size())
            h += layoutRow(m_table.rows[i + 1], false, false).height;
        return h;
    };
    Row row = layoutRow(m_table.rows.first(), false, m_table.groupRows.contains(0));
    // The title never ends a page: it goes with the header and the first row.
    m_pager.ensure(titleRoom + header.height + need(0, row));
    drawCaption(m_table.title, ReportStyle::sans(TitleSize, true));
    drawRow(header, -1, true);
    m_pager.tick();

    int shade = 0; // rows since the last group row, for the alternate shading
    for (qsizetype i = 0; i < m_table.rows.size(); ++i) {
        if (i > 0)
            row = layoutRow(m_table.rows[i], false, m_table.groupRows.contains(int(i)));
        if (i > 0 && need(i, row) > m_pager.remaining()) {
            closeTable();
            m_pager.newPage();
            drawCaption(tr("%1 (continued)").arg(m_table.title),
                        ReportStyle::sans(TitleSize - 1, false, true));
            drawRow(header, -1, true);
        }
        shade = row.group ? 0 : shade + 1;
        drawRow(row, shade, false);
        if (!m_pager.tick())
            return;
    }
    closeTable();
}

void ReportTablePainter::drawCaption(const QString& text, const QFont& font)
{
    const ReportStyle& s = m_pager.style();
    const WrappedText caption(text, font, m_pager.device(), m_pager.content().width());
    if (QPainter* p = m_pager.painter()) {
        p->setPen(ReportStyle::text());
        caption.draw(p, QPointF(m_pager.content().left(), m_pager.y()));
    }
    m_pager.advance(caption.height() + s.mm(2));
}

void ReportTablePainter::drawRow(const Row& row, int shade, bool header)
{
    const ReportStyle& s = m_pager.style();
    const qreal left = m_pager.content().left();
    const qreal top = m_pager.y();
    const QRectF band(left, top, m_pager.content().width(), row.height);
    if (QPainter* p = m_pager.painter()) {
        p->save();
        if (header)
            p->fillRect(band, ReportStyle::headerFill());
        else if (row.group)
            p->fillRect(band, ReportStyle::groupFill());
        else if (shade % 2 == 0)
            p->fillRect(band, ReportStyle::zebraFill());
        if (header || row.group) {
            // Dark rules frame the header; a light one opens each group.
            const bool dark = header;
            p->setPen(rulePen(dark ? ReportStyle::rule() : ReportStyle::hairline(),
                              s.pt(dark ? 0.8 : 0.5)));
            p->drawLine(band.topLeft(), band.topRight());
            if (header)
                p->drawLine(band.bottomLeft(), band.bottomRight());
        }
        p->setPen(ReportStyle::text());
        qreal x = left;
        for (qsizetype c = 0; c < row.cells.size(); ++c) {
            row.cells[c].draw(p, QPointF(x + m_padX, top + m_padY));
            x += m_widths[c];
        }
        p->restore();
    }
    m_pager.advance(row.height);
}

void ReportTablePainter::drawEmpty()
{
    const ReportStyle& s = m_pager.style();
    const QString text =
        m_table.emptyText.isEmpty() ? tr("Nothing to list for this quarter.") : m_table.emptyText;
    const WrappedText said(text, ReportStyle::sans(ReportStyle::TableSize + 0.5, false, true),
                           m_pager.device(), m_pager.content().width() - 2 * m_padX);
    const QRectF band(m_pager.content().left(), m_pager.y(), m_pager.content().width(),
                      said.height() + 2 * m_padY);
    if (QPainter* p = m_pager.painter()) {
        p->save();
        p->fillRect(band, ReportStyle::zebraFill());
        p->setPen(rulePen(ReportStyle::hairline(), s.pt(0.5)));
        p->drawLine(band.topLeft(), band.topRight());
        p->drawLine(band.bottomLeft(), band.bottomRight());
        p->setPen(ReportStyle::text());
        said.draw(p, QPointF(band.left() + m_padX, band.top() + m_padY));
        p->restore();
    }
    m_pager.advance(band.height());
}

void ReportTablePainter::closeTable()
{
    if (QPainter* p = m_pager.painter()) {
        p->save();
        p->setPen(rulePen(ReportStyle::rule(), m_pager.style().pt(0.8)));
        const qreal y = m_pager.y();
        p->drawLine(QPointF(m_pager.content().left(), y), QPointF(m_pager.content().right(), y));
        p->restore();
    }
}

} // namespace dli::ui
