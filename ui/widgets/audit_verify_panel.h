#pragma once

#include "core/audit/audit_log.h"

#include <QFrame>
#include <QStringList>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace dli::ui {

class Workspace;

// "Verify integrity": runs the audit log's chain and row check (AuditLog::verify) off the GUI
// thread and shows the result plainly: intact or not, how many entries and rows were checked,
// the head hash to write down, and every problem with what and where.
class AuditVerifyPanel : public QFrame {
    Q_OBJECT
public:
    explicit AuditVerifyPanel(Workspace& workspace, QWidget* parent = nullptr);

    QPushButton* button() const { return m_button; }
    // Runs the check behind a progress dialog; false when it could not run (the error shows).
    bool verify();
    void showReport(const AuditReport& report);

    bool hasResult() const { return m_hasResult; }
    bool intact() const { return m_hasResult && m_problems.isEmpty(); }
    QString summaryText() const;
    const QStringList& problems() const { return m_problems; }

signals:
    void verified(bool intact);

private:
    Workspace& m_ws;
    QPushButton* m_button = nullptr;
    QLabel* m_summary = nullptr;
    QPlainTextEdit* m_list = nullptr;
    QStringList m_problems;
    bool m_hasResult = false;
};

} // namespace dli::ui
