#include "ui/models/field_conflicts_model.h"

#include "ui/models/roles.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace dli::ui {

FieldConflictsModel::FieldConflictsModel(QObject* parent) : QAbstractTableModel(parent) {}

void FieldConflictsModel::setConflicts(const QList<FieldConflict>& conflicts,
                                       const FieldRowLabels& labels)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(conflicts.size());
    for (const FieldConflict& k : conflicts)
        m_rows.append({k, labels.label(k.table, k.rowId)});
    endResetModel();
}

const FieldConflict* FieldConflictsModel::conflict(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].conflict : nullptr;
}

QString FieldConflictsModel::label(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].label : QString();
}

int FieldConflictsModel::rowOf(const QString& conflictId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const QString& id = m_rows[i].conflict.id;
        if (!conflictId.isEmpty() && (id == conflictId || id.startsWith(conflictId)))
            return i;
    }
    return -1;
}

QString FieldConflictsModel::stateText(const FieldConflict& k)
{
    if (k.state == u"open"_s)
        return tr("Open");
    const QString kept =
        k.resolution == FieldConflict::KeepField ? tr("Kept the field's") : tr("Kept the office's");
    return tr("%1 (%2, %3)")
        .arg(kept, k.resolvedBy, QChar(0x200E) + k.resolvedAt.toUTC().toString(u"yyyy-MM-dd"_s));
}

int FieldConflictsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FieldConflictsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant FieldConflictsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows[index.row()];
    const FieldConflict& k = r.conflict;
    const bool open = k.state == u"open"_s;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RowColumn:
            return r.label;
        case ActionColumn:
            return k.action;
        case UserColumn:
            return k.fieldUser;
        case AtColumn:
            return QChar(0x200E) + k.fieldAt.toUTC().toString(u"yyyy-MM-dd HH:mm"_s);
        case StateColumn:
            return stateText(k);
        case WhyColumn:
            return k.reason;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == RowColumn)
            return tr("Conflict %1 on %2 %3").arg(k.id.left(8), k.table, k.rowId);
        if (index.column() == WhyColumn)
            return k.reason;
        break;
    case Qt::ForegroundRole:
        if (!open)
            return QBrush(QColor(0x6b, 0x6b, 0x6b));
        break;
    case SortRole:
        if (index.column() == AtColumn)
            return k.fieldAt;
        break;
    case KeyRole:
        return k.id;
    default:
        break;
    }
    return {};
}

QVariant FieldConflictsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RowColumn:
        return tr("Row");
    case ActionColumn:
        return tr("Field change");
    case UserColumn:
        return tr("By");
    case AtColumn:
        return tr("In the field (UTC)");
    case StateColumn:
        return tr("State");
    case WhyColumn:
        return tr("Why it waits");
    }
    return {};
}

} // namespace dli::ui
