#pragma once

#include "core/workflow/samples.h"

#include <QAbstractTableModel>

namespace dli::ui {

// The checklist of a sample: each drawn register row, in the order drawn, with what its check
// found.
class SampleItemsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        PositionColumn,
        KeyColumn,
        OutcomeColumn,
        NoteColumn,
        RecordedColumn,
        ColumnCount
    };

    explicit SampleItemsModel(QObject* parent = nullptr);

    // Shows the sample's rows; a sample of the same id keeps its rows and updates them.
    void setSample(const Sample& sample);
    void clear();
    const Sample& sample() const { return m_sample; }
    const SampleItem* item(int row) const;
    int rowOfKey(const QString& key) const;

    static QString outcomeText(const std::optional<SampleOutcome>& outcome);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Sample m_sample;
};

} // namespace dli::ui
