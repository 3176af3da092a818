#include "core/model/period.h"
#include "support/test_support.h"

#include <QDate>
#include <QList>
#include <QString>
#include <algorithm>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;
using dli::Period;

namespace {

QString iso(QDate date)
{
    return date.toString(Qt::ISODate);
}

QDate day(int y, int m, int d)
{
    return QDate(y, m, d);
}

std::string str(QStringView text)
{
    return text.toString().toStdString();
}

// Parses text that must be accepted; fails the test with the error message otherwise.
Period parsed(QStringView text, int startMonth = Period::DefaultStartMonth)
{
    const auto result = Period::parse(text, startMonth);
    INFO("parsing \"" << str(text) << "\" with start month " << startMonth);
    if (!result)
        FAIL("refused: " << result.error().message.toStdString());
    return result.value();
}

// The message of a parse that must be refused.
std::string refusal(QStringView text, int startMonth = Period::DefaultStartMonth)
{
    const auto result = Period::parse(text, startMonth);
    INFO("parsing \"" << str(text) << "\" with start month " << startMonth);
    if (result)
        FAIL("accepted as " << result.value().code().toStdString());
    CHECK(result.error().code == dli::ErrorCode::InvalidInput);
    return result.error().message.toStdString();
}

QStringList codes(const QList<Period>& periods)
{
    QStringList out;
    for (const Period& p : periods)
        out << p.code();
    return out;
}

struct Span {
    Period period;
    const char16_t* first;
    const char16_t* last;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// Construction and accessors

TEST_CASE("Period: a default period is invalid and has no code or label", "[period]")
{
    const Period p;
    CHECK_FALSE(p.isValid());
    CHECK(p.code().isEmpty());
    CHECK(p.label().isEmpty());
}

TEST_CASE("Period: year and quarter factories set kind, year and quarter number", "[period]")
{
    const Period y = Period::year(2025);
    CHECK(y.isValid());
    CHECK(y.isYear());
    CHECK_FALSE(y.isQuarter());
    CHECK(y.kind() == Period::Kind::Year);
    CHECK(y.fiscalYear() == 2025);
    CHECK(y.quarterNumber() == 0);

    const Period q = Period::quarter(2025, 3);
    CHECK(q.isValid());
    CHECK(q.isQuarter());
    CHECK_FALSE(q.isYear());
    CHECK(q.kind() == Period::Kind::Quarter);
    CHECK(q.fiscalYear() == 2025);
    CHECK(q.quarterNumber() == 3);
    CHECK(q.fiscalYearPeriod() == Period::year(2025));
    CHECK(y.fiscalYearPeriod() == y);
}

// ---------------------------------------------------------------------------------------------
// Dates: July start (the default, Pakistan's fiscal year)

TEST_CASE("Period: FY2025 with a July start runs 2024-07-01 to 2025-06-30", "[period]")
{
    const Period fy = Period::year(2025);
    CHECK(iso(fy.start()) == u"2024-07-01"_s);
    CHECK(iso(fy.end()) == u"2025-06-30"_s);
    CHECK(iso(fy.start(7)) == u"2024-07-01"_s);
    CHECK(iso(fy.end(7)) == u"2025-06-30"_s);
}

TEST_CASE("Period: first and last day of every quarter of FY2025 with a July start", "[period]")
{
    const Span spans[] = {
        {Period::quarter(2025, 1), u"2024-07-01", u"2024-09-30"},
        {Period::quarter(2025, 2), u"2024-10-01", u"2024-12-31"},
        {Period::quarter(2025, 3), u"2025-01-01", u"2025-03-31"},
        {Period::quarter(2025, 4), u"2025-04-01", u"2025-06-30"},
    };
    for (const Span& s : spans) {
        INFO(s.period.code().toStdString());
        CHECK(iso(s.period.start()) == QStringView(s.first).toString());
        CHECK(iso(s.period.end()) == QStringView(s.last).toString());
    }
}

TEST_CASE("Period: quarters of a leap fiscal year with a July start", "[period]")
{
    // FY2024 = 2023-07-01 .. 2024-06-30, which holds 29 February 2024.
    CHECK(iso(Period::year(2024).start()) == u"2023-07-01"_s);
    CHECK(iso(Period::year(2024).end()) == u"2024-06-30"_s);
    CHECK(iso(Period::quarter(2024, 2).end()) == u"2023-12-31"_s);
    CHECK(iso(Period::quarter(2024, 3).start()) == u"2024-01-01"_s);
    CHECK(iso(Period::quarter(2024, 3).end()) == u"2024-03-31"_s);
    CHECK(Period::containing(day(2024, 2, 29), Period::Kind::Quarter) == Period::quarter(2024, 3));
    CHECK(Period::containing(day(2024, 2, 29), Period::Kind::Year) == Period::year(2024));
    CHECK(Period::year(2024).start().daysTo(Period::year(2024).end()) == 365);
    CHECK(Period::year(2025).start().daysTo(Period::year(2025).end()) == 364);
}

TEST_CASE("Period: containing a date on every quarter boundary of FY2025 (July start)", "[period]")
{
    struct Case {
        QDate date;
        const char16_t* quarter;
        const char16_t* year;
    };
    const Case cases[] = {
        {day(2024, 6, 30), u"FY2024-Q4", u"FY2024"}, // the day before FY2025
        {day(2024, 7, 1), u"FY2025-Q1", u"FY2025"},  {day(2024, 9, 30), u"FY2025-Q1", u"FY2025"},
        {day(2024, 10, 1), u"FY2025-Q2", u"FY2025"}, {day(2024, 12, 31), u"FY2025-Q2", u"FY2025"},
        {day(2025, 1, 1), u"FY2025-Q3", u"FY2025"},  {day(2025, 3, 31), u"FY2025-Q3", u"FY2025"},
        {day(2025, 4, 1), u"FY2025-Q4", u"FY2025"},  {day(2025, 6, 30), u"FY2025-Q4", u"FY2025"},
        {day(2025, 7, 1), u"FY2026-Q1", u"FY2026"}, // the day after FY2025
        {day(2024, 8, 15), u"FY2025-Q1", u"FY2025"}, {day(2024, 11, 15), u"FY2025-Q2", u"FY2025"},
        {day(2025, 2, 15), u"FY2025-Q3", u"FY2025"}, {day(2025, 5, 15), u"FY2025-Q4", u"FY2025"},
    };
    for (const Case& c : cases) {
        INFO(iso(c.date).toStdString());
        CHECK(Period::containing(c.date, Period::Kind::Quarter).code() ==
              QStringView(c.quarter).toString());
        CHECK(Period::containing(c.date, Period::Kind::Quarter, 7).code() ==
              QStringView(c.quarter).toString());
        CHECK(Period::containing(c.date, Period::Kind::Year).code() ==
              QStringView(c.year).toString());
    }
}

TEST_CASE("Period: containsDate is inclusive at both ends", "[period]")
{
    const Period q2 = Period::quarter(2025, 2);
    CHECK_FALSE(q2.containsDate(day(2024, 9, 30)));
    CHECK(q2.containsDate(day(2024, 10, 1)));
    CHECK(q2.containsDate(day(2024, 11, 30)));
    CHECK(q2.containsDate(day(2024, 12, 31)));
    CHECK_FALSE(q2.containsDate(day(2025, 1, 1)));

    const Period fy = Period::year(2025);
    CHECK_FALSE(fy.containsDate(day(2024, 6, 30)));
    CHECK(fy.containsDate(day(2024, 7, 1)));
    CHECK(fy.containsDate(day(2025, 6, 30)));
    CHECK_FALSE(fy.containsDate(day(2025, 7, 1)));

    // The same quarter under a calendar fiscal year is October-December 2025.
    CHECK_FALSE(Period::quarter(2025, 4).containsDate(day(2025, 9, 30), 1));
    CHECK(Period::quarter(2025, 4).containsDate(day(2025, 10, 1), 1));
    CHECK(Period::quarter(2025, 4).containsDate(day(2025, 12, 31), 1));
    CHECK_FALSE(Period::quarter(2025, 4).containsDate(day(2026, 1, 1), 1));
}

// ---------------------------------------------------------------------------------------------
// Dates: other start months

TEST_CASE("Period: a January start makes fiscal years calendar years", "[period]")
{
    const int jan = 1;
    CHECK(iso(Period::year(2025).start(jan)) == u"2025-01-01"_s);
    CHECK(iso(Period::year(2025).end(jan)) == u"2025-12-31"_s);

    const Span spans[] = {
        {Period::quarter(2025, 1), u"2025-01-01", u"2025-03-31"},
        {Period::quarter(2025, 2), u"2025-04-01", u"2025-06-30"},
        {Period::quarter(2025, 3), u"2025-07-01", u"2025-09-30"},
        {Period::quarter(2025, 4), u"2025-10-01", u"2025-12-31"},
    };
    for (const Span& s : spans) {
        INFO(s.period.code().toStdString());
        CHECK(iso(s.period.start(jan)) == QStringView(s.first).toString());
        CHECK(iso(s.period.end(jan)) == QStringView(s.last).toString());
    }

    CHECK(Period::containing(day(2024, 12, 31), Period::Kind::Quarter, jan).code() ==
          u"FY2024-Q4"_s);
    CHECK(Period::containing(day(2025, 1, 1), Period::Kind::Quarter, jan).code() == u"FY2025-Q1"_s);
    CHECK(Period::containing(day(2025, 3, 31), Period::Kind::Quarter, jan).code() ==
          u"FY2025-Q1"_s);
    CHECK(Period::containing(day(2025, 4, 1), Period::Kind::Quarter, jan).code() == u"FY2025-Q2"_s);
    CHECK(Period::containing(day(2025, 6, 30), Period::Kind::Quarter, jan).code() ==
          u"FY2025-Q2"_s);
    CHECK(Period::containing(day(2025, 7, 1), Period::Kind::Quarter, jan).code() == u"FY2025-Q3"_s);
    CHECK(Period::containing(day(2025, 9, 30), Period::Kind::Quarter, jan).code() ==
          u"FY2025-Q3"_s);
    CHECK(Period::containing(day(2025, 10, 1), Period::Kind::Quarter, jan).code() ==
          u"FY2025-Q4"_s);
    CHECK(Period::containing(day(2025, 12, 31), Period::Kind::Quarter, jan).code() ==
          u"FY2025-Q4"_s);
    CHECK(Period::containing(day(2026, 1, 1), Period::Kind::Quarter, jan).code() == u"FY2026-Q1"_s);
    CHECK(Period::containing(day(2025, 1, 1), Period::Kind::Year, jan).code() == u"FY2025"_s);
    CHECK(Period::containing(day(2025, 12, 31), Period::Kind::Year, jan).code() == u"FY2025"_s);
    CHECK(Period::containing(day(2024, 12, 31), Period::Kind::Year, jan).code() == u"FY2024"_s);
}

TEST_CASE("Period: an April start names the year by its end (FY2025 = April 2024 to March 2025)",
          "[period]")
{
    const int apr = 4;
    CHECK(iso(Period::year(2025).start(apr)) == u"2024-04-01"_s);
    CHECK(iso(Period::year(2025).end(apr)) == u"2025-03-31"_s);

    const Span spans[] = {
        {Period::quarter(2025, 1), u"2024-04-01", u"2024-06-30"},
        {Period::quarter(2025, 2), u"2024-07-01", u"2024-09-30"},
        {Period::quarter(2025, 3), u"2024-10-01", u"2024-12-31"},
        {Period::quarter(2025, 4), u"2025-01-01", u"2025-03-31"},
    };
    for (const Span& s : spans) {
        INFO(s.period.code().toStdString());
        CHECK(iso(s.period.start(apr)) == QStringView(s.first).toString());
        CHECK(iso(s.period.end(apr)) == QStringView(s.last).toString());
    }

    CHECK(Period::containing(day(2024, 3, 31), Period::Kind::Quarter, apr).code() ==
          u"FY2024-Q4"_s);
    CHECK(Period::containing(day(2024, 4, 1), Period::Kind::Quarter, apr).code() == u"FY2025-Q1"_s);
    CHECK(Period::containing(day(2024, 6, 30), Period::Kind::Quarter, apr).code() ==
          u"FY2025-Q1"_s);
    CHECK(Period::containing(day(2024, 7, 1), Period::Kind::Quarter, apr).code() == u"FY2025-Q2"_s);
    CHECK(Period::containing(day(2024, 12, 31), Period::Kind::Quarter, apr).code() ==
          u"FY2025-Q3"_s);
    CHECK(Period::containing(day(2025, 1, 1), Period::Kind::Quarter, apr).code() == u"FY2025-Q4"_s);
    CHECK(Period::containing(day(2025, 3, 31), Period::Kind::Quarter, apr).code() ==
          u"FY2025-Q4"_s);
    CHECK(Period::containing(day(2025, 4, 1), Period::Kind::Quarter, apr).code() == u"FY2026-Q1"_s);
    CHECK(Period::containing(day(2024, 4, 1), Period::Kind::Year, apr).code() == u"FY2025"_s);
    CHECK(Period::containing(day(2025, 3, 31), Period::Kind::Year, apr).code() == u"FY2025"_s);
    CHECK(Period::containing(day(2024, 3, 31), Period::Kind::Year, apr).code() == u"FY2024"_s);
}

TEST_CASE("Period: October and December starts", "[period]")
{
    // October (as in the United States government): FY2025 = 2024-10-01 .. 2025-09-30.
    CHECK(iso(Period::year(2025).start(10)) == u"2024-10-01"_s);
    CHECK(iso(Period::year(2025).end(10)) == u"2025-09-30"_s);
    CHECK(iso(Period::quarter(2025, 4).start(10)) == u"2025-07-01"_s);
    CHECK(Period::containing(day(2024, 9, 30), Period::Kind::Quarter, 10).code() == u"FY2024-Q4"_s);
    CHECK(Period::containing(day(2024, 10, 1), Period::Kind::Quarter, 10).code() == u"FY2025-Q1"_s);

    // December: quarters straddle calendar years; Q1 = December 2024 to February 2025.
    CHECK(iso(Period::year(2025).start(12)) == u"2024-12-01"_s);
    CHECK(iso(Period::year(2025).end(12)) == u"2025-11-30"_s);
    CHECK(iso(Period::quarter(2025, 1).end(12)) == u"2025-02-28"_s);
    CHECK(iso(Period::quarter(2025, 4).start(12)) == u"2025-09-01"_s);
    CHECK(Period::containing(day(2024, 11, 30), Period::Kind::Quarter, 12).code() ==
          u"FY2024-Q4"_s);
    CHECK(Period::containing(day(2024, 12, 1), Period::Kind::Quarter, 12).code() == u"FY2025-Q1"_s);
    CHECK(Period::containing(day(2025, 2, 28), Period::Kind::Quarter, 12).code() == u"FY2025-Q1"_s);
    CHECK(Period::containing(day(2025, 3, 1), Period::Kind::Quarter, 12).code() == u"FY2025-Q2"_s);
    CHECK(Period::containing(day(2025, 11, 30), Period::Kind::Year, 12).code() == u"FY2025"_s);
    CHECK(Period::containing(day(2025, 12, 1), Period::Kind::Year, 12).code() == u"FY2026"_s);
}

TEST_CASE("Period: quarters tile the year for every start month", "[period]")
{
    for (int startMonth = 1; startMonth <= 12; ++startMonth) {
        for (int fy = 1995; fy <= 2060; ++fy) {
            INFO("start month " << startMonth << ", FY" << fy);
            const Period year = Period::year(fy);
            const QList<Period> qs = year.quarters();
            REQUIRE(qs.size() == 4);
            CHECK(qs.front().start(startMonth) == year.start(startMonth));
            CHECK(qs.back().end(startMonth) == year.end(startMonth));
            CHECK(year.start(startMonth).day() == 1);
            CHECK(year.start(startMonth).month() == startMonth);
            // A fiscal year is named by the calendar year in which it ends.
            CHECK(year.end(startMonth).year() == fy);
            CHECK(year.end(startMonth).addDays(1) == year.next().start(startMonth));
            for (qsizetype i = 0; i + 1 < qs.size(); ++i)
                CHECK(qs[i].end(startMonth).addDays(1) == qs[i + 1].start(startMonth));
            for (const Period& q : qs) {
                CHECK(Period::containing(q.start(startMonth), Period::Kind::Quarter, startMonth) ==
                      q);
                CHECK(Period::containing(q.end(startMonth), Period::Kind::Quarter, startMonth) ==
                      q);
                CHECK(Period::containing(q.end(startMonth), Period::Kind::Year, startMonth) ==
                      year);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Codes and labels

TEST_CASE("Period: code() gives the canonical FY2025 and FY2025-Q1 spellings", "[period]")
{
    CHECK(Period::year(2025).code() == u"FY2025"_s);
    CHECK(Period::quarter(2025, 1).code() == u"FY2025-Q1"_s);
    CHECK(Period::quarter(2025, 4).code() == u"FY2025-Q4"_s);
    CHECK(Period::year(2000).code() == u"FY2000"_s);
    CHECK(Period::quarter(1999, 2).code() == u"FY1999-Q2"_s);
}

TEST_CASE("Period: label() shows the two calendar years, or one for calendar fiscal years",
          "[period]")
{
    CHECK(Period::year(2025).label() == u"2024-25"_s);
    CHECK(Period::quarter(2025, 1).label() == u"2024-25 Q1"_s);
    CHECK(Period::quarter(2025, 4).label(7) == u"2024-25 Q4"_s);
    CHECK(Period::year(2000).label() == u"1999-00"_s);
    CHECK(Period::year(2001).label() == u"2000-01"_s);
    CHECK(Period::year(2010).label() == u"2009-10"_s);
    CHECK(Period::year(2025).label(4) == u"2024-25"_s);
    CHECK(Period::year(2025).label(1) == u"2025"_s);
    CHECK(Period::quarter(2025, 3).label(1) == u"2025 Q3"_s);
}

TEST_CASE("Period: code() and label() read back through parse()", "[period]")
{
    for (int fy = 1990; fy <= 2110; ++fy) {
        for (int q = 0; q <= 4; ++q) {
            const Period p = q == 0 ? Period::year(fy) : Period::quarter(fy, q);
            INFO(p.code().toStdString());
            CHECK(parsed(p.code()) == p);
            CHECK(parsed(p.label()) == p);
            CHECK(parsed(p.code(), 1) == p);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing: accepted spellings

TEST_CASE("Period: parse accepts every documented spelling", "[period]")
{
    struct Case {
        const char16_t* text;
        const char16_t* code;
    };
    const Case cases[] = {
        // canonical
        {u"FY2025", u"FY2025"},
        {u"FY2025-Q1", u"FY2025-Q1"},
        {u"FY2025-Q2", u"FY2025-Q2"},
        {u"FY2025-Q3", u"FY2025-Q3"},
        {u"FY2025-Q4", u"FY2025-Q4"},
        // quarter without or with spaced hyphen
        {u"FY2025Q1", u"FY2025-Q1"},
        {u"FY2025 Q1", u"FY2025-Q1"},
        {u"FY2025 - Q3", u"FY2025-Q3"},
        {u"FY 2025", u"FY2025"},
        // the span people write
        {u"2024-25", u"FY2025"},
        {u"2024-25 Q1", u"FY2025-Q1"},
        {u"2024-25 Q4", u"FY2025-Q4"},
        {u"2024-25Q2", u"FY2025-Q2"},
        {u"2024-2025", u"FY2025"},
        {u"2024-2025 Q3", u"FY2025-Q3"},
        {u"2024 - 25", u"FY2025"},
        {u"1999-00", u"FY2000"},
        {u"1999-2000", u"FY2000"},
        // two-digit years
        {u"FY25", u"FY2025"},
        {u"FY25Q1", u"FY2025-Q1"},
        {u"FY25-Q4", u"FY2025-Q4"},
        {u"FY25 Q2", u"FY2025-Q2"},
        {u"FY00", u"FY2000"},
        // case
        {u"fy2025", u"FY2025"},
        {u"fy2025-q1", u"FY2025-Q1"},
        {u"Fy25q3", u"FY2025-Q3"},
        {u"fY2025Q4", u"FY2025-Q4"},
        {u"2024-25 q2", u"FY2025-Q2"},
        // surrounding and repeated white space
        {u"  FY2025  ", u"FY2025"},
        {u"\tFY2025-Q1\n", u"FY2025-Q1"},
        {u"FY  2025   -   Q2", u"FY2025-Q2"},
        {u"  2024-25   Q1 ", u"FY2025-Q1"},
        // limits of the accepted range
        {u"FY1950", u"FY1950"},
        {u"FY2200-Q4", u"FY2200-Q4"},
    };
    for (const Case& c : cases)
        CHECK(parsed(c.text).code() == QStringView(c.code).toString());
}

TEST_CASE("Period: parse gives quarters the right kind and number", "[period]")
{
    const Period q = parsed(u"2024-25 Q3");
    CHECK(q.isQuarter());
    CHECK(q.fiscalYear() == 2025);
    CHECK(q.quarterNumber() == 3);
    const Period y = parsed(u"FY25");
    CHECK(y.isYear());
    CHECK(y.fiscalYear() == 2025);
}

TEST_CASE("Period: parse with other start months", "[period]")
{
    // Codes do not depend on the start month.
    CHECK(parsed(u"FY2025", 1) == Period::year(2025));
    CHECK(parsed(u"FY2025-Q2", 1) == Period::quarter(2025, 2));
    CHECK(parsed(u"FY25Q3", 4) == Period::quarter(2025, 3));
    // A span is the year that ends in its second calendar year whatever the start month.
    CHECK(parsed(u"2024-25", 4) == Period::year(2025));
    CHECK(parsed(u"2024-25 Q1", 4) == Period::quarter(2025, 1));
    CHECK(parsed(u"2024-25 Q4", 10) == Period::quarter(2025, 4));
}

// ---------------------------------------------------------------------------------------------
// Parsing: refused spellings

using Catch::Matchers::Contains;

TEST_CASE("Period: a bare year is refused as ambiguous with both unambiguous spellings", "[period]")
{
    const std::string m = refusal(u"2025");
    CHECK_THAT(m, Contains("\"2025\""));
    CHECK_THAT(m, Contains("ambiguous"));
    CHECK_THAT(m, Contains("FY2025"));
    CHECK_THAT(m, Contains("2024-25"));

    const std::string m2000 = refusal(u"2000");
    CHECK_THAT(m2000, Contains("FY2000"));
    CHECK_THAT(m2000, Contains("1999-00"));
}

TEST_CASE("Period: a bare year under calendar fiscal years suggests only the FY spelling",
          "[period]")
{
    const std::string m = refusal(u"2025", 1);
    CHECK_THAT(m, Contains("FY2025"));
    // "2024-25" is itself refused when fiscal years are calendar years.
    CHECK_THAT(m, !Contains("2024-25"));
}

TEST_CASE("Period: calendar-style quarters are refused as ambiguous", "[period]")
{
    for (const char16_t* text :
         {u"Q1 2025", u"2025-Q1", u"2025 Q1", u"2025Q1", u"Q1-2025", u"q1 2025", u"Q3"}) {
        const std::string m = refusal(text);
        CHECK_THAT(m, Contains("ambiguous"));
        CHECK_THAT(m, Contains("FY2025-Q1"));
    }
}

TEST_CASE("Period: a span of non-consecutive years is refused", "[period]")
{
    for (const char16_t* text : {u"2024-26", u"2024-2026", u"2024-24", u"2025-24", u"2024-23 Q1"}) {
        const std::string m = refusal(text);
        CHECK_THAT(m, Contains("consecutive"));
        CHECK_THAT(m, Contains("2024-25"));
    }
}

TEST_CASE("Period: a span is refused when fiscal years are calendar years", "[period]")
{
    const std::string m = refusal(u"2024-25", 1);
    CHECK_THAT(m, Contains("calendar years"));
    CHECK_THAT(m, Contains("span 2024-25"));
    CHECK_THAT(m, Contains("write FY2025"));

    const std::string q = refusal(u"2024-25 Q1", 1);
    CHECK_THAT(q, Contains("write FY2025"));

    const std::string full = refusal(u"2024-2025", 1);
    CHECK_THAT(full, Contains("span 2024-2025;"));
    CHECK_THAT(full, Contains("write FY2025"));
}

TEST_CASE("Period: quarter numbers outside 1..4 are refused", "[period]")
{
    for (const char16_t* text : {u"FY2025-Q5", u"FY2025-Q0", u"FY25Q9", u"2024-25 Q5"}) {
        const std::string m = refusal(text);
        CHECK_THAT(m, Contains("Q1 to Q4"));
    }
}

TEST_CASE("Period: empty and blank text is refused with an example", "[period]")
{
    for (const char16_t* text : {u"", u"   ", u"\t\n"}) {
        const std::string m = refusal(text);
        CHECK_THAT(m, Contains("empty"));
        CHECK_THAT(m, Contains("FY2025"));
        CHECK_THAT(m, Contains("FY2025-Q1"));
    }
}

TEST_CASE("Period: a date is refused with a hint to name its period", "[period]")
{
    for (const char16_t* text : {u"2024-07-01", u"2024-7-1", u"2025-06-30"}) {
        const std::string m = refusal(text);
        CHECK_THAT(m, Contains("date"));
        CHECK_THAT(m, Contains("FY2025-Q1"));
    }
}

TEST_CASE("Period: unrecognisable text is refused with the canonical spellings", "[period]")
{
    for (const char16_t* text : {u"garbage", u"FY", u"FY202", u"FY20255", u"FY2025-", u"FY2025-Q",
                                 u"FY2025-Q10", u"FY2025-Q01", u"FY2025/Q1", u"2024/25", u"FY-2025",
                                 u"FY2025-H1", u"CY2025", u"FY 2025 Q1 extra"}) {
        const std::string m = refusal(text);
        CHECK_THAT(m, Contains("is not a period"));
        CHECK_THAT(m, Contains("FY2025"));
    }
    const std::string m = refusal(u"garbage");
    CHECK_THAT(m, Contains("\"garbage\""));
    CHECK_THAT(m, Contains("FY2025-Q1"));
}

TEST_CASE("Period: years outside 1950..2200 are refused", "[period]")
{
    for (const char16_t* text : {u"FY1949", u"FY2201", u"FY0000", u"FY9999-Q1", u"1948-49"}) {
        const std::string m = refusal(text);
        CHECK_THAT(m, Contains("1950"));
        CHECK_THAT(m, Contains("2200"));
    }
}

// ---------------------------------------------------------------------------------------------
// Navigation, ordering, containment

TEST_CASE("Period: next and previous step quarters across fiscal year ends", "[period]")
{
    CHECK(Period::quarter(2025, 1).next().code() == u"FY2025-Q2"_s);
    CHECK(Period::quarter(2025, 2).next().code() == u"FY2025-Q3"_s);
    CHECK(Period::quarter(2025, 3).next().code() == u"FY2025-Q4"_s);
    CHECK(Period::quarter(2025, 4).next().code() == u"FY2026-Q1"_s);
    CHECK(Period::quarter(2026, 1).previous().code() == u"FY2025-Q4"_s);
    CHECK(Period::quarter(2025, 4).previous().code() == u"FY2025-Q3"_s);
    CHECK(Period::quarter(2025, 2).previous().code() == u"FY2025-Q1"_s);
    CHECK(Period::quarter(2000, 1).previous().code() == u"FY1999-Q4"_s);
    CHECK(Period::quarter(1999, 4).next().code() == u"FY2000-Q1"_s);
}

TEST_CASE("Period: next and previous step years", "[period]")
{
    CHECK(Period::year(2025).next().code() == u"FY2026"_s);
    CHECK(Period::year(2025).previous().code() == u"FY2024"_s);
    CHECK(Period::year(2000).previous().code() == u"FY1999"_s);
    CHECK(Period::year(1999).next().code() == u"FY2000"_s);
    CHECK(Period::year(2025).next().previous() == Period::year(2025));
    CHECK(Period::quarter(2025, 4).next().previous() == Period::quarter(2025, 4));
    // Stepping a quarter keeps the dates contiguous.
    const Period q4 = Period::quarter(2025, 4);
    CHECK(iso(q4.next().start()) == u"2025-07-01"_s);
    CHECK(iso(q4.next().previous().end()) == u"2025-06-30"_s);
}

TEST_CASE("Period: ordering is chronological, a year before its own first quarter", "[period]")
{
    const Period fy24q4 = Period::quarter(2024, 4);
    const Period fy25 = Period::year(2025);
    const Period fy25q1 = Period::quarter(2025, 1);
    const Period fy25q2 = Period::quarter(2025, 2);
    const Period fy25q4 = Period::quarter(2025, 4);
    const Period fy26 = Period::year(2026);
    const Period fy26q1 = Period::quarter(2026, 1);

    CHECK(fy24q4 < fy25);
    CHECK(fy25 < fy25q1);
    CHECK(fy25q1 < fy25q2);
    CHECK(fy25q2 < fy25q4);
    CHECK(fy25q4 < fy26);
    CHECK(fy26 < fy26q1);
    CHECK(fy24q4 < fy26q1);
    CHECK(fy26q1 > fy25q4);
    CHECK(fy25q2 >= fy25q2);
    CHECK(fy25q2 <= fy25q2);
    CHECK_FALSE(fy25q1 < fy25);
    CHECK(fy25q1 == Period::quarter(2025, 1));
    CHECK(fy25q1 != fy25q2);
    CHECK(fy25 != fy25q1);

    QList<Period> shuffled{fy26q1, fy25q2, fy26, fy24q4, fy25q4, fy25, fy25q1};
    std::sort(shuffled.begin(), shuffled.end());
    CHECK(codes(shuffled) == QStringList{u"FY2024-Q4"_s, u"FY2025"_s, u"FY2025-Q1"_s,
                                         u"FY2025-Q2"_s, u"FY2025-Q4"_s, u"FY2026"_s,
                                         u"FY2026-Q1"_s});
}

TEST_CASE("Period: a year contains itself and its quarters but a quarter only itself", "[period]")
{
    const Period fy = Period::year(2025);
    CHECK(fy.contains(fy));
    for (int q = 1; q <= 4; ++q)
        CHECK(fy.contains(Period::quarter(2025, q)));
    CHECK_FALSE(fy.contains(Period::year(2024)));
    CHECK_FALSE(fy.contains(Period::year(2026)));
    CHECK_FALSE(fy.contains(Period::quarter(2024, 4)));
    CHECK_FALSE(fy.contains(Period::quarter(2026, 1)));

    const Period q2 = Period::quarter(2025, 2);
    CHECK(q2.contains(q2));
    CHECK_FALSE(q2.contains(fy));
    CHECK_FALSE(q2.contains(Period::quarter(2025, 1)));
    CHECK_FALSE(q2.contains(Period::quarter(2025, 3)));
    CHECK_FALSE(q2.contains(Period::quarter(2024, 2)));
}

TEST_CASE("Period: quarters() lists a year's four quarters in order, a quarter itself", "[period]")
{
    CHECK(codes(Period::year(2025).quarters()) ==
          QStringList{u"FY2025-Q1"_s, u"FY2025-Q2"_s, u"FY2025-Q3"_s, u"FY2025-Q4"_s});
    CHECK(codes(Period::quarter(2025, 3).quarters()) == QStringList{u"FY2025-Q3"_s});
    for (const Period& q : Period::year(2025).quarters())
        CHECK(q.fiscalYearPeriod() == Period::year(2025));
}
