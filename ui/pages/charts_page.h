#pragma once

#include "core/charts/chart_data.h"
#include "ui/pages/page.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSpinBox;

namespace dli::ui {

class ChartWidget;

// The six charts of the program, each with the selectors it needs (DLI, indicator, period,
// as-of date shared with the dashboard), redrawn when the data change, and exported as PNG
// (chosen size and resolution) or SVG, or copied to the clipboard.
class ChartsPage : public Page {
    Q_OBJECT
public:
    explicit ChartsPage(Workspace& workspace, QWidget* parent = nullptr);

    QString id() const override { return QStringLiteral("charts"); }
    QString title() const override { return tr("Charts"); }
    void refresh() override;
    // A chart kind ("dli-progress", "disbursement", "timeline", "clusters", "verification",
    // "trend"), optionally with its subject after a colon: "dli-progress:DLI3".
    void showItem(const QString& item) override;

    const ChartData& data() const { return m_data; }
    ChartWidget* chart() const { return m_chart; }
    QComboBox* kindBox() const { return m_kind; }
    QComboBox* subjectBox() const { return m_subject; }
    QComboBox* periodBox() const { return m_period; }
    // Writes the chart shown to a .png or .svg file at the size and resolution chosen on the
    // page; the buttons ask for the file and call this.
    Status exportTo(const QString& path);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fillSubjects();
    void redraw();
    void markStale();

    ChartData m_data;
    ChartWidget* m_chart = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_subject = nullptr;
    QLabel* m_subjectLabel = nullptr;
    QComboBox* m_period = nullptr;
    QLabel* m_periodLabel = nullptr;
    QDateEdit* m_asOf = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QSpinBox* m_dpi = nullptr;
    QLabel* m_problem = nullptr;
    bool m_stale = true;
};

} // namespace dli::ui
