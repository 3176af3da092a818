// How long the demo's quarterly report takes: assembling its data in core, laying it out as
// PDF, and writing it as XLSX and CSV. Prints the figures; asserts nothing.
//
//   bench_report [RUNS]      (default 5; offscreen unless QT_QPA_PLATFORM is set)
#include "bench_support.h"
#include "core/report/report_builder.h"
#include "core/report/report_csv.h"
#include "core/report/report_xlsx.h"
#include "ui/report/report_pdf.h"

#include <QApplication>
#include <QTextStream>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = dli::bench::runsFrom(argc, argv);
    const auto demo = dli::bench::OpenDemo::make();
    if (!demo)
        return 1;
    const QTemporaryDir& dir = demo->file.dir;
    dli::ReportBuilder::Options options;
    options.quarter = dli::Period::quarter(2026, 4);
    QList<double> build, pdf, xlsx, csv;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        auto report = dli::ReportBuilder::build(*demo->session, demo->program, options);
        if (!report) {
            std::fputs(qPrintable(report.error().text() + u'\n'), stderr);
            return 1;
        }
        build << dli::bench::lap(t);
        auto bytes = dli::ui::ReportPdf::bytes(report.value());
        if (!bytes)
            return 1;
        pdf << dli::bench::lap(t);
        if (!dli::ReportXlsx::write(report.value(), dir.filePath(u"r.xlsx"_s)))
            return 1;
        xlsx << dli::bench::lap(t);
        if (!dli::ReportCsv::writeAll(report.value(), dir.filePath(u"csv"_s)))
            return 1;
        csv << dli::bench::lap(t);
    }
    using dli::bench::median;
    auto ms = [](double v) {
        return QString::number(v, 'f', 1).rightJustified(8);
    };
    QTextStream out(stdout);
    out << "the demo's FY2026-Q4 report, " << runs << " runs, median in ms\n"
        << "assembling the data (core)   " << ms(median(build)) << '\n'
        << "PDF, laid out in memory      " << ms(median(pdf)) << '\n'
        << "XLSX                         " << ms(median(xlsx)) << '\n'
        << "CSV, every table             " << ms(median(csv)) << '\n'
        << "data + PDF + XLSX            " << ms(median(build) + median(pdf) + median(xlsx))
        << '\n';
    return 0;
}
