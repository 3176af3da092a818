#pragma once

#include "core/model/field_exchange.h"

#include <QAbstractTableModel>
#include <QList>

namespace dli::ui {

// One conflict's two versions side by side: each field of the row with the office's value and
// the field's, the differences first and emphasised; then what the field recorded with a
// verification (which the office row does not hold).
class FieldConflictCompareModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, OfficeColumn, FieldColumn, Count };

    explicit FieldConflictCompareModel(QObject* parent = nullptr);

    void setConflict(const FieldConflict& conflict);
    void clear();
    // How many fields differ.
    int differences() const { return m_differences; }
    bool differs(int row) const;
    QString name(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString name;
        QString office;
        QString field;
        bool differs = false;
        bool fieldOnly = false; // recorded with the field's change; the office row has no such
    };
    QList<Row> m_rows;
    int m_differences = 0;
};

} // namespace dli::ui
