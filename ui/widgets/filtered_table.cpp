#include "ui/widgets/filtered_table.h"

#include "ui/models/roles.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

// Sorts by SortRole where the model gives one, else by the text, as people read it.
class SortingProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override
    {
        const QVariant a = left.data(SortRole);
        const QVariant b = right.data(SortRole);
        if (a.isValid() && b.isValid())
            return QVariant::compare(a, b) == QPartialOrdering::Less;
        return left.data().toString().localeAwareCompare(right.data().toString()) < 0;
    }
};

} // namespace

FilteredTable::FilteredTable(QWidget* parent) : QWidget(parent)
{
    m_filter = new QLineEdit;
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Filter the table"));
    m_proxy = new SortingProxy(this);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView;
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setWordWrap(false);
    m_empty = new QLabel;
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    m_count = new QLabel;
    m_count->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_count);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (m_filterHandler)
            m_filterHandler(text);
        else
            m_proxy->setFilterFixedString(text);
        updateState();
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit sourceActivated(m_proxy->mapToSource(index));
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &FilteredTable::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &FilteredTable::updateState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &FilteredTable::updateState);
}

void FilteredTable::setModel(QAbstractItemModel* model)
{
    m_proxy->setSourceModel(model);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                emit currentSourceChanged(m_proxy->mapToSource(current));
            });
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->resizeColumnsToContents();
    m_view->horizontalHeader()->setStretchLastSection(true);
    updateState();
}

void FilteredTable::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void FilteredTable::setFilterPlaceholder(const QString& text)
{
    m_filter->setPlaceholderText(text);
}

void FilteredTable::setEmptyText(const QString& text)
{
    m_emptyText = text;
    updateState();
}

void FilteredTable::setFilterHandler(std::function<void(const QString&)> handler)
{
    m_filterHandler = std::move(handler);
}

QModelIndex FilteredTable::currentSourceIndex() const
{
    return m_proxy->mapToSource(m_view->currentIndex());
}

void FilteredTable::selectSourceRow(int row)
{
    if (!m_proxy->sourceModel())
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_proxy->sourceModel()->index(row, 0));
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void FilteredTable::updateState()
{
    const int shown = m_proxy->rowCount();
    const int all = m_proxy->sourceModel() ? m_proxy->sourceModel()->rowCount() : 0;
    const bool filtered = !m_filter->text().isEmpty();
    if (shown == 0) {
        m_empty->setText(filtered ? tr("No row matches \"%1\".").arg(m_filter->text())
                                  : (m_emptyText.isEmpty() ? tr("Nothing to show.") : m_emptyText));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_view);
    }
    m_count->setText(filtered && !m_filterHandler
                         ? tr("%1 of %2 rows").arg(shown).arg(all)
                         : (shown == 1 ? tr("1 row") : tr("%1 rows").arg(shown)));
}

} // namespace dli::ui
