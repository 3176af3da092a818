#include "core/io/demo_files.h"

#include <array>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// A PDF literal string in WinAnsiEncoding: parentheses and backslashes escaped, anything
// outside printable ASCII as an octal escape.
QByteArray pdfText(const QString& text)
{
    QByteArray out;
    for (const QChar c : text) {
        int code = c.unicode();
        switch (code) {
        case 0x2013: // en dash
            code = 0x96;
            break;
        case 0x2014: // em dash
            code = 0x97;
            break;
        case 0x2018:
        case 0x2019:
            code = '\'';
            break;
        case 0x201C:
        case 0x201D:
            code = '"';
            break;
        default:
            if (code > 0xFF || (code < 0x20) || (code >= 0x7F && code < 0xA0))
                code = '?';
        }
        if (code == '(' || code == ')' || code == '\\') {
            out += '\\';
            out += static_cast<char>(code);
        } else if (code < 0x80) {
            out += static_cast<char>(code);
        } else {
            out += '\\';
            out += QByteArray::number(code, 8);
        }
    }
    return out;
}

QByteArray bigEndian(quint32 v)
{
    QByteArray out(4, '\0');
    out[0] = static_cast<char>((v >> 24) & 0xFF);
    out[1] = static_cast<char>((v >> 16) & 0xFF);
    out[2] = static_cast<char>((v >> 8) & 0xFF);
    out[3] = static_cast<char>(v & 0xFF);
    return out;
}

QByteArray chunk(const char* type, const QByteArray& data)
{
    const QByteArray typed = QByteArray(type) + data;
    return bigEndian(static_cast<quint32>(data.size())) + typed +
           bigEndian(DemoFiles::crc32(typed));
}

} // namespace

quint32 DemoFiles::crc32(QByteArrayView bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (const char b : bytes)
        c = table[(c ^ static_cast<quint8>(b)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QByteArray DemoFiles::pdf(const QString& title, const QStringList& lines)
{
    QByteArray content = "0.4 w 56 772 m 539 772 l S\nBT\n/F2 15 Tf\n56 782 Td\n(";
    content += pdfText(title) + ") Tj\n/F1 10.5 Tf\n15 TL\n0 -12 Td\n";
    for (const QString& line : lines)
        content += "T* (" + pdfText(line) + ") Tj\n";
    content += "ET\n";

    const QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content +
            "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        "<< /Title (" + pdfText(title) + ") /Producer (DLI Tracker demo) >>",
    };
    QByteArray out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets << out.size();
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
           " /Root 1 0 R /Info 7 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF";
    return out;
}

QByteArray DemoFiles::png(int width, int height, const QByteArray& rgb)
{
    const qsizetype stride = qsizetype(width) * 3;
    QByteArray raw;
    raw.reserve((stride + 1) * height);
    for (int y = 0; y < height; ++y) {
        raw += '\0'; // filter: none
        raw += rgb.mid(y * stride, stride).leftJustified(stride, '\0');
    }
    QByteArray header =
        bigEndian(static_cast<quint32>(width)) + bigEndian(static_cast<quint32>(height));
    header += '\x08';              // bit depth
    header += '\x02';              // colour type: RGB
    header += QByteArray(3, '\0'); // compression, filter, interlace
    // qCompress gives a 4-byte length and then a zlib stream, which is what IDAT holds.
    const QByteArray zlib = qCompress(raw, 9).mid(4);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) + chunk("IDAT", zlib) +
           chunk("IEND", {});
}

QByteArray DemoFiles::photo(QRandomGenerator& rng, int width, int height)
{
    const int horizon = height / 2 + rng.bounded(-height / 8, height / 8 + 1);
    const int left = rng.bounded(width / 8, width / 3);
    const int right = left + rng.bounded(width / 3, width / 2);
    const int roof = horizon - rng.bounded(height / 6, height / 3);
    const int door = (left + right) / 2;
    const int wall = rng.bounded(150, 230); // the building's brick tone
    QByteArray rgb(qsizetype(width) * height * 3, '\0');
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            int r, g, b;
            if (y < roof || (y < horizon && (x < left || x >= right))) {
                r = 120 + y;
                g = 170 + y / 2;
                b = 235; // sky, lighter toward the horizon
            } else if (y < horizon) {
                const bool window = ((x - left) % 10 < 5) && ((y - roof) % 9 < 4);
                const bool doorway = x >= door - 3 && x < door + 3 && y > horizon - 10;
                r = doorway ? 70 : window ? 60 : wall;
                g = doorway ? 45 : window ? 80 : wall / 2;
                b = doorway ? 30 : window ? 110 : wall / 3;
            } else {
                r = 150 - (y - horizon);
                g = 130 - (y - horizon) / 2;
                b = 100; // dusty ground, darker toward the camera
            }
            const int noise = rng.bounded(-9, 10);
            const qsizetype at = (qsizetype(y) * width + x) * 3;
            rgb[at] = static_cast<char>(qBound(0, r + noise, 255));
            rgb[at + 1] = static_cast<char>(qBound(0, g + noise, 255));
            rgb[at + 2] = static_cast<char>(qBound(0, b + noise, 255));
        }
    }
    return png(width, height, rgb);
}

} // namespace dli
