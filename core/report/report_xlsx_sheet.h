#pragma once

#include "core/report/report_data.h"
#include "core/report/report_xlsx_formats.h"

#include <QCoreApplication>
#include <optional>
#include <xlsxwriter.h>

namespace dli {

// Lays one section of the quarterly report out on one worksheet, top to bottom: labelled values,
// paragraphs, then tables stacked with a blank row between them (title, header, rows). Numbers
// are written as numbers in the format their column's kind names. Widths are planned (plan())
// before anything is written, since a text too long for its width wraps. Stacked tables share
// the sheet's columns: a table narrower than the sheet has its last text column merged across
// to the sheet's last column, and a paragraph spans all columns, so that long text wraps in the
// sheet's width instead of widening one column or running past the printed page.
class ReportXlsxSheet {
    Q_DECLARE_TR_FUNCTIONS(ReportXlsxSheet)
public:
    // Records the first libxlsxwriter failure: the workbook is written whole or not at all.
    struct Errors {
        lxw_error first = LXW_NO_ERROR;
        void operator()(lxw_error e)
        {
            if (first == LXW_NO_ERROR)
                first = e;
        }
    };

    ReportXlsxSheet(lxw_worksheet* sheet, ReportXlsxFormats& formats, Errors& check,
                    QString currency);

    // Sets the columns' widths for the tables written later on this sheet.
    void plan(const QList<ReportTable>& tables);
    // Widens the first column for a label written later.
    void planLabel(const QString& label);

    void blankRow() { ++m_row; }
    void heading(const QString& text);
    // A label and a value on one row: the cover and the summary's figures.
    void labelled(const QString& label, const QString& value);
    void labelled(const QString& label, const ReportCell& value, ReportColumnKind kind,
                  int flags = 0);
    // A line of prose across the sheet's columns, wrapped in their width.
    void paragraph(const QString& text);
    // notes: lines said under the table (a chart's notes).
    void table(const ReportTable& table, const QStringList& notes = {});
    // Column widths, the frozen header and autofilter of the first table, and the page set-up
    // with the footer on every printed page.
    void finish(const QString& footer);

    // The header says the unit of the numbers below it: "Earned (USD)", "Progress (%)".
    static QString headerText(const QString& title, ReportColumnKind kind, const QString& currency);

private:
    struct Width {
        qsizetype content = 0; // the longest text, in characters
        qsizetype limit = 0;   // the widest the column may be
    };
    struct First {
        lxw_row_t header;
        lxw_row_t last;
        lxw_col_t lastColumn;
        bool hasRows;
    };

    Width& width(qsizetype c);
    qsizetype chars(qsizetype c) const;
    // Whether text in column c is wrapped.
    bool wraps(qsizetype c) const;
    // Numbers and dates to the right; text after the first column indented.
    static int alignment(const ReportTable& table, qsizetype c);
    // The last column a table's column c spans: the sheet's last for a narrower table's last
    // text column, else c itself.
    qsizetype spanEnd(const ReportTable& table, qsizetype c) const;
    // The width in digits of columns first to last.
    qsizetype spanChars(qsizetype first, qsizetype last) const;
    // A text cell across columns first to last, wrapped when it is too long for them; returns
    // the lines it takes.
    int writeSpan(lxw_row_t row, qsizetype first, qsizetype last, const QString& text, int flags);
    // A row of text across the sheet, as tall as its wrapped lines need.
    void wholeRow(const QString& text, int flags);
    void writeText(lxw_row_t row, lxw_col_t c, const QString& text, int flags);
    void writeCell(lxw_row_t row, lxw_col_t c, const ReportCell& cell, ReportColumnKind kind,
                   int flags);

    lxw_worksheet* m_sheet;
    ReportXlsxFormats& m_formats;
    Errors& m_check;
    QString m_currency;
    QList<Width> m_widths;
    qsizetype m_columns = 2; // the cover's and figures' label and value
    lxw_row_t m_row = 0;
    int m_tables = 0;
    std::optional<First> m_first;
};

} // namespace dli
