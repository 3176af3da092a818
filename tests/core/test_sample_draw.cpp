#include "core/engine/sample_draw.h"
#include "support/test_support.h"

using namespace Qt::StringLiterals;
using namespace dli;

namespace {

QStringList lines(const QByteArray& text)
{
    QStringList out;
    for (const QByteArray& line : text.split('\n')) {
        if (!line.trimmed().isEmpty())
            out << QString::fromUtf8(line.trimmed());
    }
    return out;
}

} // namespace

TEST_CASE("Sample draw: the rank is the lowercase hex SHA-256 of seed colon key", "[sample]")
{
    // Both computed with Python's hashlib, not with the code under test.
    CHECK(SampleDraw::rank(u"IVA-2025-Q2"_s, u"SKT-0092"_s) ==
          u"00c1bcf3d201f5b3a61b0d85d4fbe6b0df3280b043ea8e04a54f4337b6a8203f"_s);
    // Seed and key are taken as UTF-8.
    CHECK(SampleDraw::rank(u"seed-\u00fc"_s, u"Firma \u00c7"_s) ==
          u"07521a79460ea9e545b8f32c5dd286c09a03cb564d2033676520bf93b779cb47"_s);
}

TEST_CASE("Sample draw: matches the list docs/sample_draw.py computes", "[sample]")
{
    // tests/data/sample/expected-IVA-2025-Q2-25.txt was made with
    //   python3 docs/sample_draw.py IVA-2025-Q2 25 < tests/data/sample/candidates.txt
    const QStringList candidates =
        lines(test::readFile(test::dataPath(u"sample/candidates.txt"_s)));
    const QStringList expected =
        lines(test::readFile(test::dataPath(u"sample/expected-IVA-2025-Q2-25.txt"_s)));
    REQUIRE(candidates.size() == 300);
    REQUIRE(expected.size() == 25);
    CHECK(SampleDraw::draw(u"IVA-2025-Q2"_s, candidates, 25) == expected);

    // The order of the candidates and repeated keys do not change the draw.
    QStringList shuffled = candidates;
    std::reverse(shuffled.begin(), shuffled.end());
    shuffled << candidates.mid(0, 40);
    CHECK(SampleDraw::draw(u"IVA-2025-Q2"_s, shuffled, 25) == expected);
    // A smaller sample is the start of the larger one.
    CHECK(SampleDraw::draw(u"IVA-2025-Q2"_s, candidates, 10) == expected.mid(0, 10));
}

TEST_CASE("Sample draw: another seed draws another sample, fewer rows give all", "[sample]")
{
    const QStringList candidates =
        lines(test::readFile(test::dataPath(u"sample/candidates.txt"_s)));
    CHECK(SampleDraw::draw(u"IVA-2025-Q3"_s, candidates, 25) !=
          SampleDraw::draw(u"IVA-2025-Q2"_s, candidates, 25));
    const QStringList three{u"A"_s, u"B"_s, u"C"_s};
    QStringList all = SampleDraw::draw(u"s"_s, three, 10);
    CHECK(all.size() == 3);
    all.sort();
    CHECK(all == three);
    CHECK(SampleDraw::draw(u"s"_s, {}, 5).isEmpty());
    CHECK(SampleDraw::draw(u"s"_s, three, 0).isEmpty());
}
