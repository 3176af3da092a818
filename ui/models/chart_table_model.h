#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace dli::ui {

// Numbers in named columns, for Qt Charts' model mappers: a chart's series are computed in core
// (ChartData) and reach the drawing through a model, as STYLE.md asks. An XY series maps two
// columns (x, y); a group of bars maps one column per bar set, one row per category.
class ChartTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ChartTableModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    // Every column must have as many values as the others.
    void setColumns(const QStringList& names, const QList<QList<double>>& columns);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QStringList m_names;
    QList<QList<double>> m_columns;
};

} // namespace dli::ui
