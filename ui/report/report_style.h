// The report's look in one place: fonts, greys and the conversion of millimetres and points to
// the units of the page being painted (a PDF writer and a printer differ in resolution, so
// every length is computed from the device). Greys only: the report is read in greyscale.
#pragma once

#include <QColor>
#include <QFont>

class QPaintDevice;

namespace dli::ui {

class ReportStyle {
public:
    explicit ReportStyle(const QPaintDevice& device);

    const QPaintDevice& device() const { return *m_device; }
    // Lengths in device units.
    qreal mm(qreal millimetres) const { return millimetres * m_dotsPerMm; }
    qreal pt(qreal points) const { return points * m_dotsPerMm * 25.4 / 72.0; }

    // DejaVu Sans (installed with the application's dependencies) at a size in points.
    static QFont sans(qreal points, bool bold = false, bool italic = false);
    // DejaVu Sans Condensed, for tables of many columns.
    static QFont condensed(qreal points, bool bold = false, bool italic = false);
    static QFont mono(qreal points);
    // Keeps "fi" and "ffi" as separate letters, so that the PDF's text is searchable.
    static void noLigatures(QFont& font);

    // Sizes in points.
    static constexpr qreal BodySize = 10.0;
    static constexpr qreal TableSize = 8.0;
    static constexpr qreal DenseTableSize =
        7.0; // condensed, tables of DenseColumns columns or more
    static constexpr int DenseColumns = 7;
    static constexpr qreal SmallSize = 7.5; // running header, footer, chart notes

    static QColor text();       // near black, for everything that is read
    static QColor muted();      // dark grey: labels, header and footer
    static QColor rule();       // dark rules framing tables and headings
    static QColor hairline();   // light rules and card borders
    static QColor headerFill(); // table header rows
    static QColor groupFill();  // group rows (a DLI above its DLRs)
    static QColor zebraFill();  // every other row

private:
    const QPaintDevice* m_device;
    qreal m_dotsPerMm;
};

} // namespace dli::ui
