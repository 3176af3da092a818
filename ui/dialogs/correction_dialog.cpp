#include "ui/dialogs/correction_dialog.h"

#include "ui/widgets/error_text.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

CorrectionDialog::CorrectionDialog(const Observation& o, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Correct a verified figure"));
    auto* intro = new QLabel(
        tr("%1, %2, %3: %4 (verified %5). A verified figure is never edited: the correction "
           "becomes a replacement draft that you submit for verification again. The figure it "
           "replaces keeps counting until the replacement is verified.")
            .arg(o.indicator, o.period.code(), o.orgUnit, o.value.toString(),
                 o.verifiedValue ? o.verifiedValue->toString() : tr("not verified")));
    intro->setWordWrap(true);
    m_value = new QLineEdit(o.countedValue().toString());
    m_value->setAccessibleName(tr("Corrected value"));
    m_reason = new QPlainTextEdit;
    m_reason->setPlaceholderText(tr("Why the verified figure was wrong; the verifier reads it"));
    m_reason->setAccessibleName(tr("Reason for the correction"));
    m_reason->setTabChangesFocus(true);
    m_reason->setFixedHeight(m_reason->fontMetrics().height() * 4 + 12);
    m_problem = newErrorLabel();
    m_problem->setVisible(true); // empty while the fields are right
    auto* form = new QFormLayout;
    form->addRow(tr("Corrected &value:"), m_value);
    form->addRow(tr("&Reason:"), m_reason);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Create the replacement"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_value, &QLineEdit::textChanged, this, &CorrectionDialog::validate);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &CorrectionDialog::validate);
    resize(520, sizeHint().height());
    validate();
}

std::optional<Decimal> CorrectionDialog::value() const
{
    auto v = Decimal::parse(m_value->text().trimmed());
    if (!v || reason().isEmpty())
        return std::nullopt;
    return v.value();
}

QString CorrectionDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

void CorrectionDialog::validate()
{
    auto v = Decimal::parse(m_value->text().trimmed());
    QString problem;
    if (!v)
        problem = tr("The value: %1").arg(v.error().message);
    else if (reason().isEmpty())
        problem = tr("Say why the verified figure was wrong.");
    m_problem->setText(problem);
    m_ok->setEnabled(problem.isEmpty());
}

} // namespace dli::ui
