#include "core/io/demo.h"
#include "ui/login_dialog.h"
#include "ui/main_window.h"
#include "ui/widgets/settings_language.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>
#include <exception>

using namespace Qt::StringLiterals;

namespace {

// Without a display Qt would fail with a terse plugin error; say what to do instead.
bool haveDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY") ||
           qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

// --help and --version need no window, so they work without a display.
bool asksForInformation(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    if (asksForInformation(argc, argv) && !haveDisplay()) {
        QCoreApplication info(argc, argv);
        QCoreApplication::setApplicationVersion(QStringLiteral(DLI_VERSION));
        QCommandLineParser parser;
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "DLI Tracker: disbursement-linked indicators for PSIC."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(
            {u"demo"_s, QCoreApplication::translate("main", "Open a fresh demo program.")});
        parser.addOption(
            {u"screenshot"_s,
             QCoreApplication::translate("main", "Save a picture of the window to FILE and quit."),
             u"FILE"_s});
        parser.addPositionalArgument(u"DB"_s,
                                     QCoreApplication::translate("main", "The database to open."));
        parser.process(info);
        return 0;
    }
    if (!haveDisplay()) {
        std::fputs("dlitracker: no display found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
                   "  To use the window here, run it under a virtual display:\n"
                   "      xvfb-run -a dlitracker [DB]\n"
                   "  To take a picture of the window without any display:\n"
                   "      QT_QPA_PLATFORM=offscreen dlitracker --screenshot window.png [DB]\n"
                   "  Everything else is available from the command line: dlitracker-cli --help\n",
                   stderr);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"DLI Tracker"_s);
    QApplication::setApplicationDisplayName(u"DLI Tracker"_s);
    QApplication::setApplicationVersion(QStringLiteral(DLI_VERSION));
    QApplication::setOrganizationName(u"PSIC"_s);
    // The language chosen in Settings decides the direction of the layout from the start.
    dli::ui::SettingsLanguage::applyStoredLayoutDirection();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "DLI Tracker: disbursement-linked indicators for PSIC."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(u"demo"_s,
                                  QApplication::translate("main", "Open a fresh demo program."));
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        QApplication::translate("main", "Save a picture of the window to FILE and quit."),
        u"FILE"_s);
    const QCommandLineOption page(
        u"page"_s,
        QApplication::translate("main", "With --screenshot: the page to show (dashboard, "
                                        "framework, data, verification, disbursement, charts, "
                                        "reports, audit, settings)."),
        u"ID"_s);
    const QCommandLineOption as(
        u"as"_s,
        QApplication::translate("main", "With --screenshot on the demo: the demo account to log "
                                        "in as (default viewer)."),
        u"USER"_s, u"viewer"_s);
    const QCommandLineOption size(
        u"size"_s, QApplication::translate("main", "With --screenshot: the window size, WxH."),
        u"WxH"_s, u"1280x800"_s);
    parser.addOptions({demo, screenshot, page, as, size});
    parser.addPositionalArgument(u"DB"_s, QApplication::translate("main", "The database to open."));
    parser.process(app);

    dli::ui::MainWindow window;
    if (parser.isSet(screenshot)) {
        // No one can close a message box offscreen: errors go to stderr instead.
        window.setErrorPresenter([](const QString& title, const QString& text) {
            std::fprintf(stderr, "dlitracker: %s: %s\n", qPrintable(title), qPrintable(text));
        });
        // No one can type a password either. The demo's password is public, so its picture is
        // taken as the viewer; any other database with accounts stays closed.
        const bool isDemo = parser.isSet(demo);
        const QString user = parser.value(as);
        window.setLoginPresenter([isDemo, user](dli::ui::LoginDialog& dialog) {
            if (!isDemo) {
                std::fputs("dlitracker: the database has user accounts; --screenshot logs in "
                           "only on the demo (--demo)\n",
                           stderr);
                return false;
            }
            dialog.setUserName(user);
            dialog.setPassword(dli::Demo::password());
            if (!dialog.submit()) {
                std::fprintf(stderr, "dlitracker: cannot log in to the demo: %s\n",
                             qPrintable(dialog.errorText()));
                return false;
            }
            return true;
        });
    }
    int status = 0;
    if (parser.isSet(demo))
        status = window.openDemo() ? 0 : 3;
    else if (!parser.positionalArguments().isEmpty())
        status = window.openDatabase(parser.positionalArguments().constFirst()) ? 0 : 3;
    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(size).split(u'x');
        if (wh.size() == 2 && wh[0].toInt() > 0 && wh[1].toInt() > 0)
            window.resize(wh[0].toInt(), wh[1].toInt());
        if (parser.isSet(page) && !window.showPage(parser.value(page)))
            std::fprintf(stderr, "dlitracker: cannot show the page %s\n",
                         qPrintable(parser.value(page)));
    }
    window.show();

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QTimer::singleShot(300, &window, [&window, file, status] {
            const bool saved = window.grab().save(file);
            if (!saved)
                std::fprintf(stderr, "dlitracker: cannot write %s\n", qPrintable(file));
            QApplication::exit(saved ? status : 2);
        });
    }
    try {
        return QApplication::exec();
    } catch (const std::exception& e) {
        // A broken invariant (an amount beyond 64 bits in a hand-edited file): say so plainly.
        std::fprintf(stderr, "dlitracker: internal error: %s\n", e.what());
        return 3;
    }
}
