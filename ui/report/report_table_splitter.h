// A table too wide for a portrait page, split into parts of consecutive columns that each fit,
// as even in width as can be, each part led by the table's first column (the DLI or DLR, the
// indicator) so that its rows can be matched with the other parts'. The parts are titled
// "<title> (part 1 of 2)".
#pragma once

#include "core/report/report_data.h"

#include <QCoreApplication>
#include <QList>

namespace dli::ui {

class ReportPager;

class ReportTableSplitter {
public:
    // `least`: the least width of each column (ReportTablePainter). The table itself when it
    // fits or cannot be split.
    static QList<ReportTable> parts(const ReportTable& table, const ReportPager& pager,
                                    const QList<qreal>& least);

    Q_DECLARE_TR_FUNCTIONS(ReportTableSplitter) // last: it ends in "private:"
};

} // namespace dli::ui
