#include "core/io/values_report.h"

#include "core/engine/value_calculator.h"
#include "core/io/json_writer.h"
#include "core/io/text_table.h"
#include "core/storage/session.h"

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString basis(const Indicator& x, const IndicatorValue& v)
{
    if (!v.hasValue)
        return v.note.isEmpty() ? ValuesReport::tr("no data") : v.note;
    if (x.source.kind == SourceKind::Register && v.observations == 0)
        return ValuesReport::tr("register");
    if (x.source.kind == SourceKind::Formula && v.observations == 0)
        return ValuesReport::tr("formula over registers");
    if (v.observations == 0)
        return ValuesReport::tr("baseline");
    return v.verifiedOnly ? ValuesReport::tr("verified only")
                          : ValuesReport::tr("includes unverified");
}

} // namespace

Result<std::unique_ptr<ValueCalculator>> ValuesReport::calculator(Session& session,
                                                                  const Program& program,
                                                                  bool claims,
                                                                  const QSet<QString>& without)
{
    auto observations = session.observations().all();
    if (!observations)
        return observations.error();
    if (!without.isEmpty())
        observations->removeIf([&without](const Observation& o) { return without.contains(o.id); });
    RegisterRepository& registers = session.registers();
    return std::make_unique<ValueCalculator>(
        program, std::move(observations).value(),
        [&registers](const IndicatorSource& s, const QDate& from, const QDate& to,
                     const QStringList& units) { return registers.aggregate(s, from, to, units); },
        claims ? ValueCalculator::Basis::Claims : ValueCalculator::Basis::Sources);
}

Result<QList<ValueRow>> ValuesReport::compute(Session& session, const Program& program,
                                              const ValuesQuery& query)
{
    if (!query.indicator.isEmpty() && !program.indicator(query.indicator))
        return Error(ErrorCode::NotFound, tr("unknown indicator \"%1\"").arg(query.indicator));
    const QString unit = query.orgUnit.isEmpty() && program.rootOrgUnit()
                             ? program.rootOrgUnit()->code
                             : query.orgUnit;
    if (!program.orgUnit(unit))
        return Error(ErrorCode::NotFound, tr("unknown org unit \"%1\"").arg(unit));
    if (query.period && !program.periodInRange(*query.period))
        return Error(ErrorCode::InvalidInput, program.outsideMessage(query.period->code()));
    auto calc = calculator(session, program, query.claims);
    if (!calc)
        return calc.error();
    QList<ValueRow> rows;
    for (const Indicator& x : program.indicators) {
        if (!query.indicator.isEmpty() && x.code != query.indicator)
            continue;
        QList<Period> periods;
        if (query.period) {
            periods << *query.period;
        } else {
            for (int fy = program.firstYear().fiscalYear(); fy <= program.lastYear().fiscalYear();
                 ++fy) {
                if (x.frequency == Frequency::Quarterly)
                    periods << Period::year(fy).quarters();
                periods << Period::year(fy);
            }
        }
        for (const Period& p : periods) {
            auto v = calc.value()->value(x.code, p, unit);
            if (!v)
                return v.error();
            rows << ValueRow{x.code, p, unit, v.value()};
        }
    }
    return rows;
}

QString ValuesReport::text(const Program& program, const QList<ValueRow>& rows)
{
    TextTable table({tr("Indicator"), tr("Period"), tr("Org unit"), tr("Value"), tr("Basis")},
                    {TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
                     TextTable::Align::Right, TextTable::Align::Left});
    for (const ValueRow& r : rows) {
        const Indicator* x = program.indicator(r.indicator);
        table.addRow({r.indicator, r.period.code(), r.orgUnit,
                      r.value.hasValue ? r.value.value.toString() : u"-"_s, basis(*x, r.value)});
    }
    return table.render();
}

QByteArray ValuesReport::json(const Program& program, const QList<ValueRow>& rows)
{
    JsonNode list = JsonNode::array();
    for (const ValueRow& r : rows) {
        const Indicator* x = program.indicator(r.indicator);
        JsonNode n = JsonNode::object();
        n.add(u"indicator"_s, JsonNode::string(r.indicator))
            .add(u"period"_s, JsonNode::string(r.period.code()))
            .add(u"org_unit"_s, JsonNode::string(r.orgUnit))
            .add(u"value"_s,
                 r.value.hasValue ? JsonNode::number(r.value.value.toString()) : JsonNode::null())
            .add(u"verified_only"_s, JsonNode::boolean(r.value.hasValue && r.value.verifiedOnly))
            .add(u"observations"_s, JsonNode::number(r.value.observations))
            .add(u"basis"_s, JsonNode::string(basis(*x, r.value)));
        list.append(n);
    }
    return JsonNode::object()
        .add(u"program"_s, JsonNode::string(program.code))
        .add(u"values"_s, list)
        .toJson();
}

} // namespace dli
