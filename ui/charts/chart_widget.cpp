#include "ui/charts/chart_widget.h"

#include "ui/charts/chart_builder.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QToolTip>
#include <QXYSeries>
#include <cmath>

using namespace Qt::StringLiterals;

namespace dli::ui {

ChartWidget::ChartWidget(QWidget* parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 220);
}

void ChartWidget::setData(const ChartData& data)
{
    m_data = data;
    QChart* old = chart();
    setChart(ChartBuilder::build(m_data));
    delete old; // setChart does not delete the chart it replaces
    connectTooltips();
}

QString ChartWidget::tooltipText(const QObject* seriesOrSet, const QString& name,
                                 const QString& category, int index)
{
    const QStringList labels = seriesOrSet->property(ChartBuilder::LabelsProperty).toStringList();
    const QString value = labels.value(index);
    return value.isEmpty() ? tr("%1 — %2").arg(name, category)
                           : tr("%1 — %2: %3").arg(name, category, value);
}

void ChartWidget::connectTooltips()
{
    QChart* c = chart();
    const QStringList cats = ChartBuilder::categories(m_data);
    const bool horizontal = c->property(ChartBuilder::HorizontalProperty).toBool();
    const auto series = c->series();
    for (QAbstractSeries* s : series) {
        if (auto* xy = qobject_cast<QXYSeries*>(s)) {
            connect(
                xy, &QXYSeries::hovered, this, [xy, cats, horizontal](const QPointF& p, bool on) {
                    if (!on) {
                        QToolTip::hideText();
                        return;
                    }
                    const int i = static_cast<int>(std::lround(horizontal ? p.y() : p.x()));
                    if (i < 0 || i >= cats.size())
                        return;
                    QToolTip::showText(QCursor::pos(), tooltipText(xy, xy->name(), cats.at(i), i));
                });
        } else if (auto* bars = qobject_cast<QAbstractBarSeries*>(s)) {
            const auto sets = bars->barSets();
            for (QBarSet* set : sets) {
                connect(set, &QBarSet::hovered, this, [set, cats](bool on, int i) {
                    if (!on || i < 0 || i >= cats.size()) {
                        QToolTip::hideText();
                        return;
                    }
                    QToolTip::showText(QCursor::pos(),
                                       tooltipText(set, set->label(), cats.at(i), i));
                });
            }
        }
    }
}

} // namespace dli::ui
