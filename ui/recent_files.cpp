#include "ui/recent_files.h"

#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {
const QString kKey = u"recentFiles"_s;
}

QStringList RecentFiles::load()
{
    return QSettings().value(kKey).toStringList();
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = load();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > MaxCount)
        list.removeLast();
    QSettings().setValue(kKey, list);
}

void RecentFiles::remove(const QString& path)
{
    QStringList list = load();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(kKey, list);
}

} // namespace dli::ui
