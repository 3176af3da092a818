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

Result<Program> Demo::program()
{
    return ProgramReader::readFile(u":/demo/demo-program.json"_s);
}

Status Demo::create(const QString& path, quint64 seed)
{
    auto program = Demo::program();
    if (!program)
        return program.error();
    auto session =
        Session::create(path, SessionOptions::deterministic(seed, fixedNow(), userName()));
    if (!session)
        return session.error();
    Status written = ProgramImport::importProgram(*session.value(), program.value(), false);
    if (written)
        written = DemoData::populate(*session.value(), program.value(), seed);
    if (!written) {
        session.value().reset();
        QFile::remove(path);
        return written;
    }
    return {};
}

} // namespace dli
