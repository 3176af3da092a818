// One section of the report from a new page: its numbered heading, its sentences, its figures
// as small cards (label above, value below, three to a row), its tables and its charts.
#pragma once

#include "core/report/report_data.h"

#include <QCoreApplication>

namespace dli::ui {

class ReportPager;

class ReportSectionPainter {
public:
    // `chartHeight`: the height every drawn chart takes (device units).
    ReportSectionPainter(ReportPager& pager, qreal chartHeight);

    // `heading` is the numbered title ("2. Executive summary"). Stops early when cancelled.
    void run(const ReportSection& section, const QString& heading);

    static int workUnits(const ReportSection& section);

private:
    void drawParagraph(const QString& text);
    void drawFigures(const QList<ReportFigure>& figures);

    ReportPager& m_pager;
    qreal m_chartHeight;
};

} // namespace dli::ui
