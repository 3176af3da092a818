#include "ui/models/field_imports_model.h"

#include "ui/models/roles.h"

using namespace Qt::StringLiterals;

namespace dli::ui {

FieldImportsModel::FieldImportsModel(QObject* parent) : QAbstractTableModel(parent) {}

void FieldImportsModel::setImports(const QList<FieldImportRecord>& imports)
{
    beginResetModel();
    m_rows = imports;
    endResetModel();
}

const FieldImportRecord* FieldImportsModel::record(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int FieldImportsModel::rowOf(const QString& importId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == importId)
            return i;
    }
    return -1;
}

int FieldImportsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FieldImportsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant FieldImportsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const FieldImportRecord& r = m_rows[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case AtColumn:
            return QChar(0x200E) + r.importedAt.toUTC().toString(u"yyyy-MM-dd HH:mm"_s);
        case ByColumn:
            return r.importedBy;
        case PackageColumn:
            return r.packageId.left(8);
        case AssigneeColumn:
            return r.assignee;
        case AppliedColumn:
            return r.applied;
        case ConflictsColumn:
            return r.conflicts;
        case RefusedColumn:
            return r.refused;
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (index.column() >= AppliedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ToolTipRole) {
        if (index.column() == PackageColumn)
            return tr("Package %1").arg(r.packageId);
        if (index.column() == AtColumn)
            return tr("Imported at %1 UTC").arg(r.importedAt.toUTC().toString(Qt::ISODate));
    } else if (role == SortRole) {
        switch (index.column()) {
        case AtColumn:
            return r.importedAt;
        case AppliedColumn:
            return r.applied;
        case ConflictsColumn:
            return r.conflicts;
        case RefusedColumn:
            return r.refused;
        default:
            break;
        }
    } else if (role == KeyRole) {
        return r.id;
    }
    return {};
}

QVariant FieldImportsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AtColumn:
        return tr("Imported (UTC)");
    case ByColumn:
        return tr("By");
    case PackageColumn:
        return tr("Package");
    case AssigneeColumn:
        return tr("Assignee");
    case AppliedColumn:
        return tr("Applied");
    case ConflictsColumn:
        return tr("Conflicts");
    case RefusedColumn:
        return tr("Refused");
    }
    return {};
}

} // namespace dli::ui
