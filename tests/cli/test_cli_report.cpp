// End-to-end tests of `dlitracker-cli report` and `report fingerprint` on a copy of the demo:
// PDF (its text read back with pdftotext), XLSX, CSV, the fingerprint, and bad usage refused
// with exit status 2 and a message that says what is wrong.
#include "cli_process.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

using namespace Qt::StringLiterals;
using namespace dli::test::cli;
using Catch::Matchers::Contains;
using dli::test::TempDir;

namespace {

// The end of the demo's story: everything in it had been recorded by then.
const QString kKnownAt = u"2026-07-01T09:00:00Z"_s;

QStringList reportArgs(const QString& db, const QString& out, const QString& quarter)
{
    return {u"report"_s, db, u"--quarter"_s, quarter, u"--known-at"_s, kKnownAt, u"--out"_s, out};
}

QString fingerprintPrinted(const Run& r)
{
    const QRegularExpression re(u"Data fingerprint: ([0-9a-f]{64})"_s);
    const auto m = re.match(QString::fromStdString(r.out));
    return m.hasMatch() ? m.captured(1) : QString();
}

QString pdfText(const QString& path)
{
    QProcess p;
    p.start(u"pdftotext"_s, {u"-layout"_s, path, u"-"_s});
    REQUIRE(p.waitForFinished(60'000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// "12345.67" -> "12,345.67", as the PDF prints amounts.
QString grouped(const QString& plain)
{
    const qsizetype dot = plain.indexOf(u'.');
    QString whole = dot < 0 ? plain : plain.left(dot);
    for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
        whole.insert(i, u',');
    return whole + (dot < 0 ? QString() : plain.mid(dot));
}

} // namespace

TEST_CASE("cli report: the PDF holds every section and the status command's totals",
          "[cli][report]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QString pdf = dir.path(u"report.pdf"_s);
    const Run r = cli(reportArgs(db, pdf, u"FY2026-Q4"_s), Success);
    CHECK_THAT(r.out, Contains("Wrote"));
    const QString fingerprint = fingerprintPrinted(r);
    REQUIRE(fingerprint.size() == 64);
    REQUIRE(QFileInfo(pdf).size() > 10'000);

    const QString text = pdfText(pdf);
    for (const QString& heading :
         {u"Executive summary"_s, u"DLI status"_s, u"Results framework"_s, u"Charts"_s,
          u"Verification"_s, u"Data quality"_s, u"Annex: evidence"_s, u"Contents"_s}) {
        INFO(heading.toStdString());
        CHECK(text.contains(heading));
    }
    CHECK(text.contains(fingerprint));
    CHECK(text.contains(u"FY2026-Q4"_s));
    CHECK(text.contains(u"Page 1 of"_s));

    // The same totals as `status --format json` as of the quarter's last day and moment.
    const Run status = must({u"status"_s, db, u"--as-of"_s, u"2026-06-30"_s, u"--known-at"_s,
                             kKnownAt, u"--format"_s, u"json"_s});
    const QJsonObject totals = parseObject(status.stdoutBytes).value(u"totals"_s).toObject();
    for (const QString& m : {u"earned"_s, u"disbursed"_s, u"eligible"_s, u"payable"_s}) {
        const QString amount = grouped(totals.value(m).toString());
        INFO(m.toStdString() << " " << amount.toStdString());
        CHECK(text.contains(amount));
    }
}

TEST_CASE("cli report: XLSX, CSV folder and one CSV section", "[cli][report]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QString xlsx = dir.path(u"report.xlsx"_s);
    const Run x = cli(reportArgs(db, xlsx, u"FY2026-Q3"_s), Success);
    CHECK(QFileInfo(xlsx).size() > 5'000);
    QFile f(xlsx);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.read(2) == "PK");

    const QString folder = dir.path(u"csv"_s) + u'/';
    const Run c = cli(reportArgs(db, folder, u"FY2026-Q3"_s), Success);
    const QStringList files = QDir(folder).entryList({u"*.csv"_s}, QDir::Files, QDir::Name);
    CHECK(files.contains(u"summary.csv"_s));
    CHECK(files.contains(u"dli-status.csv"_s));
    CHECK(files.contains(u"evidence.csv"_s));
    CHECK(fingerprintPrinted(c) == fingerprintPrinted(x));
    const QByteArray status = dli::test::readFile(folder + u"dli-status.csv"_s);
    CHECK(status.startsWith("\xEF\xBB\xBF"));
    CHECK(status.contains("DLI / DLR,Title,Status"));

    const QString one = dir.path(u"one.csv"_s);
    const Run s =
        cli(reportArgs(db, one, u"FY2026-Q3"_s) + QStringList{u"--section"_s, u"dli-status"_s},
            Success);
    const bool sameAsFolder = dli::test::readFile(one) == status;
    CHECK(sameAsFolder);
}

TEST_CASE("cli report fingerprint: the report's, until its data change", "[cli][report]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QString folder = dir.path(u"csv"_s) + u'/';
    const Run made =
        cli({u"report"_s, db, u"--quarter"_s, u"FY2026-Q3"_s, u"--out"_s, folder}, Success);
    const QString printed = fingerprintPrinted(made);
    REQUIRE(printed.size() == 64);
    const Run now =
        cli({u"report"_s, u"fingerprint"_s, db, u"--quarter"_s, u"FY2026-Q3"_s}, Success);
    CHECK(QString::fromStdString(now.out).trimmed() == printed);
    // The moment the demo's story ended gives the same: nothing was recorded since.
    const Run known = cli({u"report"_s, u"fingerprint"_s, db, u"--quarter"_s, u"FY2026-Q3"_s,
                           u"--known-at"_s, kKnownAt},
                          Success);
    CHECK(QString::fromStdString(known.out).trimmed() == printed);
    // Another as-of date is other data.
    const Run other = cli({u"report"_s, u"fingerprint"_s, db, u"--quarter"_s, u"FY2026-Q3"_s,
                           u"--as-of"_s, u"2026-02-15"_s},
                          Success);
    CHECK(QString::fromStdString(other.out).trimmed() != printed);
}

TEST_CASE("cli report: wrong arguments are refused and write nothing", "[cli][report]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QString pdf = dir.path(u"r.pdf"_s);
    struct Case {
        QStringList args;
        const char* says;
    };
    const QList<Case> cases{
        {{u"report"_s, db, u"--out"_s, pdf}, "--quarter is missing"},
        {{u"report"_s, db, u"--quarter"_s, u"2026-Q1"_s, u"--out"_s, pdf},
         "--quarter takes a fiscal quarter"},
        {{u"report"_s, db, u"--quarter"_s, u"FY2026"_s, u"--out"_s, pdf},
         "--quarter takes a fiscal quarter"},
        {{u"report"_s, db, u"--quarter"_s, u"FY2040-Q1"_s, u"--out"_s, pdf}, "FY2040-Q1"},
        {{u"report"_s, db, u"--quarter"_s, u"FY2026-Q3"_s}, "--out is missing"},
        {{u"report"_s, db, u"--quarter"_s, u"FY2026-Q3"_s, u"--out"_s, dir.path(u"r.doc"_s)},
         "--out is FILE.pdf"},
        {{u"report"_s, db, u"--quarter"_s, u"FY2026-Q3"_s, u"--out"_s, dir.path(u"r.csv"_s)},
         "name it with --section"},
        {{u"report"_s, db, u"--quarter"_s, u"FY2026-Q3"_s, u"--out"_s, pdf, u"--section"_s,
          u"evidence"_s},
         "--section is for CSV"},
        {{u"report"_s, db, u"--quarter"_s, u"FY2026-Q3"_s, u"--out"_s, dir.path(u"r.csv"_s),
          u"--section"_s, u"nonsense"_s},
         "unknown section \"nonsense\""},
        {{u"report"_s, db, u"--quarter"_s, u"FY2026-Q3"_s, u"--as-of"_s, u"31/03/2026"_s,
          u"--out"_s, pdf},
         "--as-of takes a date"},
        {{u"report"_s, db, u"--quarter"_s, u"FY2026-Q3"_s, u"--as-of"_s, u"2025-01-01"_s,
          u"--out"_s, pdf},
         "before the quarter"},
        {{u"report"_s, db, u"--quarter"_s, u"FY2026-Q3"_s, u"--known-at"_s, u"yesterday"_s,
          u"--out"_s, pdf},
         "--known-at takes a moment"},
        {{u"report"_s, u"fingerprint"_s, db}, "--quarter is missing"},
    };
    const QString before = sha256Hex(dli::test::readFile(db));
    for (const Case& c : cases) {
        INFO(c.args.join(u' ').toStdString());
        const Run r = cli(c.args, BadInput);
        CHECK_THAT(r.err, Contains(c.says));
    }
    CHECK(sha256Hex(dli::test::readFile(db)) == before);
    CHECK_FALSE(QFileInfo::exists(pdf));
    CHECK_FALSE(QFileInfo::exists(dir.path(u"r.csv"_s)));

    // A database that is not there.
    const Run missing = cli(
        {u"report"_s, dir.path(u"none.dlidb"_s), u"--quarter"_s, u"FY2026-Q3"_s, u"--out"_s, pdf},
        BadInput);
    CHECK_THAT(missing.err, Contains("no database"));
}
