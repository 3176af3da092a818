#pragma once

#include <QStringList>

namespace dli::ui {

// The databases opened most recently, newest first, kept in QSettings.
class RecentFiles {
public:
    static constexpr int MaxCount = 8;

    static QStringList load();
    static void add(const QString& path);
    static void remove(const QString& path);
};

} // namespace dli::ui
