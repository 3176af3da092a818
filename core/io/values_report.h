#pragma once

#include "core/engine/indicator_value.h"
#include "core/model/program.h"
#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace dli {

class Session;
class ValueCalculator;

// Which values `dlitracker-cli values` lists: by default every indicator, for every fiscal year
// of the program (and every quarter for quarterly indicators), for the whole program.
struct ValuesQuery {
    QString indicator;            // empty: all
    std::optional<Period> period; // empty: all the program's years and quarters
    QString orgUnit;              // empty: the program's root unit
    bool claims = false;          // register-defined indicators from their observations
};

struct ValueRow {
    QString indicator;
    Period period;
    QString orgUnit;
    IndicatorValue value;
};

class ValuesReport {
    Q_DECLARE_TR_FUNCTIONS(ValuesReport)
public:
    // A calculator over the session's observations (but those in `without`) and registers.
    static Result<std::unique_ptr<ValueCalculator>> calculator(Session& session,
                                                               const Program& program,
                                                               bool claims = false,
                                                               const QSet<QString>& without = {});
    static Result<QList<ValueRow>> compute(Session& session, const Program& program,
                                           const ValuesQuery& query);
    static QString text(const Program& program, const QList<ValueRow>& rows);
    static QByteArray json(const Program& program, const QList<ValueRow>& rows);
};

} // namespace dli
