#pragma once

#include "core/model/verification.h"

#include <QAbstractTableModel>
#include <QList>

namespace dli::ui {

// An observation's way through the workflow, oldest step first: who did what, when and why.
class VerificationHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        WhenColumn,
        UserColumn,
        ActionColumn,
        StateColumn,
        ValueColumn,
        ReasonColumn,
        ColumnCount
    };

    explicit VerificationHistoryModel(QObject* parent = nullptr);

    void setTransitions(const QList<Transition>& transitions);
    const Transition* transition(int row) const;

    // The action as people say it: "submitted", "verified", "amended".
    static QString actionText(const QString& action);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Transition> m_rows;
};

} // namespace dli::ui
