#pragma once

#include "core/model/program.h"

#include <QByteArray>

namespace dli {

// Writes a program as a dlitracker-program/1 file: every field spelt out, defaults included,
// amounts and values as exact JSON numbers (decimal strings when they have more than 15
// significant digits). Reading the output gives back the same program.
class ProgramWriter {
public:
    static QByteArray write(const Program& program);
};

} // namespace dli
