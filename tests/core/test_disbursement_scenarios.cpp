// The disbursement engine against scenarios worked out by hand: every file under
// tests/data/scenarios holds a program (or names one), observations, events, an as-of date, the
// hand derivation ("worked_by_hand") and the expected part of the status JSON
// (docs/disbursement.md, "The JSON contract"). Nothing expected here was produced by the engine.
//
// Expected values are compared field by field: objects recursively; under "dlis" and "dlrs" an
// object keyed by code is matched with the element of the actual array that has that "code";
// "findings" is an exact list (same length, each expected finding matches a distinct actual
// one on the fields it gives); scalars compare as JSON values ("72", null, true, 2).
#include "core/engine/disbursement.h"
#include "core/io/program_reader.h"
#include "core/io/status_report.h"
#include "support/test_support.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <optional>

using namespace Qt::StringLiterals;
using namespace dli;

namespace {

// A short text for a JSON value in messages.
QString show(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Undefined:
        return u"(missing)"_s;
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String:
        return u'"' + v.toString() + u'"';
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

// Compares what a scenario expects with what the engine wrote; every difference is added to
// `problems` as "path: expected X, actual Y".
class Comparer {
public:
    QStringList problems;

    void compare(const QJsonValue& expected, const QJsonValue& actual, const QString& path)
    {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                mismatch(path, expected, actual);
                return;
            }
            const QJsonObject e = expected.toObject();
            const QJsonObject a = actual.toObject();
            for (auto it = e.begin(); it != e.end(); ++it) {
                const QString key = it.key();
                const QString sub = path.isEmpty() ? key : path + u'.' + key;
                if (key == u"findings"_s)
                    compareFindings(it.value(), a.value(key), sub);
                else if ((key == u"dlis"_s || key == u"dlrs"_s) && it.value().isObject())
                    compareByCode(it.value().toObject(), a.value(key), sub);
                else
                    compare(it.value(), a.value(key), sub);
            }
            return;
        }
        if (expected.isArray()) {
            const QJsonArray e = expected.toArray();
            const QJsonArray a = actual.toArray();
            if (!actual.isArray() || a.size() != e.size()) {
                mismatch(path, expected, actual);
                return;
            }
            for (qsizetype i = 0; i < e.size(); ++i)
                compare(e.at(i), a.at(i), path + u'[' + QString::number(i) + u']');
            return;
        }
        if (expected != actual)
            mismatch(path, expected, actual);
    }

private:
    void mismatch(const QString& path, const QJsonValue& expected, const QJsonValue& actual)
    {
        problems << path + u": expected "_s + show(expected) + u", actual "_s + show(actual);
    }

    // `expected` is keyed by code; `actual` is an array of objects with a "code".
    void compareByCode(const QJsonObject& expected, const QJsonValue& actual, const QString& path)
    {
        if (!actual.isArray()) {
            mismatch(path, expected, actual);
            return;
        }
        const QJsonArray a = actual.toArray();
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            QJsonValue found;
            for (const QJsonValue& x : a) {
                if (x.toObject().value(u"code"_s).toString() == it.key()) {
                    found = x;
                    break;
                }
            }
            const QString sub = path + u'[' + it.key() + u']';
            if (!found.isObject()) {
                problems << sub + u": no element with this code"_s;
                continue;
            }
            compare(it.value(), found, sub);
        }
    }

    // An exact list: as many findings as expected, each expected one matching a distinct actual
    // finding on the fields it gives.
    void compareFindings(const QJsonValue& expected, const QJsonValue& actual, const QString& path)
    {
        if (!expected.isArray() || !actual.isArray()) {
            mismatch(path, expected, actual);
            return;
        }
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        QList<bool> used(a.size(), false);
        bool ok = e.size() == a.size();
        for (const QJsonValue& want : e) {
            const QJsonObject w = want.toObject();
            bool matched = false;
            for (qsizetype i = 0; i < a.size() && !matched; ++i) {
                if (used[i])
                    continue;
                const QJsonObject got = a.at(i).toObject();
                bool all = true;
                for (auto it = w.begin(); it != w.end() && all; ++it)
                    all = got.value(it.key()) == it.value();
                if (all) {
                    used[i] = true;
                    matched = true;
                }
            }
            ok = ok && matched;
        }
        if (!ok) {
            // Only the identifying fields of the actual findings, to keep the message short.
            QJsonArray brief;
            for (const QJsonValue& x : a) {
                QJsonObject f;
                for (const auto* k : {"kind", "dli", "dlr", "event"})
                    f.insert(QString::fromLatin1(k), x.toObject().value(QString::fromLatin1(k)));
                brief.append(f);
            }
            mismatch(path, expected, brief);
        }
    }
};

struct Scenario {
    QString file;
    QJsonObject doc;
};

// Builds the engine's input and runs it; the JSON the status report writes, or empty with
// problems filled in.
struct Run {
    QStringList problems;
    QJsonObject status;
};

std::optional<Program> scenarioProgram(const Scenario& s, QStringList& problems)
{
    Result<Program> program = Error(ErrorCode::InvalidInput, u"no program"_s);
    if (s.doc.value(u"program"_s).isObject()) {
        program = ProgramReader::read(QJsonDocument(s.doc.value(u"program"_s).toObject()).toJson(),
                                      s.file + u" (program)"_s);
    } else if (s.doc.value(u"program_file"_s).isString()) {
        const QString path = test::dataPath(s.doc.value(u"program_file"_s).toString());
        program = ProgramReader::read(test::readFile(path), path);
    }
    if (!program) {
        problems << u"program: "_s + program.error().text();
        return std::nullopt;
    }
    return std::move(program).value();
}

std::optional<Decimal> decimalOf(const QJsonValue& v, const QString& where, QStringList& problems)
{
    const auto d = Decimal::parse(v.toString());
    if (!d) {
        problems << where + u": not a decimal: "_s + show(v);
        return std::nullopt;
    }
    return *d;
}

QDate dateOf(const QJsonValue& v, const QString& where, QStringList& problems)
{
    const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
    if (!d.isValid())
        problems << where + u": not a date: "_s + show(v);
    return d;
}

QList<Observation> observationsOf(const Program& program, const QJsonArray& list,
                                  QStringList& problems)
{
    QList<Observation> out;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject x = list.at(i).toObject();
        const QString where = u"observations["_s + QString::number(i) + u']';
        Observation o;
        o.id = x.value(u"id"_s).toString(u"obs-"_s + QString::number(i + 1));
        o.indicator = x.value(u"indicator"_s).toString();
        const auto period =
            Period::parse(x.value(u"period"_s).toString(), program.fiscalYearStartMonth);
        if (!period) {
            problems << where + u".period: "_s + period.error().text();
            continue;
        }
        o.period = *period;
        o.orgUnit = x.value(u"org_unit"_s).toString();
        o.category = x.value(u"category"_s).toString();
        o.state = x.value(u"state"_s).toString(u"verified"_s);
        o.replaces = x.value(u"replaces"_s).toString();
        if (const auto v = decimalOf(x.value(u"value"_s), where + u".value"_s, problems))
            o.value = *v;
        if (x.contains(u"verified_value"_s)) {
            o.verifiedValue =
                decimalOf(x.value(u"verified_value"_s), where + u".verified_value"_s, problems);
        } else if (o.state == u"verified"_s || o.state == u"superseded"_s) {
            o.verifiedValue = o.value;
        }
        if (x.contains(u"verified_on"_s))
            o.verifiedOn = dateOf(x.value(u"verified_on"_s), where + u".verified_on"_s, problems);
        out << o;
    }
    // The replaced observation knows its replacement.
    for (const Observation& o : std::as_const(out)) {
        if (o.replaces.isEmpty())
            continue;
        bool found = false;
        for (Observation& earlier : out) {
            if (earlier.id == o.replaces) {
                earlier.replacedBy = o.id;
                found = true;
            }
        }
        if (!found)
            problems << u"observation "_s + o.id + u" replaces unknown "_s + o.replaces;
    }
    return out;
}

QList<DisbursementEvent> eventsOf(const Program& program, const QJsonArray& list,
                                  QStringList& problems)
{
    QList<DisbursementEvent> out;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject x = list.at(i).toObject();
        const QString where = u"events["_s + QString::number(i) + u']';
        DisbursementEvent e;
        const auto kind = enumFromString(kEventKindNames, x.value(u"kind"_s).toString());
        if (!kind) {
            problems << where + u".kind: unknown "_s + show(x.value(u"kind"_s));
            continue;
        }
        e.kind = *kind;
        e.reference = x.value(u"ref"_s).toString();
        e.id = x.value(u"id"_s).toString(
            e.reference.isEmpty() ? u"event-"_s + QString::number(i + 1) : e.reference);
        e.dli = x.value(u"dli"_s).toString();
        e.dlr = x.value(u"dlr"_s).toString();
        e.toDlr = x.value(u"to_dlr"_s).toString();
        const auto amount =
            Money::parse(x.value(u"amount"_s).toString(), program.currency.minorDigits);
        if (!amount) {
            problems << where + u".amount: "_s + amount.error().text();
            continue;
        }
        e.amount = *amount;
        e.date = dateOf(x.value(u"date"_s), where + u".date"_s, problems);
        e.forced = x.value(u"forced"_s).toBool(false);
        e.reason = x.value(u"reason"_s).toString();
        e.recordedBy = u"scenario"_s;
        e.sequence = i;
        out << e;
    }
    return out;
}

Run runScenario(const Scenario& s)
{
    Run run;
    const std::optional<Program> program = scenarioProgram(s, run.problems);
    if (!program)
        return run;
    DisbursementEngine::Input input;
    input.observations =
        observationsOf(*program, s.doc.value(u"observations"_s).toArray(), run.problems);
    input.events = eventsOf(*program, s.doc.value(u"events"_s).toArray(), run.problems);
    input.asOf = dateOf(s.doc.value(u"as_of"_s), u"as_of"_s, run.problems);
    if (!run.problems.isEmpty())
        return run;

    const bool forecast = s.doc.value(u"forecast"_s).toBool(false);
    input.forecast = false;
    const Disbursement verified = DisbursementEngine::compute(*program, input);
    QByteArray json;
    if (forecast) {
        input.forecast = true;
        const Disbursement projected = DisbursementEngine::compute(*program, input);
        json = StatusReport::json(*program, verified, &projected);
    } else {
        json = StatusReport::json(*program, verified);
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject()) {
        run.problems << u"the status report is not a JSON object: "_s + error.errorString();
        return run;
    }
    run.status = doc.object();
    if (forecast) {
        if (!run.status.value(u"forecast"_s).isObject()) {
            run.problems << u"forecast: missing from the status report"_s;
            return run;
        }
        run.status = run.status.value(u"forecast"_s).toObject();
    }
    return run;
}

QStringList scenarioFiles()
{
    const QDir dir(test::dataPath(u"scenarios"_s));
    return dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
}

// The hand derivation: a non-empty list of non-empty sentences.
bool hasDerivation(const QJsonObject& doc)
{
    const QJsonArray lines = doc.value(u"worked_by_hand"_s).toArray();
    if (lines.isEmpty())
        return false;
    for (const QJsonValue& line : lines) {
        if (line.toString().trimmed().isEmpty())
            return false;
    }
    return true;
}

// Runs one scenario file; every mismatch is a failed check naming the file and the JSON path.
void checkScenario(const QString& name)
{
    const QString path = test::dataPath(u"scenarios/"_s + name);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(test::readFile(path), &error);
    if (!doc.isObject()) {
        FAIL_CHECK(name.toStdString()
                   << ": not a JSON object: " << error.errorString().toStdString());
        return;
    }
    const Scenario s{name, doc.object()};
    INFO("title: " << s.doc.value(u"title"_s).toString().toStdString());
    CHECK(hasDerivation(s.doc));
    CHECK(s.doc.value(u"expected"_s).isObject());

    const Run run = runScenario(s);
    for (const QString& problem : run.problems)
        FAIL_CHECK(name.toStdString() << ": " << problem.toStdString());
    if (!run.problems.isEmpty())
        return;

    Comparer comparer;
    comparer.compare(s.doc.value(u"expected"_s), run.status, QString());
    for (const QString& problem : std::as_const(comparer.problems))
        FAIL_CHECK(name.toStdString() << ": " << problem.toStdString());
}

} // namespace

TEST_CASE("Disbursement scenarios worked by hand", "[disbursement][scenarios]")
{
    const QStringList files = scenarioFiles();
    REQUIRE(files.size() >= 45);
    for (const QString& name : files) {
        DYNAMIC_SECTION(name.toStdString())
        {
            INFO("scenario " << name.toStdString());
            checkScenario(name);
        }
    }
}
