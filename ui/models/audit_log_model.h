#pragma once

#include "core/audit/audit_log.h"
#include "core/workflow/audit_browser.h"

#include <QAbstractTableModel>
#include <QList>

namespace dli {
class Session;
}

namespace dli::ui {

// The audit log, newest first, fetched a page at a time as the view scrolls (a log can hold
// millions of entries); the filter is applied by the store, never in memory.
class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SeqColumn,
        AtColumn,
        UserColumn,
        ActionColumn,
        ItemColumn,
        SummaryColumn,
        ColumnCount
    };
    static constexpr int PageSize = 200;

    explicit AuditLogModel(Session& session, QObject* parent = nullptr);

    // Reads the log again under the filter, from the newest entry.
    void setFilter(const AuditBrowser::Filter& filter);
    const AuditBrowser::Filter& filter() const { return m_filter; }
    void reload();
    // How many entries the filter lets through, loaded or not.
    qint64 total() const { return m_total; }
    const AuditEntry* entry(int row) const;
    // The entry's details in one line: "DLR 3.2, target: 220 -> 230", "file: demo.json, rows: 9".
    static QString summary(const AuditEntry& entry);
    // The row of the entry with this number among those loaded, or -1.
    int rowOf(qint64 seq) const;
    // The error of the last read, or empty.
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    Session& m_session;
    AuditBrowser::Filter m_filter;
    QList<AuditEntry> m_entries;
    qint64 m_total = 0;
    bool m_atEnd = true;
    bool m_fetching = false;
    QString m_error;
};

} // namespace dli::ui
