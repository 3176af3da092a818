#include "core/engine/expression.h"

#include <QRegularExpression>
#include <cmath>
#include <deque>
#include <exception>
#include <muParser.h>
#include <mutex>

using namespace Qt::StringLiterals;

namespace dli {

// The compiled parser and the doubles it binds the variables to. It lives on the heap behind a
// shared_ptr, so the addresses muParser holds stay valid however the Expression is moved.
struct Expression::State {
    QString text;
    QStringList names;         // in order of first use
    std::deque<double> values; // values[i] is bound to names[i]; a deque never moves elements
    mutable std::mutex mutex;  // one evaluation at a time: the bound values are shared
    mu::Parser parser;         // declared last: destroyed before the values it points to

    // muParser's variable factory: called once per unknown name, in the order the parser
    // meets them, which gives the variables in order of first use.
    static mu::value_type* create(const mu::char_type* name, void* data)
    {
        auto* self = static_cast<State*>(data);
        self->names << QString::fromStdString(mu::string_type(name));
        self->values.push_back(0.0);
        return &self->values.back();
    }
};

namespace {

// "Unexpected operator "*" found at position 3" -> "Unexpected operator "*" found": the place
// is given by the caller, in characters counted from 1.
QString withoutPosition(const mu::Parser::exception_type& e)
{
    static const QRegularExpression where(
        uR"((\s+at\s+(expression\s+)?position\s+-?\d+)?\s*\.?\s*$)"_s);
    QString message = QString::fromStdString(e.GetMsg());
    message.remove(where);
    return message;
}

Error syntaxError(const QString& text, const QByteArray& utf8, const mu::Parser::exception_type& e)
{
    const QString message = withoutPosition(e);
    const int pos = e.GetPos();
    if (pos < 0)
        return Error(ErrorCode::InvalidInput,
                     Expression::tr("syntax error in \"%1\": %2").arg(text, message));
    // muParser counts bytes of UTF-8; people count characters, from 1.
    const qsizetype character = QString::fromUtf8(utf8.left(pos)).size();
    if (character >= text.size())
        return Error(ErrorCode::InvalidInput,
                     Expression::tr("syntax error in \"%1\" at the end: %2").arg(text, message));
    return Error(ErrorCode::InvalidInput,
                 Expression::tr("syntax error in \"%1\" at character %2: %3")
                     .arg(text, QString::number(character + 1), message));
}

} // namespace

Result<Expression> Expression::compile(const QString& text)
{
    if (text.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, tr("the expression is empty"));
    // muParser reads a lone "=" as an assignment to a variable; in a formula or rule it can
    // only be a mistyped comparison.
    static const QRegularExpression assignment(uR"((?<![<>=!])=(?!=))"_s);
    if (const auto m = assignment.match(text); m.hasMatch())
        return Error(ErrorCode::InvalidInput,
                     tr("syntax error in \"%1\" at character %2: \"=\" is not an operator here; "
                        "to compare, write \"==\"")
                         .arg(text, QString::number(m.capturedStart() + 1)));

    auto state = std::make_shared<State>();
    state->text = text;
    const QByteArray utf8 = text.toUtf8();
    try {
        state->parser.SetVarFactory(&State::create, state.get());
        state->parser.SetExpr(mu::string_type(utf8.constData(), static_cast<size_t>(utf8.size())));
        // Parses the whole text, creating the variables through the factory.
        (void)state->parser.GetUsedVar();
        // Builds the byte code once (all variables 0) and tells how many results it gives.
        (void)state->parser.Eval();
        if (state->parser.GetNumResults() != 1)
            return Error(ErrorCode::InvalidInput,
                         tr("syntax error in \"%1\": one expression is expected, found %2 "
                            "separated by commas")
                             .arg(text, QString::number(state->parser.GetNumResults())));
    } catch (const mu::Parser::exception_type& e) {
        return syntaxError(text, utf8, e);
    } catch (const std::exception& e) {
        return Error(
            ErrorCode::InvalidInput,
            tr("\"%1\" cannot be compiled: %2").arg(text, QString::fromLocal8Bit(e.what())));
    }
    // A "name" that starts with a digit is a number muParser could not read (e.g. 1e400).
    for (const QString& name : std::as_const(state->names)) {
        if (!name.front().isLetter() && name.front() != u'_')
            return Error(ErrorCode::InvalidInput,
                         tr("syntax error in \"%1\": %2 is neither a number that can be held "
                            "nor an indicator code")
                             .arg(text, name));
    }
    Expression x;
    x.m_state = std::move(state);
    return x;
}

QString Expression::text() const
{
    return m_state ? m_state->text : QString();
}

QStringList Expression::variables() const
{
    return m_state ? m_state->names : QStringList();
}

Result<Decimal> Expression::evaluate(const QHash<QString, Decimal>& values) const
{
    if (!m_state)
        return Error(ErrorCode::InvalidInput, tr("there is no expression to evaluate"));
    State& s = *m_state;
    const std::lock_guard lock(s.mutex);
    for (qsizetype i = 0; i < s.names.size(); ++i) {
        const auto it = values.constFind(s.names[i]);
        if (it == values.constEnd())
            return Error(ErrorCode::InvalidInput,
                         tr("\"%1\" cannot be evaluated: %2 has no value").arg(s.text, s.names[i]));
        s.values[static_cast<size_t>(i)] = it->toDouble();
    }
    double result = 0;
    try {
        result = s.parser.Eval();
    } catch (const mu::Parser::exception_type& e) {
        return Error(
            ErrorCode::InvalidInput,
            tr("\"%1\" cannot be evaluated: %2").arg(s.text, QString::fromStdString(e.GetMsg())));
    } catch (const std::exception& e) {
        return Error(
            ErrorCode::InvalidInput,
            tr("\"%1\" cannot be evaluated: %2").arg(s.text, QString::fromLocal8Bit(e.what())));
    }
    if (!std::isfinite(result))
        return Error(ErrorCode::InvalidInput,
                     tr("\"%1\" gives no number: division by zero, or a function outside its "
                        "domain")
                         .arg(s.text));
    auto rounded = Decimal::fromDoubleRounded(result);
    if (!rounded)
        return Error(ErrorCode::InvalidInput,
                     tr("\"%1\": %2").arg(s.text, rounded.error().message));
    return rounded;
}

} // namespace dli
