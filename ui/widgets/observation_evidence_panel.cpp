#include "ui/widgets/observation_evidence_panel.h"

#include "core/auth/user.h"
#include "core/io/evidence_service.h"
#include "core/storage/session.h"
#include "ui/models/observation_evidence_model.h"
#include "ui/widgets/data_file_drop.h"
#include "ui/widgets/filtered_table.h"
#include "ui/workspace.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

ObservationEvidencePanel::ObservationEvidencePanel(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_ws(workspace)
{
    m_caption = new QLabel;
    m_caption->setWordWrap(true);
    QFont bold = m_caption->font();
    bold.setBold(true);
    m_caption->setFont(bold);

    m_model = new ObservationEvidenceModel(workspace.session(), this);
    m_table = new FilteredTable;
    m_table->setModel(m_model);
    m_table->setFilterPlaceholder(tr("Filter files"));
    m_table->filterEdit()->setAccessibleName(tr("Filter the evidence files"));
    m_table->view()->setAccessibleName(tr("Evidence files"));
    m_table->setEmptyText(tr("Select an observation to see its evidence."));
    // The panel is narrow: the file's name takes the room, its type shows in its tooltip.
    QHeaderView* header = m_table->view()->horizontalHeader();
    m_table->view()->setColumnHidden(ObservationEvidenceModel::TypeColumn, true);
    m_table->view()->setColumnHidden(ObservationEvidenceModel::AttachedByColumn, true);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ObservationEvidenceModel::FileColumn, QHeaderView::Stretch);
    for (int c : {ObservationEvidenceModel::SizeColumn, ObservationEvidenceModel::AttachedAtColumn,
                  ObservationEvidenceModel::FindingsColumn})
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    m_attach = new QPushButton(tr("Attach &files..."));
    m_open = new QPushButton(tr("&Open file"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_attach);
    buttons->addWidget(m_open);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    m_opener = [](const QUrl& url) {
        return QDesktopServices::openUrl(url);
    };
    m_chooser = [](QWidget* owner) {
        return QFileDialog::getOpenFileNames(owner, tr("Attach evidence"), QDir::homePath(),
                                             tr("Documents and images (*.pdf *.jpg *.jpeg *.png "
                                                "*.xlsx *.docx *.csv);;All files (*)"));
    };

    connect(m_attach, &QPushButton::clicked, this, &ObservationEvidencePanel::chooseAndAttach);
    connect(m_open, &QPushButton::clicked, this,
            [this] { (void)open(m_table->currentSourceIndex().row()); });
    connect(m_table, &FilteredTable::sourceActivated, this,
            [this](const QModelIndex& index) { (void)open(index.row()); });
    connect(m_table, &FilteredTable::currentSourceChanged, this,
            &ObservationEvidencePanel::updateButtons);
    auto* drop = new DataFileDrop(m_table->view()->viewport());
    connect(drop, &DataFileDrop::filesDropped, this,
            [this](const QStringList& paths) { (void)attach(paths); });
    setObservation({}, {});
}

ObservationEvidencePanel::~ObservationEvidencePanel() = default;

void ObservationEvidencePanel::setObservation(const QString& id, const QString& label)
{
    m_id = id;
    m_caption->setText(id.isEmpty() ? tr("Evidence") : tr("Evidence of %1").arg(label));
    m_table->setEmptyText(id.isEmpty()
                              ? tr("Select an observation to see its evidence.")
                              : tr("No files yet. Attach them with the button below, or drop "
                                   "them here or on the observation's row."));
    reload();
}

void ObservationEvidencePanel::reload()
{
    if (Status listed = m_model->setObservation(m_id); !listed)
        m_ws.report(tr("Cannot list the evidence"), listed.error());
    // The panel is narrow: the photo findings' column shows when a file was judged in the field.
    bool judged = false;
    for (int r = 0; r < m_model->rowCount() && !judged; ++r)
        judged = m_model->evidence(r)->findings.has_value();
    m_table->view()->setColumnHidden(ObservationEvidenceModel::FindingsColumn, !judged);
    updateButtons();
}

void ObservationEvidencePanel::updateButtons()
{
    const QString why = m_ws.roleReason({Role::Officer, Role::Verifier});
    m_attach->setEnabled(!m_id.isEmpty() && why.isEmpty());
    m_attach->setToolTip(!why.isEmpty()   ? why
                         : m_id.isEmpty() ? tr("Select an observation first")
                                          : tr("Attach files to the selected observation; you "
                                               "can also drop files on its row"));
    const bool chosen = m_model->evidence(m_table->currentSourceIndex().row()) != nullptr;
    m_open->setEnabled(chosen);
    m_open->setToolTip(chosen ? tr("Open the file with the program your computer uses for it")
                              : tr("Select a file first"));
}

bool ObservationEvidencePanel::attach(const QStringList& paths, const QString& id)
{
    const QString target = id.isEmpty() ? m_id : id;
    if (target.isEmpty() || paths.isEmpty())
        return false;
    auto done =
        EvidenceService::attachFiles(m_ws.session(), Evidence::Target::Observation, target, paths);
    if (!done) {
        m_ws.report(tr("The files were not attached"), done.error());
        return false;
    }
    if (target == m_id)
        reload();
    emit attached(target);
    return true;
}

void ObservationEvidencePanel::chooseAndAttach()
{
    if (m_id.isEmpty())
        return;
    const QStringList paths = m_chooser(this);
    if (!paths.isEmpty())
        (void)attach(paths);
}

bool ObservationEvidencePanel::open(int row)
{
    const Evidence* e = m_model->evidence(row);
    if (!e)
        return false;
    if (!m_exports)
        m_exports = std::make_unique<QTemporaryDir>();
    // A folder per opening: the viewer may still hold an earlier copy open.
    const QString folder = m_exports->filePath(QString::number(++m_exported));
    QDir().mkpath(folder);
    const QString path = folder + u'/' + QFileInfo(e->fileName).fileName();
    auto written = EvidenceService::exportTo(m_ws.session(), e->id, path);
    if (!written) {
        m_ws.report(tr("Cannot open %1").arg(e->fileName), written.error());
        return false;
    }
    if (!m_opener(QUrl::fromLocalFile(path))) {
        m_ws.report(tr("Cannot open %1").arg(e->fileName),
                    Error(ErrorCode::Io,
                          tr("no program on this computer opens this kind of file; it was saved "
                             "as %1")
                              .arg(QDir::toNativeSeparators(path))));
        return false;
    }
    return true;
}

} // namespace dli::ui
