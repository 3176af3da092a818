// audit verify | head | log
#include "app/cli/cli.h"
#include "core/io/text_table.h"
#include "core/storage/session.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dli::cli {

int Cli::audit(const QStringList& args)
{
    return group(u"audit"_s, args,
                 {{u"verify"_s,
                   [this](const QStringList& a) {
                       return auditVerify(a);
                   }},
                  {u"head"_s,
                   [this](const QStringList& a) {
                       return auditHead(a);
                   }},
                  {u"log"_s,
                   [this](const QStringList& a) {
                       return auditLog(a);
                   }}},
                 tr("Usage: dlitracker-cli audit verify DB [--expect HASH]\n"
                    "       dlitracker-cli audit head DB\n"
                    "       dlitracker-cli audit log DB [--since DATE] [--user U] [--table T] "
                    "[--row ID] [--format table|json]\n"));
}

int Cli::auditVerify(const QStringList& args)
{
    const QCommandLineOption expect(u"expect"_s,
                                    tr("A head hash recorded earlier (by `audit head` or a "
                                       "backup): it must still be in the chain, unchanged."),
                                    u"HASH"_s);
    const Command c{u"audit verify"_s,
                    u"DB [--expect HASH]"_s,
                    tr("Checks the audit log's hash chain, and every audited row against its last "
                       "entry (imports\nagainst their digests). Exit status 1 when anything was "
                       "changed outside DLI Tracker."),
                    {expect},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto session = openSession(p.positionalArguments().at(0));
    if (!session)
        return report(session.error());
    auto result = session.value()->audit().verify(p.value(expect).trimmed().toLower());
    if (!result)
        return report(result.error());
    const AuditReport& r = result.value();
    out() << tr("Audit entries:   %1").arg(r.entries) << '\n'
          << tr("Rows checked:    %1").arg(r.rowsChecked) << '\n'
          << tr("Head:            %1").arg(r.head.isEmpty() ? tr("(empty log)") : r.head) << '\n';
    if (r.baseSeq > 0)
        out() << tr("Field copy:      continues the office chain from entry %1 (hash %2); %3 rows "
                    "as copied from the office")
                     .arg(r.baseSeq)
                     .arg(r.baseHash)
                     .arg(r.rowsFromBase)
              << '\n';
    if (r.problems.isEmpty()) {
        out() << (p.isSet(expect) ? tr("Result:          intact; the expected head is in the chain")
                                  : tr("Result:          intact"))
              << '\n';
        return Success;
    }
    out() << tr("Result:          %1 problems").arg(r.problems.size()) << '\n';
    for (const QString& problem : r.problems)
        out() << u"  "_s << problem << '\n';
    out().flush();
    err() << tr("dlitracker-cli: the audit log or the data was changed outside DLI Tracker; "
                "compare with a backup before relying on this file")
          << '\n';
    return ProblemsFound;
}

int Cli::auditHead(const QStringList& args)
{
    const Command c{u"audit head"_s,
                    u"DB"_s,
                    tr("Prints the hash of the audit log's latest entry. Keep it outside the file "
                       "(a register,\nan e-mail): `audit verify DB --expect HASH` then proves "
                       "the history up to it was not\nrewritten."),
                    {},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto session = openSession(p.positionalArguments().at(0));
    if (!session)
        return report(session.error());
    auto head = session.value()->audit().head();
    if (!head)
        return report(head.error());
    out() << head.value() << '\n';
    return Success;
}

int Cli::auditLog(const QStringList& args)
{
    const QCommandLineOption since(u"since"_s, tr("Entries from this date (UTC) on."),
                                   u"YYYY-MM-DD"_s);
    const QCommandLineOption user(u"user"_s, tr("Only what this user did."), u"U"_s);
    const QCommandLineOption table(u"table"_s, tr("Only entries about this table."), u"T"_s);
    const QCommandLineOption row(u"row"_s, tr("Only entries about this row id."), u"ID"_s);
    const QCommandLineOption format(u"format"_s,
                                    tr("table (default) or json (with old and new "
                                       "values)."),
                                    u"FORMAT"_s, u"table"_s);
    const Command c{u"audit log"_s,
                    u"DB [--since DATE] [--user U] [--table T] [--row ID] [--format table|json] "
                    "[--as NAME]"_s,
                    tr("Lists audit entries, oldest first. Here --user filters by who acted; log "
                       "in with --as NAME."),
                    {since, user, table, row, format},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    AuditLog::Filter filter;
    if (p.isSet(since)) {
        const QDate d = QDate::fromString(p.value(since), Qt::ISODate);
        if (!d.isValid())
            return report(
                Error(ErrorCode::Usage,
                      tr("--since takes a date as YYYY-MM-DD, not \"%1\"").arg(p.value(since))));
        filter.since = d;
    }
    filter.user = p.value(user);
    filter.table = p.value(table);
    filter.rowId = p.value(row);
    auto session = openSession(p.positionalArguments().at(0));
    if (!session)
        return report(session.error());
    auto entries = session.value()->audit().entries(filter);
    if (!entries)
        return report(entries.error());
    if (p.value(format) == u"json"_s) {
        QJsonArray list;
        auto parsed = [](const QByteArray& raw) {
            return raw.isEmpty() ? QJsonValue() : QJsonValue(QJsonDocument::fromJson(raw).object());
        };
        for (const AuditEntry& e : entries.value())
            list.append(QJsonObject{{u"seq"_s, static_cast<qint64>(e.seq)},
                                    {u"at"_s, e.at.toString(Qt::ISODateWithMs)},
                                    {u"user"_s, e.user},
                                    {u"action"_s, e.action},
                                    {u"table"_s, e.table},
                                    {u"row"_s, e.rowId},
                                    {u"old"_s, parsed(e.oldValues)},
                                    {u"new"_s, parsed(e.newValues)},
                                    {u"details"_s, parsed(e.details)},
                                    {u"prev_hash"_s, e.prevHash},
                                    {u"hash"_s, e.hash}});
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{u"entries"_s, list}}).toJson());
        return Success;
    }
    TextTable t(
        {tr("#"), tr("At (UTC)"), tr("User"), tr("Action"), tr("Table"), tr("Row"), tr("Hash")},
        {TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left,
         TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
         TextTable::Align::Left});
    for (const AuditEntry& e : entries.value())
        t.addRow({QString::number(e.seq), e.at.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s), e.user,
                  e.action, e.table, e.rowId, e.hash.left(12)});
    out() << t.render();
    err() << tr("%1 entries").arg(entries->size()) << '\n';
    return Success;
}

} // namespace dli::cli
