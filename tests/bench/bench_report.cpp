// How long the demo's quarterly report takes: assembling its data in core, laying it out as
// PDF, and writing it as XLSX and CSV. Prints the figures; asserts nothing.
//
//   bench_report [RUNS]      (default 5; offscreen unless QT_QPA_PLATFORM is set)
#include "core/io/demo.h"
#include "core/report/report_builder.h"
#include "core/report/report_csv.h"
#include "core/report/report_xlsx.h"
#include "core/storage/session.h"
#include "ui/report/report_pdf.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;
    QTemporaryDir dir;
    const QString db = dir.filePath(u"demo.dlidb"_s);
    if (!dli::Demo::create(db)) {
        std::fputs("cannot create the demo\n", stderr);
        return 1;
    }
    auto session = dli::Session::open(db);
    if (!session)
        return 1;
    auto program = session.value()->programs().load();
    if (!program)
        return 1;
    dli::ReportBuilder::Options options;
    options.quarter = dli::Period::quarter(2026, 4);
    QList<double> build, pdf, xlsx, csv;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        auto report = dli::ReportBuilder::build(*session.value(), program.value(), options);
        if (!report) {
            std::fputs(qPrintable(report.error().text() + u'\n'), stderr);
            return 1;
        }
        build << static_cast<double>(t.nsecsElapsed()) / 1e6;
        t.restart();
        auto bytes = dli::ui::ReportPdf::bytes(report.value());
        if (!bytes)
            return 1;
        pdf << static_cast<double>(t.nsecsElapsed()) / 1e6;
        t.restart();
        if (!dli::ReportXlsx::write(report.value(), dir.filePath(u"r.xlsx"_s)))
            return 1;
        xlsx << static_cast<double>(t.nsecsElapsed()) / 1e6;
        t.restart();
        if (!dli::ReportCsv::writeAll(report.value(), dir.filePath(u"csv"_s)))
            return 1;
        csv << static_cast<double>(t.nsecsElapsed()) / 1e6;
    }
    for (QList<double>* l : {&build, &pdf, &xlsx, &csv})
        std::sort(l->begin(), l->end());
    const int m = runs / 2;
    auto ms = [](double v) {
        return QString::number(v, 'f', 1).rightJustified(8);
    };
    QTextStream out(stdout);
    out << "the demo's FY2026-Q4 report, " << runs << " runs, median in ms\n"
        << "assembling the data (core)   " << ms(build[m]) << '\n'
        << "PDF, laid out in memory      " << ms(pdf[m]) << '\n'
        << "XLSX                         " << ms(xlsx[m]) << '\n'
        << "CSV, every table             " << ms(csv[m]) << '\n'
        << "data + PDF + XLSX            " << ms(build[m] + pdf[m] + xlsx[m]) << '\n';
    return 0;
}
