#include "core/report/report_xlsx.h"

#include "core/report/report_xlsx_formats.h"
#include "core/report/report_xlsx_sheet.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <algorithm>
#include <filesystem>
#include <system_error>
#include <xlsxwriter.h>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

using Kind = ReportColumnKind;

// The issue names the sheets; a section it does not name is named after its title.
QString sheetTitle(const ReportSection& section)
{
    if (section.key == u"summary")
        return ReportXlsx::tr("Summary");
    if (section.key == u"dli-status")
        return ReportXlsx::tr("DLI status");
    if (section.key == u"results-framework")
        return ReportXlsx::tr("Results framework");
    if (section.key == u"charts")
        return ReportXlsx::tr("Chart data");
    if (section.key == u"verification")
        return ReportXlsx::tr("Verification");
    if (section.key == u"data-quality")
        return ReportXlsx::tr("Data quality");
    if (section.key == u"evidence")
        return ReportXlsx::tr("Evidence");
    static const QRegularExpression numbering(u"^\\s*\\d+(\\.\\d+)*[.)]?\\s+"_s);
    return QString(section.title).remove(numbering);
}

// A name Excel accepts: none of []:*?/\, no quote at either end, at most 31 characters, and
// unique in the workbook (Excel compares names ignoring case).
QByteArray validSheetName(lxw_workbook* book, QString name)
{
    static const QRegularExpression forbidden(u"[\\[\\]:*?/\\\\]"_s);
    name = name.replace(forbidden, u" "_s).simplified();
    while (name.startsWith(u'\'') || name.endsWith(u'\''))
        name = (name.startsWith(u'\'') ? name.mid(1) : name.chopped(1)).trimmed();
    if (name.isEmpty())
        name = ReportXlsx::tr("Sheet");
    name.truncate(LXW_SHEETNAME_MAX);
    QByteArray candidate = name.toUtf8();
    for (int n = 2; workbook_validate_sheet_name(book, candidate.constData()) != LXW_NO_ERROR;
         ++n) {
        const QString suffix = u" ("_s + QString::number(n) + u')';
        candidate = (name.left(LXW_SHEETNAME_MAX - suffix.size()) + suffix).toUtf8();
    }
    return candidate;
}

// A chart's series as a table: one row per category, one column per series, so that the
// numbers behind each chart can be checked, or charted again, in Excel.
ReportTable chartTable(const ChartData& chart)
{
    ReportTable table;
    table.key = chart.kind;
    table.title = chart.title;
    table.emptyText = chart.emptyText;
    table.columns << ReportColumn{
        u"x"_s, chart.xTitle.isEmpty() ? ReportXlsx::tr("Category") : chart.xTitle, Kind::Text, 2};
    QStringList categories;
    for (const ChartSeries& series : chart.series) {
        table.columns << ReportColumn{series.role, series.name,
                                      chart.money ? Kind::Money : Kind::Number, 1};
        for (const ChartPoint& point : series.points) {
            if (!categories.contains(point.x))
                categories << point.x;
        }
    }
    for (const QString& x : categories) {
        QList<ReportCell> row{ReportCell::of(x)};
        for (const ChartSeries& series : chart.series) {
            ReportCell cell;
            const auto point = std::find_if(series.points.cbegin(), series.points.cend(),
                                            [&x](const ChartPoint& p) { return p.x == x; });
            if (point != series.points.cend()) {
                cell.text = point->label;
                if (point->y) {
                    if (auto exact = Decimal::fromDoubleRounded(*point->y))
                        cell.number = *exact;
                }
            }
            row << cell;
        }
        table.rows << row;
    }
    return table;
}

// The cover opens the first sheet: what the report covers, when it was made and by whom, and
// the fingerprint that ties it to the database.
void writeCover(ReportXlsxSheet& out, const QuarterlyReport& report)
{
    out.heading(ReportXlsx::tr("Quarterly progress report"));
    out.labelled(ReportXlsx::tr("Program"),
                 report.programTitle.isEmpty()
                     ? report.programCode
                     : ReportXlsx::tr("%1 (%2)").arg(report.programTitle, report.programCode));
    out.labelled(ReportXlsx::tr("Quarter"), report.quarterText());
    out.labelled(ReportXlsx::tr("As of"), ReportCell::of(report.asOf.toString(Qt::ISODate)),
                 Kind::Date, ReportXlsxFormats::Left);
    out.labelled(ReportXlsx::tr("Known at (UTC)"), report.knownAt.toUTC().toString(Qt::ISODate));
    out.labelled(ReportXlsx::tr("Prepared by"), report.preparedBy);
    out.labelled(ReportXlsx::tr("Generated at (UTC)"),
                 report.generatedAt.toUTC().toString(Qt::ISODate));
    out.labelled(ReportXlsx::tr("Currency"), report.currency);
    out.labelled(ReportXlsx::tr("Data fingerprint (SHA-256)"), report.fingerprint);
    out.labelled(ReportXlsx::tr("Audit head"),
                 report.auditHead.isEmpty() ? ReportXlsx::tr("none") : report.auditHead);
    out.labelled(
        ReportXlsx::tr("Audit entries"),
        ReportCell{QString::number(report.auditEntries), Decimal::fromInt(report.auditEntries)},
        Kind::Integer, ReportXlsxFormats::Left);
    out.blankRow();
}

// One sheet: the cover if it is the first, then the section's paragraphs, figures and tables
// (a chart's series as a table). section is null for a report with no section at all.
void writeSheet(lxw_workbook* book, ReportXlsxFormats& formats, ReportXlsxSheet::Errors& check,
                const QuarterlyReport& report, const ReportSection* section, bool cover)
{
    const QByteArray name =
        validSheetName(book, section ? sheetTitle(*section) : ReportXlsx::tr("Summary"));
    lxw_worksheet* sheet = workbook_add_worksheet(book, name.constData());
    if (!sheet) {
        check(LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    ReportXlsxSheet out(sheet, formats, check, report.currency);
    QList<ReportTable> tables;
    QList<QStringList> notes;
    if (section) {
        tables = section->tables;
        notes.resize(tables.size());
        for (const ChartData& chart : section->charts) {
            tables << chartTable(chart);
            notes << chart.notes;
        }
    }
    out.plan(tables);
    if (section) {
        for (const ReportFigure& figure : section->figures)
            out.planLabel(ReportXlsxSheet::headerText(figure.label, figure.kind, report.currency));
    }
    if (cover)
        writeCover(out, report);
    if (section) {
        for (const QString& paragraph : section->paragraphs)
            out.paragraph(paragraph);
        if (!section->paragraphs.isEmpty())
            out.blankRow();
        for (const ReportFigure& figure : section->figures)
            out.labelled(ReportXlsxSheet::headerText(figure.label, figure.kind, report.currency),
                         figure.value, figure.kind);
        if (!section->figures.isEmpty())
            out.blankRow();
    }
    for (qsizetype i = 0; i < tables.size(); ++i)
        out.table(tables[i], notes[i]);
    out.finish(report.footer());
}

bool hasSheet(const ReportSection& section)
{
    return !section.tables.isEmpty() || !section.figures.isEmpty() ||
           !section.paragraphs.isEmpty() || !section.charts.isEmpty();
}

Status writeWorkbook(const QuarterlyReport& report, const QString& file, const QString& target)
{
    lxw_workbook* book = workbook_new(QFile::encodeName(file).constData());
    if (!book)
        return Error(ErrorCode::Io, ReportXlsx::tr("cannot create the workbook"), target);

    const QByteArray title = ReportXlsx::tr("Quarterly progress report %1 %2")
                                 .arg(report.programCode, report.quarter.code())
                                 .toUtf8();
    const QByteArray subject = (report.programTitle + u", "_s + report.quarterText()).toUtf8();
    const QByteArray author = report.preparedBy.toUtf8();
    const QByteArray comments = report.footer().toUtf8();
    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(title.constData());
    properties.subject = const_cast<char*>(subject.constData());
    properties.author = const_cast<char*>(author.constData());
    properties.comments = const_cast<char*>(comments.constData());
    // The report's own moment, so that the same report gives the same workbook.
    if (report.generatedAt.isValid())
        properties.created = static_cast<time_t>(report.generatedAt.toSecsSinceEpoch());
    ReportXlsxSheet::Errors check;
    check(workbook_set_properties(book, &properties));

    ReportXlsxFormats formats(book);
    bool cover = true;
    for (const ReportSection& section : report.sections) {
        if (!hasSheet(section))
            continue;
        writeSheet(book, formats, check, report, &section, cover);
        cover = false;
    }
    if (cover)
        writeSheet(book, formats, check, report, nullptr, true);

    const lxw_error closed = workbook_close(book); // writes the file and frees the workbook
    const lxw_error failure = check.first != LXW_NO_ERROR ? check.first : closed;
    if (failure != LXW_NO_ERROR)
        return Error(ErrorCode::Io,
                     ReportXlsx::tr("cannot write the workbook: %1")
                         .arg(QString::fromUtf8(lxw_strerror(failure))),
                     target);
    return {};
}

} // namespace

Status ReportXlsx::write(const QuarterlyReport& report, const QString& path)
{
    const QFileInfo target(path);
    const QFileInfo folder(target.absolutePath());
    if (!folder.isDir())
        return Error(ErrorCode::Io,
                     tr("cannot write the report: the folder %1 does not exist")
                         .arg(QDir::toNativeSeparators(folder.filePath())),
                     path);
    if (target.isDir())
        return Error(ErrorCode::Io, tr("cannot write the report: a folder has that name"), path);

    // Written next to the target under a temporary name, then renamed over it: a failure leaves
    // no half workbook, and a reader of an older file never sees a partial one.
    QString part;
    {
        QTemporaryFile claim(folder.filePath() + u"/."_s + target.fileName() + u".XXXXXX.part"_s);
        if (!claim.open())
            return Error(ErrorCode::Io, tr("cannot write the report: %1").arg(claim.errorString()),
                         path);
        part = claim.fileName();
        // The claim is removed here, so that libxlsxwriter creates the file with the usual
        // permissions rather than a temporary file's owner-only ones.
    }
    const Status written = writeWorkbook(report, part, path);
    if (!written) {
        QFile::remove(part);
        return written;
    }
    std::error_code failed;
    std::filesystem::rename(QFile(part).filesystemFileName(), QFile(path).filesystemFileName(),
                            failed);
    if (failed) {
        QFile::remove(part);
        return Error(
            ErrorCode::Io,
            tr("cannot write the report: %1").arg(QString::fromStdString(failed.message())), path);
    }
    return {};
}

} // namespace dli
