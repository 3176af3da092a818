#include "core/io/xlsx_table_reader.h"

#include "core/io/zip_reader.h"

#include <QDate>
#include <QDir>
#include <QHash>
#include <QSet>
#include <QXmlStreamReader>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// What a cell's number format makes of a number.
enum class NumberKind : unsigned char { Number, Date, Time };

// Limits that keep a hostile workbook from taking unbounded memory; the messages that refuse
// them spell the first two out.
constexpr int kMaxColumns = 16384;         // XFD, Excel's last column
constexpr qsizetype kMaxCellChars = 32767; // Excel's limit on one cell's text
// Excel's _xHHHH_ escapes make seven characters one: raw text longer than this cannot fit a cell.
constexpr qsizetype kMaxRawCellChars = 7 * kMaxCellChars;
// The shared strings as held in memory, each costing its UTF-16 text and kStringOverhead.
constexpr qint64 kMaxSharedStringBytes = qint64(256) << 20;
constexpr qint64 kStringOverhead = 32;
// Sheets, relationships and formats one part may list, counted the same way.
constexpr qint64 kMaxListBytes = qint64(64) << 20;
constexpr qint64 kEntryOverhead = 64;
// No text or tag of a workbook comes near this many bytes without a '<'; QXmlStreamReader would
// gather a longer one whole into memory before anything else could refuse it.
constexpr qint64 kMaxMarkupRun = qint64(4) << 20;

// A part of the workbook as the XML reader reads it, from the zip member as it unpacks: refuses
// a run of more than kMaxMarkupRun bytes without a '<', and keeps the reason the member failed.
class PartDevice final : public QIODevice {
public:
    explicit PartDevice(std::unique_ptr<QIODevice> member) : m_member(std::move(member))
    {
        QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    // Whether reading stopped at a run too long.
    bool overlong() const { return m_overlong; }
    // Why the zip member stopped being read, if it failed.
    QString memberError() const { return m_memberError; }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return QIODevice::bytesAvailable() + (m_failed ? 0 : m_member->bytesAvailable());
    }
    bool atEnd() const override { return bytesAvailable() == 0; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (m_failed)
            return -1;
        const qint64 n = m_member->read(data, maxSize);
        if (n < 0) {
            m_failed = true;
            m_memberError = m_member->errorString();
            setErrorString(m_memberError);
            return -1;
        }
        const std::string_view bytes(data, static_cast<size_t>(n));
        const size_t open = bytes.rfind('<');
        m_run = open == std::string_view::npos ? m_run + n : n - static_cast<qint64>(open) - 1;
        if (m_run > kMaxMarkupRun) {
            m_failed = m_overlong = true;
            setErrorString(u"a run of text or markup is too long"_s);
            return -1;
        }
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    std::unique_ptr<QIODevice> m_member;
    qint64 m_run = 0; // bytes since the last '<'
    bool m_failed = false;
    bool m_overlong = false;
    QString m_memberError;
};

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

// Appends the text of the element the reader is on (as readElementText() gives it) to out, as
// long as out stays within limit characters. Returns whether it did; then, or when toEnd, the
// reader is on the element's end, else it stops where the text ran past the limit.
bool readText(QXmlStreamReader& xml, QString& out, qsizetype limit, bool toEnd)
{
    bool fits = true;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters() || xml.isEntityReference()) {
            fits = fits && out.size() + xml.text().size() <= limit;
            if (fits)
                out += xml.text();
            else if (!toEnd)
                return false;
        } else if (xml.isStartElement()) {
            xml.raiseError(QCoreApplication::translate("QXmlStream", "Expected character data."));
        } else if (xml.isEndElement()) {
            break;
        }
    }
    return fits;
}

// The text of a shared string <si> or an inline string <is> into out: its <t>, or the <t> of its
// rich text runs joined, leaving out phonetic runs. Positioned on the start element. Returns
// whether the text fits a cell; then, or when toEnd, it returns on the end element.
bool readRichText(QXmlStreamReader& xml, QString& out, bool toEnd)
{
    QString raw;
    bool fits = true;
    int depth = 0;
    int skipFrom = -1; // depth of an <rPh> whose text is skipped
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (skipFrom < 0 && xml.name() == u"t") {
                fits = readText(xml, raw, fits ? kMaxRawCellChars : -1, toEnd) && fits;
                if (!fits && !toEnd)
                    return false;
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
    out = fits ? decodeEscapes(std::move(raw)) : QString();
    return fits && out.size() <= kMaxCellChars;
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
    QString sheetPart;
    std::unique_ptr<PartDevice> file; // the sheet, unpacked as rows are read
    QXmlStreamReader xml;
    QStringList sharedStrings;
    QSet<qsizetype> overlongStrings; // shared strings longer than a cell holds, left empty
    std::vector<NumberKind> styles;  // by cell style index (cellXfs)
    bool date1904 = false;
    qint64 lastRow = 0;
    // The cell being read, while its value is read: a run too long inside it is its text.
    bool inCell = false;
    int cellColumn = 0;
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

    // A part that unpacks to more than ZipReader allows.
    Error refused(const QString& part) const
    {
        if (zip->refusal() == ZipReader::Refusal::TooLarge)
            return Error(ErrorCode::InvalidInput,
                         tr("the workbook's part %1 unpacks to more than %2 MiB; it is not a "
                            "spreadsheet DLI Tracker can read")
                             .arg(part)
                             .arg(ZipReader::kMaxUnpackedBytes >> 20),
                         path);
        return Error(ErrorCode::InvalidInput,
                     tr("the workbook's part %1 unpacks to more than %2 times its packed size, as "
                        "a zip bomb does; it is not a spreadsheet DLI Tracker can read")
                         .arg(part)
                         .arg(ZipReader::kBombRatio),
                     path);
    }

    Error tooMuch(const QString& part, qint64 limit) const
    {
        return Error(ErrorCode::InvalidInput,
                     tr("the workbook's part %1 lists more than %2 MiB of entries; it is not a "
                        "spreadsheet DLI Tracker can read")
                         .arg(part)
                         .arg(limit >> 20),
                     path);
    }

    Error cellTooLong(qint64 row, int column) const
    {
        static_assert(kMaxCellChars == 32767);
        return Error(ErrorCode::InvalidInput,
                     tr("the cell holds more than 32,767 characters, the most a spreadsheet cell "
                        "can hold"),
                     cellReference(sheet, row, column));
    }

    // A part, unpacked as it is read.
    Result<std::unique_ptr<PartDevice>> openPart(const QString& part)
    {
        auto member = zip->stream(part);
        if (!member && zip->refusal() != ZipReader::Refusal::None)
            return refused(part);
        if (!member)
            return invalid(member.error().message);
        return std::make_unique<PartDevice>(std::move(member).value());
    }

    Error xmlError(const QXmlStreamReader& reader, const QString& part) const
    {
        return invalid(
            tr("%1, line %2: %3").arg(part).arg(reader.lineNumber()).arg(reader.errorString()));
    }

    // Why reading a part failed: it unpacks to too much, holds too long a run, is damaged, or is
    // not well-formed XML.
    std::optional<Error> deviceError(const QString& part, const PartDevice& device) const
    {
        if (zip->refusal() != ZipReader::Refusal::None)
            return refused(part);
        if (device.overlong())
            return Error(ErrorCode::InvalidInput,
                         tr("the workbook's part %1 holds a piece of text or markup longer than "
                            "%2 MiB; it is not a spreadsheet DLI Tracker can read")
                             .arg(part)
                             .arg(kMaxMarkupRun >> 20),
                         path);
        if (!device.memberError().isEmpty())
            return invalid(tr("%1: %2").arg(part, device.memberError()));
        return std::nullopt;
    }

    Error partError(const QXmlStreamReader& reader, const QString& part,
                    const PartDevice& device) const
    {
        if (auto e = deviceError(part, device))
            return *e;
        return xmlError(reader, part);
    }

    // Relationship id → type and target of a part's .rels; empty when there is none.
    Result<QHash<QString, Relationship>> relationships(const QString& part)
    {
        QHash<QString, Relationship> out;
        const QString rels = relsPartOf(part);
        if (!hasPart(rels))
            return out;
        std::unique_ptr<PartDevice> device;
        DLI_ASSIGN(device, openPart(rels));
        QXmlStreamReader reader(device.get());
        const QString base = directoryOf(part);
        qint64 held = 0;
        while (!reader.atEnd()) {
            reader.readNext();
            if (!reader.isStartElement() || reader.name() != u"Relationship")
                continue;
            if (attribute(reader, "TargetMode"_L1) == u"External")
                continue;
            Relationship r;
            r.type = attribute(reader, "Type"_L1);
            r.target = resolveTarget(base, attribute(reader, "Target"_L1));
            const QString id = attribute(reader, "Id"_L1);
            held += kEntryOverhead + 2 * (id.size() + r.type.size() + r.target.size());
            if (held > kMaxListBytes)
                return tooMuch(rels, kMaxListBytes);
            out.insert(id, r);
        }
        if (reader.hasError())
            return partError(reader, rels, *device);
        return out;
    }

    Status readStyles(const QString& part)
    {
        std::unique_ptr<PartDevice> device;
        DLI_ASSIGN(device, openPart(part));
        QXmlStreamReader reader(device.get());
        QHash<int, QString> customFormats;
        std::vector<int> cellFormats;
        bool inCellXfs = false;
        qint64 held = 0;
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isStartElement()) {
                if (reader.name() == u"numFmt") {
                    const QString code = attribute(reader, "formatCode"_L1);
                    held += kEntryOverhead + 2 * code.size();
                    customFormats.insert(attribute(reader, "numFmtId"_L1).toInt(), code);
                } else if (reader.name() == u"cellXfs") {
                    inCellXfs = true;
                } else if (inCellXfs && reader.name() == u"xf") {
                    held += static_cast<qint64>(sizeof(int));
                    cellFormats.push_back(attribute(reader, "numFmtId"_L1).toInt());
                }
                if (held > kMaxListBytes)
                    return tooMuch(part, kMaxListBytes);
            } else if (reader.isEndElement() && reader.name() == u"cellXfs") {
                inCellXfs = false;
            }
        }
        if (reader.hasError())
            return partError(reader, part, *device);
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
        std::unique_ptr<PartDevice> device;
        DLI_ASSIGN(device, openPart(part));
        QXmlStreamReader reader(device.get());
        qint64 held = 0;
        while (!reader.atEnd()) {
            reader.readNext();
            if (!reader.isStartElement())
                continue;
            if (reader.name() == u"sst") {
                // Room for the strings the table says it has, within reason.
                const qsizetype count = attribute(reader, "uniqueCount"_L1).toLongLong();
                if (count > 0)
                    sharedStrings.reserve(std::min<qsizetype>(count, 1 << 20));
            } else if (reader.name() == u"si") {
                QString text;
                // One too long is refused only when a cell of the sheet refers to it.
                if (!readRichText(reader, text, true))
                    overlongStrings.insert(sharedStrings.size());
                held += kStringOverhead + 2 * text.size();
                if (held > kMaxSharedStringBytes)
                    return Error(ErrorCode::InvalidInput,
                                 tr("the workbook's shared strings (%1) come to more than %2 MiB "
                                    "of text; it is not a spreadsheet DLI Tracker can read")
                                     .arg(part)
                                     .arg(kMaxSharedStringBytes >> 20),
                                 path);
                sharedStrings.append(std::move(text));
            }
        }
        if (reader.hasError())
            return partError(reader, part, *device);
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
        inCell = true;
        cellColumn = column;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isEndElement())
                break; // </c>: children are read whole below
            if (!xml.isStartElement())
                continue;
            bool fits = true;
            if (xml.name() == u"v") {
                raw.clear();
                fits = readText(xml, raw, kMaxRawCellChars, false);
            } else if (xml.name() == u"is") {
                fits = readRichText(xml, inlineText, false);
            } else {
                xml.skipCurrentElement();
            }
            if (!fits && !xml.hasError())
                return cellTooLong(row, column);
        }
        if (xml.hasError())
            return Status(); // next() reports it, inCell telling where
        inCell = false;

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
            if (overlongStrings.contains(index))
                return cellTooLong(row, column);
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

        if (value.size() > kMaxCellChars)
            return cellTooLong(row, column);
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
        std::unique_ptr<PartDevice> device;
        DLI_ASSIGN(device, s.openPart(workbookPart));
        QXmlStreamReader reader(device.get());
        bool isWorkbook = false;
        qint64 held = 0;
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
                held += kEntryOverhead + 2 * (e.name.size() + e.relId.size());
                if (held > kMaxListBytes)
                    return s.tooMuch(workbookPart, kMaxListBytes);
                sheets << e;
            }
        }
        if (reader.hasError())
            return s.partError(reader, workbookPart, *device);
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
    s.sheetPart = sheetPart;

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
    DLI_ASSIGN(s.file, s.openPart(sheetPart));
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
    int cellsInRow = 0;
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
                cellsInRow = 0;
                hasText = false;
            } else if (xml.name() == u"c") {
                if (rowNumber == 0) { // a cell outside a row
                    xml.skipCurrentElement();
                    continue;
                }
                if (++cellsInRow > kMaxColumns) {
                    static_assert(kMaxColumns == 16384);
                    s.error = Error(ErrorCode::InvalidInput,
                                    tr("the row holds more than 16,384 cells, the most a "
                                       "spreadsheet row can hold"),
                                    cellReference(s.sheet, rowNumber, kMaxColumns - 1));
                    return *s.error;
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
    if (xml.hasError() && s.inCell && s.file->overlong()) {
        s.error = s.cellTooLong(rowNumber, s.cellColumn);
        return *s.error;
    }
    if (xml.hasError()) {
        if (auto e = s.deviceError(s.sheetPart, *s.file)) {
            s.error = std::move(*e);
            return *s.error;
        }
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
