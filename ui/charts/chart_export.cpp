#include "ui/charts/chart_export.h"

#include "ui/charts/chart_builder.h"

#include <QChart>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QGuiApplication>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

// A chart laid out at `size` in a scene of its own, ready to render.
class Staged {
public:
    Staged(const ChartData& data, const QSizeF& size)
    {
        m_chart = ChartBuilder::build(data);
        m_scene.addItem(m_chart); // the scene owns the chart from here
        m_chart->setGeometry(QRectF(QPointF(0, 0), size));
        m_scene.setSceneRect(QRectF(QPointF(0, 0), size));
        // Lay out now: Qt Charts does it on posted events.
        for (int i = 0; i < 3; ++i)
            QCoreApplication::sendPostedEvents();
    }
    void render(QPainter& painter, const QRectF& target)
    {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        m_scene.render(&painter, target, m_scene.sceneRect());
    }

private:
    QGraphicsScene m_scene;
    QChart* m_chart = nullptr;
};

Error writeError(const QString& path, const QString& why)
{
    return Error(ErrorCode::Io, ChartExport::tr("cannot write the chart: %1").arg(why), path);
}

} // namespace

QImage ChartExport::image(const ChartData& data, const QSize& pixels, int dpi)
{
    if (dpi <= 0)
        dpi = ScreenDpi;
    const double scale = double(dpi) / ScreenDpi;
    const QSizeF logical(pixels.width() / scale, pixels.height() / scale);
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    const int perMetre = static_cast<int>(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(perMetre);
    image.setDotsPerMeterY(perMetre);
    Staged staged(data, logical);
    QPainter painter(&image);
    staged.render(painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
    painter.end();
    return image;
}

Status ChartExport::savePng(const ChartData& data, const QString& path, const QSize& pixels,
                            int dpi)
{
    const QImage shot = image(data, pixels, dpi);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());
    if (!shot.save(&file, "PNG"))
        return writeError(path, tr("the PNG could not be made"));
    if (!file.commit())
        return writeError(path, file.errorString());
    return {};
}

Status ChartExport::saveSvg(const ChartData& data, const QString& path, const QSize& size)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(ScreenDpi);
        svg.setTitle(data.title.isEmpty() ? data.emptyText : data.title);
        svg.setDescription(tr("DLI Tracker chart: %1").arg(data.kind));
        Staged staged(data, QSizeF(size));
        QPainter painter(&svg);
        staged.render(painter, QRectF(QPointF(0, 0), QSizeF(size)));
        painter.end();
    }
    if (!file.commit())
        return writeError(path, file.errorString());
    return {};
}

Status ChartExport::save(const ChartData& data, const QString& path, const QSize& pixels, int dpi)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"png"_s)
        return savePng(data, path, pixels, dpi);
    if (suffix == u"svg"_s)
        return saveSvg(data, path, pixels);
    return Error(
        ErrorCode::Usage,
        tr("the chart is written as .png or .svg, not \"%1\"").arg(QFileInfo(path).fileName()),
        path);
}

void ChartExport::copyToClipboard(const ChartData& data, const QSize& pixels, int dpi)
{
    QGuiApplication::clipboard()->setImage(image(data, pixels, dpi));
}

} // namespace dli::ui
