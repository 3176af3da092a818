// Catch2 main for GUI tests: offscreen unless a platform is chosen, and a QApplication created
// only when tests actually run (catch_discover_tests lists them without one).
#define CATCH_CONFIG_RUNNER
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

int main(int argc, char** argv)
{
    Catch::Session session;
    if (const int rc = session.applyCommandLine(argc, argv); rc != 0)
        return rc;
    const auto& config = session.configData();
    if (config.listTests || config.listTestNamesOnly || config.listTags || config.showHelp)
        return session.run();
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Keep the user's settings and data out of the tests.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PSIC-tests"));
    QApplication::setApplicationName(QStringLiteral("DLI Tracker tests"));
    return session.run();
}
