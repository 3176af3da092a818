#include "core/io/xlsx_table_reader.h"

#include "core/io/zip_reader.h"

#include <QDate>
#include <QDir>
#include <QHash>
#include <QXmlStreamReader>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// What a cell's number format makes of a number.
enum class NumberKind : unsigned char { Number, Date, Time };

constexpr int kMaxColumns = 16384; // XFD, Excel's last column

struct Relationship {
    QString type;   // e.g. ".../relationships/worksheet"
    QString target; // resolved part name inside the archive, e.g. "xl/worksheets/sheet1.xml"
};

struct SheetEntry {
    QString name;
    QString relId;
    bool hidden = false;
};

QString directoryOf(const QString& part)
{
    const qsizetype slash = part.lastIndexOf(u'/');
    return slash < 0 ? QString() : part.left(slash);
}

QString relsPartOf(const QString& part)
{
    const QString dir = directoryOf(part);
    const QString file = part.mid(part.lastIndexOf(u'/') + 1);
    return (dir.isEmpty() ? QString() : dir + u'/') + u"_rels/"_s + file + u".rels"_s;
}

QString resolveTarget(const QString& baseDir, const QString& target)
{
    if (target.startsWith(u'/'))
        return QDir::cleanPath(target.mid(1));
    return QDir::cleanPath(baseDir.isEmpty() ? target : baseDir + u'/' + target);
}

bool typeIs(const QString& type, QStringView suffix)
{
    return type.endsWith(suffix);
}

bool isBlank(const QString& text)
{
    for (const QChar c : text) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

int hexDigit(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// Excel writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x).
QString decodeEscapes(QString text)
{
    if (!text.contains(u"_x"_s))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'_' && i + 6 < text.size() && text[i + 1] == u'x' && text[i + 6] == u'_') {
            int code = 0;
            bool hex = true;
            for (qsizetype k = i + 2; k < i + 6 && hex; ++k) {
                const int digit = hexDigit(text[k]);
                hex = digit >= 0;
                code = code * 16 + digit;
            }
            if (hex) {
                out += QChar(static_cast<char16_t>(code));
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

NumberKind builtinFormatKind(int id)
{
    if ((id >= 14 && id <= 17) || id == 22)
        return NumberKind::Date;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
        return NumberKind::Time;
    return NumberKind::Number;
}

// A custom format is a date when its first section has d or y, or m without h or s (then m is
// a month, not minutes), outside quoted text, [brackets] and escaped characters; a time when
// it has only h, m, s or an elapsed time such as [h].
NumberKind formatCodeKind(QStringView code)
{
    bool date = false;
    bool month = false;
    bool time = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const char16_t c = code[i].toLower().unicode();
        if (c == u'"') {
            const qsizetype end = code.indexOf(u'"', i + 1);
            i = end < 0 ? code.size() : end;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i;
        } else if (c == u'[') {
            const qsizetype end = code.indexOf(u']', i + 1);
            const QStringView inner = code.mid(i + 1, (end < 0 ? code.size() : end) - i - 1);
            bool elapsed = !inner.isEmpty();
            for (const QChar x : inner)
                elapsed = elapsed && QStringView(u"hHmMsS").contains(x);
            time = time || elapsed;
            i = end < 0 ? code.size() : end;
        } else if (c == u';') {
            break;
        } else if (c == u'd' || c == u'y') {
            date = true;
        } else if (c == u'm') {
            month = true;
        } else if (c == u'h' || c == u's') {
            time = true;
        }
    }
    if (date || (month && !time))
        return NumberKind::Date;
    if (time || month)
        return NumberKind::Time;
    return NumberKind::Number;
}

std::optional<double> parseDouble(QStringView text)
{
    std::array<char, 64> buf{};
    const QStringView t = text.trimmed();
    if (t.isEmpty() || t.size() >= static_cast<qsizetype>(buf.size()))
        return std::nullopt;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const char16_t c = t[i].unicode();
        if (c > 0x7f)
            return std::nullopt;
        buf[static_cast<size_t>(i)] = static_cast<char>(c);
    }
    const char* first = buf.data();
    const char* last = buf.data() + t.size();
    double value = 0;
    const auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || ptr != last || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// The shortest decimal text of a number at Excel's 15 significant digits, without an exponent:
// 0.30000000000000004 is "0.3", 1234.5 is "1234.5", 1e20 is "100000000000000000000".
QString formatNumber(double value)
{
    std::array<char, 32> general{};
    const auto g = std::to_chars(general.data(), general.data() + general.size(), value,
                                 std::chars_format::general, 15);
    double rounded = value;
    std::from_chars(general.data(), g.ptr, rounded);
    if (rounded == 0)
        return u"0"_s;
    std::array<char, 400> fixed{};
    const auto f =
        std::to_chars(fixed.data(), fixed.data() + fixed.size(), rounded, std::chars_format::fixed);
    if (f.ec != std::errc())
        return QString::fromLatin1(general.data(), g.ptr - general.data());
    return QString::fromLatin1(fixed.data(), f.ptr - fixed.data());
}

QString twoDigits(qint64 n)
{
    return QString::number(n).rightJustified(2, u'0');
}

// A date or time serial number as text; in the 1900 system serial 1 is 1900-01-01 and serial 60
// is Excel's 1900-02-29, a day that did not exist (given as such, so that it is refused).
QString formatSerial(double serial, NumberKind kind, bool date1904)
{
    if (!(serial >= 0) || serial >= 2958466) // after 9999-12-31
        return formatNumber(serial);
    const auto seconds = static_cast<qint64>(std::llround(serial * 86400.0));
    const qint64 days = seconds / 86400;
    const qint64 ofDay = seconds % 86400;
    if (kind == NumberKind::Time)
        return twoDigits(ofDay / 3600) + u':' + twoDigits(ofDay / 60 % 60) + u':' +
               twoDigits(ofDay % 60);
    QDate date;
    if (date1904)
        date = QDate(1904, 1, 1).addDays(days);
    else if (days == 0)
        return formatNumber(serial);
    else if (days == 60)
        return u"1900-02-29"_s;
    else if (days < 60)
        date = QDate(1899, 12, 31).addDays(days);
    else
        date = QDate(1899, 12, 30).addDays(days);
    return date.toString(Qt::ISODate);
}

// The 0-based column of a reference such as "D17", or -1.
int columnOfReference(QStringView ref)
{
    int column = 0;
    qsizetype i = 0;
    for (; i < ref.size(); ++i) {
        const char16_t c = ref[i].toUpper().unicode();
        if (c < u'A' || c > u'Z')
            break;
        column = column * 26 + (c - u'A' + 1);
        if (column > kMaxColumns)
            return -1;
    }
    if (i == 0)
        return -1;
    for (qsizetype k = i; k < ref.size(); ++k) {
        if (!ref[k].isDigit())
            return -1;
    }
    return column - 1;
}

// The text of a shared string <si> or an inline string <is>: its <t>, or the <t> of its rich
// text runs joined, leaving out phonetic runs. Positioned on the start element; returns on its
// end element.
QString readRichText(QXmlStreamReader& xml)
{
    QString out;
    int depth = 0;
    int skipFrom = -1; // depth of an <rPh> whose text is skipped
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (skipFrom < 0 && xml.name() == u"t") {
                out += xml.readElementText();
                continue;
            }
            ++depth;
            if (skipFrom < 0 && xml.name() == u"rPh")
                skipFrom = depth;
        } else if (xml.isEndElement()) {
            if (depth == 0)
                break;
            if (depth == skipFrom)
                skipFrom = -1;
            --depth;
        }
    }
    return decodeEscapes(std::move(out));
}

QString attribute(const QXmlStreamReader& xml, QLatin1StringView name)
{
    return xml.attributes().value(name).toString();
}

} // namespace

struct XlsxTableReader::State {
    QString path;
    QString sheet;
    QStringList sheetNames;
    std::unique_ptr<ZipReader> zip;
    std::unique_ptr<QIODevice> file; // the sheet, unpacked as rows are read
    QXmlStreamReader xml;
    QStringList sharedStrings;
    std::vector<NumberKind> styles; // by cell style index (cellXfs)
    bool date1904 = false;
    qint64 lastRow = 0;
    bool done = false;
    std::optional<Error> error;

    explicit State(const QString& p) : path(p) {}
    ~State()
    {
        xml.setDevice(nullptr);
        file.reset();
        zip.reset();
    }

    Error invalid(const QString& why) const
    {
        return Error(ErrorCode::InvalidInput, tr("not a valid XLSX file: %1").arg(why), path);
    }

    bool hasPart(const QString& part) { return zip->contains(part); }

    Result<QByteArray> readPart(const QString& part)
    {
        auto bytes = zip->read(part);
        if (!bytes)
            return invalid(bytes.error().message);
        return std::move(bytes).value();
    }

    Error xmlError(const QXmlStreamReader& reader, const QString& part) const
    {
        return invalid(
            tr("%1, line %2: %3").arg(part).arg(reader.lineNumber()).arg(reader.errorString()));
    }

    // Relationship id → type and target of a part's .rels; empty when there is none.
    Result<QHash<QString, Relationship>> relationships(const QString& part)
    {
        QHash<QString, Relationship> out;
        const QString rels = relsPartOf(part);
        if (!hasPart(rels))
            return out;
        QByteArray bytes;
        DLI_ASSIGN(bytes, readPart(rels));
        QXmlStreamReader reader(bytes);
        const QString base = directoryOf(part);
        while (!reader.atEnd()) {
            reader.readNext();
            if (!reader.isStartElement() || reader.name() != u"Relationship")
                continue;
            if (attribute(reader, "TargetMode"_L1) == u"External")
                continue;
            Relationship r;
            r.type = attribute(reader, "Type"_L1);
            r.target = resolveTarget(base, attribute(reader, "Target"_L1));
            out.insert(attribute(reader, "Id"_L1), r);
        }
        if (reader.hasError())
            return xmlError(reader, rels);
        return out;
    }

    Status readStyles(const QString& part)
    {
        QByteArray bytes;
        DLI_ASSIGN(bytes, readPart(part));
        QXmlStreamReader reader(bytes);
        QHash<int, QString> customFormats;
        std::vector<int> cellFormats;
        bool inCellXfs = false;
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isStartElement()) {
                if (reader.name() == u"numFmt")
                    customFormats.insert(attribute(reader, "numFmtId"_L1).toInt(),
                                         attribute(reader, "formatCode"_L1));
                else if (reader.name() == u"cellXfs")
                    inCellXfs = true;
                else if (inCellXfs && reader.name() == u"xf")
                    cellFormats.push_back(attribute(reader, "numFmtId"_L1).toInt());
            } else if (reader.isEndElement() && reader.name() == u"cellXfs") {
                inCellXfs = false;
            }
        }
        if (reader.hasError())
            return xmlError(reader, part);
        styles.clear();
        for (const int id : cellFormats) {
            const auto custom = customFormats.constFind(id);
            styles.push_back(custom != customFormats.cend() ? formatCodeKind(*custom)
                                                            : builtinFormatKind(id));
        }
        return {};
    }

    Status readSharedStrings(const QString& part)
    {
        auto device = zip->stream(part);
        if (!device)
            return invalid(device.error().message);
        QXmlStreamReader reader(device.value().get());
        while (!reader.atEnd()) {
            reader.readNext();
            if (!reader.isStartElement())
                continue;
            if (reader.name() == u"sst") {
                const qsizetype count = attribute(reader, "uniqueCount"_L1).toLongLong();
                if (count > 0 && count < (1 << 24))
                    sharedStrings.reserve(count);
            } else if (reader.name() == u"si") {
                sharedStrings.append(readRichText(reader));
            }
        }
        if (reader.hasError())
            return xmlError(reader, part);
        return {};
    }

    NumberKind styleKind(QStringView styleIndex) const
    {
        if (styleIndex.isEmpty())
            return styles.empty() ? NumberKind::Number : styles.front();
        const int index = styleIndex.toInt();
        if (index < 0 || static_cast<size_t>(index) >= styles.size())
            return NumberKind::Number;
        return styles[static_cast<size_t>(index)];
    }

    // Reads a <c> element into cells; positioned on its start element.
    Status readCell(QStringList& cells, int& nextColumn, qint64 row, bool& hasText)
    {
        // Views into the reader's buffer: used before the reader moves on.
        const QXmlStreamAttributes attrs = xml.attributes();
        const QStringView ref = attrs.value("r"_L1);
        const QStringView typeAttr = attrs.value("t"_L1);
        int column = nextColumn;
        if (!ref.isEmpty()) {
            column = columnOfReference(ref);
            if (column < 0)
                return Error(ErrorCode::InvalidInput,
                             tr("not a valid XLSX file: the cell reference \"%1\" is not valid")
                                 .arg(ref.toString()),
                             cellReference(sheet, row, nextColumn));
        }
        if (column >= kMaxColumns)
            return Error(ErrorCode::InvalidInput,
                         tr("not a valid XLSX file: a cell lies beyond column XFD"),
                         cellReference(sheet, row, kMaxColumns - 1));
        enum class Type { Number, Shared, Inline, Formula, Boolean, Error, Date };
        Type type = Type::Number;
        if (typeAttr == u"s")
            type = Type::Shared;
        else if (typeAttr == u"inlineStr")
            type = Type::Inline;
        else if (typeAttr == u"str")
            type = Type::Formula;
        else if (typeAttr == u"b")
            type = Type::Boolean;
        else if (typeAttr == u"e")
            type = Type::Error;
        else if (typeAttr == u"d")
            type = Type::Date;
        const NumberKind kind = styleKind(attrs.value("s"_L1));
        QString raw;
        QString inlineText;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isEndElement())
                break; // </c>: children are read whole below
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"v")
                raw = xml.readElementText();
            else if (xml.name() == u"is")
                inlineText = readRichText(xml);
            else
                xml.skipCurrentElement();
        }
        if (xml.hasError())
            return Status();

        QString value;
        if (type == Type::Inline) {
            value = inlineText;
        } else if (raw.isEmpty()) {
            // a cell with a style or a type but no value
        } else if (type == Type::Shared) {
            bool ok = false;
            const int index = raw.trimmed().toInt(&ok);
            if (!ok || index < 0 || index >= sharedStrings.size())
                return Error(ErrorCode::InvalidInput,
                             tr("not a valid XLSX file: the cell refers to shared string \"%1\", "
                                "which does not exist")
                                 .arg(raw),
                             cellReference(sheet, row, column));
            value = sharedStrings[index];
        } else if (type == Type::Formula) {
            value = decodeEscapes(raw);
        } else if (type == Type::Boolean) {
            value = raw == u"1" ? u"TRUE"_s : raw == u"0" ? u"FALSE"_s : raw;
        } else if (type == Type::Error) {
            value = raw;
        } else if (type == Type::Date) {
            const QString datePart = raw.left(10);
            value = QDate::fromString(datePart, Qt::ISODate).isValid() ? datePart : raw;
        } else {
            const auto number = parseDouble(raw);
            if (!number)
                value = raw;
            else if (kind == NumberKind::Number)
                value = formatNumber(*number);
            else
                value = formatSerial(*number, kind, date1904);
        }

        nextColumn = column + 1;
        if (value.isEmpty())
            return {};
        if (!hasText)
            hasText = !isBlank(value);
        if (column < cells.size()) {
            cells[column] = std::move(value);
            return {};
        }
        while (cells.size() < column)
            cells.append(QString());
        cells.append(std::move(value));
        return {};
    }
};

XlsxTableReader::XlsxTableReader(std::unique_ptr<State> state) : d(std::move(state)) {}

XlsxTableReader::~XlsxTableReader() = default;

Result<std::unique_ptr<XlsxTableReader>> XlsxTableReader::open(const QString& path,
                                                               const QString& sheet)
{
    auto st = std::make_unique<State>(path);
    State& s = *st;
    auto zip = ZipReader::open(path);
    if (!zip && zip.error().code == ErrorCode::Io)
        return zip.error();
    if (!zip)
        return s.invalid(tr("it is not a ZIP archive, as every XLSX file is"));
    s.zip = std::move(zip).value();

    // The package relationships name the workbook part; xl/workbook.xml by convention.
    QString workbookPart = u"xl/workbook.xml"_s;
    {
        QHash<QString, Relationship> root;
        DLI_ASSIGN(root, s.relationships(QString()));
        for (const Relationship& r : std::as_const(root)) {
            if (typeIs(r.type, u"/officeDocument"))
                workbookPart = r.target;
        }
    }
    if (!s.hasPart(workbookPart))
        return s.invalid(
            tr("the archive holds no Excel workbook (%1 is missing)").arg(workbookPart));

    QList<SheetEntry> sheets;
    {
        QByteArray bytes;
        DLI_ASSIGN(bytes, s.readPart(workbookPart));
        QXmlStreamReader reader(bytes);
        bool isWorkbook = false;
        while (!reader.atEnd()) {
            reader.readNext();
            if (!reader.isStartElement())
                continue;
            if (reader.name() == u"workbook") {
                isWorkbook = true;
            } else if (reader.name() == u"workbookPr") {
                const QString v = attribute(reader, "date1904"_L1);
                s.date1904 = v == u"1" || v == u"true";
            } else if (reader.name() == u"sheet") {
                SheetEntry e;
                e.name = attribute(reader, "name"_L1);
                const QString state = attribute(reader, "state"_L1);
                e.hidden = state == u"hidden" || state == u"veryHidden";
                for (const QXmlStreamAttribute& a : reader.attributes()) {
                    if (a.name() == u"id" && !a.namespaceUri().isEmpty())
                        e.relId = a.value().toString();
                }
                sheets << e;
            }
        }
        if (reader.hasError())
            return s.xmlError(reader, workbookPart);
        if (!isWorkbook)
            return s.invalid(tr("%1 is not an Excel workbook").arg(workbookPart));
    }
    for (const SheetEntry& e : std::as_const(sheets))
        s.sheetNames << e.name;

    QHash<QString, Relationship> rels;
    DLI_ASSIGN(rels, s.relationships(workbookPart));
    const auto isWorksheet = [&](const SheetEntry& e) {
        return typeIs(rels.value(e.relId).type, u"/worksheet");
    };

    const SheetEntry* chosen = nullptr;
    if (!sheet.isEmpty()) {
        for (const SheetEntry& e : std::as_const(sheets)) {
            if (e.name == sheet)
                chosen = &e;
        }
        for (const SheetEntry& e : std::as_const(sheets)) {
            if (!chosen && e.name.compare(sheet, Qt::CaseInsensitive) == 0)
                chosen = &e;
        }
        if (!chosen)
            return Error(ErrorCode::InvalidInput,
                         tr("the workbook has no sheet named \"%1\"; its sheets are: %2")
                             .arg(sheet, s.sheetNames.join(u", "_s)),
                         path);
        if (!isWorksheet(*chosen))
            return Error(ErrorCode::InvalidInput,
                         tr("the sheet \"%1\" is a chart, not a table").arg(chosen->name), path);
    } else {
        for (const SheetEntry& e : std::as_const(sheets)) {
            if (!chosen && !e.hidden && isWorksheet(e))
                chosen = &e;
        }
        for (const SheetEntry& e : std::as_const(sheets)) {
            if (!chosen && isWorksheet(e))
                chosen = &e;
        }
        if (!chosen)
            return s.invalid(tr("the workbook has no worksheet"));
    }
    s.sheet = chosen->name;
    const QString sheetPart = rels.value(chosen->relId).target;

    QString stylesPart = u"xl/styles.xml"_s;
    QString stringsPart = u"xl/sharedStrings.xml"_s;
    for (const Relationship& r : std::as_const(rels)) {
        if (typeIs(r.type, u"/styles"))
            stylesPart = r.target;
        else if (typeIs(r.type, u"/sharedStrings"))
            stringsPart = r.target;
    }
    if (s.hasPart(stylesPart))
        DLI_TRY(s.readStyles(stylesPart));
    if (s.hasPart(stringsPart))
        DLI_TRY(s.readSharedStrings(stringsPart));

    if (!s.hasPart(sheetPart))
        return s.invalid(tr("the sheet \"%1\" has no part %2").arg(s.sheet, sheetPart));
    auto device = s.zip->stream(sheetPart);
    if (!device)
        return s.invalid(device.error().message);
    s.file = std::move(device).value();
    s.xml.setDevice(s.file.get());
    return std::unique_ptr<XlsxTableReader>(new XlsxTableReader(std::move(st)));
}

Result<bool> XlsxTableReader::next(TableRow& row)
{
    State& s = *d;
    if (s.error)
        return *s.error;
    if (s.done)
        return false;
    QXmlStreamReader& xml = s.xml;
    qint64 rowNumber = 0;
    int nextColumn = 0;
    bool hasText = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"row") {
                bool ok = false;
                rowNumber = attribute(xml, "r"_L1).toLongLong(&ok);
                if (!ok || rowNumber <= 0)
                    rowNumber = s.lastRow + 1;
                row.cells.clear();
                nextColumn = 0;
                hasText = false;
            } else if (xml.name() == u"c") {
                if (rowNumber == 0) { // a cell outside a row
                    xml.skipCurrentElement();
                    continue;
                }
                if (Status st = s.readCell(row.cells, nextColumn, rowNumber, hasText); !st) {
                    s.error = st.error();
                    return *s.error;
                }
            }
        } else if (xml.isEndElement()) {
            if (xml.name() == u"row") {
                s.lastRow = rowNumber;
                rowNumber = 0;
                if (hasText) {
                    row.line = s.lastRow;
                    return true;
                }
            } else if (xml.name() == u"sheetData") {
                break;
            }
        }
    }
    if (xml.hasError()) {
        s.error = s.invalid(tr("the sheet \"%1\" is damaged after row %2 (%3)")
                                .arg(s.sheet)
                                .arg(s.lastRow)
                                .arg(xml.errorString()));
        return *s.error;
    }
    s.done = true;
    return false;
}

QString XlsxTableReader::cellLocation(qint64 line, int column) const
{
    return cellReference(d->sheet, line, column);
}

QString XlsxTableReader::sourceName() const
{
    return d->path;
}

QString XlsxTableReader::sheetName() const
{
    return d->sheet;
}

QStringList XlsxTableReader::sheetNames() const
{
    return d->sheetNames;
}

QString XlsxTableReader::columnName(int column)
{
    QString out;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        out.prepend(QChar(static_cast<char16_t>(u'A' + (n - 1) % 26)));
    return out;
}

QString XlsxTableReader::cellReference(const QString& sheet, qint64 row, int column)
{
    bool plain = !sheet.isEmpty() && !sheet.front().isDigit();
    for (const QChar c : sheet)
        plain = plain && (c.isLetterOrNumber() || c == u'_');
    const QString name = plain ? sheet : u'\'' + QString(sheet).replace(u'\'', u"''"_s) + u'\'';
    return name + u'!' + columnName(column) + QString::number(row);
}

} // namespace dli
