#include "ui/widgets/observation_form.h"

#include "core/auth/user.h"
#include "core/engine/rule_engine.h"
#include "ui/commands/observation_amend_command.h"
#include "ui/commands/observation_create_command.h"
#include "ui/widgets/error_text.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

const QColor kErrorColor = errorColour();
const QColor kWarningColor(0x8a, 0x5a, 0x00);

void setComboData(QComboBox* box, const QString& data)
{
    const int at = box->findData(data);
    if (at >= 0)
        box->setCurrentIndex(at);
    else if (box->isEditable())
        box->setEditText(data);
    else
        box->setCurrentIndex(data.isEmpty() ? 0 : -1);
}

QString comboData(const QComboBox* box)
{
    if (box->isEditable()) {
        // A chosen item gives its code; typed text is taken as typed.
        const int at = box->findText(box->currentText());
        return at >= 0 ? box->itemData(at).toString() : box->currentText().trimmed();
    }
    return box->currentData().toString();
}

} // namespace

ObservationForm::ObservationForm(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_ws(workspace)
{
    m_title = new QLabel;
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);

    m_banner = new QLabel;
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setVisible(false);

    m_indicator = new QComboBox;
    m_indicator->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_indicator->setMinimumContentsLength(14);
    m_period = new QComboBox;
    m_period->setEditable(true);
    m_period->setInsertPolicy(QComboBox::NoInsert);
    m_period->lineEdit()->setPlaceholderText(tr("e.g. FY2025-Q1 or 2024-25 Q1"));
    m_period->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_period->setMinimumContentsLength(12);
    m_orgUnit = new QComboBox;
    m_orgUnit->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_orgUnit->setMinimumContentsLength(14);
    m_category = new QComboBox;
    // Combos take the width of the form, as the line edits do.
    for (QComboBox* box : {m_indicator, m_period, m_orgUnit, m_category})
        box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_value = new QLineEdit;
    m_value->setPlaceholderText(tr("e.g. 12 or 4.5"));
    m_source = new QLineEdit;
    m_source->setPlaceholderText(tr("Where the figure comes from"));
    m_note = new QLineEdit;

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    addField(form, tr("&Indicator:"), m_indicator, u"indicator"_s);
    addField(form, tr("&Period:"), m_period, u"period"_s);
    addField(form, tr("&Org unit:"), m_orgUnit, u"org_unit"_s);
    addField(form, tr("Cate&gory:"), m_category, u"category"_s);
    addField(form, tr("&Value:"), m_value, u"value"_s);
    addField(form, tr("So&urce:"), m_source, u"source"_s);
    addField(form, tr("&Note:"), m_note, u"note"_s);

    m_save = new QPushButton(tr("&Save draft"));
    m_save->setDefault(true);
    m_clear = new QPushButton(tr("C&lear"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_clear);
    buttons->addWidget(m_save);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);

    m_checkTimer = new QTimer(this);
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(300);
    connect(m_checkTimer, &QTimer::timeout, this, [this] { (void)validateNow(); });

    connect(m_indicator, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            indicatorChanged();
        scheduleCheck();
    });
    for (QComboBox* box : {m_period, m_orgUnit, m_category}) {
        connect(box, &QComboBox::currentIndexChanged, this, &ObservationForm::scheduleCheck);
        if (box->isEditable())
            connect(box, &QComboBox::editTextChanged, this, &ObservationForm::scheduleCheck);
    }
    for (QLineEdit* edit : {m_value, m_source, m_note}) {
        connect(edit, &QLineEdit::textEdited, this, &ObservationForm::scheduleCheck);
        connect(edit, &QLineEdit::returnPressed, this, [this] { (void)save(); });
    }
    connect(m_save, &QPushButton::clicked, this, [this] { (void)save(); });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (isAmending())
            emit amendCancelled();
        startNew();
        m_value->clear();
        m_note->clear();
        clearProblems();
    });

    reloadProgram();
    startNew();
}

QLabel* ObservationForm::addField(QFormLayout* form, const QString& label, QWidget* widget,
                                  const QString& name)
{
    auto* message = new QLabel;
    message->setWordWrap(true);
    message->setTextFormat(Qt::PlainText);
    message->setVisible(false);
    auto* box = new QVBoxLayout;
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    box->addWidget(widget);
    box->addWidget(message);
    auto* caption = new QLabel(label);
    caption->setBuddy(widget);
    form->addRow(caption, box);
    m_messages.insert(name, message);
    m_fields.insert(name, widget);
    return message;
}

QWidget* ObservationForm::field(const QString& name) const
{
    return m_fields.value(name);
}

void ObservationForm::reloadProgram()
{
    const QString indicator = comboData(m_indicator);
    m_filling = true;
    m_indicator->clear();
    m_indicator->addItem(tr("Choose an indicator"), QString());
    if (const Program* p = m_ws.program()) {
        for (const Indicator& x : p->indicators) {
            if (x.source.kind == SourceKind::Formula)
                continue; // computed, never reported
            m_indicator->addItem(x.code + u" \u2014 "_s + x.title, x.code);
            m_indicator->setItemData(m_indicator->count() - 1, x.title, Qt::ToolTipRole);
        }
    }
    setComboData(m_indicator, indicator);
    m_filling = false;
    indicatorChanged();
    applyRole();
}

// The choices that fit the indicator: its kind of period, its level of org unit, its categories.
void ObservationForm::indicatorChanged()
{
    const Program* p = m_ws.program();
    const Indicator* x = p ? p->indicator(comboData(m_indicator)) : nullptr;
    const bool wasFilling = std::exchange(m_filling, true);

    const QString period = m_period->currentText();
    m_period->clear();
    if (p) {
        for (int fy = p->firstYear().fiscalYear(); fy <= p->lastYear().fiscalYear(); ++fy) {
            const Period year = Period::year(fy);
            if (!x || x->frequency == Frequency::Yearly)
                m_period->addItem(year.code(), year.code());
            if (!x || x->frequency == Frequency::Quarterly) {
                for (const Period& q : year.quarters())
                    m_period->addItem(q.code(), q.code());
            }
        }
    }
    m_period->setCurrentIndex(-1);
    m_period->setEditText(period);

    const QString unit = comboData(m_orgUnit);
    m_orgUnit->clear();
    m_orgUnit->addItem(tr("Choose an org unit"), QString());
    if (p) {
        for (const OrgUnit& u : p->orgUnits) {
            if (x && u.kind != x->reportedAt)
                continue;
            m_orgUnit->addItem(u.code + u" \u2014 "_s + u.name, u.code);
            m_orgUnit->setItemData(m_orgUnit->count() - 1, u.name, Qt::ToolTipRole);
        }
    }
    setComboData(m_orgUnit, unit);

    const QString category = comboData(m_category);
    m_category->clear();
    if (x && x->disaggregation) {
        m_category->addItem(tr("Choose a category (%1)").arg(x->disaggregation->code), QString());
        for (const QString& c : x->disaggregation->categories)
            m_category->addItem(c, c);
        setComboData(m_category, category);
    } else {
        m_category->addItem(tr("None (no disaggregation)"), QString());
    }
    m_category->setEnabled(!isAmending() && x && x->disaggregation && m_indicator->isEnabled());
    m_filling = wasFilling;
}

void ObservationForm::startNew()
{
    m_amending.clear();
    m_title->setText(tr("New observation"));
    m_save->setText(tr("&Save draft"));
    m_clear->setText(tr("C&lear"));
    for (QWidget* w : {static_cast<QWidget*>(m_indicator), static_cast<QWidget*>(m_period),
                       static_cast<QWidget*>(m_orgUnit), static_cast<QWidget*>(m_source)})
        w->setEnabled(true);
    indicatorChanged();
    applyRole();
}

void ObservationForm::startAmend(const Observation& o)
{
    m_amending = o.id;
    m_amendBeforeValue = o.value.toString();
    m_amendBeforeNote = o.note;
    m_title->setText(tr("Amend %1, %2, %3%4 (%5)")
                         .arg(o.indicator, o.period.code(), o.orgUnit,
                              o.category.isEmpty() ? QString() : u", "_s + o.category, o.state));
    m_save->setText(tr("&Save amendment"));
    m_clear->setText(tr("Ca&ncel amendment"));
    setInput(ObservationEntry::inputOf(o));
    for (QWidget* w : {static_cast<QWidget*>(m_indicator), static_cast<QWidget*>(m_period),
                       static_cast<QWidget*>(m_orgUnit), static_cast<QWidget*>(m_category),
                       static_cast<QWidget*>(m_source)})
        w->setEnabled(false);
    clearProblems();
    applyRole();
    m_value->setFocus();
    m_value->selectAll();
}

ObservationInput ObservationForm::input() const
{
    return {comboData(m_indicator), comboData(m_period), comboData(m_orgUnit),
            comboData(m_category),  m_value->text(),     m_source->text(),
            m_note->text()};
}

void ObservationForm::setInput(const ObservationInput& in)
{
    const bool wasFilling = std::exchange(m_filling, true);
    setComboData(m_indicator, in.indicator);
    indicatorChanged();
    m_period->setEditText(in.period);
    setComboData(m_orgUnit, in.orgUnit);
    setComboData(m_category, in.category);
    m_value->setText(in.value);
    m_source->setText(in.source);
    m_note->setText(in.note);
    m_filling = wasFilling;
    scheduleCheck();
}

void ObservationForm::scheduleCheck()
{
    if (!m_filling)
        m_checkTimer->start();
}

QList<ObservationEntry::Problem> ObservationForm::validateNow()
{
    m_checkTimer->stop();
    if (!m_ws.program())
        return {};
    ObservationEntry entry(m_ws.session(), *m_ws.program());
    auto problems = entry.check(input(), m_amending);
    if (!problems) {
        clearProblems();
        showBanner(problems.error().text(), true);
        return {ObservationEntry::Problem{{}, Severity::Error, problems.error().text()}};
    }
    show(problems.value());
    return problems.value();
}

void ObservationForm::clearProblems()
{
    for (QLabel* label : std::as_const(m_messages)) {
        label->clear();
        label->setVisible(false);
    }
    for (QWidget* w : std::as_const(m_fields)) {
        w->setToolTip({});
        w->setAccessibleDescription({});
    }
    showBanner({}, false);
}

void ObservationForm::showBanner(const QString& text, bool error)
{
    QPalette palette = m_banner->palette();
    palette.setColor(QPalette::WindowText, error ? kErrorColor : kWarningColor);
    m_banner->setPalette(palette);
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

void ObservationForm::show(const QList<ObservationEntry::Problem>& problems)
{
    clearProblems();
    QHash<QString, QStringList> byField;
    QHash<QString, bool> hasError;
    for (const auto& p : problems) {
        // A field the form does not show (a key part of an amendment) speaks for the row.
        const QString where = m_messages.contains(p.field) ? p.field : QString();
        const QString text =
            p.severity == Severity::Warning ? tr("Warning: %1").arg(p.message) : p.message;
        byField[where] << text;
        hasError[where] = hasError.value(where) || p.severity == Severity::Error;
    }
    for (auto it = byField.cbegin(); it != byField.cend(); ++it) {
        const QString text = it.value().join(u'\n');
        if (it.key().isEmpty()) {
            showBanner(text, hasError.value(it.key()));
            continue;
        }
        QLabel* label = m_messages.value(it.key());
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText,
                         hasError.value(it.key()) ? kErrorColor : kWarningColor);
        label->setPalette(palette);
        label->setText(text);
        label->setVisible(true);
        QWidget* w = m_fields.value(it.key());
        w->setToolTip(text);
        w->setAccessibleDescription(text);
    }
}

QString ObservationForm::message(const QString& field) const
{
    if (field.isEmpty())
        return m_banner->isVisible() ? m_banner->text() : QString();
    const QLabel* label = m_messages.value(field);
    return label ? label->text() : QString();
}

bool ObservationForm::save()
{
    if (!m_ws.hasRole({Role::Officer}))
        return false;
    const QList<ObservationEntry::Problem> problems = validateNow();
    for (const auto& p : problems) {
        if (p.severity == Severity::Error)
            return false;
    }
    const ObservationInput in = input();
    if (isAmending()) {
        const QString id = m_amending;
        auto* command = new ObservationAmendCommand(
            m_ws, id, {m_amendBeforeValue, m_amendBeforeNote}, {in.value.trimmed(), in.note});
        if (Status done = command->apply(); !done) {
            delete command;
            showBanner(done.error().text(), true);
            return false;
        }
        m_ws.undoStack()->push(command);
        startNew();
        m_value->clear();
        m_note->clear();
        clearProblems();
        emit saved(id);
        return true;
    }
    auto* command = new ObservationCreateCommand(m_ws, in);
    auto id = command->apply();
    if (!id) {
        delete command;
        showBanner(id.error().text(), true);
        return false;
    }
    m_ws.undoStack()->push(command);
    // The indicator, period and org unit stay: the next figure is usually the next category
    // or unit of the same return.
    m_value->clear();
    m_note->clear();
    clearProblems();
    QStringList warnings;
    for (const auto& p : problems)
        warnings << p.message;
    showBanner(warnings.isEmpty()
                   ? QString()
                   : tr("Saved as a draft, with a warning: %1").arg(warnings.join(u'\n')),
               false);
    emit saved(id.value());
    return true;
}

void ObservationForm::applyRole()
{
    const QString why = m_ws.roleReason({Role::Officer});
    const bool may = why.isEmpty();
    for (QWidget* w : std::as_const(m_fields)) {
        if (!may) {
            w->setEnabled(false);
            w->setToolTip(why);
        }
    }
    if (may && !isAmending()) {
        for (QWidget* w : {static_cast<QWidget*>(m_indicator), static_cast<QWidget*>(m_period),
                           static_cast<QWidget*>(m_orgUnit), static_cast<QWidget*>(m_value),
                           static_cast<QWidget*>(m_source), static_cast<QWidget*>(m_note)})
            w->setEnabled(true);
    }
    if (may && isAmending()) {
        m_value->setEnabled(true);
        m_note->setEnabled(true);
    }
    m_save->setEnabled(may);
    m_clear->setEnabled(may);
    m_save->setToolTip(why);
    m_clear->setToolTip(why);
}

} // namespace dli::ui
