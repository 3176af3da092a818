#include "ui/report/report_style.h"

#include <QPaintDevice>

using namespace Qt::StringLiterals;

namespace dli::ui {

ReportStyle::ReportStyle(const QPaintDevice& device)
    : m_device(&device), m_dotsPerMm(device.logicalDpiY() / 25.4)
{}

void ReportStyle::noLigatures(QFont& font)
{
    // A ligature ("fi" drawn as one glyph) is extracted from the PDF as one character: a search
    // for "Verification" would not find it. Any letter spacing turns Latin ligatures off (Qt
    // keeps the ones Arabic script needs); this one is far below a printer's dot.
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
}

namespace {

QFont font(const QString& family, QFont::StyleHint hint, qreal points)
{
    QFont f(family);
    f.setStyleHint(hint);
    f.setPointSizeF(points);
    // Hinting snaps glyphs to a screen's pixels; on paper it only distorts the metrics.
    f.setHintingPreference(QFont::PreferNoHinting);
    ReportStyle::noLigatures(f);
    return f;
}

} // namespace

QFont ReportStyle::sans(qreal points, bool bold, bool italic)
{
    QFont f = font(u"DejaVu Sans"_s, QFont::SansSerif, points);
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}

QFont ReportStyle::condensed(qreal points, bool bold, bool italic)
{
    QFont f = sans(points, bold, italic);
    // Without the condensed face, the regular one (never a stretched copy).
    f.setFamilies({u"DejaVu Sans Condensed"_s, u"DejaVu Sans"_s});
    return f;
}

QFont ReportStyle::mono(qreal points)
{
    return font(u"DejaVu Sans Mono"_s, QFont::TypeWriter, points);
}

QColor ReportStyle::text()
{
    return QColor(0x1a, 0x1a, 0x1a);
}

QColor ReportStyle::muted()
{
    return QColor(0x4d, 0x4d, 0x4d);
}

QColor ReportStyle::rule()
{
    return QColor(0x33, 0x33, 0x33);
}

QColor ReportStyle::hairline()
{
    return QColor(0xb3, 0xb3, 0xb3);
}

QColor ReportStyle::headerFill()
{
    return QColor(0xd9, 0xd9, 0xd9);
}

QColor ReportStyle::groupFill()
{
    return QColor(0xe8, 0xe8, 0xe8);
}

QColor ReportStyle::zebraFill()
{
    return QColor(0xf5, 0xf5, 0xf5);
}

} // namespace dli::ui
