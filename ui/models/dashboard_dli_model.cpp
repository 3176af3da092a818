#include "ui/models/dashboard_dli_model.h"

#include "ui/models/disbursement_format.h"
#include "ui/models/roles.h"

using namespace Qt::StringLiterals;

namespace dli::ui {

DashboardDliModel::DashboardDliModel(QObject* parent) : QAbstractTableModel(parent) {}

void DashboardDliModel::setStatus(const Program& program, const Disbursement& status)
{
    beginResetModel();
    m_rows.clear();
    m_currency = program.currency;
    m_asOf = status.asOf;
    for (const DliResult& d : status.dlis) {
        Row row;
        row.code = d.code;
        if (const Dli* dli = program.dli(d.code))
            row.title = dli->title;
        row.outlook = DliOutlook::of(d, program.currency, status.asOf);
        row.money = d.money;
        m_rows << row;
    }
    endResetModel();
}

void DashboardDliModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int DashboardDliModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DashboardDliModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int DashboardDliModel::rowOf(const QString& dliCode) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].code == dliCode)
            return i;
    }
    return -1;
}

QString DashboardDliModel::codeAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].code : QString();
}

QString DashboardDliModel::nextText(const DliOutlook& outlook, const QDate& asOf)
{
    if (!outlook.next)
        return tr("nothing left to earn");
    const DliOutlook::NextDate& n = *outlook.next;
    QString what;
    switch (n.what) {
    case DliOutlook::NextDate::What::Deadline:
        what = tr("DLR %1 deadline").arg(n.dlr);
        break;
    case DliOutlook::NextDate::What::CutOff:
        what = tr("DLR %1: results count until then").arg(n.dlr);
        break;
    case DliOutlook::NextDate::What::WindowEnd:
        what = tr("DLR %1: verification window ends").arg(n.dlr);
        break;
    }
    const qint64 days = asOf.daysTo(n.date);
    const QString when = days == 0   ? tr("today")
                         : days == 1 ? tr("tomorrow")
                                     : tr("in %1 days").arg(days);
    return tr("%1 · %2 (%3)").arg(n.date.toString(Qt::ISODate), what, when);
}

QVariant DashboardDliModel::display(const Row& row, int column) const
{
    switch (column) {
    case LightColumn:
        return DliOutlook::lightName(row.outlook.light);
    case DliColumn:
        return row.code;
    case TitleColumn:
        return row.title;
    case EarnedColumn:
        return DisbursementFormat::amount(row.money.earned, m_currency);
    case AvailableColumn:
        return DisbursementFormat::amount(row.money.available, m_currency);
    case PayableColumn:
        return DisbursementFormat::amount(row.money.payable, m_currency);
    case NextColumn:
        return nextText(row.outlook, m_asOf);
    case ReasonColumn:
        return row.outlook.reason;
    }
    return {};
}

QVariant DashboardDliModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        if (column == LightColumn || column == ReasonColumn)
            return row.outlook.reason;
        if (column == TitleColumn)
            return row.title;
        return {};
    case Qt::DecorationRole:
        if (column == LightColumn)
            return DisbursementFormat::lightIcon(row.outlook.light);
        return {};
    case Qt::TextAlignmentRole:
        if (column == EarnedColumn || column == AvailableColumn || column == PayableColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (column) {
        case LightColumn:
            // Worst first when sorted ascending: missed, at risk, on track, achieved.
            return 3 - static_cast<int>(row.outlook.light);
        case EarnedColumn:
            return static_cast<qlonglong>(row.money.earned.minor());
        case AvailableColumn:
            return static_cast<qlonglong>(row.money.available.minor());
        case PayableColumn:
            return static_cast<qlonglong>(row.money.payable.minor());
        case NextColumn:
            return row.outlook.next ? row.outlook.next->date : QDate(9999, 12, 31);
        }
        return {};
    case KeyRole:
        return row.code;
    case LightRole:
        return static_cast<int>(row.outlook.light);
    }
    return {};
}

QVariant DashboardDliModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == LightColumn)
        return DliOutlook::rule().join(u'\n');
    if (role == Qt::ToolTipRole &&
        (section == EarnedColumn || section == AvailableColumn || section == PayableColumn))
        return tr("In %1").arg(m_currency.code);
    if (role == Qt::TextAlignmentRole &&
        (section == EarnedColumn || section == AvailableColumn || section == PayableColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    // The page says which currency; the headers stay short.
    const auto money = [](const QString& name) {
        return name;
    };
    switch (section) {
    case LightColumn:
        return tr("Light");
    case DliColumn:
        return tr("DLI");
    case TitleColumn:
        return tr("Title");
    case EarnedColumn:
        return money(tr("Earned"));
    case AvailableColumn:
        return money(tr("Available"));
    case PayableColumn:
        return money(tr("Payable"));
    case NextColumn:
        return tr("Next date");
    case ReasonColumn:
        return tr("Why");
    }
    return {};
}

} // namespace dli::ui
