#include "core/io/template_writer.h"

#include "core/engine/rule_engine.h"
#include "core/storage/session.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <array>
#include <utility>
#include <vector>
#include <xlsxwriter.h>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// "Services" for ImportKind::Services.
QString sheetTitle(ImportKind kind)
{
    QString name = enumToString(kImportKindNames, kind);
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

double columnWidth(const FieldSpec& field)
{
    qsizetype width = 12;
    switch (field.type) {
    case FieldType::Text:
        width = 24;
        break;
    case FieldType::Code:
    case FieldType::Decimal:
        width = 14;
        break;
    case FieldType::Choice:
        for (const QString& c : field.choices)
            width = std::max(width, c.size() + 2);
        break;
    case FieldType::Date:
    case FieldType::Period:
    case FieldType::Boolean:
    case FieldType::Latitude:
    case FieldType::Longitude:
        break;
    }
    return static_cast<double>(std::max(width, field.name.size() + 3));
}

Status writeCsv(const RegisterSpec& spec, const QString& outPath)
{
    QFile file(outPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (file.exists())
            return Error(ErrorCode::Conflict, TemplateWriter::tr("the file already exists"),
                         outPath);
        return Error(ErrorCode::Io,
                     TemplateWriter::tr("cannot write the file: %1").arg(file.errorString()),
                     outPath);
    }
    QStringList names;
    for (const FieldSpec& f : spec.fields)
        names << f.name;
    const QByteArray line = names.join(u',').toUtf8() + "\r\n";
    if (file.write(line) != line.size() || !file.flush()) {
        const QString why = file.errorString();
        file.remove();
        return Error(ErrorCode::Io, TemplateWriter::tr("cannot write the file: %1").arg(why),
                     outPath);
    }
    return {};
}

// Records the first libxlsxwriter failure.
struct XlsxErrors {
    lxw_error first = LXW_NO_ERROR;
    void operator()(lxw_error e)
    {
        if (first == LXW_NO_ERROR)
            first = e;
    }
};

void writeCodesSheet(lxw_workbook* book, lxw_format* bold, const TemplateCodes& codes,
                     XlsxErrors& check)
{
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Codes");
    if (!sheet) {
        check(LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    const std::array<std::pair<QString, const QStringList*>, 4> columns{{
        {TemplateWriter::tr("Indicators"), &codes.indicators},
        {TemplateWriter::tr("Periods"), &codes.periods},
        {TemplateWriter::tr("Org units"), &codes.orgUnits},
        {TemplateWriter::tr("Firms"), &codes.firms},
    }};
    for (size_t c = 0; c < columns.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const auto& [title, list] = columns[c];
        check(worksheet_write_string(sheet, 0, col, title.toUtf8().constData(), bold));
        qsizetype width = title.size() + 2;
        for (qsizetype r = 0; r < list->size(); ++r) {
            const QString& code = list->at(r);
            width = std::max(width, code.size() + 2);
            check(worksheet_write_string(sheet, static_cast<lxw_row_t>(r + 1), col,
                                         code.toUtf8().constData(), nullptr));
        }
        check(worksheet_set_column(sheet, col, col,
                                   static_cast<double>(std::min<qsizetype>(width, 40)), nullptr));
    }
    worksheet_freeze_panes(sheet, 1, 0);
}

Status writeXlsx(ImportKind kind, const RegisterSpec& spec, const QString& outPath,
                 const TemplateCodes* codes)
{
    const QByteArray fileName = QFile::encodeName(outPath);
    lxw_workbook* book = workbook_new(fileName.constData());
    if (!book)
        return Error(ErrorCode::Io, TemplateWriter::tr("cannot create the workbook"), outPath);

    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* text = workbook_add_format(book);
    format_set_num_format(text, "@"); // codes such as "007" stay text
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "yyyy-mm-dd");

    XlsxErrors check;
    const QByteArray title = sheetTitle(kind).toUtf8();
    lxw_worksheet* sheet = workbook_add_worksheet(book, title.constData());
    if (!sheet)
        check(LXW_ERROR_MEMORY_MALLOC_FAILED);
    for (qsizetype i = 0; sheet && i < spec.fields.size(); ++i) {
        const FieldSpec& field = spec.fields[i];
        const auto col = static_cast<lxw_col_t>(i);
        check(worksheet_write_string(sheet, 0, col, field.name.toUtf8().constData(), bold));
        lxw_format* format = nullptr;
        switch (field.type) {
        case FieldType::Text:
        case FieldType::Code:
        case FieldType::Period:
        case FieldType::Choice:
            format = text;
            break;
        case FieldType::Date:
            format = date;
            break;
        case FieldType::Decimal:
        case FieldType::Boolean:
        case FieldType::Latitude:
        case FieldType::Longitude:
            break;
        }
        check(worksheet_set_column(sheet, col, col, columnWidth(field), format));
        if (field.type == FieldType::Choice && !field.choices.isEmpty()) {
            // A drop-down of the choices; other text only draws a warning, the importer judges.
            std::vector<QByteArray> choices;
            for (const QString& c : field.choices)
                choices.push_back(c.toUtf8());
            std::vector<char*> list;
            for (QByteArray& c : choices)
                list.push_back(c.data());
            list.push_back(nullptr);
            lxw_data_validation validation{};
            validation.validate = LXW_VALIDATION_TYPE_LIST;
            validation.value_list = list.data();
            validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
            check(
                worksheet_data_validation_range(sheet, 1, col, LXW_ROW_MAX - 1, col, &validation));
        }
    }
    if (sheet)
        worksheet_freeze_panes(sheet, 1, 0);
    if (codes)
        writeCodesSheet(book, bold, *codes, check);

    const lxw_error closed = workbook_close(book); // writes the file and frees the workbook
    const lxw_error failure = check.first != LXW_NO_ERROR ? check.first : closed;
    if (failure != LXW_NO_ERROR) {
        QFile::remove(outPath);
        return Error(ErrorCode::Io,
                     TemplateWriter::tr("cannot write the workbook: %1")
                         .arg(QString::fromUtf8(lxw_strerror(failure))),
                     outPath);
    }
    return {};
}

} // namespace

Status TemplateWriter::write(ImportKind kind, const QString& outPath, const TemplateCodes* codes)
{
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (suffix != u"csv" && suffix != u"xlsx")
        return Error(ErrorCode::Usage, tr("a template is written as .csv or .xlsx"), outPath);
    if (QFileInfo::exists(outPath))
        return Error(ErrorCode::Conflict,
                     tr("the file already exists; choose another name or remove it first"),
                     outPath);
    const QFileInfo folder(QFileInfo(outPath).absolutePath());
    if (!folder.isDir())
        return Error(ErrorCode::Io, tr("the folder %1 does not exist").arg(folder.filePath()),
                     outPath);
    const RegisterSpec& spec = RegisterFields::spec(kind);
    if (suffix == u"csv")
        return writeCsv(spec, outPath);
    return writeXlsx(kind, spec, outPath, codes);
}

Result<TemplateCodes> TemplateWriter::codesOf(Session& session, const Program& program)
{
    TemplateCodes codes;
    for (const Indicator& x : program.indicators) {
        if (x.source.kind != SourceKind::Formula)
            codes.indicators << x.code;
    }
    for (const Period& period : RuleEngine::allPeriods(program))
        codes.periods << period.code();
    for (const OrgUnit& u : program.orgUnits)
        codes.orgUnits << u.code;
    auto firms = session.registers().firmIds();
    if (!firms)
        return firms.error();
    codes.firms = firms->keys();
    codes.firms.sort();
    return codes;
}

} // namespace dli
