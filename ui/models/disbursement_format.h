#pragma once

#include "core/engine/disbursement.h"
#include "core/engine/dli_outlook.h"

#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace dli::ui {

// How the dashboard, the disbursement page and the event dialogs write the engine's words and
// amounts for people, in one place so that they read the same everywhere.
class DisbursementFormat {
    Q_DECLARE_TR_FUNCTIONS(DisbursementFormat)
public:
    // "1,500,000.00": grouped, all minor digits, no currency symbol (for table columns whose
    // header names the currency).
    static QString amount(Money money, const Currency& currency);
    // "under verification", "partially achieved"...
    static QString status(DlrStatus status);
    // "disbursement", "advance", "refund", "reallocation", "cancellation"
    static QString eventKind(EventKind kind);
    // "Forced event", "Overpayment"... for the engine's finding kinds.
    static QString findingKind(const QString& kind);
    // A coloured disc for a traffic light (a tick on achieved), with the light's name beside
    // it wherever it is shown: the colour is never the only cue.
    static QIcon lightIcon(DliLight light, int size = 14);
    static QColor lightColor(DliLight light);
    // Keeps a run whose order carries meaning ("28 / 25", "4.1 → 4.4", a date and time) left to
    // right when the layout is right to left; unchanged otherwise.
    static QString ltr(const QString& text);
};

} // namespace dli::ui
