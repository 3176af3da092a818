#pragma once

#include "core/model/program.h"
#include "core/workflow/verification_queue.h"

#include <QAbstractTableModel>
#include <QHash>

namespace dli::ui {

// The verifier's queue: one row per submitted observation (core's VerificationQueue), with its
// figure, how it stands against its register, its evidence and its open sample's progress. A reload
// keeps the rows that stay, so the selection survives a decision on another row.
class VerificationQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IndicatorColumn,
        PeriodColumn,
        OrgUnitColumn,
        ReportedColumn,
        ReconciliationColumn,
        EvidenceColumn,
        SampleColumn,
        SubmittedColumn,
        ReporterColumn,
        ColumnCount
    };

    explicit VerificationQueueModel(QObject* parent = nullptr);

    // Replaces the rows: rows gone are removed, new ones appended, the others updated in place.
    void setEntries(const Program* program, const QList<QueueEntry>& entries);
    void clear() { setEntries(nullptr, {}); }

    const QueueEntry* entry(int row) const;
    // The row of the observation, or -1.
    int rowOf(const QString& observationId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const QueueEntry& e, int column) const;
    QVariant sortKey(const QueueEntry& e, int column) const;
    QString toolTip(const QueueEntry& e, int column) const;

    QHash<QString, QString> m_indicatorTitles; // code -> title, for tooltips
    QHash<QString, QString> m_unitNames;       // code -> name
    QList<QueueEntry> m_rows;
};

} // namespace dli::ui
