#include "ui/models/field_changes_model.h"

#include "ui/models/roles.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {
// Left to right marks keep a date readable in a right-to-left layout.
QString when(const QDateTime& at)
{
    return QChar(0x200E) + at.toUTC().toString(u"yyyy-MM-dd HH:mm"_s);
}
} // namespace

FieldChangesModel::FieldChangesModel(QObject* parent) : QAbstractTableModel(parent) {}

int FieldChangesModel::outcomeRank(const QString& outcome)
{
    if (outcome == FieldChange::Refused)
        return 0;
    if (outcome == FieldChange::Conflict)
        return 1;
    if (outcome == FieldChange::Noted)
        return 2;
    return 3;
}

QString FieldChangesModel::outcomeText(const QString& outcome)
{
    if (outcome == FieldChange::Applied)
        return tr("Applied");
    if (outcome == FieldChange::Conflict)
        return tr("Conflict");
    if (outcome == FieldChange::Refused)
        return tr("Refused");
    if (outcome == FieldChange::Noted)
        return tr("Noted");
    return outcome;
}

void FieldChangesModel::setChanges(const QList<FieldChange>& changes, const FieldRowLabels& labels)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(changes.size());
    for (const FieldChange& c : changes)
        m_rows.append({c, labels.label(c.table, c.rowId)});
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row& a, const Row& b) {
        const int ra = outcomeRank(a.change.outcome);
        const int rb = outcomeRank(b.change.outcome);
        if (ra != rb)
            return ra < rb;
        return a.change.fieldSeq < b.change.fieldSeq;
    });
    endResetModel();
}

const FieldChange* FieldChangesModel::change(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].change : nullptr;
}

int FieldChangesModel::rowOfConflict(const QString& conflictId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (!conflictId.isEmpty() && m_rows[i].change.conflictId == conflictId)
            return i;
    }
    return -1;
}

int FieldChangesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FieldChangesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant FieldChangesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows[index.row()];
    const FieldChange& c = r.change;
    const int rank = outcomeRank(c.outcome);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case OutcomeColumn:
            return c.conflictId.isEmpty() ? outcomeText(c.outcome)
                                          : tr("Conflict %1").arg(c.conflictId.left(8));
        case ActionColumn:
            return c.action;
        case RowColumn:
            return r.label;
        case UserColumn:
            return c.fieldUser;
        case AtColumn:
            return when(c.fieldAt);
        case WhyColumn:
            return c.reason;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == RowColumn)
            return u"%1 %2"_s.arg(c.table, c.rowId);
        if (index.column() == WhyColumn && !c.reason.isEmpty())
            return c.reason;
        if (index.column() == AtColumn)
            return tr("Made in the field at %1 UTC (field audit entry %2)")
                .arg(c.fieldAt.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s))
                .arg(c.fieldSeq);
        break;
    case Qt::BackgroundRole:
        if (rank == 0)
            return QBrush(QColor(0xfd, 0xe2, 0xe1));
        if (rank == 1)
            return QBrush(QColor(0xff, 0xf1, 0xcc));
        break;
    case Qt::ForegroundRole:
        // The highlighted rows keep dark text on a dark theme too.
        if (rank <= 1)
            return QBrush(QColor(0x22, 0x22, 0x22));
        break;
    case Qt::FontRole:
        if (rank <= 1 && index.column() == OutcomeColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case OutcomeColumn:
            return rank * 1'000'000'000LL + c.fieldSeq;
        case AtColumn:
            return c.fieldAt;
        default:
            break;
        }
        break;
    case KeyRole:
        return c.id;
    default:
        break;
    }
    return {};
}

QVariant FieldChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OutcomeColumn:
        return tr("Outcome");
    case ActionColumn:
        return tr("Field change");
    case RowColumn:
        return tr("Row");
    case UserColumn:
        return tr("By");
    case AtColumn:
        return tr("In the field (UTC)");
    case WhyColumn:
        return tr("Why");
    }
    return {};
}

} // namespace dli::ui
