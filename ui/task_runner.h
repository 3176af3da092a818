#pragma once

#include "core/result.h"

#include <QString>
#include <atomic>
#include <functional>

class QWidget;

namespace dli {
class Session;
}

namespace dli::ui {

class Workspace;

// Runs a long job (an import, a backup, a recomputation) off the GUI thread, behind a progress
// dialog with a Cancel button, and waits for it while the window keeps painting. The job gets
// its own connection to the same database, as the same user; it writes in one transaction, so
// a cancelled job (it sees cancelled() and returns an error) leaves the store as it was.
class TaskRunner {
public:
    class Progress {
    public:
        void setTotal(qint64 total) { m_total = total; }
        void setDone(qint64 done) { m_done = done; }
        bool cancelled() const { return m_cancelled; }
        qint64 total() const { return m_total; }
        qint64 done() const { return m_done; }
        void cancel() { m_cancelled = true; }

    private:
        std::atomic<qint64> m_total{0}; // 0: unknown, the bar just moves
        std::atomic<qint64> m_done{0};
        std::atomic<bool> m_cancelled{false};
    };
    using Job = std::function<Status(Session& session, Progress& progress)>;

    // Returns the job's status; a cancelled job's error has the code Conflict and says so.
    static Status run(QWidget* parent, Workspace& workspace, const QString& title, Job job);
    // How long a job must run before the dialog shows, in ms (tests set 0 to see it).
    static void setDialogDelay(int ms);
    // Tests: cancel every job as soon as it reports progress.
    static void setCancelAtOnce(bool cancel);
};

} // namespace dli::ui
