#include "ui/widgets/data_file_drop.h"

#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace dli::ui {

namespace {

QStringList localFiles(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

} // namespace

DataFileDrop::DataFileDrop(QWidget* target) : QObject(target), m_target(target)
{
    target->setAcceptDrops(true);
    target->installEventFilter(this);
}

bool DataFileDrop::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_target)
        return false;
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        const bool files = !localFiles(drag->mimeData()).isEmpty();
        if (files && (!m_accepts || m_accepts(drag->position().toPoint())))
            drag->acceptProposedAction();
        else
            drag->ignore();
        return files;
    }
    case QEvent::Drop: {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList paths = localFiles(drop->mimeData());
        if (paths.isEmpty())
            return false;
        const QPoint pos = drop->position().toPoint();
        if (m_accepts && !m_accepts(pos)) {
            drop->ignore();
            return true;
        }
        drop->acceptProposedAction();
        emit filesDropped(paths, pos);
        return true;
    }
    default:
        return false;
    }
}

} // namespace dli::ui
