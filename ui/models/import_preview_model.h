#pragma once

#include "core/model/register_fields.h"
#include "core/result.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace dli::ui {

// The first rows of a CSV or XLSX file as the import wizard previews them: the file's own
// header row as column titles (marked when the import would not know the column) and the cells
// as the file has them.
class ImportPreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ImportPreviewModel(QObject* parent = nullptr);

    // Reads the header and up to maxRows rows; the kind decides which columns are known.
    Status load(const QString& path, const QString& sheet, ImportKind kind, int maxRows = 20);
    void clear();
    // The file's columns the import does not know, and the required ones it lacks.
    const QStringList& unknownColumns() const { return m_unknown; }
    const QStringList& missingColumns() const { return m_missing; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QStringList m_header;
    QList<bool> m_known;
    QList<QStringList> m_rows;
    QList<qint64> m_lines;
    QStringList m_unknown;
    QStringList m_missing;
};

} // namespace dli::ui
