#include "core/io/csv_table_reader.h"

#include <QFile>
#include <QStringDecoder>
#include <algorithm>
#include <array>
#include <csv.h>
#include <optional>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

constexpr qint64 kChunkSize = 1 << 20;     // bytes read from the file at a time
constexpr qsizetype kSliceSize = 64 << 10; // bytes given to the parser at a time
// Limits that keep a hostile file from taking unbounded memory. A field may hold a long note,
// longer than a spreadsheet cell (32,767 characters), but not this: one that grows beyond it is
// refused before it swallows the whole file (a quoted one is most likely a quote never closed).
constexpr size_t kMaxFieldBytes = size_t(1) << 20;
constexpr int kMaxFields = 16384; // cells of one row, as many as a spreadsheet has columns

int noSpace(unsigned char)
{
    return 0;
}

bool isAscii(const char* p, size_t n)
{
    unsigned char bits = 0;
    for (size_t i = 0; i < n; ++i)
        bits |= static_cast<unsigned char>(p[i]);
    return bits < 0x80;
}

bool isBlank(const QString& text)
{
    for (const QChar c : text) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

} // namespace

struct CsvTableReader::State {
    QString path;
    QFile file;
    QByteArray chunk;       // the part of the file being parsed
    qsizetype chunkPos = 0; // next byte of chunk for the parser
    csv_parser parser{};
    bool parserReady = false;
    char delimiter = ',';
    char lineBreak = '\n'; // the byte that ends a physical line: '\r' only in CR-only files
    bool atEnd = false;
    qint64 line = 1;     // physical line of the parser's position at its last callback
    qint64 feedLine = 1; // physical line at the start of the slice being parsed

    // Complete rows not yet handed out, and after them the record being assembled. Slots are
    // reused (with their lists' capacity) once handed out.
    std::vector<TableRow> rows;
    size_t rowCount = 0;
    size_t rowPos = 0;
    int fields = 0; // fields of the record being assembled
    bool recordHasText = false;

    std::optional<Error> error;
    QStringDecoder decoder{QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                     QStringDecoder::Flag::ConvertInitialBom};

    ~State()
    {
        if (parserReady)
            csv_free(&parser);
    }

    QString location(qint64 atLine, int column) const
    {
        return path + u':' + QString::number(atLine) + u':' + QString::number(column + 1);
    }

    static void onField(void* data, size_t len, void* self)
    {
        static_cast<State*>(self)->addField(static_cast<const char*>(data), len);
    }
    static void onRecord(int terminator, void* self)
    {
        static_cast<State*>(self)->endRecord(terminator);
    }

    Error fieldTooLong(qint64 atLine, int column) const
    {
        return Error(ErrorCode::InvalidInput,
                     tr("a field is longer than %1 MiB, more than DLI Tracker reads in one cell")
                         .arg(kMaxFieldBytes >> 20),
                     location(atLine, column));
    }

    void addField(const char* p, size_t len)
    {
        if (error)
            return;
        if (fields >= kMaxFields) {
            static_assert(kMaxFields == 16384);
            error = Error(ErrorCode::InvalidInput,
                          tr("the row has more than 16,384 fields, more columns than a "
                             "spreadsheet has"),
                          location(line, fields));
            return;
        }
        if (len > kMaxFieldBytes) {
            error = fieldTooLong(line, fields);
            return;
        }
        if (rowCount == rows.size())
            rows.emplace_back();
        TableRow& row = rows[rowCount];
        if (fields == 0) {
            row.line = line;
            row.cells.clear();
            recordHasText = false;
        }
        QString text;
        if (len > 0) {
            if (isAscii(p, len)) {
                text = QString::fromLatin1(p, static_cast<qsizetype>(len));
            } else {
                decoder.resetState();
                text = decoder.decode(QByteArrayView(p, static_cast<qsizetype>(len)));
                if (decoder.hasError()) {
                    error = Error(ErrorCode::InvalidInput,
                                  tr("the text is not valid UTF-8; save the file as \"CSV UTF-8\""),
                                  location(line, fields));
                    return;
                }
            }
            if (const auto breaks = std::count(p, p + len, lineBreak))
                line += breaks;
            if (!recordHasText)
                recordHasText = !isBlank(text);
        }
        row.cells.append(std::move(text));
        ++fields;
    }

    void endRecord(int terminator)
    {
        if (error)
            return;
        if (terminator == static_cast<unsigned char>(lineBreak))
            ++line;
        if (fields > 0) {
            if (recordHasText)
                ++rowCount;
            fields = 0;
        }
    }

    // Detects the delimiter and the line break from the first line that is not empty.
    void detectDialect(QByteArrayView text)
    {
        qsizetype i = 0;
        while (i < text.size() && (text[i] == '\r' || text[i] == '\n'))
            ++i;
        constexpr std::array<char, 4> candidates{',', ';', '\t', '|'};
        std::array<qsizetype, 4> counts{};
        bool quoted = false;
        for (; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (c == '\r' && i + 1 < text.size() && text[i + 1] != '\n')
                    lineBreak = '\r';
                break;
            } else if (!quoted) {
                for (size_t k = 0; k < candidates.size(); ++k) {
                    if (c == candidates[k])
                        ++counts[k];
                }
            }
        }
        size_t best = 0; // ties go to the earlier candidate, so no delimiter at all means comma
        for (size_t k = 1; k < candidates.size(); ++k) {
            if (counts[k] > counts[best])
                best = k;
        }
        delimiter = candidates[best];
    }
};

CsvTableReader::CsvTableReader(std::unique_ptr<State> state) : d(std::move(state)) {}

CsvTableReader::~CsvTableReader() = default;

Result<std::unique_ptr<CsvTableReader>> CsvTableReader::open(const QString& path)
{
    auto st = std::make_unique<State>();
    st->path = path;
    st->file.setFileName(path);
    if (!st->file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, tr("cannot read the file: %1").arg(st->file.errorString()),
                     path);
    st->chunk.resize(kChunkSize);
    const qint64 n = st->file.read(st->chunk.data(), kChunkSize);
    if (n < 0)
        return Error(ErrorCode::Io, tr("cannot read the file: %1").arg(st->file.errorString()),
                     path);
    st->chunk.resize(n);
    if (st->chunk.startsWith("\xFF\xFE") || st->chunk.startsWith("\xFE\xFF"))
        return Error(ErrorCode::InvalidInput,
                     tr("the file is UTF-16 text; save it as \"CSV UTF-8\" instead"), path);
    if (st->chunk.startsWith("\xEF\xBB\xBF"))
        st->chunkPos = 3;
    st->detectDialect(QByteArrayView(st->chunk).sliced(st->chunkPos));
    if (n == 0)
        st->atEnd = true;

    if (csv_init(&st->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
        return Error(ErrorCode::Io, tr("out of memory"), path);
    st->parserReady = true;
    csv_set_delim(&st->parser, static_cast<unsigned char>(st->delimiter));
    // Spaces around unquoted fields belong to the field; the importer trims.
    csv_set_space_func(&st->parser, noSpace);
    return std::unique_ptr<CsvTableReader>(new CsvTableReader(std::move(st)));
}

Status CsvTableReader::fill()
{
    State& s = *d;
    if (s.rowPos >= s.rowCount && s.rowCount > 0) {
        // Everything handed out: the record being assembled moves to the first slot.
        if (s.fields > 0)
            std::swap(s.rows[0], s.rows[s.rowCount]);
        s.rowPos = s.rowCount = 0;
    }
    while (s.rowPos >= s.rowCount) {
        if (s.error)
            return *s.error;
        if (s.atEnd)
            return {};
        if (s.chunkPos >= s.chunk.size()) {
            s.chunk.resize(kChunkSize);
            const qint64 n = s.file.read(s.chunk.data(), kChunkSize);
            if (n < 0) {
                s.error = Error(ErrorCode::Io,
                                tr("cannot read the file: %1").arg(s.file.errorString()), s.path);
                continue;
            }
            s.chunk.resize(n);
            s.chunkPos = 0;
            if (n == 0) {
                if (csv_fini(&s.parser, State::onField, State::onRecord, &s) != 0 && !s.error)
                    s.error =
                        Error(ErrorCode::InvalidInput, tr("a quoted field has no closing quote"),
                              s.location(s.line, s.fields));
                s.atEnd = true;
                continue;
            }
        }
        const char* data = s.chunk.constData() + s.chunkPos;
        const auto len = static_cast<size_t>(std::min(kSliceSize, s.chunk.size() - s.chunkPos));
        const size_t done = csv_parse(&s.parser, data, len, State::onField, State::onRecord, &s);
        if (done < len && !s.error) {
            const qint64 atLine = s.feedLine + std::count(data, data + done, s.lineBreak);
            if (csv_error(&s.parser) == CSV_EPARSE)
                s.error = Error(ErrorCode::InvalidInput,
                                tr("a quote inside a field that does not start with one, or text "
                                   "after a closing quote; enclose the whole field in quotes and "
                                   "double each quote inside it"),
                                s.location(atLine, s.fields));
            else
                s.error = Error(ErrorCode::InvalidInput, tr("a field is too large to read"),
                                s.location(atLine, s.fields));
        } else if (s.parser.entry_pos > kMaxFieldBytes && !s.error) {
            // The field being assembled began on the line of the last callback; libcsv has
            // stored whether it is quoted by the time csv_parse() returns.
            if (s.parser.quoted)
                s.error = Error(ErrorCode::InvalidInput,
                                tr("a quoted field runs on for more than %1 MiB: its closing "
                                   "quote is probably missing")
                                    .arg(kMaxFieldBytes >> 20),
                                s.location(s.line, s.fields));
            else
                s.error = s.fieldTooLong(s.line, s.fields);
        }
        s.feedLine += std::count(data, data + len, s.lineBreak);
        s.chunkPos += static_cast<qsizetype>(len);
    }
    return {};
}

Result<bool> CsvTableReader::next(TableRow& row)
{
    DLI_TRY(fill());
    if (d->rowPos >= d->rowCount)
        return false;
    std::swap(row, d->rows[d->rowPos++]);
    return true;
}

QString CsvTableReader::cellLocation(qint64 line, int column) const
{
    return d->location(line, column);
}

QString CsvTableReader::sourceName() const
{
    return d->path;
}

char CsvTableReader::delimiter() const
{
    return d->delimiter;
}

} // namespace dli
