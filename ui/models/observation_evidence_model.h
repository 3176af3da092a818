#pragma once

#include "core/model/evidence.h"
#include "core/result.h"

#include <QAbstractTableModel>

namespace dli {
class Session;
}

namespace dli::ui {

// The evidence files attached to one observation, in the order attached.
class ObservationEvidenceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        FileColumn,
        TypeColumn,
        SizeColumn,
        AttachedByColumn,
        AttachedAtColumn,
        FindingsColumn, // photo findings of a field visit
        ColumnCount
    };

    explicit ObservationEvidenceModel(Session& session, QObject* parent = nullptr);

    // Lists the files of the observation (none for an empty id).
    Status setObservation(const QString& id);
    const QString& observationId() const { return m_observation; }
    const Evidence* evidence(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Session& m_session;
    QString m_observation;
    QList<Evidence> m_files;
};

} // namespace dli::ui
