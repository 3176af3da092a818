#include "ui/models/verification_evidence_model.h"

#include "ui/models/photo_findings_format.h"
#include "ui/models/roles.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace dli::ui {

VerificationEvidenceModel::VerificationEvidenceModel(QObject* parent) : QAbstractTableModel(parent)
{}

void VerificationEvidenceModel::setFiles(const QList<Evidence>& files)
{
    beginResetModel();
    m_rows = files;
    endResetModel();
}

const Evidence* VerificationEvidenceModel::file(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int VerificationEvidenceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int VerificationEvidenceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VerificationEvidenceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const Evidence& e = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FileColumn:
            return e.fileName;
        case TypeColumn:
            return e.mimeType;
        case SizeColumn:
            return QLocale().formattedDataSize(e.size, 1);
        case AttachedByColumn:
            return tr("%1, %2").arg(e.attachedBy, e.attachedAt.toString(u"yyyy-MM-dd"_s));
        case FindingsColumn:
            return PhotoFindingsFormat::summary(e);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == FileColumn)
            return tr("SHA-256 %1").arg(e.sha256);
        if (index.column() == FindingsColumn)
            return PhotoFindingsFormat::tooltip(e);
        return {};
    case Qt::ForegroundRole:
        return index.column() == FindingsColumn ? PhotoFindingsFormat::foreground(e) : QVariant();
    case SortRole:
        if (index.column() == SizeColumn)
            return e.size;
        if (index.column() == AttachedByColumn)
            return e.attachedAt;
        return {};
    case KeyRole:
        return e.id;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeading | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant VerificationEvidenceModel::headerData(int section, Qt::Orientation orientation,
                                               int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn:
        return tr("File");
    case TypeColumn:
        return tr("Type");
    case SizeColumn:
        return tr("Size");
    case AttachedByColumn:
        return tr("Attached");
    case FindingsColumn:
        return tr("Findings");
    default:
        return {};
    }
}

} // namespace dli::ui
