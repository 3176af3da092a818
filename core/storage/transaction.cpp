#include "core/storage/transaction.h"

#include "core/storage/database.h"

using namespace Qt::StringLiterals;

namespace dli {

Transaction::Transaction(Database& db) : m_db(db)
{
    // IMMEDIATE takes the write lock now, so a busy database fails here and not half-way.
    m_nested = m_db.inTransaction();
    m_begun = m_db.exec(m_nested ? u"SAVEPOINT nested"_s : u"BEGIN IMMEDIATE"_s);
    m_open = m_begun.ok();
}

Transaction::~Transaction()
{
    if (m_open)
        (void)m_db.exec(m_nested ? u"ROLLBACK TO nested; RELEASE nested"_s : u"ROLLBACK"_s);
}

Status Transaction::commit()
{
    if (!m_open)
        return m_begun.ok() ? Status(Error(ErrorCode::Database, QStringLiteral("no transaction")))
                            : m_begun;
    auto s = m_db.exec(m_nested ? u"RELEASE nested"_s : u"COMMIT"_s);
    if (s)
        m_open = false;
    return s;
}

} // namespace dli
