#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace dli {

class Session;

// The demo's story in time: the officers, the verifier and the manager act at the moments such
// work takes in a real program (a return some weeks after its quarter, the agent's report six
// weeks after that, a disbursement when the Bank pays), so that every row and audit entry the
// demo writes carries a believable moment and `--known-at` on the demo means something. The
// session's clock (SessionOptions::now) reads the timeline's clock; run() moves it from step
// to step, in order of time, and leaves it at the end.
class DemoTimeline {
public:
    DemoTimeline(const QDateTime& start, const QDateTime& end);

    // What the session's options read.
    std::function<QDateTime()> clock() const;
    // Moves the clock to a moment, held within [start, end].
    void set(const QDateTime& moment);
    QDateTime end() const { return m_end; }

    // A step done by a demo account at a moment. Steps after the end have not happened yet and
    // are dropped; steps at the same moment run in the order they were added.
    void at(const QDateTime& moment, const QString& actor, std::function<Status()> step);
    // Runs the steps in order of time, each as its actor, then sets the clock to the end.
    Status run(Session& session);

private:
    struct Step {
        QDateTime at;
        QString actor;
        std::function<Status()> run;
    };
    std::shared_ptr<QDateTime> m_now;
    QDateTime m_start;
    QDateTime m_end;
    QList<Step> m_steps;
};

} // namespace dli
