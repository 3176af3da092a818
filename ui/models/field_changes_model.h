#pragma once

#include "core/model/field_exchange.h"
#include "ui/models/field_row_labels.h"

#include <QAbstractTableModel>
#include <QList>

namespace dli::ui {

// The changes one import of a field return made: what became of each (applied, conflict,
// refused, noted), the field change, its row, who and when in the field, and why. Refused
// changes and conflicts come first and are highlighted; then the noted and the applied, each in
// the order they were made in the field.
class FieldChangesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { OutcomeColumn, ActionColumn, RowColumn, UserColumn, AtColumn, WhyColumn, Count };

    explicit FieldChangesModel(QObject* parent = nullptr);

    void setChanges(const QList<FieldChange>& changes, const FieldRowLabels& labels);
    const FieldChange* change(int row) const;
    // The row of the change held as this conflict, or -1.
    int rowOfConflict(const QString& conflictId) const;

    // Refused first, then conflicts, noted and applied.
    static int outcomeRank(const QString& outcome);
    static QString outcomeText(const QString& outcome);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        FieldChange change;
        QString label;
    };
    QList<Row> m_rows;
};

} // namespace dli::ui
