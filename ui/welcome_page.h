#pragma once

#include <QWidget>

class QPushButton;

namespace dli::ui {

// What the window shows before a database is open: what DLI Tracker is and where to start.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

signals:
    void openDemoRequested();
    void openRequested();
    void newRequested();
};

} // namespace dli::ui
