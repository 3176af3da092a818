#pragma once

#include "core/model/period.h"
#include "core/model/program.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace dli {

class Session;
class ChartSource;

// One point of a series. x is a category: a fiscal quarter code ("FY2025-Q1"), a fiscal year
// code ("FY2025", for indicators reported yearly), a DLI code or a cluster code. y is empty
// where there is nothing to draw (a quarter after the as-of date, a cluster with no figure).
struct ChartPoint {
    QString x;
    std::optional<double> y;
    QString label; // the exact value as text, for tooltips: "US$3,200,000.00", "340"

    friend bool operator==(const ChartPoint&, const ChartPoint&) = default;
};

struct ChartSeries {
    QString name;
    // A stable meaning key, one colour per meaning across all charts: verified, reported,
    // target, baseline, met, missed, pending, due, disbursed, payable, recovered, available,
    // pending_reallocation, cancelled, earned, allocation, value, year_to_date, submitted,
    // rejected, queried, within30.
    QString role;
    QString style; // line, dashed, step, bar, stacked, marker
    QList<ChartPoint> points;

    friend bool operator==(const ChartSeries&, const ChartSeries&) = default;
};

// A chart as plain data: what to draw, computed in core from the engine and the store. The
// drawing (Qt Charts) binds to it; no chart reads the database.
struct ChartData {
    QString kind; // dli-progress, disbursement, timeline, clusters, verification, trend
    QString title;
    QString xTitle;
    QString yTitle;
    bool money = false; // y is an amount in `currency` (major units)
    QString currency;   // ISO code when money
    QList<ChartSeries> series;
    QString emptyText; // non-empty when there is nothing to draw, saying why; series are empty
    QStringList notes; // e.g. deadline markers met / missed

    const ChartSeries* find(QStringView role) const;

    // The series of each chart kind; see chart_data.cpp for exactly what each computes. With a
    // valid knownAt, only what had been recorded by then counts (Disbursements::inputs), so a
    // report made "as known at" a moment draws the same charts later.
    static Result<ChartData> dliProgress(Session& session, const Program& program,
                                         const QString& dliCode, const QDate& asOf,
                                         const QDateTime& knownAt = {});
    static Result<ChartData> disbursementByDli(Session& session, const Program& program,
                                               const QDate& asOf, const QDateTime& knownAt = {});
    static Result<ChartData> disbursementTimeline(Session& session, const Program& program,
                                                  const QDate& asOf, const QDateTime& knownAt = {});
    static Result<ChartData> clusters(Session& session, const Program& program,
                                      const QString& indicator, const Period& period,
                                      const QDate& asOf, const QDateTime& knownAt = {});
    static Result<ChartData> verificationFlow(Session& session, const Program& program,
                                              const QDate& asOf, const QDateTime& knownAt = {});
    static Result<ChartData> indicatorTrend(Session& session, const Program& program,
                                            const QString& indicator, const QDate& asOf,
                                            const QDateTime& knownAt = {});
    // The same drawn from a shared source, which replays the store once for all of them.
    static Result<ChartData> dliProgress(ChartSource& source, const QString& dliCode);
    static Result<ChartData> disbursementByDli(ChartSource& source);
    static Result<ChartData> disbursementTimeline(ChartSource& source);
    static Result<ChartData> clusters(ChartSource& source, const QString& indicator,
                                      const Period& period);
    static Result<ChartData> verificationFlow(ChartSource& source);
    static Result<ChartData> indicatorTrend(ChartSource& source, const QString& indicator);

    // "series,x,y" then one row per point in series order; y with up to six decimals (empty
    // when there is none), fields quoted when they hold a comma or a quote. For golden files.
    static QString csv(const ChartData& chart);

    Q_DECLARE_TR_FUNCTIONS(ChartData) // last: it ends in "private:"
};

} // namespace dli
