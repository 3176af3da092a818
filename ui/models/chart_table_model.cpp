#include "ui/models/chart_table_model.h"

namespace dli::ui {

void ChartTableModel::setColumns(const QStringList& names, const QList<QList<double>>& columns)
{
    beginResetModel();
    m_names = names;
    m_columns = columns;
    endResetModel();
}

int ChartTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || m_columns.isEmpty())
        return 0;
    return static_cast<int>(m_columns.constFirst().size());
}

int ChartTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant ChartTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    return m_columns.value(index.column()).value(index.row());
}

QVariant ChartTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return m_names.value(section);
    return section + 1;
}

} // namespace dli::ui
