#include "ui/models/sample_items_model.h"

#include "ui/models/roles.h"
#include "ui/widgets/error_text.h"

#include <QColor>

using namespace Qt::StringLiterals;

namespace dli::ui {

SampleItemsModel::SampleItemsModel(QObject* parent) : QAbstractTableModel(parent) {}

void SampleItemsModel::setSample(const Sample& sample)
{
    const bool sameRows = sample.id == m_sample.id && sample.items.size() == m_sample.items.size();
    if (!sameRows) {
        beginResetModel();
        m_sample = sample;
        endResetModel();
        return;
    }
    m_sample = sample;
    if (!m_sample.items.isEmpty())
        emit dataChanged(index(0, 0),
                         index(static_cast<int>(m_sample.items.size()) - 1, ColumnCount - 1));
}

void SampleItemsModel::clear()
{
    beginResetModel();
    m_sample = Sample();
    endResetModel();
}

const SampleItem* SampleItemsModel::item(int row) const
{
    return row >= 0 && row < m_sample.items.size() ? &m_sample.items[row] : nullptr;
}

int SampleItemsModel::rowOfKey(const QString& key) const
{
    for (int row = 0; row < m_sample.items.size(); ++row) {
        if (m_sample.items[row].key == key)
            return row;
    }
    return -1;
}

QString SampleItemsModel::outcomeText(const std::optional<SampleOutcome>& outcome)
{
    if (!outcome)
        return tr("to check");
    switch (*outcome) {
    case SampleOutcome::Confirmed:
        return tr("confirmed");
    case SampleOutcome::NotConfirmed:
        return tr("not confirmed");
    case SampleOutcome::NotFound:
        return tr("not found");
    }
    return {};
}

int SampleItemsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sample.items.size());
}

int SampleItemsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SampleItemsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_sample.items.size() || index.column() >= ColumnCount)
        return {};
    const SampleItem& i = m_sample.items[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PositionColumn:
            return i.position;
        case KeyColumn:
            return i.key;
        case OutcomeColumn:
            return outcomeText(i.outcome);
        case NoteColumn:
            return i.note;
        case RecordedColumn:
            return i.recordedBy.isEmpty()
                       ? QString()
                       : tr("%1, %2").arg(i.recordedBy, i.recordedAt.toString(u"yyyy-MM-dd"_s));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == KeyColumn)
            return tr("%1; rank %2 (SHA-256 of \"%3:%1\")").arg(i.key, i.rank, m_sample.seed);
        if (index.column() == NoteColumn && !i.note.isEmpty())
            return i.note;
        return {};
    case SortRole:
        if (index.column() == PositionColumn)
            return i.position;
        if (index.column() == OutcomeColumn)
            return i.outcome ? static_cast<int>(*i.outcome) : -1;
        return {};
    case KeyRole:
        return i.key;
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn && i.outcome) {
            if (*i.outcome == SampleOutcome::Confirmed)
                return QColor(0x1b, 0x6e, 0x2e);
            return errorColour();
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == PositionColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeading | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant SampleItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PositionColumn:
        return tr("#");
    case KeyColumn:
        return tr("Row");
    case OutcomeColumn:
        return tr("Outcome");
    case NoteColumn:
        return tr("Note");
    case RecordedColumn:
        return tr("Recorded");
    default:
        return {};
    }
}

} // namespace dli::ui
