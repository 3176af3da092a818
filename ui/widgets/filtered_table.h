#pragma once

#include <QModelIndex>
#include <QWidget>
#include <functional>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace dli::ui {

// Every table of the application: a filter box above it (Ctrl+F puts the cursor there), sorting
// by any column, a count of the rows shown below it, and a plain sentence instead of empty
// columns when there is nothing to show.
class FilteredTable : public QWidget {
    Q_OBJECT
public:
    explicit FilteredTable(QWidget* parent = nullptr);

    // Shows the model through a sort and filter proxy.
    void setModel(QAbstractItemModel* model);
    QTableView* view() const { return m_view; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QLineEdit* filterEdit() const { return m_filter; }
    void focusFilter();
    void setFilterPlaceholder(const QString& text);
    // What to say when the table has no rows (before any filter), e.g. "No events recorded yet".
    void setEmptyText(const QString& text);
    // For a model too large to filter in memory (it fetches lazily): the text goes to the
    // handler, which filters at the source, instead of to the proxy.
    void setFilterHandler(std::function<void(const QString&)> handler);

    // The current row in the model's own terms, or an invalid index.
    QModelIndex currentSourceIndex() const;
    // Selects the model's row (source terms) and scrolls to it.
    void selectSourceRow(int row);

signals:
    void currentSourceChanged(const QModelIndex& source);
    void sourceActivated(const QModelIndex& source);

private:
    void updateState();

    QLineEdit* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_empty = nullptr;
    QStackedWidget* m_stack = nullptr;
    QString m_emptyText;
    std::function<void(const QString&)> m_filterHandler;
};

} // namespace dli::ui
