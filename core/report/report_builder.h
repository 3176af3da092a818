#pragma once

#include "core/report/report_data.h"
#include "core/result.h"

#include <QCoreApplication>
#include <functional>

namespace dli {

class Session;
struct Program;

// Assembles the quarterly progress report from the store, as known at a moment: the status of
// every DLI and DLR, the results framework, the charts' series, the verification work, the open
// validation findings and the evidence behind the DLRs claimed, then its fingerprint.
class ReportBuilder {
    Q_DECLARE_TR_FUNCTIONS(ReportBuilder)
public:
    struct Options {
        Period quarter;     // a fiscal quarter
        QDate asOf;         // invalid: the quarter's last day
        QDateTime knownAt;  // invalid: now (the session's clock)
        QString preparedBy; // empty: the session's current user
        // Called between steps with the share done (0..100) and what is being done; returning
        // false cancels: the build then fails with ErrorCode::Conflict, saying so.
        std::function<bool(int percent, const QString& step)> progress;
    };

    static Result<QuarterlyReport> build(Session& session, const Program& program,
                                         const Options& options);
};

} // namespace dli
