#pragma once

#include "core/model/program.h"
#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace dli {

// Reads a program definition file (format dlitracker-program/1) and checks it whole before
// anything is stored. On failure the Error lists every problem with its JSON path, e.g.
// `dlis[2].dlrs[0].target: expected a number, got "400 firms"`.
class ProgramReader {
    Q_DECLARE_TR_FUNCTIONS(ProgramReader)
public:
    static constexpr auto Format = u"dlitracker-program/1";

    // sourceName names the input in messages (usually the file's path).
    static Result<Program> read(const QByteArray& json, const QString& sourceName);
    static Result<Program> readFile(const QString& path);
};

} // namespace dli
