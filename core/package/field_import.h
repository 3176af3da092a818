#pragma once

#include "core/model/field_exchange.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringView>
#include <functional>

namespace dli {

class Session;

// What an import did.
struct FieldImportReport {
    FieldImportRecord record;
    // The return's changes were all taken before (the same return, or an earlier one of the
    // same package that held them): nothing was written. `record` is the import that took them.
    bool alreadyImported = false;
    QList<FieldChange> changes; // this import's, in the order they were made in the field
};

// Findings back in, second half: at the office, a field return's changes are checked and
// replayed through the core services (docs/field-packages.md, "Back to the office").
class FieldImport {
    Q_DECLARE_TR_FUNCTIONS(FieldImport)
public:
    // progress(done, total) may return false to cancel: nothing is then written.
    using Progress = std::function<bool(int done, int total)>;

    // Verifiers, managers and administrators. A return made for another database, or damaged
    // or altered (a hash, the field audit branch, a row changed outside the audit log), is
    // refused whole and nothing is written. Otherwise each change is applied, refused (a rule
    // says no; listed with why) or held as a conflict (its row changed at the office since the
    // package was made), all in one transaction, and the import is recorded in the audit log.
    static Result<FieldImportReport> run(Session& office, const QString& path,
                                         const QByteArray& passphrase,
                                         const Progress& progress = {});

    // Every import, the latest first, and what one did with each change.
    static Result<QList<FieldImportRecord>> imports(Session& office);
    static Result<QList<FieldChange>> changesOf(Session& office, const QString& importId);
    // Conflicts, oldest first: the open ones, or all.
    static Result<QList<FieldConflict>> conflicts(Session& office, bool openOnly = true);
    // A verifier resolves a conflict: keep_office leaves the office row as it is; keep_field
    // replays the field's change on it now, as its author, under every rule (a refusal leaves
    // the conflict open and says why). Both versions stay recorded with the conflict.
    static Result<FieldConflict> resolve(Session& office, const QString& conflictId,
                                         QStringView keep);
};

} // namespace dli
