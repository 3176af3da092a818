#pragma once

#include "core/model/program.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace dli {

class Session;

// Puts a program definition into a database, all or nothing. A database holds one program:
// importing over an existing one is refused unless `replace` is set and no observations refer
// to it yet.
class ProgramImport {
    Q_DECLARE_TR_FUNCTIONS(ProgramImport)
public:
    // details: what the audit entry records about the source (a file's name and SHA-256).
    static Status importProgram(Session& session, const Program& program, bool replace,
                                const QJsonObject& details = {});
    static Status importFile(Session& session, const QString& path, bool replace);
};

} // namespace dli
