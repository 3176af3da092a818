#pragma once

#include "ui/pages/page.h"

#include <QList>

class QGridLayout;
class QLabel;
class QStackedWidget;

namespace dli::ui {

class ChartWidget;
class DashboardCard;
class DashboardDliModel;
class DisbursementAsOfEdit;
class FilteredTable;

// Financing, earned, disbursed and payable at a glance, the DLIs with a traffic light, and what
// waits for someone.
class DashboardPage : public Page {
    Q_OBJECT
public:
    explicit DashboardPage(Workspace& workspace, QWidget* parent = nullptr);

    QString id() const override { return QStringLiteral("dashboard"); }
    QString title() const override { return tr("Dashboard"); }
    // Computes everything again: the engine at the workspace's as-of date and the counts.
    void refresh() override;
    void focusFind() override;
    // Selects a DLI's row.
    void showItem(const QString& item) override;

    // For tests: the cards by name ("financing", "earned", "disbursed", "eligible", "payable",
    // "advances", "awaiting", "validation", "reconciliation", "photos", "findings"), and the DLI
    // table.
    DashboardCard* card(const QString& name) const;
    DashboardDliModel* dliModel() const { return m_model; }
    FilteredTable* dliTable() const { return m_table; }
    DisbursementAsOfEdit* asOfEdit() const { return m_asOf; }
    // Charts 1 and 2 of the Charts page: the most urgent DLI's progress, and disbursement by
    // DLI.
    ChartWidget* progressChart() const { return m_progressChart; }
    ChartWidget* moneyChart() const { return m_moneyChart; }
    // The DLI the progress chart shows: the first at risk, else missed, else on track.
    QString urgentDli() const { return m_urgent; }

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    enum Dirty { StatusDirty = 1, CountsDirty = 2 };
    void invalidate(int what);
    void recompute(int what);
    void updateStatus();
    void updateCounts();
    void arrangeCards();
    void fitTable();
    void updateCharts(const QDate& asOf);
    QWidget* buildLegend();
    DashboardCard* addCard(const QString& name, const QString& title);

    DisbursementAsOfEdit* m_asOf = nullptr;
    QLabel* m_programTitle = nullptr;
    QLabel* m_subtitle = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_noProgram = nullptr;
    QGridLayout* m_moneyGrid = nullptr;
    QList<DashboardCard*> m_moneyCards;
    QList<QPair<QString, DashboardCard*>> m_cards;
    DashboardDliModel* m_model = nullptr;
    FilteredTable* m_table = nullptr;
    ChartWidget* m_progressChart = nullptr;
    ChartWidget* m_moneyChart = nullptr;
    QString m_urgent;
    int m_dirty = StatusDirty | CountsDirty;
    int m_moneyColumns = 0;
    bool m_fitQueued = false;
};

} // namespace dli::ui
