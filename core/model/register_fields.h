#pragma once

#include "core/model/indicator.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace dli {

// What can be imported: the four registers and reported observations.
enum class ImportKind { Observations, Firms, Services, Trainees, Exports };

inline constexpr std::array kImportKindNames{
    EnumName<ImportKind>{ImportKind::Observations, u"observations"},
    EnumName<ImportKind>{ImportKind::Firms, u"firms"},
    EnumName<ImportKind>{ImportKind::Services, u"services"},
    EnumName<ImportKind>{ImportKind::Trainees, u"trainees"},
    EnumName<ImportKind>{ImportKind::Exports, u"exports"},
};

// The kind of value a column holds, which decides how a cell is read and checked.
enum class FieldType {
    Text,
    Code,     // a code of another table: firm, org unit, indicator
    Date,     // YYYY-MM-DD
    Period,   // FY2025 or FY2025-Q1
    Decimal,  // exact decimal, at most six places
    Boolean,  // yes/no, true/false, 1/0
    Choice,   // one of `choices`
    Latitude, // decimal degrees, -90 to 90
    Longitude // decimal degrees, -180 to 180
};

// One column of a register or of the observations import. The lists below are the single place
// that import, templates, the window and reports take their columns from.
struct FieldSpec {
    QString name; // canonical column name, e.g. "service_type"
    FieldType type = FieldType::Text;
    bool required = false;
    QStringList choices;      // Choice only
    bool nonNegative = false; // Decimal: refuses values below zero
    QString description;
};

struct RegisterSpec {
    ImportKind kind = ImportKind::Firms;
    QString table; // database table
    QString title; // for people: "Services delivered to firms"
    QList<FieldSpec> fields;
    QStringList uniqueKey; // columns that together identify a row; a second one is a duplicate

    const FieldSpec* field(const QString& name) const;
    int indexOf(const QString& name) const;
};

class RegisterFields {
    Q_DECLARE_TR_FUNCTIONS(RegisterFields)
public:
    static const RegisterSpec& spec(ImportKind kind);
    static const RegisterSpec& forRegister(RegisterKind kind);
    // "Org unit", "ORG_UNIT" and "org unit" all become "org_unit".
    static QString normalizeHeader(const QString& header);
    // Reads yes/no, true/false, 1/0 in any case; nothing for anything else.
    static std::optional<bool> parseBoolean(const QString& text);
};

} // namespace dli
