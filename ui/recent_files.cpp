#include "ui/recent_files.h"

#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace dli::ui {

QStringList RecentFiles::load()
{
    return QSettings().value(u"recentFiles"_s).toStringList();
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = load();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > MaxCount)
        list.removeLast();
    QSettings().setValue(u"recentFiles"_s, list);
}

void RecentFiles::remove(const QString& path)
{
    QStringList list = load();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(u"recentFiles"_s, list);
}

} // namespace dli::ui
