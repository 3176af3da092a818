// One table of the report on as many pages as it needs: its title, a header row repeated on
// every page it continues onto (under "<title> (continued)"), rows that are never split, group
// rows bold on a grey band and kept with the row below, every other row lightly shaded, numbers
// right-aligned, text wrapped to the column widths (ReportColumn::width, relative). Tables of
// many columns use a smaller font, and a table still too wide for the page is split into parts
// of fewer columns; a table without rows says its emptyText in italics.
#pragma once

#include "core/report/report_data.h"
#include "ui/report/wrapped_text.h"

#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <optional>

namespace dli::ui {

class ReportPager;

class ReportTablePainter {
public:
    // `dense`: the smaller font, by default for tables of ReportStyle::DenseColumns or more.
    ReportTablePainter(const ReportTable& table, ReportPager& pager,
                       std::optional<bool> dense = std::nullopt);

    // Lays the table out from the pager's position on; draws it in the drawing pass. Stops
    // early when the report is cancelled.
    void run();

    // Whether every column gets the least it needs on the page's width.
    bool fits() const;

    // Units of work the table counts for in the progress.
    static int workUnits(const ReportTable& table);

    Q_DECLARE_TR_FUNCTIONS(ReportTablePainter) // last: it ends in "private:"

private:
    struct Row {
        QList<WrappedText> cells;
        qreal height = 0;
        bool group = false;
    };
    QFont font(bool bold, bool italic = false) const;
    QList<qreal> leastWidths() const;
    QList<qreal> columnWidths() const;
    Row layoutRow(const QList<ReportCell>& cells, bool header, bool group) const;
    void drawRow(const Row& row, int index, bool header);
    void drawCaption(const QString& text, const QFont& font);
    void drawEmpty();
    void closeTable();

    const ReportTable& m_table;
    ReportPager& m_pager;
    bool m_dense;         // many columns: a smaller, condensed font
    QList<qreal> m_least; // what each column needs at least
    QList<qreal> m_widths;
    qreal m_padX;
    qreal m_padY;
};

} // namespace dli::ui
