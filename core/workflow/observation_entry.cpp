#include "core/workflow/observation_entry.h"

#include "core/auth/auth.h"
#include "core/engine/observation_checker.h"
#include "core/engine/rule_engine.h"
#include "core/engine/value_calculator.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"
#include "core/workflow/workflow.h"

#include <QSet>

using namespace Qt::StringLiterals;
namespace State = dli::ObservationState;

namespace dli {

namespace {

// The where clause that selects rows by one text column; ids are UUIDs, quoted all the same.
QString whereEquals(const QString& column, const QString& value)
{
    QString quoted = value;
    quoted.replace(u'\'', u"''"_s);
    return column + u" = '"_s + quoted + u'\'';
}

// The first error's message, to say in one line why something was refused.
QString firstError(const QList<ObservationEntry::Problem>& problems)
{
    for (const auto& p : problems) {
        if (p.severity == Severity::Error)
            return p.message;
    }
    return {};
}

QString keyOf(const Observation& o)
{
    QStringList parts{o.indicator, o.period.code(), o.orgUnit, o.category};
    parts.removeAll(QString());
    return parts.join(u", "_s);
}

bool sameKey(const Observation& a, const Observation& b)
{
    return a.indicator == b.indicator && a.period == b.period && a.orgUnit == b.orgUnit &&
           a.category == b.category;
}

} // namespace

ObservationInput ObservationEntry::inputOf(const Observation& o)
{
    return {o.indicator,        o.period.code(), o.orgUnit, o.category,
            o.value.toString(), o.source,        o.note};
}

Result<Observation> ObservationEntry::parse(const ObservationInput& in,
                                            QList<Problem>& problems) const
{
    Observation o;
    o.indicator = in.indicator.trimmed();
    o.orgUnit = in.orgUnit.trimmed();
    o.category = in.category.trimmed();
    o.source = in.source.trimmed();
    o.note = in.note.trimmed();
    auto required = [&](const QString& text, const QString& field) {
        if (!text.trimmed().isEmpty())
            return true;
        problems << Problem{field, Severity::Error, tr("%1 is required").arg(field)};
        return false;
    };
    required(in.indicator, u"indicator"_s);
    if (required(in.period, u"period"_s)) {
        auto period = Period::parse(in.period.trimmed(), m_program.fiscalYearStartMonth);
        if (period)
            o.period = period.value();
        else
            problems << Problem{u"period"_s, Severity::Error, period.error().message};
    }
    required(in.orgUnit, u"org_unit"_s);
    if (required(in.value, u"value"_s)) {
        auto value = Decimal::parse(in.value.trimmed());
        if (value)
            o.value = value.value();
        else
            problems << Problem{u"value"_s, Severity::Error, value.error().message};
    }
    return o;
}

Result<QList<ObservationEntry::Problem>> ObservationEntry::check(const ObservationInput& input,
                                                                 const QString& amending)
{
    QList<Problem> problems;
    Observation candidate;
    DLI_ASSIGN(candidate, parse(input, problems));
    QSet<QString> unreadable;
    for (const Problem& p : std::as_const(problems))
        unreadable.insert(p.field);
    for (const auto& p : ObservationChecker::check(m_program, candidate)) {
        if (!unreadable.contains(p.field))
            problems << Problem{p.field, Severity::Error, p.message};
    }
    if (!problems.isEmpty())
        return problems;

    QList<Observation> stored;
    DLI_ASSIGN(stored, m_session.observations().all());
    // One observation per key: the one amended keeps its own.
    for (const Observation& o : std::as_const(stored)) {
        if (o.id == amending) {
            if (!sameKey(o, candidate))
                problems << Problem{{},
                                    Severity::Error,
                                    tr("an amendment changes the value and the note only; "
                                       "observation %1 is %2")
                                        .arg(o.id, keyOf(o))};
            candidate.id = o.id;
            candidate.state = o.state;
            candidate.reporter = o.reporter;
        } else if (sameKey(o, candidate)) {
            problems << Problem{{},
                                Severity::Error,
                                tr("%1 is already in the database (observation %2, %3); amend "
                                   "that one instead")
                                    .arg(keyOf(candidate), o.id, o.state)};
        }
    }
    if (!amending.isEmpty() && candidate.id.isEmpty())
        return Error(ErrorCode::NotFound, tr("no observation %1").arg(amending));
    if (!problems.isEmpty())
        return problems;
    DLI_TRY(checkRules(candidate, amending, stored, problems));
    return problems;
}

Status ObservationEntry::checkRules(const Observation& candidate, const QString& amending,
                                    const QList<Observation>& stored, QList<Problem>& problems)
{
    RegisterRepository& registers = m_session.registers();
    const auto aggregate = [&registers](const IndicatorSource& s, const QDate& from,
                                        const QDate& to, const QStringList& units) {
        return registers.aggregate(s, from, to, units);
    };
    QList<Observation> after = stored;
    after.removeIf([&amending](const Observation& o) { return o.id == amending; });
    Observation added = candidate;
    if (added.id.isEmpty())
        added.id = u"(new)"_s;
    after << added;
    ValueCalculator now(m_program, after, aggregate, ValueCalculator::Basis::Claims);
    ValueCalculator before(m_program, stored, aggregate, ValueCalculator::Basis::Claims);

    // The figure changes its own period and unit, its fiscal year, the units above it, and, for
    // a cumulative figure or a level, every later period: as an import, a rule that fails there
    // and did not fail before is this figure's doing.
    QList<Period> periods{candidate.period};
    if (candidate.period.isQuarter())
        periods << candidate.period.fiscalYearPeriod();
    if (const Indicator* x = m_program.indicator(candidate.indicator);
        x && (x->cumulative || x->aggregation == Aggregation::Latest)) {
        for (Period later = candidate.period.next();
             later.fiscalYear() <= m_program.lastYear().fiscalYear(); later = later.next()) {
            periods << later;
            if (later.isQuarter() && later.quarterNumber() == 4)
                periods << later.fiscalYearPeriod();
        }
    }
    QStringList units;
    for (QString unit = candidate.orgUnit; !unit.isEmpty();) {
        units << unit;
        const OrgUnit* u = m_program.orgUnit(unit);
        unit = u ? u->parent : QString();
    }
    QSet<QString> reported; // rule|unit: each rule once per unit, at the first period it fails
    QSet<QString> failedOwn;
    for (const Period& p : std::as_const(periods)) {
        for (const QString& unit : std::as_const(units)) {
            const bool own = p == candidate.period && unit == candidate.orgUnit;
            QList<Violation> found;
            DLI_ASSIGN(found, RuleEngine::evaluate(m_program, now, {p}, {unit}));
            if (found.isEmpty())
                continue;
            QList<Violation> old;
            DLI_ASSIGN(old, RuleEngine::evaluate(m_program, before, {p}, {unit}));
            for (const Violation& v : std::as_const(found)) {
                if (old.contains(v))
                    continue;
                const QString once = v.rule + u'|' + v.orgUnit;
                if (reported.contains(once) || (!own && failedOwn.contains(v.rule)))
                    continue;
                reported.insert(once);
                if (own)
                    failedOwn.insert(v.rule);
                problems << Problem{u"value"_s, v.severity,
                                    tr("rule %1 for %2 at %3: %4 (%5 against %6)")
                                        .arg(v.rule, v.period.code(), v.orgUnit, v.message,
                                             v.left.toString(), v.right.toString())};
            }
        }
    }
    return {};
}

Error ObservationEntry::refusal(const QString& what, const QList<Problem>& problems)
{
    Error e(ErrorCode::InvalidInput, what);
    for (const Problem& p : problems) {
        if (p.severity == Severity::Error)
            e.details << (p.field.isEmpty() ? p.message : p.field + u": "_s + p.message);
    }
    return e;
}

Result<QString> ObservationEntry::create(const ObservationInput& input, const QString& id)
{
    DLI_TRY(Auth::require(m_session, {Role::Officer}, tr("entering observations")));
    QList<Problem> problems;
    DLI_ASSIGN(problems, check(input));
    QList<Problem> ignored;
    Observation o;
    DLI_ASSIGN(o, parse(input, ignored));
    const auto errors = std::count_if(problems.cbegin(), problems.cend(), [](const Problem& p) {
        return p.severity == Severity::Error;
    });
    if (errors > 0)
        return refusal(tr("the observation was not saved: %1").arg(firstError(problems)), problems);
    o.id = id;
    o.state = State::Draft;
    o.reporter.clear(); // the current user
    Transaction tx(m_session.database());
    DLI_TRY(tx.begun());
    QString newId;
    DLI_ASSIGN(newId, m_session.observations().insert(o));
    auto entry =
        m_session.audit().recordRow(u"observation.add"_s, u"observations"_s, newId, std::nullopt);
    if (!entry)
        return entry.error();
    DLI_TRY(tx.commit());
    emit m_session.notifier().observationsChanged();
    return newId;
}

Status ObservationEntry::removeDraft(const QString& id)
{
    DLI_TRY(Auth::require(m_session, {Role::Officer}, tr("removing a draft observation")));
    Transaction tx(m_session.database());
    DLI_TRY(tx.begun());
    Observation o;
    DLI_ASSIGN(o, m_session.observations().find(id));
    if (o.state != State::Draft)
        return Error(ErrorCode::Forbidden,
                     tr("observation %1 is %2; only a draft can be taken back").arg(id, o.state));
    const QString me = m_session.options().userName;
    if (o.reporter != me)
        return Error(ErrorCode::Forbidden,
                     tr("observation %1 was reported by %2; only its reporter can take it back")
                         .arg(id, o.reporter));
    if (!o.replaces.isEmpty())
        return Error(ErrorCode::Forbidden,
                     tr("observation %1 replaces %2; a replacement stays, amend it instead")
                         .arg(id, o.replaces));
    std::int64_t files = 0;
    DLI_ASSIGN(files, m_session.observations().evidenceCount(id));
    if (files > 0)
        return Error(
            ErrorCode::Conflict,
            tr("observation %1 has evidence attached; it stays, amend it instead").arg(id));
    auto transitions = m_session.audit().deleteRows(u"observation.delete"_s, u"transitions"_s,
                                                    whereEquals(u"observation_id"_s, id));
    if (!transitions)
        return transitions.error();
    auto removed = m_session.audit().deleteRows(u"observation.delete"_s, u"observations"_s,
                                                whereEquals(u"id"_s, id));
    if (!removed)
        return removed.error();
    if (removed.value() == 0)
        return Error(ErrorCode::NotFound, tr("no observation %1").arg(id));
    DLI_TRY(tx.commit());
    emit m_session.notifier().observationsChanged();
    return {};
}

Status ObservationEntry::amend(const QString& id, const QString& value,
                               const std::optional<QString>& note)
{
    DLI_TRY(Auth::require(m_session, {Role::Officer}, tr("amending observations"), true));
    Observation stored;
    DLI_ASSIGN(stored, m_session.observations().find(id));
    ObservationInput input = inputOf(stored);
    input.value = value;
    if (note)
        input.note = *note;
    QList<Problem> problems;
    DLI_ASSIGN(problems, check(input, id));
    const auto errors = std::count_if(problems.cbegin(), problems.cend(), [](const Problem& p) {
        return p.severity == Severity::Error;
    });
    if (errors > 0)
        return refusal(tr("the amendment was not saved: %1").arg(firstError(problems)), problems);
    Workflow workflow(m_session, m_program);
    return workflow.amend(id, Decimal::parse(value.trimmed()).value(),
                          note ? std::optional<QString>(note->trimmed()) : std::nullopt);
}

} // namespace dli
