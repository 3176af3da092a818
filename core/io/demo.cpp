#include "core/io/demo.h"

#include "core/io/demo_data.h"
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
    SessionOptions options = SessionOptions::deterministic(seed, fixedNow(), userName());
    options.minimumPasswordCost = true;
    auto session = Session::create(path, options);
    if (!session)
        return session.error();
    Status written = DemoData::addAccounts(*session.value());
    if (written)
        written = ProgramImport::importProgram(*session.value(), program.value(), false);
    if (written) {
        // The officers enter the data.
        auto officer = session.value()->users().find(u"officer"_s);
        if (officer && officer.value())
            session.value()->setCurrentUser(*officer.value());
        written = DemoData::populate(*session.value(), program.value(), seed);
    }
    if (written)
        written = DemoData::runWorkflow(*session.value(), program.value());
    if (written)
        written = DemoData::recordEvents(*session.value(), program.value());
    if (!written) {
        session.value().reset();
        QFile::remove(path);
        return written;
    }
    return {};
}

} // namespace dli
