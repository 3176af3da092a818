#include "ui/widgets/verification_decision_form.h"

#include "ui/widgets/error_text.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

QColor warningColor()
{
    return errorColour();
}

} // namespace

bool VerificationDecisionForm::Draft::isEmpty() const
{
    return method == 0 && value.isEmpty() && adjustment.isEmpty() && !date.isValid() &&
           note.isEmpty() && files.isEmpty() && reason.isEmpty();
}

VerificationDecisionForm::VerificationDecisionForm(QWidget* parent) : QWidget(parent)
{
    m_blocked = new QLabel;
    m_blocked->setWordWrap(true);
    m_blocked->setTextFormat(Qt::PlainText);
    m_blocked->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_blocked->setObjectName(u"blockedReason"_s);
    m_blocked->setAutoFillBackground(true);
    m_blocked->setMargin(8);
    QPalette note = m_blocked->palette();
    note.setColor(QPalette::Window, QColor(0xfd, 0xf3, 0xd8));
    note.setColor(QPalette::WindowText, QColor(0x5c, 0x43, 0x00));
    m_blocked->setPalette(note);
    m_blocked->setVisible(false);

    // Verify
    m_method = new QComboBox;
    m_method->addItem(tr("Desk review"), static_cast<int>(VerificationMethod::DeskReview));
    m_method->addItem(tr("Field visit"), static_cast<int>(VerificationMethod::FieldVisit));
    m_method->addItem(tr("Third-party report"),
                      static_cast<int>(VerificationMethod::ThirdPartyReport));
    m_method->setToolTip(tr("How the figure was checked. A sample verification is recorded by "
                            "closing a sample (Sample tab)."));
    m_value = new QLineEdit;
    m_value->setToolTip(tr("Leave empty to verify the reported value."));
    m_adjustment = new QLineEdit;
    m_adjustment->setPlaceholderText(tr("Required when the verified value differs"));
    m_date = new QDateEdit;
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_date->setToolTip(tr("The date of the check or of the verification agent's report; it may "
                          "lie in the past, never in the future. The figure counts from then."));
    m_note = new QLineEdit;
    m_note->setPlaceholderText(tr("Optional"));
    m_files = new QListWidget;
    m_files->setAccessibleName(tr("Evidence files to attach"));
    m_files->setMaximumHeight(m_files->fontMetrics().height() * 3 + 12);
    m_addFiles = new QPushButton(tr("Attach fi&les..."));
    m_removeFile = new QPushButton(tr("Remove"));
    m_removeFile->setToolTip(tr("Leaves the selected file out of the verification (Delete)"));
    auto* fileButtons = new QVBoxLayout;
    fileButtons->addWidget(m_addFiles);
    fileButtons->addWidget(m_removeFile);
    fileButtons->addStretch();
    auto* filesRow = new QHBoxLayout;
    filesRow->addWidget(m_files, 1);
    filesRow->addLayout(fileButtons);

    m_verifyHint = new QLabel;
    m_verifyHint->setWordWrap(true);
    m_verifyHint->setTextFormat(Qt::PlainText);
    QPalette red = m_verifyHint->palette();
    red.setColor(QPalette::WindowText, warningColor());
    m_verifyHint->setPalette(red);
    m_verify = new QPushButton(tr("Ve&rify"));
    m_verify->setObjectName(u"verifyButton"_s);

    auto* verifyForm = new QFormLayout;
    verifyForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    verifyForm->addRow(tr("Me&thod:"), m_method);
    verifyForm->addRow(tr("Verified val&ue:"), m_value);
    verifyForm->addRow(tr("Re&ason for a different value:"), m_adjustment);
    verifyForm->addRow(tr("Date of the chec&k:"), m_date);
    verifyForm->addRow(tr("&Note:"), m_note);
    auto* filesLabel = new QLabel(tr("Evidence:"));
    filesLabel->setBuddy(m_files);
    verifyForm->addRow(filesLabel, filesRow);
    auto* verifyButtons = new QHBoxLayout;
    verifyButtons->addWidget(m_verifyHint, 1);
    verifyButtons->addWidget(m_verify, 0, Qt::AlignTop);
    auto* verifyBox = new QGroupBox(tr("Verify"));
    auto* verifyLayout = new QVBoxLayout(verifyBox);
    verifyLayout->addLayout(verifyForm);
    verifyLayout->addLayout(verifyButtons);

    // Reject or query
    m_reason = new QPlainTextEdit;
    m_reason->setTabChangesFocus(true);
    m_reason->setPlaceholderText(
        tr("What is wrong, or what the officer should check; the officer reads it"));
    m_reason->setFixedHeight(m_reason->fontMetrics().height() * 3 + 14);
    auto* reasonLabel = new QLabel(tr("Rea&son:"));
    reasonLabel->setBuddy(m_reason);
    m_reject = new QPushButton(tr("Re&ject"));
    m_reject->setObjectName(u"rejectButton"_s);
    m_query = new QPushButton(tr("&Query"));
    m_query->setObjectName(u"queryButton"_s);
    auto* decideButtons = new QHBoxLayout;
    decideButtons->addWidget(new QLabel(tr("A rejected figure never counts; a queried one goes "
                                           "back to the officer to correct.")),
                             1);
    decideButtons->itemAt(0)->widget()->setForegroundRole(QPalette::PlaceholderText);
    static_cast<QLabel*>(decideButtons->itemAt(0)->widget())->setWordWrap(true);
    decideButtons->addWidget(m_query, 0, Qt::AlignTop);
    decideButtons->addWidget(m_reject, 0, Qt::AlignTop);
    auto* decideBox = new QGroupBox(tr("Reject or query"));
    auto* decideLayout = new QVBoxLayout(decideBox);
    decideLayout->addWidget(reasonLabel);
    decideLayout->addWidget(m_reason);
    decideLayout->addLayout(decideButtons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_blocked);
    layout->addWidget(verifyBox);
    layout->addWidget(decideBox);
    layout->addStretch();

    setTabOrder(m_method, m_value);
    setTabOrder(m_value, m_adjustment);
    setTabOrder(m_adjustment, m_date);
    setTabOrder(m_date, m_note);
    setTabOrder(m_note, m_files);
    setTabOrder(m_files, m_addFiles);
    setTabOrder(m_addFiles, m_removeFile);
    setTabOrder(m_removeFile, m_verify);
    setTabOrder(m_verify, m_reason);
    setTabOrder(m_reason, m_query);
    setTabOrder(m_query, m_reject);

    for (QLineEdit* edit : {m_value, m_adjustment})
        connect(edit, &QLineEdit::textChanged, this, &VerificationDecisionForm::updateState);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &VerificationDecisionForm::updateState);
    connect(m_files, &QListWidget::currentRowChanged, this, &VerificationDecisionForm::updateState);
    connect(m_addFiles, &QPushButton::clicked, this, &VerificationDecisionForm::chooseFiles);
    auto removeFile = [this] {
        delete m_files->takeItem(m_files->currentRow());
        updateState();
    };
    connect(m_removeFile, &QPushButton::clicked, this, removeFile);
    auto* del = new QShortcut(QKeySequence::Delete, m_files);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, removeFile);
    connect(m_verify, &QPushButton::clicked, this, &VerificationDecisionForm::verifyRequested);
    connect(m_reject, &QPushButton::clicked, this, &VerificationDecisionForm::rejectRequested);
    connect(m_query, &QPushButton::clicked, this, &VerificationDecisionForm::queryRequested);
    clearObservation(tr("Select an observation in the queue."));
}

VerificationDecisionForm::Draft VerificationDecisionForm::current() const
{
    Draft d;
    d.method = m_method->currentIndex();
    d.value = m_value->text();
    d.adjustment = m_adjustment->text();
    d.date = m_date->date() == m_date->maximumDate() ? QDate() : m_date->date();
    d.note = m_note->text();
    for (int i = 0; i < m_files->count(); ++i)
        d.files << m_files->item(i)->data(Qt::UserRole).toString();
    d.reason = m_reason->toPlainText();
    return d;
}

void VerificationDecisionForm::restore(const Draft& d)
{
    m_method->setCurrentIndex(std::max(d.method, 0));
    m_value->setText(d.value);
    m_adjustment->setText(d.adjustment);
    m_date->setDate(d.date.isValid() ? d.date : m_date->maximumDate());
    m_note->setText(d.note);
    m_files->clear();
    addEvidenceFiles(d.files);
    m_reason->setPlainText(d.reason);
}

void VerificationDecisionForm::saveDraft()
{
    if (m_id.isEmpty())
        return;
    const Draft d = current();
    if (d.isEmpty())
        m_drafts.remove(m_id);
    else
        m_drafts.insert(m_id, d);
}

void VerificationDecisionForm::setObservation(const Observation& o, const QDate& periodStart,
                                              const QDate& today, const QString& blocked)
{
    saveDraft();
    m_id = o.id;
    m_reported = o.value;
    m_blockedReason = blocked;
    m_value->setPlaceholderText(tr("%1, as reported").arg(o.value.toString()));
    m_date->setMaximumDate(today);
    m_date->setMinimumDate(std::min(periodStart, today));
    restore(m_drafts.value(o.id));
    m_blocked->setText(blocked);
    m_blocked->setVisible(m_explainBlocked && !blocked.isEmpty());
    updateState();
}

void VerificationDecisionForm::setExplainBlocked(bool explain)
{
    m_explainBlocked = explain;
    m_blocked->setVisible(explain && !m_blocked->text().isEmpty());
}

void VerificationDecisionForm::clearObservation(const QString& why)
{
    saveDraft();
    m_id.clear();
    m_blockedReason = why;
    restore(Draft());
    m_value->setPlaceholderText(QString());
    m_blocked->setText(why);
    m_blocked->setVisible(m_explainBlocked && !why.isEmpty());
    updateState();
}

void VerificationDecisionForm::forget(const QString& observationId)
{
    m_drafts.remove(observationId);
    if (observationId == m_id) {
        restore(Draft());
        updateState();
    }
}

Workflow::VerifyRequest VerificationDecisionForm::verifyRequest() const
{
    Workflow::VerifyRequest r;
    r.id = m_id;
    r.method = static_cast<VerificationMethod>(m_method->currentData().toInt());
    if (!m_value->text().trimmed().isEmpty()) {
        auto v = Decimal::parse(m_value->text().trimmed());
        if (v)
            r.value = v.value();
    }
    r.date = m_date->date();
    r.reason = m_adjustment->text().trimmed();
    r.note = m_note->text().trimmed();
    for (int i = 0; i < m_files->count(); ++i)
        r.evidencePaths << m_files->item(i)->data(Qt::UserRole).toString();
    return r;
}

QString VerificationDecisionForm::decisionReason() const
{
    return m_reason->toPlainText().trimmed();
}

void VerificationDecisionForm::addEvidenceFiles(const QStringList& paths)
{
    for (const QString& path : paths) {
        auto* item = new QListWidgetItem(QFileInfo(path).fileName());
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
        m_files->addItem(item);
    }
    updateState();
}

void VerificationDecisionForm::chooseFiles()
{
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Evidence for the verification"));
    addEvidenceFiles(paths);
}

void VerificationDecisionForm::updateState()
{
    const bool open = m_blockedReason.isEmpty() && !m_id.isEmpty();
    for (QWidget* w : std::initializer_list<QWidget*>{m_method, m_value, m_adjustment, m_date,
                                                      m_note, m_files, m_addFiles, m_reason}) {
        w->setEnabled(open);
        w->setToolTip(open ? QString() : m_blockedReason);
    }
    m_method->setToolTip(open ? tr("How the figure was checked. A sample verification is recorded "
                                   "by closing a sample (Sample tab).")
                              : m_blockedReason);
    m_removeFile->setEnabled(open && m_files->currentRow() >= 0);

    // What the verify button waits for, in the order the verifier fills the form.
    QString missing;
    const QString typed = m_value->text().trimmed();
    if (!typed.isEmpty()) {
        auto v = Decimal::parse(typed);
        if (!v)
            missing =
                tr("The verified value is a number such as 120 or 35.5, not \"%1\".").arg(typed);
        else if (v.value() != m_reported && m_adjustment->text().trimmed().isEmpty())
            missing = tr("The verified value %1 differs from the reported %2: give the reason "
                         "for the adjustment.")
                          .arg(v->toString(), m_reported.toString());
    }
    // Kept in the layout even when empty, so that the button keeps its place and size.
    m_verifyHint->setText(open ? missing : QString());
    m_verify->setEnabled(open && missing.isEmpty());
    m_verify->setToolTip(!open ? m_blockedReason
                         : missing.isEmpty()
                             ? tr("Records the verification; the figure counts from the date of "
                                  "the check")
                             : missing);

    const bool hasReason = !m_reason->toPlainText().trimmed().isEmpty();
    const QString needReason = tr("Give the reason first; the officer reads it.");
    for (QPushButton* b : {m_reject, m_query}) {
        b->setEnabled(open && hasReason);
        b->setToolTip(!open ? m_blockedReason : hasReason ? QString() : needReason);
    }
}

} // namespace dli::ui
