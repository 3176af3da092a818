#include "app/cli/cli.h"

#include <QApplication>
#include <QCoreApplication>
#include <exception>
#include <iostream>
#include <memory>

namespace {

// The offscreen platform warns about a missing runtime folder, which the chart never uses: keep
// the command's messages to what the user needs.
void quietPlatform(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg && message.startsWith(QStringLiteral("QStandardPaths: ")))
        return;
    std::cerr << qPrintable(qFormatLogMessage(type, context, message)) << '\n';
}

} // namespace

int main(int argc, char** argv)
{
    // `chart` and `report` draw with Qt Charts and QPainter, which need a QApplication; without
    // a display they use the offscreen platform. Every other command stays a plain console
    // program.
    const bool charting =
        argc > 1 && (qstrcmp(argv[1], "chart") == 0 || qstrcmp(argv[1], "report") == 0);
    std::unique_ptr<QCoreApplication> app;
    if (charting) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler(quietPlatform);
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("dlitracker-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DLI_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("PSIC"));
    try {
        return dli::cli::Cli().run(QCoreApplication::arguments().mid(1));
    } catch (const std::exception& e) {
        // A broken invariant: say so plainly rather than crash without a word.
        std::cerr << "dlitracker-cli: internal error: " << e.what()
                  << "\nPlease report this with the command you ran.\n";
        return dli::cli::DatabaseError;
    }
}
