#include "app/cli/password_prompt.h"

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace dli::cli {

namespace {

// Reads one line from the terminal with echo off; nullopt when there is no terminal.
std::optional<QString> askTerminal(const QString& prompt)
{
    FILE* tty = std::fopen("/dev/tty", "r+");
    if (!tty)
        return std::nullopt;
    const int fd = fileno(tty);
    termios saved{};
    const bool isTerminal = tcgetattr(fd, &saved) == 0;
    if (isTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    std::fputs(prompt.toLocal8Bit().constData(), tty);
    std::fflush(tty);
    QByteArray line;
    for (int c = std::fgetc(tty); c != EOF && c != '\n'; c = std::fgetc(tty))
        line += static_cast<char>(c);
    if (isTerminal)
        tcsetattr(fd, TCSAFLUSH, &saved);
    std::fputs("\n", tty);
    std::fclose(tty);
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromLocal8Bit(line);
}

} // namespace

Result<QString> PasswordPrompt::read(const char* envVar, const QString& prompt, bool confirm)
{
    if (qEnvironmentVariableIsSet(envVar))
        return qEnvironmentVariable(envVar);
    auto first = askTerminal(prompt);
    if (!first)
        return Error(ErrorCode::Unauthenticated,
                     tr("no password: set %1 or run the command in a terminal, where it asks "
                        "for one")
                         .arg(QString::fromLatin1(envVar)));
    if (confirm) {
        auto again = askTerminal(tr("Repeat the password: "));
        if (!again || *again != *first)
            return Error(ErrorCode::InvalidInput, tr("the two passwords differ; nothing changed"));
    }
    return *first;
}

} // namespace dli::cli
