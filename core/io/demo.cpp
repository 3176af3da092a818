#include "core/io/demo.h"

#include "core/io/demo_data.h"
#include "core/io/demo_timeline.h"
#include "core/io/program_import.h"
#include "core/io/program_reader.h"
#include "core/storage/session.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace dli {

QDateTime Demo::fixedNow()
{
    return QDateTime(QDate(2026, 7, 1), QTime(9, 0), Qt::UTC);
}

QString Demo::userName()
{
    return u"demo"_s;
}

bool Demo::isDemo(Session& session)
{
    auto seed = session.meta().get(u"demo_seed"_s);
    return seed && seed.value().has_value();
}

Result<Program> Demo::program()
{
    return ProgramReader::readFile(u":/demo/demo-program.json"_s);
}

Status Demo::create(const QString& path, quint64 seed)
{
    auto program = Demo::program();
    if (!program)
        return program.error();
    // The story starts when the program is set up, after its signing, and runs to fixedNow().
    const QDateTime setUp(program.value().signingDate.addDays(4), QTime(9, 0), Qt::UTC);
    DemoTimeline timeline(setUp, fixedNow());
    SessionOptions options = SessionOptions::deterministic(seed, fixedNow(), userName());
    options.now = timeline.clock();
    options.minimumPasswordCost = true;
    auto session = Session::create(path, options);
    if (!session)
        return session.error();
    Status written = DemoData::addAccounts(*session.value());
    if (written) {
        timeline.set(setUp.addSecs(30 * 60));
        written = ProgramImport::importProgram(*session.value(), program.value(), false);
    }
    if (written) {
        // The officers enter the data.
        timeline.set(setUp.addSecs(60 * 60));
        auto officer = session.value()->users().find(u"officer"_s);
        if (officer && officer.value())
            session.value()->setCurrentUser(*officer.value());
        written = DemoData::populate(*session.value(), program.value(), seed, timeline);
    }
    if (written)
        written = DemoData::planWorkflow(*session.value(), program.value(), timeline);
    if (written) {
        DemoData::planEvents(*session.value(), program.value(), timeline);
        written = timeline.run(*session.value());
    }
    if (!written) {
        session.value().reset();
        QFile::remove(path);
        return written;
    }
    return {};
}

} // namespace dli
