#pragma once

#include "core/charts/chart_data.h"
#include "core/model/decimal.h"
#include "core/model/period.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace dli {

// The quarterly progress report as plain data, assembled once in core (ReportBuilder) and laid
// out by three writers: PDF (ui/report), XLSX and CSV (core/report). Writers add nothing but
// layout: every number and sentence is here.

// How a column's values are kept and shown. Numbers are exact decimals; writers store them as
// numbers (XLSX) with the format the kind names, and print `text` (PDF, CSV keeps `number`).
enum class ReportColumnKind {
    Text,
    Integer, // a count: 0 decimals
    Number,  // an indicator value: as many decimals as it has
    Money,   // in the report's currency, two decimals
    Percent, // 12.5 means 12.5%; one decimal
    Date,    // text "YYYY-MM-DD"; XLSX writes a date
};

struct ReportColumn {
    QString key;   // CSV header and stable name: "dlr", "earned"
    QString title; // shown to people: "Earned"
    ReportColumnKind kind = ReportColumnKind::Text;
    // Relative width for PDF layout (1 = narrow number, 3 = long text); XLSX widths follow it.
    int width = 1;
};

// One cell: what is printed, and the exact number behind it for numeric columns (empty when the
// cell is blank or "n/a").
struct ReportCell {
    QString text;
    std::optional<Decimal> number;

    static ReportCell of(const QString& text) { return {text, std::nullopt}; }
    friend bool operator==(const ReportCell&, const ReportCell&) = default;
};

struct ReportTable {
    QString key;   // "dli-status", "dlr-explanations"...; the CSV file is "<key>.csv"
    QString title; // "DLI status"
    QList<ReportColumn> columns;
    QList<QList<ReportCell>> rows; // each row has one cell per column
    QString emptyText;             // said instead of an empty table
    // Rows whose first cell starts a group (a DLI row above its DLRs): drawn bold in the PDF.
    QList<int> groupRows;
};

// A labelled value of the summary ("Financing", "US$20,000,000.00").
struct ReportFigure {
    QString key;   // "financing", "earned"...
    QString label; // "Financing"
    ReportCell value;
    ReportColumnKind kind = ReportColumnKind::Money;
};

struct ReportSection {
    // summary, dli-status, results-framework, charts, verification, data-quality, evidence
    QString key;
    QString title;          // "2. Executive summary"
    QStringList paragraphs; // sentences generated from the data, in order
    QList<ReportFigure> figures;
    QList<ReportTable> tables;
    QList<ChartData> charts;
};

struct QuarterlyReport {
    // Cover.
    QString programCode;
    QString programTitle;
    QString currency; // ISO code
    Period quarter;
    QDate quarterStart;
    QDate quarterEnd;
    QDate asOf;
    QDateTime knownAt;     // UTC: what had been recorded by then counts
    QDateTime generatedAt; // UTC
    QString preparedBy;    // "Full Name (user)"
    QString fingerprint;   // SHA-256, 64 hex digits (ReportFingerprint)
    QString auditHead;     // hash of the last audit entry recorded by knownAt; empty without
    qint64 auditEntries = 0;

    QList<ReportSection> sections;

    const ReportSection* section(QStringView key) const
    {
        for (const ReportSection& s : sections) {
            if (s.key == key)
                return &s;
        }
        return nullptr;
    }
    // "FY2025-Q2 (1 October 2024 to 31 December 2024)"
    QString quarterText() const;
    // The short footer every page carries: "PJC-CDI FY2025-Q2 · fingerprint 1a2b…"
    QString footer() const;
};

} // namespace dli
