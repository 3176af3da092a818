// How fast the window comes up: from process start to the login dialog, and from the login to
// a painted dashboard, on the demo. Runs itself as a fresh process several times (each run pays
// for loading the libraries and opening the file) and prints the figures; it asserts nothing.
//
//   bench_startup [RUNS]      (default 5; offscreen unless QT_QPA_PLATFORM is set)
#include "bench_support.h"
#include "core/io/demo.h"
#include "ui/login_dialog.h"
#include "ui/main_window.h"
#include "ui/pages/page.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTextStream>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using dli::bench::median;

namespace {

// Milliseconds between the kernel starting this process and now (Linux), so that loading the
// executable and its libraries counts too.
double processAgeMs()
{
    QFile stat(u"/proc/self/stat"_s);
    QFile uptime(u"/proc/uptime"_s);
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray s = stat.readAll();
    // Field 22 (starttime, in clock ticks since boot) comes after the ")" that ends field 2.
    const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble();
    const double up = uptime.readAll().split(' ').value(0).toDouble();
    return (up - startTicks / static_cast<double>(sysconf(_SC_CLK_TCK))) * 1000.0;
}

int child(int argc, char** argv, const QString& db)
{
    const double beforeMain = processAgeMs();
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    dli::ui::MainWindow window;
    double toLogin = 0;
    double loginDone = 0;
    window.setErrorPresenter([](const QString& title, const QString& text) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(title), qPrintable(text));
    });
    window.setLoginPresenter([&](dli::ui::LoginDialog& dialog) {
        dialog.show();
        QApplication::processEvents();
        toLogin = beforeMain + static_cast<double>(clock.nsecsElapsed()) / 1e6;
        loginDone = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        dialog.setUserName(u"manager"_s);
        dialog.setPassword(dli::Demo::password());
        return dialog.submit();
    });
    window.resize(1280, 800);
    if (!window.openDatabase(db))
        return 1;
    window.show();
    // Painted: the dashboard as the user sees it.
    const QPixmap painted = window.grab();
    QApplication::processEvents();
    const double toDashboard = static_cast<double>(clock.nsecsElapsed()) / 1e6 - loginDone;
    QTextStream(stdout) << beforeMain << ' ' << toLogin << ' ' << toDashboard << ' '
                        << (painted.isNull() ? 0 : 1) << '\n';
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (argc == 3 && QByteArray(argv[1]) == "--child")
        return child(argc, argv, QString::fromLocal8Bit(argv[2]));

    QCoreApplication app(argc, argv);
    const int runs = dli::bench::runsFrom(argc, argv);
    dli::bench::DemoFile demo;
    if (!demo.make())
        return 1;
    const QString& db = demo.path;
    QList<double> main, login, dashboard;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        p.start(QCoreApplication::applicationFilePath(), {u"--child"_s, db});
        if (!p.waitForFinished(60'000) || p.exitCode() != 0) {
            std::fprintf(stderr, "run %d failed: %s\n", i + 1,
                         p.readAllStandardError().constData());
            return 1;
        }
        const QList<QByteArray> f = p.readAllStandardOutput().trimmed().split(' ');
        main << f.value(0).toDouble();
        login << f.value(1).toDouble();
        dashboard << f.value(2).toDouble();
    }
    QTextStream out(stdout);
    out << "demo database, " << runs << " fresh processes, platform "
        << qEnvironmentVariable("QT_QPA_PLATFORM") << ", median (min-max) in ms\n";
    auto line = [&](const char* what, const QList<double>& v) {
        out << qSetFieldWidth(46) << Qt::left << what << qSetFieldWidth(0)
            << QString::number(median(v), 'f', 0) << " ("
            << QString::number(*std::min_element(v.begin(), v.end()), 'f', 0) << "-"
            << QString::number(*std::max_element(v.begin(), v.end()), 'f', 0) << ")\n";
    };
    line("process start to main()", main);
    line("process start to the login dialog shown", login);
    line("login to the dashboard painted", dashboard);
    return 0;
}
