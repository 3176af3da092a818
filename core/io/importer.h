#pragma once

#include "core/model/program.h"
#include "core/model/register_fields.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QStringList>
#include <functional>

namespace dli {

class Session;

struct ImportOptions {
    ImportKind kind = ImportKind::Services;
    QString path;
    QString sheet;         // XLSX: the sheet to read; empty for the first
    bool dryRun = false;   // check everything, write nothing
    int maxProblems = 100; // problems listed; the rest are counted
    // Called every few thousand rows with the rows read so far; returning false cancels.
    std::function<bool(qint64 rows)> progress;
};

struct ImportReport {
    qint64 rows = 0;      // data rows read
    qint64 written = 0;   // rows written (0 on a dry run)
    QStringList warnings; // warning-severity rule violations, located
};

// Reads a CSV or XLSX file of observations or register rows, checks every row (types, dates,
// periods, known codes, duplicates in the file and in the store, ranges, required fields, and for
// observations the validation rules) and writes them in one transaction: all rows or none.
// A refused import's Error lists every problem as "FILE:LINE:COLUMN: message" (for XLSX
// "Sheet!D17: message") in its details.
class Importer {
    Q_DECLARE_TR_FUNCTIONS(Importer)
public:
    static Result<ImportReport> run(Session& session, const Program& program,
                                    const ImportOptions& options);
};

} // namespace dli
