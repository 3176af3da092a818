// Import throughput: a 1,000,000-row services CSV through `Importer` (every check on, one
// transaction) beside the sqlite3 shell's own `.import` of the same file into an equivalent
// table with a text UUID key. Prints rows per second for both; asserts nothing.
//
//   build/release/tests/bench/bench_import [ROWS]
#include "core/io/demo.h"
#include "core/io/importer.h"
#include "core/storage/session.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Writes `rows` services rows for the given firms, dated within FY2024-FY2026; with ids, each
// row starts with a random UUID.
bool writeCsv(const QString& path, qint64 rows, const QStringList& firms, bool withIds)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator rng(42);
    const char* const types[] = {"training",          "design",      "certification",  "exhibition",
                                 "lead_firm_linkage", "consultancy", "common_facility"};
    const char* const statuses[] = {"completed", "completed", "completed", "ongoing"};
    const QDate first(2023, 7, 1);
    QByteArray line;
    f.write(withIds ? "id,firm,service_type,date,provider,cost,status\n"
                    : "firm,service_type,date,provider,cost,status\n");
    for (qint64 i = 0; i < rows; ++i) {
        line.clear();
        if (withIds)
            line += QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + ',';
        line +=
            firms[static_cast<qsizetype>(rng.bounded(static_cast<quint32>(firms.size())))].toUtf8();
        line += ',';
        line += types[rng.bounded(7u)];
        line += ',';
        line += first.addDays(rng.bounded(1096)).toString(Qt::ISODate).toUtf8();
        line += ",Provider ";
        line += QByteArray::number(i); // keeps every row's key unique
        line += ',';
        line += QByteArray::number(rng.bounded(5000, 500000)) + ".50";
        line += ',';
        line += statuses[rng.bounded(4u)];
        line += '\n';
        f.write(line);
    }
    return true;
}

double importWithTracker(const QString& dir, const QString& csv, qint64 rows)
{
    const QString db = dir + u"/bench.dlidb"_s;
    QFile::remove(db);
    if (!dli::Demo::create(db))
        return -1;
    auto session = dli::Session::open(db);
    // The demo's officer imports, as a user would.
    auto officer = session.value()->users().find(u"officer"_s);
    if (!officer || !officer.value())
        return -1;
    session.value()->setCurrentUser(*officer.value());
    auto program = session.value()->programs().load();
    dli::ImportOptions options;
    options.kind = dli::ImportKind::Services;
    options.path = csv;
    QElapsedTimer timer;
    timer.start();
    auto report = dli::Importer::run(*session.value(), program.value(), options);
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (!report) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(report.error().text()));
        return -1;
    }
    if (report->written != rows)
        std::fprintf(stderr, "wrote %lld rows, expected %lld\n",
                     static_cast<long long>(report->written), static_cast<long long>(rows));
    return seconds;
}

double importWithShell(const QString& dir, const QString& csv)
{
    const QString db = dir + u"/shell.db"_s;
    QFile::remove(db);
    QProcess shell;
    shell.start(u"sqlite3"_s, {db});
    if (!shell.waitForStarted())
        return -1;
    const QByteArray script =
        "PRAGMA journal_mode = WAL;\n"
        "CREATE TABLE services (id TEXT PRIMARY KEY, firm TEXT NOT NULL, service_type TEXT NOT "
        "NULL, date TEXT NOT NULL, provider TEXT NOT NULL, cost TEXT, status TEXT NOT NULL);\n"
        // The same indexes as DLI Tracker's services table, so that both do the same work.
        "CREATE INDEX services_firm ON services (firm);\n"
        "CREATE INDEX services_date ON services (date);\n"
        ".import --csv --skip 1 " +
        csv.toUtf8() + " services\n";
    QElapsedTimer timer;
    timer.start();
    shell.write(script);
    shell.closeWriteChannel();
    shell.waitForFinished(-1);
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (shell.exitCode() != 0) {
        std::fprintf(stderr, "sqlite3 failed: %s\n", shell.readAllStandardError().constData());
        return -1;
    }
    return seconds;
}

void print(const char* what, qint64 rows, double seconds)
{
    if (seconds < 0)
        std::printf("%-48s failed\n", what);
    else
        std::printf("%-48s %8.2f s  %10.0f rows/s\n", what, seconds,
                    static_cast<double>(rows) / seconds);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qint64 rows = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    QTemporaryDir dir;
    const QString scratch = dir.path();

    // The firms of the demo, which the services refer to.
    const QString seedDb = scratch + u"/seed.dlidb"_s;
    if (!dli::Demo::create(seedDb))
        return 1;
    QStringList firms;
    {
        auto session = dli::Session::open(seedDb);
        firms = session.value()->registers().firmIds()->keys();
    }
    if (firms.isEmpty()) {
        std::fprintf(stderr, "the demo has no firms\n");
        return 1;
    }

    const QString withIds = scratch + u"/services-ids.csv"_s;
    const QString withoutIds = scratch + u"/services.csv"_s;
    if (!writeCsv(withIds, rows, firms, true) || !writeCsv(withoutIds, rows, firms, false))
        return 1;
    std::printf("services rows: %lld, firms: %lld\n", static_cast<long long>(rows),
                static_cast<long long>(firms.size()));
    print("sqlite3 shell .import (UUID key given)", rows, importWithShell(scratch, withIds));
    print("dlitracker import, all checks (UUID key given)", rows,
          importWithTracker(scratch, withIds, rows));
    print("dlitracker import, all checks (UUIDs made)", rows,
          importWithTracker(scratch, withoutIds, rows));
    return 0;
}
