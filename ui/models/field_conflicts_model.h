#pragma once

#include "core/model/field_exchange.h"
#include "ui/models/field_row_labels.h"

#include <QAbstractTableModel>
#include <QList>

namespace dli::ui {

// Rows changed both at the office and in the field, oldest first: the row, the field change,
// who made it and when, whether it waits or how it was resolved, and why it was held.
class FieldConflictsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RowColumn, ActionColumn, UserColumn, AtColumn, StateColumn, WhyColumn, Count };

    explicit FieldConflictsModel(QObject* parent = nullptr);

    void setConflicts(const QList<FieldConflict>& conflicts, const FieldRowLabels& labels);
    const FieldConflict* conflict(int row) const;
    QString label(int row) const;
    int rowOf(const QString& conflictId) const;
    // "Open", or how it was resolved, by whom and when.
    static QString stateText(const FieldConflict& conflict);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        FieldConflict conflict;
        QString label;
    };
    QList<Row> m_rows;
};

} // namespace dli::ui
