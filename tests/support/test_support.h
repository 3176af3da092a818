#pragma once

#include "core/result.h"
#include "core/storage/database.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <ostream>

namespace dli::test {

// The value of a core call that must succeed; otherwise the test fails with core's message.
template <typename T> T must(Result<T> r)
{
    if (!r)
        FAIL(r.error().text().toStdString());
    return std::move(r).value();
}
inline void must(const Status& s)
{
    if (!s)
        FAIL(s.error().text().toStdString());
}

// Path of a fixture under tests/data.
QString dataPath(const QString& relative);
// Path of a shared example: tests/data keeps a copy of the worked example program of
// ../shared/examples, so that the suite runs from the repository alone.
QString sharedExample(const QString& name);
QByteArray readFile(const QString& path);
void writeFile(const QString& path, const QByteArray& bytes);
// The first line where two texts differ, for a golden file's failure message (never print two
// whole files: Catch2 hangs on them).
QString firstDifference(const QString& actual, const QString& expected);

// The demo's database file, made once on first use (Demo::create) and kept until the test
// binary exits; tests copy it rather than make their own.
QString demoTemplate();

// The first column of every row a query returns, as text; fails the test on an error.
QStringList column(Database& db, const QString& sql);
// The database's own tables, by name.
QStringList tables(Database& db);

// A temporary folder removed when the test ends.
class TempDir {
public:
    TempDir();
    QString path(const QString& name) const;

private:
    QTemporaryDir m_dir;
};

} // namespace dli::test

// Lets Catch2 print QStrings in failed assertions.
inline std::ostream& operator<<(std::ostream& os, const QString& s)
{
    return os << s.toStdString();
}
