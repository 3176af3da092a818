#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace dli::ui {

// Every problem the import's dry run found, one row each: where (FILE:LINE:COLUMN, or
// Sheet!D17 for XLSX) and what, errors and warnings.
class ImportProblemModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { WhereColumn, ProblemColumn, ColumnCount };

    explicit ImportProblemModel(QObject* parent = nullptr);

    // Each line "LOCATION: message" as the importer writes it; the file's folder is left out of
    // the location.
    void setProblems(const QStringList& errors, const QStringList& warnings, const QString& path);
    void clear();
    int errorCount() const { return m_errors; }
    // "firms.csv:3:2: message" for the row, as it is shown.
    QString text(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString where;
        QString message;
        bool warning = false;
        qint64 line = 0;
    };
    QList<Row> m_rows;
    int m_errors = 0;
};

} // namespace dli::ui
