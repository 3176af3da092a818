#include "core/storage/program_repository.h"

#include "core/storage/database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString toJsonText(const QStringList& list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList stringListFromJson(const QString& text)
{
    QStringList out;
    for (const QJsonValue& v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

QString mapToJsonText(const QMap<QString, QString>& map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> mapFromJson(const QString& text)
{
    QMap<QString, QString> out;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

QString dateText(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

// Reading back what this repository wrote: a value that does not parse means the file was
// edited by hand or damaged.
Error damaged(const QString& what)
{
    return Error(
        ErrorCode::Database,
        ProgramRepository::tr("the stored program is damaged (%1); restore a backup").arg(what));
}

template <typename E, std::size_t N>
Result<E> enumColumn(const std::array<EnumName<E>, N>& names, const QString& text)
{
    if (auto v = enumFromString(names, text))
        return *v;
    return damaged(text);
}

Result<Decimal> decimalColumn(const QString& text)
{
    auto d = Decimal::parse(text);
    if (!d)
        return damaged(text);
    return d.value();
}

Result<Period> periodColumn(const QString& text, int startMonth)
{
    auto p = Period::parse(text, startMonth);
    if (!p)
        return damaged(text);
    return p.value();
}

} // namespace

Result<bool> ProgramRepository::exists()
{
    auto n = m_db.scalar(u"SELECT count(*) FROM program"_s);
    if (!n)
        return n.error();
    return n.value() > 0;
}

Status ProgramRepository::insert(const Program& p)
{
    auto stmt = m_db.prepare(
        u"INSERT INTO program (id, code, title, currency, financing_minor, signing_date, "
        "closing_date, fiscal_year_start_month, verification_window_days, advance_cap_share, "
        "prior_results_cap_share, imported_at, imported_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, m_options.newId())
        .bind(2, p.code)
        .bind(3, p.title)
        .bind(4, p.currency.code)
        .bind(5, p.financing.minor())
        .bind(6, dateText(p.signingDate))
        .bind(7, dateText(p.closingDate))
        .bind(8, p.fiscalYearStartMonth)
        .bind(9, p.verificationWindowDays)
        .bind(10, p.advanceCapShare.toString())
        .bind(11, p.priorResultsCapShare.toString())
        .bind(12, m_options.now().toString(Qt::ISODate))
        .bind(13, m_options.userName);
    DLI_TRY(stmt->exec());

    QHash<QString, QString> areaIds;
    auto area =
        m_db.prepare(u"INSERT INTO result_areas (id, position, code, title) VALUES (?, ?, ?, ?)"_s);
    if (!area)
        return area.error();
    for (int i = 0; i < p.resultAreas.size(); ++i) {
        const QString id = m_options.newId();
        areaIds.insert(p.resultAreas[i].code, id);
        area->bind(1, id).bind(2, i).bind(3, p.resultAreas[i].code).bind(4, p.resultAreas[i].title);
        DLI_TRY(area->exec());
    }

    // Parents come before children in the file's order only by convention, so ids are made
    // first and parents linked by id.
    QHash<QString, QString> unitIds;
    for (const OrgUnit& u : p.orgUnits)
        unitIds.insert(u.code, m_options.newId());
    auto unit = m_db.prepare(u"INSERT INTO org_units (id, position, code, name, kind, parent_id) "
                             "VALUES (?, ?, ?, ?, ?, ?)"_s);
    if (!unit)
        return unit.error();
    DLI_TRY(m_db.exec(u"PRAGMA defer_foreign_keys = ON"_s));
    for (int i = 0; i < p.orgUnits.size(); ++i) {
        const OrgUnit& u = p.orgUnits[i];
        unit->bind(1, unitIds.value(u.code))
            .bind(2, i)
            .bind(3, u.code)
            .bind(4, u.name)
            .bind(5, enumToString(kOrgUnitKindNames, u.kind));
        unit->bindOptional(6, u.parent.isEmpty() ? std::nullopt
                                                 : std::optional<QString>(unitIds.value(u.parent)));
        DLI_TRY(unit->exec());
    }

    QHash<QString, QString> indicatorIds;
    auto ind = m_db.prepare(
        u"INSERT INTO indicators (id, position, code, title, level, unit, direction, cumulative, "
        "aggregation, reported_at, frequency, disaggregation_code, disaggregation_categories, "
        "baseline_value, baseline_date, source_kind, register_kind, register_measure, "
        "register_field, register_filters, formula, tolerance, result_area_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!ind)
        return ind.error();
    auto target = m_db.prepare(u"INSERT INTO indicator_targets (id, indicator_id, position, "
                               "period, value) VALUES (?, ?, ?, ?, ?)"_s);
    if (!target)
        return target.error();
    for (int i = 0; i < p.indicators.size(); ++i) {
        const Indicator& x = p.indicators[i];
        const QString id = m_options.newId();
        indicatorIds.insert(x.code, id);
        const bool isRegister = x.source.kind == SourceKind::Register;
        ind->bind(1, id)
            .bind(2, i)
            .bind(3, x.code)
            .bind(4, x.title)
            .bind(5, enumToString(kIndicatorLevelNames, x.level))
            .bind(6, enumToString(kIndicatorUnitNames, x.unit))
            .bind(7, enumToString(kDirectionNames, x.direction))
            .bind(8, x.cumulative)
            .bind(9, enumToString(kAggregationNames, x.aggregation))
            .bind(10, enumToString(kOrgUnitKindNames, x.reportedAt))
            .bind(11, enumToString(kFrequencyNames, x.frequency))
            .bindOptional(12,
                          x.disaggregation ? std::optional(x.disaggregation->code) : std::nullopt)
            .bindOptional(13, x.disaggregation
                                  ? std::optional(toJsonText(x.disaggregation->categories))
                                  : std::nullopt)
            .bind(14, x.baseline.value.toString())
            .bind(15, dateText(x.baseline.date))
            .bind(16, enumToString(kSourceKindNames, x.source.kind))
            .bindOptional(17, isRegister ? std::optional(enumToString(kRegisterKindNames,
                                                                      x.source.registerKind))
                                         : std::nullopt)
            .bindOptional(18, isRegister ? std::optional(enumToString(kRegisterMeasureNames,
                                                                      x.source.measure))
                                         : std::nullopt)
            .bindOptional(19, isRegister ? std::optional(x.source.field) : std::nullopt)
            .bindOptional(20, isRegister ? std::optional(mapToJsonText(x.source.filters))
                                         : std::nullopt)
            .bindOptional(21, x.source.kind == SourceKind::Formula ? std::optional(x.source.formula)
                                                                   : std::nullopt)
            .bind(22, x.tolerance.toString())
            .bindOptional(23, x.resultArea.isEmpty() ? std::nullopt
                                                     : std::optional(areaIds.value(x.resultArea)));
        DLI_TRY(ind->exec());
        for (int t = 0; t < x.targets.size(); ++t) {
            target->bind(1, m_options.newId())
                .bind(2, id)
                .bind(3, t)
                .bind(4, x.targets[t].period.code())
                .bind(5, x.targets[t].value.toString());
            DLI_TRY(target->exec());
        }
    }

    auto dli = m_db.prepare(
        u"INSERT INTO dlis (id, position, code, title, indicator_id, allocation_minor, "
        "protocol_verifier, protocol_method, protocol_evidence, protocol_evidence_required, "
        "protocol_sample_size, protocol_max_error_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)"_s);
    if (!dli)
        return dli.error();
    auto dlr = m_db.prepare(
        u"INSERT INTO dlrs (id, dli_id, position, code, title, period, deadline, time_bound, "
        "kind, baseline, target, allocation_minor, unit_amount_minor, min_fraction, "
        "prior_result, rollover) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!dlr)
        return dlr.error();
    for (int i = 0; i < p.dlis.size(); ++i) {
        const Dli& d = p.dlis[i];
        const QString id = m_options.newId();
        dli->bind(1, id)
            .bind(2, i)
            .bind(3, d.code)
            .bind(4, d.title)
            .bind(5, indicatorIds.value(d.indicator))
            .bind(6, d.allocation.minor())
            .bind(7, d.protocol.verifier)
            .bind(8, d.protocol.method)
            .bind(9, toJsonText(d.protocol.evidence))
            .bind(10, d.protocol.evidenceRequired)
            .bind(11, d.protocol.sampleSize)
            .bind(12, d.protocol.maxErrorRate.toString());
        DLI_TRY(dli->exec());
        for (int r = 0; r < d.dlrs.size(); ++r) {
            const Dlr& x = d.dlrs[r];
            dlr->bind(1, m_options.newId())
                .bind(2, id)
                .bind(3, r)
                .bind(4, x.code)
                .bind(5, x.title)
                .bind(6, x.period.code())
                .bindOptional(7, x.deadline ? std::optional(dateText(*x.deadline)) : std::nullopt)
                .bind(8, x.timeBound)
                .bind(9, enumToString(kDlrKindNames, x.kind))
                .bindOptional(10, x.baseline ? std::optional(x.baseline->toString()) : std::nullopt)
                .bind(11, x.target.toString())
                .bind(12, x.allocation.minor())
                .bindOptional(13,
                              x.unitAmount ? std::optional(x.unitAmount->minor()) : std::nullopt)
                .bind(14, x.minFraction.toString())
                .bind(15, x.priorResult)
                .bind(16, enumToString(kRolloverNames, x.rollover));
            DLI_TRY(dlr->exec());
        }
    }

    auto rule = m_db.prepare(
        u"INSERT INTO validation_rules (id, position, code, left_expr, operator, right_expr, "
        "severity, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!rule)
        return rule.error();
    for (int i = 0; i < p.validationRules.size(); ++i) {
        const ValidationRule& v = p.validationRules[i];
        rule->bind(1, m_options.newId())
            .bind(2, i)
            .bind(3, v.code)
            .bind(4, v.left)
            .bind(5, enumToString(kRuleOperatorNames, v.op))
            .bind(6, v.right)
            .bind(7, enumToString(kSeverityNames, v.severity))
            .bind(8, v.message);
        DLI_TRY(rule->exec());
    }
    return {};
}

Status ProgramRepository::removeAll()
{
    return m_db.exec(u"DELETE FROM validation_rules; DELETE FROM dlrs; DELETE FROM dlis; "
                     "DELETE FROM indicator_targets; DELETE FROM indicators; "
                     "UPDATE org_units SET parent_id = NULL; DELETE FROM org_units; "
                     "DELETE FROM result_areas; DELETE FROM program;"_s);
}

Result<Program> ProgramRepository::load()
{
    auto head =
        m_db.prepare(u"SELECT code, title, currency, financing_minor, signing_date, closing_date, "
                     "fiscal_year_start_month, verification_window_days, advance_cap_share, "
                     "prior_results_cap_share FROM program"_s);
    if (!head)
        return head.error();
    auto row = head->step();
    if (!row)
        return row.error();
    if (!row.value())
        return Error(ErrorCode::NotFound,
                     tr("the database holds no program yet; import one with `dlitracker-cli "
                        "program import DB FILE`"));
    Program p;
    p.code = head->text(0);
    p.title = head->text(1);
    const auto currency = Currency::forCode(head->text(2));
    if (!currency)
        return damaged(head->text(2));
    p.currency = *currency;
    p.financing = Money::fromMinor(head->int64(3));
    p.signingDate = QDate::fromString(head->text(4), Qt::ISODate);
    p.closingDate = QDate::fromString(head->text(5), Qt::ISODate);
    p.fiscalYearStartMonth = head->integer(6);
    p.verificationWindowDays = head->integer(7);
    DLI_ASSIGN(p.advanceCapShare, decimalColumn(head->text(8)));
    DLI_ASSIGN(p.priorResultsCapShare, decimalColumn(head->text(9)));
    const int sm = p.fiscalYearStartMonth;

    auto areas = m_db.prepare(u"SELECT code, title FROM result_areas ORDER BY position"_s);
    if (!areas)
        return areas.error();
    while (true) {
        auto r = areas->step();
        if (!r)
            return r.error();
        if (!r.value())
            break;
        p.resultAreas << ResultArea{areas->text(0), areas->text(1)};
    }

    auto units = m_db.prepare(u"SELECT u.code, u.name, u.kind, coalesce(p.code, '') FROM "
                              "org_units u LEFT JOIN org_units p ON p.id = u.parent_id "
                              "ORDER BY u.position"_s);
    if (!units)
        return units.error();
    while (true) {
        auto r = units->step();
        if (!r)
            return r.error();
        if (!r.value())
            break;
        OrgUnit u;
        u.code = units->text(0);
        u.name = units->text(1);
        DLI_ASSIGN(u.kind, enumColumn(kOrgUnitKindNames, units->text(2)));
        u.parent = units->text(3);
        p.orgUnits << u;
    }

    auto inds = m_db.prepare(
        u"SELECT i.id, i.code, i.title, i.level, i.unit, i.direction, i.cumulative, "
        "i.aggregation, i.reported_at, i.frequency, i.disaggregation_code, "
        "i.disaggregation_categories, i.baseline_value, i.baseline_date, i.source_kind, "
        "i.register_kind, i.register_measure, i.register_field, i.register_filters, i.formula, "
        "i.tolerance, coalesce(a.code, '') FROM indicators i LEFT JOIN result_areas a ON a.id = "
        "i.result_area_id ORDER BY i.position"_s);
    if (!inds)
        return inds.error();
    auto targets = m_db.prepare(u"SELECT period, value FROM indicator_targets WHERE "
                                "indicator_id = ? ORDER BY position"_s);
    if (!targets)
        return targets.error();
    while (true) {
        auto r = inds->step();
        if (!r)
            return r.error();
        if (!r.value())
            break;
        Indicator x;
        const QString id = inds->text(0);
        x.code = inds->text(1);
        x.title = inds->text(2);
        DLI_ASSIGN(x.level, enumColumn(kIndicatorLevelNames, inds->text(3)));
        DLI_ASSIGN(x.unit, enumColumn(kIndicatorUnitNames, inds->text(4)));
        DLI_ASSIGN(x.direction, enumColumn(kDirectionNames, inds->text(5)));
        x.cumulative = inds->boolean(6);
        DLI_ASSIGN(x.aggregation, enumColumn(kAggregationNames, inds->text(7)));
        DLI_ASSIGN(x.reportedAt, enumColumn(kOrgUnitKindNames, inds->text(8)));
        DLI_ASSIGN(x.frequency, enumColumn(kFrequencyNames, inds->text(9)));
        if (!inds->isNull(10))
            x.disaggregation = Disaggregation{inds->text(10), stringListFromJson(inds->text(11))};
        DLI_ASSIGN(x.baseline.value, decimalColumn(inds->text(12)));
        x.baseline.date = QDate::fromString(inds->text(13), Qt::ISODate);
        DLI_ASSIGN(x.source.kind, enumColumn(kSourceKindNames, inds->text(14)));
        if (x.source.kind == SourceKind::Register) {
            DLI_ASSIGN(x.source.registerKind, enumColumn(kRegisterKindNames, inds->text(15)));
            DLI_ASSIGN(x.source.measure, enumColumn(kRegisterMeasureNames, inds->text(16)));
            x.source.field = inds->text(17);
            x.source.filters = mapFromJson(inds->text(18));
        }
        if (x.source.kind == SourceKind::Formula)
            x.source.formula = inds->text(19);
        DLI_ASSIGN(x.tolerance, decimalColumn(inds->text(20)));
        x.resultArea = inds->text(21);
        targets->bind(1, id);
        while (true) {
            auto t = targets->step();
            if (!t)
                return t.error();
            if (!t.value())
                break;
            Target tg;
            DLI_ASSIGN(tg.period, periodColumn(targets->text(0), sm));
            DLI_ASSIGN(tg.value, decimalColumn(targets->text(1)));
            x.targets << tg;
        }
        targets->reset();
        p.indicators << x;
    }

    auto dlis = m_db.prepare(
        u"SELECT d.id, d.code, d.title, i.code, d.allocation_minor, d.protocol_verifier, "
        "d.protocol_method, d.protocol_evidence, d.protocol_evidence_required, "
        "d.protocol_sample_size, d.protocol_max_error_rate FROM dlis d JOIN indicators i ON "
        "i.id = d.indicator_id ORDER BY d.position"_s);
    if (!dlis)
        return dlis.error();
    auto dlrs = m_db.prepare(
        u"SELECT code, title, period, deadline, time_bound, kind, baseline, target, "
        "allocation_minor, unit_amount_minor, min_fraction, prior_result, rollover FROM dlrs "
        "WHERE dli_id = ? ORDER BY position"_s);
    if (!dlrs)
        return dlrs.error();
    while (true) {
        auto r = dlis->step();
        if (!r)
            return r.error();
        if (!r.value())
            break;
        Dli d;
        const QString id = dlis->text(0);
        d.code = dlis->text(1);
        d.title = dlis->text(2);
        d.indicator = dlis->text(3);
        d.allocation = Money::fromMinor(dlis->int64(4));
        d.protocol.verifier = dlis->text(5);
        d.protocol.method = dlis->text(6);
        d.protocol.evidence = stringListFromJson(dlis->text(7));
        d.protocol.evidenceRequired = dlis->boolean(8);
        d.protocol.sampleSize = dlis->integer(9);
        DLI_ASSIGN(d.protocol.maxErrorRate, decimalColumn(dlis->text(10)));
        dlrs->bind(1, id);
        while (true) {
            auto t = dlrs->step();
            if (!t)
                return t.error();
            if (!t.value())
                break;
            Dlr x;
            x.code = dlrs->text(0);
            x.title = dlrs->text(1);
            DLI_ASSIGN(x.period, periodColumn(dlrs->text(2), sm));
            if (!dlrs->isNull(3))
                x.deadline = QDate::fromString(dlrs->text(3), Qt::ISODate);
            x.timeBound = dlrs->boolean(4);
            DLI_ASSIGN(x.kind, enumColumn(kDlrKindNames, dlrs->text(5)));
            if (!dlrs->isNull(6)) {
                Decimal b;
                DLI_ASSIGN(b, decimalColumn(dlrs->text(6)));
                x.baseline = b;
            }
            DLI_ASSIGN(x.target, decimalColumn(dlrs->text(7)));
            x.allocation = Money::fromMinor(dlrs->int64(8));
            if (!dlrs->isNull(9))
                x.unitAmount = Money::fromMinor(dlrs->int64(9));
            DLI_ASSIGN(x.minFraction, decimalColumn(dlrs->text(10)));
            x.priorResult = dlrs->boolean(11);
            DLI_ASSIGN(x.rollover, enumColumn(kRolloverNames, dlrs->text(12)));
            d.dlrs << x;
        }
        dlrs->reset();
        p.dlis << d;
    }

    auto rules = m_db.prepare(u"SELECT code, left_expr, operator, right_expr, severity, message "
                              "FROM validation_rules ORDER BY position"_s);
    if (!rules)
        return rules.error();
    while (true) {
        auto r = rules->step();
        if (!r)
            return r.error();
        if (!r.value())
            break;
        ValidationRule v;
        v.code = rules->text(0);
        v.left = rules->text(1);
        DLI_ASSIGN(v.op, enumColumn(kRuleOperatorNames, rules->text(2)));
        v.right = rules->text(3);
        DLI_ASSIGN(v.severity, enumColumn(kSeverityNames, rules->text(4)));
        v.message = rules->text(5);
        p.validationRules << v;
    }
    return p;
}

} // namespace dli
