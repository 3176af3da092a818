#pragma once

#include "core/model/program.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace dli {

// The bundled demo: a program modelled on the Punjab Jobs & Competitiveness PforR and PSIC's
// Cluster Development Initiative. The same seed always gives the same database content.
class Demo {
    Q_DECLARE_TR_FUNCTIONS(Demo)
public:
    static constexpr quint64 DefaultSeed = 2025;
    // The moment the demo's rows are stamped with, so that its content does not depend on when
    // it was made.
    static QDateTime fixedNow();
    static QString userName();

    static Result<Program> program();
    // Writes a new demo database at path (refusing a file that exists): the program, its
    // registers, three years of draft observations and evidence files (DemoData).
    static Status create(const QString& path, quint64 seed = DefaultSeed);
};

} // namespace dli
