#include "ui/pages/data_page.h"

#include "core/model/verification.h"
#include "core/storage/session.h"
#include "core/workflow/workflow.h"
#include "ui/dialogs/correction_dialog.h"
#include "ui/dialogs/import_wizard.h"
#include "ui/models/observation_table_model.h"
#include "ui/models/register_table_model.h"
#include "ui/models/roles.h"
#include "ui/widgets/data_file_drop.h"
#include "ui/widgets/filtered_table.h"
#include "ui/widgets/observation_evidence_panel.h"
#include "ui/widgets/observation_form.h"
#include "ui/widgets/register_view.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
namespace State = dli::ObservationState;

namespace dli::ui {

namespace {

QComboBox* filterBox(int contents)
{
    auto* box = new QComboBox;
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(contents);
    return box;
}

QLabel* captionFor(const QString& text, QWidget* buddy)
{
    auto* label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

} // namespace

DataPage::DataPage(Workspace& workspace, QWidget* parent) : Page(workspace, parent)
{
    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(makeObservationsTab(), tr("Observations"));
    for (ImportKind kind :
         {ImportKind::Firms, ImportKind::Services, ImportKind::Trainees, ImportKind::Exports}) {
        auto* view = new RegisterView(workspace, kind);
        m_registers.insert(kind, view);
        m_tabs->addTab(view, RegisterFields::spec(kind).title);
    }
    m_import = new QPushButton(tr("Import &data..."));
    m_import->setToolTip(tr("Import a CSV or XLSX file of observations or register rows"));
    m_tabs->setCornerWidget(m_import, Qt::TopRightCorner);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);

    m_presentWizard = [](ImportWizard& wizard) {
        wizard.exec();
    };
    connect(m_import, &QPushButton::clicked, this, &DataPage::openImportWizard);
    connect(&workspace, &Workspace::programReloaded, this, [this] {
        m_model->setProgram(m_ws.program());
        m_form->reloadProgram();
        fillFilters();
        reloadObservations();
    });
    ChangeNotifier& notifier = workspace.session().notifier();
    connect(&notifier, &ChangeNotifier::observationsChanged, this, &DataPage::reloadObservations);
    connect(&notifier, &ChangeNotifier::evidenceChanged, this, [this] {
        reloadObservations();
        m_evidence->reload();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &DataPage::updateActions);

    m_model->setProgram(workspace.program());
    fillFilters();
    updateActions();
    // The observations are read when the page is first shown (every page is built at login).
}

void DataPage::showEvent(QShowEvent* event)
{
    ensureLoaded();
    Page::showEvent(event);
}

void DataPage::ensureLoaded()
{
    if (!m_loaded)
        reloadObservations();
}

QWidget* DataPage::makeObservationsTab()
{
    m_periodFilter = filterBox(10);
    m_indicatorFilter = filterBox(16);
    m_unitFilter = filterBox(14);
    m_stateFilter = filterBox(9);
    auto* filters = new QHBoxLayout;
    filters->addWidget(captionFor(tr("Peri&od:"), m_periodFilter));
    filters->addWidget(m_periodFilter, 1);
    filters->addSpacing(8);
    filters->addWidget(captionFor(tr("Indi&cator:"), m_indicatorFilter));
    filters->addWidget(m_indicatorFilter, 2);
    filters->addSpacing(8);
    filters->addWidget(captionFor(tr("Org uni&t:"), m_unitFilter));
    filters->addWidget(m_unitFilter, 2);
    filters->addSpacing(8);
    filters->addWidget(captionFor(tr("Stat&e:"), m_stateFilter));
    filters->addWidget(m_stateFilter, 1);

    m_model = new ObservationTableModel(m_ws.session(), this);
    m_table = new FilteredTable;
    m_table->setModel(m_model);
    m_table->view()->setAccessibleName(tr("Observations"));
    m_table->view()->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEmptyText(tr("No observation matches the filters above. Enter one in the form, "
                             "or import a file with Import data..."));
    m_table->setFilterPlaceholder(tr("Filter the observations (Ctrl+F)"));

    m_new = new QPushButton(tr("Ne&w observation"));
    m_amend = new QPushButton(tr("A&mend selected"));
    m_submit = new QPushButton(tr("Su&bmit selected"));
    m_correct = new QPushButton(tr("C&orrect verified..."));
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_new);
    actions->addWidget(m_amend);
    actions->addWidget(m_submit);
    actions->addWidget(m_correct);
    actions->addWidget(m_status, 1);

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(actions);

    m_form = new ObservationForm(m_ws);
    auto* formBox = new QGroupBox(tr("Entry"));
    auto* formLayout = new QVBoxLayout(formBox);
    formLayout->addWidget(m_form);
    m_evidence = new ObservationEvidencePanel(m_ws);
    auto* evidenceBox = new QGroupBox(tr("Evidence"));
    auto* evidenceLayout = new QVBoxLayout(evidenceBox);
    evidenceLayout->addWidget(m_evidence);
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(formBox);
    rightLayout->addWidget(evidenceBox, 1);
    right->setMinimumWidth(370);

    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({3000, 1000}); // proportions: the grid three quarters, the panel one
    split->setChildrenCollapsible(false);

    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    for (QComboBox* box : {m_periodFilter, m_indicatorFilter, m_unitFilter, m_stateFilter})
        connect(box, &QComboBox::currentIndexChanged, this, &DataPage::applyFilters);
    connect(m_table, &FilteredTable::currentSourceChanged, this, &DataPage::selectionChanged);
    connect(m_table->view()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DataPage::updateActions);
    connect(m_new, &QPushButton::clicked, this, [this] {
        m_form->startNew();
        m_form->field(u"indicator"_s)->setFocus();
    });
    connect(m_amend, &QPushButton::clicked, this, [this] { (void)amendSelected(); });
    connect(m_submit, &QPushButton::clicked, this, [this] { (void)submitSelected(); });
    connect(m_correct, &QPushButton::clicked, this, [this] { (void)correctSelected(); });
    connect(m_form, &ObservationForm::saved, this, [this](const QString& id) {
        selectObservation(id);
        m_status->setText(tr("Saved. Edit > Undo takes it back."));
    });
    connect(m_evidence, &ObservationEvidencePanel::attached, this, [this] { updateActions(); });

    // Files dropped on a row are attached to that row's observation.
    auto* drop = new DataFileDrop(m_table->view()->viewport());
    drop->setAcceptor([this](const QPoint& pos) {
        return m_ws.hasRole({Role::Officer, Role::Verifier}) &&
               m_table->view()->indexAt(pos).isValid();
    });
    connect(drop, &DataFileDrop::filesDropped, this,
            [this](const QStringList& paths, const QPoint& pos) {
                const QModelIndex at = m_table->view()->indexAt(pos);
                (void)attachToRow(paths, m_table->proxy()->mapToSource(at).row());
            });

    setTabOrder(m_periodFilter, m_indicatorFilter);
    setTabOrder(m_indicatorFilter, m_unitFilter);
    setTabOrder(m_unitFilter, m_stateFilter);
    setTabOrder(m_stateFilter, m_table->filterEdit());
    setTabOrder(m_table->filterEdit(), m_table->view());
    setTabOrder(m_table->view(), m_new);
    setTabOrder(m_new, m_amend);
    setTabOrder(m_amend, m_submit);
    setTabOrder(m_submit, m_correct);
    return tab;
}

void DataPage::fillFilters()
{
    const Program* p = m_ws.program();
    QSignalBlocker a(m_periodFilter), b(m_indicatorFilter), c(m_unitFilter), d(m_stateFilter);
    const QVariant period = m_periodFilter->currentData();
    const QVariant indicator = m_indicatorFilter->currentData();
    const QVariant unit = m_unitFilter->currentData();
    const QVariant state = m_stateFilter->currentData();
    for (QComboBox* box : {m_periodFilter, m_indicatorFilter, m_unitFilter, m_stateFilter})
        box->clear();
    m_periodFilter->addItem(tr("All periods"), QString());
    m_indicatorFilter->addItem(tr("All indicators"), QString());
    m_unitFilter->addItem(tr("All org units"), QString());
    m_stateFilter->addItem(tr("All states"), QString());
    if (p) {
        for (int fy = p->firstYear().fiscalYear(); fy <= p->lastYear().fiscalYear(); ++fy) {
            const Period year = Period::year(fy);
            m_periodFilter->addItem(tr("%1 (%2) and its quarters")
                                        .arg(year.code(), year.label(p->fiscalYearStartMonth)),
                                    year.code());
            for (const Period& q : year.quarters())
                m_periodFilter->addItem(u"    "_s + q.code(), q.code());
        }
        for (const Indicator& x : p->indicators) {
            m_indicatorFilter->addItem(x.code + u" \u2014 "_s + x.title, x.code);
            m_indicatorFilter->setItemData(m_indicatorFilter->count() - 1, x.title,
                                           Qt::ToolTipRole);
        }
        // The tree of units, each indented under its parent; a unit keeps the ones below it.
        std::function<void(const QString&, int)> addUnits = [&](const QString& parent, int depth) {
            for (const OrgUnit& u : p->orgUnits) {
                if (u.parent != parent)
                    continue;
                m_unitFilter->addItem(QString(depth * 4, u' ') + u.code + u" \u2014 "_s + u.name,
                                      u.code);
                m_unitFilter->setItemData(m_unitFilter->count() - 1, u.name, Qt::ToolTipRole);
                addUnits(u.code, depth + 1);
            }
        };
        addUnits(QString(), 0);
    }
    for (const QString& s : {State::Draft, State::Submitted, State::Queried, State::Verified,
                             State::Rejected, State::Superseded})
        m_stateFilter->addItem(ObservationTableModel::stateLabel(s), s);
    const auto restore = [](QComboBox* box, const QVariant& value) {
        box->setCurrentIndex(std::max(0, box->findData(value)));
    };
    restore(m_periodFilter, period);
    restore(m_indicatorFilter, indicator);
    restore(m_unitFilter, unit);
    restore(m_stateFilter, state);
    applyFilters();
}

void DataPage::applyFilters()
{
    ObservationTableModel::Filter f;
    const Program* p = m_ws.program();
    const QString period = m_periodFilter->currentData().toString();
    if (!period.isEmpty())
        if (auto parsed = Period::parse(period, p ? p->fiscalYearStartMonth : 7))
            f.period = parsed.value();
    f.indicator = m_indicatorFilter->currentData().toString();
    f.orgUnit = m_unitFilter->currentData().toString();
    f.state = m_stateFilter->currentData().toString();
    if (f == m_model->filter() && m_model->rowCount() > 0)
        return;
    const QStringList selected = selectedIds();
    m_model->setFilter(f);
    if (!selected.isEmpty())
        selectObservation(selected.constFirst());
    selectionChanged();
}

void DataPage::reloadObservations()
{
    m_loaded = true;
    const bool first = m_model->rowCount() == 0;
    if (Status loaded = m_model->reload(); !loaded)
        m_ws.report(tr("Cannot read the observations"), loaded.error());
    if (first && m_model->rowCount() > 0) {
        QTableView* view = m_table->view();
        view->resizeColumnsToContents();
        // The source and note take the room that is left (the last column stretches), never
        // more: a long note would push the grid wider than the window.
        view->setColumnWidth(ObservationTableModel::SourceColumn,
                             view->horizontalHeader()->minimumSectionSize());
    }
    selectionChanged();
}

QStringList DataPage::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_table->view()->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        const QModelIndex source = m_table->proxy()->mapToSource(index);
        if (const Observation* o = m_model->observation(source.row()))
            ids << o->id;
    }
    return ids;
}

void DataPage::selectObservation(const QString& id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectSourceRow(row);
}

void DataPage::selectionChanged()
{
    const Observation* o = m_model->observation(m_table->currentSourceIndex().row());
    const QString id = o ? o->id : QString();
    if (id != m_evidence->observationId() || !o)
        m_evidence->setObservation(
            id, o ? QStringList{o->indicator, o->period.code(), o->orgUnit, o->category}
                        .filter(QRegularExpression(u"."_s))
                        .join(u", "_s)
                  : QString());
    updateActions();
}

void DataPage::updateActions()
{
    const QString officer = m_ws.roleReason({Role::Officer});
    QList<const Observation*> chosen;
    for (const QString& id : selectedIds()) {
        if (const Observation* o = m_model->observation(m_model->rowOf(id)))
            chosen << o;
    }
    const auto open = [](const Observation* o) {
        return o->state == State::Draft || o->state == State::Queried;
    };
    m_new->setEnabled(officer.isEmpty());
    m_new->setToolTip(officer.isEmpty() ? tr("Clear the form for a new observation") : officer);

    QString amendWhy = officer;
    if (amendWhy.isEmpty() && chosen.size() != 1)
        amendWhy = tr("Select one observation to amend");
    else if (amendWhy.isEmpty() && !open(chosen.constFirst()))
        amendWhy = tr("Only a draft or a queried observation can be amended; a verified one is "
                      "frozen and is corrected by a replacement");
    m_amend->setEnabled(amendWhy.isEmpty());
    m_amend->setToolTip(amendWhy.isEmpty() ? tr("Correct the value or the note in the form")
                                           : amendWhy);

    QString submitWhy = officer;
    if (submitWhy.isEmpty() && chosen.isEmpty())
        submitWhy = tr("Select the observations to submit");
    else if (submitWhy.isEmpty() && std::none_of(chosen.cbegin(), chosen.cend(), open))
        submitWhy = tr("Only draft and queried observations are submitted");
    m_submit->setEnabled(submitWhy.isEmpty());
    m_submit->setToolTip(submitWhy.isEmpty() ? tr("Send the selected observations for verification")
                                             : submitWhy);

    QString correctWhy = officer;
    if (correctWhy.isEmpty() && chosen.size() != 1)
        correctWhy = tr("Select one verified observation to correct");
    else if (correctWhy.isEmpty() && chosen.constFirst()->state != State::Verified &&
             chosen.constFirst()->state != State::Rejected)
        correctWhy = tr("Only a verified or rejected figure is corrected by a replacement; amend "
                        "a draft or queried one");
    else if (correctWhy.isEmpty() && !chosen.constFirst()->replacedBy.isEmpty())
        correctWhy = tr("This figure already has a replacement");
    m_correct->setEnabled(correctWhy.isEmpty());
    m_correct->setToolTip(correctWhy.isEmpty()
                              ? tr("Correct a verified figure with a replacement that is "
                                   "verified again")
                              : correctWhy);

    const QString importWhy = m_ws.roleReason({Role::Officer});
    m_import->setEnabled(importWhy.isEmpty() && m_ws.program());
    m_import->setToolTip(importWhy.isEmpty()
                             ? tr("Import a CSV or XLSX file of observations or register rows")
                             : importWhy);
}

bool DataPage::correctSelected()
{
    const Program* p = m_ws.program();
    const QStringList ids = selectedIds();
    if (!p || ids.size() != 1)
        return false;
    const Observation* o = m_model->observation(m_model->rowOf(ids.constFirst()));
    if (!o)
        return false;
    const Observation original = *o;
    CorrectionDialog dialog(original, this);
    const bool accepted =
        m_presentCorrection ? m_presentCorrection(dialog) : dialog.exec() == QDialog::Accepted;
    const auto value = dialog.value();
    if (!accepted || !value)
        return false;
    auto replacement = Workflow(m_ws.session(), *p).supersede(original.id, *value, dialog.reason());
    if (!replacement) {
        m_ws.report(tr("The figure was not corrected"), replacement.error());
        return false;
    }
    reloadObservations();
    selectObservation(replacement.value());
    m_status->setText(tr("Created the replacement of %1 as a draft: attach its evidence and "
                         "submit it for verification.")
                          .arg(original.id));
    return true;
}

bool DataPage::submitSelected()
{
    const Program* p = m_ws.program();
    if (!p || !m_ws.hasRole({Role::Officer}))
        return false;
    Workflow workflow(m_ws.session(), *p);
    QStringList done;
    QStringList refused;
    Error first;
    for (const QString& id : selectedIds()) {
        const Observation* o = m_model->observation(m_model->rowOf(id));
        if (!o || (o->state != State::Draft && o->state != State::Queried))
            continue;
        if (Status s = workflow.submit(id); s) {
            done << id;
        } else {
            if (refused.isEmpty())
                first = s.error();
            refused << s.error().text();
        }
    }
    if (refused.size() == 1 && done.isEmpty()) {
        m_ws.report(tr("The observation was not submitted"), first);
    } else if (!refused.isEmpty()) {
        Error e(first.code, tr("%1 of %2 observations were not submitted")
                                .arg(refused.size())
                                .arg(refused.size() + done.size()));
        e.details = refused;
        m_ws.report(tr("Some observations were not submitted"), e);
    }
    m_status->setText(done.isEmpty()
                          ? QString()
                          : (done.size() == 1 ? tr("Submitted 1 observation for verification.")
                                              : tr("Submitted %1 observations for "
                                                   "verification.")
                                                    .arg(done.size())));
    updateActions();
    return refused.isEmpty() && !done.isEmpty();
}

bool DataPage::amendSelected()
{
    const QStringList ids = selectedIds();
    if (ids.size() != 1 || !m_ws.hasRole({Role::Officer}))
        return false;
    const Observation* o = m_model->observation(m_model->rowOf(ids.constFirst()));
    if (!o || (o->state != State::Draft && o->state != State::Queried))
        return false;
    m_form->startAmend(*o);
    return true;
}

bool DataPage::attachToRow(const QStringList& paths, int row)
{
    const Observation* o = m_model->observation(row);
    if (!o)
        return false;
    const QString id = o->id;
    m_table->selectSourceRow(row);
    return m_evidence->attach(paths, id);
}

void DataPage::openImportWizard()
{
    if (!m_ws.program())
        return;
    ImportKind kind = ImportKind::Observations;
    for (auto it = m_registers.cbegin(); it != m_registers.cend(); ++it) {
        if (m_tabs->currentWidget() == it.value())
            kind = it.key();
    }
    ImportWizard wizard(m_ws, kind, window());
    connect(&wizard, &ImportWizard::imported, this, [this](ImportKind imported) {
        if (RegisterView* view = m_registers.value(imported))
            view->reload();
        if (imported == ImportKind::Firms) {
            for (RegisterView* view : std::as_const(m_registers))
                view->reload();
        }
        reloadObservations();
    });
    m_presentWizard(wizard);
}

void DataPage::refresh()
{
    reloadObservations();
    m_evidence->reload();
    for (RegisterView* view : std::as_const(m_registers))
        view->reload();
}

void DataPage::focusFind()
{
    if (auto* view = qobject_cast<RegisterView*>(m_tabs->currentWidget()))
        view->table()->focusFilter();
    else
        m_table->focusFilter();
}

void DataPage::showItem(const QString& item)
{
    ensureLoaded();
    m_tabs->setCurrentIndex(0);
    if (m_model->rowOf(item) < 0) {
        for (QComboBox* box : {m_periodFilter, m_indicatorFilter, m_unitFilter, m_stateFilter}) {
            QSignalBlocker block(box);
            box->setCurrentIndex(0);
        }
        applyFilters();
        m_table->filterEdit()->clear();
    }
    selectObservation(item);
}

} // namespace dli::ui
