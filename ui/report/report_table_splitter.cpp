#include "ui/report/report_table_splitter.h"

#include "ui/report/report_pager.h"

#include <algorithm>
#include <limits>

namespace dli::ui {

namespace {

// The table's columns `columns` (indexes), rows and all.
ReportTable subset(const ReportTable& table, const QList<qsizetype>& columns)
{
    ReportTable part = table;
    part.columns.clear();
    for (qsizetype c : columns)
        part.columns << table.columns[c];
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        QList<ReportCell>& row = part.rows[r];
        row.clear();
        for (qsizetype c : columns)
            row << (c < table.rows[r].size() ? table.rows[r][c] : ReportCell{});
    }
    return part;
}

// Where the parts start among columns 1..n-1, cut in `parts` runs whose widest run (with the
// first column) is as narrow as can be. Few columns: every way is tried.
struct Cut {
    qreal widest = std::numeric_limits<qreal>::max();
    QList<qsizetype> starts;
};

Cut bestCut(const QList<qreal>& least, qsizetype from, int parts)
{
    const qsizetype n = least.size();
    Cut best;
    if (parts == 1) {
        qreal w = least[0];
        for (qsizetype c = from; c < n; ++c)
            w += least[c];
        best.widest = w;
        best.starts = {from};
        return best;
    }
    qreal w = least[0];
    for (qsizetype end = from + 1; end <= n - (parts - 1); ++end) {
        w += least[end - 1];
        if (w >= best.widest)
            break;
        Cut rest = bestCut(least, end, parts - 1);
        const qreal widest = std::max(w, rest.widest);
        if (widest < best.widest) {
            best.widest = widest;
            best.starts = QList<qsizetype>{from} + rest.starts;
        }
    }
    return best;
}

} // namespace

QList<ReportTable> ReportTableSplitter::parts(const ReportTable& table, const ReportPager& pager,
                                              const QList<qreal>& least)
{
    const qsizetype n = table.columns.size();
    if (n < 3 || least.size() != n)
        return {table};
    // The fewest parts that fit, then the most even cut into that many.
    const qreal room = pager.content().width();
    Cut cut;
    for (int parts = 2; parts < n; ++parts) {
        cut = bestCut(least, 1, parts);
        if (cut.widest <= room)
            break;
    }
    if (cut.starts.size() < 2)
        return {table};
    QList<ReportTable> out;
    for (qsizetype i = 0; i < cut.starts.size(); ++i) {
        const qsizetype end = i + 1 < cut.starts.size() ? cut.starts[i + 1] : n;
        QList<qsizetype> columns{0};
        for (qsizetype c = cut.starts[i]; c < end; ++c)
            columns << c;
        ReportTable part = subset(table, columns);
        part.title = tr("%1 (part %2 of %3)").arg(table.title).arg(i + 1).arg(cut.starts.size());
        out << part;
    }
    return out;
}

} // namespace dli::ui
