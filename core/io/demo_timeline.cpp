#include "core/io/demo_timeline.h"

#include "core/storage/session.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dli {

DemoTimeline::DemoTimeline(const QDateTime& start, const QDateTime& end)
    : m_now(std::make_shared<QDateTime>(start.toUTC())), m_start(start.toUTC()), m_end(end.toUTC())
{}

std::function<QDateTime()> DemoTimeline::clock() const
{
    return [now = m_now] {
        return *now;
    };
}

void DemoTimeline::set(const QDateTime& moment)
{
    *m_now = std::clamp(moment.toUTC(), m_start, m_end);
}

void DemoTimeline::at(const QDateTime& moment, const QString& actor, std::function<Status()> step)
{
    if (moment.toUTC() > m_end)
        return;
    m_steps << Step{moment.toUTC(), actor, std::move(step)};
}

Status DemoTimeline::run(Session& session)
{
    std::stable_sort(m_steps.begin(), m_steps.end(),
                     [](const Step& a, const Step& b) { return a.at < b.at; });
    for (const Step& step : std::as_const(m_steps)) {
        set(step.at);
        auto user = session.users().find(step.actor);
        if (!user)
            return user.error();
        if (!user.value())
            return Error(ErrorCode::NotFound, u"demo user "_s + step.actor);
        session.setCurrentUser(*user.value());
        DLI_TRY(step.run());
    }
    m_steps.clear();
    set(m_end);
    return {};
}

} // namespace dli
