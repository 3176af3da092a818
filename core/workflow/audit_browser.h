#pragma once

#include "core/audit/audit_log.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QStringList>
#include <cstdint>
#include <optional>

namespace dli {

class Session;

// Reads the audit log a page at a time, newest first, for a window that shows a long log
// without loading it whole (AuditLog::entries reads every entry, as `audit log` prints them).
class AuditBrowser {
    Q_DECLARE_TR_FUNCTIONS(AuditBrowser)
public:
    struct Filter {
        std::optional<QDate> since; // entries at or after the start of that day (UTC)
        QString user;               // who acted, exactly
        QString table;              // the table of the row changed, exactly
        QString rowId;              // the row changed, exactly
        QString text;               // found, ignoring case, in the action, user, table, row or
                                    // details
    };

    explicit AuditBrowser(Session& session) : m_session(session) {}

    // How many entries the filter lets through.
    Result<std::int64_t> count(const Filter& filter);
    // Up to `limit` entries the filter lets through, newest first, all older than `beforeSeq`
    // (0: from the newest): pass the last seq of one page to get the next.
    Result<QList<AuditEntry>> page(const Filter& filter, std::int64_t beforeSeq, int limit);
    // Everyone who has an entry, in alphabetical order, for a filter's choices.
    Result<QStringList> userNames();
    // The tables entries name, in alphabetical order.
    Result<QStringList> tableNames();

private:
    Session& m_session;
};

} // namespace dli
