#pragma once

#include "core/engine/disbursement.h"
#include "core/model/program.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QStringList>

namespace dli::ui {

// What recording a money event would change, before it is recorded: the engine computed on the
// events as recorded, and again with the candidate appended, in memory (nothing is written).
class EventPreview {
    Q_DECLARE_TR_FUNCTIONS(EventPreview)
public:
    struct Line {
        QString label; // "Payable, DLR 6.1"
        Money before;
        Money after;
    };
    QDate asOf;
    QList<Line> lines;
    QStringList newFindings; // findings the event would add (a forced event, an overpayment)

    // `recorded` holds every observation and event as they stand (Disbursements::inputs); the
    // preview is computed as of `asOf`, which the caller makes no earlier than the event's date.
    static EventPreview compute(const Program& program, const DisbursementEngine::Input& recorded,
                                const DisbursementEvent& candidate, const QDate& asOf);

    // One line per figure: "Payable, DLR 6.1: US$1,180,000.00 → US$0.00".
    QStringList text(const Currency& currency) const;
};

} // namespace dli::ui
