#include "core/io/program_writer.h"

#include "core/io/json_fields.h"
#include "core/io/json_writer.h"
#include "core/io/program_reader.h"

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// A JSON number, or a decimal string when it has more digits than a reader's double keeps
// exactly (see JsonFields::ExactNumberDigits), so that reading the file gives it back.
JsonNode exactNumber(const QString& text)
{
    if (JsonFields::significantDigits(text) > JsonFields::ExactNumberDigits)
        return JsonNode::string(text);
    return JsonNode::number(text);
}

JsonNode num(Decimal d)
{
    return exactNumber(d.toString());
}

JsonNode amount(Money m, const Currency& c)
{
    return exactNumber(formatScaledDecimal(m.minor(), c.minorDigits, true));
}

JsonNode date(const QDate& d)
{
    return JsonNode::string(d.toString(Qt::ISODate));
}

JsonNode strings(const QStringList& list)
{
    JsonNode a = JsonNode::array();
    for (const QString& s : list)
        a.append(JsonNode::string(s));
    return a;
}

template <typename E, std::size_t N> JsonNode name(const std::array<EnumName<E>, N>& names, E v)
{
    return JsonNode::string(enumToString(names, v));
}

JsonNode indicatorNode(const Indicator& x)
{
    JsonNode n = JsonNode::object();
    n.add(u"code"_s, JsonNode::string(x.code))
        .add(u"title"_s, JsonNode::string(x.title))
        .add(u"level"_s, name(kIndicatorLevelNames, x.level))
        .add(u"unit"_s, name(kIndicatorUnitNames, x.unit))
        .add(u"direction"_s, name(kDirectionNames, x.direction))
        .add(u"cumulative"_s, JsonNode::boolean(x.cumulative))
        .add(u"aggregation"_s, name(kAggregationNames, x.aggregation))
        .add(u"reported_at"_s, name(kOrgUnitKindNames, x.reportedAt))
        .add(u"frequency"_s, name(kFrequencyNames, x.frequency));
    if (x.disaggregation) {
        n.add(u"disaggregation"_s,
              JsonNode::object()
                  .add(u"code"_s, JsonNode::string(x.disaggregation->code))
                  .add(u"categories"_s, strings(x.disaggregation->categories)));
    }
    n.add(u"baseline"_s, JsonNode::object()
                             .add(u"value"_s, num(x.baseline.value))
                             .add(u"date"_s, date(x.baseline.date)));
    JsonNode targets = JsonNode::array();
    for (const Target& t : x.targets) {
        targets.append(JsonNode::object()
                           .add(u"period"_s, JsonNode::string(t.period.code()))
                           .add(u"value"_s, num(t.value)));
    }
    n.add(u"targets"_s, targets);
    JsonNode source = JsonNode::object();
    source.add(u"kind"_s, name(kSourceKindNames, x.source.kind));
    if (x.source.kind == SourceKind::Register) {
        source.add(u"register"_s, name(kRegisterKindNames, x.source.registerKind))
            .add(u"measure"_s, name(kRegisterMeasureNames, x.source.measure));
        if (!x.source.field.isEmpty())
            source.add(u"field"_s, JsonNode::string(x.source.field));
        JsonNode filters = JsonNode::object();
        for (auto it = x.source.filters.cbegin(); it != x.source.filters.cend(); ++it)
            filters.add(it.key(), JsonNode::string(it.value()));
        source.add(u"filters"_s, filters);
    } else if (x.source.kind == SourceKind::Formula) {
        source.add(u"formula"_s, JsonNode::string(x.source.formula));
    }
    n.add(u"source"_s, source)
        .add(u"tolerance"_s, num(x.tolerance))
        .add(u"result_area"_s,
             x.resultArea.isEmpty() ? JsonNode::null() : JsonNode::string(x.resultArea));
    return n;
}

JsonNode dlrNode(const Dlr& r, const Currency& c)
{
    JsonNode n = JsonNode::object();
    n.add(u"code"_s, JsonNode::string(r.code))
        .add(u"title"_s, JsonNode::string(r.title))
        .add(u"period"_s, JsonNode::string(r.period.code()));
    if (r.deadline)
        n.add(u"deadline"_s, date(*r.deadline));
    n.add(u"time_bound"_s, JsonNode::boolean(r.timeBound))
        .add(u"kind"_s, name(kDlrKindNames, r.kind));
    if (r.baseline)
        n.add(u"baseline"_s, num(*r.baseline));
    n.add(u"target"_s, num(r.target)).add(u"allocation"_s, amount(r.allocation, c));
    if (r.unitAmount)
        n.add(u"unit_amount"_s, amount(*r.unitAmount, c));
    n.add(u"min_fraction"_s, num(r.minFraction))
        .add(u"prior_result"_s, JsonNode::boolean(r.priorResult))
        .add(u"rollover"_s, name(kRolloverNames, r.rollover));
    return n;
}

JsonNode dliNode(const Dli& d, const Currency& c)
{
    JsonNode dlrs = JsonNode::array();
    for (const Dlr& r : d.dlrs)
        dlrs.append(dlrNode(r, c));
    const VerificationProtocol& p = d.protocol;
    return JsonNode::object()
        .add(u"code"_s, JsonNode::string(d.code))
        .add(u"title"_s, JsonNode::string(d.title))
        .add(u"indicator"_s, JsonNode::string(d.indicator))
        .add(u"allocation"_s, amount(d.allocation, c))
        .add(u"protocol"_s, JsonNode::object()
                                .add(u"verifier"_s, JsonNode::string(p.verifier))
                                .add(u"method"_s, JsonNode::string(p.method))
                                .add(u"evidence"_s, strings(p.evidence))
                                .add(u"evidence_required"_s, JsonNode::boolean(p.evidenceRequired))
                                .add(u"sample_size"_s, JsonNode::number(p.sampleSize))
                                .add(u"max_error_rate"_s, num(p.maxErrorRate)))
        .add(u"dlrs"_s, dlrs);
}

} // namespace

QByteArray ProgramWriter::write(const Program& p)
{
    const Currency& c = p.currency;
    JsonNode root = JsonNode::object();
    root.add(u"format"_s, JsonNode::string(QString::fromUtf16(ProgramReader::Format)));
    root.add(u"program"_s,
             JsonNode::object()
                 .add(u"code"_s, JsonNode::string(p.code))
                 .add(u"title"_s, JsonNode::string(p.title))
                 .add(u"currency"_s, JsonNode::string(c.code))
                 .add(u"financing"_s, amount(p.financing, c))
                 .add(u"signing_date"_s, date(p.signingDate))
                 .add(u"closing_date"_s, date(p.closingDate))
                 .add(u"fiscal_year_start_month"_s, JsonNode::number(p.fiscalYearStartMonth))
                 .add(u"verification_window_days"_s, JsonNode::number(p.verificationWindowDays))
                 .add(u"advance_cap_share"_s, num(p.advanceCapShare))
                 .add(u"prior_results_cap_share"_s, num(p.priorResultsCapShare)));
    JsonNode areas = JsonNode::array();
    for (const ResultArea& a : p.resultAreas)
        areas.append(JsonNode::object()
                         .add(u"code"_s, JsonNode::string(a.code))
                         .add(u"title"_s, JsonNode::string(a.title)));
    root.add(u"result_areas"_s, areas);
    JsonNode units = JsonNode::array();
    for (const OrgUnit& u : p.orgUnits)
        units.append(JsonNode::object()
                         .add(u"code"_s, JsonNode::string(u.code))
                         .add(u"name"_s, JsonNode::string(u.name))
                         .add(u"kind"_s, name(kOrgUnitKindNames, u.kind))
                         .add(u"parent"_s,
                              u.parent.isEmpty() ? JsonNode::null() : JsonNode::string(u.parent)));
    root.add(u"org_units"_s, units);
    JsonNode indicators = JsonNode::array();
    for (const Indicator& x : p.indicators)
        indicators.append(indicatorNode(x));
    root.add(u"indicators"_s, indicators);
    JsonNode dlis = JsonNode::array();
    for (const Dli& d : p.dlis)
        dlis.append(dliNode(d, c));
    root.add(u"dlis"_s, dlis);
    JsonNode rules = JsonNode::array();
    for (const ValidationRule& v : p.validationRules)
        rules.append(JsonNode::object()
                         .add(u"code"_s, JsonNode::string(v.code))
                         .add(u"left"_s, JsonNode::string(v.left))
                         .add(u"operator"_s, name(kRuleOperatorNames, v.op))
                         .add(u"right"_s, JsonNode::string(v.right))
                         .add(u"severity"_s, name(kSeverityNames, v.severity))
                         .add(u"message"_s, JsonNode::string(v.message)));
    root.add(u"validation_rules"_s, rules);
    return root.toJson();
}

} // namespace dli
