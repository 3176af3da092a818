#include "ui/models/import_preview_model.h"

#include "core/io/table_reader.h"

using namespace Qt::StringLiterals;

namespace dli::ui {

ImportPreviewModel::ImportPreviewModel(QObject* parent) : QAbstractTableModel(parent) {}

void ImportPreviewModel::clear()
{
    beginResetModel();
    m_header.clear();
    m_known.clear();
    m_rows.clear();
    m_lines.clear();
    m_unknown.clear();
    m_missing.clear();
    endResetModel();
}

Status ImportPreviewModel::load(const QString& path, const QString& sheet, ImportKind kind,
                                int maxRows)
{
    clear();
    auto opened = TableReader::open(path, sheet);
    if (!opened)
        return opened.error();
    TableReader& reader = *opened.value();
    TableRow row;
    auto first = reader.next(row);
    if (!first)
        return first.error();
    if (!first.value())
        return Error(ErrorCode::InvalidInput, tr("the file is empty"), path);
    const RegisterSpec& spec = RegisterFields::spec(kind);
    QStringList header;
    QList<bool> known;
    QStringList seen;
    for (const QString& cell : row.cells) {
        const QString name = RegisterFields::normalizeHeader(cell);
        const bool isKnown =
            spec.indexOf(name) >= 0 || (name == u"id"_s && kind != ImportKind::Observations);
        header << cell.trimmed();
        known << isKnown;
        if (!isKnown && !name.isEmpty())
            m_unknown << cell.trimmed();
        seen << name;
    }
    QStringList missing;
    for (const FieldSpec& f : spec.fields) {
        if (f.required && !seen.contains(f.name))
            missing << f.name;
    }
    QList<QStringList> rows;
    QList<qint64> lines;
    while (rows.size() < maxRows) {
        auto more = reader.next(row);
        if (!more)
            return more.error();
        if (!more.value())
            break;
        rows << row.cells;
        lines << row.line;
    }
    const QStringList unknown = m_unknown;
    beginResetModel();
    m_header = header;
    m_known = known;
    m_rows = rows;
    m_lines = lines;
    m_unknown = unknown;
    m_missing = missing;
    endResetModel();
    return {};
}

int ImportPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    qsizetype n = m_header.size();
    for (const QStringList& r : m_rows)
        n = std::max(n, r.size());
    return static_cast<int>(n);
}

QVariant ImportPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_rows[index.row()].value(index.column());
    if (role == Qt::ToolTipRole)
        return tr("Line %1").arg(m_lines.value(index.row()));
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return m_lines.value(section);
        return {};
    }
    const QString title = m_header.value(section);
    const bool known = m_known.value(section, false);
    if (role == Qt::DisplayRole)
        return known || title.isEmpty() ? title : tr("%1 (unknown)").arg(title);
    if (role == Qt::ToolTipRole)
        return known ? tr("Imported as %1").arg(RegisterFields::normalizeHeader(title))
                     : tr("The import does not know this column");
    return {};
}

} // namespace dli::ui
