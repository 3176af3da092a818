#include "core/report/report_xlsx_sheet.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

using Kind = ReportColumnKind;
using F = ReportXlsxFormats;

// Excel refuses a cell of more text than this; a longer cell would fail the whole workbook.
constexpr qsizetype kMaxCellChars = 32767;
// The Summary's cover would fill the screen if frozen: a header further down is not frozen.
constexpr lxw_row_t kMaxFrozenRow = 10;
constexpr qsizetype kMinWidth = 8;
constexpr qsizetype kMaxWidth = 80;
// Excel's limit on a page footer, codes included.
constexpr qsizetype kMaxFooterBytes = 255;
constexpr double kRowHeight = 15; // points: Excel's default row of 11-point text
constexpr int kMaxRowLines = 40;

lxw_col_t col(qsizetype c)
{
    return static_cast<lxw_col_t>(c);
}

// The longest line of a cell, for its column's width.
qsizetype displayLength(const QString& text)
{
    qsizetype longest = 0;
    for (QStringView line : QStringView(text).split(u'\n'))
        longest = std::max(longest, line.size());
    return longest;
}

// How many lines a wrapped text takes in a column that many digits wide.
int lineCount(const QString& text, qsizetype width)
{
    const qsizetype perLine = std::max<qsizetype>(width - 2, 1);
    qsizetype lines = 0;
    for (QStringView line : QStringView(text).split(u'\n'))
        lines += std::max<qsizetype>(1, (line.size() + perLine - 1) / perLine);
    return static_cast<int>(std::min<qsizetype>(lines, kMaxRowLines));
}

// A column's width in Excel's units (the width of a digit): letters vary, so a tenth more than
// the longest text, and a margin.
qsizetype needed(qsizetype content)
{
    return content + content / 10 + 2;
}

// How many decimals an exact value has ("84.5" has one), so that a Number column shows the
// value as entered rather than a rounding of it.
int decimalsOf(const Decimal& value)
{
    std::int64_t units = value.units();
    int decimals = Decimal::Scale;
    while (decimals > 0 && units % 10 == 0) {
        units /= 10;
        --decimals;
    }
    return decimals;
}

QString numberFormat(Kind kind, const Decimal& value)
{
    switch (kind) {
    case Kind::Integer:
        return u"#,##0"_s;
    case Kind::Number: {
        const int decimals = decimalsOf(value);
        return decimals == 0 ? u"#,##0"_s : u"#,##0."_s + QString(decimals, u'0');
    }
    case Kind::Money:
        return u"#,##0.00"_s;
    case Kind::Percent:
        return u"0.0"_s;
    case Kind::Date:
        return u"yyyy-mm-dd"_s;
    case Kind::Text:
        break;
    }
    return {};
}

bool isNumeric(Kind kind)
{
    return kind != Kind::Text && kind != Kind::Date;
}

} // namespace

ReportXlsxSheet::ReportXlsxSheet(lxw_worksheet* sheet, ReportXlsxFormats& formats, Errors& check,
                                 QString currency)
    : m_sheet(sheet), m_formats(formats), m_check(check), m_currency(std::move(currency))
{}

QString ReportXlsxSheet::headerText(const QString& title, ReportColumnKind kind,
                                    const QString& currency)
{
    if (kind == Kind::Money && !currency.isEmpty() && !title.contains(currency))
        return tr("%1 (%2)").arg(title, currency);
    if (kind == Kind::Percent && !title.contains(u'%'))
        return tr("%1 (%)").arg(title);
    return title;
}

void ReportXlsxSheet::plan(const QList<ReportTable>& tables)
{
    for (const ReportTable& table : tables)
        m_columns = std::max(m_columns, table.columns.size());
    for (const ReportTable& table : tables) {
        for (qsizetype c = 0; c < table.columns.size(); ++c) {
            const ReportColumn& column = table.columns[c];
            Width& w = width(c);
            // Three more for the autofilter's button.
            w.content =
                std::max(w.content, headerText(column.title, column.kind, m_currency).size() + 3);
            // A column merged across the sheet wraps in the width the other tables give it.
            if (spanEnd(table, c) > c)
                continue;
            w.limit = std::max(w.limit, std::clamp<qsizetype>(14 * column.width, 14, kMaxWidth));
            for (const QList<ReportCell>& row : table.rows)
                w.content = std::max(w.content, displayLength(row.value(c).text));
        }
    }
}

void ReportXlsxSheet::heading(const QString& text)
{
    writeText(m_row++, 0, text, F::Heading);
}

void ReportXlsxSheet::labelled(const QString& label, const QString& value)
{
    planLabel(label);
    writeText(m_row, 0, label, F::Bold);
    writeText(m_row++, 1, value, 0);
}

void ReportXlsxSheet::labelled(const QString& label, const ReportCell& value, ReportColumnKind kind,
                               int flags)
{
    planLabel(label);
    writeText(m_row, 0, label, F::Bold);
    writeCell(m_row++, 1, value, kind, flags);
}

void ReportXlsxSheet::paragraph(const QString& text)
{
    wholeRow(text, F::Top);
}

void ReportXlsxSheet::table(const ReportTable& table, const QStringList& notes)
{
    if (m_tables++ > 0)
        blankRow();
    writeText(m_row++, 0, table.title, F::Title);
    const lxw_row_t header = m_row++;
    int headerLines = 1;
    for (qsizetype c = 0; c < table.columns.size(); ++c) {
        // A header longer than its column wraps rather than hiding under its neighbour.
        const ReportColumn& column = table.columns[c];
        headerLines =
            std::max(headerLines, writeSpan(header, c, spanEnd(table, c),
                                            headerText(column.title, column.kind, m_currency),
                                            F::Header | alignment(table, c)));
    }
    if (headerLines > 1)
        m_check(worksheet_set_row(m_sheet, header, kRowHeight * headerLines, nullptr));
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const QList<ReportCell>& row = table.rows[r];
        const int bold = table.groupRows.contains(static_cast<int>(r)) ? F::Bold : 0;
        int lines = 1;
        for (qsizetype c = 0; c < table.columns.size(); ++c) {
            const qsizetype end = spanEnd(table, c);
            const int flags = bold | F::Top | alignment(table, c);
            if (end > c) {
                lines = std::max(lines, writeSpan(m_row, c, end, row.value(c).text, flags));
                continue;
            }
            writeCell(m_row, col(c), row.value(c), table.columns[c].kind, flags);
            if (table.columns[c].kind == Kind::Text && wraps(c))
                lines = std::max(lines, lineCount(row.value(c).text, chars(c)));
        }
        // Neither Excel nor LibreOffice reliably fits a row to wrapped text on opening.
        if (lines > 1)
            m_check(worksheet_set_row(m_sheet, m_row, kRowHeight * lines, nullptr));
        ++m_row;
    }
    QStringList said = notes;
    if (table.rows.isEmpty())
        said.prepend(table.emptyText.isEmpty() ? tr("Nothing to report.") : table.emptyText);
    for (const QString& line : said)
        wholeRow(line, F::Italic | F::Top);
    if (!m_first) {
        m_first =
            First{header, header + static_cast<lxw_row_t>(table.rows.size()),
                  col(std::max<qsizetype>(table.columns.size() - 1, 0)), !table.rows.isEmpty()};
    }
}

void ReportXlsxSheet::finish(const QString& footer)
{
    for (qsizetype c = 0; c < m_widths.size(); ++c)
        m_check(
            worksheet_set_column(m_sheet, col(c), col(c), static_cast<double>(chars(c)), nullptr));
    if (m_first) {
        if (m_first->header < kMaxFrozenRow)
            worksheet_freeze_panes(m_sheet, m_first->header + 1, 0);
        if (m_first->hasRows)
            m_check(worksheet_autofilter(m_sheet, m_first->header, 0, m_first->last,
                                         m_first->lastColumn));
        m_check(worksheet_repeat_rows(m_sheet, m_first->header, m_first->header));
    }
    worksheet_set_landscape(m_sheet);
    worksheet_set_paper(m_sheet, 9); // A4
    worksheet_fit_to_pages(m_sheet, 1, 0);
    // '&' starts a code in a footer; a footer Excel would refuse is left out, not fatal.
    const QByteArray text =
        (u"&L"_s + QString(footer).replace(u"&"_s, u"&&"_s) + u"&R"_s + tr("Page &P of &N"))
            .toUtf8();
    if (text.size() <= kMaxFooterBytes)
        worksheet_set_footer(m_sheet, text.constData());
}

// A label is never wrapped; values to its right may run over empty cells.
void ReportXlsxSheet::planLabel(const QString& label)
{
    Width& w = width(0);
    w.content = std::max(w.content, label.size());
    w.limit = std::max(w.limit, kMaxWidth);
}

ReportXlsxSheet::Width& ReportXlsxSheet::width(qsizetype c)
{
    while (m_widths.size() <= c)
        m_widths.append(Width{});
    return m_widths[c];
}

qsizetype ReportXlsxSheet::chars(qsizetype c) const
{
    const Width w = m_widths.value(c);
    return std::clamp(needed(w.content), kMinWidth, std::max(w.limit, kMinWidth));
}

int ReportXlsxSheet::alignment(const ReportTable& table, qsizetype c)
{
    if (table.columns[c].kind != Kind::Text)
        return F::Right;
    return c > 0 ? F::Indent : 0;
}

qsizetype ReportXlsxSheet::spanEnd(const ReportTable& table, qsizetype c) const
{
    const bool last = c == table.columns.size() - 1;
    return last && table.columns[c].kind == Kind::Text && c < m_columns - 1 ? m_columns - 1 : c;
}

qsizetype ReportXlsxSheet::spanChars(qsizetype first, qsizetype last) const
{
    qsizetype sum = 0;
    for (qsizetype c = first; c <= last; ++c)
        sum += chars(c);
    return sum;
}

void ReportXlsxSheet::wholeRow(const QString& text, int flags)
{
    const int lines = writeSpan(m_row, 0, m_columns - 1, text, flags);
    if (lines > 1)
        m_check(worksheet_set_row(m_sheet, m_row, kRowHeight * lines, nullptr));
    ++m_row;
}

int ReportXlsxSheet::writeSpan(lxw_row_t row, qsizetype first, qsizetype last, const QString& text,
                               int flags)
{
    const qsizetype width = spanChars(first, last);
    const bool wrap = needed(displayLength(text)) > width;
    lxw_format* format = m_formats.get({}, flags | (wrap ? F::Wrap : 0));
    if (last > first)
        m_check(worksheet_merge_range(m_sheet, row, col(first), row, col(last),
                                      text.left(kMaxCellChars).toUtf8().constData(), format));
    else
        writeText(row, col(first), text, flags | (wrap ? F::Wrap : 0));
    return wrap ? lineCount(text, width) : 1;
}

bool ReportXlsxSheet::wraps(qsizetype c) const
{
    const Width w = m_widths.value(c);
    return w.limit > 0 && needed(w.content) > w.limit;
}

void ReportXlsxSheet::writeText(lxw_row_t row, lxw_col_t c, const QString& text, int flags)
{
    if (text.isEmpty()) {
        // A group row is bold across, blanks included.
        if (flags & (F::Bold | F::Header))
            m_check(worksheet_write_blank(m_sheet, row, c, m_formats.get({}, flags)));
        return;
    }
    m_check(worksheet_write_string(m_sheet, row, c, text.left(kMaxCellChars).toUtf8().constData(),
                                   m_formats.get({}, flags)));
}

void ReportXlsxSheet::writeCell(lxw_row_t row, lxw_col_t c, const ReportCell& cell,
                                ReportColumnKind kind, int flags)
{
    if (kind == Kind::Date) {
        const QDate date = QDate::fromString(cell.text, Qt::ISODate);
        if (date.isValid() && date.year() >= 1900) {
            lxw_datetime when{date.year(), date.month(), date.day(), 0, 0, 0.0};
            m_check(worksheet_write_datetime(m_sheet, row, c, &when,
                                             m_formats.get(numberFormat(kind, {}), flags)));
            return;
        }
    } else if (isNumeric(kind) && cell.number) {
        m_check(worksheet_write_number(m_sheet, row, c, cell.number->toDouble(),
                                       m_formats.get(numberFormat(kind, *cell.number), flags)));
        return;
    }
    // Text, or a numeric cell with no number ("n/a"): written as the report prints it.
    const bool numeric = isNumeric(kind);
    writeText(row, c, cell.text,
              flags | (numeric ? F::Right : 0) | (!numeric && wraps(c) ? F::Wrap : 0));
}

} // namespace dli
