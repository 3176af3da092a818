#pragma once

#include "core/engine/disbursement.h"
#include "core/engine/dli_outlook.h"
#include "core/model/program.h"

#include <QAbstractTableModel>
#include <QDate>

namespace dli::ui {

// The dashboard's table: one row per DLI with its traffic light (DliOutlook), its money and the
// next date that matters for it. Read-only; rebuilt from each computation.
class DashboardDliModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        LightColumn,
        DliColumn,
        TitleColumn,
        EarnedColumn,
        AvailableColumn,
        PayableColumn,
        NextColumn,
        ReasonColumn,
        ColumnCount
    };
    // The light as an int (DliLight), for tests and delegates.
    static constexpr int LightRole = Qt::UserRole + 1;

    explicit DashboardDliModel(QObject* parent = nullptr);

    void setStatus(const Program& program, const Disbursement& status);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The row of a DLI, or -1.
    int rowOf(const QString& dliCode) const;
    QString codeAt(int row) const;

    // "2026-12-27 · DLR 4.3: verification window ends (in 179 days)", or "nothing left" text.
    static QString nextText(const DliOutlook& outlook, const QDate& asOf);

private:
    struct Row {
        QString code;
        QString title;
        DliOutlook outlook;
        MoneySums money;
    };
    QVariant display(const Row& row, int column) const;

    QList<Row> m_rows;
    Currency m_currency;
    QDate m_asOf;
};

} // namespace dli::ui
