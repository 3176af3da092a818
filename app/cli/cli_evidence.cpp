// dlitracker-cli evidence attach | list | export.
#include "app/cli/cli.h"
#include "core/io/evidence_service.h"
#include "core/io/json_writer.h"
#include "core/io/text_table.h"
#include "core/storage/session.h"

#include <QCommandLineParser>
#include <limits>

using namespace Qt::StringLiterals;

namespace dli::cli {

namespace {

// Characters of the SHA-256 a table shows; JSON gives all 64.
constexpr qsizetype ShortHash = 12;

QString evidenceUsage()
{
    return Cli::tr("Usage: dlitracker-cli evidence attach DB (--observation ID | --firm CODE | "
                   "--service ID) FILE...\n"
                   "       dlitracker-cli evidence list DB [--observation ID | --firm CODE | "
                   "--service ID]\n"
                   "                                   [--format table|json]\n"
                   "       dlitracker-cli evidence export DB EVIDENCE_ID OUT\n");
}

// The options that name what evidence belongs to, in the order they are documented.
struct TargetOptions {
    QCommandLineOption observation;
    QCommandLineOption firm;
    QCommandLineOption service;

    QList<QCommandLineOption> all() const { return {observation, firm, service}; }
};

TargetOptions targetOptions(const QString& verb)
{
    return {
        QCommandLineOption(u"observation"_s, verb.arg(Cli::tr("the observation with this id")),
                           u"ID"_s),
        QCommandLineOption(u"firm"_s, verb.arg(Cli::tr("the firm with this code")), u"CODE"_s),
        QCommandLineOption(u"service"_s, verb.arg(Cli::tr("the service with this id")), u"ID"_s)};
}

// The one target named on the command line: nothing when none is, an error when several are.
Result<std::optional<EvidenceRepository::TargetKey>> chosenTarget(const QCommandLineParser& p,
                                                                  const TargetOptions& o)
{
    const std::array<std::pair<const QCommandLineOption*, Evidence::Target>, 3> choices{{
        {&o.observation, Evidence::Target::Observation},
        {&o.firm, Evidence::Target::Firm},
        {&o.service, Evidence::Target::Service},
    }};
    std::optional<EvidenceRepository::TargetKey> chosen;
    qsizetype given = 0;
    for (const auto& [option, target] : choices) {
        given += p.values(*option).size();
        if (p.isSet(*option))
            chosen = EvidenceRepository::TargetKey{target, p.value(*option)};
    }
    if (given > 1)
        return Error(
            ErrorCode::Usage,
            Cli::tr("name only one target: --observation ID, --firm CODE or --service ID"));
    return chosen;
}

QString targetText(const Evidence& e)
{
    return enumToString(kEvidenceTargetNames, e.target) + u' ' + e.targetId;
}

QString attachedAtText(const Evidence& e)
{
    return e.attachedAt.toUTC().toString(Qt::ISODate);
}

// The photo findings' kinds, "none" for a photo judged without any, empty when not judged.
QString findingsText(const Evidence& e)
{
    if (!e.findings)
        return {};
    if (e.findings->isEmpty())
        return u"none"_s;
    QStringList kinds;
    for (const PhotoFinding& f : *e.findings)
        kinds << f.kind;
    return kinds.join(u',');
}

// null when not judged, else the array of {kind, message}.
JsonNode findingsJson(const Evidence& e)
{
    if (!e.findings)
        return JsonNode::null();
    JsonNode items = JsonNode::array();
    for (const PhotoFinding& f : *e.findings)
        items.append(JsonNode::object()
                         .add(u"kind"_s, JsonNode::string(f.kind))
                         .add(u"message"_s, JsonNode::string(f.message)));
    return items;
}

QString evidenceTable(const QList<Evidence>& list)
{
    using Align = TextTable::Align;
    TextTable table({Cli::tr("Id"), Cli::tr("File"), Cli::tr("Type"), Cli::tr("Size"),
                     Cli::tr("SHA-256"), Cli::tr("Target"), Cli::tr("By"), Cli::tr("When"),
                     Cli::tr("Findings")},
                    {Align::Left, Align::Left, Align::Left, Align::Right, Align::Left, Align::Left,
                     Align::Left, Align::Left, Align::Left});
    for (const Evidence& e : list)
        table.addRow({e.id, e.fileName, e.mimeType, QString::number(e.size),
                      e.sha256.left(ShortHash), targetText(e), e.attachedBy, attachedAtText(e),
                      findingsText(e)});
    return table.render();
}

QByteArray evidenceJson(const QList<Evidence>& list)
{
    JsonNode items = JsonNode::array();
    for (const Evidence& e : list)
        items.append(
            JsonNode::object()
                .add(u"id"_s, JsonNode::string(e.id))
                .add(u"file_name"_s, JsonNode::string(e.fileName))
                .add(u"mime_type"_s, JsonNode::string(e.mimeType))
                .add(u"size"_s, JsonNode::number(e.size))
                .add(u"sha256"_s, JsonNode::string(e.sha256))
                .add(u"target"_s, JsonNode::string(enumToString(kEvidenceTargetNames, e.target)))
                .add(u"target_id"_s, JsonNode::string(e.targetId))
                .add(u"attached_by"_s, JsonNode::string(e.attachedBy))
                .add(u"attached_at"_s, JsonNode::string(attachedAtText(e)))
                .add(u"findings"_s, findingsJson(e)));
    return JsonNode::object().add(u"evidence"_s, std::move(items)).toJson();
}

} // namespace

int Cli::evidence(const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub == u"attach"_s)
        return evidenceAttach(args.mid(1));
    if (sub == u"list"_s)
        return evidenceList(args.mid(1));
    if (sub == u"export"_s)
        return evidenceExport(args.mid(1));
    if (sub == u"--help"_s || sub == u"-h"_s) {
        out() << evidenceUsage();
        return Success;
    }
    err() << (sub.isEmpty()
                  ? tr("dlitracker-cli evidence: choose an action, attach, list or export")
                  : tr("dlitracker-cli evidence: unknown action \"%1\"; the actions are attach, "
                       "list and export")
                        .arg(sub))
          << '\n'
          << evidenceUsage();
    return BadInput;
}

int Cli::evidenceAttach(const QStringList& args)
{
    const TargetOptions targets = targetOptions(tr("Attach the files to %1."));
    const Command c{
        u"evidence attach"_s,
        u"DB (--observation ID | --firm CODE | --service ID) FILE..."_s,
        tr("Stores each FILE inside DB as evidence for one observation, firm or service, with its "
           "name, type,\nsize, SHA-256, who attached it and when. A file may be %1 bytes (25 MiB) "
           "at most. The same\ncontent is stored once however often it is attached; attaching "
           "it twice to the same target\nis refused. The files are attached in one transaction: "
           "on any problem none is.\nPrints one line per file: the evidence id, the SHA-256 and "
           "the file.")
            .arg(EvidenceService::MaxFileBytes),
        targets.all(),
        2,
        std::numeric_limits<qsizetype>::max()};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto target = chosenTarget(p, targets);
    if (!target)
        return report(target.error());
    if (!target.value())
        return report(Error(ErrorCode::Usage, tr("name what the files are evidence for: "
                                                 "--observation ID, --firm CODE or --service ID")));
    const EvidenceRepository::TargetKey& t = *target.value();
    const QStringList files = p.positionalArguments().mid(1);
    auto session = openSession(p.positionalArguments().at(0));
    if (!session)
        return report(session.error());
    auto attached = EvidenceService::attachFiles(*session.value(), t.target, t.key, files);
    if (!attached)
        return report(attached.error());
    for (qsizetype i = 0; i < attached->size(); ++i)
        out() << attached->at(i).id << u"  "_s << attached->at(i).sha256 << u"  "_s << files.at(i)
              << '\n';
    err() << tr("Attached %1 file(s) to %2 %3.")
                 .arg(attached->size())
                 .arg(enumToString(kEvidenceTargetNames, t.target), t.key)
          << '\n';
    return Success;
}

int Cli::evidenceList(const QStringList& args)
{
    const TargetOptions targets = targetOptions(tr("Only the evidence of %1."));
    const QCommandLineOption format(u"format"_s, tr("table (default) or json."), u"FORMAT"_s,
                                    u"table"_s);
    QList<QCommandLineOption> options = targets.all();
    options << format;
    const Command c{
        u"evidence list"_s,
        u"DB [--observation ID | --firm CODE | --service ID] [--format table|json]"_s,
        tr("Lists the evidence files in DB, or those of one observation, firm or "
           "service, in the order\nthey were attached: id, file name, type, size in "
           "bytes, SHA-256 (its first %1 characters\nin the table, all of it in JSON), "
           "what it is attached to, who attached it and when, and the\nfindings on a photo "
           "attached during a field visit: their kinds in the table (\"none\" when "
           "nothing\nwas found, blank when the file was not judged), kinds and "
           "messages in JSON.")
            .arg(ShortHash),
        options,
        1,
        1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    const QString fmt = p.value(format);
    auto target = chosenTarget(p, targets);
    if (!target)
        return report(target.error());
    auto session = openSession(p.positionalArguments().at(0));
    if (!session)
        return report(session.error());
    auto list = session.value()->evidence().list(target.value());
    if (!list)
        return report(list.error());
    if (fmt == u"json"_s) {
        out() << QString::fromUtf8(evidenceJson(list.value()));
        return Success;
    }
    if (list->isEmpty()) {
        err() << tr("No evidence is attached.") << '\n';
        return Success;
    }
    out() << evidenceTable(list.value());
    return Success;
}

int Cli::evidenceExport(const QStringList& args)
{
    const Command c{u"evidence export"_s,
                    u"DB EVIDENCE_ID OUT"_s,
                    tr("Writes the content of the evidence EVIDENCE_ID to the new file OUT, after "
                       "checking it\nagainst its SHA-256. OUT must not exist."),
                    {},
                    3,
                    3};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto session = openSession(p.positionalArguments().at(0));
    if (!session)
        return report(session.error());
    const QString target = p.positionalArguments().at(2);
    auto exported =
        EvidenceService::exportTo(*session.value(), p.positionalArguments().at(1), target);
    if (!exported)
        return report(exported.error());
    err() << tr("Exported %1 (%2 bytes, SHA-256 checked) to %3.")
                 .arg(exported->fileName)
                 .arg(exported->size)
                 .arg(target)
          << '\n';
    return Success;
}

} // namespace dli::cli
