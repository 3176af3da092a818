#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringView>

namespace dli {

// A field return imported at the office (docs/field-packages.md, "Back to the office").
struct FieldImportRecord {
    QString id;
    QString packageId;
    QString returnSha256; // of the return's changes
    QString fieldHead;    // the laptop's last audit entry when the return was made
    QString assignee;
    QString importedBy;
    QDateTime importedAt;
    int applied = 0;
    int conflicts = 0;
    int refused = 0;
};

// One change a return carried: a field audit entry that a core service made on the laptop, and
// what became of it at the office.
struct FieldChange {
    static constexpr QStringView Applied = u"applied";   // replayed through the core services
    static constexpr QStringView Conflict = u"conflict"; // waits in the conflicts list
    static constexpr QStringView Refused = u"refused";   // a rule refused it; listed with why
    static constexpr QStringView Noted = u"noted";       // kept in the field's log only

    QString id;
    QString importId;
    QString packageId;
    QString fieldHash; // the field audit entry's hash: the same change is never taken twice
    qint64 fieldSeq = 0;
    QString fieldUser;
    QDateTime fieldAt;
    QString action; // the field audit entry's action, e.g. observation.verify
    QString table;
    QString rowId;
    QString outcome;
    QString reason;     // why it was refused, noted or held
    QString conflictId; // for a conflict
};

// A row changed both at the office and in the field since the package was made: both versions
// are kept, the office row is unchanged until a verifier resolves it.
struct FieldConflict {
    static constexpr QStringView KeepOffice = u"keep_office";
    static constexpr QStringView KeepField = u"keep_field";

    QString id;
    QString changeId;
    QString packageId;
    QString table;
    QString rowId;
    QString action;
    QString fieldUser;
    QDateTime fieldAt;
    QString reason;          // what the office did to the row, or the conflict it follows
    QByteArray officeValues; // the office row when the return was imported (JSON)
    QByteArray fieldValues;  // the field change, with what replaying it needs (JSON)
    QString state;           // open or resolved
    QString resolution;      // keep_office or keep_field, once resolved
    QString resolvedBy;
    QDateTime resolvedAt;
};

} // namespace dli
