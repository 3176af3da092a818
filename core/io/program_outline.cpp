#include "core/io/program_outline.h"

#include "core/io/json_writer.h"
#include "core/io/text_table.h"

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString levelLabel(IndicatorLevel l)
{
    return l == IndicatorLevel::Pdo ? ProgramOutline::tr("PDO indicator")
                                    : ProgramOutline::tr("intermediate indicator");
}

QString indicatorTraits(const Indicator& x)
{
    QStringList t;
    t << enumToString(kIndicatorUnitNames, x.unit);
    t << (x.direction == Direction::Increase ? ProgramOutline::tr("increasing")
                                             : ProgramOutline::tr("decreasing"));
    t << (x.cumulative ? ProgramOutline::tr("cumulative") : ProgramOutline::tr("per period"));
    t << enumToString(kAggregationNames, x.aggregation);
    t << ProgramOutline::tr("reported per %1, %2")
             .arg(enumToString(kOrgUnitKindNames, x.reportedAt),
                  enumToString(kFrequencyNames, x.frequency));
    if (x.disaggregation)
        t << ProgramOutline::tr("by %1 (%2)")
                 .arg(x.disaggregation->code, x.disaggregation->categories.join(u", "_s));
    if (x.source.kind == SourceKind::Register)
        t << ProgramOutline::tr("from the %1 register (%2)")
                 .arg(enumToString(kRegisterKindNames, x.source.registerKind),
                      enumToString(kRegisterMeasureNames, x.source.measure));
    else if (x.source.kind == SourceKind::Formula)
        t << ProgramOutline::tr("formula %1").arg(x.source.formula);
    return t.join(u", "_s);
}

QString targetsText(const Indicator& x)
{
    QStringList parts;
    for (const Target& t : x.targets)
        parts << t.period.code() + u' ' + t.value.toString();
    return parts.isEmpty() ? ProgramOutline::tr("none") : parts.join(u", "_s);
}

void dliText(QString& out, const Program& p, const Dli& d)
{
    const Currency& c = p.currency;
    out +=
        u"    "_s +
        ProgramOutline::tr("%1  %2 (allocation %3)").arg(d.code, d.title, d.allocation.format(c)) +
        u'\n';
    TextTable table({ProgramOutline::tr("DLR"), ProgramOutline::tr("Period"),
                     ProgramOutline::tr("Deadline"), ProgramOutline::tr("Kind"),
                     ProgramOutline::tr("Baseline"), ProgramOutline::tr("Target"),
                     ProgramOutline::tr("Allocation"), ProgramOutline::tr("Rollover"),
                     ProgramOutline::tr("Notes")},
                    {TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
                     TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
                     TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left});
    for (int i : p.dlrOrder(d)) {
        const Dlr& r = d.dlrs[i];
        QStringList notes;
        if (r.timeBound)
            notes << ProgramOutline::tr("time-bound");
        if (r.priorResult)
            notes << ProgramOutline::tr("prior result");
        if (r.unitAmount)
            notes << ProgramOutline::tr("%1 per unit").arg(r.unitAmount->format(c));
        if (!r.minFraction.isZero())
            notes << ProgramOutline::tr("min fraction %1").arg(r.minFraction.toString());
        table.addRow({r.code, r.period.code(),
                      r.effectiveDeadline(p.fiscalYearStartMonth).toString(Qt::ISODate),
                      enumToString(kDlrKindNames, r.kind), p.dlrBaseline(d, i).toString(),
                      r.target.toString(), r.allocation.format(c),
                      enumToString(kRolloverNames, r.rollover), notes.join(u", "_s)});
    }
    out += table.render(u"      "_s);
}

void indicatorText(QString& out, const Program& p, const Indicator& x)
{
    out += u"  "_s + x.code + u"  "_s + x.title + u'\n';
    out += u"      "_s + levelLabel(x.level) + u"; "_s + indicatorTraits(x) + u'\n';
    out += u"      "_s +
           ProgramOutline::tr("baseline %1 on %2; targets %3")
               .arg(x.baseline.value.toString(), x.baseline.date.toString(Qt::ISODate),
                    targetsText(x)) +
           u'\n';
    if (const Dli* d = p.dliForIndicator(x.code))
        dliText(out, p, *d);
}

void orgUnitText(QString& out, const Program& p, const OrgUnit& u, int depth)
{
    out += QString(2 + depth * 2, u' ') + u.code + u"  "_s + u.name + u" ("_s +
           enumToString(kOrgUnitKindNames, u.kind) + u")\n"_s;
    for (const OrgUnit* child : p.children(u.code))
        orgUnitText(out, p, *child, depth + 1);
}

JsonNode indicatorJson(const Program& p, const Indicator& x)
{
    const Currency& c = p.currency;
    JsonNode targets = JsonNode::array();
    for (const Target& t : x.targets)
        targets.append(JsonNode::object()
                           .add(u"period"_s, JsonNode::string(t.period.code()))
                           .add(u"value"_s, JsonNode::number(t.value.toString())));
    JsonNode node = JsonNode::object();
    node.add(u"code"_s, JsonNode::string(x.code))
        .add(u"title"_s, JsonNode::string(x.title))
        .add(u"level"_s, JsonNode::string(enumToString(kIndicatorLevelNames, x.level)))
        .add(u"unit"_s, JsonNode::string(enumToString(kIndicatorUnitNames, x.unit)))
        .add(u"baseline"_s, JsonNode::number(x.baseline.value.toString()))
        .add(u"baseline_date"_s, JsonNode::string(x.baseline.date.toString(Qt::ISODate)))
        .add(u"targets"_s, targets);
    const Dli* d = p.dliForIndicator(x.code);
    if (!d)
        return node;
    JsonNode dlrs = JsonNode::array();
    for (int i : p.dlrOrder(*d)) {
        const Dlr& r = d->dlrs[i];
        JsonNode dlr = JsonNode::object();
        dlr.add(u"code"_s, JsonNode::string(r.code))
            .add(u"title"_s, JsonNode::string(r.title))
            .add(u"period"_s, JsonNode::string(r.period.code()))
            .add(
                u"deadline"_s,
                JsonNode::string(r.effectiveDeadline(p.fiscalYearStartMonth).toString(Qt::ISODate)))
            .add(u"time_bound"_s, JsonNode::boolean(r.timeBound))
            .add(u"kind"_s, JsonNode::string(enumToString(kDlrKindNames, r.kind)))
            .add(u"baseline"_s, JsonNode::number(p.dlrBaseline(*d, i).toString()))
            .add(u"target"_s, JsonNode::number(r.target.toString()))
            .add(u"allocation"_s, JsonNode::number(r.allocation.toPlainString(c.minorDigits)))
            .add(u"rollover"_s, JsonNode::string(enumToString(kRolloverNames, r.rollover)))
            .add(u"prior_result"_s, JsonNode::boolean(r.priorResult));
        if (r.unitAmount)
            dlr.add(u"unit_amount"_s, JsonNode::number(r.unitAmount->toPlainString(c.minorDigits)));
        dlrs.append(dlr);
    }
    node.add(u"dli"_s,
             JsonNode::object()
                 .add(u"code"_s, JsonNode::string(d->code))
                 .add(u"title"_s, JsonNode::string(d->title))
                 .add(u"allocation"_s, JsonNode::number(d->allocation.toPlainString(c.minorDigits)))
                 .add(u"dlrs"_s, dlrs));
    return node;
}

} // namespace

QString ProgramOutline::text(const Program& p)
{
    const Currency& c = p.currency;
    QString out = p.code + u"  "_s + p.title + u'\n';
    out += tr("Financing %1; signed %2; closes %3; fiscal years start in month %4 (%5 to %6); "
              "verification window %7 days")
               .arg(p.financing.format(c), p.signingDate.toString(Qt::ISODate),
                    p.closingDate.toString(Qt::ISODate))
               .arg(p.fiscalYearStartMonth)
               .arg(p.firstYear().code(), p.lastYear().code())
               .arg(p.verificationWindowDays) +
           u"\n\n"_s;
    for (const ResultArea& a : p.resultAreas) {
        out += a.code + u"  "_s + a.title + u'\n';
        for (const Indicator& x : p.indicators) {
            if (x.resultArea == a.code)
                indicatorText(out, p, x);
        }
        out += u'\n';
    }
    bool headed = false;
    for (const Indicator& x : p.indicators) {
        if (!x.resultArea.isEmpty())
            continue;
        if (!headed)
            out += tr("Indicators outside the results areas") + u'\n';
        headed = true;
        indicatorText(out, p, x);
    }
    if (headed)
        out += u'\n';

    const Money allocated = p.allocatedToDlis();
    out +=
        tr("DLIs: %1, allocating %2 of the financing of %3 (%4 not allocated)")
            .arg(p.dlis.size())
            .arg(allocated.format(c), p.financing.format(c), (p.financing - allocated).format(c)) +
        u"\n\n"_s;

    out += tr("Org units") + u'\n';
    if (const OrgUnit* root = p.rootOrgUnit())
        orgUnitText(out, p, *root, 0);
    if (!p.validationRules.isEmpty()) {
        out += u'\n' + tr("Validation rules") + u'\n';
        for (const ValidationRule& v : p.validationRules)
            out += u"  "_s + v.code + u"  "_s + v.left + u' ' +
                   enumToString(kRuleOperatorNames, v.op) + u' ' + v.right + u" ("_s +
                   enumToString(kSeverityNames, v.severity) + u"): "_s + v.message + u'\n';
    }
    return out;
}

QByteArray ProgramOutline::json(const Program& p)
{
    const Currency& c = p.currency;
    JsonNode areas = JsonNode::array();
    auto areaNode = [&](const QString& code, const QString& title) {
        JsonNode inds = JsonNode::array();
        for (const Indicator& x : p.indicators) {
            if (x.resultArea == code)
                inds.append(indicatorJson(p, x));
        }
        return JsonNode::object()
            .add(u"code"_s, code.isEmpty() ? JsonNode::null() : JsonNode::string(code))
            .add(u"title"_s, JsonNode::string(title))
            .add(u"indicators"_s, inds);
    };
    for (const ResultArea& a : p.resultAreas)
        areas.append(areaNode(a.code, a.title));
    const bool orphans = std::any_of(p.indicators.begin(), p.indicators.end(),
                                     [](const Indicator& x) { return x.resultArea.isEmpty(); });
    if (orphans)
        areas.append(areaNode(QString(), tr("Indicators outside the results areas")));
    JsonNode units = JsonNode::array();
    for (const OrgUnit& u : p.orgUnits)
        units.append(JsonNode::object()
                         .add(u"code"_s, JsonNode::string(u.code))
                         .add(u"name"_s, JsonNode::string(u.name))
                         .add(u"kind"_s, JsonNode::string(enumToString(kOrgUnitKindNames, u.kind)))
                         .add(u"parent"_s,
                              u.parent.isEmpty() ? JsonNode::null() : JsonNode::string(u.parent)));
    return JsonNode::object()
        .add(u"program"_s,
             JsonNode::object()
                 .add(u"code"_s, JsonNode::string(p.code))
                 .add(u"title"_s, JsonNode::string(p.title))
                 .add(u"currency"_s, JsonNode::string(c.code))
                 .add(u"financing"_s, JsonNode::number(p.financing.toPlainString(c.minorDigits)))
                 .add(u"signing_date"_s, JsonNode::string(p.signingDate.toString(Qt::ISODate)))
                 .add(u"closing_date"_s, JsonNode::string(p.closingDate.toString(Qt::ISODate)))
                 .add(u"first_year"_s, JsonNode::string(p.firstYear().code()))
                 .add(u"last_year"_s, JsonNode::string(p.lastYear().code())))
        .add(u"result_areas"_s, areas)
        .add(u"org_units"_s, units)
        .toJson();
}

} // namespace dli
