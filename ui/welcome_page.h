#pragma once

#include <QStringList>
#include <QWidget>

class QVBoxLayout;
class QLabel;

namespace dli::ui {

// What the window shows before a database is open: what DLI Tracker is, where to start, and the
// databases opened last.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    void setRecentFiles(const QStringList& paths);

signals:
    void openDemoRequested();
    void openRequested();
    void newRequested();
    void openRecentRequested(const QString& path);

private:
    QLabel* m_recentTitle = nullptr;
    QVBoxLayout* m_recentBox = nullptr;
};

} // namespace dli::ui
