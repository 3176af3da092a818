#include "ui/widgets/report_facts.h"

#include "core/report/report_data.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

QLabel* selectableLabel()
{
    auto* label = new QLabel;
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

// Moments as the report's cover prints them: UTC, to the second.
QString utc(const QDateTime& t)
{
    return t.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s;
}

} // namespace

ReportFacts::ReportFacts(QWidget* parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    m_summary = selectableLabel();
    m_summary->setAccessibleName(tr("The report's quarter, as-of date and as-known-at moment"));
    m_fingerprint = selectableLabel();
    m_fingerprint->setWordWrap(false);
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fingerprint->setAccessibleName(tr("Data fingerprint"));
    m_command = selectableLabel();
    m_command->setForegroundRole(QPalette::PlaceholderText);
    m_command->setAccessibleName(tr("Command that checks the fingerprint"));
    m_copy = new QPushButton(tr("C&opy fingerprint"));
    m_copy->setToolTip(tr("Copy the data fingerprint to the clipboard"));
    auto* fingerprintTitle = new QLabel(tr("Fingerprint:"));
    QFont bold = fingerprintTitle->font();
    bold.setBold(true);
    fingerprintTitle->setFont(bold);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_summary, 0, 0, 1, 4);
    layout->addWidget(fingerprintTitle, 1, 0);
    layout->addWidget(m_fingerprint, 1, 1);
    layout->addWidget(m_copy, 1, 2);
    layout->addWidget(m_command, 2, 0, 1, 4);
    // Title, hash and button stay together on the leading side, in either direction (the
    // hash keeps its left-to-right text, so it must not be left to align itself).
    layout->setColumnStretch(3, 1);

    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_fingerprint->text()); });
    setReport(nullptr, {});
}

void ReportFacts::setReport(const QuarterlyReport* report, const QString& database)
{
    setVisible(report != nullptr);
    if (!report) {
        m_summary->clear();
        m_fingerprint->clear();
        m_command->clear();
        return;
    }
    m_summary->setText(tr("%1 · as of %2 · as known at %3 · prepared by %4")
                           .arg(report->quarterText(), report->asOf.toString(Qt::ISODate),
                                utc(report->knownAt), report->preparedBy));
    m_fingerprint->setText(report->fingerprint);
    const QString known = report->knownAt.toUTC().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
    QString file = QFileInfo(database).fileName();
    if (file.contains(u' '))
        file = u'"' + file + u'"';
    m_command->setText(tr("Check it later against the database: %1")
                           .arg(u"dlitracker-cli report fingerprint %1 --quarter %2 --as-of %3 "
                                "--known-at %4"_s.arg(file, report->quarter.code(),
                                                      report->asOf.toString(Qt::ISODate), known)));
    m_fingerprint->setToolTip(
        tr("SHA-256 of exactly the data the report was built from; printed in every page's "
           "footer. The same quarter, as-of date and as-known-at moment give the same "
           "fingerprint while the data are unchanged."));
}

} // namespace dli::ui
