#pragma once

#include "core/audit/audit_log.h"

#include <QSet>
#include <QTextBrowser>

namespace dli::ui {

// One audit entry in full: who, when, what, the row before and after as pretty-printed JSON
// side by side with the fields that changed highlighted, the details, and the hashes that chain
// it to the entry before.
class AuditEntryView : public QTextBrowser {
    Q_OBJECT
public:
    explicit AuditEntryView(QWidget* parent = nullptr);

    void showEntry(const AuditEntry& entry);
    void showNothing(const QString& sentence);

    // The keys whose values differ between two canonical JSON rows (present in one only
    // included), in ascending order.
    static QStringList changedKeys(const QByteArray& oldValues, const QByteArray& newValues);
    // What showEntry() highlighted last, for tests.
    QStringList highlighted() const { return m_highlighted; }

private:
    QStringList m_highlighted;
};

} // namespace dli::ui
