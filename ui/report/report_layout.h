// The whole report on pages: the cover, the contents, then each section from a new page,
// numbered in order. Laid out twice with the same code: a measuring pass (no painter) learns how
// many pages there are and where each section starts; the drawing pass puts those numbers in the
// contents and the footers.
#pragma once

#include "core/report/report_data.h"
#include "ui/report/report_pager.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

class QPagedPaintDevice;
class QPainter;

namespace dli::ui {

class ReportLayout {
public:
    // The cover is numbered 1 in the contents, so the first section is 2, as the report's
    // outline (issue 8) numbers them.
    static constexpr int FirstSectionNumber = 2;

    struct Outline {
        int pages = 0;
        QList<int> sectionPages; // the page each section starts on
    };

    explicit ReportLayout(const QuarterlyReport& report) : m_report(report) {}

    // Lays the report out on `device`; draws only when `painter` is set, using `known` (the
    // measuring pass' outline) for the page numbers. Returns the outline found, or nothing when
    // `tick` cancelled.
    std::optional<Outline> run(QPagedPaintDevice& device, QPainter* painter, const Outline& known,
                               const ReportPager::Tick& tick) const;

    // "2. Executive summary"
    static QString heading(int index, const ReportSection& section);

    Q_DECLARE_TR_FUNCTIONS(ReportLayout) // last: it ends in "private:"

private:
    const QuarterlyReport& m_report;
};

} // namespace dli::ui
