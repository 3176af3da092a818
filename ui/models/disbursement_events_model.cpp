#include "ui/models/disbursement_events_model.h"

#include "ui/models/disbursement_format.h"
#include "ui/models/roles.h"

#include <QBrush>

using namespace Qt::StringLiterals;

namespace dli::ui {

DisbursementEventsModel::DisbursementEventsModel(QObject* parent) : QAbstractTableModel(parent) {}

void DisbursementEventsModel::setEvents(const QList<DisbursementEvent>& events,
                                        const Currency& currency)
{
    beginResetModel();
    m_events = events;
    m_currency = currency;
    endResetModel();
}

int DisbursementEventsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int DisbursementEventsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DisbursementEventsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const DisbursementEvent& e = m_events[index.row()];
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case SequenceColumn:
            return e.sequence;
        case DateColumn:
            return e.date.toString(Qt::ISODate);
        case KindColumn:
            return DisbursementFormat::eventKind(e.kind);
        case TargetColumn:
            if (e.kind == EventKind::Reallocate)
                return DisbursementFormat::ltr(tr("%1 → %2").arg(e.dlr, e.toDlr));
            return e.dlr.isEmpty() ? e.dli : e.dlr;
        case AmountColumn:
            return e.amount.format(m_currency);
        case ReferenceColumn:
            return e.reference;
        case RecordedByColumn:
            return e.recordedBy;
        case RecordedAtColumn:
            return DisbursementFormat::ltr(
                e.recordedAt.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s));
        case ReasonColumn:
            return e.forced ? tr("forced: %1").arg(e.reason) : QString();
        }
        return {};
    }
    switch (role) {
    case Qt::TextAlignmentRole:
        if (column == AmountColumn || column == SequenceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (e.forced && column == ReasonColumn)
            return QBrush(QColor(0xa6, 0x5f, 0x00));
        return {};
    case Qt::ToolTipRole:
        if (e.forced)
            return tr("Recorded against the rules, with this reason: %1").arg(e.reason);
        return {};
    case SortRole:
        switch (column) {
        case SequenceColumn:
            return e.sequence;
        case DateColumn:
            return e.date;
        case AmountColumn:
            return static_cast<qlonglong>(e.amount.minor());
        case RecordedAtColumn:
            return e.recordedAt;
        }
        return {};
    case KeyRole:
        return e.id;
    }
    return {};
}

QVariant DisbursementEventsModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SequenceColumn:
        return tr("#");
    case DateColumn:
        return tr("Date");
    case KindColumn:
        return tr("Event");
    case TargetColumn:
        return tr("DLI / DLR");
    case AmountColumn:
        return tr("Amount");
    case ReferenceColumn:
        return tr("Reference");
    case RecordedByColumn:
        return tr("Recorded by");
    case RecordedAtColumn:
        return tr("Recorded at");
    case ReasonColumn:
        return tr("Forced");
    }
    return {};
}

} // namespace dli::ui
