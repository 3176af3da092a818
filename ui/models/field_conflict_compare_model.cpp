#include "ui/models/field_conflict_compare_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

QString text(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        const qint64 i = v.toInteger();
        return static_cast<double>(i) == d ? QString::number(i) : QString::number(d, 'g', 17);
    }
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

} // namespace

FieldConflictCompareModel::FieldConflictCompareModel(QObject* parent) : QAbstractTableModel(parent)
{}

void FieldConflictCompareModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_differences = 0;
    endResetModel();
}

void FieldConflictCompareModel::setConflict(const FieldConflict& conflict)
{
    const QJsonObject office = QJsonDocument::fromJson(conflict.officeValues).object();
    const QJsonObject fieldChange = QJsonDocument::fromJson(conflict.fieldValues).object();
    const QJsonObject field = fieldChange.value("row"_L1).toObject();
    const QJsonObject verification = fieldChange.value("verification"_L1).toObject();

    QList<Row> differing;
    QList<Row> same;
    QStringList names = office.keys();
    for (const QString& key : field.keys()) {
        if (!office.contains(key))
            names << key;
    }
    for (const QString& key : names) {
        // Which audit entry last wrote the row: it differs every time, and says nothing.
        if (key == "audit_ref"_L1)
            continue;
        Row r;
        r.name = key;
        r.office = text(office.value(key));
        r.field = text(field.value(key));
        // A field the field's change does not carry is not a difference.
        r.differs = field.contains(key) && office.value(key) != field.value(key);
        (r.differs ? differing : same).append(r);
    }
    QList<Row> recorded;
    for (auto it = verification.begin(); it != verification.end(); ++it) {
        Row r;
        r.name = tr("verification: %1").arg(it.key());
        r.field = text(it.value());
        r.fieldOnly = true;
        recorded.append(r);
    }
    beginResetModel();
    m_differences = static_cast<int>(differing.size());
    m_rows = differing + same + recorded;
    endResetModel();
}

bool FieldConflictCompareModel::differs(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows[row].differs;
}

QString FieldConflictCompareModel::name(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].name : QString();
}

int FieldConflictCompareModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FieldConflictCompareModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant FieldConflictCompareModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return r.name;
        case OfficeColumn:
            return r.fieldOnly ? tr("(not in the office row)") : r.office;
        case FieldColumn:
            return r.field;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == OfficeColumn && !r.fieldOnly)
            return r.office;
        if (index.column() == FieldColumn)
            return r.field;
        if (r.differs)
            return tr("The office and the field differ here");
        break;
    case Qt::FontRole:
        if (r.differs) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (r.fieldOnly && index.column() == OfficeColumn) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        break;
    case Qt::BackgroundRole:
        if (r.differs)
            return QBrush(QColor(0xff, 0xf1, 0xcc));
        break;
    case Qt::ForegroundRole:
        if (r.differs)
            return QBrush(QColor(0x22, 0x22, 0x22));
        if (r.fieldOnly && index.column() == OfficeColumn)
            return QBrush(QColor(0x6b, 0x6b, 0x6b));
        break;
    default:
        break;
    }
    return {};
}

QVariant FieldConflictCompareModel::headerData(int section, Qt::Orientation orientation,
                                               int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Column");
    case OfficeColumn:
        return tr("At the office");
    case FieldColumn:
        return tr("From the field");
    }
    return {};
}

} // namespace dli::ui
