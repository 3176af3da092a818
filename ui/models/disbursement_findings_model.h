#pragma once

#include "core/engine/disbursement.h"

#include <QAbstractTableModel>

namespace dli::ui {

// The engine's findings (caps exceeded, overpayments, missed time-bound DLRs, forced events,
// decisions not covered): what a manager or the Bank must look at.
class DisbursementFindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, DliColumn, DlrColumn, MessageColumn, ColumnCount };

    explicit DisbursementFindingsModel(QObject* parent = nullptr);

    void setFindings(const QList<Finding>& findings);
    const QList<Finding>& findings() const { return m_findings; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Finding> m_findings;
};

} // namespace dli::ui
