#include "ui/models/register_table_model.h"

#include "core/storage/session.h"
#include "ui/models/roles.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace dli::ui {

RegisterTableModel::RegisterTableModel(Session& session, ImportKind kind, QObject* parent)
    : QAbstractTableModel(parent), m_session(session)
{
    m_query.kind = kind;
}

const RegisterSpec& RegisterTableModel::spec() const
{
    return RegisterFields::spec(m_query.kind);
}

void RegisterTableModel::setFilter(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_query.filter)
        return;
    m_query.filter = trimmed;
    reload();
}

void RegisterTableModel::sort(int column, Qt::SortOrder order)
{
    const int orderBy = column >= 0 && column < columnCount() ? column : -1;
    const bool descending = orderBy >= 0 && order == Qt::DescendingOrder;
    if (orderBy == m_query.orderBy && descending == m_query.descending)
        return;
    m_query.orderBy = orderBy;
    m_query.descending = descending;
    reload();
}

void RegisterTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_rows.squeeze();
    m_atEnd = false;
    m_pages = 0;
    endResetModel();
}

Result<std::int64_t> RegisterTableModel::total()
{
    return RegisterRows(m_session.database()).count(m_query);
}

const RegisterRow* RegisterTableModel::row(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

bool RegisterTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void RegisterTableModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    auto page = RegisterRows(m_session.database()).page(m_query, m_rows.size(), PageSize);
    if (!page) {
        m_atEnd = true;
        emit failed(page.error());
        return;
    }
    ++m_pages;
    if (page->size() < PageSize)
        m_atEnd = true;
    if (page->isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    m_rows += std::move(page).value();
    endInsertRows();
}

int RegisterTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RegisterTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(spec().fields.size());
}

QVariant RegisterTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= columnCount())
        return {};
    const RegisterRow& r = m_rows[index.row()];
    const FieldType type = spec().fields[index.column()].type;
    const bool numeric =
        type == FieldType::Decimal || type == FieldType::Latitude || type == FieldType::Longitude;
    switch (role) {
    case Qt::DisplayRole:
        return r.values.value(index.column());
    case KeyRole:
        return r.id;
    case Qt::TextAlignmentRole:
        if (numeric)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QString RegisterTableModel::fieldTitle(const QString& field)
{
    static const QHash<QString, const char*> titles{
        {u"code"_s, QT_TR_NOOP("Code")},
        {u"name"_s, QT_TR_NOOP("Name")},
        {u"cluster"_s, QT_TR_NOOP("Cluster")},
        {u"district"_s, QT_TR_NOOP("District")},
        {u"ntn"_s, QT_TR_NOOP("NTN")},
        {u"size_class"_s, QT_TR_NOOP("Size")},
        {u"women_owned"_s, QT_TR_NOOP("Women-owned")},
        {u"export_oriented"_s, QT_TR_NOOP("Exporter")},
        {u"latitude"_s, QT_TR_NOOP("Latitude")},
        {u"longitude"_s, QT_TR_NOOP("Longitude")},
        {u"contact"_s, QT_TR_NOOP("Contact")},
        {u"firm"_s, QT_TR_NOOP("Firm")},
        {u"service_type"_s, QT_TR_NOOP("Service")},
        {u"date"_s, QT_TR_NOOP("Date")},
        {u"provider"_s, QT_TR_NOOP("Provider")},
        {u"cost"_s, QT_TR_NOOP("Cost")},
        {u"status"_s, QT_TR_NOOP("Status")},
        {u"person_key"_s, QT_TR_NOOP("Person key")},
        {u"sex"_s, QT_TR_NOOP("Sex")},
        {u"centre"_s, QT_TR_NOOP("Centre")},
        {u"course"_s, QT_TR_NOOP("Course")},
        {u"completed"_s, QT_TR_NOOP("Completed")},
        {u"period"_s, QT_TR_NOOP("Period")},
        {u"value_pkr"_s, QT_TR_NOOP("Value (PKR)")},
        {u"value_usd"_s, QT_TR_NOOP("Value (US$)")},
        {u"source"_s, QT_TR_NOOP("Source")},
    };
    const auto it = titles.constFind(field);
    return it == titles.constEnd() ? field : tr(it.value());
}

QVariant RegisterTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const FieldSpec& f = spec().fields[section];
    if (role == Qt::DisplayRole)
        return fieldTitle(f.name);
    if (role == Qt::ToolTipRole)
        return f.description;
    return {};
}

} // namespace dli::ui
