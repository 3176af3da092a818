#pragma once

#include "core/model/decimal.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>

namespace dli {

// A compiled arithmetic expression over indicator codes, such as `100 * EXP_WOMEN / EXP_ALL`,
// evaluated with muParser (DOMAIN.md, "Where an indicator's value comes from"). Operators,
// functions (min, max, abs, sum, avg ...) and the constants _pi and _e are muParser's. The
// result is rounded half away from zero to six decimals.
//
// Copies share one compiled parser (compiling is not cheap); evaluation is serialised inside,
// so copies may be evaluated from several threads. Moving or copying an Expression never
// invalidates the storage muParser binds its variables to. No exception leaves this class.
class Expression {
    Q_DECLARE_TR_FUNCTIONS(Expression)
public:
    // An empty expression: no variables, and evaluate() fails. Use compile() to make one.
    Expression() = default;

    // Parses the text. A syntax error fails with ErrorCode::InvalidInput and muParser's message
    // with the place in words, e.g. `syntax error in "1 +* 2" at character 4: Unexpected
    // operator "*" found`. Also refused: "=" (muParser's assignment; a comparison is "=="),
    // several expressions separated by commas, and numbers muParser cannot hold.
    static Result<Expression> compile(const QString& text);

    bool isValid() const { return m_state != nullptr; }
    // The text it was compiled from.
    QString text() const;
    // The names it uses, in order of first use, each once; muParser's constants (_pi, _e) and
    // function names are not variables.
    QStringList variables() const;

    // Evaluates with the given value for every variable (extra entries are ignored). Fails when
    // a variable has no value, when the result is not a finite number (a division by zero), or
    // when it is too large for a Decimal; else the result rounded half away from zero to six
    // decimals.
    Result<Decimal> evaluate(const QHash<QString, Decimal>& values) const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace dli
