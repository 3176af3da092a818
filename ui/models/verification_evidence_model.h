#pragma once

#include "core/model/evidence.h"

#include <QAbstractTableModel>
#include <QList>

namespace dli::ui {

// The evidence files of the observation a verifier looks at, in the order attached.
class VerificationEvidenceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        FileColumn,
        TypeColumn,
        SizeColumn,
        AttachedByColumn,
        FindingsColumn, // photo findings of a field visit
        ColumnCount
    };

    explicit VerificationEvidenceModel(QObject* parent = nullptr);

    void setFiles(const QList<Evidence>& files);
    const Evidence* file(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Evidence> m_rows;
};

} // namespace dli::ui
