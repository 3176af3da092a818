#include "core/io/program_reader.h"

#include "core/io/json_fields.h"
#include "core/model/program_checker.h"

#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString indexPath(const QString& list, qsizetype i)
{
    return list + u'[' + QString::number(i) + u']';
}

// Calls read(fields, path) for each object of a list, reporting items that are not objects.
template <typename T, typename F>
QList<T> readList(JsonFields& parent, const QString& key, bool required, QStringList& errors,
                  F read)
{
    QList<T> out;
    const QJsonArray items = parent.array(key, required);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = indexPath(parent.pathOf(key), i);
        if (!items[i].isObject()) {
            errors << path + u": "_s +
                          ProgramReader::tr("expected an object, got %1")
                              .arg(JsonFields::describe(items[i]));
            continue;
        }
        JsonFields f(items[i].toObject(), path, errors);
        out << read(f);
        f.finish();
    }
    return out;
}

struct Context {
    int minorDigits = 2;
    int startMonth = Period::DefaultStartMonth;
    QStringList& errors;
};

IndicatorSource readSource(JsonFields& f, Context& ctx)
{
    IndicatorSource s;
    const auto obj = f.object(u"source"_s, false);
    if (!obj)
        return s;
    JsonFields src(*obj, f.pathOf(u"source"_s), ctx.errors);
    s.kind = src.choice(u"kind"_s, kSourceKindNames, std::optional(SourceKind::Reported));
    if (s.kind == SourceKind::Register) {
        s.registerKind = src.choice(u"register"_s, kRegisterKindNames, std::nullopt);
        s.measure = src.choice(u"measure"_s, kRegisterMeasureNames, std::nullopt);
        s.field = src.text(u"field"_s, s.measure == RegisterMeasure::Sum);
        if (const auto filters = src.object(u"filters"_s, false)) {
            for (auto it = filters->begin(); it != filters->end(); ++it) {
                if (!it.value().isString())
                    ctx.errors << src.pathOf(u"filters."_s + it.key()) + u": "_s +
                                      ProgramReader::tr("expected text, got %1")
                                          .arg(JsonFields::describe(it.value()));
                else
                    s.filters.insert(it.key(), it.value().toString());
            }
        }
    } else if (s.kind == SourceKind::Formula) {
        s.formula = src.text(u"formula"_s);
    }
    src.finish();
    return s;
}

Indicator readIndicator(JsonFields& f, Context& ctx)
{
    Indicator x;
    x.code = f.text(u"code"_s);
    x.title = f.text(u"title"_s);
    x.level = f.choice(u"level"_s, kIndicatorLevelNames, std::nullopt);
    x.unit = f.choice(u"unit"_s, kIndicatorUnitNames, std::nullopt);
    x.direction = f.choice(u"direction"_s, kDirectionNames, std::nullopt);
    x.cumulative = f.boolean(u"cumulative"_s, false);
    x.aggregation = f.choice(u"aggregation"_s, kAggregationNames, std::optional(Aggregation::Sum));
    x.reportedAt =
        f.choice(u"reported_at"_s, kOrgUnitKindNames, std::optional(OrgUnitKind::Program));
    x.frequency = f.choice(u"frequency"_s, kFrequencyNames, std::optional(Frequency::Quarterly));
    if (const auto d = f.object(u"disaggregation"_s, false)) {
        JsonFields df(*d, f.pathOf(u"disaggregation"_s), ctx.errors);
        Disaggregation dis;
        dis.code = df.text(u"code"_s);
        dis.categories = df.textList(u"categories"_s);
        df.finish();
        x.disaggregation = dis;
    }
    if (const auto b = f.object(u"baseline"_s, true)) {
        JsonFields bf(*b, f.pathOf(u"baseline"_s), ctx.errors);
        x.baseline.value = bf.decimal(u"value"_s, true).value_or(Decimal());
        x.baseline.date = bf.date(u"date"_s, true).value_or(QDate());
        bf.finish();
    }
    x.targets = readList<Target>(f, u"targets"_s, false, ctx.errors, [&](JsonFields& tf) {
        Target t;
        t.period = tf.period(u"period"_s, ctx.startMonth, true).value_or(Period());
        t.value = tf.decimal(u"value"_s, true).value_or(Decimal());
        return t;
    });
    x.source = readSource(f, ctx);
    x.tolerance = f.decimal(u"tolerance"_s, false, Decimal()).value_or(Decimal());
    x.resultArea = f.text(u"result_area"_s, false);
    return x;
}

Dlr readDlr(JsonFields& f, Context& ctx)
{
    Dlr r;
    r.code = f.text(u"code"_s);
    r.title = f.text(u"title"_s, false);
    r.period = f.period(u"period"_s, ctx.startMonth, true).value_or(Period());
    r.deadline = f.date(u"deadline"_s, false);
    r.timeBound = f.boolean(u"time_bound"_s, false);
    r.kind = f.choice(u"kind"_s, kDlrKindNames, std::nullopt);
    r.baseline = f.decimal(u"baseline"_s, false);
    r.target = f.decimal(u"target"_s, true).value_or(Decimal());
    r.allocation = f.money(u"allocation"_s, ctx.minorDigits, true).value_or(Money());
    r.unitAmount = f.money(u"unit_amount"_s, ctx.minorDigits, r.kind == DlrKind::PerUnit);
    r.minFraction = f.decimal(u"min_fraction"_s, false, Decimal()).value_or(Decimal());
    r.priorResult = f.boolean(u"prior_result"_s, false);
    r.rollover = f.choice(u"rollover"_s, kRolloverNames, std::optional(Rollover::Cancel));
    return r;
}

Dli readDli(JsonFields& f, Context& ctx)
{
    Dli d;
    d.code = f.text(u"code"_s);
    d.title = f.text(u"title"_s);
    d.indicator = f.text(u"indicator"_s);
    d.allocation = f.money(u"allocation"_s, ctx.minorDigits, true).value_or(Money());
    if (const auto p = f.object(u"protocol"_s, false)) {
        JsonFields pf(*p, f.pathOf(u"protocol"_s), ctx.errors);
        d.protocol.verifier = pf.text(u"verifier"_s, false);
        d.protocol.method = pf.text(u"method"_s, false);
        d.protocol.evidence = pf.textList(u"evidence"_s);
        d.protocol.evidenceRequired = pf.boolean(u"evidence_required"_s, false);
        d.protocol.sampleSize = pf.integer(u"sample_size"_s, false, 0, 0, 1'000'000).value_or(0);
        d.protocol.maxErrorRate =
            pf.decimal(u"max_error_rate"_s, false, Decimal()).value_or(Decimal());
        pf.finish();
    }
    d.dlrs = readList<Dlr>(f, u"dlrs"_s, true, ctx.errors,
                           [&](JsonFields& rf) { return readDlr(rf, ctx); });
    return d;
}

QString lineAndColumn(const QByteArray& json, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < json.size(); ++i) {
        if (json[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QString::number(line) + u':' + QString::number(column);
}

} // namespace

Result<Program> ProgramReader::read(const QByteArray& json, const QString& sourceName)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error(ErrorCode::InvalidInput,
                     tr("not valid JSON: %1").arg(parseError.errorString()),
                     sourceName + u':' + lineAndColumn(json, parseError.offset));
    if (!doc.isObject())
        return Error(ErrorCode::InvalidInput,
                     tr("a program file is a JSON object with a \"format\" field"), sourceName);

    QStringList errors;
    JsonFields top(doc.object(), QString(), errors);
    const QString format = top.text(u"format"_s);
    if (!format.isEmpty() && format != Format)
        return Error(ErrorCode::InvalidInput,
                     tr("format: unsupported format \"%1\"; this version reads %2")
                         .arg(format, QString::fromUtf16(Format)),
                     sourceName);

    Program p;
    Context ctx{2, Period::DefaultStartMonth, errors};
    if (const auto prog = top.object(u"program"_s, true)) {
        JsonFields f(*prog, u"program"_s, errors);
        p.code = f.text(u"code"_s);
        p.title = f.text(u"title"_s);
        const QString currency = f.text(u"currency"_s);
        if (const auto c = Currency::forCode(currency)) {
            p.currency = *c;
        } else if (!currency.isEmpty()) {
            f.error(u"currency"_s, tr("unknown currency \"%1\"; DLI Tracker knows %2")
                                       .arg(currency, Currency::knownCodes().join(u", "_s)));
        }
        ctx.minorDigits = p.currency.minorDigits;
        p.fiscalYearStartMonth =
            f.integer(u"fiscal_year_start_month"_s, false, Period::DefaultStartMonth, 1, 12)
                .value_or(Period::DefaultStartMonth);
        ctx.startMonth = p.fiscalYearStartMonth;
        p.financing = f.money(u"financing"_s, ctx.minorDigits, true).value_or(Money());
        p.signingDate = f.date(u"signing_date"_s, true).value_or(QDate());
        p.closingDate = f.date(u"closing_date"_s, true).value_or(QDate());
        p.verificationWindowDays =
            f.integer(u"verification_window_days"_s, false, 180, 0, 3650).value_or(180);
        p.advanceCapShare =
            f.decimal(u"advance_cap_share"_s, false, p.advanceCapShare).value_or(p.advanceCapShare);
        p.priorResultsCapShare =
            f.decimal(u"prior_results_cap_share"_s, false, p.priorResultsCapShare)
                .value_or(p.priorResultsCapShare);
        f.finish();
    }
    p.resultAreas = readList<ResultArea>(top, u"result_areas"_s, false, errors, [](JsonFields& f) {
        return ResultArea{f.text(u"code"_s), f.text(u"title"_s)};
    });
    p.orgUnits = readList<OrgUnit>(top, u"org_units"_s, true, errors, [](JsonFields& f) {
        OrgUnit u;
        u.code = f.text(u"code"_s);
        u.name = f.text(u"name"_s);
        u.kind = f.choice(u"kind"_s, kOrgUnitKindNames, std::nullopt);
        u.parent = f.text(u"parent"_s, false);
        return u;
    });
    p.indicators = readList<Indicator>(top, u"indicators"_s, true, errors,
                                       [&](JsonFields& f) { return readIndicator(f, ctx); });
    p.dlis = readList<Dli>(top, u"dlis"_s, false, errors,
                           [&](JsonFields& f) { return readDli(f, ctx); });
    p.validationRules =
        readList<ValidationRule>(top, u"validation_rules"_s, false, errors, [](JsonFields& f) {
            ValidationRule v;
            v.code = f.text(u"code"_s);
            v.left = f.text(u"left"_s);
            v.op = f.choice(u"operator"_s, kRuleOperatorNames, std::nullopt);
            v.right = f.text(u"right"_s);
            v.severity = f.choice(u"severity"_s, kSeverityNames, std::optional(Severity::Error));
            v.message = f.text(u"message"_s);
            return v;
        });
    top.finish();

    // The meaning of the whole is checked only once every field has the right type, so that
    // one typo does not cause a cascade of follow-on complaints.
    if (errors.isEmpty())
        errors = ProgramChecker::check(p);
    if (!errors.isEmpty()) {
        Error e(ErrorCode::InvalidInput,
                tr("the program file has problems (%1); nothing was imported").arg(errors.size()),
                sourceName);
        e.details = errors;
        return e;
    }
    return p;
}

Result<Program> ProgramReader::readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, tr("cannot read the file: %1").arg(file.errorString()), path);
    return read(file.readAll(), path);
}

} // namespace dli
