#include "core/io/text_table.h"

using namespace Qt::StringLiterals;

namespace dli {

TextTable::TextTable(QStringList headers, QList<Align> align)
    : m_headers(std::move(headers)), m_align(std::move(align))
{
    while (m_align.size() < m_headers.size())
        m_align << Align::Left;
}

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells << QString();
    m_rows << cells;
}

QString TextTable::render(const QString& indent) const
{
    QList<qsizetype> widths;
    for (const QString& h : m_headers)
        widths << h.size();
    for (const QStringList& row : m_rows) {
        for (qsizetype c = 0; c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    auto line = [&](const QStringList& cells) {
        QString out = indent;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            if (c > 0)
                out += u"  "_s;
            out += m_align[c] == Align::Right ? cells[c].rightJustified(widths[c])
                                              : cells[c].leftJustified(widths[c]);
        }
        while (out.endsWith(u' '))
            out.chop(1);
        return out + u'\n';
    };
    QString out = line(m_headers);
    QStringList rule;
    for (qsizetype w : widths)
        rule << QString(w, u'-');
    out += line(rule);
    for (const QStringList& row : m_rows)
        out += line(row);
    return out;
}

} // namespace dli
