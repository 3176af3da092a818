#pragma once

// A quarterly report made by hand, with every section, long tables that must break across pages,
// Urdu text and two charts: for the writers' tests, independent of the builder.
#include "core/report/report_data.h"

#include <QtGlobal>

namespace dli::test {

inline ReportCell reportNumber(const QString& text, const QString& exact)
{
    return ReportCell{text, Decimal::parse(exact).value()};
}

inline QuarterlyReport handMadeReport(int evidenceRows = 80)
{
    using namespace Qt::StringLiterals;
    using K = ReportColumnKind;
    QuarterlyReport r;
    r.programCode = u"PJC-CDI"_s;
    r.programTitle = u"Punjab Jobs and Competitiveness PforR: Cluster Development Initiative"_s;
    r.currency = u"USD"_s;
    r.quarter = Period::quarter(2025, 2);
    r.quarterStart = QDate(2024, 10, 1);
    r.quarterEnd = QDate(2024, 12, 31);
    r.asOf = QDate(2024, 12, 31);
    r.knownAt = QDateTime(QDate(2025, 1, 15), QTime(9, 0), Qt::UTC);
    r.generatedAt = QDateTime(QDate(2025, 1, 15), QTime(9, 0), Qt::UTC);
    r.preparedBy = u"Demo M&E officer (officer)"_s;
    r.fingerprint = u"0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"_s;
    r.auditHead = u"a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"_s;
    r.auditEntries = 1234;

    ReportSection summary{u"summary"_s, u"Executive summary"_s, {}, {}, {}, {}};
    summary.paragraphs
        << u"By 31 December 2024, US$8,820,000.00 of the US$20,000,000.00 financing has been "
           "earned and US$5,945,000.00 disbursed."_s
        << u"DLR 2.1 is at risk: its deadline of 30 June 2025 is two quarters away."_s;
    summary.figures << ReportFigure{u"financing"_s, u"Financing"_s,
                                    reportNumber(u"US$20,000,000.00"_s, u"20000000"_s), K::Money}
                    << ReportFigure{u"earned"_s, u"Earned"_s,
                                    reportNumber(u"US$8,820,000.00"_s, u"8820000"_s), K::Money}
                    << ReportFigure{u"dlrs_achieved"_s, u"DLRs achieved this quarter"_s,
                                    reportNumber(u"2"_s, u"2"_s), K::Integer};
    ReportTable figures{
        u"summary"_s,
        u"Key figures"_s,
        {{u"figure"_s, u"Figure"_s, K::Text, 3}, {u"value"_s, u"Value"_s, K::Money, 2}},
        {},
        {},
        {}};
    for (const ReportFigure& f : summary.figures)
        figures.rows << QList<ReportCell>{ReportCell::of(f.label), f.value};
    summary.tables << figures;
    r.sections << summary;

    ReportSection status{u"dli-status"_s, u"DLI status"_s, {}, {}, {}, {}};
    ReportTable dlis{u"dli-status"_s,
                     u"DLIs and DLRs"_s,
                     {{u"code"_s, u"DLI / DLR"_s, K::Text, 1},
                      {u"title"_s, u"Title"_s, K::Text, 4},
                      {u"status"_s, u"Status"_s, K::Text, 2},
                      {u"target"_s, u"Target"_s, K::Number, 1},
                      {u"achieved"_s, u"Achieved"_s, K::Number, 1},
                      {u"allocation"_s, u"Allocation"_s, K::Money, 2},
                      {u"earned"_s, u"Earned"_s, K::Money, 2},
                      {u"disbursed"_s, u"Disbursed"_s, K::Money, 2}},
                     {},
                     {},
                     {}};
    for (int d = 1; d <= 6; ++d) {
        dlis.groupRows << static_cast<int>(dlis.rows.size());
        dlis.rows << QList<ReportCell>{
            ReportCell::of(u"DLI"_s + QString::number(d)),
            ReportCell::of(u"Disbursement-linked indicator "_s + QString::number(d)),
            ReportCell::of({}),
            ReportCell::of({}),
            ReportCell::of({}),
            reportNumber(u"US$3,000,000.00"_s, u"3000000"_s),
            reportNumber(u"US$1,500,000.00"_s, u"1500000"_s),
            reportNumber(u"US$1,000,000.00"_s, u"1000000"_s)};
        for (int k = 1; k <= 3; ++k)
            dlis.rows << QList<ReportCell>{
                ReportCell::of(QString::number(d) + u'.' + QString::number(k)),
                ReportCell::of(u"A result with a long title that wraps onto a second line in "
                               "the table"_s),
                ReportCell::of(u"partially achieved"_s),
                reportNumber(u"120"_s, u"120"_s),
                reportNumber(u"84.5"_s, u"84.5"_s),
                reportNumber(u"US$1,000,000.00"_s, u"1000000"_s),
                reportNumber(u"US$500,000.00"_s, u"500000"_s),
                ReportCell::of(u"n/a"_s)};
    }
    status.tables << dlis;
    status.tables << ReportTable{
        u"dlr-explanations"_s,
        u"DLRs that changed this quarter"_s,
        {{u"dlr"_s, u"DLR"_s, K::Text, 1}, {u"explanation"_s, u"Explanation"_s, K::Text, 8}},
        {{ReportCell::of(u"3.2"_s), ReportCell::of(u"verified FIRMS_UPGRADE = 242 against target "
                                                   "120 from baseline 0 → 201.67%; target "
                                                   "reached → US$1,000,000.00 earned."_s)}},
        {},
        {}};
    r.sections << status;

    ReportSection framework{u"results-framework"_s, u"Results framework"_s, {}, {}, {}, {}};
    framework.tables << ReportTable{
        u"results-framework"_s,
        u"PDO and intermediate indicators"_s,
        {{u"indicator"_s, u"Indicator"_s, K::Text, 4},
         {u"baseline"_s, u"Baseline"_s, K::Number, 1},
         {u"progress"_s, u"Progress"_s, K::Percent, 1}},
        {{ReportCell::of(u"خواتین کی تربیت (women trained)"_s), reportNumber(u"0"_s, u"0"_s),
          reportNumber(u"45.0%"_s, u"45"_s)}},
        {},
        {}};
    r.sections << framework;

    ReportSection charts{u"charts"_s, u"Charts"_s, {}, {}, {}, {}};
    ChartData bars;
    bars.kind = u"disbursement"_s;
    bars.title = u"Disbursement by DLI"_s;
    bars.money = true;
    bars.currency = u"USD"_s;
    bars.xTitle = u"DLI"_s;
    bars.yTitle = u"US$"_s;
    bars.series << ChartSeries{u"Disbursed"_s,
                               u"disbursed"_s,
                               u"stacked"_s,
                               {{u"DLI1"_s, 2'000'000.0, u"US$2,000,000.00"_s},
                                {u"DLI2"_s, 500'000.0, u"US$500,000.00"_s}}};
    charts.charts << bars;
    ChartData empty;
    empty.kind = u"clusters"_s;
    empty.title = u"Clusters compared"_s;
    empty.emptyText = u"No figure for FY2025-Q2."_s;
    charts.charts << empty;
    r.sections << charts;

    ReportSection verification{u"verification"_s, u"Verification"_s, {}, {}, {}, {}};
    verification.tables << ReportTable{
        u"verification-flow"_s,
        u"Observations this quarter"_s,
        {{u"indicator"_s, u"Indicator"_s, K::Text, 3},
         {u"submitted"_s, u"Submitted"_s, K::Integer, 1},
         {u"verified"_s, u"Verified"_s, K::Integer, 1}},
        {{ReportCell::of(u"FIRMS_UPGRADE"_s), reportNumber(u"6"_s, u"6"_s),
          reportNumber(u"5"_s, u"5"_s)}},
        {},
        {}};
    verification.tables << ReportTable{
        u"samples"_s,
        u"Samples closed this quarter"_s,
        {{u"sample"_s, u"Sample"_s, K::Text, 2}, {u"closed"_s, u"Closed on"_s, K::Date, 1}},
        {},
        u"No sample was closed this quarter."_s,
        {}};
    r.sections << verification;

    ReportSection quality{u"data-quality"_s, u"Data quality"_s, {}, {}, {}, {}};
    quality.tables << ReportTable{
        u"data-quality"_s,
        u"Validation findings open on 31 December 2024"_s,
        {{u"rule"_s, u"Rule"_s, K::Text, 2}, {u"message"_s, u"Message"_s, K::Text, 5}},
        {{ReportCell::of(u"VR1"_s), ReportCell::of(u"More women trained than trainees in all"_s)}},
        {},
        {}};
    r.sections << quality;

    ReportSection evidence{u"evidence"_s, u"Annex: evidence"_s, {}, {}, {}, {}};
    ReportTable files{u"evidence"_s,
                      u"Evidence for the DLRs claimed this quarter"_s,
                      {{u"dlr"_s, u"DLR"_s, K::Text, 1},
                       {u"file"_s, u"File"_s, K::Text, 3},
                       {u"sha256"_s, u"SHA-256"_s, K::Text, 5},
                       {u"attached_by"_s, u"Attached by"_s, K::Text, 1},
                       {u"attached_at"_s, u"Attached on"_s, K::Date, 1}},
                      {},
                      {},
                      {}};
    for (int i = 0; i < evidenceRows; ++i)
        files.rows << QList<ReportCell>{
            ReportCell::of(u"3.2"_s),
            ReportCell::of(u"iva-report-dli3-FY2025-Q2-"_s + QString::number(i) + u".pdf"_s),
            ReportCell::of(QString(64, QChar(static_cast<char16_t>(u'a' + i % 6)))),
            ReportCell::of(u"officer"_s), ReportCell::of(u"2025-01-12"_s)};
    evidence.tables << files;
    r.sections << evidence;
    return r;
}

} // namespace dli::test
