#include "ui/pages/field_page.h"

#include "core/storage/session.h"
#include "ui/widgets/field_conflicts_panel.h"
#include "ui/widgets/field_copy_panel.h"
#include "ui/widgets/field_package_out_panel.h"
#include "ui/widgets/field_returns_panel.h"
#include "ui/workspace.h"

#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

FieldPage::FieldPage(Workspace& workspace, QWidget* parent) : Page(workspace, parent)
{
    Session& session = workspace.session();
    if (auto of = FieldPackage::of(session); of && of.value())
        m_package = *of.value();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    if (m_package) {
        m_copy = new FieldCopyPanel(workspace, *m_package);
        layout->addWidget(m_copy, 1);
    } else {
        m_out = new FieldPackageOutPanel(workspace);
        m_returns = new FieldReturnsPanel(workspace);
        m_conflicts = new FieldConflictsPanel(workspace);
        m_tabs = new QTabWidget;
        m_tabs->setDocumentMode(true);
        m_tabs->addTab(m_out, QString());
        m_tabs->addTab(m_returns, QString());
        m_tabs->addTab(m_conflicts, QString());
        layout->addWidget(m_tabs, 1);
        connect(m_returns, &FieldReturnsPanel::imported, this, &FieldPage::refresh);
        connect(m_conflicts, &FieldConflictsPanel::resolved, this, [this] {
            m_returns->reload(m_labels);
            updateTabTitles();
        });
        // Samples close and figures are decided elsewhere; accounts change under Settings.
        connect(&session.notifier(), &ChangeNotifier::observationsChanged, this,
                &FieldPage::storeChanged);
        connect(&session.notifier(), &ChangeNotifier::programChanged, this,
                &FieldPage::storeChanged);
        connect(workspace.undoStack(), &QUndoStack::indexChanged, this, &FieldPage::storeChanged);
        refresh();
    }
}

void FieldPage::refresh()
{
    m_stale = false;
    if (m_package)
        return;
    m_labels.load(m_ws.session(), m_ws.program());
    m_out->reload(m_labels);
    m_returns->reload(m_labels);
    m_conflicts->reload(m_labels);
    updateTabTitles();
}

void FieldPage::storeChanged()
{
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void FieldPage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    if (m_stale)
        refresh();
    else if (m_out) {
        // The role may be another one since (a test acts as another account).
        m_out->updateState();
        m_returns->updateState();
        m_conflicts->updateState();
    }
}

void FieldPage::updateTabTitles()
{
    if (!m_tabs)
        return;
    m_tabs->setTabText(0, tr("&Package out"));
    m_tabs->setTabText(1, tr("&Returns in"));
    const int open = m_conflicts->openCount();
    m_tabs->setTabText(2, open > 0 ? tr("&Conflicts (%1)").arg(open) : tr("&Conflicts"));
    m_tabs->setTabToolTip(0, tr("Make a package for a verifier's visit"));
    m_tabs->setTabToolTip(1, tr("Import the returns the verifiers bring back"));
    m_tabs->setTabToolTip(2, open == 1  ? tr("1 conflict waits for a verifier")
                             : open > 1 ? tr("%1 conflicts wait for a verifier").arg(open)
                                        : tr("No conflict waits"));
}

void FieldPage::focusFind()
{
    if (!m_tabs)
        return;
    if (m_tabs->currentWidget() == m_returns)
        m_returns->focusFind();
    else if (m_tabs->currentWidget() == m_conflicts)
        m_conflicts->focusFind();
}

void FieldPage::showItem(const QString& item)
{
    if (!m_tabs || item.isEmpty())
        return;
    if (m_stale)
        refresh();
    if (m_conflicts->showConflict(item)) {
        m_tabs->setCurrentWidget(m_conflicts);
        return;
    }
    m_returns->showImport(item);
    m_tabs->setCurrentWidget(m_returns);
}

Error FieldPage::fieldCopyError() const
{
    return Error(ErrorCode::Usage, tr("this is a field copy: packages are made and returns "
                                      "imported at the office"));
}

Error FieldPage::officeError() const
{
    return Error(ErrorCode::Usage, tr("this is the office database: returns are made on the "
                                      "laptop, in the field copy of a package"));
}

Result<PackageManifest> FieldPage::makePackage(const FieldPackage::Request& request,
                                               const QString& path, const QByteArray& passphrase)
{
    if (!m_out)
        return fieldCopyError();
    auto made = m_out->makePackage(request, path, passphrase);
    if (made)
        refresh();
    return made;
}

Result<FieldImportReport> FieldPage::importReturn(const QString& path, const QByteArray& passphrase)
{
    if (!m_returns)
        return fieldCopyError();
    m_tabs->setCurrentWidget(m_returns);
    return m_returns->importReturn(path, passphrase);
}

Result<FieldConflict> FieldPage::resolveConflict(const QString& conflictId, QStringView keep)
{
    if (!m_conflicts)
        return fieldCopyError();
    return m_conflicts->resolve(conflictId, keep);
}

Result<ReturnManifest> FieldPage::makeReturn(const QString& path, const QByteArray& passphrase)
{
    if (!m_copy)
        return officeError();
    return m_copy->makeReturn(path, passphrase);
}

void FieldPage::setKeyCost(SealedArchive::KeyCost cost)
{
    if (m_out)
        m_out->setKeyCost(cost);
    if (m_copy)
        m_copy->setKeyCost(cost);
}

} // namespace dli::ui
