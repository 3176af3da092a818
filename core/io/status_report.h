#pragma once

#include "core/engine/disbursement.h"
#include "core/model/program.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace dli {

// Lays out the disbursement engine's result: the JSON contract of docs/disbursement.md
// ("dlitracker-status/1") and the table an officer reads.
class StatusReport {
    Q_DECLARE_TR_FUNCTIONS(StatusReport)
public:
    static constexpr auto Format = u"dlitracker-status/1";

    // forecast, when given, goes beside the verified result under "forecast".
    static QByteArray json(const Program& program, const Disbursement& verified,
                           const Disbursement* forecast = nullptr);
    // One line per DLR with its status and money columns; the explanations under each DLR when
    // explain is set; the findings at the end.
    static QString text(const Program& program, const Disbursement& verified,
                        const Disbursement* forecast = nullptr, bool explain = false);
};

} // namespace dli
