#include "ui/dialogs/event_dialog.h"

#include "core/storage/session.h"
#include "ui/models/disbursement_format.h"
#include "ui/widgets/error_text.h"
#include "ui/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

bool onDli(EventKind kind)
{
    return kind == EventKind::Advance || kind == EventKind::Refund;
}

QString htmlList(const QStringList& items)
{
    QString html;
    for (const QString& item : items)
        html += u"<li>"_s + item.toHtmlEscaped() + u"</li>"_s;
    return u"<ul style='margin-left:-20px'>"_s + html + u"</ul>"_s;
}

QLabel* wrapped()
{
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

EventDialog::EventDialog(Workspace& workspace, EventKind kind, const QString& code, QWidget* parent)
    : QDialog(parent), m_ws(workspace), m_kind(kind),
      m_service(workspace.session(), *workspace.program())
{
    setWindowTitle(title());
    if (auto in = m_service.inputs(QDate()))
        m_recordedInput = std::move(in).value();
    else
        m_ws.report(tr("Cannot preview the event"), in.error());

    auto* introLabel = new QLabel(intro());
    introLabel->setWordWrap(true);

    m_target = new QComboBox;
    m_to = new QComboBox(this);
    fillTargets();
    if (const int i = m_target->findData(code); i >= 0)
        m_target->setCurrentIndex(i);
    const Currency& cur = m_ws.program()->currency;
    m_amount = new QLineEdit;
    m_amount->setPlaceholderText(tr("e.g. 1250000.50"));
    m_amount->setClearButtonEnabled(true);
    const QDate today = m_ws.session().options().now().date();
    m_date = new QDateEdit(std::min(today, m_ws.asOf()));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_date->setMaximumDate(today);
    m_reference = new QLineEdit;
    m_reference->setPlaceholderText(kind == EventKind::Reallocate || kind == EventKind::Cancel
                                        ? tr("the decision's number, e.g. PSC-2026-04")
                                        : tr("the withdrawal application, e.g. WA-12"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    if (onDli(kind))
        form->addRow(tr("&DLI:"), m_target);
    else if (kind == EventKind::Reallocate)
        form->addRow(tr("&From DLR:"), m_target);
    else
        form->addRow(tr("&DLR:"), m_target);
    if (kind == EventKind::Reallocate)
        form->addRow(tr("&To DLR:"), m_to);
    else
        m_to->hide();
    form->addRow(tr("A&mount (%1):").arg(cur.code), m_amount);
    form->addRow(tr("Dat&e:"), m_date);
    form->addRow(tr("Refere&nce:"), m_reference);

    m_checkLabel = wrapped();
    m_previewTitle = new QLabel;
    QFont bold = m_previewTitle->font();
    bold.setBold(true);
    m_previewTitle->setFont(bold);
    m_previewLabel = wrapped();
    m_previewLabel->setTextFormat(Qt::RichText);
    auto* engineBox = new QGroupBox(tr("What the engine will do"));
    auto* engineLayout = new QVBoxLayout(engineBox);
    engineLayout->addWidget(m_checkLabel);
    engineLayout->addWidget(m_previewTitle);
    engineLayout->addWidget(m_previewLabel);
    engineLayout->addStretch(1);

    m_force = new QCheckBox(tr("Record &anyway: the Bank agreed to it"));
    m_force->setToolTip(tr("A forced event is recorded against the rules; its reason is kept and "
                           "shown as a finding in every status from its date on."));
    m_reason = new QLineEdit;
    m_reason->setPlaceholderText(tr("e.g. Bank letter of 12 June 2026"));
    m_reasonLabel = new QLabel(tr("Rea&son:"));
    m_reasonLabel->setBuddy(m_reason);
    auto* forceForm = new QFormLayout;
    forceForm->addRow(m_force);
    forceForm->addRow(m_reasonLabel, m_reason);

    auto* note = new QLabel(tr("Recording cannot be undone: money events are audited records. "
                               "Check the figures above before you confirm."));
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    m_error = newErrorLabel();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_record = m_buttons->button(QDialogButtonBox::Ok);
    m_record->setText(tr("&Record"));
    m_record->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { (void)submit(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* box = new QVBoxLayout(this);
    box->addWidget(introLabel);
    box->addLayout(form);
    box->addWidget(engineBox, 1);
    box->addLayout(forceForm);
    box->addWidget(note);
    box->addWidget(m_error);
    box->addWidget(m_buttons);
    setMinimumWidth(560);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(200);
    connect(m_timer, &QTimer::timeout, this, &EventDialog::updateNow);
    const auto changed = [this] {
        scheduleUpdate();
    };
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        prefillAmount();
        scheduleUpdate();
    });
    connect(m_to, &QComboBox::currentIndexChanged, this, changed);
    connect(m_amount, &QLineEdit::textEdited, this, [this] { m_amountTouched = true; });
    connect(m_amount, &QLineEdit::textChanged, this, changed);
    connect(m_date, &QDateEdit::dateChanged, this, [this] {
        prefillAmount();
        scheduleUpdate();
    });
    connect(m_reference, &QLineEdit::textChanged, this, changed);
    connect(m_force, &QCheckBox::toggled, this, changed);
    connect(m_reason, &QLineEdit::textChanged, this, changed);

    QList<QWidget*> chain{m_target};
    if (kind == EventKind::Reallocate)
        chain << m_to;
    chain << m_amount << m_date << m_reference << m_force << m_reason << m_record
          << m_buttons->button(QDialogButtonBox::Cancel);
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
    prefillAmount();
    updateNow();
    m_target->setFocus();
}

EventDialog::~EventDialog() = default;

QString EventDialog::title() const
{
    switch (m_kind) {
    case EventKind::Disburse:
        return tr("Record a disbursement");
    case EventKind::Advance:
        return tr("Record an advance");
    case EventKind::Refund:
        return tr("Record a refund of an advance");
    case EventKind::Reallocate:
        return tr("Record a reallocation decision");
    case EventKind::Cancel:
        return tr("Record a cancellation decision");
    }
    return {};
}

QString EventDialog::intro() const
{
    switch (m_kind) {
    case EventKind::Disburse:
        return tr("Cash the Bank paid against a DLR. It may not exceed what is payable for the "
                  "DLR on its date.");
    case EventKind::Advance:
        return tr("Money paid against a DLI before its results are achieved; it is recovered "
                  "from what the DLI earns later. Outstanding advances may not exceed the cap.");
    case EventKind::Refund:
        return tr("Money given back against a DLI's outstanding advance.");
    case EventKind::Reallocate:
        return tr("A decision that moves a final DLR's pending money to another DLR that is not "
                  "yet final.");
    case EventKind::Cancel:
        return tr("A decision that cancels a final DLR's pending money.");
    }
    return {};
}

void EventDialog::fillTargets()
{
    const Program& p = *m_ws.program();
    for (const Dli& d : p.dlis) {
        if (onDli(m_kind)) {
            m_target->addItem(tr("%1  %2").arg(d.code, d.title), d.code);
            continue;
        }
        for (int i : p.dlrOrder(d)) {
            const Dlr& r = d.dlrs[i];
            const QString text = r.title.isEmpty() ? r.code : tr("%1  %2").arg(r.code, r.title);
            m_target->addItem(text, r.code);
            m_to->addItem(text, r.code);
        }
    }
    for (QComboBox* box : {m_target, m_to}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(30);
        box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    m_to->setCurrentIndex(m_to->count() > 1 ? 1 : 0);
}

std::optional<Money> EventDialog::parsedAmount(QString* why) const
{
    QString text = m_amount->text().trimmed();
    text.remove(u',');
    text.remove(u' ');
    if (text.isEmpty()) {
        if (why)
            *why = tr("type the amount");
        return std::nullopt;
    }
    auto m = Money::parse(text, m_ws.program()->currency.minorDigits);
    if (!m) {
        if (why)
            *why = tr("the amount: %1").arg(m.error().message);
        return std::nullopt;
    }
    return m.value();
}

DisbursementEvent EventDialog::event() const
{
    DisbursementEvent e;
    e.kind = m_kind;
    const QString code = m_target->currentData().toString();
    if (onDli(m_kind))
        e.dli = code;
    else
        e.dlr = code;
    if (m_kind == EventKind::Reallocate)
        e.toDlr = m_to->currentData().toString();
    e.amount = parsedAmount().value_or(Money());
    e.date = m_date->date();
    e.reference = m_reference->text().trimmed();
    e.forced = m_force->isChecked();
    e.reason = m_reason->text().trimmed();
    if (const auto& user = m_ws.user())
        e.recordedBy = user->name;
    e.recordedAt = m_ws.session().options().now().toUTC();
    return e;
}

void EventDialog::prefillAmount()
{
    // What the rule allows, as a starting point, until the user types an amount of their own.
    if (m_amountTouched || !m_amount)
        return;
    DisbursementEngine::Input in = m_recordedInput;
    in.asOf = m_date->date();
    const Disbursement s = DisbursementEngine::compute(*m_ws.program(), in);
    const QString code = m_target->currentData().toString();
    std::optional<Money> suggested;
    if (m_kind == EventKind::Disburse) {
        if (const DlrResult* r = s.dlr(code))
            suggested = r->money.payable;
    } else if (m_kind == EventKind::Refund) {
        if (const DliResult* d = s.dli(code))
            suggested = d->outstandingAdvance;
    } else if (m_kind == EventKind::Reallocate || m_kind == EventKind::Cancel) {
        if (const DlrResult* r = s.dlr(code))
            suggested = r->money.pendingReallocation;
    }
    const QSignalBlocker quiet(m_amount);
    if (suggested && !suggested->isZero())
        m_amount->setText(suggested->toPlainString(m_ws.program()->currency.minorDigits));
    else
        m_amount->clear();
}

void EventDialog::scheduleUpdate()
{
    m_timer->start();
}

void EventDialog::updateNow()
{
    m_timer->stop();
    m_errors.clear();
    m_refusals.clear();
    m_preview = EventPreview();
    QString why;
    const std::optional<Money> amount = parsedAmount(&why);
    const DisbursementEvent e = event();
    auto check = m_service.check(e);
    if (!check) {
        m_errors << check.error().text();
    } else {
        m_errors = check->errors;
        m_refusals = check->refusals;
    }
    // "the amount must be more than zero, not US$0.00" says less than why it is not a number.
    if (!amount) {
        m_errors.removeIf([](const QString& s) { return s.contains(u"more than zero"_s); });
        m_errors.prepend(why);
    }
    if (m_errors.isEmpty()) {
        DisbursementEvent candidate = e;
        candidate.forced = m_force->isChecked() && !m_refusals.isEmpty();
        m_preview = EventPreview::compute(*m_ws.program(), m_recordedInput, candidate,
                                          std::max(e.date, m_ws.asOf()));
    }
    showCheck();
}

void EventDialog::showCheck()
{
    const Currency& cur = m_ws.program()->currency;
    if (!m_errors.isEmpty()) {
        m_checkLabel->setText(u"<span style='color:#b01c1c'><b>"_s +
                              tr("Cannot be recorded yet:").toHtmlEscaped() + u"</b></span>"_s +
                              htmlList(m_errors));
    } else if (!m_refusals.isEmpty()) {
        m_checkLabel->setText(
            u"<span style='color:#a65f00'><b>"_s + tr("Refused by the rules:").toHtmlEscaped() +
            u"</b></span>"_s + htmlList(m_refusals) +
            tr("If the Bank agreed to it, record it anyway with a reason.").toHtmlEscaped());
    } else {
        m_checkLabel->setText(u"<span style='color:#1b6e35'><b>"_s +
                              tr("It keeps every rule.").toHtmlEscaped() + u"</b></span>"_s);
    }
    const bool previewed = m_errors.isEmpty() && m_preview.asOf.isValid();
    m_previewTitle->setVisible(previewed);
    m_previewLabel->setVisible(previewed);
    if (previewed) {
        m_previewTitle->setText(
            tr("After recording, as of %1:").arg(m_preview.asOf.toString(Qt::ISODate)));
        QString html = htmlList(m_preview.text(cur));
        if (!m_preview.newFindings.isEmpty())
            html += u"<b>"_s + tr("New findings:").toHtmlEscaped() + u"</b>"_s +
                    htmlList(m_preview.newFindings);
        m_previewLabel->setText(html);
    }
    const bool refused = m_errors.isEmpty() && !m_refusals.isEmpty();
    m_force->setEnabled(refused);
    if (!refused && m_force->isChecked()) {
        const QSignalBlocker quiet(m_force);
        m_force->setChecked(false);
    }
    const bool forcing = refused && m_force->isChecked();
    m_reason->setEnabled(forcing);
    m_reasonLabel->setEnabled(forcing);
    m_record->setEnabled(canRecord());
    m_record->setText(forcing ? tr("&Record anyway") : tr("&Record"));
    m_record->setToolTip(canRecord() ? tr("Records the event; it cannot be undone")
                         : forcing   ? tr("A forced event needs a reason")
                                     : tr("Resolve what the engine says first"));
}

bool EventDialog::canRecord() const
{
    if (!m_errors.isEmpty())
        return false;
    if (m_refusals.isEmpty())
        return true;
    return m_force->isChecked() && !m_reason->text().trimmed().isEmpty();
}

QStringList EventDialog::previewLines() const
{
    return m_preview.text(m_ws.program()->currency) + m_preview.newFindings;
}

QString EventDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

bool EventDialog::submit()
{
    updateNow();
    if (!canRecord()) {
        m_error->setText(!m_errors.isEmpty() ? m_errors.join(u'\n')
                         : m_force->isChecked()
                             ? tr("A forced event needs a reason.")
                             : tr("The rules refuse it: %1").arg(m_refusals.join(u"; "_s)));
        m_error->setVisible(true);
        return false;
    }
    const bool force = !m_refusals.isEmpty() && m_force->isChecked();
    auto recorded = m_service.record(event(), force);
    if (!recorded) {
        // Everything typed stays; core's message says what to change.
        m_error->setText(recorded.error().text());
        m_error->setVisible(true);
        return false;
    }
    m_error->clear();
    m_error->setVisible(false);
    m_recorded = recorded.value();
    accept();
    return true;
}

} // namespace dli::ui
