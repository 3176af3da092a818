// What the benchmarks share: the number of runs from the command line, the demo made in a
// temporary folder (and opened with its program, for those that read it), and timings.
#pragma once

#include "core/io/demo.h"
#include "core/model/program.h"
#include "core/storage/session.h"

#include <QElapsedTimer>
#include <QList>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <memory>

namespace dli::bench {

// The first argument, at least 1; `fallback` without one.
inline int runsFrom(int argc, char** argv, int fallback = 5)
{
    return argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : fallback;
}

// The demo's database file, made in a folder removed at the end.
struct DemoFile {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("demo.dlidb"));

    // False, having said why on stderr, when the demo cannot be made.
    bool make()
    {
        if (Demo::create(path))
            return true;
        std::fputs("cannot create the demo\n", stderr);
        return false;
    }
};

// The demo made, opened and its program loaded; null (having said why) when any step fails.
struct OpenDemo {
    DemoFile file;
    std::unique_ptr<Session> session;
    Program program;

    static std::unique_ptr<OpenDemo> make()
    {
        auto d = std::make_unique<OpenDemo>();
        if (!d->file.make())
            return nullptr;
        auto s = Session::open(d->file.path);
        if (!s) {
            std::fputs(qPrintable(s.error().text() + u'\n'), stderr);
            return nullptr;
        }
        d->session = std::move(s).value();
        auto p = d->session->programs().load();
        if (!p) {
            std::fputs(qPrintable(p.error().text() + u'\n'), stderr);
            return nullptr;
        }
        d->program = std::move(p).value();
        return d;
    }
};

// Milliseconds since the timer started, restarting it for the next step.
inline double lap(QElapsedTimer& t)
{
    const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
    t.restart();
    return ms;
}

// The middle value (the upper one of an even count); 0 for none.
inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace dli::bench
