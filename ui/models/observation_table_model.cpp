#include "ui/models/observation_table_model.h"

#include "core/model/verification.h"
#include "core/storage/session.h"
#include "ui/models/roles.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

// An exact decimal with the locale's digit grouping: 230000000 reads 230,000,000.
QString grouped(const Decimal& value)
{
    const QString text = value.toString();
    const qsizetype dot = text.indexOf(u'.');
    const QString whole = dot < 0 ? text : text.left(dot);
    bool ok = false;
    const qlonglong n = whole.toLongLong(&ok);
    if (!ok)
        return text;
    QString out = QLocale().toString(n);
    if (n == 0 && value.isNegative())
        out.prepend(QLocale().negativeSign());
    if (dot >= 0)
        out += QLocale().decimalPoint() + text.mid(dot + 1);
    return out;
}

// A period's place in time, for sorting: a year before its own quarters.
int periodKey(const Period& p)
{
    return p.fiscalYear() * 8 + p.quarterNumber();
}

} // namespace

ObservationTableModel::ObservationTableModel(Session& session, QObject* parent)
    : QAbstractTableModel(parent), m_session(session)
{}

void ObservationTableModel::setProgram(const Program* program)
{
    m_program = program;
    setFilter(m_filter);
}

QString ObservationTableModel::stateLabel(const QString& state)
{
    namespace S = ObservationState;
    if (state == S::Draft)
        return tr("Draft");
    if (state == S::Submitted)
        return tr("Submitted");
    if (state == S::Verified)
        return tr("Verified");
    if (state == S::Rejected)
        return tr("Rejected");
    if (state == S::Queried)
        return tr("Queried");
    if (state == S::Superseded)
        return tr("Superseded");
    return state;
}

void ObservationTableModel::setFilter(const Filter& filter)
{
    m_filter = filter;
    m_units.clear();
    if (!filter.orgUnit.isEmpty()) {
        QStringList pending{filter.orgUnit};
        while (!pending.isEmpty()) {
            const QString unit = pending.takeFirst();
            m_units << unit;
            if (m_program) {
                for (const OrgUnit* child : m_program->children(unit))
                    pending << child->code;
            }
        }
    }
    QList<Row> shown;
    for (const Row& r : std::as_const(m_all)) {
        if (passes(r))
            shown << r;
    }
    beginResetModel();
    m_rows = std::move(shown);
    endResetModel();
}

bool ObservationTableModel::passes(const Row& row) const
{
    const Observation& o = row.o;
    if (m_filter.period && !m_filter.period->contains(o.period))
        return false;
    if (!m_filter.indicator.isEmpty() && o.indicator != m_filter.indicator)
        return false;
    if (!m_units.isEmpty() && !m_units.contains(o.orgUnit))
        return false;
    if (!m_filter.state.isEmpty() && o.state != m_filter.state)
        return false;
    return true;
}

Status ObservationTableModel::reload()
{
    auto observations = m_session.observations().all();
    if (!observations)
        return observations.error();
    auto evidence = m_session.evidence().list();
    if (!evidence)
        return evidence.error();
    QHash<QString, int> files;
    for (const Evidence& e : evidence.value()) {
        if (e.target == Evidence::Target::Observation)
            ++files[e.targetId];
    }
    m_all.clear();
    m_all.reserve(observations->size());
    QList<Row> shown;
    for (Observation& o : observations.value()) {
        Row r{std::move(o), 0};
        r.evidence = files.value(r.o.id);
        if (passes(r))
            shown << r;
        m_all << std::move(r);
    }
    show(std::move(shown));
    return {};
}

// Rows that stay keep their place and get dataChanged; rows added at the end, or one row taken
// away, are inserted or removed; anything else resets.
void ObservationTableModel::show(QList<Row> rows)
{
    const auto sameId = [](const Row& a, const Row& b) {
        return a.o.id == b.o.id;
    };
    const auto update = [this](qsizetype i, const Row& row) {
        if (m_rows[i] == row)
            return;
        m_rows[i] = row;
        emit dataChanged(index(static_cast<int>(i), 0),
                         index(static_cast<int>(i), ColumnCount - 1));
    };
    const qsizetype n = m_rows.size();
    if (rows.size() >= n && std::equal(m_rows.cbegin(), m_rows.cend(), rows.cbegin(), sameId)) {
        for (qsizetype i = 0; i < n; ++i)
            update(i, rows[i]);
        if (rows.size() > n) {
            beginInsertRows({}, static_cast<int>(n), static_cast<int>(rows.size() - 1));
            m_rows = std::move(rows);
            endInsertRows();
        }
        return;
    }
    if (rows.size() == n - 1) {
        qsizetype gone = 0;
        while (gone < rows.size() && sameId(rows[gone], m_rows[gone]))
            ++gone;
        if (std::equal(rows.cbegin() + gone, rows.cend(), m_rows.cbegin() + gone + 1, sameId)) {
            beginRemoveRows({}, static_cast<int>(gone), static_cast<int>(gone));
            m_rows.removeAt(gone);
            endRemoveRows();
            for (qsizetype i = 0; i < rows.size(); ++i)
                update(i, rows[i]);
            return;
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const Observation* ObservationTableModel::observation(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].o : nullptr;
}

int ObservationTableModel::evidenceCount(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].evidence : 0;
}

int ObservationTableModel::rowOf(const QString& id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].o.id == id)
            return i;
    }
    return -1;
}

int ObservationTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ObservationTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ObservationTableModel::display(const Row& row, int column) const
{
    const Observation& o = row.o;
    switch (column) {
    case IndicatorColumn:
        return o.indicator;
    case PeriodColumn:
        return o.period.code();
    case OrgUnitColumn:
        return o.orgUnit;
    case CategoryColumn:
        return o.category;
    case ValueColumn:
        return grouped(o.value);
    case VerifiedColumn:
        return o.verifiedValue ? grouped(*o.verifiedValue) : QString();
    case StateColumn:
        return stateLabel(o.state);
    case ReporterColumn:
        return o.reporter;
    case EvidenceColumn:
        return row.evidence;
    case SourceColumn:
        return o.note.isEmpty() ? o.source : o.source + u" \u2014 "_s + o.note;
    default:
        return {};
    }
}

QVariant ObservationTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows[index.row()];
    const Observation& o = row.o;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case SortRole:
        switch (index.column()) {
        case PeriodColumn:
            return periodKey(o.period);
        case ValueColumn:
            return o.value.toDouble();
        case VerifiedColumn:
            return o.verifiedValue ? o.verifiedValue->toDouble() : -1.0;
        case EvidenceColumn:
            return row.evidence;
        default:
            return {};
        }
    case KeyRole:
        return o.id;
    case Qt::TextAlignmentRole:
        if (index.column() == ValueColumn || index.column() == VerifiedColumn ||
            index.column() == EvidenceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole: {
        if (index.column() == IndicatorColumn && m_program) {
            if (const Indicator* x = m_program->indicator(o.indicator))
                return x->title;
        }
        if (index.column() == OrgUnitColumn && m_program) {
            if (const OrgUnit* u = m_program->orgUnit(o.orgUnit))
                return u->name;
        }
        if (index.column() == PeriodColumn && m_program)
            return o.period.label(m_program->fiscalYearStartMonth);
        QStringList lines{tr("Observation %1").arg(o.id)};
        if (!o.source.isEmpty())
            lines << tr("Source: %1").arg(o.source);
        if (!o.note.isEmpty())
            lines << tr("Note: %1").arg(o.note);
        return lines.join(u'\n');
    }
    default:
        return {};
    }
}

QVariant ObservationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        if (section == VerifiedColumn)
            return tr("The value that counts, once verified");
        if (section == EvidenceColumn)
            return tr("Evidence files attached");
        if (section == SourceColumn)
            return tr("Where the figure comes from, and the note");
        return {};
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IndicatorColumn:
        return tr("Indicator");
    case PeriodColumn:
        return tr("Period");
    case OrgUnitColumn:
        return tr("Org unit");
    case CategoryColumn:
        return tr("Category");
    case ValueColumn:
        return tr("Value");
    case VerifiedColumn:
        return tr("Verified");
    case StateColumn:
        return tr("State");
    case ReporterColumn:
        return tr("Reporter");
    case EvidenceColumn:
        return tr("Evidence");
    case SourceColumn:
        return tr("Source");
    default:
        return {};
    }
}

} // namespace dli::ui
