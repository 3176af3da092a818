#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace dli {

// Small, valid evidence files for the demo, written by hand so that core needs no Gui: a one-page
// PDF 1.4 and an RGB PNG. The same input always gives the same bytes.
class DemoFiles {
public:
    // A one-page A4 PDF with a bold title and lines of text below it (Helvetica, WinAnsi:
    // characters outside Latin-1 other than dashes and quotes print as "?").
    static QByteArray pdf(const QString& title, const QStringList& lines);
    // An 8-bit RGB PNG of width x height pixels from rgb (3 bytes a pixel, rows top down).
    static QByteArray png(int width, int height, const QByteArray& rgb);
    // A small PNG that looks like a field-visit photo: sky, a building, the ground, noise.
    static QByteArray photo(QRandomGenerator& rng, int width, int height);
    // The CRC-32 of PNG chunks and zip files (polynomial 0xEDB88320).
    static quint32 crc32(QByteArrayView bytes);
};

} // namespace dli
