#pragma once

#include "core/workflow/workflow.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace dli::ui {

// The verifier's decision on one submitted observation: verify (method, a corrected value with
// its reason, the date of the check, a note, evidence files), or reject or query it with a
// reason. The form only checks what it can see (a number, a reason when the value differs);
// the page hands the request to core's Workflow, which checks everything. What was typed for an
// observation is kept while the verifier looks at others, and after a refusal.
class VerificationDecisionForm : public QWidget {
    Q_OBJECT
public:
    explicit VerificationDecisionForm(QWidget* parent = nullptr);

    // Shows the form for a submitted observation. `blocked` says why the user may not decide on
    // it (role, four eyes, state); empty when they may. `today` is the latest date of a check.
    void setObservation(const Observation& observation, const QDate& periodStart,
                        const QDate& today, const QString& blocked);
    // No observation: everything disabled, with the reason.
    void clearObservation(const QString& why);
    // Whether the form says above itself why it is disabled (the page says it once instead when
    // the user's role is the reason).
    void setExplainBlocked(bool explain);
    // Forgets what was typed for the observation (after it was decided).
    void forget(const QString& observationId);

    // The verification as typed (the observation's id included).
    Workflow::VerifyRequest verifyRequest() const;
    // The reason typed for a rejection or a query.
    QString decisionReason() const;
    void addEvidenceFiles(const QStringList& paths);

    QComboBox* methodBox() const { return m_method; }
    QLineEdit* valueEdit() const { return m_value; }
    QLineEdit* adjustmentEdit() const { return m_adjustment; }
    QDateEdit* dateEdit() const { return m_date; }
    QLineEdit* noteEdit() const { return m_note; }
    QListWidget* evidenceList() const { return m_files; }
    QPlainTextEdit* reasonEdit() const { return m_reason; }
    QPushButton* verifyButton() const { return m_verify; }
    QPushButton* rejectButton() const { return m_reject; }
    QPushButton* queryButton() const { return m_query; }
    QLabel* blockedLabel() const { return m_blocked; }

signals:
    void verifyRequested();
    void rejectRequested();
    void queryRequested();

private:
    struct Draft {
        int method = 0;
        QString value;
        QString adjustment;
        QDate date;
        QString note;
        QStringList files;
        QString reason;
        bool isEmpty() const;
    };
    Draft current() const;
    void restore(const Draft& draft);
    void saveDraft();
    void updateState();
    void chooseFiles();

    QString m_id;
    Decimal m_reported;
    QString m_blockedReason;
    bool m_explainBlocked = true;
    QHash<QString, Draft> m_drafts;

    QLabel* m_blocked = nullptr;
    QComboBox* m_method = nullptr;
    QLineEdit* m_value = nullptr;
    QLineEdit* m_adjustment = nullptr;
    QDateEdit* m_date = nullptr;
    QLineEdit* m_note = nullptr;
    QListWidget* m_files = nullptr;
    QPushButton* m_addFiles = nullptr;
    QPushButton* m_removeFile = nullptr;
    QLabel* m_verifyHint = nullptr;
    QPushButton* m_verify = nullptr;
    QPlainTextEdit* m_reason = nullptr;
    QPushButton* m_reject = nullptr;
    QPushButton* m_query = nullptr;
};

} // namespace dli::ui
