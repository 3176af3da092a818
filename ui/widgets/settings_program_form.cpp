#include "ui/widgets/settings_program_form.h"

#include "ui/commands/program_edit_command.h"
#include "ui/widgets/error_text.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

using F = ProgramField;

QDoubleSpinBox* percentSpin()
{
    auto* spin = new QDoubleSpinBox;
    spin->setRange(0, 100);
    spin->setDecimals(2);
    spin->setSuffix(u" %"_s);
    spin->setKeyboardTracking(false);
    return spin;
}

} // namespace

double SettingsProgramForm::percentOf(const QString& share)
{
    auto d = Decimal::parse(share);
    return d ? (d.value() * Decimal::fromInt(100)).toDouble() : 0.0;
}

QString SettingsProgramForm::shareOf(double percent)
{
    auto d = Decimal::parse(QString::number(percent, 'f', 2));
    return d ? (d.value() * Decimal::fromUnits(10'000)).toString() : QString();
}

SettingsProgramForm::SettingsProgramForm(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_ws(workspace)
{
    m_currency = new QComboBox;
    for (const QString& code : Currency::knownCodes()) {
        const auto c = Currency::forCode(code);
        m_currency->addItem(tr("%1 (%2)").arg(code, c->symbol.trimmed()), code);
    }
    m_month = new QComboBox;
    const QLocale locale;
    for (int m = 1; m <= 12; ++m)
        m_month->addItem(locale.standaloneMonthName(m), m);
    m_window = new QSpinBox;
    m_window->setRange(0, 3650);
    m_window->setSuffix(tr(" days"));
    m_window->setKeyboardTracking(false);
    m_advance = percentSpin();
    m_prior = percentSpin();

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("&Currency:"), m_currency);
    form->addRow(tr("Fiscal year &starts in:"), m_month);
    form->addRow(tr("&Verification window:"), m_window);
    form->addRow(tr("&Advance cap:"), m_advance);
    form->addRow(tr("&Prior results cap:"), m_prior);

    auto* explain = new QLabel(
        tr("The verification window is how long after a DLR's cut-off results verified late "
           "still count; the caps are shares of the financing. The currency and the fiscal-year "
           "start month can change only until disbursements and observations refer to them."));
    explain->setWordWrap(true);
    explain->setForegroundRole(QPalette::PlaceholderText);

    m_readOnly = new QLabel;
    m_readOnly->setWordWrap(true);
    m_readOnly->setForegroundRole(QPalette::PlaceholderText);
    m_error = newErrorLabel();
    m_revert = new QPushButton(tr("Put &back the stored values"));
    m_revert->setVisible(false);
    connect(m_revert, &QPushButton::clicked, this, &SettingsProgramForm::revert);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_readOnly);
    layout->addLayout(form);
    layout->addWidget(explain);
    layout->addWidget(m_error);
    layout->addWidget(m_revert, 0, Qt::AlignLeft);

    connect(m_currency, &QComboBox::activated, this, [this] { (void)commit(F::Currency); });
    connect(m_month, &QComboBox::activated, this,
            [this] { (void)commit(F::FiscalYearStartMonth); });
    connect(m_window, &QSpinBox::editingFinished, this,
            [this] { (void)commit(F::VerificationWindowDays); });
    connect(m_advance, &QDoubleSpinBox::editingFinished, this,
            [this] { (void)commit(F::AdvanceCapShare); });
    connect(m_prior, &QDoubleSpinBox::editingFinished, this,
            [this] { (void)commit(F::PriorResultsCapShare); });
    connect(&m_ws, &Workspace::programReloaded, this, &SettingsProgramForm::refresh);
    refresh();
}

QString SettingsProgramForm::readOnlyReason() const
{
    if (!m_ws.program())
        return tr("The database holds no program yet");
    return m_ws.roleReason({Role::Admin});
}

void SettingsProgramForm::refresh()
{
    const QString why = readOnlyReason();
    m_readOnly->setText(why.isEmpty() ? QString() : tr("Read only. %1.").arg(why));
    m_readOnly->setVisible(!why.isEmpty());
    const QList<QWidget*> controls{m_currency, m_month, m_window, m_advance, m_prior};
    for (QWidget* w : controls) {
        w->setEnabled(why.isEmpty());
        w->setToolTip(why);
    }
    if (!m_committing)
        updateValues();
}

void SettingsProgramForm::updateValues()
{
    const Program* p = m_ws.program();
    if (!p)
        return;
    for (const F f : {F::Currency, F::FiscalYearStartMonth, F::VerificationWindowDays,
                      F::AdvanceCapShare, F::PriorResultsCapShare}) {
        if (m_refused.contains(f))
            continue;
        ProgramEdit e;
        e.field = f;
        if (auto v = ProgramEditor::valueOf(*p, e))
            setValueIn(f, v.value());
    }
}

QString SettingsProgramForm::valueIn(ProgramField field) const
{
    switch (field) {
    case F::Currency:
        return m_currency->currentData().toString();
    case F::FiscalYearStartMonth:
        return QString::number(m_month->currentData().toInt());
    case F::VerificationWindowDays:
        return QString::number(m_window->value());
    case F::AdvanceCapShare:
        return shareOf(m_advance->value());
    case F::PriorResultsCapShare:
        return shareOf(m_prior->value());
    default:
        return {};
    }
}

void SettingsProgramForm::setValueIn(ProgramField field, const QString& value)
{
    switch (field) {
    case F::Currency:
        m_currency->setCurrentIndex(m_currency->findData(value));
        break;
    case F::FiscalYearStartMonth:
        m_month->setCurrentIndex(m_month->findData(value.toInt()));
        break;
    case F::VerificationWindowDays:
        m_window->setValue(value.toInt());
        break;
    case F::AdvanceCapShare:
        m_advance->setValue(percentOf(value));
        break;
    case F::PriorResultsCapShare:
        m_prior->setValue(percentOf(value));
        break;
    default:
        break;
    }
}

bool SettingsProgramForm::commit(ProgramField field)
{
    const Program* p = m_ws.program();
    if (!p || m_committing)
        return false;
    if (!readOnlyReason().isEmpty()) {
        updateValues(); // the controls are disabled; show nothing but what is stored
        return false;
    }
    const QString value = valueIn(field);
    if (m_refused.value(field) == value && m_refused.contains(field))
        return false; // already refused; leaving the field again is not a new attempt
    ProgramEdit e;
    e.field = field;
    e.value = value;
    auto stored = ProgramEditor::valueOf(*p, e);
    // A share finer than the spin box shows is left as stored unless the shown value changed.
    const bool share = field == F::AdvanceCapShare || field == F::PriorResultsCapShare;
    auto* spin = field == F::AdvanceCapShare ? m_advance : m_prior;
    const bool unchanged =
        stored &&
        (stored.value() == value ||
         (share &&
          qFuzzyCompare(
              1.0 + spin->value(),
              1.0 + QString::number(percentOf(stored.value()), 'f', spin->decimals()).toDouble())));
    if (unchanged) {
        m_refused.remove(field);
    } else {
        m_committing = true;
        const Status s = ProgramEditCommand::apply(m_ws, e);
        m_committing = false;
        if (!s) {
            m_refused.insert(field, value);
            m_error->setText(tr("Not changed: %1").arg(s.error().text()));
            m_error->setVisible(true);
            m_revert->setVisible(true);
            return false;
        }
        m_refused.remove(field);
    }
    if (m_refused.isEmpty()) {
        m_error->setVisible(false);
        m_revert->setVisible(false);
    }
    updateValues();
    return true;
}

QString SettingsProgramForm::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void SettingsProgramForm::revert()
{
    m_refused.clear();
    m_error->setVisible(false);
    m_revert->setVisible(false);
    updateValues();
}

} // namespace dli::ui
