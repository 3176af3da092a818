#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHashFunctions>
#include <QList>
#include <QString>
#include <compare>

namespace dli {

// A fiscal year or a fiscal quarter. A fiscal year is named by the calendar year in which it
// ends (FY2025 = July 2024 to June 2025 when the year starts in July). The start month is a
// program setting, so every date computation takes it.
class Period {
    Q_DECLARE_TR_FUNCTIONS(Period)
public:
    enum class Kind { Year, Quarter };
    static constexpr int DefaultStartMonth = 7;
    static constexpr int MinYear = 1950;
    static constexpr int MaxYear = 2200;

    Period() = default;
    static Period year(int fiscalYear);
    static Period quarter(int fiscalYear, int quarter);
    // The year or quarter that holds a date.
    static Period containing(QDate date, Kind kind, int startMonth = DefaultStartMonth);

    // Accepts the canonical codes FY2025 and FY2025-Q1, and also "2024-25", "2024-25 Q1",
    // "FY25" and "FY25Q1". Refuses anything ambiguous ("2025", "Q1 2025") with a message
    // saying how to write it, and spellings the start month cannot express ("2024-25" when
    // fiscal years are calendar years).
    static Result<Period> parse(QStringView text, int startMonth = DefaultStartMonth);

    bool isValid() const { return m_fiscalYear != 0; }
    Kind kind() const { return m_quarter == 0 ? Kind::Year : Kind::Quarter; }
    bool isYear() const { return m_quarter == 0; }
    bool isQuarter() const { return m_quarter != 0; }
    int fiscalYear() const { return m_fiscalYear; }
    int quarterNumber() const { return m_quarter; } // 1..4, 0 for a year

    // Canonical code: "FY2025" or "FY2025-Q1".
    QString code() const;
    // For people: "2024-25" or "2024-25 Q1" (a calendar fiscal year reads "2025").
    QString label(int startMonth = DefaultStartMonth) const;

    QDate start(int startMonth = DefaultStartMonth) const;
    QDate end(int startMonth = DefaultStartMonth) const;
    bool containsDate(QDate date, int startMonth = DefaultStartMonth) const;
    // A year contains itself and its quarters; a quarter only itself.
    bool contains(const Period& other) const;

    Period fiscalYearPeriod() const { return year(m_fiscalYear); }
    QList<Period> quarters() const;
    Period next() const;
    Period previous() const;

    // Chronological by start, a year before its own first quarter.
    friend auto operator<=>(const Period& a, const Period& b)
    {
        if (auto c = a.m_fiscalYear <=> b.m_fiscalYear; c != 0)
            return c;
        return a.m_quarter <=> b.m_quarter;
    }
    friend bool operator==(const Period&, const Period&) = default;

private:
    int m_fiscalYear = 0;
    int m_quarter = 0;
};

inline size_t qHash(const Period& p, size_t seed = 0)
{
    return ::qHash(p.fiscalYear() * 8 + p.quarterNumber(), seed);
}

} // namespace dli
