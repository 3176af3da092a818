#pragma once

#include "core/model/field_exchange.h"

#include <QAbstractTableModel>
#include <QList>

namespace dli::ui {

// The field returns imported at the office, the latest first: when, by whom, the package and
// its assignee, and how many changes were applied, held as conflicts or refused.
class FieldImportsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        AtColumn,
        ByColumn,
        PackageColumn,
        AssigneeColumn,
        AppliedColumn,
        ConflictsColumn,
        RefusedColumn,
        Count
    };

    explicit FieldImportsModel(QObject* parent = nullptr);

    void setImports(const QList<FieldImportRecord>& imports);
    const FieldImportRecord* record(int row) const;
    int rowOf(const QString& importId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<FieldImportRecord> m_rows;
};

} // namespace dli::ui
