// End-to-end tests of `dlitracker-cli chart`: each of the six kinds rendered offscreen as PNG (of
// the requested size) and SVG (well-formed), on a copy of the demo as of its date 2026-07-01, and
// bad usage refused with exit status 2 and a message that says what is wrong.
#include "cli_process.h"
#include "support/test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace dli::test::cli;
using Catch::Matchers::Contains;
using dli::test::TempDir;

namespace {

const QString kAsOf = u"2026-07-01"_s;

// The options each kind needs, on the demo.
QStringList kindArgs(const QString& kind)
{
    QStringList a{u"--kind"_s, kind, u"--as-of"_s, kAsOf};
    if (kind == u"dli-progress"_s)
        a << u"--dli"_s << u"DLI3"_s;
    if (kind == u"clusters"_s)
        a << u"--indicator"_s << u"FIRMS_UPGRADE"_s << u"--period"_s << u"FY2026"_s;
    if (kind == u"trend"_s)
        a << u"--indicator"_s << u"TRAINED_W"_s;
    return a;
}

bool svgParses(const QString& path, QString* root)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QXmlStreamReader xml(&f);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && root->isEmpty())
            *root = xml.name().toString();
    }
    return !xml.hasError();
}

} // namespace

TEST_CASE("cli chart: every kind renders the demo as PNG of the requested size and as SVG",
          "[cli][charts]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QStringList kinds{u"dli-progress"_s, u"disbursement"_s, u"timeline"_s,
                            u"clusters"_s,     u"verification"_s, u"trend"_s};
    for (const QString& kind : kinds) {
        DYNAMIC_SECTION(kind.toStdString())
        {
            const QString png = dir.path(kind + u".png"_s);
            const Run r = cli(
                QStringList{u"chart"_s, db} + kindArgs(kind) +
                    QStringList{u"--out"_s, png, u"--width"_s, u"800"_s, u"--height"_s, u"450"_s},
                Success);
            CHECK_THAT(r.out, Contains("Wrote"));
            const QImage image(png);
            REQUIRE_FALSE(image.isNull());
            CHECK(image.width() == 800);
            CHECK(image.height() == 450);

            const QString svg = dir.path(kind + u".svg"_s);
            cli(QStringList{u"chart"_s, db} + kindArgs(kind) + QStringList{u"--out"_s, svg},
                Success);
            QString root;
            CHECK(svgParses(svg, &root));
            CHECK(root == u"svg"_s);
        }
    }
}

TEST_CASE("cli chart: the default size is 1000 x 600, and --dpi is recorded in the PNG",
          "[cli][charts]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QString png = dir.path(u"d.png"_s);
    cli(QStringList{u"chart"_s, db} + kindArgs(u"disbursement"_s) +
            QStringList{u"--out"_s, png, u"--dpi"_s, u"192"_s},
        Success);
    const QImage image(png);
    REQUIRE_FALSE(image.isNull());
    CHECK(image.width() == 1000);
    CHECK(image.height() == 600);
    CHECK(qRound(image.dotsPerMeterX() * 0.0254) == 192);
}

TEST_CASE("cli chart: bad usage exits 2 and says what is wrong", "[cli][charts]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QString png = dir.path(u"x.png"_s);

    const Run unknownKind = cli({u"chart"_s, db, u"--kind"_s, u"pie"_s, u"--out"_s, png}, BadInput);
    CHECK_THAT(unknownKind.err, Contains("unknown chart kind \"pie\""));
    CHECK_THAT(unknownKind.err, Contains("dli-progress"));

    const Run noOut = cli({u"chart"_s, db, u"--kind"_s, u"timeline"_s}, BadInput);
    CHECK_THAT(noOut.err, Contains("--out is missing"));

    const Run noKind = cli({u"chart"_s, db, u"--out"_s, png}, BadInput);
    CHECK_THAT(noKind.err, Contains("--kind is missing"));

    const Run noDli =
        cli({u"chart"_s, db, u"--kind"_s, u"dli-progress"_s, u"--out"_s, png}, BadInput);
    CHECK_THAT(noDli.err, Contains("needs --dli"));

    const Run unknownDli = cli(
        {u"chart"_s, db, u"--kind"_s, u"dli-progress"_s, u"--dli"_s, u"DLI99"_s, u"--out"_s, png},
        BadInput);
    CHECK_THAT(unknownDli.err, Contains("unknown DLI \"DLI99\""));

    const Run unknownIndicator =
        cli({u"chart"_s, db, u"--kind"_s, u"trend"_s, u"--indicator"_s, u"NOPE"_s, u"--out"_s, png},
            BadInput);
    CHECK_THAT(unknownIndicator.err, Contains("unknown indicator \"NOPE\""));

    const Run noPeriod = cli({u"chart"_s, db, u"--kind"_s, u"clusters"_s, u"--indicator"_s,
                              u"FIRMS_UPGRADE"_s, u"--out"_s, png},
                             BadInput);
    CHECK_THAT(noPeriod.err, Contains("needs --period"));

    const Run badSuffix = cli(
        {u"chart"_s, db, u"--kind"_s, u"timeline"_s, u"--out"_s, dir.path(u"x.jpg"_s)}, BadInput);
    CHECK_THAT(badSuffix.err, Contains(".png or .svg"));

    const Run badWidth =
        cli({u"chart"_s, db, u"--kind"_s, u"timeline"_s, u"--out"_s, png, u"--width"_s, u"wide"_s},
            BadInput);
    CHECK_THAT(badWidth.err, Contains("--width"));

    const Run unwritable = cli({u"chart"_s, db, u"--kind"_s, u"timeline"_s, u"--out"_s,
                                dir.path(u"no/such/folder/x.png"_s)},
                               BadInput);
    CHECK_THAT(unwritable.err, Contains("cannot write the chart"));
    CHECK_FALSE(QFileInfo::exists(png));
}
