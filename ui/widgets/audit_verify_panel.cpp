#include "ui/widgets/audit_verify_panel.h"

#include "core/storage/session.h"
#include "ui/task_runner.h"
#include "ui/workspace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

AuditVerifyPanel::AuditVerifyPanel(Workspace& workspace, QWidget* parent)
    : QFrame(parent), m_ws(workspace)
{
    m_button = new QPushButton(tr("&Verify integrity"));
    m_button->setToolTip(tr("Checks the hash chain of the log and every audited row against it, "
                            "as `dlitracker-cli audit verify` does"));
    connect(m_button, &QPushButton::clicked, this, [this] { (void)verify(); });

    m_summary = new QLabel(tr("Verify integrity checks that nothing in this database was changed "
                              "outside DLI Tracker: no entry edited, deleted or reordered, no "
                              "row changed behind the log's back."));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setTextFormat(Qt::RichText);

    m_list = new QPlainTextEdit;
    m_list->setReadOnly(true);
    m_list->setAccessibleName(tr("Problems the integrity check found"));
    m_list->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_list->setVisible(false);

    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_button, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addLayout(top);
    layout->addWidget(m_list);
    setFrameShape(QFrame::StyledPanel);
}

bool AuditVerifyPanel::verify()
{
    AuditReport report;
    const Status done =
        TaskRunner::run(window(), m_ws, tr("Verifying the audit log"),
                        [&report](Session& session, TaskRunner::Progress& progress) -> Status {
                            Q_UNUSED(progress);
                            auto r = session.audit().verify();
                            if (!r)
                                return r.error();
                            report = std::move(r).value();
                            return {};
                        });
    if (!done) {
        m_ws.report(tr("The audit log could not be verified"), done.error());
        return false;
    }
    showReport(report);
    return true;
}

void AuditVerifyPanel::showReport(const AuditReport& report)
{
    m_hasResult = true;
    m_problems = report.problems;
    const QLocale locale;
    const QString counts = tr("%1 entries, %2 rows checked")
                               .arg(locale.toString(static_cast<qlonglong>(report.entries)),
                                    locale.toString(static_cast<qlonglong>(report.rowsChecked)));
    const QString checkedAt =
        m_ws.session().options().now().toUTC().toString(u"yyyy-MM-dd HH:mm"_s);
    const QString head = report.head.isEmpty() ? tr("(the log is empty)") : report.head;
    QString html;
    if (m_problems.isEmpty()) {
        html = u"<span style='color:#166534; font-weight:bold'>"_s + tr("Intact.").toHtmlEscaped() +
               u"</span> "_s +
               tr("%1; nothing was changed outside DLI Tracker (checked %2 UTC).")
                   .arg(counts, checkedAt)
                   .toHtmlEscaped();
    } else {
        html = u"<span style='color:#b01c1c; font-weight:bold'>"_s +
               (m_problems.size() == 1 ? tr("1 problem found.")
                                       : tr("%1 problems found.").arg(m_problems.size()))
                   .toHtmlEscaped() +
               u"</span> "_s +
               tr("%1 (checked %2 UTC). Each problem below names the entry or row concerned; "
                  "restore a backup or find out who changed the file.")
                   .arg(counts, checkedAt)
                   .toHtmlEscaped();
    }
    html += u"<br>"_s + tr("Head hash (write it down with the backup):").toHtmlEscaped() +
            u" <code>"_s + head.toHtmlEscaped() + u"</code>"_s;
    m_summary->setText(html);
    m_list->setPlainText(m_problems.join(u'\n'));
    // As tall as the problems, up to eight lines; more scroll.
    const int lines =
        static_cast<int>(std::min<qsizetype>(std::max<qsizetype>(m_problems.size(), 1), 8));
    m_list->setFixedHeight(m_list->fontMetrics().lineSpacing() * (lines + 1) +
                           2 * m_list->frameWidth() + 4);
    m_list->setVisible(!m_problems.isEmpty());
    emit verified(m_problems.isEmpty());
}

QString AuditVerifyPanel::summaryText() const
{
    QString text = m_summary->text();
    text.remove(QRegularExpression(u"<[^>]*>"_s));
    return text;
}

} // namespace dli::ui
