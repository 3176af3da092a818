#pragma once

#include "core/engine/disbursement.h"
#include "core/model/currency.h"

#include <QAbstractTableModel>

namespace dli::ui {

// The recorded money events (Disbursements::events) in recording order: what, against which
// DLI or DLR, how much, when, the reference, who recorded it and, when forced, why.
class DisbursementEventsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SequenceColumn,
        DateColumn,
        KindColumn,
        TargetColumn,
        AmountColumn,
        ReferenceColumn,
        RecordedByColumn,
        RecordedAtColumn,
        ReasonColumn,
        ColumnCount
    };

    explicit DisbursementEventsModel(QObject* parent = nullptr);

    void setEvents(const QList<DisbursementEvent>& events, const Currency& currency);
    const QList<DisbursementEvent>& events() const { return m_events; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<DisbursementEvent> m_events;
    Currency m_currency;
};

} // namespace dli::ui
