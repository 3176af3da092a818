#pragma once

#include <QObject>

namespace dli {

// Tells views precisely what changed in the session's database, so that models update
// themselves instead of reloading everything.
class ChangeNotifier : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

signals:
    // The program definition was imported or replaced.
    void programChanged();
    // Observations were added, changed or removed.
    void observationsChanged();
    // Evidence files were attached or removed.
    void evidenceChanged();
    // A disbursement, advance, refund or decision was recorded.
    void eventsChanged();
};

} // namespace dli
