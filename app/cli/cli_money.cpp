// What can be claimed, from the command line: status, events, and event disburse | advance |
// refund | reallocate | cancel. The rules are the core's (DisbursementEngine, Disbursements);
// this file only parses and prints.
#include "app/cli/cli.h"
#include "core/io/status_report.h"
#include "core/io/text_table.h"
#include "core/storage/session.h"
#include "core/workflow/disbursements.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace dli::cli {

namespace {

Result<QDate> dateOption(const QString& name, const QString& text)
{
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        return Error(ErrorCode::Usage,
                     Cli::tr("--%1 takes a date written YYYY-MM-DD, not \"%2\"").arg(name, text));
    return d;
}

QJsonObject eventJson(const DisbursementEvent& e, const Currency& c)
{
    return QJsonObject{{u"id"_s, e.id},
                       {u"sequence"_s, e.sequence},
                       {u"kind"_s, enumToString(kEventKindNames, e.kind)},
                       {u"dli"_s, e.dli.isEmpty() ? QJsonValue() : QJsonValue(e.dli)},
                       {u"dlr"_s, e.dlr.isEmpty() ? QJsonValue() : QJsonValue(e.dlr)},
                       {u"to_dlr"_s, e.toDlr.isEmpty() ? QJsonValue() : QJsonValue(e.toDlr)},
                       {u"amount"_s, e.amount.toPlainString(c.minorDigits)},
                       {u"date"_s, e.date.toString(Qt::ISODate)},
                       {u"reference"_s, e.reference},
                       {u"forced"_s, e.forced},
                       {u"reason"_s, e.reason},
                       {u"recorded_by"_s, e.recordedBy},
                       {u"recorded_at"_s, e.recordedAt.toUTC().toString(Qt::ISODate)}};
}

QString describe(const DisbursementEvent& e, const Currency& c)
{
    const QString amount = e.amount.format(c);
    switch (e.kind) {
    case EventKind::Disburse:
        return Cli::tr("disbursement of %1 against DLR %2").arg(amount, e.dlr);
    case EventKind::Advance:
        return Cli::tr("advance of %1 against DLI %2").arg(amount, e.dli);
    case EventKind::Refund:
        return Cli::tr("refund of %1 of DLI %2's advances").arg(amount, e.dli);
    case EventKind::Reallocate:
        return Cli::tr("reallocation of %1 from DLR %2 to DLR %3").arg(amount, e.dlr, e.toDlr);
    case EventKind::Cancel:
        return Cli::tr("cancellation of %1 of DLR %2").arg(amount, e.dlr);
    }
    return {};
}

} // namespace

// "2026-07-01T09:00:00Z", "2026-07-01T14:00:00+05:00", or a date: the end of that day (UTC).
Result<QDateTime> momentOption(const QString& text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(23, 59, 59), Qt::UTC);
    } else if (t.timeSpec() == Qt::LocalTime) {
        t.setTimeSpec(Qt::UTC); // no zone written: UTC, as the store keeps times
    }
    if (!t.isValid())
        return Error(ErrorCode::Usage,
                     Cli::tr("--known-at takes a moment such as 2026-07-01T09:00:00Z (UTC "
                             "unless a zone is written) or a date, not \"%1\"")
                         .arg(text));
    return t.toUTC();
}

int Cli::event(const QStringList& args)
{
    auto run = [this](EventKind kind) {
        return [this, kind](const QStringList& a) {
            return recordEvent(kind, a);
        };
    };
    return group(u"event"_s, args,
                 {{u"disburse"_s, run(EventKind::Disburse)},
                  {u"advance"_s, run(EventKind::Advance)},
                  {u"refund"_s, run(EventKind::Refund)},
                  {u"reallocate"_s, run(EventKind::Reallocate)},
                  {u"cancel"_s, run(EventKind::Cancel)}},
                 tr("Usage: dlitracker-cli event disburse DB --dlr CODE --amount A --date D "
                    "--ref REF\n"
                    "       dlitracker-cli event advance DB --dli CODE --amount A --date D --ref "
                    "REF\n"
                    "       dlitracker-cli event refund DB --dli CODE --amount A --date D --ref "
                    "REF\n"
                    "       dlitracker-cli event reallocate DB --from DLR --to DLR --amount A "
                    "--date D --ref REF\n"
                    "       dlitracker-cli event cancel DB --dlr CODE --amount A --date D --ref "
                    "REF\n"
                    "Each takes --force --reason TEXT to record an event that breaks a rule.\n"));
}

int Cli::recordEvent(EventKind kind, const QStringList& args)
{
    const QString name = enumToString(kEventKindNames, kind);
    const QCommandLineOption dlr(u"dlr"_s, tr("The DLR."), u"CODE"_s);
    const QCommandLineOption dli(u"dli"_s, tr("The DLI."), u"CODE"_s);
    const QCommandLineOption from(u"from"_s, tr("The DLR the money is taken from."), u"DLR"_s);
    const QCommandLineOption to(u"to"_s, tr("The DLR that receives it."), u"DLR"_s);
    const QCommandLineOption amount(
        u"amount"_s, tr("The amount in the program's currency, e.g. 1250000.50."), u"A"_s);
    const QCommandLineOption date(u"date"_s, tr("The date it happened, YYYY-MM-DD."), u"D"_s);
    const QCommandLineOption ref(u"ref"_s,
                                 tr("Its reference: the withdrawal application, the Bank's "
                                    "letter, the decision's number."),
                                 u"REF"_s);
    const QCommandLineOption force(u"force"_s,
                                   tr("Record it even though it breaks a rule; needs --reason."));
    const QCommandLineOption reason(
        u"reason"_s, tr("Why a forced event is right; kept and shown as a finding."), u"TEXT"_s);
    QList<QCommandLineOption> options;
    QString target;
    QString description;
    switch (kind) {
    case EventKind::Disburse:
        options << dlr;
        target = u"--dlr CODE"_s;
        description = tr("Records cash the Bank disbursed against a DLR. Refused when it is more "
                         "than the DLR's\npayable amount on that date.");
        break;
    case EventKind::Advance:
        options << dli;
        target = u"--dli CODE"_s;
        description = tr("Records an advance paid against a DLI before its results. Refused when "
                         "outstanding\nadvances would exceed the program's advance cap.");
        break;
    case EventKind::Refund:
        options << dli;
        target = u"--dli CODE"_s;
        description = tr("Records a refund of a DLI's advances. Refused when it is more than what "
                         "is outstanding.");
        break;
    case EventKind::Reallocate:
        options << from << to;
        target = u"--from DLR --to DLR"_s;
        description = tr("Records a decision moving money pending reallocation on a final DLR to "
                         "a DLR that is\nnot final. Refused when it is more than what is "
                         "pending, or the receiving DLR is final.");
        break;
    case EventKind::Cancel:
        options << dlr;
        target = u"--dlr CODE"_s;
        description = tr("Records a decision cancelling money pending reallocation on a final "
                         "DLR. Refused when it\nis more than what is pending.");
        break;
    }
    options << amount << date << ref << force << reason;
    const Command c{u"event "_s + name,
                    u"DB "_s + target + u" --amount A --date D --ref REF [--force --reason TEXT]"_s,
                    description + tr("\nManagers only; every event is audited."),
                    options,
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    for (const QCommandLineOption& needed : options) {
        if (needed.names() == force.names() || needed.names() == reason.names())
            continue;
        if (!p.isSet(needed))
            return report(
                Error(ErrorCode::Usage, tr("give --%1 (see `dlitracker-cli event %2 --help`)")
                                            .arg(needed.names().first(), name)));
    }
    if (p.isSet(reason) && !p.isSet(force))
        return report(Error(ErrorCode::Usage,
                            tr("--reason goes with --force, for an event that breaks a rule")));
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    const Program& program = opened->program;
    DisbursementEvent e;
    e.kind = kind;
    auto parsedAmount = Money::parse(p.value(amount), program.currency.minorDigits);
    if (!parsedAmount)
        return report(Error(ErrorCode::Usage, u"--amount: "_s + parsedAmount.error().message));
    e.amount = parsedAmount.value();
    auto parsedDate = dateOption(u"date"_s, p.value(date));
    if (!parsedDate)
        return report(parsedDate.error());
    e.date = parsedDate.value();
    e.reference = p.value(ref);
    e.reason = p.value(reason);
    // Only the options this kind of event takes are defined in the parser.
    if (kind == EventKind::Advance || kind == EventKind::Refund)
        e.dli = p.value(dli);
    else if (kind == EventKind::Reallocate)
        e.dlr = p.value(from);
    else
        e.dlr = p.value(dlr);
    if (kind == EventKind::Reallocate)
        e.toDlr = p.value(to);
    Disbursements money(*opened->session, program);
    auto recorded = money.record(e, p.isSet(force));
    if (!recorded)
        return report(recorded.error());
    out() << tr("Recorded the %1 on %2 (%3) as event %4.")
                 .arg(describe(recorded.value(), program.currency),
                      recorded->date.toString(Qt::ISODate), recorded->reference, recorded->id)
          << '\n';
    if (recorded->forced)
        out() << tr("It breaks a rule and was forced; every status from %1 on shows it as a "
                    "finding with your reason.")
                     .arg(recorded->date.toString(Qt::ISODate))
              << '\n';
    return Success;
}

int Cli::events(const QStringList& args)
{
    const QCommandLineOption format(u"format"_s, tr("table (default) or json."), u"FORMAT"_s,
                                    u"table"_s);
    const Command c{u"events"_s,
                    u"DB [--format table|json]"_s,
                    tr("Lists the recorded disbursements, advances, refunds and decisions in "
                       "recording order."),
                    {format},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    const Program& program = opened->program;
    auto list = Disbursements(*opened->session, program).events();
    if (!list)
        return report(list.error());
    if (p.value(format) == u"json"_s) {
        QJsonArray items;
        for (const DisbursementEvent& e : list.value())
            items.append(eventJson(e, program.currency));
        out() << QJsonDocument(QJsonObject{{u"program"_s, program.code},
                                           {u"currency"_s, program.currency.code},
                                           {u"events"_s, items}})
                     .toJson(QJsonDocument::Indented);
        return Success;
    }
    if (list->isEmpty()) {
        out() << tr("No events recorded yet. Managers record them with `dlitracker-cli event "
                    "disburse|advance|refund|reallocate|cancel`.")
              << '\n';
        return Success;
    }
    using A = TextTable::Align;
    TextTable t({tr("#"), tr("Date"), tr("Event"), tr("DLI/DLR"), tr("Amount"), tr("Reference"),
                 tr("Recorded by"), tr("Forced: reason")},
                {A::Right, A::Left, A::Left, A::Left, A::Right, A::Left, A::Left, A::Left});
    for (const DisbursementEvent& e : list.value()) {
        const QString where = e.kind == EventKind::Reallocate ? e.dlr + u" → "_s + e.toDlr
                              : e.dlr.isEmpty()               ? e.dli
                                                              : e.dlr;
        t.addRow({QString::number(e.sequence), e.date.toString(Qt::ISODate),
                  enumToString(kEventKindNames, e.kind), where, e.amount.format(program.currency),
                  e.reference, e.recordedBy, e.forced ? e.reason : QString()});
    }
    out() << tr("%n event(s)", "", static_cast<int>(list->size())) << '\n' << t.render();
    return Success;
}

int Cli::status(const QStringList& args)
{
    const QCommandLineOption asOf(
        u"as-of"_s, tr("Compute as of this date, YYYY-MM-DD (default: today)."), u"DATE"_s);
    const QCommandLineOption knownAt(
        u"known-at"_s,
        tr("Compute with only what had been recorded by this moment, e.g. "
           "2026-07-01T09:00:00Z."),
        u"TIMESTAMP"_s);
    const QCommandLineOption forecast(u"forecast"_s,
                                      tr("Add a forecast: as if every submitted figure were "
                                         "verified as reported."));
    const QCommandLineOption explain(u"explain"_s,
                                     tr("Under the table, each DLR's derivation in plain words."));
    const QCommandLineOption format(u"format"_s, tr("table (default) or json."), u"FORMAT"_s,
                                    u"table"_s);
    const Command c{
        u"status"_s,
        u"DB [--as-of DATE] [--known-at TIMESTAMP] [--forecast] [--explain] [--format table|json]"_s,
        tr("Computes for every DLR what has been earned, disbursed, recovered, carried forward, "
           "reallocated\nor cancelled, and what can be claimed now (docs/disbursement.md)."),
        {asOf, knownAt, forecast, explain, format},
        1,
        1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    std::optional<QDate> date;
    if (p.isSet(asOf)) {
        auto d = dateOption(u"as-of"_s, p.value(asOf));
        if (!d)
            return report(d.error());
        date = d.value();
    }
    QDateTime moment;
    if (p.isSet(knownAt)) {
        auto t = momentOption(p.value(knownAt));
        if (!t)
            return report(t.error());
        moment = t.value();
    }
    auto opened = openProgram(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    Session& session = *opened->session;
    const Program& program = opened->program;
    const QDate day = date.value_or(session.options().now().date());
    Disbursements money(session, program);
    auto verified = money.compute(day, moment, false);
    if (!verified)
        return report(verified.error());
    std::optional<Disbursement> predicted;
    if (p.isSet(forecast)) {
        auto f = money.compute(day, moment, true);
        if (!f)
            return report(f.error());
        predicted = f.value();
    }
    const Disbursement* f = predicted ? &*predicted : nullptr;
    if (p.value(format) == u"json"_s)
        out() << QString::fromUtf8(StatusReport::json(program, verified.value(), f));
    else
        out() << StatusReport::text(program, verified.value(), f, p.isSet(explain));
    return Success;
}

} // namespace dli::cli
