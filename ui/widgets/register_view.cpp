#include "ui/widgets/register_view.h"

#include "ui/models/register_table_model.h"
#include "ui/widgets/filtered_table.h"
#include "ui/workspace.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

RegisterView::RegisterView(Workspace& workspace, ImportKind kind, QWidget* parent)
    : QWidget(parent), m_ws(workspace)
{
    m_model = new RegisterTableModel(workspace.session(), kind, this);
    m_summary = new QLabel;
    m_table = new FilteredTable;
    // Connected before the view sees the model, which may read the first page at once.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        // Columns fit the first page read; later pages keep them.
        if (m_model->pagesFetched() == 1)
            fitColumns();
        if (!m_model->filterText().isEmpty())
            updateSummary();
    });
    m_table->setModel(m_model);
    const QString title = RegisterFields::spec(kind).title;
    m_table->view()->setAccessibleName(title);
    m_table->filterEdit()->setAccessibleName(tr("Filter %1").arg(title));
    m_table->setFilterPlaceholder(tr("Filter: every word must appear in the row (Ctrl+F)"));
    m_table->setEmptyText(tr("The register is empty. Import a CSV or XLSX file with Import..."));
    // Sorted at the source: the proxy leaves the order alone, the header tells the model.
    QTableView* view = m_table->view();
    view->setSortingEnabled(false);
    QHeaderView* header = view->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                m_model->sort(column, order);
                updateSummary();
            });

    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(250);
    connect(m_filterTimer, &QTimer::timeout, this, &RegisterView::applyFilter);
    m_table->setFilterHandler([this](const QString& text) {
        m_pendingFilter = text;
        m_filterTimer->start();
    });
    connect(m_model, &RegisterTableModel::failed, this,
            [this](const Error& error) { m_ws.report(tr("Cannot read the register"), error); });

    m_summary->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    updateSummary();
}

// Each column as wide as its title and the widest of the first rows, within reason. Measured
// here rather than by the view, which measures only the rows it shows (none while hidden).
void RegisterView::fitColumns()
{
    QTableView* view = m_table->view();
    const QFontMetrics metrics(view->font());
    const int rows = std::min(m_model->rowCount(), 200);
    const int margin =
        2 * view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 12;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        int width = view->horizontalHeader()->sectionSizeHint(c);
        for (int r = 0; r < rows; ++r)
            width = std::max(
                width, metrics.horizontalAdvance(m_model->index(r, c).data().toString()) + margin);
        view->setColumnWidth(c, std::min(width, 320));
    }
}

ImportKind RegisterView::kind() const
{
    return m_model->kind();
}

void RegisterView::reload()
{
    m_model->reload();
    updateSummary();
}

void RegisterView::applyFilter()
{
    m_filterTimer->stop();
    m_model->setFilter(m_pendingFilter);
    // The first page at once, so that the line above the table can say what matched.
    if (m_model->rowCount() == 0 && m_model->canFetchMore({}))
        m_model->fetchMore({});
    updateSummary();
}

QString RegisterView::summary() const
{
    return m_summary->text();
}

void RegisterView::updateSummary()
{
    const QString title = RegisterFields::spec(m_model->kind()).title;
    if (!m_model->filterText().isEmpty()) {
        // Counting the matches would read the whole register; what was read says enough.
        const int shown = m_model->rowCount();
        m_summary->setText(
            m_model->canFetchMore({})
                ? tr("%1: the first %2 rows that match \"%3\"; more are read as you scroll.")
                      .arg(title, QLocale().toString(shown), m_model->filterText())
                : (shown == 1 ? tr("%1: 1 row matches \"%2\".").arg(title, m_model->filterText())
                              : tr("%1: %2 rows match \"%3\".")
                                    .arg(title, QLocale().toString(shown), m_model->filterText())));
        return;
    }
    auto total = m_model->total();
    if (!total) {
        m_summary->setText(total.error().text());
        return;
    }
    m_summary->setText(tr("%1: %2 rows in the register, read %3 at a time as you scroll. Click "
                          "a column's title to sort the whole register.")
                           .arg(title, QLocale().toString(static_cast<qlonglong>(total.value())),
                                QLocale().toString(RegisterTableModel::PageSize)));
}

} // namespace dli::ui
