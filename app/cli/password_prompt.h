#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

namespace dli::cli {

// Passwords never come from arguments, which other users of the machine can read: they come
// from an environment variable or from the terminal, without echo.
class PasswordPrompt {
    Q_DECLARE_TR_FUNCTIONS(PasswordPrompt)
public:
    // The value of envVar when set; else asks on the terminal (twice when confirm is set).
    static Result<QString> read(const char* envVar, const QString& prompt, bool confirm = false);
};

} // namespace dli::cli
