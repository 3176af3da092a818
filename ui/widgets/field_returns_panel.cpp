#include "ui/widgets/field_returns_panel.h"

#include "core/storage/session.h"
#include "ui/dialogs/passphrase_dialog.h"
#include "ui/models/field_changes_model.h"
#include "ui/models/field_imports_model.h"
#include "ui/models/field_row_labels.h"
#include "ui/models/roles.h"
#include "ui/task_runner.h"
#include "ui/widgets/filtered_table.h"
#include "ui/widgets/notice_label.h"
#include "ui/workspace.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
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

QString counts(int applied, int conflicts, int refused, int noted)
{
    QStringList parts{FieldReturnsPanel::tr("%1 applied").arg(applied),
                      conflicts == 1 ? FieldReturnsPanel::tr("1 conflict")
                                     : FieldReturnsPanel::tr("%1 conflicts").arg(conflicts),
                      FieldReturnsPanel::tr("%1 refused").arg(refused)};
    if (noted > 0)
        parts << FieldReturnsPanel::tr("%1 noted").arg(noted);
    return parts.join(u", "_s);
}

QLabel* heading(const QString& text)
{
    auto* label = new QLabel(text);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

FieldReturnsPanel::FieldReturnsPanel(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_ws(workspace)
{
    auto* intro = new QLabel(
        tr("Take a verifier's return in. Each change is replayed under the usual rules, as its "
           "author made it; a change to a row the office changed since the package was made "
           "waits under Conflicts, and a change a rule refuses is listed with why."));
    intro->setWordWrap(true);
    m_import = new QPushButton(tr("&Import return..."));
    m_import->setAutoDefault(false);
    connect(m_import, &QPushButton::clicked, this, &FieldReturnsPanel::chooseAndImport);
    auto* top = new QHBoxLayout;
    top->addWidget(intro, 1);
    top->addSpacing(12);
    top->addWidget(m_import, 0, Qt::AlignTop);

    m_result = newNoticeLabel(NoticeTone::Done);

    m_importsModel = new FieldImportsModel(this);
    m_imports = new FilteredTable;
    m_imports->setModel(m_importsModel);
    m_imports->setEmptyText(
        tr("No return has been imported yet. Verifiers make their returns on the "
           "laptop, on its Field packages page."));
    m_imports->setFilterPlaceholder(tr("Find an import by date, user or package (Ctrl+F)"));
    m_imports->view()->setAccessibleName(tr("Imported returns"));
    m_imports->view()->sortByColumn(FieldImportsModel::AtColumn, Qt::DescendingOrder);
    connect(m_imports, &FilteredTable::currentSourceChanged, this,
            &FieldReturnsPanel::onImportSelected);

    m_changesModel = new FieldChangesModel(this);
    m_changes = new FilteredTable;
    m_changes->setModel(m_changesModel);
    m_changes->setEmptyText(tr("Select an import above to list its changes."));
    m_changes->setFilterPlaceholder(tr("Find a change by outcome, row, user or reason"));
    m_changes->view()->setAccessibleName(tr("Changes of the selected import"));
    const int digit = fontMetrics().horizontalAdvance(u"0"_s);
    QTableView* cv = m_changes->view();
    cv->setColumnWidth(FieldChangesModel::OutcomeColumn, digit * 18);
    cv->setColumnWidth(FieldChangesModel::ActionColumn, digit * 20);
    cv->setColumnWidth(FieldChangesModel::RowColumn, digit * 50);
    cv->setColumnWidth(FieldChangesModel::UserColumn, digit * 12);
    cv->setColumnWidth(FieldChangesModel::AtColumn, digit * 19);

    auto* importsBox = new QWidget;
    auto* importsColumn = new QVBoxLayout(importsBox);
    importsColumn->setContentsMargins(0, 0, 0, 0);
    auto* importsHeading = heading(tr("Returns imported"));
    importsHeading->setBuddy(m_imports->view());
    importsColumn->addWidget(importsHeading);
    importsColumn->addWidget(m_imports, 1);
    auto* changesBox = new QWidget;
    auto* changesColumn = new QVBoxLayout(changesBox);
    changesColumn->setContentsMargins(0, 0, 0, 0);
    m_changesHeading = heading(tr("Changes"));
    m_changesHeading->setWordWrap(true);
    changesColumn->addWidget(m_changesHeading);
    changesColumn->addWidget(m_changes, 1);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(importsBox);
    splitter->addWidget(changesBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_result);
    layout->addWidget(splitter, 1);

    setTabOrder(m_import, m_imports->filterEdit());
    setTabOrder(m_imports->filterEdit(), m_imports->view());
    setTabOrder(m_imports->view(), m_changes->filterEdit());
    setTabOrder(m_changes->filterEdit(), m_changes->view());
    updateState();
}

void FieldReturnsPanel::reload(const FieldRowLabels& labels)
{
    m_labels = &labels;
    const QModelIndex current = m_imports->currentSourceIndex();
    const QString selected = current.isValid() ? current.data(KeyRole).toString() : QString();
    auto imports = FieldImport::imports(m_ws.session());
    if (!imports) {
        m_ws.report(tr("The imported returns cannot be read"), imports.error());
        return;
    }
    m_importsModel->setImports(imports.value());
    // Compact columns: a stretched last one would push its count to the far edge.
    m_imports->view()->horizontalHeader()->setStretchLastSection(false);
    m_imports->view()->resizeColumnsToContents();
    if (!selected.isEmpty())
        showImport(selected);
    else
        onImportSelected();
    updateState();
}

QString FieldReturnsPanel::blockedReason() const
{
    return m_ws.roleReason({Role::Verifier, Role::Manager, Role::Admin});
}

void FieldReturnsPanel::updateState()
{
    const QString why = blockedReason();
    m_import->setEnabled(why.isEmpty());
    m_import->setToolTip(why);
}

void FieldReturnsPanel::focusFind()
{
    m_imports->focusFilter();
}

void FieldReturnsPanel::showImport(const QString& importId)
{
    const int row = m_importsModel->rowOf(importId);
    if (row < 0) {
        onImportSelected();
        return;
    }
    m_imports->filterEdit()->clear();
    m_imports->selectSourceRow(row);
    onImportSelected();
}

void FieldReturnsPanel::onImportSelected()
{
    const QModelIndex current = m_imports->currentSourceIndex();
    const FieldImportRecord* r =
        current.isValid() ? m_importsModel->record(current.row()) : nullptr;
    if (!r || !m_labels) {
        m_changesModel->setChanges({}, m_labels ? *m_labels : FieldRowLabels());
        m_changesHeading->setText(tr("Changes"));
        return;
    }
    auto changes = FieldImport::changesOf(m_ws.session(), r->id);
    if (!changes) {
        m_ws.report(tr("The changes of the import cannot be read"), changes.error());
        return;
    }
    int noted = 0;
    for (const FieldChange& c : changes.value())
        noted += c.outcome == FieldChange::Noted ? 1 : 0;
    m_changesModel->setChanges(changes.value(), *m_labels);
    m_changesHeading->setText(tr("Changes of %1's return, imported %2 by %3 (package %4): %5")
                                  .arg(r->assignee, when(r->importedAt), r->importedBy,
                                       r->packageId.left(8),
                                       counts(r->applied, r->conflicts, r->refused, noted)));
}

Result<FieldImportReport> FieldReturnsPanel::importReturn(const QString& path,
                                                          const QByteArray& passphrase)
{
    FieldImportReport report;
    const Status done = TaskRunner::run(
        this, m_ws, tr("Importing the return"),
        [&report, path, passphrase](Session& s, TaskRunner::Progress& progress) {
            auto r = FieldImport::run(s, path, passphrase, [&progress](int taken, int total) {
                progress.setTotal(total);
                progress.setDone(taken);
                return !progress.cancelled();
            });
            if (!r)
                return Status(r.error());
            report = std::move(r).value();
            return Status();
        });
    if (!done) {
        m_ws.report(tr("The return was not imported"), done.error());
        return done.error();
    }
    emit imported();
    showImport(report.record.id);
    showResult(report);
    return report;
}

void FieldReturnsPanel::showResult(const FieldImportReport& report)
{
    const FieldImportRecord& r = report.record;
    if (report.alreadyImported) {
        m_result->setText(tr("Nothing new: every change of this return was imported on %1 by %2 "
                             "(package %3). Nothing changed.")
                              .arg(when(r.importedAt), r.importedBy, r.packageId.left(8)));
        setNoticeTone(m_result, NoticeTone::Done);
    } else {
        int noted = 0;
        for (const FieldChange& c : report.changes)
            noted += c.outcome == FieldChange::Noted ? 1 : 0;
        QString text = tr("Imported %1's return of package %2: %3.")
                           .arg(r.assignee, r.packageId.left(8),
                                counts(r.applied, r.conflicts, r.refused, noted));
        if (r.conflicts > 0)
            text += u' ' + tr("The conflicts wait under Conflicts for a verifier.");
        if (r.refused > 0)
            text += u' ' + tr("The refused changes are listed below with why.");
        m_result->setText(text);
        setNoticeTone(m_result, (r.conflicts == 0 && r.refused == 0) ? NoticeTone::Done
                                                                     : NoticeTone::Attention);
    }
    m_result->setVisible(true);
}

void FieldReturnsPanel::chooseAndImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a field return"), QString(),
                                                      tr("Field returns (*.dlireturn)") + u";;"_s +
                                                          tr("All files (*)"));
    if (path.isEmpty())
        return;
    const auto passphrase = PassphraseDialog::ask(
        this, PassphraseDialog::Mode::Open, tr("Import a field return"),
        tr("The passphrase %1 was sealed with:").arg(QFileInfo(path).fileName()));
    if (passphrase)
        (void)importReturn(path, *passphrase);
}

} // namespace dli::ui
