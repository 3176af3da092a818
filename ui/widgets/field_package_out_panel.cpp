#include "ui/widgets/field_package_out_panel.h"

#include "core/storage/session.h"
#include "core/workflow/samples.h"
#include "ui/dialogs/passphrase_dialog.h"
#include "ui/models/field_row_labels.h"
#include "ui/task_runner.h"
#include "ui/widgets/notice_label.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

constexpr int KeyData = Qt::UserRole;

QString counted(qint64 n, const QString& one, const QString& many)
{
    return n == 1 ? one : many.arg(n);
}

QSet<QString> checkedKeys(QTreeWidget* tree)
{
    QSet<QString> keys;
    for (QTreeWidgetItemIterator it(tree, QTreeWidgetItemIterator::Checked); *it; ++it)
        keys.insert((*it)->data(0, KeyData).toString());
    return keys;
}

QTreeWidgetItem* addCheckable(QTreeWidgetItem* parent, QTreeWidget* tree, const QString& text,
                              const QString& key, bool checked)
{
    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setData(0, KeyData, key);
    item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
    return item;
}

void addNote(QTreeWidget* tree, const QString& text)
{
    auto* item = new QTreeWidgetItem(tree);
    item->setText(0, text);
    item->setFlags(Qt::NoItemFlags);
}

QTreeWidget* newChecklist(const QString& name)
{
    auto* tree = new QTreeWidget;
    tree->setHeaderHidden(true);
    tree->setColumnCount(1);
    tree->setAccessibleName(name);
    tree->setUniformRowHeights(true);
    return tree;
}

} // namespace

FieldPackageOutPanel::FieldPackageOutPanel(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_ws(workspace)
{
    auto* intro = new QLabel(
        tr("Cut what a verifier's visit needs into one encrypted file for their laptop: the "
           "submitted figures of the org units you tick and the open samples you tick, with "
           "their firms, evidence and the program. Only the assignee can log in to it."));
    intro->setWordWrap(true);

    m_assignee = new QComboBox;
    m_assignee->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_assignee->setMinimumContentsLength(24);
    auto* assigneeLabel = new QLabel(tr("&Assignee:"));
    assigneeLabel->setBuddy(m_assignee);

    m_units = newChecklist(tr("Org units to take"));
    m_samples = newChecklist(tr("Open samples to take"));
    m_samples->setRootIsDecorated(false);
    auto* unitsLabel = new QLabel(tr("&Org units: their submitted figures and firms"));
    unitsLabel->setBuddy(m_units);
    auto* samplesLabel = new QLabel(tr("Open &samples: their figures and drawn rows"));
    samplesLabel->setBuddy(m_samples);

    auto* unitsColumn = new QVBoxLayout;
    unitsColumn->addWidget(unitsLabel);
    unitsColumn->addWidget(m_units, 1);
    auto* samplesColumn = new QVBoxLayout;
    samplesColumn->addWidget(samplesLabel);
    samplesColumn->addWidget(m_samples, 1);
    auto* lists = new QHBoxLayout;
    lists->addLayout(unitsColumn, 2);
    lists->addSpacing(12);
    lists->addLayout(samplesColumn, 3);

    m_summary = new QLabel;
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_make = new QPushButton(tr("&Make package..."));
    m_make->setAutoDefault(false);
    connect(m_make, &QPushButton::clicked, this, &FieldPackageOutPanel::chooseAndMake);

    m_result = newNoticeLabel(NoticeTone::Done);

    auto* top = new QHBoxLayout;
    top->addWidget(assigneeLabel);
    top->addWidget(m_assignee);
    top->addStretch(1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_make);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(4);
    layout->addLayout(top);
    layout->addLayout(lists, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_result);

    connect(m_units, &QTreeWidget::itemChanged, this, &FieldPackageOutPanel::updateState);
    connect(m_samples, &QTreeWidget::itemChanged, this, &FieldPackageOutPanel::updateState);
    connect(m_assignee, &QComboBox::currentIndexChanged, this, &FieldPackageOutPanel::updateState);

    setTabOrder(m_assignee, m_units);
    setTabOrder(m_units, m_samples);
    setTabOrder(m_samples, m_make);
}

void FieldPackageOutPanel::reload(const FieldRowLabels& labels)
{
    Session& session = m_ws.session();
    const QString assignee = m_assignee->currentData().toString();
    const QSet<QString> units = checkedKeys(m_units);
    const QSet<QString> samples = checkedKeys(m_samples);
    {
        const QSignalBlocker quiet(m_assignee);
        m_assignee->clear();
        for (const User& u : session.users().all().value_or({})) {
            if (u.disabled || !u.has(Role::Verifier))
                continue;
            const QString text =
                u.fullName.isEmpty() ? u.name : tr("%1 (%2)").arg(u.fullName, u.name);
            m_assignee->addItem(text, u.name);
        }
        if (m_assignee->count() == 0)
            m_assignee->addItem(tr("No enabled verifier"), QString());
        m_assignee->setCurrentIndex(std::max(0, m_assignee->findData(assignee)));
    }

    const QSignalBlocker quietUnits(m_units);
    m_units->clear();
    if (const Program* program = m_ws.program()) {
        QList<OrgUnit> clusters;
        QList<OrgUnit> centres;
        for (const OrgUnit& u : program->orgUnits) {
            if (u.kind == OrgUnitKind::Cluster)
                clusters.append(u);
            else if (u.kind == OrgUnitKind::Centre)
                centres.append(u);
        }
        QSet<QString> placed;
        auto add = [&](const OrgUnit& u, QTreeWidgetItem* parent) {
            const QString text = u.name.isEmpty() ? u.code : tr("%1 · %2").arg(u.code, u.name);
            QTreeWidgetItem* item =
                addCheckable(parent, m_units, text, u.code, units.contains(u.code));
            item->setToolTip(0, parent ? tr("A centre of %1").arg(u.parent)
                                       : tr("A cluster: its centres come with it"));
            placed.insert(u.code);
            return item;
        };
        for (const OrgUnit& c : clusters) {
            QTreeWidgetItem* cluster = add(c, nullptr);
            for (const OrgUnit& centre : centres) {
                if (centre.parent == c.code)
                    add(centre, cluster);
            }
        }
        for (const OrgUnit& centre : centres) {
            if (!placed.contains(centre.code))
                add(centre, nullptr);
        }
        m_units->expandAll();
    }
    if (m_units->topLevelItemCount() == 0)
        addNote(m_units, tr("The program has no clusters or centres yet."));

    const QSignalBlocker quietSamples(m_samples);
    m_samples->clear();
    if (const Program* program = m_ws.program()) {
        for (const Sample& s : Samples(session, *program).all().value_or({})) {
            if (s.state != u"open"_s)
                continue;
            const QString text = tr("%1, %2 drawn")
                                     .arg(labels.label(u"samples"_s, s.id),
                                          counted(s.size, tr("1 row"), tr("%1 rows")));
            addCheckable(nullptr, m_samples, text, s.id, samples.contains(s.id))
                ->setToolTip(0, tr("Sample %1, drawn by %2").arg(s.id.left(8), s.drawnBy));
        }
    }
    if (m_samples->topLevelItemCount() == 0)
        addNote(m_samples, tr("No sample is open. Samples are drawn on the Verification page."));
    updateState();
}

FieldPackage::Request FieldPackageOutPanel::request() const
{
    FieldPackage::Request r;
    r.assignee = m_assignee->currentData().toString();
    for (QTreeWidgetItemIterator it(m_units, QTreeWidgetItemIterator::Checked); *it; ++it)
        r.orgUnits << (*it)->data(0, KeyData).toString();
    for (QTreeWidgetItemIterator it(m_samples, QTreeWidgetItemIterator::Checked); *it; ++it)
        r.samples << (*it)->data(0, KeyData).toString();
    return r;
}

bool FieldPackageOutPanel::setChecked(const QString& key, bool checked)
{
    for (QTreeWidget* tree : {m_units, m_samples}) {
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            if (((*it)->flags() & Qt::ItemIsUserCheckable) && (*it)->data(0, KeyData) == key) {
                (*it)->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
                return true;
            }
        }
    }
    return false;
}

bool FieldPackageOutPanel::setAssignee(const QString& name)
{
    const int i = m_assignee->findData(name);
    if (i < 0)
        return false;
    m_assignee->setCurrentIndex(i);
    return true;
}

QString FieldPackageOutPanel::blockedReason() const
{
    return m_ws.roleReason({Role::Verifier, Role::Manager, Role::Admin});
}

void FieldPackageOutPanel::updateState()
{
    const FieldPackage::Request r = request();
    QStringList parts;
    if (!r.orgUnits.isEmpty())
        parts << counted(r.orgUnits.size(), tr("1 org unit"), tr("%1 org units"));
    if (!r.samples.isEmpty())
        parts << counted(r.samples.size(), tr("1 sample"), tr("%1 samples"));
    m_summary->setText(parts.isEmpty() ? tr("Tick the org units or samples the visit is for.")
                                       : tr("Ticked: %1.").arg(parts.join(tr(" and "))));
    QString why = blockedReason();
    if (why.isEmpty() && r.assignee.isEmpty())
        why = tr("No enabled verifier to send: add one under Settings");
    if (why.isEmpty() && parts.isEmpty())
        why = tr("Tick at least one org unit or sample first");
    const bool allowed = blockedReason().isEmpty();
    m_assignee->setEnabled(allowed);
    m_units->setEnabled(allowed);
    m_samples->setEnabled(allowed);
    m_make->setEnabled(why.isEmpty());
    m_make->setToolTip(why);
}

Result<PackageManifest> FieldPackageOutPanel::makePackage(const FieldPackage::Request& request,
                                                          const QString& path,
                                                          const QByteArray& passphrase)
{
    PackageManifest made;
    const SealedArchive::KeyCost cost = m_cost;
    const Status done = TaskRunner::run(
        this, m_ws, tr("Sealing the field package"),
        [&made, request, path, passphrase, cost](Session& s, TaskRunner::Progress&) {
            auto m = FieldPackage::make(s, request, path, passphrase, cost);
            if (!m)
                return Status(m.error());
            made = std::move(m).value();
            return Status();
        });
    if (!done) {
        m_ws.report(tr("The field package was not made"), done.error());
        return done.error();
    }
    m_result->setText(
        tr("Package %1 for %2 was written to %3. It holds %4. Give %2 the "
           "passphrase by another way than the file (a phone call, not the same "
           "e-mail).")
            .arg(made.packageId, made.assignee, QDir::toNativeSeparators(path), made.holds()));
    m_result->setVisible(true);
    return made;
}

void FieldPackageOutPanel::chooseAndMake()
{
    const FieldPackage::Request r = request();
    if (r.assignee.isEmpty())
        return;
    const auto passphrase = PassphraseDialog::ask(
        this, PassphraseDialog::Mode::Seal, tr("Seal the field package"),
        tr("Choose a passphrase for the package of %1; they type it to open the package on "
           "their laptop.")
            .arg(r.assignee));
    if (!passphrase)
        return;
    const QString suggested =
        u"%1-%2.dlipkg"_s.arg(r.assignee, m_ws.session().options().now().toString(u"yyyyMMdd"_s));
    // Core refuses to replace a file, and says so: no question about replacing here.
    QString path = QFileDialog::getSaveFileName(this, tr("Save the field package as"), suggested,
                                                tr("Field packages (*.dlipkg)"), nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".dlipkg"_s;
    (void)makePackage(r, path, *passphrase);
}

} // namespace dli::ui
