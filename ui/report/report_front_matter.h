// The first two pages of the report: the cover (what the report is about, for which quarter,
// when and by whom it was made, and the two hashes that tie it to the data) and the table of
// contents (its page numbers come from the first, measuring, pass of the layout).
#pragma once

#include "core/report/report_data.h"

#include <QCoreApplication>
#include <QList>

namespace dli::ui {

class ReportPager;

class ReportFrontMatter {
public:
    struct Entry {
        QString number; // "2."
        QString title;  // "Executive summary"
        int page = 0;   // 0 while measuring: not drawn
    };

    static void drawCover(ReportPager& pager, const QuarterlyReport& report);
    static void drawContents(ReportPager& pager, const QList<Entry>& entries);

    // A numbered heading with a rule under it, as every section and the contents start.
    static void drawHeading(ReportPager& pager, const QString& text);

    Q_DECLARE_TR_FUNCTIONS(ReportFrontMatter) // last: it ends in "private:"
};

} // namespace dli::ui
