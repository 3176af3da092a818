// The verification workflow from the command line: observations, submit, verify, reject, query,
// amend, supersede, and sample draw | record | close | show. Every rule is the core's
// (Workflow, Samples); this file only parses and prints.
#include "app/cli/cli.h"
#include "core/io/text_table.h"
#include "core/storage/session.h"
#include "core/workflow/samples.h"
#include "core/workflow/workflow.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dli::cli {

namespace {

const QStringList kStates{u"draft"_s,    u"submitted"_s, u"verified"_s,
                          u"rejected"_s, u"queried"_s,   u"superseded"_s};

Result<Decimal> valueOption(const QString& name, const QString& text)
{
    auto v = Decimal::parse(text);
    if (!v)
        return Error(
            ErrorCode::Usage,
            Cli::tr("--%1 takes a number such as 120 or 35.5, not \"%2\"").arg(name, text));
    return v.value();
}

// The corrected value that amend and supersede require.
Result<Decimal> requiredValue(const QCommandLineParser& p, const QCommandLineOption& value)
{
    if (!p.isSet(value))
        return Error(ErrorCode::Usage, Cli::tr("give the corrected value with --value V"));
    return valueOption(u"value"_s, p.value(value));
}

// --period when given, in the program's fiscal year.
Result<std::optional<Period>> periodOption(const QCommandLineParser& p,
                                           const QCommandLineOption& period, const Program& program)
{
    if (!p.isSet(period))
        return std::optional<Period>();
    auto parsed = Period::parse(p.value(period), program.fiscalYearStartMonth);
    if (!parsed)
        return Error(ErrorCode::Usage, u"--period: "_s + parsed.error().message);
    return std::optional<Period>(parsed.value());
}

QJsonObject observationJson(const Observation& o)
{
    QJsonObject j{{u"id"_s, o.id},
                  {u"indicator"_s, o.indicator},
                  {u"period"_s, o.period.code()},
                  {u"org_unit"_s, o.orgUnit},
                  {u"category"_s, o.category},
                  {u"value"_s, o.value.toString()},
                  {u"state"_s, o.state},
                  {u"reporter"_s, o.reporter},
                  {u"created_at"_s, o.createdAt.toString(Qt::ISODate)},
                  {u"note"_s, o.note}};
    if (o.verifiedValue) {
        j.insert(u"verified_value"_s, o.verifiedValue->toString());
        j.insert(u"verified_on"_s, o.verifiedOn.toString(Qt::ISODate));
    }
    if (!o.replaces.isEmpty())
        j.insert(u"replaces"_s, o.replaces);
    if (!o.replacedBy.isEmpty())
        j.insert(u"replaced_by"_s, o.replacedBy);
    return j;
}

QString findingText(const ReconciliationRow& r)
{
    return Cli::tr("reconciliation: reported %1, the register says %2; the gap %3 is beyond the "
                   "tolerance (%4)")
        .arg(r.reported.toString(), r.registered.toString(), r.gap.toString(),
             r.allowed.toString());
}

} // namespace

int Cli::observations(const QStringList& args)
{
    const QCommandLineOption state(u"state"_s, tr("Only observations in this state."), u"S"_s);
    const QCommandLineOption indicator(u"indicator"_s, tr("Only this indicator."), u"CODE"_s);
    const QCommandLineOption period(u"period"_s, tr("Only this fiscal year or quarter."), u"P"_s);
    const QCommandLineOption id(u"id"_s,
                                tr("Show one observation in full: its history, verification, "
                                   "evidence, samples and reconciliation."),
                                u"ID"_s);
    const QCommandLineOption format(u"format"_s, tr("table (default) or json."), u"FORMAT"_s,
                                    u"table"_s);
    const Command c{
        u"observations"_s,
        u"DB [--state S] [--indicator C] [--period P] [--id ID] [--format table|json]"_s,
        tr("Lists the observations with their workflow state. States: draft, "
           "submitted, verified,\nrejected, queried, superseded."),
        {state, indicator, period, id, format},
        1,
        1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    if (p.isSet(state) && !kStates.contains(p.value(state)))
        return report(Error(
            ErrorCode::Usage,
            tr("--state is one of %1, not \"%2\"").arg(kStates.join(u", "_s), p.value(state))));
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Session& session = *opened->session;
    const Program& program = opened->program;
    const bool json = p.value(format) == u"json"_s;

    if (p.isSet(id)) {
        auto o = session.observations().find(p.value(id));
        if (!o)
            return report(o.error());
        auto history = session.observations().transitions(o->id);
        auto verification = session.observations().verification(o->id);
        auto evidence = session.evidence().list(
            EvidenceRepository::TargetKey{Evidence::Target::Observation, o->id});
        auto samples = Samples(session, program).forObservation(o->id);
        auto finding = Workflow(session, program).reconciliation(o.value());
        if (!history || !verification || !evidence || !samples || !finding)
            return report(!history        ? history.error()
                          : !verification ? verification.error()
                          : !evidence     ? evidence.error()
                          : !samples      ? samples.error()
                                          : finding.error());
        if (json) {
            QJsonObject j = observationJson(o.value());
            QJsonArray steps;
            for (const Transition& t : history.value())
                steps.append(QJsonObject{{u"action"_s, t.action},
                                         {u"from"_s, t.fromState},
                                         {u"to"_s, t.toState},
                                         {u"user"_s, t.user},
                                         {u"at"_s, t.at.toString(Qt::ISODate)},
                                         {u"reason"_s, t.reason}});
            j.insert(u"history"_s, steps);
            if (const auto& v = verification.value())
                j.insert(
                    u"verification"_s,
                    QJsonObject{{u"method"_s, enumToString(kVerificationMethodNames, v->method)},
                                {u"verified_value"_s, v->verifiedValue.toString()},
                                {u"reason"_s, v->reason},
                                {u"note"_s, v->note},
                                {u"verifier"_s, v->verifier},
                                {u"verified_on"_s, v->verifiedOn.toString(Qt::ISODate)},
                                {u"recorded_at"_s, v->recordedAt.toString(Qt::ISODate)},
                                {u"sample"_s, v->sampleId}});
            QJsonArray files;
            for (const Evidence& e : evidence.value())
                files.append(
                    QJsonObject{{u"id"_s, e.id}, {u"file"_s, e.fileName}, {u"sha256"_s, e.sha256}});
            j.insert(u"evidence"_s, files);
            if (const auto& r = finding.value())
                j.insert(u"reconciliation"_s,
                         QJsonObject{{u"reported"_s, r->reported.toString()},
                                     {u"registered"_s, r->registered.toString()},
                                     {u"finding"_s, r->finding}});
            out() << QString::fromUtf8(QJsonDocument(j).toJson());
            return Success;
        }
        const Observation& ob = o.value();
        out() << tr("Observation %1").arg(ob.id) << '\n'
              << tr("  %1, %2, %3%4: %5 (%6)")
                     .arg(ob.indicator, ob.period.code(), ob.orgUnit,
                          ob.category.isEmpty() ? QString() : u", "_s + ob.category,
                          ob.value.toString(), ob.state)
              << '\n'
              << tr("  reported by %1 at %2").arg(ob.reporter, ob.createdAt.toString(Qt::ISODate))
              << '\n';
        if (!ob.replaces.isEmpty())
            out() << tr("  replaces %1").arg(ob.replaces) << '\n';
        if (!ob.replacedBy.isEmpty())
            out() << tr("  replaced by %1").arg(ob.replacedBy) << '\n';
        if (const auto& v = verification.value())
            out() << tr("  verified: %1 by %2 on %3 (%4)%5")
                         .arg(v->verifiedValue.toString(), v->verifier,
                              v->verifiedOn.toString(Qt::ISODate),
                              enumToString(kVerificationMethodNames, v->method),
                              v->reason.isEmpty() ? QString() : u"; "_s + v->reason)
                  << '\n';
        if (const auto& r = finding.value()) {
            out() << (r->finding ? u"  "_s + findingText(*r)
                                 : tr("  reconciliation: reported %1, the register says %2, "
                                      "within the tolerance")
                                       .arg(r->reported.toString(), r->registered.toString()))
                  << '\n';
        }
        out() << tr("History:") << '\n';
        for (const Transition& t : history.value())
            out() << u"  "_s << t.at.toString(Qt::ISODate) << u"  "_s << t.user << u"  "_s
                  << t.action << u": "_s << t.fromState << u" -> "_s << t.toState
                  << (t.reason.isEmpty() ? QString() : u" ("_s + t.reason + u')') << '\n';
        out() << tr("Evidence: %1 files").arg(evidence->size()) << '\n';
        for (const Evidence& e : evidence.value())
            out() << u"  "_s << e.id << u"  "_s << e.fileName << '\n';
        for (const Sample& s : samples.value())
            out() << tr("Sample %1: %2, %3 of %4 rows drawn with seed \"%5\"")
                         .arg(s.id, s.state)
                         .arg(s.size)
                         .arg(s.population)
                         .arg(s.seed)
                  << '\n';
        return Success;
    }

    auto periodGiven = periodOption(p, period, program);
    if (!periodGiven)
        return report(periodGiven.error());
    const std::optional<Period> only = periodGiven.value();
    if (p.isSet(indicator) && !program.indicator(p.value(indicator)))
        return report(Error(ErrorCode::NotFound,
                            tr("--indicator: unknown indicator \"%1\"").arg(p.value(indicator))));
    auto all = session.observations().all();
    if (!all)
        return report(all.error());
    QList<Observation> shown;
    for (const Observation& o : all.value()) {
        if (p.isSet(state) && o.state != p.value(state))
            continue;
        if (p.isSet(indicator) && o.indicator != p.value(indicator))
            continue;
        if (only && !only->contains(o.period) && o.period != *only)
            continue;
        shown << o;
    }
    if (json) {
        QJsonArray list;
        for (const Observation& o : shown)
            list.append(observationJson(o));
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{u"observations"_s, list}}).toJson());
        return Success;
    }
    TextTable t({tr("Id"), tr("Indicator"), tr("Period"), tr("Org unit"), tr("Category"),
                 tr("Value"), tr("Verified"), tr("State"), tr("Reporter")},
                {TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
                 TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Right,
                 TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left});
    for (const Observation& o : shown)
        t.addRow({o.id, o.indicator, o.period.code(), o.orgUnit, o.category, o.value.toString(),
                  o.verifiedValue ? o.verifiedValue->toString() : QString(), o.state, o.reporter});
    out() << t.render();
    err() << tr("%1 observations").arg(shown.size()) << '\n';
    return Success;
}

int Cli::submit(const QStringList& args)
{
    const QCommandLineOption all(u"all"_s,
                                 tr("Every draft or queried observation you may submit."));
    const QCommandLineOption indicator(u"indicator"_s, tr("With --all: only this indicator."),
                                       u"CODE"_s);
    const QCommandLineOption period(u"period"_s, tr("With --all: only this period."), u"P"_s);
    const Command c{u"submit"_s,
                    u"DB ID... | DB --all [--indicator C] [--period P]"_s,
                    tr("Submits draft or queried observations for verification (officers). An "
                       "observation of a DLI\nwhose protocol requires evidence needs it attached "
                       "first. All or nothing: one refusal\nsubmits none of the IDs given."),
                    {all, indicator, period},
                    1,
                    100000};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    const QStringList ids = p.positionalArguments().mid(1);
    if (p.isSet(all) == !ids.isEmpty())
        return report(Error(ErrorCode::Usage, tr("give the observations' IDs, or --all")));
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Workflow workflow(*opened->session, opened->program);
    if (p.isSet(all)) {
        auto only = periodOption(p, period, opened->program);
        if (!only)
            return report(only.error());
        auto done = workflow.submitAll(p.value(indicator), only.value());
        if (!done)
            return report(done.error());
        err() << tr("Submitted %1 observations.").arg(done->submitted.size()) << '\n';
        if (!done->skipped.isEmpty()) {
            err() << tr("Not submitted (%1):").arg(done->skipped.size()) << '\n';
            for (const QString& why : done->skipped)
                err() << u"  "_s << why << '\n';
        }
        return Success;
    }
    // One at a time, each in its own transaction, stopping at the first refusal; so that the
    // IDs are all or nothing, the refusal is checked before any is written.
    for (const QString& id : ids) {
        if (auto s = workflow.submit(id); !s) {
            Error e = s.error();
            e.location = id;
            return report(e);
        }
    }
    err() << tr("Submitted %1 observations.").arg(ids.size()) << '\n';
    return Success;
}

int Cli::verify(const QStringList& args)
{
    const QCommandLineOption value(u"value"_s,
                                   tr("The verified value (default: the reported one)."), u"V"_s);
    const QCommandLineOption method(u"method"_s,
                                    tr("desk_review, field_visit or third_party_report."), u"M"_s);
    const QCommandLineOption date(u"date"_s,
                                  tr("Date of the check or the agent's report (default: today); "
                                     "never in the future."),
                                  u"YYYY-MM-DD"_s);
    const QCommandLineOption reason(
        u"reason"_s, tr("Why the verified value differs from the reported one."), u"TEXT"_s);
    const QCommandLineOption note(u"note"_s, tr("A note on the verification."), u"TEXT"_s);
    const QCommandLineOption evidence(u"evidence"_s,
                                      tr("A file the verification rests on; attached to the "
                                         "observation."),
                                      u"FILE"_s);
    const Command c{u"verify"_s,
                    u"DB ID --method M [--value V] [--date D] [--reason R] [--note T] "
                    "[--evidence FILE]"_s,
                    tr("Verifies a submitted observation (verifiers; never the observation's "
                       "reporter or\nanyone who amended it). A reconciliation finding on the "
                       "figure is shown first."),
                    {value, method, date, reason, note, evidence},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    Workflow::VerifyRequest r;
    r.id = p.positionalArguments().at(1);
    if (!p.isSet(method))
        return report(Error(ErrorCode::Usage,
                            tr("give the method with --method: desk_review, field_visit or "
                               "third_party_report (samples are closed with `sample close`)")));
    auto m = enumFromString(kVerificationMethodNames, p.value(method));
    if (!m)
        return report(Error(ErrorCode::Usage, tr("--method is desk_review, field_visit or "
                                                 "third_party_report, not \"%1\"")
                                                  .arg(p.value(method))));
    r.method = *m;
    if (p.isSet(value)) {
        auto v = valueOption(u"value"_s, p.value(value));
        if (!v)
            return report(v.error());
        r.value = v.value();
    }
    if (p.isSet(date)) {
        const QDate d = QDate::fromString(p.value(date), Qt::ISODate);
        if (!d.isValid())
            return report(
                Error(ErrorCode::Usage,
                      tr("--date takes a date as YYYY-MM-DD, not \"%1\"").arg(p.value(date))));
        r.date = d;
    }
    r.reason = p.value(reason);
    r.note = p.value(note);
    r.evidencePaths = p.values(evidence);
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Workflow workflow(*opened->session, opened->program);
    auto o = opened->session->observations().find(r.id);
    if (!o)
        return report(o.error());
    auto finding = workflow.reconciliation(o.value());
    if (!finding)
        return report(finding.error());
    if (finding.value() && finding.value()->finding)
        err() << tr("Note, observation %1: %2").arg(r.id, findingText(*finding.value())) << '\n';
    auto v = workflow.verify(r);
    if (!v)
        return report(v.error());
    err() << tr("Verified observation %1: %2 (reported %3), counted from %4.")
                 .arg(r.id, v->verifiedValue.toString(), v->reportedValue.toString(),
                      v->verifiedOn.toString(Qt::ISODate))
          << '\n';
    return Success;
}

int Cli::decide(const QStringList& args, bool reject)
{
    const QCommandLineOption reason(u"reason"_s, tr("Why; the officer reads it."), u"TEXT"_s);
    const Command c{reject ? u"reject"_s : u"query"_s,
                    u"DB ID --reason TEXT"_s,
                    reject ? tr("Rejects a submitted observation (verifiers, four eyes). A "
                                "rejected figure never counts.")
                           : tr("Sends a submitted observation back to the officer with a "
                                "question (verifiers, four eyes);\nthe officer amends and "
                                "submits it again."),
                    {reason},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Workflow workflow(*opened->session, opened->program);
    const QString id = p.positionalArguments().at(1);
    const Status done =
        reject ? workflow.reject(id, p.value(reason)) : workflow.query(id, p.value(reason));
    if (!done)
        return report(done.error());
    err() << (reject ? tr("Rejected observation %1.") : tr("Queried observation %1.")).arg(id)
          << '\n';
    return Success;
}

int Cli::amend(const QStringList& args)
{
    const QCommandLineOption value(u"value"_s, tr("The corrected value."), u"V"_s);
    const QCommandLineOption note(u"note"_s, tr("A note replacing the observation's note."),
                                  u"TEXT"_s);
    const Command c{u"amend"_s,
                    u"DB ID --value V [--note T]"_s,
                    tr("Corrects a draft or queried observation (officers). Whoever amends an "
                       "observation may not\nverify it."),
                    {value, note},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto v = requiredValue(p, value);
    if (!v)
        return report(v.error());
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Workflow workflow(*opened->session, opened->program);
    const QString id = p.positionalArguments().at(1);
    std::optional<QString> newNote;
    if (p.isSet(note))
        newNote = p.value(note);
    if (auto done = workflow.amend(id, v.value(), newNote); !done)
        return report(done.error());
    err() << tr("Amended observation %1 to %2.").arg(id, v->toString()) << '\n';
    return Success;
}

int Cli::supersede(const QStringList& args)
{
    const QCommandLineOption value(u"value"_s, tr("The corrected value."), u"V"_s);
    const QCommandLineOption reason(u"reason"_s, tr("Why the verified figure was wrong."),
                                    u"TEXT"_s);
    const Command c{u"supersede"_s,
                    u"DB ID --value V --reason TEXT"_s,
                    tr("Corrects a verified (or rejected) observation (officers): creates a "
                       "replacement linked to it,\nas a draft, which goes through the workflow "
                       "again. The old figure counts until the\nreplacement is verified."),
                    {value, reason},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto v = requiredValue(p, value);
    if (!v)
        return report(v.error());
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Workflow workflow(*opened->session, opened->program);
    auto id = workflow.supersede(p.positionalArguments().at(1), v.value(), p.value(reason));
    if (!id)
        return report(id.error());
    out() << id.value() << '\n';
    err() << tr("Created replacement %1 (draft) for observation %2; submit it with "
                "`dlitracker-cli submit DB %1`.")
                 .arg(id.value(), p.positionalArguments().at(1))
          << '\n';
    return Success;
}

int Cli::sample(const QStringList& args)
{
    return group(u"sample"_s, args,
                 {{u"draw"_s,
                   [this](const QStringList& a) {
                       return sampleDraw(a);
                   }},
                  {u"record"_s,
                   [this](const QStringList& a) {
                       return sampleRecord(a);
                   }},
                  {u"close"_s,
                   [this](const QStringList& a) {
                       return sampleClose(a);
                   }},
                  {u"show"_s,
                   [this](const QStringList& a) {
                       return sampleShow(a);
                   }}},
                 tr("Usage: dlitracker-cli sample draw DB OBSERVATION_ID --seed S [--size N]\n"
                    "       dlitracker-cli sample record DB SAMPLE KEY --outcome O [--note T] "
                    "[--evidence FILE]\n"
                    "       dlitracker-cli sample close DB SAMPLE\n"
                    "       dlitracker-cli sample show DB SAMPLE [--format table|json]\n"));
}

namespace {

void printSample(QTextStream& out, const Sample& s)
{
    out << Cli::tr("Sample %1 of observation %2").arg(s.id, s.observationId) << '\n'
        << Cli::tr("  seed \"%1\", %2 of %3 candidates (%4), drawn by %5 at %6")
               .arg(s.seed)
               .arg(s.size)
               .arg(s.population)
               .arg(s.keyKind, s.drawnBy, s.drawnAt.toString(Qt::ISODate))
        << '\n';
    if (s.state == u"closed"_s)
        out << Cli::tr("  closed by %1 at %2: %3 failed, error rate %4; observation %5")
                   .arg(s.closedBy, s.closedAt.toString(Qt::ISODate))
                   .arg(s.failed.value_or(0))
                   .arg(s.errorRate.value_or(Decimal()).toString(), s.outcome)
            << '\n';
    else
        out << Cli::tr("  open") << '\n';
    TextTable t(
        {Cli::tr("#"), Cli::tr("Key"), Cli::tr("Outcome"), Cli::tr("Note"), Cli::tr("Recorded by")},
        {TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left,
         TextTable::Align::Left, TextTable::Align::Left});
    for (const SampleItem& i : s.items)
        t.addRow({QString::number(i.position), i.key,
                  i.outcome ? enumToString(kSampleOutcomeNames, *i.outcome) : Cli::tr("(to check)"),
                  i.note, i.recordedBy});
    out << t.render();
}

} // namespace

int Cli::sampleDraw(const QStringList& args)
{
    const QCommandLineOption seed(u"seed"_s, tr("The seed: any text, recorded with the sample."),
                                  u"S"_s);
    const QCommandLineOption size(
        u"size"_s, tr("Rows to draw (default: the protocol's sample size)."), u"N"_s);
    const Command c{u"sample draw"_s,
                    u"DB OBSERVATION_ID --seed S [--size N]"_s,
                    tr("Draws the register rows behind a submitted observation to check "
                       "(verifiers): the rows are\nranked by the SHA-256 of \"<seed>:<key>\" and "
                       "the first N taken (docs/sampling.md)."),
                    {seed, size},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    if (!p.isSet(seed))
        return report(Error(ErrorCode::Usage, tr("give the seed with --seed S")));
    std::optional<int> n;
    if (p.isSet(size)) {
        bool ok = false;
        n = p.value(size).toInt(&ok);
        if (!ok || *n <= 0)
            return report(
                Error(ErrorCode::Usage,
                      tr("--size takes a whole number above zero, not \"%1\"").arg(p.value(size))));
    }
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    auto s = Samples(*opened->session, opened->program)
                 .draw(p.positionalArguments().at(1), p.value(seed), n);
    if (!s)
        return report(s.error());
    printSample(out(), s.value());
    err() << tr("Record each row's outcome with `dlitracker-cli sample record DB %1 KEY --outcome "
                "confirmed|not_confirmed|not_found`, then `sample close`.")
                 .arg(s->id)
          << '\n';
    return Success;
}

int Cli::sampleRecord(const QStringList& args)
{
    const QCommandLineOption outcome(u"outcome"_s, tr("confirmed, not_confirmed or not_found."),
                                     u"O"_s);
    const QCommandLineOption note(u"note"_s, tr("What the check found."), u"TEXT"_s);
    const QCommandLineOption evidence(u"evidence"_s, tr("A file from the check."), u"FILE"_s);
    const Command c{u"sample record"_s,
                    u"DB SAMPLE KEY --outcome O [--note T] [--evidence FILE]"_s,
                    tr("Records the outcome of checking one drawn row; it may be recorded again "
                       "until the sample\nis closed."),
                    {outcome, note, evidence},
                    3,
                    3};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto o = enumFromString(kSampleOutcomeNames, p.value(outcome));
    if (!o)
        return report(Error(ErrorCode::Usage,
                            tr("--outcome is confirmed, not_confirmed or not_found, not \"%1\"")
                                .arg(p.value(outcome))));
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    if (auto done = Samples(*opened->session, opened->program)
                        .record(p.positionalArguments().at(1), p.positionalArguments().at(2), *o,
                                p.value(note), p.values(evidence));
        !done)
        return report(done.error());
    err() << tr("Recorded %1 for %2.").arg(p.value(outcome), p.positionalArguments().at(2)) << '\n';
    return Success;
}

int Cli::sampleClose(const QStringList& args)
{
    const Command c{u"sample close"_s,
                    u"DB SAMPLE"_s,
                    tr("Closes a sample whose rows all have an outcome: the error rate e = failed "
                       "/ sampled\nverifies the observation at floor(reported x (1 - e)), or "
                       "rejects it when e exceeds the\nprotocol's largest accepted error rate."),
                    {},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    auto s = Samples(*opened->session, opened->program).close(p.positionalArguments().at(1));
    if (!s)
        return report(s.error());
    printSample(out(), s.value());
    return Success;
}

int Cli::sampleShow(const QStringList& args)
{
    const QCommandLineOption format(u"format"_s, tr("table (default) or json."), u"FORMAT"_s,
                                    u"table"_s);
    const Command c{u"sample show"_s,
                    u"DB SAMPLE [--format table|json]"_s,
                    tr("Shows a sample: its seed, the drawn keys and their outcomes."),
                    {format},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    auto s = Samples(*opened->session, opened->program).find(p.positionalArguments().at(1));
    if (!s)
        return report(s.error());
    if (p.value(format) == u"json"_s) {
        QJsonArray items;
        for (const SampleItem& i : s->items)
            items.append(QJsonObject{
                {u"position"_s, i.position},
                {u"key"_s, i.key},
                {u"rank"_s, i.rank},
                {u"outcome"_s, i.outcome ? QJsonValue(enumToString(kSampleOutcomeNames, *i.outcome))
                                         : QJsonValue()},
                {u"note"_s, i.note}});
        QJsonObject j{
            {u"id"_s, s->id},     {u"observation"_s, s->observationId}, {u"seed"_s, s->seed},
            {u"size"_s, s->size}, {u"population"_s, s->population},     {u"state"_s, s->state},
            {u"items"_s, items}};
        if (s->failed)
            j.insert(u"failed"_s, *s->failed);
        if (s->errorRate)
            j.insert(u"error_rate"_s, s->errorRate->toString());
        if (!s->outcome.isEmpty())
            j.insert(u"outcome"_s, s->outcome);
        out() << QString::fromUtf8(QJsonDocument(j).toJson());
        return Success;
    }
    printSample(out(), s.value());
    return Success;
}

} // namespace dli::cli
