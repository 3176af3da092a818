#pragma once

#include "core/model/indicator.h"
#include "core/model/register_fields.h"
#include "core/result.h"
#include "core/storage/session_options.h"
#include "core/storage/statement.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <optional>

namespace dli {

class Database;

// The registers behind the indicators: firms, services, trainees and exports.
// Writes happen inside the caller's transaction.
class RegisterRepository {
    Q_DECLARE_TR_FUNCTIONS(RegisterRepository)
public:
    // Separates the parts of a row's unique key (RegisterSpec::uniqueKey) in existingKeys().
    static constexpr QChar KeySeparator = u'\x1f';

    RegisterRepository(Database& db, const SessionOptions& options) : m_db(db), m_options(options)
    {}

    // Inserts rows of one register with one prepared statement. Values come in the order of the
    // register's fields (RegisterFields::spec), already checked and in canonical text: codes as
    // codes, dates YYYY-MM-DD, periods FY2025-Q1, booleans "yes"/"no", decimals exact, empty for
    // a missing optional value.
    class Writer {
    public:
        virtual ~Writer() = default;
        // id: the row's UUID when the file brings one (rows that travel between databases keep
        // theirs); empty for a new one.
        virtual Result<QString> insert(const QStringList& values, const QString& id = {}) = 0;
    };
    // auditRef: the audit entry the rows will be recorded under (AuditLog::nextSeq()), written
    // with each row so that a large import need not stamp its rows afterwards.
    Result<std::unique_ptr<Writer>> writer(ImportKind kind, int fiscalYearStartMonth,
                                           std::optional<std::int64_t> auditRef = {});

    Result<QHash<QString, QString>> firmIds();      // firm code -> row id
    Result<QHash<QString, QString>> firmClusters(); // firm code -> cluster code
    Result<std::int64_t> count(ImportKind kind);
    // The unique keys of the stored rows, parts joined with KeySeparator, in the register's
    // canonical text.
    Result<QSet<QString>> existingKeys(ImportKind kind);
    // The ids of the stored rows of a register.
    Result<QSet<QString>> existingIds(ImportKind kind);

    // What a register-sourced indicator counts or sums over the rows dated from `from` to `to`
    // (exports: whose period lies within) that belong to the given org units (empty: all) and
    // match the source's filters.
    Result<Decimal> aggregate(const IndicatorSource& source, const QDate& from, const QDate& to,
                              const QStringList& orgUnitCodes);

    // The keys of the rows such a figure rests on, for a sample: firm codes when it counts firms,
    // else the rows' ids.
    Result<QStringList> rowKeys(const IndicatorSource& source, const QDate& from, const QDate& to,
                                const QStringList& orgUnitCodes);

private:
    struct Selection {
        QString fromWhere; // " FROM ... WHERE ..."
        QStringList binds;
    };
    Result<Selection> select(const IndicatorSource& source, const QDate& from, const QDate& to,
                             const QStringList& orgUnitCodes);

    Database& m_db;
    const SessionOptions& m_options;
};

} // namespace dli
