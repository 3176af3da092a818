#include "ui/widgets/field_conflicts_panel.h"

#include "core/package/field_import.h"
#include "core/storage/session.h"
#include "ui/models/field_conflict_compare_model.h"
#include "ui/models/field_conflicts_model.h"
#include "ui/models/field_row_labels.h"
#include "ui/models/roles.h"
#include "ui/widgets/filtered_table.h"
#include "ui/workspace.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {
QString when(const QDateTime& at)
{
    return QChar(0x200E) + at.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s;
}
} // namespace

FieldConflictsPanel::FieldConflictsPanel(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_ws(workspace)
{
    auto* intro = new QLabel(
        tr("Rows changed both at the office and in the field since the package was made. The "
           "office's row stays as it is until a verifier decides; both versions stay recorded."));
    intro->setWordWrap(true);
    m_showResolved = new QCheckBox(tr("Sho&w resolved"));
    connect(m_showResolved, &QCheckBox::toggled, this, &FieldConflictsPanel::load);
    auto* top = new QHBoxLayout;
    top->addWidget(intro, 1);
    top->addSpacing(12);
    top->addWidget(m_showResolved, 0, Qt::AlignTop);

    m_model = new FieldConflictsModel(this);
    m_table = new FilteredTable;
    m_table->setModel(m_model);
    m_table->setEmptyText(tr("No conflict waits. Conflicts appear here when a return changes a "
                             "row the office changed since its package was made."));
    m_table->setFilterPlaceholder(tr("Find a conflict by row, change, user or reason (Ctrl+F)"));
    m_table->view()->setAccessibleName(tr("Conflicts"));
    const int digit = fontMetrics().horizontalAdvance(u"0"_s);
    QTableView* tv = m_table->view();
    tv->setColumnWidth(FieldConflictsModel::RowColumn, digit * 50);
    tv->setColumnWidth(FieldConflictsModel::ActionColumn, digit * 20);
    tv->setColumnWidth(FieldConflictsModel::UserColumn, digit * 12);
    tv->setColumnWidth(FieldConflictsModel::AtColumn, digit * 19);
    tv->setColumnWidth(FieldConflictsModel::StateColumn, digit * 22);
    connect(m_table, &FilteredTable::currentSourceChanged, this,
            &FieldConflictsPanel::onCurrentChanged);

    m_details = new QLabel;
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeading);
    m_details->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);

    m_keepOffice = new QPushButton(tr("&Keep office"));
    m_keepField = new QPushButton(tr("Keep fie&ld"));
    m_edit = new QPushButton(tr("E&dit..."));
    for (QPushButton* b : {m_keepOffice, m_keepField, m_edit})
        b->setAutoDefault(false);
    connect(m_keepOffice, &QPushButton::clicked, this, &FieldConflictsPanel::keepOffice);
    connect(m_keepField, &QPushButton::clicked, this, &FieldConflictsPanel::keepField);
    connect(m_edit, &QPushButton::clicked, this, &FieldConflictsPanel::editRow);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_keepOffice);
    buttons->addWidget(m_keepField);
    buttons->addWidget(m_edit);
    buttons->addStretch(1);

    auto* help = new QLabel(
        tr("Keep office leaves the office's row as it is. Keep field applies the field's change "
           "now, as its author, under every rule. To combine the two, Edit... opens the figure "
           "on the Verification page: change it there, then come back and keep the office's "
           "version."));
    help->setWordWrap(true);
    help->setForegroundRole(QPalette::PlaceholderText);

    auto* left = new QWidget;
    auto* leftColumn = new QVBoxLayout(left);
    leftColumn->setContentsMargins(0, 0, 0, 0);
    leftColumn->addWidget(m_details);
    leftColumn->addSpacing(4);
    leftColumn->addLayout(buttons);
    leftColumn->addWidget(help);
    leftColumn->addStretch(1);

    m_compare = new FieldConflictCompareModel(this);
    m_compareView = new QTableView;
    m_compareView->setModel(m_compare);
    m_compareView->setAccessibleName(tr("The office's row and the field's, side by side"));
    m_compareView->verticalHeader()->setVisible(false);
    m_compareView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_compareView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_compareView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_compareView->setWordWrap(false);
    m_compareView->horizontalHeader()->setHighlightSections(false);
    // The two versions share what the names leave, equally.
    QHeaderView* compareHeader = m_compareView->horizontalHeader();
    compareHeader->setSectionResizeMode(FieldConflictCompareModel::NameColumn,
                                        QHeaderView::ResizeToContents);
    compareHeader->setSectionResizeMode(FieldConflictCompareModel::OfficeColumn,
                                        QHeaderView::Stretch);
    compareHeader->setSectionResizeMode(FieldConflictCompareModel::FieldColumn,
                                        QHeaderView::Stretch);

    auto* bottom = new QSplitter;
    bottom->addWidget(left);
    bottom->addWidget(m_compareView);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);
    bottom->setChildrenCollapsible(false);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    setTabOrder(m_showResolved, m_table->filterEdit());
    setTabOrder(m_table->filterEdit(), m_table->view());
    setTabOrder(m_table->view(), m_keepOffice);
    setTabOrder(m_keepOffice, m_keepField);
    setTabOrder(m_keepField, m_edit);
    setTabOrder(m_edit, m_compareView);
    onCurrentChanged();
}

void FieldConflictsPanel::reload(const FieldRowLabels& labels)
{
    m_labels = &labels;
    load();
}

void FieldConflictsPanel::load()
{
    if (!m_labels)
        return;
    const FieldConflict* before = current();
    const QString selected = before ? before->id : QString();
    auto list = FieldImport::conflicts(m_ws.session(), !m_showResolved->isChecked());
    if (!list) {
        m_ws.report(tr("The conflicts cannot be read"), list.error());
        return;
    }
    m_open = 0;
    for (const FieldConflict& k : list.value())
        m_open += k.state == u"open"_s ? 1 : 0;
    m_model->setConflicts(list.value(), *m_labels);
    if (const int row = m_model->rowOf(selected); row >= 0)
        m_table->selectSourceRow(row);
    if (!current() && m_model->rowCount() > 0)
        m_table->selectSourceRow(0);
    onCurrentChanged();
}

bool FieldConflictsPanel::showConflict(const QString& conflictId)
{
    int row = m_model->rowOf(conflictId);
    if (row < 0 && !m_showResolved->isChecked()) {
        // A resolved one is listed once resolved ones are shown.
        m_showResolved->setChecked(true);
        row = m_model->rowOf(conflictId);
    }
    if (row < 0)
        return false;
    m_table->filterEdit()->clear();
    m_table->selectSourceRow(row);
    onCurrentChanged();
    return true;
}

const FieldConflict* FieldConflictsPanel::current() const
{
    const QModelIndex index = m_table->currentSourceIndex();
    return index.isValid() ? m_model->conflict(index.row()) : nullptr;
}

QString FieldConflictsPanel::blockedReason() const
{
    return m_ws.roleReason({Role::Verifier});
}

void FieldConflictsPanel::updateState()
{
    const FieldConflict* k = current();
    QString why = blockedReason();
    if (why.isEmpty() && !k)
        why = tr("Select a conflict first");
    if (why.isEmpty() && k->state != u"open"_s)
        why = tr("This conflict was resolved: %1").arg(FieldConflictsModel::stateText(*k));
    m_keepOffice->setEnabled(why.isEmpty());
    m_keepOffice->setToolTip(why.isEmpty() ? tr("Leave the office's row as it is") : why);
    m_keepField->setEnabled(why.isEmpty());
    m_keepField->setToolTip(why.isEmpty() ? tr("Apply the field's change now, under every rule")
                                          : why);
    QString editWhy = why;
    if (editWhy.isEmpty() && m_labels && m_labels->observationOf(k->table, k->rowId).isEmpty())
        editWhy = tr("This row has no page to change it on");
    m_edit->setEnabled(editWhy.isEmpty());
    m_edit->setToolTip(editWhy.isEmpty() ? tr("Open the figure on the Verification page")
                                         : editWhy);
}

void FieldConflictsPanel::focusFind()
{
    m_table->focusFilter();
}

void FieldConflictsPanel::onCurrentChanged()
{
    const FieldConflict* k = current();
    if (!k) {
        m_compare->clear();
        m_details->setText(m_model->rowCount() == 0
                               ? QString()
                               : tr("Select a conflict to see the office's row and the field's "
                                    "side by side."));
        updateState();
        return;
    }
    m_compare->setConflict(*k);
    const QJsonObject field = QJsonDocument::fromJson(k->fieldValues).object();
    const QString theirReason = field.value("entry"_L1)
                                    .toObject()
                                    .value("details"_L1)
                                    .toObject()
                                    .value("reason"_L1)
                                    .toString();
    const QModelIndex index = m_table->currentSourceIndex();
    QString html = u"<p><b>%1</b></p>"_s.arg(m_model->label(index.row()).toHtmlEscaped());
    html += u"<p>"_s + tr("In the field: <b>%1</b> by %2, %3 (package %4).")
                           .arg(k->action.toHtmlEscaped(), k->fieldUser.toHtmlEscaped(),
                                when(k->fieldAt), k->packageId.left(8));
    if (!theirReason.isEmpty())
        html += u" "_s + tr("Their reason: %1.").arg(theirReason.toHtmlEscaped());
    html += u"</p><p>"_s + tr("Why it waits: %1.").arg(k->reason.toHtmlEscaped()) + u"</p>"_s;
    const int differ = m_compare->differences();
    html += u"<p>"_s +
            (differ == 0   ? tr("No field of the row differs.")
             : differ == 1 ? tr("1 field differs, emphasised on the right.")
                           : tr("%1 fields differ, emphasised on the right.").arg(differ)) +
            u"</p>"_s;
    if (k->state != u"open"_s)
        html += u"<p>"_s +
                tr("Resolved: %1.").arg(FieldConflictsModel::stateText(*k).toHtmlEscaped()) +
                u"</p>"_s;
    m_details->setText(html);
    updateState();
}

Result<FieldConflict> FieldConflictsPanel::resolve(const QString& conflictId, QStringView keep)
{
    auto done = FieldImport::resolve(m_ws.session(), conflictId, keep);
    if (!done) {
        m_ws.report(tr("The conflict was not resolved"), done.error());
        return done.error();
    }
    load();
    if (m_showResolved->isChecked())
        showConflict(done->id);
    emit resolved();
    return done;
}

void FieldConflictsPanel::keepOffice()
{
    if (const FieldConflict* k = current()) {
        const QString id = k->id; // the list is read again while resolving
        (void)resolve(id, FieldConflict::KeepOffice);
    }
}

void FieldConflictsPanel::keepField()
{
    if (const FieldConflict* k = current()) {
        const QString id = k->id; // the list is read again while resolving
        (void)resolve(id, FieldConflict::KeepField);
    }
}

void FieldConflictsPanel::editRow()
{
    const FieldConflict* k = current();
    if (!k || !m_labels)
        return;
    const QString observation = m_labels->observationOf(k->table, k->rowId);
    if (!observation.isEmpty())
        emit m_ws.navigateRequested(u"verification"_s, observation);
}

} // namespace dli::ui
