#include "ui/models/observation_evidence_model.h"

#include "core/storage/session.h"
#include "ui/models/photo_findings_format.h"
#include "ui/models/roles.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace dli::ui {

ObservationEvidenceModel::ObservationEvidenceModel(Session& session, QObject* parent)
    : QAbstractTableModel(parent), m_session(session)
{}

Status ObservationEvidenceModel::setObservation(const QString& id)
{
    QList<Evidence> files;
    if (!id.isEmpty()) {
        auto listed = m_session.evidence().list(
            EvidenceRepository::TargetKey{Evidence::Target::Observation, id});
        if (!listed && listed.error().code != ErrorCode::NotFound)
            return listed.error();
        if (listed)
            files = std::move(listed).value();
    }
    beginResetModel();
    m_observation = id;
    m_files = std::move(files);
    endResetModel();
    return {};
}

const Evidence* ObservationEvidenceModel::evidence(int row) const
{
    return row >= 0 && row < m_files.size() ? &m_files[row] : nullptr;
}

int ObservationEvidenceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_files.size());
}

int ObservationEvidenceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ObservationEvidenceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_files.size())
        return {};
    const Evidence& e = m_files[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FileColumn:
            return e.fileName;
        case TypeColumn:
            return e.mimeType;
        case SizeColumn:
            return QLocale().formattedDataSize(e.size);
        case AttachedByColumn:
            return e.attachedBy;
        case AttachedAtColumn:
            return QLocale().toString(e.attachedAt.toLocalTime().date(), QLocale::ShortFormat);
        case FindingsColumn:
            return PhotoFindingsFormat::summary(e);
        default:
            return {};
        }
    case SortRole:
        if (index.column() == SizeColumn)
            return e.size;
        if (index.column() == AttachedAtColumn)
            return e.attachedAt;
        return {};
    case KeyRole:
        return e.id;
    case Qt::ForegroundRole:
        return index.column() == FindingsColumn ? PhotoFindingsFormat::foreground(e) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == FindingsColumn && e.findings)
            return PhotoFindingsFormat::tooltip(e);
        return tr("%1 (%2)\nAttached by %3 on %4\nSHA-256 %5")
            .arg(e.fileName, e.mimeType, e.attachedBy,
                 QLocale().toString(e.attachedAt.toLocalTime(), QLocale::ShortFormat), e.sha256);
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ObservationEvidenceModel::headerData(int section, Qt::Orientation orientation,
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
        return tr("Attached by");
    case AttachedAtColumn:
        return tr("Attached");
    case FindingsColumn:
        return tr("Findings");
    default:
        return {};
    }
}

} // namespace dli::ui
