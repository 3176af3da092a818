// The session extension's side of Database: what a field copy changed since it was opened,
// computed against the package's original content (docs/field-packages.md). Kept apart from
// database.cpp because it needs the extension's declarations.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include "core/storage/database.h"
#include "core/storage/statement.h"

#include <QFileInfo>
#include <memory>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString valueText(sqlite3_value* v)
{
    if (!v || sqlite3_value_type(v) == SQLITE_NULL)
        return {};
    return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_value_text(v)));
}

QVariant variantOf(sqlite3_value* v)
{
    if (!v)
        return {};
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        return QVariant::fromValue<qint64>(sqlite3_value_int64(v));
    case SQLITE_FLOAT:
        return sqlite3_value_double(v);
    case SQLITE_TEXT:
        return valueText(v);
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char*>(sqlite3_value_blob(v)), sqlite3_value_bytes(v));
    default:
        return QVariant::fromValue(nullptr); // NULL: isNull(), unlike an unchanged column
    }
}

} // namespace

Result<QByteArray> Database::changesetSince(const QString& originalPath)
{
    if (!QFileInfo::exists(originalPath))
        return Error(ErrorCode::NotFound,
                     tr("the original content %1 is missing: it is written beside the working "
                        "database when the package is opened")
                         .arg(originalPath));
    QStringList tables;
    {
        auto stmt = prepare(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                            "LIKE 'sqlite_%' ORDER BY name"_s);
        if (!stmt)
            return stmt.error();
        for (;;) {
            bool row = false;
            DLI_ASSIGN(row, stmt->step());
            if (!row)
                break;
            tables << stmt->text(0);
        }
    }
    {
        auto attach = prepare(u"ATTACH DATABASE ? AS original"_s);
        if (!attach)
            return attach.error();
        attach->bind(1, QFileInfo(originalPath).absoluteFilePath());
        DLI_TRY(attach->exec());
    }
    struct Detach {
        Database* db;
        ~Detach() { (void)db->exec(u"DETACH DATABASE original"_s); }
    } detach{this};

    sqlite3_session* session = nullptr;
    int rc = sqlite3session_create(m_db, "main", &session);
    if (rc != SQLITE_OK)
        return errorFrom(m_db, rc);
    std::unique_ptr<sqlite3_session, decltype(&sqlite3session_delete)> owned(
        session, &sqlite3session_delete);
    for (const QString& table : tables) {
        const QByteArray name = table.toUtf8();
        rc = sqlite3session_attach(session, name.constData());
        if (rc != SQLITE_OK)
            return errorFrom(m_db, rc);
        char* message = nullptr;
        rc = sqlite3session_diff(session, "original", name.constData(), &message);
        if (rc != SQLITE_OK) {
            const QString why = message ? QString::fromUtf8(message) : QString();
            sqlite3_free(message);
            return Error(ErrorCode::Database,
                         tr("cannot compare the table %1 with the original: %2").arg(table, why));
        }
    }
    int size = 0;
    void* bytes = nullptr;
    rc = sqlite3session_changeset(session, &size, &bytes);
    if (rc != SQLITE_OK)
        return errorFrom(m_db, rc);
    QByteArray out(static_cast<const char*>(bytes), size);
    sqlite3_free(bytes);
    return out;
}

Result<QList<Database::Change>> Database::changes(const QByteArray& changeset)
{
    sqlite3_changeset_iter* it = nullptr;
    QByteArray copy = changeset;
    int rc = sqlite3changeset_start(&it, static_cast<int>(copy.size()), copy.data());
    if (rc != SQLITE_OK)
        return Error(ErrorCode::InvalidInput,
                     tr("the changes are damaged (%1)").arg(QString::fromUtf8(sqlite3_errstr(rc))));
    QList<Change> out;
    while ((rc = sqlite3changeset_next(it)) == SQLITE_ROW) {
        const char* table = nullptr;
        int columns = 0;
        int op = 0;
        int indirect = 0;
        sqlite3changeset_op(it, &table, &columns, &op, &indirect);
        unsigned char* pk = nullptr;
        int pkColumns = 0;
        sqlite3changeset_pk(it, &pk, &pkColumns);
        int keyColumn = 0;
        while (keyColumn < pkColumns && !pk[keyColumn])
            ++keyColumn;
        sqlite3_value* key = nullptr;
        if (op == SQLITE_INSERT)
            sqlite3changeset_new(it, keyColumn, &key);
        else
            sqlite3changeset_old(it, keyColumn, &key);
        Change change{QString::fromUtf8(table),
                      op == SQLITE_INSERT   ? u"insert"_s
                      : op == SQLITE_UPDATE ? u"update"_s
                                            : u"delete"_s,
                      valueText(key),
                      {},
                      {}};
        for (int c = 0; c < columns; ++c) {
            sqlite3_value* before = nullptr;
            sqlite3_value* after = nullptr;
            if (op != SQLITE_INSERT)
                sqlite3changeset_old(it, c, &before);
            if (op != SQLITE_DELETE)
                sqlite3changeset_new(it, c, &after);
            if (op != SQLITE_INSERT)
                change.oldValues << variantOf(before);
            if (op != SQLITE_DELETE)
                change.newValues << variantOf(after);
        }
        out << std::move(change);
    }
    const int finished = sqlite3changeset_finalize(it);
    if (rc != SQLITE_DONE || finished != SQLITE_OK)
        return Error(
            ErrorCode::InvalidInput,
            tr("the changes are damaged (%1)")
                .arg(QString::fromUtf8(sqlite3_errstr(rc != SQLITE_DONE ? rc : finished))));
    return out;
}

} // namespace dli
