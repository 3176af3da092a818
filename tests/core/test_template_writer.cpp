#include "core/io/table_reader.h"
#include "core/io/template_writer.h"
#include "core/io/xlsx_table_reader.h"
#include "core/io/zip_reader.h"
#include "core/model/register_fields.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <vector>

using namespace Qt::StringLiterals;
using dli::ErrorCode;
using dli::ImportKind;
using dli::RegisterFields;
using dli::TableRow;
using dli::TemplateCodes;
using dli::TemplateWriter;
using dli::XlsxTableReader;
using dli::test::readFile;
using dli::test::TempDir;
using dli::test::writeFile;

namespace {

const std::vector<ImportKind> kAllKinds{ImportKind::Observations, ImportKind::Firms,
                                        ImportKind::Services, ImportKind::Trainees,
                                        ImportKind::Exports};

QStringList fieldNames(ImportKind kind)
{
    QStringList names;
    for (const auto& f : RegisterFields::spec(kind).fields)
        names << f.name;
    return names;
}

std::vector<TableRow> readSheet(const QString& path, const QString& sheet = {})
{
    auto opened = XlsxTableReader::open(path, sheet);
    if (!opened)
        FAIL("cannot open " << path << ": " << opened.error().text());
    std::vector<TableRow> rows;
    TableRow row;
    while (true) {
        const auto more = opened.value()->next(row);
        if (!more)
            FAIL(more.error().text());
        if (!more.value())
            break;
        rows.push_back(row);
    }
    return rows;
}

QByteArray zipPart(const QString& path, const QString& part)
{
    auto zip = dli::ZipReader::open(path);
    REQUIRE(zip);
    auto bytes = zip.value()->read(part);
    if (!bytes)
        FAIL(bytes.error().text());
    return bytes.value();
}

} // namespace

TEST_CASE("Template CSV holds the header line of each kind", "[tables][template]")
{
    TempDir dir;
    for (const ImportKind kind : kAllKinds) {
        const QString path = dir.path(enumToString(dli::kImportKindNames, kind) + u".csv"_s);
        REQUIRE(TemplateWriter::write(kind, path));
        CHECK(readFile(path) == fieldNames(kind).join(u',').toUtf8() + "\r\n");
    }
    const QString services = dir.path(u"services.csv"_s);
    CHECK(readFile(services) == "firm,service_type,date,provider,cost,status\r\n");
    // Read back by the table reader: the header row only.
    auto reader = dli::TableReader::open(services);
    REQUIRE(reader);
    TableRow row;
    REQUIRE(reader.value()->next(row).value());
    CHECK(row.cells == fieldNames(ImportKind::Services));
    CHECK(!reader.value()->next(row).value());
}

TEST_CASE("Template XLSX reads back as a header row on a sheet named after the kind",
          "[tables][template]")
{
    TempDir dir;
    for (const ImportKind kind : kAllKinds) {
        const QString name = enumToString(dli::kImportKindNames, kind);
        const QString path = dir.path(name + u".xlsx"_s);
        REQUIRE(TemplateWriter::write(kind, path, nullptr));
        auto opened = XlsxTableReader::open(path);
        REQUIRE(opened);
        QString title = name;
        title[0] = title[0].toUpper();
        CHECK(opened.value()->sheetName() == title);
        CHECK(opened.value()->sheetNames() == QStringList{title});
        const auto rows = readSheet(path);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].line == 1);
        CHECK(rows[0].cells == fieldNames(kind));
    }
}

TEST_CASE("Template XLSX header is bold and frozen with set column widths", "[tables][template]")
{
    TempDir dir;
    const QString path = dir.path(u"services.xlsx"_s);
    REQUIRE(TemplateWriter::write(ImportKind::Services, path));
    const QByteArray sheet = zipPart(path, u"xl/worksheets/sheet1.xml"_s);
    CHECK(sheet.contains("ySplit=\"1\""));
    CHECK(sheet.contains("state=\"frozen\""));
    CHECK(sheet.contains("customWidth=\"1\""));
    CHECK(sheet.contains("<dataValidation")); // drop-down lists for service_type and status
    CHECK(sheet.contains("planned,ongoing,completed,cancelled"));
    const QByteArray styles = zipPart(path, u"xl/styles.xml"_s);
    CHECK(styles.contains("<b/>"));
    CHECK(styles.contains("formatCode=\"yyyy-mm-dd\""));
    // Row 1 only: no second header row.
    CHECK(!sheet.contains("<row r=\"2\""));
}

TEST_CASE("Template XLSX with codes adds a Codes sheet", "[tables][template]")
{
    TempDir dir;
    const QString path = dir.path(u"observations.xlsx"_s);
    TemplateCodes codes;
    codes.indicators = {u"DLI1.1"_s, u"DLI2"_s};
    codes.periods = {u"FY2025"_s, u"FY2025-Q1"_s, u"FY2025-Q2"_s};
    codes.orgUnits = {u"PB"_s, u"PB-SKT"_s};
    codes.firms = {u"007"_s};
    REQUIRE(TemplateWriter::write(ImportKind::Observations, path, &codes));

    auto opened = XlsxTableReader::open(path);
    REQUIRE(opened);
    CHECK(opened.value()->sheetNames() == QStringList{u"Observations"_s, u"Codes"_s});
    const auto rows = readSheet(path, u"Codes"_s);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].cells == QStringList{u"Indicators"_s, u"Periods"_s, u"Org units"_s, u"Firms"_s});
    CHECK(rows[1].cells == QStringList{u"DLI1.1"_s, u"FY2025"_s, u"PB"_s, u"007"_s});
    CHECK(rows[2].cells == QStringList{u"DLI2"_s, u"FY2025-Q1"_s, u"PB-SKT"_s});
    CHECK(rows[3].cells == QStringList{QString(), u"FY2025-Q2"_s});
    // The data sheet is still first and only has its header.
    CHECK(readSheet(path).size() == 1);
}

TEST_CASE("Template refuses an existing file and an unknown extension", "[tables][template]")
{
    TempDir dir;
    const QString existing = dir.path(u"mine.xlsx"_s);
    writeFile(existing, "keep me");
    const auto conflict = TemplateWriter::write(ImportKind::Firms, existing);
    REQUIRE(!conflict);
    CHECK(conflict.error().code == ErrorCode::Conflict);
    CHECK(conflict.error().location == existing);
    CHECK(readFile(existing) == "keep me");

    const QString csv = dir.path(u"mine.csv"_s);
    writeFile(csv, "keep me too");
    const auto csvConflict = TemplateWriter::write(ImportKind::Firms, csv);
    REQUIRE(!csvConflict);
    CHECK(csvConflict.error().code == ErrorCode::Conflict);
    CHECK(readFile(csv) == "keep me too");

    for (const QString& name : {u"firms.ods"_s, u"firms.xls"_s, u"firms"_s}) {
        const auto usage = TemplateWriter::write(ImportKind::Firms, dir.path(name));
        REQUIRE(!usage);
        CHECK(usage.error().code == ErrorCode::Usage);
        CHECK(!QFile::exists(dir.path(name)));
    }
}

TEST_CASE("Template extension is recognised in any case and a missing folder is an Io error",
          "[tables][template]")
{
    TempDir dir;
    REQUIRE(TemplateWriter::write(ImportKind::Trainees, dir.path(u"T.XLSX"_s)));
    CHECK(readSheet(dir.path(u"T.XLSX"_s)).front().cells == fieldNames(ImportKind::Trainees));
    REQUIRE(TemplateWriter::write(ImportKind::Trainees, dir.path(u"T.CSV"_s)));

    for (const QString& name : {u"no/such/folder/t.csv"_s, u"no/such/folder/t.xlsx"_s}) {
        const auto failed = TemplateWriter::write(ImportKind::Trainees, dir.path(name));
        REQUIRE(!failed);
        CHECK(failed.error().code == ErrorCode::Io);
        CHECK(!QFile::exists(dir.path(name)));
    }
}
