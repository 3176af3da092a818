// `package import`, `conflicts` and `conflicts resolve`: field returns taken in at the office
// (docs/field-packages.md, "Back to the office").
#include "app/cli/cli.h"
#include "app/cli/package_passphrase.h"
#include "core/io/text_table.h"
#include "core/package/field_import.h"
#include "core/storage/session.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dli::cli {

namespace {

QString shortId(const QString& id)
{
    return id.left(8);
}

QString when(const QDateTime& t)
{
    return t.toUTC().toString(u"yyyy-MM-dd HH:mm"_s);
}

QJsonObject conflictJson(const FieldConflict& k)
{
    return QJsonObject{{u"id"_s, k.id},
                       {u"package_id"_s, k.packageId},
                       {u"table"_s, k.table},
                       {u"row_id"_s, k.rowId},
                       {u"action"_s, k.action},
                       {u"field_user"_s, k.fieldUser},
                       {u"field_at"_s, k.fieldAt.toUTC().toString(Qt::ISODate)},
                       {u"reason"_s, k.reason},
                       {u"office"_s, QJsonDocument::fromJson(k.officeValues).object()},
                       {u"field"_s, QJsonDocument::fromJson(k.fieldValues).object()},
                       {u"state"_s, k.state},
                       {u"resolution"_s, k.resolution},
                       {u"resolved_by"_s, k.resolvedBy},
                       {u"resolved_at"_s, k.resolvedAt.isValid()
                                              ? k.resolvedAt.toUTC().toString(Qt::ISODate)
                                              : QString()}};
}

} // namespace

int Cli::packageImport(const QStringList& args)
{
    const Command c{u"package import"_s,
                    u"DB FILE.dlireturn"_s,
                    tr("Takes a field return's changes in: each is applied through the usual "
                       "rules,\nrefused with its reason, or held as a conflict when the office "
                       "changed the same\nrow since the package was made. Exit status 1 when "
                       "any was refused or held."),
                    {},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    const QString file = p.positionalArguments().at(1);
    if (!file.endsWith(u".dlireturn"_s))
        return report(Error(ErrorCode::Usage,
                            tr("%1 is not a return: returns are FILE.dlireturn, made on the "
                               "laptop with `dlitracker-cli package return`")
                                .arg(file)));
    auto opened = openSession(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    auto passphrase = packagePassphrase(false);
    if (!passphrase)
        return report(passphrase.error());
    auto imported = FieldImport::run(*opened.value(), file, passphrase.value());
    if (!imported)
        return report(imported.error());
    const FieldImportReport& r = imported.value();
    if (r.alreadyImported) {
        out() << tr("Nothing new: every change of this return was imported on %1 by %2 "
                    "(package %3). Nothing changed.")
                     .arg(when(r.record.importedAt), r.record.importedBy, r.record.packageId)
              << '\n';
        return Success;
    }
    int noted = 0;
    for (const FieldChange& ch : r.changes)
        noted += ch.outcome == FieldChange::Noted ? 1 : 0;
    out() << tr("Imported the return of package %1 from %2: %3 applied, %4 conflicts, %5 "
                "refused, %6 noted")
                 .arg(r.record.packageId, r.record.assignee)
                 .arg(r.record.applied)
                 .arg(r.record.conflicts)
                 .arg(r.record.refused)
                 .arg(noted)
          << '\n';
    using A = TextTable::Align;
    TextTable t({tr("#"), tr("Field change"), tr("Row"), tr("Outcome"), tr("Why")},
                {A::Right, A::Left, A::Left, A::Left, A::Left});
    for (const FieldChange& ch : r.changes) {
        if (ch.outcome == FieldChange::Applied)
            continue;
        const QString outcome =
            ch.conflictId.isEmpty() ? ch.outcome : tr("conflict %1").arg(shortId(ch.conflictId));
        t.addRow({QString::number(ch.fieldSeq), ch.action, ch.rowId, outcome, ch.reason});
    }
    if (!t.isEmpty())
        out() << t.render();
    if (r.record.conflicts > 0)
        out() << tr("Resolve the conflicts with `dlitracker-cli conflicts resolve %1 ID --keep "
                    "office|field`.")
                     .arg(p.positionalArguments().at(0))
              << '\n';
    return r.record.conflicts > 0 || r.record.refused > 0 ? ProblemsFound : Success;
}

int Cli::conflicts(const QStringList& args)
{
    const QCommandLineOption all(u"all"_s, tr("Also the resolved ones."));
    const QCommandLineOption format(u"format"_s, tr("table (default) or json."), u"FORMAT"_s,
                                    u"table"_s);
    const Command c{u"conflicts"_s,
                    u"DB [--all] [--format table|json]"_s,
                    tr("Lists the rows changed both at the office and in the field, which wait "
                       "for a\nverifier: `conflicts resolve DB ID --keep office|field`."),
                    {all, format},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto opened = openSession(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    auto list = FieldImport::conflicts(*opened.value(), !p.isSet(all));
    if (!list)
        return report(list.error());
    if (p.value(format) == u"json"_s) {
        QJsonArray items;
        for (const FieldConflict& k : list.value())
            items.append(conflictJson(k));
        out()
            << QJsonDocument(QJsonObject{{u"conflicts"_s, items}}).toJson(QJsonDocument::Indented);
        return Success;
    }
    if (list->isEmpty()) {
        out() << (p.isSet(all) ? tr("No conflicts.") : tr("No conflicts wait.")) << '\n';
        return Success;
    }
    using A = TextTable::Align;
    TextTable t({tr("Id"), tr("Field change"), tr("Row"), tr("By"), tr("In the field"), tr("State"),
                 tr("Why")},
                {A::Left, A::Left, A::Left, A::Left, A::Left, A::Left, A::Left});
    for (const FieldConflict& k : list.value()) {
        const QString state =
            k.state == u"open"_s
                ? k.state
                : tr("%1 (%2, %3)")
                      .arg(k.resolution, k.resolvedBy, k.resolvedAt.toString(u"yyyy-MM-dd"_s));
        t.addRow({shortId(k.id), k.action, k.table + u' ' + k.rowId, k.fieldUser, when(k.fieldAt),
                  state, k.reason});
    }
    out() << tr("%n conflict(s)", "", static_cast<int>(list->size())) << '\n' << t.render();
    return Success;
}

int Cli::conflictsResolve(const QStringList& args)
{
    const QCommandLineOption keep(u"keep"_s,
                                  tr("office (leave the office row as it is) or field (apply the "
                                     "field's change now)."),
                                  u"SIDE"_s);
    const Command c{u"conflicts resolve"_s,
                    u"DB ID --keep office|field"_s,
                    tr("Resolves a conflict; ID may be its first 8 characters. Both versions stay "
                       "recorded."),
                    {keep},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    const QString side = p.value(keep);
    if (side != u"office"_s && side != u"field"_s)
        return report(Error(ErrorCode::Usage, tr("--keep is office or field")));
    auto opened = openSession(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    auto resolved = FieldImport::resolve(*opened.value(), p.positionalArguments().at(1),
                                         side == u"office"_s ? FieldConflict::KeepOffice
                                                             : FieldConflict::KeepField);
    if (!resolved)
        return report(resolved.error());
    out() << tr("Conflict %1 resolved: kept the %2's version of %3 %4")
                 .arg(shortId(resolved->id), side, resolved->table, resolved->rowId)
          << '\n';
    return Success;
}

} // namespace dli::cli
