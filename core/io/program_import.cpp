#include "core/io/program_import.h"

#include "core/auth/auth.h"
#include "core/io/program_reader.h"
#include "core/model/program_checker.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace dli {

Status ProgramImport::importProgram(Session& session, const Program& program, bool replace,
                                    const QJsonObject& details)
{
    // A program built in code gets the same checks as one read from a file.
    if (const QStringList problems = ProgramChecker::check(program); !problems.isEmpty()) {
        Error e(ErrorCode::InvalidInput,
                tr("the program has problems (%1); nothing was imported").arg(problems.size()));
        e.details = problems;
        return e;
    }
    DLI_TRY(Auth::require(session, {Role::Admin}, tr("importing a program")));
    Transaction tx(session.database());
    DLI_TRY(tx.begun());
    auto exists = session.programs().exists();
    if (!exists)
        return exists.error();
    if (exists.value()) {
        if (!replace)
            return Error(ErrorCode::Conflict,
                         tr("the database already holds a program, and a database holds one "
                            "program; replace it while no observations exist, or import into a "
                            "new database"));
        auto observations = session.observations().count();
        if (!observations)
            return observations.error();
        if (observations.value() > 0)
            return Error(ErrorCode::Conflict,
                         tr("the program cannot be replaced: observations already refer to it "
                            "(%1)")
                             .arg(observations.value()));
        // Firms name their cluster and trainees their centre: registers tie the data to the
        // program's org units as observations do.
        for (const ImportKind kind : {ImportKind::Firms, ImportKind::Trainees}) {
            auto rows = session.registers().count(kind);
            if (!rows)
                return rows.error();
            if (rows.value() > 0)
                return Error(ErrorCode::Conflict,
                             tr("the program cannot be replaced: the %1 register already refers "
                                "to its org units (%2 rows)")
                                 .arg(enumToString(kImportKindNames, kind))
                                 .arg(rows.value()));
        }
        // Children first, so that no row is left pointing at a removed one.
        for (const QString& table :
             {u"validation_rules"_s, u"dlrs"_s, u"dlis"_s, u"indicator_targets"_s, u"indicators"_s,
              u"org_units"_s, u"result_areas"_s, u"program"_s}) {
            auto removed = session.audit().deleteRows(u"program.replace"_s, table, u"1"_s);
            if (!removed)
                return removed.error();
        }
    }
    DLI_TRY(session.programs().insert(program));
    QJsonObject what = details;
    what.insert(u"program"_s, program.code);
    auto entry = session.audit().recordBulk(u"program.import"_s, what);
    if (!entry)
        return entry.error();
    DLI_TRY(tx.commit());
    emit session.notifier().programChanged();
    return {};
}

Status ProgramImport::importFile(Session& session, const QString& path, bool replace)
{
    auto program = ProgramReader::readFile(path);
    if (!program)
        return program.error();
    QString sha;
    DLI_ASSIGN(sha, AuditLog::fileSha256(path));
    return importProgram(session, program.value(), replace,
                         QJsonObject{{u"file"_s, QFileInfo(path).fileName()}, {u"sha256"_s, sha}});
}

} // namespace dli
