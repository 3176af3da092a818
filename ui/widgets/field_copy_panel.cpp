#include "ui/widgets/field_copy_panel.h"

#include "core/storage/session.h"
#include "ui/dialogs/passphrase_dialog.h"
#include "ui/task_runner.h"
#include "ui/widgets/notice_label.h"
#include "ui/workspace.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

QString counted(qint64 n, const QString& one, const QString& many)
{
    return n == 1 ? one : many.arg(n);
}

QLabel* value(const QString& text)
{
    auto* label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    // Short values, unwrapped: a wrapping label in a form is sized a line short.
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

FieldCopyPanel::FieldCopyPanel(Workspace& workspace, const PackageManifest& package,
                               QWidget* parent)
    : QWidget(parent), m_ws(workspace), m_manifest(package)
{
    QLabel* note = newNoticeLabel(NoticeTone::Attention);
    note->setText(tr("This is a field copy: returns are imported at the office. Work here "
                     "offline, then make a return and take it back."));
    note->setVisible(true);

    auto* heading = new QLabel(tr("The package"));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);

    m_package = value(package.packageId);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeading);
    form->addRow(tr("Package:"), m_package);
    form->addRow(tr("For:"), value(package.assignee));
    form->addRow(tr("Made by:"), value(tr("%1 on %2")
                                           .arg(package.createdBy,
                                                QChar(0x200E) + package.createdAt.toUTC().toString(
                                                                    u"yyyy-MM-dd HH:mm 'UTC'"_s))));
    form->addRow(tr("It holds:"), value(package.holds()));
    if (!package.orgUnits.isEmpty())
        form->addRow(tr("Org units:"), value(package.orgUnits.join(u", "_s)));
    form->addRow(tr("Office database:"), value(package.sourceDatabaseId));

    auto* explain = new QLabel(
        tr("A return holds what changed here since the package was opened: verification "
           "decisions, sample outcomes and evidence, with this copy's audit entries. It is "
           "sealed with a passphrase; give it to the office by another way than the file. You "
           "may make a return more than once: the office takes each change once."));
    explain->setWordWrap(true);
    m_make = new QPushButton(tr("&Make return..."));
    m_make->setAutoDefault(false);
    connect(m_make, &QPushButton::clicked, this, &FieldCopyPanel::chooseAndMake);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_make);
    buttons->addStretch(1);

    m_result = newNoticeLabel(NoticeTone::Done);

    auto* column = new QVBoxLayout;
    column->addWidget(note);
    column->addSpacing(8);
    column->addWidget(heading);
    column->addLayout(form);
    column->addSpacing(12);
    column->addWidget(explain);
    column->addLayout(buttons);
    column->addWidget(m_result);
    column->addStretch(1);
    // A readable line length on a wide window.
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(column, 3);
    layout->addStretch(1);
}

Result<ReturnManifest> FieldCopyPanel::makeReturn(const QString& path, const QByteArray& passphrase)
{
    ReturnManifest made;
    const SealedArchive::KeyCost cost = m_cost;
    const Status done =
        TaskRunner::run(this, m_ws, tr("Sealing the return"),
                        [&made, path, passphrase, cost](Session& s, TaskRunner::Progress&) {
                            auto m = FieldReturn::make(s, path, passphrase, cost);
                            if (!m)
                                return Status(m.error());
                            made = std::move(m).value();
                            return Status();
                        });
    if (!done) {
        m_ws.report(tr("The return was not made"), done.error());
        return done.error();
    }
    m_result->setText(
        tr("The return was written to %1: %2 and %3 of this copy's audit log. Take it to the "
           "office, which imports it on its Field packages page.")
            .arg(QDir::toNativeSeparators(path),
                 counted(made.changes, tr("1 changed row"), tr("%1 changed rows")),
                 counted(made.fieldAuditEntries, tr("1 entry"), tr("%1 entries"))));
    m_result->setVisible(true);
    return made;
}

void FieldCopyPanel::chooseAndMake()
{
    const auto passphrase = PassphraseDialog::ask(
        this, PassphraseDialog::Mode::Seal, tr("Seal the return"),
        tr("Choose a passphrase for the return; the office types it to import the return."));
    if (!passphrase)
        return;
    const QString suggested =
        QFileInfo(m_ws.session().path()).absolutePath() + u'/' +
        u"%1-return-%2.dlireturn"_s.arg(
            m_manifest.assignee, m_ws.session().options().now().toString(u"yyyyMMdd-HHmm"_s));
    // Core refuses to replace a file, and says so: no question about replacing here.
    QString path = QFileDialog::getSaveFileName(this, tr("Save the return as"), suggested,
                                                tr("Field returns (*.dlireturn)"), nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".dlireturn"_s;
    (void)makeReturn(path, *passphrase);
}

} // namespace dli::ui
