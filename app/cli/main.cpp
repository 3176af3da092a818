#include "app/cli/cli.h"

#include <QCoreApplication>
#include <exception>
#include <iostream>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
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
