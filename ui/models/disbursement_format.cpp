#include "ui/models/disbursement_format.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace dli::ui {

QString DisbursementFormat::amount(Money money, const Currency& currency)
{
    QString text = money.toPlainString(currency.minorDigits);
    const bool negative = text.startsWith(u'-');
    if (negative)
        text.remove(0, 1);
    const qsizetype point = text.indexOf(u'.');
    QString whole = point < 0 ? text : text.left(point);
    for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
        whole.insert(i, u',');
    return (negative ? u"-"_s : QString()) + whole + (point < 0 ? QString() : text.mid(point));
}

QString DisbursementFormat::status(DlrStatus status)
{
    switch (status) {
    case DlrStatus::NotStarted:
        return tr("not started");
    case DlrStatus::InProgress:
        return tr("in progress");
    case DlrStatus::Achieved:
        return tr("achieved");
    case DlrStatus::UnderVerification:
        return tr("under verification");
    case DlrStatus::PartiallyAchieved:
        return tr("partially achieved");
    case DlrStatus::Missed:
        return tr("missed");
    case DlrStatus::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString DisbursementFormat::eventKind(EventKind kind)
{
    switch (kind) {
    case EventKind::Disburse:
        return tr("disbursement");
    case EventKind::Advance:
        return tr("advance");
    case EventKind::Refund:
        return tr("refund");
    case EventKind::Reallocate:
        return tr("reallocation");
    case EventKind::Cancel:
        return tr("cancellation");
    }
    return {};
}

QString DisbursementFormat::findingKind(const QString& kind)
{
    if (kind == u"advance_cap_exceeded")
        return tr("Advance cap exceeded");
    if (kind == u"prior_results_cap_exceeded")
        return tr("Prior-results cap exceeded");
    if (kind == u"advance_outstanding_at_closing")
        return tr("Advance outstanding at closing");
    if (kind == u"overpayment")
        return tr("Overpayment");
    if (kind == u"time_bound_missed")
        return tr("Time-bound DLR missed");
    if (kind == u"forced_event")
        return tr("Forced event");
    if (kind == u"decision_not_covered")
        return tr("Decision not covered");
    return kind;
}

QString DisbursementFormat::ltr(const QString& text)
{
    if (!QGuiApplication::isRightToLeft())
        return text;
    // Left-to-right marks around it: the numbers and signs between them read left to right.
    return QChar(0x200E) + text + QChar(0x200E);
}

QColor DisbursementFormat::lightColor(DliLight light)
{
    switch (light) {
    case DliLight::Achieved:
        return QColor(0x1b, 0x7a, 0x3d);
    case DliLight::OnTrack:
        return QColor(0x4c, 0xaf, 0x50);
    case DliLight::AtRisk:
        return QColor(0xe0, 0x9b, 0x14);
    case DliLight::Missed:
        return QColor(0xc6, 0x28, 0x28);
    }
    return Qt::gray;
}

QIcon DisbursementFormat::lightIcon(DliLight light, int size)
{
    QIcon icon;
    for (const qreal ratio : {1.0, 2.0}) {
        QPixmap pixmap(QSize(size, size) * ratio);
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(lightColor(light));
        p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
        if (light == DliLight::Achieved) {
            QPen tick(Qt::white, size / 7.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            p.setPen(tick);
            p.setBrush(Qt::NoBrush);
            QPainterPath path;
            path.moveTo(size * 0.28, size * 0.52);
            path.lineTo(size * 0.44, size * 0.68);
            path.lineTo(size * 0.72, size * 0.36);
            p.drawPath(path);
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace dli::ui
