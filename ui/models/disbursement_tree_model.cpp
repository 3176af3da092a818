#include "ui/models/disbursement_tree_model.h"

#include "ui/models/disbursement_format.h"
#include "ui/models/roles.h"
#include "ui/widgets/error_text.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

// A DLI row's internal id is 0; a DLR row's is its DLI's row + 1.
constexpr quintptr kDliId = 0;

Money moneyOf(const MoneySums& m, int column)
{
    using C = DisbursementTreeModel;
    switch (column) {
    case C::AvailableColumn:
        return m.available;
    case C::EarnedColumn:
        return m.earned;
    case C::DisbursedColumn:
        return m.disbursed;
    case C::EligibleColumn:
        return m.eligible;
    case C::RecoveredColumn:
        return m.recovered;
    case C::PayableColumn:
        return m.payable;
    case C::CarriedInColumn:
        return m.carriedIn;
    case C::CarriedOutColumn:
        return m.carriedOut;
    case C::ReallocatedInColumn:
        return m.reallocatedIn;
    case C::ReallocatedOutColumn:
        return m.reallocatedOut;
    case C::CancelledColumn:
        return m.cancelled;
    case C::PendingColumn:
        return m.pendingReallocation;
    }
    return {};
}

bool isForecastColumn(int column);

bool isMoneyColumn(int column)
{
    return column >= DisbursementTreeModel::AvailableColumn &&
           column <= DisbursementTreeModel::PendingColumn && !isForecastColumn(column);
}

bool isForecastColumn(int column)
{
    return column >= DisbursementTreeModel::FirstForecastColumn &&
           column <= DisbursementTreeModel::LastForecastColumn;
}

} // namespace

DisbursementTreeModel::DisbursementTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void DisbursementTreeModel::setStatus(const Program& program, const Disbursement& verified,
                                      const std::optional<Disbursement>& forecast)
{
    beginResetModel();
    m_program = program;
    m_verified = verified;
    m_forecast = forecast;
    m_outlooks.clear();
    for (const DliResult& d : verified.dlis)
        m_outlooks << DliOutlook::of(d, program.currency, verified.asOf);
    endResetModel();
}

void DisbursementTreeModel::clear()
{
    beginResetModel();
    m_program = Program();
    m_verified = Disbursement();
    m_outlooks.clear();
    m_forecast.reset();
    endResetModel();
}

QModelIndex DisbursementTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_verified.dlis.size() ? createIndex(row, column, kDliId) : QModelIndex();
    if (parent.internalId() != kDliId || parent.row() >= m_verified.dlis.size())
        return {};
    if (row >= m_verified.dlis[parent.row()].dlrs.size())
        return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex DisbursementTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kDliId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kDliId);
}

int DisbursementTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_verified.dlis.size());
    if (parent.column() != 0 || parent.internalId() != kDliId)
        return 0;
    return static_cast<int>(m_verified.dlis[parent.row()].dlrs.size());
}

int DisbursementTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

const DliResult* DisbursementTreeModel::dliAt(const QModelIndex& index) const
{
    if (!index.isValid())
        return nullptr;
    const int dliRow =
        index.internalId() == kDliId ? index.row() : static_cast<int>(index.internalId() - 1);
    return dliRow < m_verified.dlis.size() ? &m_verified.dlis[dliRow] : nullptr;
}

const DlrResult* DisbursementTreeModel::dlrAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == kDliId)
        return nullptr;
    const DliResult* d = dliAt(index);
    return d && index.row() < d->dlrs.size() ? &d->dlrs[index.row()] : nullptr;
}

const MoneySums* DisbursementTreeModel::sumsAt(const QModelIndex& index) const
{
    if (const DlrResult* r = dlrAt(index))
        return &r->money;
    if (const DliResult* d = dliAt(index))
        return &d->money;
    return nullptr;
}

QModelIndex DisbursementTreeModel::find(const QString& code) const
{
    for (int i = 0; i < m_verified.dlis.size(); ++i) {
        const DliResult& d = m_verified.dlis[i];
        if (d.code == code)
            return index(i, 0);
        for (int j = 0; j < d.dlrs.size(); ++j) {
            if (d.dlrs[j].code == code)
                return index(j, 0, index(i, 0));
        }
    }
    return {};
}

QVariant DisbursementTreeModel::display(const QModelIndex& index) const
{
    const int column = index.column();
    const DlrResult* r = dlrAt(index);
    const DliResult* d = dliAt(index);
    if (!d)
        return {};
    const Currency& cur = m_program.currency;
    if (column == ItemColumn) {
        if (r) {
            const Dli* dli = m_program.dli(d->code);
            QString title;
            if (dli) {
                for (const Dlr& x : dli->dlrs) {
                    if (x.code == r->code)
                        title = x.title;
                }
            }
            return title.isEmpty() ? r->code : tr("%1  %2").arg(r->code, title);
        }
        const Dli* dli = m_program.dli(d->code);
        return dli ? tr("%1  %2").arg(d->code, dli->title) : d->code;
    }
    if (isMoneyColumn(column))
        return DisbursementFormat::amount(moneyOf(*sumsAt(index), column), cur);
    if (isForecastColumn(column)) {
        if (!m_forecast)
            return {};
        const QString code = r ? r->code : d->code;
        if (r) {
            const DlrResult* f = m_forecast->dlr(code);
            if (!f)
                return {};
            if (column == ForecastStatusColumn)
                return DisbursementFormat::status(f->status);
            return DisbursementFormat::amount(
                column == ForecastEarnedColumn ? f->money.earned : f->money.payable, cur);
        }
        const DliResult* f = m_forecast->dli(code);
        if (!f || column == ForecastStatusColumn)
            return {};
        return DisbursementFormat::amount(
            column == ForecastEarnedColumn ? f->money.earned : f->money.payable, cur);
    }
    if (!r) {
        if (column == StatusColumn && index.row() < m_outlooks.size())
            return DliOutlook::lightName(m_outlooks[index.row()].light);
        return {};
    }
    switch (column) {
    case StatusColumn:
        return DisbursementFormat::status(r->status);
    case FinalColumn:
        return r->final ? tr("yes") : tr("no");
    case AchievedColumn:
        return DisbursementFormat::ltr(tr("%1 / %2").arg(
            r->achieved ? r->achieved->toString() : u"-"_s, r->target.toString()));
    }
    return {};
}

QVariant DisbursementTreeModel::sortKey(const QModelIndex& index) const
{
    const int column = index.column();
    if (isMoneyColumn(column)) {
        if (const MoneySums* m = sumsAt(index))
            return static_cast<qlonglong>(moneyOf(*m, column).minor());
    }
    return {};
}

QVariant DisbursementTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !dliAt(index))
        return {};
    const DlrResult* r = dlrAt(index);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(index);
    case Qt::TextAlignmentRole:
        if (isMoneyColumn(column) || column == ForecastEarnedColumn ||
            column == ForecastPayableColumn || column == AchievedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (!r) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (r && column == StatusColumn) {
            if (r->status == DlrStatus::Missed)
                return QBrush(errorColour());
            if (r->status == DlrStatus::Achieved)
                return QBrush(QColor(0x1b, 0x6e, 0x35));
        }
        return {};
    case Qt::BackgroundRole:
        // The forecast's columns are tinted so that they never read as verified figures.
        if (isForecastColumn(column))
            return QBrush(QColor(0x3a, 0x7b, 0xd5, 28));
        return {};
    case Qt::DecorationRole:
        if (!r && column == StatusColumn && index.row() < m_outlooks.size())
            return DisbursementFormat::lightIcon(m_outlooks[index.row()].light);
        return {};
    case Qt::ToolTipRole:
        if (r && (column == ItemColumn || column == StatusColumn))
            return r->explanation.join(u'\n');
        if (!r && column == StatusColumn && index.row() < m_outlooks.size())
            return m_outlooks[index.row()].reason;
        if (isForecastColumn(column))
            return tr("Forecast: as if every submitted figure were verified as reported on %1")
                .arg(m_verified.asOf.toString(Qt::ISODate));
        return {};
    case SortRole:
        return sortKey(index);
    case KeyRole:
        return r ? r->code : dliAt(index)->code;
    case KindRole:
        return r ? u"dlr"_s : u"dli"_s;
    }
    return {};
}

QVariant DisbursementTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AchievedColumn:
            return tr("A, the verified value the DLR rests on, against T, its target");
        case AvailableColumn:
            return tr("Allocation plus what was carried or reallocated in");
        case EligibleColumn:
            return tr("Earned less disbursed, never below zero");
        case RecoveredColumn:
            return tr("The part of eligible that an outstanding advance covers");
        case PayableColumn:
            return tr("Eligible less recovered: what can be claimed now");
        case PendingColumn:
            return tr("Unearned money of a final DLR waiting for a reallocation or cancellation "
                      "decision");
        }
        if (isForecastColumn(section))
            return tr("As if every submitted figure were verified as reported; never mixed "
                      "with the verified columns");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ItemColumn:
        return tr("DLI / DLR");
    case StatusColumn:
        return tr("Status");
    case FinalColumn:
        return tr("Final");
    case AchievedColumn:
        return tr("A / T");
    case AvailableColumn:
        return tr("Available");
    case EarnedColumn:
        return tr("Earned");
    case DisbursedColumn:
        return tr("Disbursed");
    case EligibleColumn:
        return tr("Eligible");
    case RecoveredColumn:
        return tr("Recovered");
    case PayableColumn:
        return tr("Payable");
    case CarriedInColumn:
        return tr("Carried in");
    case CarriedOutColumn:
        return tr("Carried out");
    case ReallocatedInColumn:
        return tr("Reallocated in");
    case ReallocatedOutColumn:
        return tr("Reallocated out");
    case CancelledColumn:
        return tr("Cancelled");
    case PendingColumn:
        return tr("Pending");
    case ForecastStatusColumn:
        return tr("Forecast status");
    case ForecastEarnedColumn:
        return tr("Forecast earned");
    case ForecastPayableColumn:
        return tr("Forecast payable");
    }
    return {};
}

} // namespace dli::ui
