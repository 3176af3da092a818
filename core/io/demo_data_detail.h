#pragma once

// Internal to the demo generator (demo_data.cpp, demo_registers.cpp): the rows it generates,
// kept in memory so that the officers' claims are computed from them without queries.

#include "core/model/decimal.h"
#include "core/model/period.h"
#include "core/result.h"

#include <QDate>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace dli {

class Session;

namespace demo {

// The demo's observations run over FY2024-Q1 .. FY2026-Q4: twelve quarters, index 0 to 11.
inline constexpr int FirstYear = 2024;
inline constexpr int Years = 3;
inline constexpr int Quarters = Years * 4;

inline Period quarterAt(int index)
{
    return Period::quarter(FirstYear + index / 4, index % 4 + 1);
}

// Draws from the demo's seeded generator.
class Dice {
public:
    explicit Dice(QRandomGenerator& rng) : m_rng(rng) {}
    QRandomGenerator& generator() { return m_rng; }
    int below(int n) { return n <= 1 ? 0 : m_rng.bounded(n); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); } // inclusive
    bool percent(int p) { return below(100) < p; }
    template <typename T> const T& pick(const QList<T>& list)
    {
        return list[below(static_cast<int>(list.size()))];
    }
    // An index drawn with the given weights.
    int weighted(const QList<int>& weights);

private:
    QRandomGenerator& m_rng;
};

// The six clusters of the demo program, in program order.
struct Cluster {
    QString code;
    QString city;
    int latMicro = 0; // the city's centre, in millionths of a degree
    int lonMicro = 0;
    int share = 0;       // percent of the firms
    int womenOwned = 0;  // percent of its firms owned by women
    int exportShare = 0; // percent of its firms that are export-oriented
    int womenJobs = 0;   // percent of new jobs that go to women
};
const QList<Cluster>& clusters();

struct Firm {
    QString id;
    QString code;
    QString name;
    int cluster = 0; // index into clusters()
    QString size;
    bool womenOwned = false;
    bool exportOriented = false;
    int firstCompleted = -1; // quarter index of its first completed service, -1 if none
    int firstExport = -1;    // quarter index of its first export, for first-time exporters
};

struct Service {
    QString id;
    int firm = 0;
    QString type;
    QDate date;
    int quarter = 0;
    QString provider;
    QString status;
};

struct Trainee {
    int centre = 0; // 0: SDH, 1: ADRC
    bool female = false;
    bool completed = false;
    int quarter = 0;
};

struct ExportRow {
    int firm = 0;
    Period period;
    bool customs = true;
    qint64 usdCents = 0;
};

struct Registers {
    QList<Firm> firms;
    QList<Service> services;
    QList<Trainee> trainees;
    QList<ExportRow> exports;
};

inline const QStringList& centreCodes()
{
    static const QStringList codes{QStringLiteral("SDH"), QStringLiteral("ADRC")};
    return codes;
}

// Generates the four registers and writes them through the session's register writers.
Result<Registers> writeRegisters(Session& session, int startMonth, Dice& dice);

} // namespace demo
} // namespace dli
