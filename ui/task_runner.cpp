#include "ui/task_runner.h"

#include "core/storage/session.h"
#include "ui/workspace.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {
int g_delay = 400;
bool g_cancelAtOnce = false;
} // namespace

void TaskRunner::setDialogDelay(int ms)
{
    g_delay = ms;
}

void TaskRunner::setCancelAtOnce(bool cancel)
{
    g_cancelAtOnce = cancel;
}

Status TaskRunner::run(QWidget* parent, Workspace& workspace, const QString& title, Job job)
{
    Session& main = workspace.session();
    Progress progress;
    Status result;
    bool wrote = false;
    // The worker's own session: SQLite connections are not shared between threads.
    QThread* worker = QThread::create([&] {
        auto session = Session::open(main.path(), main.options());
        if (!session) {
            result = session.error();
            return;
        }
        if (const auto& user = main.currentUser())
            session.value()->setCurrentUser(*user);
        const std::int64_t before = session.value()->database().totalChanges();
        result = job(*session.value(), progress);
        wrote = session.value()->database().totalChanges() != before;
    });
    QProgressDialog dialog(title, QObject::tr("Cancel"), 0, 0, parent);
    dialog.setWindowTitle(title);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(g_delay);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&] {
        progress.cancel();
        dialog.setLabelText(QObject::tr("Cancelling: undoing what was done..."));
    });
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &dialog, [&] {
        if (g_cancelAtOnce && !progress.cancelled())
            progress.cancel();
        const qint64 total = progress.total();
        if (total > 0) {
            dialog.setMaximum(static_cast<int>(std::min<qint64>(total, 1'000'000'000)));
            dialog.setValue(static_cast<int>(std::min(progress.done(), total)));
        } else {
            dialog.setMaximum(0);
        }
    });
    tick.start(50);
    QEventLoop loop;
    QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    worker->wait();
    delete worker;
    tick.stop();
    const bool cancelled = progress.cancelled();
    // Closing the dialog emits canceled(); the job is over by now.
    QObject::disconnect(&dialog, &QProgressDialog::canceled, nullptr, nullptr);
    dialog.close();
    if (!result && cancelled)
        return Error(ErrorCode::Conflict,
                     QObject::tr("%1 was cancelled; nothing was changed.").arg(title));
    if (result && wrote) {
        // The job wrote through its own session: the window's models hear of it here (a job
        // that only read, a report or a check, leaves them as they are).
        emit main.notifier().observationsChanged();
        emit main.notifier().evidenceChanged();
        emit main.notifier().eventsChanged();
    }
    return result;
}

} // namespace dli::ui
