#pragma once

#include "core/engine/disbursement.h"
#include "core/model/observation.h"
#include "core/model/program.h"
#include "core/report/report_data.h"
#include "core/result.h"

namespace dli {

// The data fingerprint of a report: SHA-256 over a canonical serialisation of exactly what the
// report was built from and says, never of when or by whom it was made. The parts, each as
// "<byte length>\n<bytes>\n" in this order:
//  1. the program definition as `program export` writes it;
//  2. the observations of periods begun by the as-of date, by id: indicator, period, org unit,
//     category, value, state, and the verified value and date when verified by the as-of date
//     (a figure verified later was still pending then);
//  3. the money events dated by the as-of date, in recording order;
//  4. the report's sections: every sentence, figure, table cell and chart series.
// Compact JSON with sorted keys and numbers as exact decimal text, so the same data gives the
// same 64 hex digits on every machine. docs/reports.md describes it for readers who check.
class ReportFingerprint {
public:
    static Result<QString> of(const Program& program, const QList<Observation>& observations,
                              const QList<DisbursementEvent>& events, const QDate& asOf,
                              const QList<ReportSection>& sections);
};

} // namespace dli
