#include "ui/models/verification_queue_model.h"

#include "ui/models/roles.h"
#include "ui/widgets/error_text.h"

#include <QColor>
#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

QColor findingColor()
{
    return errorColour();
}

bool sameRow(const QueueEntry& a, const QueueEntry& b)
{
    const auto sameReconciliation = [](const QueueEntry& x, const QueueEntry& y) {
        if (x.reconciliation.has_value() != y.reconciliation.has_value())
            return false;
        return !x.reconciliation || (x.reconciliation->registered == y.reconciliation->registered &&
                                     x.reconciliation->finding == y.reconciliation->finding &&
                                     x.reconciliation->reported == y.reconciliation->reported);
    };
    return a.observation == b.observation && a.submittedAt == b.submittedAt &&
           a.evidenceFiles == b.evidenceFiles && a.own == b.own && a.openSample == b.openSample &&
           a.sampleSize == b.sampleSize && a.sampleChecked == b.sampleChecked &&
           a.sampleFailed == b.sampleFailed && sameReconciliation(a, b);
}

} // namespace

VerificationQueueModel::VerificationQueueModel(QObject* parent) : QAbstractTableModel(parent) {}

void VerificationQueueModel::setEntries(const Program* program, const QList<QueueEntry>& entries)
{
    m_indicatorTitles.clear();
    m_unitNames.clear();
    if (program) {
        for (const Indicator& x : program->indicators)
            m_indicatorTitles.insert(x.code, x.title);
        for (const OrgUnit& u : program->orgUnits)
            m_unitNames.insert(u.code, u.name);
    }
    QHash<QString, qsizetype> incoming;
    for (qsizetype i = 0; i < entries.size(); ++i)
        incoming.insert(entries[i].observation.id, i);
    // Rows gone, from the bottom up so that the positions hold.
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_rows[row].observation.id))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    // Rows that stay, updated in place.
    QSet<QString> kept;
    for (int row = 0; row < m_rows.size(); ++row) {
        const QueueEntry& now = entries[incoming.value(m_rows[row].observation.id)];
        kept.insert(now.observation.id);
        if (sameRow(m_rows[row], now))
            continue;
        m_rows[row] = now;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    // New rows at the end, in the queue's order.
    QList<QueueEntry> added;
    for (const QueueEntry& e : entries) {
        if (!kept.contains(e.observation.id))
            added << e;
    }
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_rows << added;
        endInsertRows();
    }
    // The tooltips' names may have changed with the program.
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1),
                         {Qt::ToolTipRole});
}

const QueueEntry* VerificationQueueModel::entry(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int VerificationQueueModel::rowOf(const QString& observationId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].observation.id == observationId)
            return row;
    }
    return -1;
}

int VerificationQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int VerificationQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VerificationQueueModel::display(const QueueEntry& e, int column) const
{
    const Observation& o = e.observation;
    switch (column) {
    case IndicatorColumn:
        return o.indicator;
    case PeriodColumn:
        return o.period.code();
    case OrgUnitColumn:
        return o.category.isEmpty() ? o.orgUnit : tr("%1, %2").arg(o.orgUnit, o.category);
    case ReportedColumn:
        return o.value.toString();
    case ReconciliationColumn:
        if (!e.reconciliation)
            return QString();
        if (e.reconciliation->finding)
            return tr("gap of %1").arg(e.reconciliation->gap.toString());
        return e.reconciliation->gap.isZero() ? tr("agrees") : tr("within tolerance");
    case EvidenceColumn:
        return e.evidenceFiles == 0 ? tr("none") : QString::number(e.evidenceFiles);
    case SampleColumn:
        if (e.openSample.isEmpty())
            return QString();
        return tr("%1 of %2 checked").arg(e.sampleChecked).arg(e.sampleSize);
    case SubmittedColumn:
        return e.submittedAt.isValid() ? e.submittedAt.toString(u"yyyy-MM-dd"_s) : QString();
    case ReporterColumn:
        return o.reporter;
    default:
        return {};
    }
}

QVariant VerificationQueueModel::sortKey(const QueueEntry& e, int column) const
{
    switch (column) {
    case PeriodColumn:
        return e.observation.period.code();
    case ReportedColumn:
        return e.observation.value.toDouble();
    case ReconciliationColumn:
        // Findings first when sorted descending, the largest gap first; no register last.
        if (!e.reconciliation)
            return -1.0;
        return e.reconciliation->finding ? 1.0 + e.reconciliation->gap.toDouble() : 0.0;
    case EvidenceColumn:
        return e.evidenceFiles;
    case SampleColumn:
        return e.openSample.isEmpty() ? -1 : e.sampleChecked;
    case SubmittedColumn:
        return e.submittedAt;
    default:
        return {};
    }
}

QString VerificationQueueModel::toolTip(const QueueEntry& e, int column) const
{
    const Observation& o = e.observation;
    switch (column) {
    case IndicatorColumn:
        return m_indicatorTitles.value(o.indicator);
    case OrgUnitColumn:
        return m_unitNames.value(o.orgUnit);
    case ReconciliationColumn:
        if (!e.reconciliation)
            return tr("No register defines %1: there is nothing to reconcile.").arg(o.indicator);
        if (e.reconciliation->finding)
            return tr("The register says %1 against %2 claimed: the gap %3 is beyond the "
                      "tolerance (%4). Resolve it before verifying.")
                .arg(e.reconciliation->registered.toString(), e.reconciliation->reported.toString(),
                     e.reconciliation->gap.toString(), e.reconciliation->allowed.toString());
        return tr("The register says %1 against %2 claimed, within the tolerance (%3).")
            .arg(e.reconciliation->registered.toString(), e.reconciliation->reported.toString(),
                 e.reconciliation->allowed.toString());
    case EvidenceColumn:
        return e.evidenceFiles == 0   ? tr("No evidence file is attached.")
               : e.evidenceFiles == 1 ? tr("1 evidence file attached.")
                                      : tr("%1 evidence files attached.").arg(e.evidenceFiles);
    case SampleColumn:
        if (e.openSample.isEmpty())
            return {};
        return tr("An open sample: %1 of %2 rows checked, %3 failed.")
            .arg(e.sampleChecked)
            .arg(e.sampleSize)
            .arg(e.sampleFailed);
    case SubmittedColumn:
        return QLocale().toString(e.submittedAt, QLocale::LongFormat);
    default:
        return {};
    }
}

QVariant VerificationQueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const QueueEntry& e = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(e, index.column());
    case Qt::ToolTipRole: {
        const QString tip = toolTip(e, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case SortRole:
        return sortKey(e, index.column());
    case KeyRole:
        return e.observation.id;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case ReportedColumn:
        case EvidenceColumn:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant(Qt::AlignLeading | Qt::AlignVCenter);
        }
    case Qt::ForegroundRole:
        if (index.column() == ReconciliationColumn && e.reconciliation && e.reconciliation->finding)
            return findingColor();
        return {};
    default:
        return {};
    }
}

QVariant VerificationQueueModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IndicatorColumn:
        return tr("Indicator");
    case PeriodColumn:
        return tr("Period");
    case OrgUnitColumn:
        return tr("Org unit");
    case ReportedColumn:
        return tr("Reported");
    case ReconciliationColumn:
        return tr("Register");
    case EvidenceColumn:
        return tr("Evidence");
    case SampleColumn:
        return tr("Sample");
    case SubmittedColumn:
        return tr("Submitted");
    case ReporterColumn:
        return tr("Reporter");
    default:
        return {};
    }
}

} // namespace dli::ui
