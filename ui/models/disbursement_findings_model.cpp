#include "ui/models/disbursement_findings_model.h"

#include "ui/models/disbursement_format.h"
#include "ui/models/roles.h"

namespace dli::ui {

DisbursementFindingsModel::DisbursementFindingsModel(QObject* parent) : QAbstractTableModel(parent)
{}

void DisbursementFindingsModel::setFindings(const QList<Finding>& findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

int DisbursementFindingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_findings.size());
}

int DisbursementFindingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DisbursementFindingsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_findings.size())
        return {};
    const Finding& f = m_findings[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return DisbursementFormat::findingKind(f.kind);
        case DliColumn:
            return f.dli;
        case DlrColumn:
            return f.dlr;
        case MessageColumn:
            return f.message;
        }
        return {};
    case Qt::ToolTipRole:
        return f.message;
    case KeyRole:
        return f.dlr.isEmpty() ? f.dli : f.dlr;
    }
    return {};
}

QVariant DisbursementFindingsModel::headerData(int section, Qt::Orientation orientation,
                                               int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Finding");
    case DliColumn:
        return tr("DLI");
    case DlrColumn:
        return tr("DLR");
    case MessageColumn:
        return tr("What it says");
    }
    return {};
}

} // namespace dli::ui
