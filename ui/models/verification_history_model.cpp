#include "ui/models/verification_history_model.h"

#include "ui/models/roles.h"

using namespace Qt::StringLiterals;

namespace dli::ui {

VerificationHistoryModel::VerificationHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void VerificationHistoryModel::setTransitions(const QList<Transition>& transitions)
{
    beginResetModel();
    m_rows = transitions;
    endResetModel();
}

const Transition* VerificationHistoryModel::transition(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

QString VerificationHistoryModel::actionText(const QString& action)
{
    if (action == u"submit"_s)
        return tr("submitted");
    if (action == u"amend"_s)
        return tr("amended");
    if (action == u"verify"_s)
        return tr("verified");
    if (action == u"reject"_s)
        return tr("rejected");
    if (action == u"query"_s)
        return tr("queried");
    if (action == u"supersede"_s)
        return tr("replaced");
    if (action == u"superseded"_s)
        return tr("superseded");
    return action;
}

int VerificationHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int VerificationHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VerificationHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const Transition& t = m_rows[index.row()];
    if (role == SortRole) {
        if (index.column() == WhenColumn)
            return t.at;
        return {};
    }
    if (role == KeyRole)
        return t.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case WhenColumn:
        return t.at.toString(u"yyyy-MM-dd hh:mm"_s);
    case UserColumn:
        return t.user;
    case ActionColumn:
        return actionText(t.action);
    case StateColumn:
        return t.fromState == t.toState ? t.toState : tr("%1 → %2").arg(t.fromState, t.toState);
    case ValueColumn:
        if (!t.oldValue || !t.newValue)
            return QString();
        return tr("%1 → %2").arg(t.oldValue->toString(), t.newValue->toString());
    case ReasonColumn:
        return t.reason;
    default:
        return {};
    }
}

QVariant VerificationHistoryModel::headerData(int section, Qt::Orientation orientation,
                                              int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When (UTC)");
    case UserColumn:
        return tr("Who");
    case ActionColumn:
        return tr("Action");
    case StateColumn:
        return tr("State");
    case ValueColumn:
        return tr("Value");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace dli::ui
