#include "ui/models/import_problem_model.h"

#include "ui/models/roles.h"

#include <QColor>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace dli::ui {

ImportProblemModel::ImportProblemModel(QObject* parent) : QAbstractTableModel(parent) {}

void ImportProblemModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_errors = 0;
    endResetModel();
}

void ImportProblemModel::setProblems(const QStringList& errors, const QStringList& warnings,
                                     const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    static const QRegularExpression lineOf(u"[:!][A-Z]*(\\d+)"_s);
    QList<Row> rows;
    const auto add = [&](const QString& text, bool warning) {
        Row r;
        r.warning = warning;
        // "LOCATION: message"; a line without a location is all message.
        const qsizetype colon = text.indexOf(u": "_s);
        r.where = colon < 0 ? QString() : text.left(colon);
        r.message = colon < 0 ? text : text.mid(colon + 2);
        if (!path.isEmpty() && r.where.startsWith(path))
            r.where = name + r.where.mid(path.size());
        const auto match = lineOf.match(r.where.mid(r.where.startsWith(name) ? name.size() : 0));
        r.line = match.hasMatch() ? match.captured(1).toLongLong() : 0;
        rows << r;
    };
    for (const QString& e : errors)
        add(e, false);
    for (const QString& w : warnings)
        add(w, true);
    beginResetModel();
    m_rows = std::move(rows);
    m_errors = static_cast<int>(errors.size());
    endResetModel();
}

QString ImportProblemModel::text(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const Row& r = m_rows[row];
    return r.where.isEmpty() ? r.message : r.where + u": "_s + r.message;
}

int ImportProblemModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ImportProblemModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportProblemModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == WhereColumn)
            return r.where;
        return r.warning ? tr("Warning: %1").arg(r.message) : r.message;
    case Qt::ToolTipRole:
        return text(index.row());
    case SortRole:
        if (index.column() == WhereColumn)
            return r.line;
        return {};
    case Qt::ForegroundRole:
        if (r.warning)
            return QColor(0x8a, 0x5a, 0x00);
        return {};
    default:
        return {};
    }
}

QVariant ImportProblemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == WhereColumn ? tr("Where") : tr("Problem");
}

} // namespace dli::ui
