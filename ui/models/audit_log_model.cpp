#include "ui/models/audit_log_model.h"

#include "ui/models/roles.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopedValueRollback>

using namespace Qt::StringLiterals;

namespace dli::ui {

AuditLogModel::AuditLogModel(Session& session, QObject* parent)
    : QAbstractTableModel(parent), m_session(session)
{
    reload();
}

void AuditLogModel::setFilter(const AuditBrowser::Filter& filter)
{
    m_filter = filter;
    reload();
}

void AuditLogModel::reload()
{
    // The first page comes with the reset; asks for more while it is announced wait.
    const QScopedValueRollback<bool> fetching(m_fetching, true);
    beginResetModel();
    m_entries.clear();
    m_error.clear();
    AuditBrowser browser(m_session);
    auto total = browser.count(m_filter);
    m_total = total ? total.value() : 0;
    if (!total)
        m_error = total.error().text();
    m_atEnd = m_total == 0;
    if (!m_atEnd) {
        auto page = browser.page(m_filter, 0, PageSize);
        if (page)
            m_entries = std::move(page).value();
        else
            m_error = page.error().text();
        m_atEnd = !page || m_entries.size() < PageSize || m_entries.size() >= m_total;
    }
    endResetModel();
}

QString AuditLogModel::summary(const AuditEntry& e)
{
    const QJsonObject d = QJsonDocument::fromJson(e.details).object();
    if (d.isEmpty())
        return {};
    if (d.contains("field"_L1) && d.contains("item"_L1)) {
        QString what = d.value("item"_L1).toString() + u", "_s + d.value("field"_L1).toString();
        if (d.contains("period"_L1))
            what += u' ' + d.value("period"_L1).toString();
        return tr("%1: %2 \u2192 %3")
            .arg(what, d.value("from"_L1).toString(), d.value("to"_L1).toString());
    }
    QStringList parts;
    for (auto it = d.begin(); it != d.end(); ++it) {
        const QJsonValue v = it.value();
        if (v.isString())
            parts << it.key() + u": "_s + v.toString();
        else if (v.isDouble())
            parts << it.key() + u": "_s + QString::number(v.toDouble(), 'g', 15);
        else if (v.isBool())
            parts << it.key() + u": "_s + (v.toBool() ? u"true"_s : u"false"_s);
    }
    QString text = parts.join(u", "_s);
    if (text.size() > 160)
        text = text.left(159) + QChar(0x2026);
    return text;
}

const AuditEntry* AuditLogModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

int AuditLogModel::rowOf(qint64 seq) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].seq == seq)
            return i;
    }
    return -1;
}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AuditLogModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void AuditLogModel::fetchMore(const QModelIndex& parent)
{
    // A view or a model tester may ask for more while the rows just fetched are announced.
    if (parent.isValid() || m_atEnd || m_fetching)
        return;
    const QScopedValueRollback<bool> fetching(m_fetching, true);
    const qint64 before = m_entries.isEmpty() ? 0 : m_entries.constLast().seq;
    auto page = AuditBrowser(m_session).page(m_filter, before, PageSize);
    if (!page) {
        m_error = page.error().text();
        m_atEnd = true;
        return;
    }
    if (page->isEmpty()) {
        m_atEnd = true;
        return;
    }
    const int first = static_cast<int>(m_entries.size());
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    m_entries.append(page.value());
    endInsertRows();
    m_atEnd = page->size() < PageSize || m_entries.size() >= m_total;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const AuditEntry& e = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeqColumn:
            return QString::number(e.seq);
        case AtColumn:
            // The left-to-right mark keeps date and time in order in a right-to-left window.
            return QChar(0x200E) + e.at.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s);
        case UserColumn:
            return e.user;
        case ActionColumn:
            return e.action;
        case ItemColumn:
            if (e.table.isEmpty())
                return tr("(many rows or none)");
            return e.rowId.isEmpty() ? e.table : e.table + u' ' + e.rowId.left(8);
        case SummaryColumn:
            return summary(e);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ItemColumn && !e.rowId.isEmpty())
            return e.table + u' ' + e.rowId;
        if (index.column() == AtColumn)
            return e.at.toUTC().toString(Qt::ISODateWithMs);
        if (index.column() == SummaryColumn)
            return summary(e);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SeqColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        if (index.column() == SeqColumn || index.column() == AtColumn)
            return QVariant::fromValue<qlonglong>(e.seq);
        return {};
    case KeyRole:
        return QVariant::fromValue<qlonglong>(e.seq);
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeqColumn:
        return tr("Entry");
    case AtColumn:
        return tr("When (UTC)");
    case UserColumn:
        return tr("User");
    case ActionColumn:
        return tr("Action");
    case ItemColumn:
        return tr("Row changed");
    case SummaryColumn:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace dli::ui
