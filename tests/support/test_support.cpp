#include "support/test_support.h"

#include "core/io/demo.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace dli::test {

QString dataPath(const QString& relative)
{
    return QString::fromUtf8(DLI_TEST_DATA_DIR) + u'/' + relative;
}

QString sharedExample(const QString& name)
{
    return QString::fromUtf8(DLI_SHARED_EXAMPLES_DIR) + u'/' + name;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        FAIL("cannot read " << path.toStdString());
    return f.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        FAIL("cannot write " << path.toStdString());
    f.write(bytes);
}

QStringList column(Database& db, const QString& sql)
{
    QStringList out;
    auto stmt = db.prepare(sql);
    if (!stmt)
        FAIL(stmt.error().text().toStdString());
    for (;;) {
        auto row = stmt->step();
        REQUIRE(row.ok());
        if (!row.value())
            break;
        out << stmt->text(0);
    }
    return out;
}

QStringList tables(Database& db)
{
    return column(db, u"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                      "'sqlite_%' ORDER BY name"_s);
}

TempDir::TempDir()
{
    REQUIRE(m_dir.isValid());
}

QString TempDir::path(const QString& name) const
{
    return m_dir.filePath(name);
}

QString firstDifference(const QString& actual, const QString& expected)
{
    const QStringList a = actual.split(u'\n');
    const QStringList e = expected.split(u'\n');
    for (qsizetype i = 0; i < qMax(a.size(), e.size()); ++i) {
        if (a.value(i) != e.value(i))
            return QStringLiteral("line %1\n  expected: %2\n  actual:   %3")
                .arg(QString::number(i + 1), e.value(i), a.value(i));
    }
    return QStringLiteral("same lines");
}

QString demoTemplate()
{
    static QTemporaryDir dir;
    static QString path;
    if (path.isEmpty()) {
        REQUIRE(dir.isValid());
        const QString p = dir.filePath(QStringLiteral("template.dlidb"));
        const Status made = Demo::create(p);
        if (!made)
            FAIL(made.error().text().toStdString());
        path = p;
    }
    return path;
}

} // namespace dli::test
