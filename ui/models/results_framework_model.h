#pragma once

#include "core/model/program.h"

#include <QAbstractItemModel>
#include <memory>
#include <vector>

namespace dli::ui {

// The results framework as a tree: results areas > indicators > DLI > DLRs. Read-only; it is
// rebuilt when the program changes (a program is small, so there is nothing to fetch lazily).
class ResultsFrameworkModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Kind { ResultArea, Indicator, Dli, Dlr, Group };
    enum Column { ItemColumn, PeriodColumn, TargetColumn, AllocationColumn, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1, CodeRole };

    explicit ResultsFrameworkModel(QObject* parent = nullptr);
    ~ResultsFrameworkModel() override;

    void setProgram(const Program& program);
    void clear();
    const Program& program() const { return m_program; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The index of the item with this kind and code, for selecting it.
    QModelIndex find(Kind kind, const QString& code) const;

private:
    struct Node;
    Node* nodeOf(const QModelIndex& index) const;
    QVariant display(const Node& node, int column) const;
    QModelIndex findIn(const Node& node, Kind kind, const QString& code) const;

    Program m_program;
    std::unique_ptr<Node> m_root;
};

} // namespace dli::ui
