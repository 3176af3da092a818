// A chart on screen: draws a ChartData with ChartBuilder, and shows the exact value of what the
// pointer is over (ChartPoint::label) as a tooltip.
#pragma once

#include "core/charts/chart_data.h"

#include <QChartView>

namespace dli::ui {

class ChartWidget : public QChartView {
    Q_OBJECT
public:
    explicit ChartWidget(QWidget* parent = nullptr);

    // Draws the data, replacing what was shown.
    void setData(const ChartData& data);
    const ChartData& data() const { return m_data; }

    // The tooltip of a series' or bar set's category: "Name — FY2025-Q1: US$3,200,000.00".
    static QString tooltipText(const QObject* seriesOrSet, const QString& name,
                               const QString& category, int index);

private:
    void connectTooltips();
    ChartData m_data;
};

} // namespace dli::ui
