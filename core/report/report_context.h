#pragma once

// Internal to the report builder: what every section is computed from, gathered once, and the
// cells the sections fill their tables with.

#include "core/engine/disbursement.h"
#include "core/model/observation.h"
#include "core/model/program.h"
#include "core/model/verification.h"
#include "core/report/report_data.h"
#include "core/result.h"

#include <QCoreApplication>

namespace dli {

class Session;

struct ReportContext {
    Session& session;
    const Program& program;
    Period quarter;
    QDate quarterStart;
    QDate quarterEnd;
    QDate asOf;
    QDateTime knownAt;

    // As known at knownAt: every observation (states replayed, verifications recorded later
    // left out), the workflow's transitions and the money events.
    QList<Observation> observations;
    QList<Transition> transitions;
    QList<DisbursementEvent> events;
    Disbursement status;   // as of asOf
    Disbursement previous; // as of the day before the quarter began

    const Currency& currency() const { return program.currency; }
    int sm() const { return program.fiscalYearStartMonth; }
    // Whether a date falls in the quarter, up to the as-of date.
    bool inQuarter(const QDate& d) const { return d >= quarterStart && d <= asOf; }
    // The observations that existed and concern periods begun by the as-of date.
    QList<Observation> observationsByAsOf() const;
};

namespace report {

Decimal roundedTo(const Decimal& d, int decimals); // half away from zero
ReportCell moneyCell(const Money& m, const Currency& c);
ReportCell decimalCell(const std::optional<Decimal>& d);
ReportCell intCell(qint64 n);
ReportCell percentCell(const std::optional<Decimal>& pct); // 12.5 -> "12.5%"
ReportCell textCell(const QString& s);
QString isoDate(const QDate& d);
// "1 sample", "3 samples".
QString counted(qsizetype n, const QString& one, const QString& many);
QString longDate(const QDate& d); // "31 December 2024"
QString dlrStatusText(DlrStatus s);
ReportColumn column(const QString& key, const QString& title, ReportColumnKind kind, int width = 1);
ReportColumn moneyColumn(const QString& key, const QString& title, const Currency& c);

// The sections, in the order of the report.
Result<ReportSection> statusSection(ReportContext& ctx);
Result<ReportSection> frameworkSection(ReportContext& ctx);
Result<ReportSection> chartsSection(ReportContext& ctx);
Result<ReportSection> verificationSection(ReportContext& ctx);
Result<ReportSection> dataQualitySection(ReportContext& ctx);
Result<ReportSection> evidenceSection(ReportContext& ctx);
// Written last: it sums up the others.
Result<ReportSection> summarySection(ReportContext& ctx, const QList<ReportSection>& others);

} // namespace report

} // namespace dli
