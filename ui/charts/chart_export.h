// A chart off screen: rendered to an image of a chosen size and resolution, written as PNG or
// SVG, or put on the clipboard. Needs a QGuiApplication (the CLI makes one on the offscreen
// platform).
#pragma once

#include "core/charts/chart_data.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QSize>

namespace dli::ui {

class ChartExport {
public:
    static constexpr int ScreenDpi = 96;

    // The chart as an image of `pixels`, recording `dpi` as its resolution. It is laid out at
    // pixels * 96 / dpi and drawn scaled, so that text keeps its printed size at any dpi.
    static QImage image(const ChartData& data, const QSize& pixels, int dpi = ScreenDpi);
    static Status savePng(const ChartData& data, const QString& path, const QSize& pixels,
                          int dpi = ScreenDpi);
    // An SVG drawing of `size` (in pixels at 96 dpi).
    static Status saveSvg(const ChartData& data, const QString& path, const QSize& size);
    // PNG when the path ends in .png, SVG when in .svg; else an error.
    static Status save(const ChartData& data, const QString& path, const QSize& pixels,
                       int dpi = ScreenDpi);
    static void copyToClipboard(const ChartData& data, const QSize& pixels, int dpi = ScreenDpi);

    Q_DECLARE_TR_FUNCTIONS(ChartExport) // last: it ends in "private:"
};

} // namespace dli::ui
