#include "core/model/program_checker.h"

#include "core/engine/expression.h"
#include "core/model/int128.h"
#include "core/model/register_fields.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <functional>
#include <limits>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString at(const QString& list, qsizetype i)
{
    return list + u'[' + QString::number(i) + u']';
}

class Checker {
public:
    explicit Checker(const Program& p) : m_p(p) {}

    QStringList run()
    {
        checkProgram();
        checkUnique(m_p.resultAreas, u"result_areas"_s);
        checkOrgUnits();
        checkIndicators();
        checkFormulaCycles();
        checkDlis();
        checkRules();
        return m_errors;
    }

private:
    void add(const QString& path, const QString& message) { m_errors << path + u": "_s + message; }
    QString money(Money m) const { return m.format(m_p.currency); }
    // A sum of allocations, added up wide so that huge amounts in a file cannot overflow.
    QString money(Int128 sum) const
    {
        constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
        if (sum > kMax || sum < -kMax)
            return ProgramChecker::tr("an amount too large to hold");
        return money(Money::fromMinor(static_cast<std::int64_t>(sum)));
    }
    int sm() const { return m_p.fiscalYearStartMonth; }

    template <typename T> void checkUnique(const QList<T>& items, const QString& list)
    {
        QHash<QString, qsizetype> seen;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString& code = items[i].code;
            if (seen.contains(code))
                add(at(list, i) + u".code"_s,
                    ProgramChecker::tr("duplicate code \"%1\" (also at %2)")
                        .arg(code, at(list, seen.value(code))));
            else
                seen.insert(code, i);
        }
    }

    void checkProgram()
    {
        if (m_p.financing <= Money())
            add(u"program.financing"_s, ProgramChecker::tr("must be more than zero"));
        if (m_p.signingDate.isValid() && m_p.closingDate.isValid() &&
            m_p.closingDate <= m_p.signingDate)
            add(u"program.closing_date"_s, ProgramChecker::tr("%1 is not after the signing date %2")
                                               .arg(m_p.closingDate.toString(Qt::ISODate),
                                                    m_p.signingDate.toString(Qt::ISODate)));
        const Decimal one = Decimal::fromInt(1);
        if (m_p.advanceCapShare.isNegative() || m_p.advanceCapShare > one)
            add(u"program.advance_cap_share"_s,
                ProgramChecker::tr("a share lies between 0 and 1 (0.25 is 25%)"));
        if (m_p.priorResultsCapShare.isNegative() || m_p.priorResultsCapShare > one)
            add(u"program.prior_results_cap_share"_s,
                ProgramChecker::tr("a share lies between 0 and 1 (0.2 is 20%)"));
    }

    void checkOrgUnits()
    {
        checkUnique(m_p.orgUnits, u"org_units"_s);
        int roots = 0;
        for (qsizetype i = 0; i < m_p.orgUnits.size(); ++i) {
            const OrgUnit& u = m_p.orgUnits[i];
            const QString path = at(u"org_units"_s, i);
            if (u.kind == OrgUnitKind::Program) {
                ++roots;
                if (!u.parent.isEmpty())
                    add(path + u".parent"_s,
                        ProgramChecker::tr("the program unit is the root of the tree and has no "
                                           "parent"));
                continue;
            }
            const OrgUnit* parent = m_p.orgUnit(u.parent);
            if (u.parent.isEmpty()) {
                add(path + u".parent"_s, ProgramChecker::tr("a %1 needs a parent")
                                             .arg(enumToString(kOrgUnitKindNames, u.kind)));
            } else if (!parent) {
                add(path + u".parent"_s,
                    ProgramChecker::tr("unknown org unit \"%1\"").arg(u.parent));
            } else if (u.kind == OrgUnitKind::Cluster && parent->kind != OrgUnitKind::Program) {
                add(path + u".parent"_s,
                    ProgramChecker::tr("a cluster belongs to the program unit, not to \"%1\"")
                        .arg(u.parent));
            } else if (u.kind == OrgUnitKind::Centre && parent->kind != OrgUnitKind::Cluster) {
                add(path + u".parent"_s,
                    ProgramChecker::tr("a centre belongs to a cluster, not to \"%1\"")
                        .arg(u.parent));
            }
        }
        if (roots != 1)
            add(u"org_units"_s, ProgramChecker::tr("exactly one unit of kind \"program\" is needed "
                                                   "at the root of the tree, found %1")
                                    .arg(roots));
    }

    void checkPeriodInRange(const QString& path, const Period& period)
    {
        if (period.isValid() && !m_p.periodInRange(period))
            add(path, m_p.outsideMessage(period.code()));
    }

    void checkIndicators()
    {
        checkUnique(m_p.indicators, u"indicators"_s);
        for (qsizetype i = 0; i < m_p.indicators.size(); ++i) {
            const Indicator& x = m_p.indicators[i];
            const QString path = at(u"indicators"_s, i);
            static const QRegularExpression codeForm(uR"(^[A-Za-z][A-Za-z0-9_]*$)"_s);
            if (!x.code.isEmpty() && !codeForm.match(x.code).hasMatch())
                add(path + u".code"_s,
                    ProgramChecker::tr("\"%1\": an indicator code is letters, digits and _, "
                                       "starting with a letter, so that formulas and rules can "
                                       "name it")
                        .arg(x.code));
            const bool unitsExist =
                std::any_of(m_p.orgUnits.begin(), m_p.orgUnits.end(),
                            [&](const OrgUnit& u) { return u.kind == x.reportedAt; });
            // A missing program unit is reported once, by the tree check.
            if (!unitsExist && x.reportedAt != OrgUnitKind::Program)
                add(path + u".reported_at"_s,
                    ProgramChecker::tr("no org unit of kind %1 exists to report at")
                        .arg(enumToString(kOrgUnitKindNames, x.reportedAt)));
            if (!x.resultArea.isEmpty() && !m_p.resultArea(x.resultArea))
                add(path + u".result_area"_s,
                    ProgramChecker::tr("unknown result area \"%1\"").arg(x.resultArea));
            const bool binaryUnit =
                x.unit == IndicatorUnit::YesNo || x.unit == IndicatorUnit::Milestone;
            if (binaryUnit && x.baseline.value != Decimal() &&
                x.baseline.value != Decimal::fromInt(1))
                add(path + u".baseline.value"_s,
                    ProgramChecker::tr("a %1 indicator is 1 for yes and 0 for no")
                        .arg(enumToString(kIndicatorUnitNames, x.unit)));
            if (x.tolerance.isNegative() || x.tolerance > Decimal::fromInt(1))
                add(path + u".tolerance"_s,
                    ProgramChecker::tr("a share lies between 0 and 1 (0.05 is 5%)"));
            if (x.disaggregation) {
                if (x.disaggregation->categories.isEmpty())
                    add(path + u".disaggregation.categories"_s,
                        ProgramChecker::tr("list at least one category"));
                for (const QString& c : x.disaggregation->categories) {
                    if (c.trimmed().isEmpty())
                        add(path + u".disaggregation.categories"_s,
                            ProgramChecker::tr("a category must not be blank"));
                }
                QStringList categories = x.disaggregation->categories;
                if (categories.removeDuplicates() > 0)
                    add(path + u".disaggregation.categories"_s,
                        ProgramChecker::tr("a category is listed twice"));
            }
            QSet<Period> targetPeriods;
            for (qsizetype t = 0; t < x.targets.size(); ++t) {
                const QString tp = at(path + u".targets"_s, t) + u".period"_s;
                checkPeriodInRange(tp, x.targets[t].period);
                if (x.frequency == Frequency::Yearly && x.targets[t].period.isQuarter())
                    add(tp, ProgramChecker::tr("indicator %1 is reported yearly, so its targets "
                                               "are for fiscal years, not %2")
                                .arg(x.code, x.targets[t].period.code()));
                if (x.baseline.date.isValid() && m_p.periodInRange(x.targets[t].period) &&
                    x.targets[t].period.end(sm()) <= x.baseline.date)
                    add(tp, ProgramChecker::tr("%1 ends on or before the baseline date %2")
                                .arg(x.targets[t].period.code(),
                                     x.baseline.date.toString(Qt::ISODate)));
                if (targetPeriods.contains(x.targets[t].period))
                    add(tp, ProgramChecker::tr("a second target for %1")
                                .arg(x.targets[t].period.code()));
                targetPeriods.insert(x.targets[t].period);
            }
            if (x.source.kind == SourceKind::Formula)
                checkExpression(path + u".source.formula"_s, x.source.formula);
            if (x.source.kind == SourceKind::Register)
                checkRegisterSource(path + u".source"_s, x.source);
        }
    }

    // The summed field and the filters must be columns of the register (RegisterFields), with
    // values the register can hold.
    void checkRegisterSource(const QString& path, const IndicatorSource& source)
    {
        const RegisterSpec& spec = RegisterFields::forRegister(source.registerKind);
        QStringList names;
        for (const FieldSpec& f : spec.fields)
            names << f.name;
        if (source.measure == RegisterMeasure::Sum) {
            const FieldSpec* f = spec.field(source.field);
            if (!f || f->type != FieldType::Decimal) {
                QStringList numbers;
                for (const FieldSpec& g : spec.fields) {
                    if (g.type == FieldType::Decimal)
                        numbers << g.name;
                }
                add(path + u".field"_s,
                    ProgramChecker::tr("the %1 register has no number field \"%2\" to sum; it "
                                       "has %3")
                        .arg(spec.table, source.field,
                             numbers.isEmpty() ? ProgramChecker::tr("none")
                                               : numbers.join(u", "_s)));
            }
        }
        for (auto it = source.filters.cbegin(); it != source.filters.cend(); ++it) {
            const QString fp = path + u".filters."_s + it.key();
            if (it.key() == u"cluster"_s) {
                const OrgUnit* u = m_p.orgUnit(it.value());
                if (!u || u->kind != OrgUnitKind::Cluster)
                    add(fp, ProgramChecker::tr("\"%1\" is not a cluster of the program")
                                .arg(it.value()));
                continue;
            }
            const FieldSpec* f = spec.field(it.key());
            if (!f) {
                add(fp, ProgramChecker::tr("the %1 register has no field \"%2\"; it has %3")
                            .arg(spec.table, it.key(), names.join(u", "_s)));
            } else if (f->type == FieldType::Choice && !f->choices.contains(it.value())) {
                add(fp, ProgramChecker::tr("expected one of %1; got \"%2\"")
                            .arg(f->choices.join(u", "_s), it.value()));
            } else if (f->type == FieldType::Boolean && !RegisterFields::parseBoolean(it.value())) {
                add(fp, ProgramChecker::tr("expected yes or no; got \"%1\"").arg(it.value()));
            }
        }
    }

    // A formula or one side of a rule: compiled with muParser, naming only known indicators.
    void checkExpression(const QString& path, const QString& text)
    {
        const auto e = Expression::compile(text);
        if (!e) {
            add(path, e.error().message);
            return;
        }
        for (const QString& id : e->variables()) {
            if (!m_p.indicator(id))
                add(path, ProgramChecker::tr("unknown indicator \"%1\"").arg(id));
        }
    }

    void checkFormulaCycles()
    {
        // Depth-first search over "formula uses indicator" edges; grey marks the current path.
        enum class Mark { White, Grey, Black };
        QHash<QString, Mark> marks;
        QStringList stack;
        std::function<bool(const QString&)> visit = [&](const QString& code) -> bool {
            const Indicator* x = m_p.indicator(code);
            if (!x || x->source.kind != SourceKind::Formula)
                return false;
            const Mark m = marks.value(code, Mark::White);
            if (m == Mark::Black)
                return false;
            if (m == Mark::Grey) {
                stack << code;
                return true;
            }
            marks.insert(code, Mark::Grey);
            stack << code;
            for (const QString& id : ProgramChecker::identifiers(x->source.formula)) {
                if (visit(id))
                    return true;
            }
            stack.removeLast();
            marks.insert(code, Mark::Black);
            return false;
        };
        for (qsizetype i = 0; i < m_p.indicators.size(); ++i) {
            stack.clear();
            if (visit(m_p.indicators[i].code)) {
                const qsizetype start = stack.indexOf(stack.last());
                add(at(u"indicators"_s, i) + u".source.formula"_s,
                    ProgramChecker::tr("formulas refer to each other in a cycle: %1")
                        .arg(stack.mid(start).join(u" -> "_s)));
                return;
            }
        }
    }

    void checkDlis()
    {
        checkUnique(m_p.dlis, u"dlis"_s);
        Int128 total = 0;
        QHash<QString, QString> dliOfIndicator;
        QHash<QString, QString> dlrCodes;
        for (qsizetype i = 0; i < m_p.dlis.size(); ++i) {
            const Dli& d = m_p.dlis[i];
            const QString path = at(u"dlis"_s, i);
            total += d.allocation.minor();
            if (d.allocation <= Money())
                add(path + u".allocation"_s, ProgramChecker::tr("must be more than zero"));
            const Indicator* ind = m_p.indicator(d.indicator);
            if (!ind) {
                add(path + u".indicator"_s,
                    ProgramChecker::tr("unknown indicator \"%1\"").arg(d.indicator));
            } else if (dliOfIndicator.contains(d.indicator)) {
                add(path + u".indicator"_s,
                    ProgramChecker::tr("indicator \"%1\" already pays DLI %2")
                        .arg(d.indicator, dliOfIndicator.value(d.indicator)));
            } else {
                dliOfIndicator.insert(d.indicator, d.code);
            }
            if (d.protocol.maxErrorRate.isNegative() ||
                d.protocol.maxErrorRate > Decimal::fromInt(1))
                add(path + u".protocol.max_error_rate"_s,
                    ProgramChecker::tr("a share lies between 0 and 1 (0.1 is 10%)"));
            if (d.dlrs.isEmpty())
                add(path + u".dlrs"_s, ProgramChecker::tr("a DLI needs at least one DLR"));
            Int128 dlrTotal = 0;
            for (qsizetype r = 0; r < d.dlrs.size(); ++r) {
                const QString rp = at(path + u".dlrs"_s, r);
                const QString& code = d.dlrs[r].code;
                if (dlrCodes.contains(code))
                    add(rp + u".code"_s,
                        ProgramChecker::tr("duplicate DLR code \"%1\" (also at %2)")
                            .arg(code, dlrCodes.value(code)));
                else
                    dlrCodes.insert(code, rp);
                dlrTotal += d.dlrs[r].allocation.minor();
                checkDlr(d, static_cast<int>(r), ind, rp);
            }
            if (dlrTotal > d.allocation.minor())
                add(path + u".dlrs"_s,
                    ProgramChecker::tr("the DLR allocations add up to %1, more than the DLI's "
                                       "allocation of %2")
                        .arg(money(dlrTotal), money(d.allocation)));
        }
        if (total > m_p.financing.minor())
            add(u"dlis"_s, ProgramChecker::tr("the DLI allocations add up to %1, more than the "
                                              "program's financing of %2")
                               .arg(money(total), money(m_p.financing)));
    }

    void checkDlr(const Dli& d, int index, const Indicator* ind, const QString& path)
    {
        const Dlr& r = d.dlrs[index];
        checkPeriodInRange(path + u".period"_s, r.period);
        if (r.allocation <= Money())
            add(path + u".allocation"_s, ProgramChecker::tr("must be more than zero"));
        if (r.deadline && r.period.isValid() && *r.deadline < r.period.start(sm()))
            add(path + u".deadline"_s,
                ProgramChecker::tr("%1 is before the start of %2")
                    .arg(r.deadline->toString(Qt::ISODate), r.period.code()));
        if (!r.deadline && m_p.periodInRange(r.period) && m_p.closingDate.isValid() &&
            r.period.end(sm()) > m_p.closingDate)
            add(path + u".period"_s,
                ProgramChecker::tr("%1 ends on %2, after the closing date %3; give the DLR a "
                                   "deadline on or before the closing date")
                    .arg(r.period.code(), r.period.end(sm()).toString(Qt::ISODate),
                         m_p.closingDate.toString(Qt::ISODate)));
        if (r.deadline && m_p.closingDate.isValid() && *r.deadline > m_p.closingDate)
            add(path + u".deadline"_s,
                ProgramChecker::tr("%1 is after the closing date %2")
                    .arg(r.deadline->toString(Qt::ISODate), m_p.closingDate.toString(Qt::ISODate)));
        if (r.kind == DlrKind::PerUnit) {
            if (!r.unitAmount)
                add(path + u".unit_amount"_s,
                    ProgramChecker::tr("a per_unit DLR needs a unit amount"));
            else if (*r.unitAmount <= Money())
                add(path + u".unit_amount"_s, ProgramChecker::tr("must be more than zero"));
        } else if (r.unitAmount) {
            add(path + u".unit_amount"_s,
                ProgramChecker::tr("only a per_unit DLR has a unit amount"));
        }
        if (r.minFraction.isNegative() || r.minFraction >= Decimal::fromInt(1))
            add(path + u".min_fraction"_s,
                ProgramChecker::tr("a share from 0 up to, not including, 1 (0.2 is 20%)"));
        else if (!r.minFraction.isZero() && r.kind != DlrKind::Linear)
            add(path + u".min_fraction"_s,
                ProgramChecker::tr("only a linear DLR has a minimum fraction"));
        if (!ind)
            return;
        const bool binaryUnit =
            ind->unit == IndicatorUnit::YesNo || ind->unit == IndicatorUnit::Milestone;
        if (binaryUnit && r.kind != DlrKind::Binary)
            add(path + u".kind"_s, ProgramChecker::tr("a %1 indicator pays only a binary DLR")
                                       .arg(enumToString(kIndicatorUnitNames, ind->unit)));
        if (binaryUnit && r.target != Decimal::fromInt(1))
            add(path + u".target"_s,
                ProgramChecker::tr("a %1 indicator is met at 1 (yes); the target must be 1")
                    .arg(enumToString(kIndicatorUnitNames, ind->unit)));
        if (ind->baseline.date.isValid() && m_p.periodInRange(r.period) &&
            m_p.cutOff(r) <= ind->baseline.date)
            add(path + u".period"_s,
                ProgramChecker::tr("the DLR's cut-off %1 is not after the baseline date %2 of "
                                   "indicator %3")
                    .arg(m_p.cutOff(r).toString(Qt::ISODate),
                         ind->baseline.date.toString(Qt::ISODate), ind->code));
        if (ind->frequency == Frequency::Yearly && r.period.isQuarter())
            add(path + u".period"_s,
                ProgramChecker::tr("indicator %1 is reported yearly, so its DLRs are for fiscal "
                                   "years, not %2")
                    .arg(ind->code, r.period.code()));
        const Decimal b = m_p.dlrBaseline(d, index);
        const QString whence = r.baseline ? ProgramChecker::tr("its own baseline")
                                          : ProgramChecker::tr("its baseline");
        if (r.target == b) {
            add(path + u".target"_s, ProgramChecker::tr("target %1 equals %2 %3; nothing could be "
                                                        "earned")
                                         .arg(r.target.toString(), whence, b.toString()));
        } else if (binaryUnit) {
            return; // met at 1 whatever the direction; the checks above cover it
        } else if (ind->direction == Direction::Increase && r.target < b) {
            add(path + u".target"_s,
                ProgramChecker::tr("target %1 is below %2 %3, but indicator "
                                   "%4 increases")
                    .arg(r.target.toString(), whence, b.toString(), ind->code));
        } else if (ind->direction == Direction::Decrease && r.target > b) {
            add(path + u".target"_s,
                ProgramChecker::tr("target %1 is above %2 %3, but indicator "
                                   "%4 decreases")
                    .arg(r.target.toString(), whence, b.toString(), ind->code));
        }
    }

    void checkRules()
    {
        checkUnique(m_p.validationRules, u"validation_rules"_s);
        for (qsizetype i = 0; i < m_p.validationRules.size(); ++i) {
            const ValidationRule& v = m_p.validationRules[i];
            const QString path = at(u"validation_rules"_s, i);
            checkExpression(path + u".left"_s, v.left);
            checkExpression(path + u".right"_s, v.right);
        }
    }

    const Program& m_p;
    QStringList m_errors;
};

} // namespace

QStringList ProgramChecker::check(const Program& program)
{
    return Checker(program).run();
}

QStringList ProgramChecker::identifiers(const QString& expression)
{
    if (const auto e = Expression::compile(expression))
        return e->variables();
    // An expression muParser cannot compile is reported as such; the names it seems to use
    // still serve the cycle search and the tests.
    // A name followed by "(" is a function (min, max, abs ...), not an indicator.
    static const QRegularExpression name(uR"(\b([A-Za-z_][A-Za-z0-9_]*)\b(\s*\()?)"_s);
    QStringList out;
    auto it = name.globalMatch(expression);
    while (it.hasNext()) {
        const auto m = it.next();
        // Names starting with "_" are muParser's constants (_pi, _e).
        if (m.captured(2).isEmpty() && !m.captured(1).startsWith(u'_') &&
            !out.contains(m.captured(1)))
            out << m.captured(1);
    }
    return out;
}

} // namespace dli
