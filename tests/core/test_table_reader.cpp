#include "core/io/csv_table_reader.h"
#include "core/io/table_reader.h"
#include "core/io/xlsx_table_reader.h"
#include "core/io/zip_reader.h"
#include "support/test_support.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <minizip/zip.h>
#include <optional>
#include <vector>
#include <xlsxwriter.h>

using namespace Qt::StringLiterals;
using dli::Error;
using dli::ErrorCode;
using dli::TableReader;
using dli::TableRow;
using dli::XlsxTableReader;
using dli::test::dataPath;
using dli::test::TempDir;
using dli::test::writeFile;

inline std::ostream& operator<<(std::ostream& os, const QStringList& list)
{
    return os << '[' << list.join(u'|').toStdString() << ']';
}

namespace {

std::unique_ptr<TableReader> openTable(const QString& path, const QString& sheet = {})
{
    auto opened = TableReader::open(path, sheet);
    if (!opened)
        FAIL("cannot open " << path << ": " << opened.error().text());
    return std::move(opened).value();
}

std::vector<TableRow> readAll(TableReader& reader)
{
    std::vector<TableRow> rows;
    TableRow row;
    while (true) {
        const auto more = reader.next(row);
        if (!more)
            FAIL("reading " << reader.sourceName() << ": " << more.error().text());
        if (!more.value())
            break;
        rows.push_back(row);
    }
    return rows;
}

std::vector<TableRow> readAll(const QString& path, const QString& sheet = {})
{
    return readAll(*openTable(path, sheet));
}

// The error that opening or reading the file ends with; fails when there is none.
Error tableError(const QString& path, const QString& sheet = {})
{
    auto opened = TableReader::open(path, sheet);
    if (!opened)
        return opened.error();
    TableRow row;
    while (true) {
        const auto more = opened.value()->next(row);
        if (!more)
            return more.error();
        if (!more.value())
            break;
    }
    FAIL("no error reading " << path);
    return {};
}

QStringList cells(std::initializer_list<const char16_t*> texts)
{
    QStringList out;
    for (const char16_t* t : texts)
        out << QString::fromUtf16(t);
    return out;
}

// A member written in pieces, so that a large one takes little memory: head, then count bytes
// of fill, then tail.
struct LargePart {
    QString name;
    QByteArray head;
    char fill = ' ';
    qint64 count = 0;
    QByteArray tail;
};

void writeZip(const QString& path, const std::vector<std::pair<QString, QByteArray>>& parts,
              const std::optional<LargePart>& large = std::nullopt)
{
    const QByteArray file = QFile::encodeName(path);
    zipFile zip = zipOpen64(file.constData(), APPEND_STATUS_CREATE);
    REQUIRE(zip);
    const auto write = [&](const QByteArray& bytes) {
        REQUIRE(zipWriteInFileInZip(zip, bytes.constData(), static_cast<unsigned>(bytes.size())) ==
                ZIP_OK);
    };
    for (const auto& [name, bytes] : parts) {
        zip_fileinfo info{};
        REQUIRE(zipOpenNewFileInZip64(zip, name.toUtf8().constData(), &info, nullptr, 0, nullptr, 0,
                                      nullptr, Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0) == ZIP_OK);
        write(bytes);
        REQUIRE(zipCloseFileInZip(zip) == ZIP_OK);
    }
    if (large) {
        zip_fileinfo info{};
        REQUIRE(zipOpenNewFileInZip64(zip, large->name.toUtf8().constData(), &info, nullptr, 0,
                                      nullptr, 0, nullptr, Z_DEFLATED, Z_BEST_SPEED, 0) == ZIP_OK);
        write(large->head);
        const QByteArray block(1 << 20, large->fill);
        for (qint64 left = large->count; left > 0; left -= block.size())
            write(left >= block.size() ? block : block.left(left));
        write(large->tail);
        REQUIRE(zipCloseFileInZip(zip) == ZIP_OK);
    }
    REQUIRE(zipClose(zip, nullptr) == ZIP_OK);
}

const QByteArray kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
const QByteArray kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>)";

const QByteArray kHandMadeStrings = R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
<si><t>code</t></si>
<si><r><t>Rich </t></r><r><rPr><b/></rPr><t xml:space="preserve">text </t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>
<si><t>line_x000D_
break and _x005F_x0041_</t></si>
</sst>)";

// A workbook written by hand, with what libxlsxwriter does not write: the 1904 date system,
// inline and phonetic text, a namespace prefix, cells and rows without references, a hidden
// first sheet. Its sheet "Firm list" is xl/worksheets/data.xml, left out when sheetXml is null
// (for a large part to take its place).
std::vector<std::pair<QString, QByteArray>>
handMadeParts(const QByteArray& sheetXml, const QByteArray& strings = kHandMadeStrings)
{
    const QByteArray workbook = R"(<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:workbookPr date1904="1"/>
<x:sheets>
<x:sheet name="Old" sheetId="1" state="hidden" r:id="rId2"/>
<x:sheet name="Firm list" sheetId="2" r:id="rId1"/>
</x:sheets></x:workbook>)";
    const QByteArray rels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/old.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>)";
    const QByteArray styles = R"(<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[h]:mm"/><numFmt numFmtId="166" formatCode="#,##0.00 &quot;days&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/><xf numFmtId="166"><alignment horizontal="left"/></xf><xf numFmtId="14"/></cellXfs>
</styleSheet>)";
    const QByteArray old = R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row></sheetData></worksheet>)";
    std::vector<std::pair<QString, QByteArray>> parts{{u"[Content_Types].xml"_s, kContentTypes},
                                                      {u"_rels/.rels"_s, kRootRels},
                                                      {u"xl/workbook.xml"_s, workbook},
                                                      {u"xl/_rels/workbook.xml.rels"_s, rels},
                                                      {u"xl/styles.xml"_s, styles},
                                                      {u"xl/sharedStrings.xml"_s, strings},
                                                      {u"xl/worksheets/old.xml"_s, old}};
    if (!sheetXml.isNull())
        parts.emplace_back(u"xl/worksheets/data.xml"_s, sheetXml);
    return parts;
}

void writeHandMadeWorkbook(const QString& path, const QByteArray& sheetXml,
                           const QByteArray& strings = kHandMadeStrings)
{
    writeZip(path, handMadeParts(sheetXml, strings));
}

QByteArray sheetXml(const QByteArray& rows)
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
           rows + "</sheetData></worksheet>";
}

} // namespace

// ---------------------------------------------------------------------------------------------
// CSV

TEST_CASE("CSV with commas and LF line ends keeps spaces and empty cells", "[tables][csv]")
{
    TempDir dir;
    const QString path = dir.path(u"services.csv"_s);
    writeFile(path, "firm,provider,cost\nF-1,  PSIC Lahore ,1500\nF-2,,\n");
    const auto reader = openTable(path);
    const auto rows = readAll(*reader);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].cells == cells({u"firm", u"provider", u"cost"}));
    CHECK(rows[1].cells == cells({u"F-1", u"  PSIC Lahore ", u"1500"}));
    CHECK(rows[2].cells == cells({u"F-2", u"", u""}));
    CHECK(rows[0].line == 1);
    CHECK(rows[2].line == 3);
    CHECK(reader->sourceName() == path);
}

TEST_CASE("CSV fixture with semicolons reads its quoted semicolon as text", "[tables][csv]")
{
    const QString path = dataPath(u"tables/semicolon.csv"_s);
    auto opened = dli::CsvTableReader::open(path);
    REQUIRE(opened);
    CHECK(opened.value()->delimiter() == ';');
    const auto rows = readAll(*opened.value());
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].cells ==
          cells({u"firm", u"service_type", u"date", u"provider", u"cost", u"status"}));
    CHECK(rows[1].cells == cells({u"F-001", u"training", u"2024-07-15", u"PSIC Design Centre",
                                  u"12500,50", u"completed"}));
    CHECK(rows[2].cells ==
          cells({u"F-002", u"design; packaging", u"2024-08-01", u"NIFT", u"", u"planned"}));
    CHECK(rows[2].line == 3);
}

TEST_CASE("CSV fixture with a byte order mark and CRLF line ends", "[tables][csv]")
{
    const auto rows = readAll(dataPath(u"tables/bom-crlf.csv"_s));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].cells.front() == u"firm"_s); // no U+FEFF in front
    CHECK(rows[0].cells.size() == 6);
    CHECK(rows[1].cells.back() == u"completed"_s); // no CR at the end
    CHECK(rows[2].cells ==
          cells({u"F-003", u"certification", u"2024-09-30", u"  SGS  ", u"0", u"ongoing"}));
    CHECK(rows[1].line == 2);
    CHECK(rows[2].line == 4); // after the blank line 3
}

TEST_CASE("CSV fixture with quoted line breaks keeps physical line numbers", "[tables][csv]")
{
    const auto rows = readAll(dataPath(u"tables/quoted-newlines.csv"_s));
    REQUIRE(rows.size() == 5);
    CHECK(rows[1].cells ==
          cells({u"F-001", u"Ali Textiles, Faisalabad", u"Mr. Ali\n0300-1234567"}));
    CHECK(rows[2].cells == cells({u"F-002", u"The \"Best\" Sports", u""}));
    CHECK(rows[3].cells == cells({u"F-003", u"Multi\nline\nname", u"x"}));
    CHECK(rows[4].cells == cells({u"F-004", u"Plain", u"ok"}));
    std::vector<qint64> lines;
    for (const TableRow& r : rows)
        lines.push_back(r.line);
    CHECK(lines == std::vector<qint64>{1, 2, 4, 5, 9});
}

TEST_CASE("CSV quoted CRLF line breaks count once and keep their CR", "[tables][csv]")
{
    TempDir dir;
    const QString path = dir.path(u"crlf.csv"_s);
    writeFile(path, "a,b\r\n\"one\r\ntwo\",2\r\n\r\n\r\nlast,3\r\n");
    const auto rows = readAll(path);
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].cells == cells({u"one\r\ntwo", u"2"}));
    CHECK(rows[1].line == 2);
    CHECK(rows[2].line == 6);
}

TEST_CASE("CSV delimiter is the one used most outside quotes on the first line", "[tables][csv]")
{
    TempDir dir;
    struct Case {
        QByteArray text;
        char delimiter;
        QStringList firstRow;
    };
    const std::vector<Case> cases{
        {"a\tb\tc\n1\t2\t3\n", '\t', cells({u"a", u"b", u"c"})},
        {"a|b|c\n1|2|3\n", '|', cells({u"a", u"b", u"c"})},
        {"\"x, y, z\";b\n1;2\n", ';', cells({u"x, y, z", u"b"})},
        {"\"a;b;c\",\"d|e\"\n1,2\n", ',', cells({u"a;b;c", u"d|e"})},
        {"\n\nonly;header\n", ';', cells({u"only", u"header"})},
        {"single\nvalue\n", ',', cells({u"single"})},
        {"a,b;c,d\n", ',', cells({u"a", u"b;c", u"d"})},
    };
    int n = 0;
    for (const Case& c : cases) {
        const QString path = dir.path(u"d%1.csv"_s.arg(++n));
        writeFile(path, c.text);
        auto opened = dli::CsvTableReader::open(path);
        REQUIRE(opened);
        INFO("file " << c.text.toStdString());
        CHECK(opened.value()->delimiter() == c.delimiter);
        const auto rows = readAll(*opened.value());
        REQUIRE(!rows.empty());
        CHECK(rows[0].cells == c.firstRow);
    }
}

TEST_CASE("CSV tab-separated .tsv and .txt files open as CSV", "[tables][csv]")
{
    TempDir dir;
    for (const QString& name : {u"x.tsv"_s, u"x.TXT"_s, u"X.CSV"_s}) {
        const QString path = dir.path(name);
        writeFile(path, "code\tname\nF-1\tAli\n");
        const auto rows = readAll(path);
        REQUIRE(rows.size() == 2);
        CHECK(rows[1].cells == cells({u"F-1", u"Ali"}));
    }
}

TEST_CASE("CSV skips blank rows and rows of empty cells", "[tables][csv]")
{
    TempDir dir;
    const QString path = dir.path(u"blank.csv"_s);
    writeFile(path, "\n\na,b\n\n,\n  ,\t\n\"\",\"\"\nc,d\n\n");
    const auto rows = readAll(path);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].line == 3);
    CHECK(rows[1].cells == cells({u"c", u"d"}));
    CHECK(rows[1].line == 8);
}

TEST_CASE("CSV last row without a line end and an empty file", "[tables][csv]")
{
    TempDir dir;
    const QString path = dir.path(u"noeol.csv"_s);
    writeFile(path, "a,b\n1,\"2\"");
    const auto rows = readAll(path);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].cells == cells({u"1", u"2"}));

    const QString empty = dir.path(u"empty.csv"_s);
    writeFile(empty, "");
    CHECK(readAll(empty).empty());
    const QString bomOnly = dir.path(u"bom.csv"_s);
    writeFile(bomOnly, "\xEF\xBB\xBF");
    CHECK(readAll(bomOnly).empty());
}

TEST_CASE("CSV with CR-only line ends from old Mac Excel", "[tables][csv]")
{
    TempDir dir;
    const QString path = dir.path(u"mac.csv"_s);
    writeFile(path, "a,b\r1,\"x\ry\"\r\r2,z\r");
    const auto rows = readAll(path);
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].cells == cells({u"1", u"x\ry"}));
    CHECK(rows[2].line == 5);
}

TEST_CASE("CSV reads UTF-8 text in Urdu and other scripts", "[tables][csv]")
{
    TempDir dir;
    const QString path = dir.path(u"urdu.csv"_s);
    const QString name = u"سیالکوٹ اسپورٹس"_s;
    writeFile(path, "code,name\nF-1," + name.toUtf8() + ",\xE2\x82\xAC\n");
    const auto rows = readAll(path);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].cells == QStringList{u"F-1"_s, name, u"€"_s});
}

TEST_CASE("CSV invalid UTF-8 is refused with its line and column", "[tables][csv]")
{
    TempDir dir;
    const QString path = dir.path(u"latin1.csv"_s);
    writeFile(path, "code,name\nF-1,Ali\n\"F-2\nx\",Caf\xE9\n");
    const Error e = tableError(path);
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.location == path + u":4:2"_s);
    CHECK(e.message.contains(u"UTF-8"_s));

    const QString truncated = dir.path(u"truncated.csv"_s);
    writeFile(truncated, "code,name\nF-1,\xD8\n");
    CHECK(tableError(truncated).location == truncated + u":2:2"_s);
}

TEST_CASE("CSV rows before an error are still delivered", "[tables][csv]")
{
    TempDir dir;
    const QString path = dir.path(u"late.csv"_s);
    writeFile(path, "a\n1\n2\n\xFF\n");
    const auto reader = openTable(path);
    TableRow row;
    int rows = 0;
    while (true) {
        const auto more = reader->next(row);
        if (!more) {
            CHECK(more.error().location == path + u":4:1"_s);
            break;
        }
        REQUIRE(more.value());
        ++rows;
    }
    CHECK(rows == 3);
    CHECK(!reader->next(row)); // the error stays
}

TEST_CASE("CSV UTF-16 text is refused with advice", "[tables][csv]")
{
    TempDir dir;
    const QString path = dir.path(u"unicode.txt"_s);
    const QString text = u"a\tb\r\n"_s;
    QByteArray bytes("\xFF\xFE");
    bytes.append(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
    writeFile(path, bytes);
    const Error e = tableError(path);
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.message.contains(u"UTF-16"_s));
    CHECK(e.location == path);
}

TEST_CASE("CSV quote that is never closed is refused at its line", "[tables][csv]")
{
    TempDir dir;
    const QString path = dir.path(u"open.csv"_s);
    writeFile(path, "a,b\n1,2\n3,\"four\n5,6\n");
    const Error e = tableError(path);
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.location == path + u":3:2"_s);
    CHECK(e.message.contains(u"quote"_s));
}

TEST_CASE("CSV quote inside an unquoted field is refused at its line", "[tables][csv]")
{
    TempDir dir;
    const QString path = dir.path(u"stray.csv"_s);
    writeFile(path, "a,b\n\"x\ny\",2\n3,12\" pipe\n");
    const Error e = tableError(path);
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.location == path + u":4:2"_s);

    const QString after = dir.path(u"after.csv"_s);
    writeFile(after, "a,b\n\"x\"y,2\n");
    CHECK(tableError(after).location == after + u":2:1"_s);
}

TEST_CASE("CSV row of more fields than a spreadsheet has columns is refused at its line",
          "[tables][csv][limits]")
{
    TempDir dir;
    const QString path = dir.path(u"commas.csv"_s);
    writeFile(path, "a,b\n1,2\n" + QByteArray(20000, ',') + "\n3,4\n");
    const Error e = tableError(path);
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.location == path + u":3:16385"_s);
    CHECK(e.message.contains(u"16,384"_s));

    const QString widest = dir.path(u"widest.csv"_s);
    writeFile(widest, "x" + QByteArray(16383, ',') + "y\n");
    const auto rows = readAll(widest);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].cells.size() == 16384);
    CHECK(rows[0].cells.back() == u"y"_s);
}

TEST_CASE("CSV field longer than 1 MiB is refused at its line without blaming a quote",
          "[tables][csv][limits]")
{
    TempDir dir;
    constexpr qsizetype kMiB = 1 << 20;
    // Runs on past the limit, and one just over it that ends inside a parsed slice.
    for (const qsizetype size : {2 * kMiB, kMiB + 1}) {
        const QString path = dir.path(u"long%1.csv"_s.arg(size));
        writeFile(path, "a,b\n\"x\ny\",2\nnote," + QByteArray(size, 'n') + ",z\n");
        INFO("field of " << size << " bytes");
        const Error e = tableError(path);
        CHECK(e.code == ErrorCode::InvalidInput);
        CHECK(e.location == path + u":4:2"_s);
        CHECK(e.message.contains(u"1 MiB"_s));
        CHECK(!e.message.contains(u"quote"_s));
    }

    const QString quoted = dir.path(u"quoted.csv"_s);
    writeFile(quoted, "a,b\n1,\"" + QByteArray(2 * kMiB, 'q') + "\n");
    const Error q = tableError(quoted);
    CHECK(q.location == quoted + u":2:2"_s);
    CHECK(q.message.contains(u"closing quote"_s));

    // A long note within the limit, quoted with line breaks, is read.
    const QString note = dir.path(u"note.csv"_s);
    QByteArray text(kMiB - 2, 'w');
    for (qsizetype i = 1000; i < text.size(); i += 1000)
        text[i] = '\n';
    writeFile(note, "a,b\n1,\"" + text + "\"\n2,ok\n");
    const auto rows = readAll(note);
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].cells[1].size() == text.size());
    CHECK(rows[2].line == 3 + text.count('\n'));
}

TEST_CASE("CSV cell locations name the file line and column", "[tables][csv]")
{
    TempDir dir;
    const QString path = dir.path(u"services.csv"_s);
    writeFile(path, "a\n");
    const auto reader = openTable(path);
    CHECK(reader->cellLocation(12, 2) == path + u":12:3"_s);
    CHECK(reader->cellLocation(1, 0) == path + u":1:1"_s);
}

TEST_CASE("Table files that are missing or of an unknown kind are refused", "[tables]")
{
    TempDir dir;
    const QString missing = dir.path(u"missing.csv"_s);
    auto opened = TableReader::open(missing);
    REQUIRE(!opened);
    CHECK(opened.error().code == ErrorCode::Io);
    CHECK(opened.error().location == missing);

    auto folder = TableReader::open(dir.path(QString()));
    REQUIRE(!folder);
    CHECK(folder.error().code == ErrorCode::Io);

    const QString pdf = dir.path(u"report.pdf"_s);
    writeFile(pdf, "%PDF-1.4");
    auto unknown = TableReader::open(pdf);
    REQUIRE(!unknown);
    CHECK(unknown.error().code == ErrorCode::InvalidInput);
    CHECK(unknown.error().message.contains(u".xlsx"_s));

    const QString xls = dir.path(u"old.xls"_s);
    writeFile(xls, "\xD0\xCF\x11\xE0");
    auto old = TableReader::open(xls);
    REQUIRE(!old);
    CHECK(old.error().message.contains(u".xls"_s));
}

TEST_CASE("CSV of 200000 rows streams through with multi-line records across chunks",
          "[tables][csv][large]")
{
    TempDir dir;
    const QString path = dir.path(u"large.csv"_s);
    QByteArray text = "firm,service_type,date,provider,cost,status\r\n";
    constexpr int kRows = 200000;
    std::vector<qint64> expectedLines;
    expectedLines.reserve(kRows);
    qint64 line = 2;
    for (int i = 0; i < kRows; ++i) {
        expectedLines.push_back(line);
        const QByteArray n = QByteArray::number(i);
        if (i % 997 == 0) {
            text += "F-" + n + ",training,2024-07-15,\"PSIC\r\nDesign, Centre\"," + n +
                    ".50,completed\r\n";
            line += 2;
        } else {
            text += "F-" + n + ",design,2024-08-01,\"Provider \"\"" + n + "\"\"\"," + n +
                    ",planned\r\n";
            line += 1;
        }
    }
    writeFile(path, text);
    REQUIRE(text.size() > 8 * 1024 * 1024); // several chunks

    const auto reader = openTable(path);
    TableRow row;
    REQUIRE(reader->next(row).value()); // header
    qint64 count = 0;
    bool linesRight = true;
    bool cellsRight = true;
    while (true) {
        const auto more = reader->next(row);
        REQUIRE(more);
        if (!more.value())
            break;
        linesRight = linesRight && row.line == expectedLines[static_cast<size_t>(count)];
        cellsRight =
            cellsRight && row.cells.size() == 6 && row.cells[0] == u"F-"_s + QString::number(count);
        ++count;
    }
    CHECK(count == kRows);
    CHECK(linesRight);
    CHECK(cellsRight);
    CHECK(row.cells[3] == u"Provider \"199999\""_s);
}

// ---------------------------------------------------------------------------------------------
// XLSX

namespace {

// A workbook as Excel users make them: a header, text, numbers, dates, a boolean, a formula,
// gaps, an empty row, and a second sheet.
void writeServicesWorkbook(const QString& path, bool constantMemory = false)
{
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook_options options{};
    options.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(file.constData(), &options);
    REQUIRE(book);
    lxw_format* isoDate = workbook_add_format(book);
    format_set_num_format(isoDate, "yyyy-mm-dd");
    lxw_format* builtinDate = workbook_add_format(book);
    format_set_num_format_index(builtinDate, 14);
    lxw_format* dateTime = workbook_add_format(book);
    format_set_num_format(dateTime, "dd/mm/yyyy hh:mm");
    lxw_format* time = workbook_add_format(book);
    format_set_num_format(time, "hh:mm:ss");
    lxw_format* money = workbook_add_format(book);
    format_set_num_format(money, "#,##0.00 \"PKR\"");
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);

    lxw_worksheet* s = workbook_add_worksheet(book, "Services");
    const char* headers[] = {"firm",   "service_type", "date",  "provider", "cost",
                             "status", "done",         "count", "when",     "at"};
    for (lxw_col_t c = 0; c < 10; ++c)
        worksheet_write_string(s, 0, c, headers[c], bold);

    lxw_datetime july{2024, 7, 15, 0, 0, 0};
    lxw_datetime august{2024, 8, 1, 0, 0, 0};
    lxw_datetime withTime{2024, 9, 30, 14, 30, 0};
    lxw_datetime half{0, 0, 0, 12, 0, 0};
    worksheet_write_string(s, 1, 0, "F-001", nullptr);
    worksheet_write_string(s, 1, 1, "training", nullptr);
    worksheet_write_datetime(s, 1, 2, &july, isoDate);
    worksheet_write_string(s, 1, 3, "  PSIC Lahore ", nullptr);
    worksheet_write_number(s, 1, 4, 1234.5, money);
    worksheet_write_string(s, 1, 5, "completed", nullptr);
    worksheet_write_boolean(s, 1, 6, 1, nullptr);
    worksheet_write_formula_num(s, 1, 7, "=1+2", nullptr, 3);
    worksheet_write_datetime(s, 1, 8, &withTime, dateTime);
    worksheet_write_datetime(s, 1, 9, &half, time);

    // Row 3 is left empty; row 4 has gaps and a cell that is only formatted.
    worksheet_write_string(s, 3, 0, "F-002", nullptr);
    worksheet_write_datetime(s, 3, 2, &august, builtinDate);
    worksheet_write_blank(s, 3, 3, bold);
    worksheet_write_formula_num(s, 3, 4, "=0.1+0.2", nullptr, 0.30000000000000004);
    worksheet_write_boolean(s, 3, 6, 0, nullptr);
    worksheet_write_number(s, 3, 7, 1e20, nullptr);

    worksheet_write_string(s, 4, 0, "F-003", nullptr);
    worksheet_write_string(s, 4, 1, "007", nullptr);
    worksheet_write_string(s, 4, 3, "سیالکوٹ", nullptr);
    worksheet_write_number(s, 4, 4, -5.25, nullptr);
    worksheet_write_number(s, 4, 7, 42, nullptr);
    if (!constantMemory) {
        lxw_rich_string_tuple plain{nullptr, const_cast<char*>("Rich ")};
        lxw_rich_string_tuple strong{bold, const_cast<char*>("text")};
        lxw_rich_string_tuple* rich[] = {&plain, &strong, nullptr};
        worksheet_write_rich_string(s, 4, 5, rich, nullptr);
    } else {
        worksheet_write_string(s, 4, 5, "Rich text", nullptr);
    }
    worksheet_write_string(s, 6, 27, "far", nullptr); // AB7

    lxw_worksheet* notes = workbook_add_worksheet(book, "Notes");
    worksheet_write_string(notes, 0, 0, "note", nullptr);
    worksheet_write_string(notes, 1, 0, "second sheet", nullptr);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);
}

void checkServicesWorkbook(const QString& path)
{
    const auto reader = openTable(path);
    const auto rows = readAll(*reader);
    REQUIRE(rows.size() == 5);
    CHECK(rows[0].line == 1);
    CHECK(rows[0].cells == cells({u"firm", u"service_type", u"date", u"provider", u"cost",
                                  u"status", u"done", u"count", u"when", u"at"}));
    CHECK(rows[1].line == 2);
    CHECK(rows[1].cells ==
          cells({u"F-001", u"training", u"2024-07-15", u"  PSIC Lahore ", u"1234.5", u"completed",
                 u"TRUE", u"3", u"2024-09-30", u"12:00:00"}));
    CHECK(rows[2].line == 4);
    CHECK(rows[2].cells == cells({u"F-002", u"", u"2024-08-01", u"", u"0.3", u"", u"FALSE",
                                  u"100000000000000000000"}));
    CHECK(rows[3].line == 5);
    CHECK(rows[3].cells ==
          cells({u"F-003", u"007", u"", u"سیالکوٹ", u"-5.25", u"Rich text", u"", u"42"}));
    CHECK(rows[4].line == 7);
    REQUIRE(rows[4].cells.size() == 28);
    CHECK(rows[4].cells[27] == u"far"_s);
    CHECK(reader->cellLocation(rows[4].line, 27) == u"Services!AB7"_s);
}

} // namespace

TEST_CASE("XLSX written by libxlsxwriter reads back strings numbers dates and gaps",
          "[tables][xlsx]")
{
    TempDir dir;
    const QString path = dir.path(u"services.xlsx"_s);
    writeServicesWorkbook(path);
    checkServicesWorkbook(path);
}

TEST_CASE("XLSX with inline strings from a constant-memory writer", "[tables][xlsx]")
{
    TempDir dir;
    const QString path = dir.path(u"inline.xlsx"_s);
    writeServicesWorkbook(path, true);
    checkServicesWorkbook(path);
}

TEST_CASE("XLSX second sheet by name in any case and sheet names", "[tables][xlsx]")
{
    TempDir dir;
    const QString path = dir.path(u"book.XLSX"_s);
    writeServicesWorkbook(path);
    for (const QString& name : {u"Notes"_s, u"NOTES"_s}) {
        auto opened = XlsxTableReader::open(path, name);
        REQUIRE(opened);
        CHECK(opened.value()->sheetName() == u"Notes"_s);
        CHECK(opened.value()->sheetNames() == cells({u"Services", u"Notes"}));
        const auto rows = readAll(*opened.value());
        REQUIRE(rows.size() == 2);
        CHECK(rows[1].cells == cells({u"second sheet"}));
        CHECK(opened.value()->cellLocation(2, 0) == u"Notes!A2"_s);
    }
}

TEST_CASE("XLSX sheet not found lists the sheets there are", "[tables][xlsx]")
{
    TempDir dir;
    const QString path = dir.path(u"book.xlsx"_s);
    writeServicesWorkbook(path);
    const Error e = tableError(path, u"Trainees"_s);
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.location == path);
    CHECK(e.message.contains(u"Trainees"_s));
    CHECK(e.message.contains(u"Services, Notes"_s));
}

TEST_CASE("XLSX made by hand with 1904 dates inline and phonetic text and a hidden sheet",
          "[tables][xlsx]")
{
    TempDir dir;
    const QString path = dir.path(u"hand.xlsx"_s);
    writeHandMadeWorkbook(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>
<x:row><x:c r="A3" s="1"><x:v>0</x:v></x:c><x:c r="B3" s="4"><x:v>45000</x:v></x:c><x:c r="C3" s="2"><x:v>1.75</x:v></x:c><x:c r="D3" s="3"><x:v>2.5</x:v></x:c></x:row>
<x:row r="5"><x:c r="A5" t="inlineStr"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line</x:t></x:r></x:is></x:c><x:c r="B5" t="e"><x:v>#N/A</x:v></x:c><x:c r="C5" t="d"><x:v>2024-07-15T00:00:00</x:v></x:c><x:c r="D5" t="str"><x:f>A5</x:f><x:v>in_x0009_tab</x:v></x:c><x:c r="E5"><x:f>1/3</x:f><x:v>0.33333333333333331</x:v></x:c></x:row>
<x:row r="6"><x:c r="A6" s="1"/><x:c r="B6"><x:v></x:v></x:c><x:c r="C6" t="s"/></x:row>
</x:sheetData></x:worksheet>)");
    auto opened = XlsxTableReader::open(path);
    REQUIRE(opened);
    XlsxTableReader& reader = *opened.value();
    CHECK(reader.sheetName() == u"Firm list"_s); // the hidden first sheet is passed over
    const auto rows = readAll(reader);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].line == 2);
    CHECK(rows[0].cells == cells({u"", u"code", u"Rich text ", u"line\r\nbreak and _x0041_"}));
    CHECK(rows[1].line == 3);
    // 1904 system: serial 0 is 1904-01-01; 45000 days later is 2027-03-16.
    CHECK(rows[1].cells == cells({u"1904-01-01", u"2027-03-16", u"18:00:00", u"2.5"}));
    CHECK(rows[2].line == 5);
    CHECK(rows[2].cells ==
          cells({u"inline", u"#N/A", u"2024-07-15", u"in\ttab", u"0.333333333333333"}));
    CHECK(reader.cellLocation(17, 3) == u"'Firm list'!D17"_s);

    const auto hidden = readAll(path, u"Old"_s);
    REQUIRE(hidden.size() == 1);
    CHECK(hidden[0].cells == cells({u"hidden"}));
}

TEST_CASE("XLSX serial numbers of the 1900 date system around Excel's leap day", "[tables][xlsx]")
{
    TempDir dir;
    const QString path = dir.path(u"dates.xlsx"_s);
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook* book = workbook_new(file.constData());
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "d-mmm-yy");
    lxw_format* month = workbook_add_format(book);
    format_set_num_format(month, "[$-409]mmmm");
    lxw_format* quoted = workbook_add_format(book);
    format_set_num_format(quoted, "0 \"days\"");
    lxw_worksheet* s = workbook_add_worksheet(book, nullptr);
    const double serials[] = {1, 59, 60, 61, 45487.99999999, 45487.5};
    for (lxw_row_t r = 0; r < 6; ++r)
        worksheet_write_number(s, r, 0, serials[r], date);
    worksheet_write_number(s, 6, 0, 45488, month);
    worksheet_write_number(s, 7, 0, 14, quoted);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);

    QStringList values;
    for (const TableRow& r : readAll(path))
        values << r.cells.value(0);
    CHECK(values == cells({u"1900-01-01", u"1900-02-28", u"1900-02-29", u"1900-03-01",
                           u"2024-07-15", u"2024-07-14", u"2024-07-15", u"14"}));
}

TEST_CASE("XLSX cell locations use column letters beyond Z", "[tables][xlsx]")
{
    CHECK(XlsxTableReader::cellReference(u"Services"_s, 17, 3) == u"Services!D17"_s);
    CHECK(XlsxTableReader::columnName(0) == u"A"_s);
    CHECK(XlsxTableReader::columnName(25) == u"Z"_s);
    CHECK(XlsxTableReader::columnName(26) == u"AA"_s);
    CHECK(XlsxTableReader::columnName(27) == u"AB"_s);
    CHECK(XlsxTableReader::columnName(51) == u"AZ"_s);
    CHECK(XlsxTableReader::columnName(52) == u"BA"_s);
    CHECK(XlsxTableReader::columnName(701) == u"ZZ"_s);
    CHECK(XlsxTableReader::columnName(702) == u"AAA"_s);
    CHECK(XlsxTableReader::columnName(16383) == u"XFD"_s);
    CHECK(XlsxTableReader::cellReference(u"Firm list"_s, 2, 1) == u"'Firm list'!B2"_s);
    CHECK(XlsxTableReader::cellReference(u"Bob's"_s, 1, 0) == u"'Bob''s'!A1"_s);
    CHECK(XlsxTableReader::cellReference(u"2024"_s, 1, 0) == u"'2024'!A1"_s);
}

TEST_CASE("XLSX of random bytes is refused as not a valid XLSX file", "[tables][xlsx]")
{
    TempDir dir;
    const QString path = dir.path(u"corrupt.xlsx"_s);
    QByteArray bytes(4096, '\0');
    QRandomGenerator rng(42);
    for (char& b : bytes)
        b = static_cast<char>(rng.bounded(256));
    writeFile(path, bytes);
    const Error e = tableError(path);
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.location == path);
    CHECK(e.message.contains(u"not a valid XLSX"_s));
    CHECK(e.message.contains(u"ZIP"_s));
}

TEST_CASE("XLSX that is a zip of something else is refused as not a workbook", "[tables][xlsx]")
{
    TempDir dir;
    const QString path = dir.path(u"archive.xlsx"_s);
    writeZip(path, {{u"readme.txt"_s, "hello"}});
    const Error e = tableError(path);
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.location == path);
    CHECK(e.message.contains(u"no Excel workbook"_s));

    const QString docx = dir.path(u"letter.xlsx"_s);
    const QByteArray rels = QByteArray(kRootRels).replace("xl/workbook.xml", "word/document.xml");
    writeZip(
        docx,
        {{u"_rels/.rels"_s, rels},
         {u"word/document.xml"_s,
          R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>)"}});
    const Error d = tableError(docx);
    CHECK(d.code == ErrorCode::InvalidInput);
    CHECK(d.message.contains(u"not an Excel workbook"_s));
}

TEST_CASE("XLSX with a damaged sheet or a bad string index is refused with a location",
          "[tables][xlsx]")
{
    TempDir dir;
    const QString broken = dir.path(u"broken.xlsx"_s);
    writeHandMadeWorkbook(
        broken, sheetXml(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c></row>
<row r="2"><c r="A2"><v>1</v></row>)"));
    const auto reader = openTable(broken);
    TableRow row;
    REQUIRE(reader->next(row).value());
    CHECK(row.cells == cells({u"ok"}));
    const auto more = reader->next(row);
    REQUIRE(!more);
    CHECK(more.error().code == ErrorCode::InvalidInput);
    CHECK(more.error().message.contains(u"Firm list"_s));

    const QString badIndex = dir.path(u"index.xlsx"_s);
    writeHandMadeWorkbook(badIndex, sheetXml(R"(<row r="4"><c r="C4" t="s"><v>99</v></c></row>)"));
    const Error e = tableError(badIndex);
    CHECK(e.location == u"'Firm list'!C4"_s);
    CHECK(e.message.contains(u"99"_s));

    const QString badRef = dir.path(u"ref.xlsx"_s);
    writeHandMadeWorkbook(badRef, sheetXml(R"(<row r="4"><c r="4C"><v>1</v></c></row>)"));
    CHECK(tableError(badRef).message.contains(u"4C"_s));
}

TEST_CASE("XLSX cell of more than 32,767 characters is refused at the cell",
          "[tables][xlsx][limits]")
{
    TempDir dir;
    const QByteArray longText(40000, 'x');
    const QString inlined = dir.path(u"inline.xlsx"_s);
    writeHandMadeWorkbook(
        inlined, sheetXml(R"(<row r="2"><c r="A2" t="inlineStr"><is><t>ok</t></is></c></row>
<row r="3"><c r="A3"><v>1</v></c><c r="C3" t="inlineStr"><is><t>)" +
                          longText + "</t></is></c></row>"));
    const Error e = tableError(inlined);
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.location == u"'Firm list'!C3"_s);
    CHECK(e.message.contains(u"32,767"_s));

    // Rich text runs that only together run over, a formula's text, a shared string.
    const QByteArray half(20000, 'h');
    const QString runs = dir.path(u"runs.xlsx"_s);
    writeHandMadeWorkbook(runs, sheetXml(R"(<row r="5"><c r="B5" t="inlineStr"><is><r><t>)" + half +
                                         "</t></r><r><t>" + half + "</t></r></is></c></row>"));
    CHECK(tableError(runs).location == u"'Firm list'!B5"_s);
    const QString formula = dir.path(u"formula.xlsx"_s);
    writeHandMadeWorkbook(formula, sheetXml(R"(<row r="6"><c r="D6" t="str"><f>A1</f><v>)" +
                                            longText + "</v></c></row>"));
    CHECK(tableError(formula).location == u"'Firm list'!D6"_s);
    const QByteArray strings =
        R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<si><t>short</t></si><si><t>)" +
        longText + "</t></si><si><t>after</t></si></sst>";
    const QString shared = dir.path(u"shared.xlsx"_s);
    writeHandMadeWorkbook(
        shared,
        sheetXml(R"(<row r="7"><c r="A7" t="s"><v>2</v></c><c r="B7" t="s"><v>1</v></c></row>)"),
        strings);
    const Error s = tableError(shared);
    CHECK(s.location == u"'Firm list'!B7"_s);
    CHECK(s.message.contains(u"32,767"_s));
    // A string no cell of the sheet uses does not stand in the way.
    const QString unused = dir.path(u"unused.xlsx"_s);
    writeHandMadeWorkbook(
        unused,
        sheetXml(R"(<row r="7"><c r="A7" t="s"><v>2</v></c><c r="B7" t="s"><v>0</v></c></row>)"),
        strings);
    const auto rows = readAll(unused);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].cells == cells({u"after", u"short"}));
}

TEST_CASE("XLSX cell of exactly 32,767 characters is read, escapes counted decoded",
          "[tables][xlsx][limits]")
{
    TempDir dir;
    const QString path = dir.path(u"full.xlsx"_s);
    QByteArray escaped;
    for (int i = 0; i < 30000; ++i)
        escaped += "_x0041_";
    writeHandMadeWorkbook(path, sheetXml(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)" +
                                         QByteArray(32767, 'f') +
                                         R"(</t></is></c><c r="B1" t="inlineStr"><is><t>)" +
                                         escaped + "</t></is></c></row>"));
    const auto rows = readAll(path);
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].cells.size() == 2);
    CHECK(rows[0].cells[0].size() == 32767);
    CHECK(rows[0].cells[1] == QString(30000, u'A'));
}

TEST_CASE("XLSX row of more than 16,384 cells is refused at the row", "[tables][xlsx][limits]")
{
    TempDir dir;
    const QString path = dir.path(u"wide.xlsx"_s);
    QByteArray row = R"(<row r="9">)";
    for (int i = 0; i < 16385; ++i)
        row += R"(<c r="A9"><v>1</v></c>)";
    writeHandMadeWorkbook(path, sheetXml(row + "</row>"));
    const Error e = tableError(path);
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.location == u"'Firm list'!XFD9"_s);
    CHECK(e.message.contains(u"16,384"_s));
}

TEST_CASE("XLSX text or markup of megabytes without a tag is refused before it is held",
          "[tables][xlsx][limits]")
{
    TempDir dir;
    const QByteArray huge(5 << 20, 'z');
    const QString inCell = dir.path(u"cell.xlsx"_s);
    writeHandMadeWorkbook(inCell, sheetXml(R"(<row r="4"><c r="E4" t="inlineStr"><is><t>)" + huge +
                                           "</t></is></c></row>"));
    const Error c = tableError(inCell);
    CHECK(c.location == u"'Firm list'!E4"_s);
    CHECK(c.message.contains(u"32,767"_s));

    const QString between = dir.path(u"between.xlsx"_s);
    writeHandMadeWorkbook(between, sheetXml(R"(<row r="1"><c r="A1"><v>1</v></c></row>)" +
                                            QByteArray(5 << 20, ' ') +
                                            R"(<row r="2"><c r="A2"><v>2</v></c></row>)"));
    const Error b = tableError(between);
    CHECK(b.code == ErrorCode::InvalidInput);
    CHECK(b.location == between);
    CHECK(b.message.contains(u"xl/worksheets/data.xml"_s));
    CHECK(b.message.contains(u"4 MiB"_s));

    const QString strings = dir.path(u"strings.xlsx"_s);
    writeHandMadeWorkbook(strings, sheetXml(R"(<row r="1"><c r="A1"><v>1</v></c></row>)"),
                          "<sst><si><t>" + huge + "</t></si></sst>");
    const Error s = tableError(strings);
    CHECK(s.location == strings);
    CHECK(s.message.contains(u"xl/sharedStrings.xml"_s));
}

TEST_CASE("XLSX sheet that unpacks like a zip bomb is refused before it is read",
          "[tables][xlsx][limits]")
{
    TempDir dir;
    const QString path = dir.path(u"bomb.xlsx"_s);
    LargePart sheet;
    sheet.name = u"xl/worksheets/data.xml"_s;
    sheet.head =
        sheetXml(R"(<row r="1"><c r="A1"><v>1</v></c></row>)").chopped(24); // up to </sheetData>
    sheet.fill = ' ';
    sheet.count = qint64(100) << 20;
    sheet.tail = "</sheetData></worksheet>";
    writeZip(path, handMadeParts(QByteArray()), sheet);
    REQUIRE(QFileInfo(path).size() < (1 << 20));
    const Error e = tableError(path);
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.location == path);
    CHECK(e.message.contains(u"xl/worksheets/data.xml"_s));
    CHECK(e.message.contains(u"200 times"_s));
    CHECK(e.message.contains(u"not a spreadsheet DLI Tracker can read"_s));

    auto zip = dli::ZipReader::open(path);
    REQUIRE(zip);
    const auto read = zip.value()->read(sheet.name);
    REQUIRE(!read);
    CHECK(read.error().message.contains(u"zip bomb"_s));
    CHECK(zip.value()->refusal() == dli::ZipReader::Refusal::Bomb);
    CHECK(!zip.value()->stream(sheet.name));
    CHECK(zip.value()->read(u"xl/workbook.xml"_s));
    CHECK(zip.value()->refusal() == dli::ZipReader::Refusal::None);
}

TEST_CASE("XLSX part that records more than 512 MiB unpacked is refused", "[tables][xlsx][limits]")
{
    TempDir dir;
    const QString path = dir.path(u"huge.xlsx"_s);
    writeZip(path, handMadeParts(sheetXml(R"(<row r="1"><c r="A1"><v>1</v></c></row>)")));
    // A member whose record claims 600 MiB: written raw, with the size it is closed with.
    const QByteArray file = QFile::encodeName(path);
    zipFile zip = zipOpen64(file.constData(), APPEND_STATUS_ADDINZIP);
    REQUIRE(zip);
    zip_fileinfo info{};
    REQUIRE(zipOpenNewFileInZip2(zip, "xl/big.bin", &info, nullptr, 0, nullptr, 0, nullptr,
                                 Z_DEFLATED, Z_DEFAULT_COMPRESSION, 1) == ZIP_OK);
    const QByteArray packed(4 << 20, '\x01');
    REQUIRE(zipWriteInFileInZip(zip, packed.constData(), static_cast<unsigned>(packed.size())) ==
            ZIP_OK);
    REQUIRE(zipCloseFileInZipRaw(zip, 600ul << 20, 0) == ZIP_OK);
    REQUIRE(zipClose(zip, nullptr) == ZIP_OK);

    auto opened = dli::ZipReader::open(path);
    REQUIRE(opened);
    dli::ZipReader& reader = *opened.value();
    const auto read = reader.read(u"xl/big.bin"_s, qint64(1) << 30);
    REQUIRE(!read);
    CHECK(read.error().message.contains(u"xl/big.bin"_s));
    CHECK(read.error().message.contains(u"512 MiB"_s));
    CHECK(reader.refusal() == dli::ZipReader::Refusal::TooLarge);
    CHECK(!reader.stream(u"xl/big.bin"_s));
    CHECK(reader.read(u"xl/workbook.xml"_s));
}

TEST_CASE("Zip reader finds members in any case and streams them", "[tables][zip]")
{
    TempDir dir;
    const QString path = dir.path(u"pack.zip"_s);
    QByteArray big;
    for (int i = 0; i < 100000; ++i)
        big += "line " + QByteArray::number(i) + '\n';
    writeZip(path, {{u"Dir/Small.txt"_s, "hello"}, {u"big.txt"_s, big}});
    auto opened = dli::ZipReader::open(path);
    REQUIRE(opened);
    dli::ZipReader& zip = *opened.value();
    CHECK(zip.contains(u"dir/small.TXT"_s));
    CHECK(!zip.contains(u"missing.txt"_s));
    CHECK(zip.read(u"Dir/Small.txt"_s).value() == "hello");
    const auto missing = zip.read(u"missing.txt"_s);
    REQUIRE(!missing);
    CHECK(missing.error().message.contains(u"missing.txt"_s));
    CHECK(missing.error().location == path);
    const auto tooLarge = zip.read(u"big.txt"_s, 1000);
    REQUIRE(!tooLarge);
    CHECK(tooLarge.error().message.contains(u"too large"_s));

    auto stream = zip.stream(u"big.txt"_s);
    REQUIRE(stream);
    QByteArray streamed;
    while (true) {
        const QByteArray part = stream.value()->read(4000);
        if (part.isEmpty())
            break;
        streamed += part;
    }
    CHECK(streamed == big);
    // Reading another member ends the stream.
    auto second = zip.stream(u"big.txt"_s);
    REQUIRE(second);
    CHECK(zip.read(u"Dir/Small.txt"_s).value() == "hello");
    CHECK(second.value()->read(10).isEmpty());
}
