#pragma once

#include "core/model/register_fields.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace dli {

class Session;
struct Program;

// Valid codes listed beside an XLSX template, so that whoever fills it in can look them up.
struct TemplateCodes {
    QStringList indicators;
    QStringList periods;
    QStringList orgUnits;
    QStringList firms;
};

// Writes an empty import template whose header row holds the kind's field names, as
// RegisterFields lists them.
class TemplateWriter {
    Q_DECLARE_TR_FUNCTIONS(TemplateWriter)
public:
    // By the extension of outPath, in any case: .csv writes the header line (UTF-8, CRLF);
    // .xlsx writes one sheet named after the kind ("Services") with a bold, frozen header row,
    // column widths, text format for codes and text (so "007" stays "007"), a date format for
    // dates and drop-down lists for choices; with codes, a second sheet "Codes" lists them
    // (ignored for CSV). Refuses an existing file (Conflict) and any other extension (Usage).
    // The codes a database accepts: indicators that are reported (not formulas), the program's
    // years and quarters, org units, and firms.
    static Result<TemplateCodes> codesOf(Session& session, const Program& program);

    static Status write(ImportKind kind, const QString& outPath,
                        const TemplateCodes* codes = nullptr);
};

} // namespace dli
