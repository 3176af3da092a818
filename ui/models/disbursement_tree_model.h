#pragma once

#include "core/engine/disbursement.h"
#include "core/engine/dli_outlook.h"
#include "core/model/program.h"

#include <QAbstractItemModel>
#include <optional>

namespace dli::ui {

// What can be claimed, as a tree: DLI rows (with the dashboard's traffic light as their status)
// and their DLRs as children, the engine's status and money columns for each, and, when a forecast
// was computed, its status, earned and payable in columns of their own beside the verified ones
// (never mixed into them).
class DisbursementTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        ItemColumn,
        StatusColumn,
        FinalColumn,
        AchievedColumn, // "A / T"
        AvailableColumn,
        EarnedColumn,
        DisbursedColumn,
        EligibleColumn,
        RecoveredColumn,
        PayableColumn,
        ForecastStatusColumn, // beside the verified columns, in columns of its own
        ForecastEarnedColumn,
        ForecastPayableColumn,
        CarriedInColumn,
        CarriedOutColumn,
        ReallocatedInColumn,
        ReallocatedOutColumn,
        CancelledColumn,
        PendingColumn,
        ColumnCount
    };
    // The first and last of the columns for money moved between DLRs, and of the forecast.
    static constexpr int FirstMovedColumn = CarriedInColumn;
    static constexpr int LastMovedColumn = PendingColumn;
    static constexpr int FirstForecastColumn = ForecastStatusColumn;
    static constexpr int LastForecastColumn = ForecastPayableColumn;
    // "dli" or "dlr" for the row's kind; KeyRole (roles.h) gives its code.
    static constexpr int KindRole = Qt::UserRole + 1;

    explicit DisbursementTreeModel(QObject* parent = nullptr);

    void setStatus(const Program& program, const Disbursement& verified,
                   const std::optional<Disbursement>& forecast);
    void clear();
    bool hasForecast() const { return m_forecast.has_value(); }
    const Disbursement& status() const { return m_verified; }
    const std::optional<Disbursement>& forecast() const { return m_forecast; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The index (column 0) of a DLI or DLR by code, or an invalid one.
    QModelIndex find(const QString& code) const;
    // The DLR or DLI behind an index, or nullptr.
    const DlrResult* dlrAt(const QModelIndex& index) const;
    const DliResult* dliAt(const QModelIndex& index) const;

private:
    QVariant display(const QModelIndex& index) const;
    QVariant sortKey(const QModelIndex& index) const;
    const MoneySums* sumsAt(const QModelIndex& index) const;

    Program m_program;
    Disbursement m_verified;
    QList<DliOutlook> m_outlooks; // per DLI row
    std::optional<Disbursement> m_forecast;
};

} // namespace dli::ui
