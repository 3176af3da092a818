// Catch2 main for core and CLI tests: a QCoreApplication so that Qt's translation and
// resource machinery work as they do in the application.
#define CATCH_CONFIG_RUNNER
#include <QCoreApplication>
#include <catch2/catch.hpp>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
