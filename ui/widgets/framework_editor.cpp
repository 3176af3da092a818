#include "ui/widgets/framework_editor.h"

#include "ui/commands/program_edit_command.h"
#include "ui/widgets/error_text.h"
#include "ui/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

using F = ProgramField;
using K = ProgramItemKind;

// The DLI holding a DLR and the DLR's index in it, or {nullptr, -1}.
std::pair<const Dli*, int> dlrOf(const Program& p, const QString& code)
{
    for (const Dli& d : p.dlis) {
        for (int i = 0; i < d.dlrs.size(); ++i) {
            if (d.dlrs[i].code == code)
                return {&d, i};
        }
    }
    return {nullptr, -1};
}

// Empties a form; its widgets go once the signal being handled (perhaps from one of them)
// has returned.
void clearForm(QFormLayout* form)
{
    while (form->rowCount() > 0) {
        const QFormLayout::TakeRowResult taken = form->takeRow(0);
        for (QLayoutItem* item : {taken.labelItem, taken.fieldItem}) {
            if (!item)
                continue;
            if (QWidget* w = item->widget()) {
                w->hide();
                w->deleteLater();
            }
            delete item;
        }
    }
}

} // namespace

FrameworkEditor::FrameworkEditor(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_ws(workspace)
{
    m_heading = new QLabel;
    m_heading->setWordWrap(true);
    QFont big = m_heading->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_heading->setFont(big);

    m_readOnly = new QLabel;
    m_readOnly->setWordWrap(true);
    m_readOnly->setForegroundRole(QPalette::PlaceholderText);

    m_formHost = new QWidget;
    m_form = new QFormLayout(m_formHost);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_settings = new QPushButton(tr("Program &settings..."));
    m_settings->setToolTip(tr("Currency, fiscal year, verification window and caps"));
    connect(m_settings, &QPushButton::clicked, this,
            [this] { emit m_ws.navigateRequested(u"settings"_s, QString()); });

    m_error = newErrorLabel();
    m_error->setVisible(true); // the box around it shows and hides
    m_revert = new QPushButton(tr("&Put back the stored values"));
    connect(m_revert, &QPushButton::clicked, this, &FrameworkEditor::revert);

    // The refusal shows at the top, where the eye is after pressing Enter, not under the form.
    m_errorBox = new QFrame;
    m_errorBox->setFrameShape(QFrame::StyledPanel);
    m_errorBox->setAutoFillBackground(true);
    QPalette pink = m_errorBox->palette();
    pink.setColor(QPalette::Window, QColor(0xfd, 0xec, 0xec));
    m_errorBox->setPalette(pink);
    auto* errorLayout = new QVBoxLayout(m_errorBox);
    errorLayout->setContentsMargins(8, 6, 8, 6);
    errorLayout->addWidget(m_error);
    errorLayout->addWidget(m_revert, 0, Qt::AlignRight);
    m_errorBox->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_heading);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_errorBox);
    layout->addSpacing(4);
    layout->addWidget(m_formHost);
    layout->addSpacing(4);
    layout->addWidget(m_note);
    layout->addWidget(m_settings, 0, Qt::AlignLeft);
    layout->addStretch(1);
    showNothing();
}

QString FrameworkEditor::readOnlyReason() const
{
    return m_ws.roleReason({Role::Admin});
}

void FrameworkEditor::showNothing()
{
    m_shown = false;
    m_code.clear();
    m_kind = K::Program;
    m_rows.clear();
    clearForm(m_form);
    m_heading->setText(tr("Nothing to edit"));
    m_readOnly->setVisible(false);
    m_note->setText(tr("Import a program definition to see and edit its results framework."));
    m_note->setVisible(true);
    m_settings->setVisible(false);
    m_errorBox->setVisible(false);
}

void FrameworkEditor::showItem(ProgramItemKind kind, const QString& code)
{
    if (!m_ws.program()) {
        showNothing();
        return;
    }
    if (m_shown && kind == m_kind && code == m_code) {
        if (!m_committing)
            updateValues();
        return;
    }
    m_kind = kind;
    m_code = code;
    m_shown = true;
    rebuild();
}

void FrameworkEditor::rebuild()
{
    m_rows.clear();
    clearForm(m_form);
    m_errorBox->setVisible(false);
    const Program& p = *m_ws.program();
    QString title;
    switch (m_kind) {
    case K::Program:
        title = tr("Program %1").arg(p.code);
        break;
    case K::ResultArea:
        title = tr("Results area %1").arg(m_code);
        break;
    case K::Indicator:
        title = tr("Indicator %1").arg(m_code);
        break;
    case K::Dli:
        title = m_code;
        break;
    case K::Dlr:
        title = tr("DLR %1").arg(m_code);
        break;
    }
    m_heading->setText(title);

    for (const ProgramField f : ProgramEditor::fields(m_kind)) {
        if (m_kind == K::Program && f != F::Title)
            continue; // the settings page edits the program's settings
        if (m_kind == K::Indicator && f == F::Target) {
            if (const Indicator* x = p.indicator(m_code)) {
                for (const Target& t : x->targets)
                    addRow(f, t.period.code());
            }
            continue;
        }
        if (m_kind == K::Dlr) {
            const auto [dli, index] = dlrOf(p, m_code);
            if (!dli)
                continue;
            const Dlr& r = dli->dlrs[index];
            if (f == F::MinFraction && r.kind != DlrKind::Linear)
                continue;
            if (f == F::UnitAmount && r.kind != DlrKind::PerUnit)
                continue;
        }
        addRow(f);
    }

    const QString why = readOnlyReason();
    m_readOnly->setText(why.isEmpty() ? QString() : tr("Read only. %1.").arg(why));
    m_readOnly->setVisible(!why.isEmpty());
    m_note->setVisible(m_kind == K::Program || m_kind == K::Indicator);
    m_note->setText(
        m_kind == K::Program
            ? tr("The currency, the fiscal year, the verification window and the caps are "
                 "program settings, on the Settings page. Codes, periods, kinds and org units "
                 "change only with a new program file (File > Import program definition).")
            : tr("Targets for further periods, the unit and how the indicator is reported change "
                 "only with a new program file."));
    m_settings->setVisible(m_kind == K::Program);
    updateValues();
}

void FrameworkEditor::addRow(ProgramField field, const QString& period)
{
    Row row{field, period, makeEditor(field), QString()};
    const int index = static_cast<int>(m_rows.size());
    const bool editable = readOnlyReason().isEmpty();
    if (auto* line = qobject_cast<QLineEdit*>(row.editor)) {
        line->setReadOnly(!editable);
        line->setPlaceholderText(placeholderFor(row));
        connect(line, &QLineEdit::editingFinished, this, [this, index] { (void)commitRow(index); });
    } else if (auto* box = qobject_cast<QCheckBox*>(row.editor)) {
        box->setEnabled(editable);
        connect(box, &QCheckBox::clicked, this, [this, index] { (void)commitRow(index); });
    } else if (auto* combo = qobject_cast<QComboBox*>(row.editor)) {
        combo->setEnabled(editable);
        connect(combo, &QComboBox::activated, this, [this, index] { (void)commitRow(index); });
    }
    const QString label = labelFor(row);
    row.editor->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    const QString hint = hintFor(row);
    row.editor->setToolTip(editable ? hint : readOnlyReason());
    auto* host = new QWidget;
    auto* rowLayout = new QHBoxLayout(host);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(row.editor, 1);
    row.suffix = new QLabel;
    row.suffix->setForegroundRole(QPalette::PlaceholderText);
    row.suffix->setToolTip(hint);
    rowLayout->addWidget(row.suffix);
    m_form->addRow(label, host);
    if (auto* l = qobject_cast<QLabel*>(m_form->labelForField(host))) {
        l->setBuddy(row.editor);
        l->setToolTip(hint);
    }
    if (auto* edit = qobject_cast<QLineEdit*>(row.editor))
        connect(edit, &QLineEdit::textChanged, this, [this, index] { updateSuffix(index); });
    m_rows << row;
    updateSuffix(index);
}

void FrameworkEditor::updateSuffix(int index)
{
    if (index < 0 || index >= m_rows.size() || !m_ws.program())
        return;
    const Row& row = m_rows[index];
    const Program& p = *m_ws.program();
    QString text;
    switch (row.field) {
    case F::Allocation:
        text = p.currency.code;
        if (const Dli* d = m_kind == K::Dli ? p.dli(m_code) : nullptr) {
            Money sum;
            for (const Dlr& r : d->dlrs)
                sum += r.allocation;
            text = tr("%1; its DLRs: %2").arg(p.currency.code, sum.format(p.currency));
        }
        break;
    case F::UnitAmount:
        text = p.currency.code;
        break;
    case F::Tolerance:
    case F::MinFraction:
        if (auto d = Decimal::parse(textOf(row)))
            text = u"= "_s + (d.value() * Decimal::fromInt(100)).toString() + u'%';
        break;
    case F::Baseline:
        if (m_kind == K::Indicator) {
            if (const Indicator* x = p.indicator(m_code))
                text = tr("on %1").arg(x->baseline.date.toString(Qt::ISODate));
        } else if (textOf(row).isEmpty()) {
            text = tr("by the rules");
        }
        break;
    case F::Deadline:
        if (textOf(row).isEmpty())
            text = tr("end of period");
        break;
    case F::Target:
        if (m_kind == K::Dlr) {
            const auto [dli, i] = dlrOf(p, m_code);
            if (const Indicator* x = dli ? p.indicator(dli->indicator) : nullptr)
                text = x->direction == Direction::Increase ? tr("met at or above")
                                                           : tr("met at or below");
        }
        break;
    default:
        break;
    }
    row.suffix->setText(text);
    // One column for the suffixes, so that the fields line up.
    int width = 0;
    for (const Row& r : std::as_const(m_rows))
        width = std::max(width, r.suffix->fontMetrics().horizontalAdvance(r.suffix->text()));
    for (const Row& r : std::as_const(m_rows)) {
        r.suffix->setFixedWidth(width);
        r.suffix->setVisible(width > 0);
    }
}

QWidget* FrameworkEditor::makeEditor(ProgramField field)
{
    switch (field) {
    case F::TimeBound:
        return new QCheckBox(tr("Counts results only up to its deadline"));
    case F::PriorResult:
        return new QCheckBox(tr("Achievable before signing"));
    case F::Rollover: {
        auto* combo = new QComboBox;
        combo->addItem(tr("Carried forward to the next DLR"), u"carry_forward"_s);
        combo->addItem(tr("Cancelled"), u"cancel"_s);
        combo->addItem(tr("Held for reallocation"), u"reallocate"_s);
        return combo;
    }
    default:
        return new QLineEdit;
    }
}

QString FrameworkEditor::labelFor(const Row& row) const
{
    switch (row.field) {
    case F::Title:
        return tr("&Title:");
    case F::Tolerance:
        return tr("T&olerance:");
    case F::Baseline:
        return m_kind == K::Indicator ? tr("&Baseline value:") : tr("&Baseline:");
    case F::Target:
        if (!row.period.isEmpty()) {
            const Program* p = m_ws.program();
            const auto period = Period::parse(row.period, p->fiscalYearStartMonth);
            return tr("Target %1 (%2):")
                .arg(row.period, period ? period->label(p->fiscalYearStartMonth) : QString());
        }
        return tr("Tar&get:");
    case F::Allocation:
        return tr("&Allocation:");
    case F::Deadline:
        return tr("&Deadline:");
    case F::TimeBound:
        return tr("Time-b&ound:");
    case F::MinFraction:
        return tr("&Minimum fraction:");
    case F::UnitAmount:
        return tr("&Unit amount:");
    case F::Rollover:
        return tr("&Rollover:");
    case F::PriorResult:
        return tr("&Prior result:");
    default:
        return ProgramEditCommand::fieldLabel(row.field) + u':';
    }
}

QString FrameworkEditor::hintFor(const Row& row) const
{
    const Program& p = *m_ws.program();
    const QString currency = p.currency.code;
    switch (row.field) {
    case F::Tolerance:
        return tr("Largest accepted gap between a reported figure and its register, as a share "
                  "(0.05 is 5%).");
    case F::Baseline:
        if (m_kind == K::Indicator) {
            const Indicator* x = p.indicator(m_code);
            return x ? tr("Measured on %1.").arg(x->baseline.date.toString(Qt::ISODate))
                     : QString();
        }
        return tr("The DLR's own baseline; empty: the target of the DLR before, or the "
                  "indicator's baseline, as the rules say (shown in grey).");
    case F::Target:
        if (m_kind == K::Dlr) {
            const auto [dli, index] = dlrOf(p, m_code);
            const Indicator* x = dli ? p.indicator(dli->indicator) : nullptr;
            if (x)
                return x->direction == Direction::Increase
                           ? tr("Indicator %1 increases: met at or above the target.").arg(x->code)
                           : tr("Indicator %1 decreases: met at or below the target.").arg(x->code);
        }
        return {};
    case F::Allocation:
        if (m_kind == K::Dli) {
            const Dli* d = p.dli(m_code);
            Money sum;
            if (d) {
                for (const Dlr& r : d->dlrs)
                    sum += r.allocation;
            }
            return tr("In %1. Its DLRs allocate %2 between them.")
                .arg(currency, sum.format(p.currency));
        }
        return tr("In %1.").arg(currency);
    case F::UnitAmount:
        return tr("In %1, for each unit of progress.").arg(currency);
    case F::MinFraction:
        return tr("Below this share of the way from baseline to target nothing is earned (0.25 "
                  "is 25%).");
    case F::Deadline:
        return tr("Empty: the end of the DLR's period (shown in grey).");
    case F::TimeBound:
        return tr("A time-bound DLR counts results up to its deadline; any other up to the "
                  "program's closing date.");
    case F::PriorResult:
        return tr("A prior result is achievable before signing and paid within the prior "
                  "results cap.");
    case F::Rollover:
        return tr("What happens to money the DLR does not earn once it is final.");
    default:
        return {};
    }
}

QString FrameworkEditor::placeholderFor(const Row& row) const
{
    const Program& p = *m_ws.program();
    if (m_kind != K::Dlr)
        return {};
    const auto [dli, index] = dlrOf(p, m_code);
    if (!dli)
        return {};
    const Dlr& r = dli->dlrs[index];
    if (row.field == F::Deadline)
        return r.period.end(p.fiscalYearStartMonth).toString(Qt::ISODate);
    if (row.field == F::Baseline && !r.baseline)
        return p.dlrBaseline(*dli, index).toString();
    return {};
}

QString FrameworkEditor::textOf(const Row& row) const
{
    if (auto* line = qobject_cast<QLineEdit*>(row.editor))
        return line->text().trimmed();
    if (auto* box = qobject_cast<QCheckBox*>(row.editor))
        return box->isChecked() ? u"true"_s : u"false"_s;
    if (auto* combo = qobject_cast<QComboBox*>(row.editor))
        return combo->currentData().toString();
    return {};
}

void FrameworkEditor::setTextOf(Row& row, const QString& text)
{
    if (auto* line = qobject_cast<QLineEdit*>(row.editor)) {
        if (line->text() != text)
            line->setText(text);
        line->setCursorPosition(0);
    } else if (auto* box = qobject_cast<QCheckBox*>(row.editor)) {
        box->setChecked(text == u"true"_s);
    } else if (auto* combo = qobject_cast<QComboBox*>(row.editor)) {
        combo->setCurrentIndex(combo->findData(text));
    }
}

ProgramEdit FrameworkEditor::editOf(const Row& row, const QString& value) const
{
    ProgramEdit e;
    e.kind = m_kind;
    e.code = m_code;
    e.field = row.field;
    e.period = row.period;
    e.value = value;
    return e;
}

void FrameworkEditor::updateValues()
{
    const Program* p = m_ws.program();
    if (!p)
        return;
    for (Row& row : m_rows) {
        if (!row.refused.isEmpty())
            continue; // what the user typed stays until they change it or put values back
        auto value = ProgramEditor::valueOf(*p, editOf(row, {}));
        if (value)
            setTextOf(row, value.value());
        if (auto* line = qobject_cast<QLineEdit*>(row.editor))
            line->setPlaceholderText(placeholderFor(row));
    }
}

bool FrameworkEditor::commitRow(int index)
{
    if (m_committing || index < 0 || index >= m_rows.size() || !readOnlyReason().isEmpty())
        return false;
    const Program* p = m_ws.program();
    if (!p)
        return false;
    const QString text = textOf(m_rows[index]);
    const QString refusedBefore = m_rows[index].refused;
    if (!refusedBefore.isEmpty() && text == refusedBefore)
        return false; // already refused; leaving the field again is not a new attempt
    auto stored = ProgramEditor::valueOf(*p, editOf(m_rows[index], {}));
    bool ok = true;
    m_committing = true;
    if (!stored || stored.value() != text) {
        const Status status = ProgramEditCommand::apply(m_ws, editOf(m_rows[index], text));
        if (!status) {
            m_rows[index].refused = text;
            showError(status.error().text());
            ok = false;
        }
    }
    m_committing = false;
    if (index >= m_rows.size())
        return ok;
    if (ok) {
        m_rows[index].refused.clear();
        bool anyRefused = false;
        for (const Row& r : m_rows)
            anyRefused = anyRefused || !r.refused.isEmpty();
        if (!anyRefused) {
            m_errorBox->setVisible(false);
        }
        updateValues();
    }
    return ok;
}

bool FrameworkEditor::commit(ProgramField field, const QString& period)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].field == field && m_rows[i].period == period)
            return commitRow(i);
    }
    return false;
}

QWidget* FrameworkEditor::fieldWidget(ProgramField field, const QString& period) const
{
    for (const Row& r : m_rows) {
        if (r.field == field && r.period == period)
            return r.editor;
    }
    return nullptr;
}

QString FrameworkEditor::errorText() const
{
    return m_errorBox->isVisibleTo(this) ? m_error->text() : QString();
}

void FrameworkEditor::showError(const QString& text)
{
    m_error->setText(tr("Not changed: %1").arg(text));
    m_errorBox->setVisible(true);
}

void FrameworkEditor::revert()
{
    for (Row& r : m_rows)
        r.refused.clear();
    m_errorBox->setVisible(false);
    updateValues();
}

} // namespace dli::ui
