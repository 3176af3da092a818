#include "ui/widgets/verification_summary.h"

#include "core/model/enum_names.h"
#include "ui/widgets/error_text.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

QLabel* wrapping(QLabel* label)
{
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel* caption(const QString& text)
{
    auto* label = new QLabel(text);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel* figure()
{
    auto* label = new QLabel;
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    label->setFont(f);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString methodText(VerificationMethod m)
{
    switch (m) {
    case VerificationMethod::DeskReview:
        return VerificationSummary::tr("desk review");
    case VerificationMethod::FieldVisit:
        return VerificationSummary::tr("field visit");
    case VerificationMethod::Sample:
        return VerificationSummary::tr("sample");
    case VerificationMethod::ThirdPartyReport:
        return VerificationSummary::tr("third-party report");
    }
    return {};
}

QString percent(const Decimal& share)
{
    return (share * Decimal::fromInt(100)).toString() + u'%';
}

} // namespace

VerificationSummary::VerificationSummary(QWidget* parent) : QWidget(parent)
{
    m_heading = wrapping(new QLabel);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_heading->setFont(big);
    m_subheading = wrapping(new QLabel);

    m_reported = figure();
    m_register = figure();
    m_finding = wrapping(new QLabel);
    m_finding->setMinimumWidth(200);
    m_figures = new QFrame;
    static_cast<QFrame*>(m_figures)->setFrameShape(QFrame::StyledPanel);
    auto* grid = new QGridLayout(m_figures);
    grid->setHorizontalSpacing(24);
    m_claimed = figure();
    m_claimedCaption = caption(QString());
    grid->addWidget(caption(tr("Reported")), 0, 0);
    grid->addWidget(m_claimedCaption, 0, 1);
    grid->addWidget(caption(tr("Register")), 0, 2);
    grid->addWidget(caption(tr("Reconciliation")), 0, 3);
    grid->addWidget(m_reported, 1, 0, Qt::AlignTop);
    grid->addWidget(m_claimed, 1, 1, Qt::AlignTop);
    grid->addWidget(m_register, 1, 2, Qt::AlignTop);
    grid->addWidget(m_finding, 1, 3, Qt::AlignTop);
    grid->setColumnStretch(3, 1);

    m_protocol = wrapping(new QLabel);
    m_protocol->setForegroundRole(QPalette::PlaceholderText);
    m_verification = wrapping(new QLabel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_subheading);
    layout->addWidget(m_figures);
    layout->addWidget(m_verification);
    layout->addWidget(m_protocol);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
}

void VerificationSummary::showNothing(const QString& text)
{
    m_heading->setText(tr("No observation selected"));
    m_subheading->setText(text);
    m_figures->setVisible(false);
    m_protocol->setVisible(false);
    m_verification->setVisible(false);
}

void VerificationSummary::showObservation(const Program& program, const Content& c)
{
    const Observation& o = c.observation;
    const Indicator* x = program.indicator(o.indicator);
    const OrgUnit* unit = program.orgUnit(o.orgUnit);
    QStringList head{o.indicator, o.period.code(), o.orgUnit};
    if (!o.category.isEmpty())
        head << o.category;
    m_heading->setText(head.join(u"  ·  "_s));
    QStringList lines;
    lines << tr("%1 in %2").arg(x ? x->title : o.indicator, unit ? unit->name : o.orgUnit);
    QString who = tr("Reported by %1 on %2").arg(o.reporter, o.createdAt.toString(u"yyyy-MM-dd"_s));
    if (c.submittedAt.isValid())
        who += tr("; submitted %1").arg(c.submittedAt.toString(u"yyyy-MM-dd"_s));
    who += tr("; now %1.").arg(o.state);
    lines << who;
    if (!o.replaces.isEmpty())
        lines << tr("Corrects observation %1.").arg(o.replaces);
    if (!o.note.isEmpty())
        lines << tr("Note: %1").arg(o.note);
    if (!o.source.isEmpty())
        lines << tr("Source: %1").arg(o.source);
    m_subheading->setText(lines.join(u'\n'));

    m_figures->setVisible(true);
    m_reported->setText(o.value.toString());
    QPalette palette = m_finding->palette();
    palette.setColor(QPalette::WindowText, this->palette().color(QPalette::WindowText));
    const bool claimDiffers = c.reconciliation && c.reconciliation->reported != o.value;
    m_claimed->setVisible(claimDiffers);
    m_claimedCaption->setVisible(claimDiffers);
    m_claimed->setText(claimDiffers ? c.reconciliation->reported.toString() : QString());
    if (const auto& r = c.reconciliation) {
        m_register->setText(r->registered.toString());
        QString text;
        if (claimDiffers) {
            const bool cumulative = x && x->cumulative;
            m_claimedCaption->setText(cumulative ? tr("Claimed to date") : tr("Claimed in all"));
            text = cumulative ? tr("%1 is cumulative: the register is compared with every claim "
                                   "for %2 up to %3. ")
                                    .arg(o.indicator, o.orgUnit, o.period.code())
                              : tr("The register is compared with the claims of every category "
                                   "for %1 in %2. ")
                                    .arg(o.orgUnit, o.period.code());
        }
        if (r->finding) {
            text += tr("Finding: the gap %1 is beyond the tolerance (%2). Resolve it before "
                       "verifying: verify a corrected value with its reason, or query the figure.")
                        .arg(r->gap.toString(), r->allowed.toString());
            palette.setColor(QPalette::WindowText, errorColour());
        } else {
            text += r->gap.isZero() ? tr("The claim agrees with the register.")
                                    : tr("The gap %1 is within the tolerance (%2).")
                                          .arg(r->gap.toString(), r->allowed.toString());
        }
        m_finding->setText(text);
    } else {
        m_register->setText(tr("—"));
        m_finding->setText(x && x->source.kind == SourceKind::Register
                               ? tr("No register figure for this period and unit.")
                               : tr("No register defines %1: there is nothing to reconcile; "
                                    "check the evidence.")
                                     .arg(o.indicator));
    }
    m_finding->setPalette(palette);

    if (const auto& v = c.verification) {
        QString text =
            tr("Verified %1 (reported %2) by %3 on %4, by %5.")
                .arg(v->verifiedValue.toString(), v->reportedValue.toString(), v->verifier,
                     v->verifiedOn.toString(Qt::ISODate), methodText(v->method));
        if (!v->reason.isEmpty())
            text += u' ' + tr("Reason: %1").arg(v->reason);
        if (!v->note.isEmpty())
            text += u' ' + tr("Note: %1").arg(v->note);
        m_verification->setText(text);
        m_verification->setVisible(true);
    } else {
        m_verification->setVisible(false);
    }

    const Dli* dli = program.dliForIndicator(o.indicator);
    if (dli) {
        const VerificationProtocol& p = dli->protocol;
        QStringList parts;
        parts << tr("%1 protocol: %2")
                     .arg(dli->code, p.verifier.isEmpty() ? tr("any verifier") : p.verifier);
        if (!p.method.isEmpty())
            parts << p.method;
        if (p.sampleSize > 0)
            parts << tr("samples of %1 rows, at most %2 failing")
                         .arg(p.sampleSize)
                         .arg(percent(p.maxErrorRate));
        if (!p.evidence.isEmpty())
            parts << tr("evidence: %1").arg(p.evidence.join(u", "_s));
        m_protocol->setText(parts.join(u"; "_s) + u'.');
    } else {
        m_protocol->setText(
            tr("%1 is not a DLI indicator: no verification protocol applies.").arg(o.indicator));
    }
    m_protocol->setVisible(true);
}

QString VerificationSummary::reportedText() const
{
    return m_reported->text();
}

QString VerificationSummary::registerText() const
{
    return m_register->text();
}

QString VerificationSummary::claimedText() const
{
    return m_claimed->text();
}

QString VerificationSummary::findingText() const
{
    return m_finding->text();
}

} // namespace dli::ui
