#include "ui/pages/audit_page.h"

#include "core/storage/session.h"
#include "core/workflow/audit_browser.h"
#include "ui/models/audit_log_model.h"
#include "ui/widgets/audit_entry_view.h"
#include "ui/widgets/audit_verify_panel.h"
#include "ui/widgets/filtered_table.h"
#include "ui/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

AuditPage::AuditPage(Workspace& workspace, QWidget* parent) : Page(workspace, parent)
{
    Session& session = workspace.session();
    m_model = new AuditLogModel(session, this);

    m_sinceOn = new QCheckBox(tr("&Since"));
    m_since = new QDateEdit(session.options().now().date().addMonths(-1));
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_since->setEnabled(false);
    m_since->setAccessibleName(tr("Entries since this date"));
    m_since->setMinimumWidth(fontMetrics().horizontalAdvance(u"2026-12-31"_s) + 48);
    m_user = new QComboBox;
    m_user->setAccessibleName(tr("Entries by this user"));
    m_user->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tableName = new QComboBox;
    m_tableName->setAccessibleName(tr("Entries about this table"));
    m_tableName->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_row = new QLineEdit;
    m_row->setPlaceholderText(tr("Row id"));
    m_row->setAccessibleName(tr("Entries about this row"));
    m_row->setClearButtonEnabled(true);
    m_row->setMinimumWidth(fontMetrics().horizontalAdvance(u"0"_s) * 24);

    auto* userLabel = new QLabel(tr("&User:"));
    userLabel->setBuddy(m_user);
    auto* tableLabel = new QLabel(tr("&Table:"));
    tableLabel->setBuddy(m_tableName);
    auto* rowLabel = new QLabel(tr("&Row:"));
    rowLabel->setBuddy(m_row);

    m_loaded = new QLabel;
    m_loaded->setForegroundRole(QPalette::PlaceholderText);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditPage::updateLoaded);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditPage::updateLoaded);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_sinceOn);
    filters->addWidget(m_since);
    filters->addSpacing(12);
    filters->addWidget(userLabel);
    filters->addWidget(m_user);
    filters->addSpacing(12);
    filters->addWidget(tableLabel);
    filters->addWidget(m_tableName);
    filters->addSpacing(12);
    filters->addWidget(rowLabel);
    filters->addWidget(m_row, 1);
    filters->addSpacing(12);
    filters->addWidget(m_loaded);

    m_verify = new AuditVerifyPanel(workspace);

    m_table = new FilteredTable;
    m_table->setModel(m_model);
    m_table->setFilterPlaceholder(tr("Find in actions, users, rows and details (Ctrl+F)"));
    m_table->setEmptyText(tr("No audit entry matches these filters."));
    // Each keystroke would be a query over the whole log: wait until typing pauses.
    m_textTimer = new QTimer(this);
    m_textTimer->setSingleShot(true);
    m_textTimer->setInterval(250);
    connect(m_textTimer, &QTimer::timeout, this, &AuditPage::applyFilter);
    m_table->setFilterHandler([this](const QString& text) {
        m_text = text;
        m_textTimer->start();
    });
    m_table->view()->setAccessibleName(tr("Audit entries"));
    QHeaderView* header = m_table->view()->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    const int digit = fontMetrics().horizontalAdvance(u"0"_s);
    m_table->view()->setColumnWidth(AuditLogModel::SeqColumn, digit * 7);
    m_table->view()->setColumnWidth(AuditLogModel::AtColumn, digit * 19);
    m_table->view()->setColumnWidth(AuditLogModel::UserColumn, digit * 10);
    m_table->view()->setColumnWidth(AuditLogModel::ActionColumn, digit * 20);
    m_table->view()->setColumnWidth(AuditLogModel::ItemColumn, digit * 20);
    // The details fill what is left; the whole text is in the tooltip and beside the table.
    m_table->view()->setColumnWidth(AuditLogModel::SummaryColumn, digit * 20);
    header->setStretchLastSection(true);
    connect(m_table, &FilteredTable::currentSourceChanged, this, &AuditPage::onCurrentChanged);

    m_view = new AuditEntryView;

    auto* splitter = new QSplitter;
    splitter->addWidget(m_table);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(filters);
    layout->addWidget(m_verify);
    layout->addWidget(splitter, 1);

    connect(m_sinceOn, &QCheckBox::toggled, this, [this](bool on) {
        m_since->setEnabled(on);
        applyFilter();
    });
    connect(m_since, &QDateEdit::dateChanged, this, [this] {
        if (m_sinceOn->isChecked())
            applyFilter();
    });
    connect(m_user, &QComboBox::activated, this, &AuditPage::applyFilter);
    connect(m_tableName, &QComboBox::activated, this, &AuditPage::applyFilter);
    connect(m_row, &QLineEdit::editingFinished, this, &AuditPage::applyFilter);
    connect(m_row, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty())
            applyFilter();
    });

    // Every change writes an entry: follow the store, reading it when the page is in view.
    ChangeNotifier& n = session.notifier();
    for (auto signal : {&ChangeNotifier::programChanged, &ChangeNotifier::observationsChanged,
                        &ChangeNotifier::evidenceChanged, &ChangeNotifier::eventsChanged})
        connect(&n, signal, this, &AuditPage::storeChanged);
    // Account changes and undo or redo of any edit have no notifier signal of their own.
    connect(workspace.undoStack(), &QUndoStack::indexChanged, this, &AuditPage::storeChanged);

    setTabOrder(m_sinceOn, m_since);
    setTabOrder(m_since, m_user);
    setTabOrder(m_user, m_tableName);
    setTabOrder(m_tableName, m_row);
    setTabOrder(m_row, m_verify->button());
    setTabOrder(m_verify->button(), m_table->filterEdit());
    setTabOrder(m_table->filterEdit(), m_table->view());
    setTabOrder(m_table->view(), m_view);

    fillChoices();
    updateLoaded();
    onCurrentChanged();
}

void AuditPage::updateLoaded()
{
    const QLocale locale;
    const qint64 total = m_model->total();
    const int loaded = m_model->rowCount();
    if (total == loaded)
        m_loaded->setText(total == 1 ? tr("1 entry")
                                     : tr("%1 entries").arg(locale.toString(total)));
    else
        m_loaded->setText(tr("%1 entries, the newest %2 loaded")
                              .arg(locale.toString(total), locale.toString(loaded)));
    m_loaded->setToolTip(tr("Older entries load as the table scrolls down"));
}

void AuditPage::fillChoices()
{
    AuditBrowser browser(m_ws.session());
    const QString user = m_user->currentData().toString();
    const QString table = m_tableName->currentData().toString();
    m_user->clear();
    m_user->addItem(tr("Anyone"), QString());
    for (const QString& name : browser.userNames().value_or({}))
        m_user->addItem(name, name);
    m_user->setCurrentIndex(std::max(0, m_user->findData(user)));
    m_tableName->clear();
    m_tableName->addItem(tr("Any table"), QString());
    for (const QString& name : browser.tableNames().value_or({}))
        m_tableName->addItem(name, name);
    m_tableName->setCurrentIndex(std::max(0, m_tableName->findData(table)));
}

void AuditPage::applyFilter()
{
    m_textTimer->stop();
    AuditBrowser::Filter f;
    if (m_sinceOn->isChecked())
        f.since = m_since->date();
    f.user = m_user->currentData().toString();
    f.table = m_tableName->currentData().toString();
    f.rowId = m_row->text().trimmed();
    f.text = m_text.trimmed();
    const AuditBrowser::Filter& old = m_model->filter();
    if (f.since == old.since && f.user == old.user && f.table == old.table &&
        f.rowId == old.rowId && f.text == old.text)
        return;
    m_model->setFilter(f);
    onCurrentChanged();
}

void AuditPage::storeChanged()
{
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void AuditPage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    if (m_stale)
        refresh();
}

void AuditPage::refresh()
{
    m_stale = false;
    fillChoices();
    m_model->reload();
    onCurrentChanged();
}

void AuditPage::focusFind()
{
    m_table->focusFilter();
}

void AuditPage::showItem(const QString& item)
{
    m_row->setText(item);
    applyFilter();
    if (m_model->rowCount() > 0)
        m_table->selectSourceRow(0);
}

void AuditPage::onCurrentChanged()
{
    const QModelIndex current = m_table->currentSourceIndex();
    if (const AuditEntry* e = current.isValid() ? m_model->entry(current.row()) : nullptr) {
        m_view->showEntry(*e);
        return;
    }
    if (!m_model->lastError().isEmpty())
        m_view->showNothing(m_model->lastError());
    else
        m_view->showNothing(
            tr("%1 entries. Select one to see who changed what, with the row before and after.")
                .arg(QLocale().toString(m_model->total())));
}

} // namespace dli::ui
