#pragma once

#include "core/engine/reconciliation.h"
#include "core/model/observation.h"
#include "core/model/program.h"
#include "core/model/verification.h"

#include <QWidget>
#include <optional>

class QLabel;

namespace dli::ui {

// The head of the verification page's detail: which figure, who reported it, the reported value
// beside the register's and the reconciliation finding, the DLI's protocol, and the
// verification once there is one.
class VerificationSummary : public QWidget {
    Q_OBJECT
public:
    explicit VerificationSummary(QWidget* parent = nullptr);

    struct Content {
        Observation observation;
        QDateTime submittedAt;
        std::optional<ReconciliationRow> reconciliation;
        std::optional<Verification> verification;
    };
    void showObservation(const Program& program, const Content& content);
    // Nothing selected: says so, and what to do.
    void showNothing(const QString& text);

    // What the labels say, for tests.
    QString reportedText() const;
    QString registerText() const;
    // The claim compared with the register, when it is not the observation's own figure (a
    // cumulative indicator, or one with categories); empty otherwise.
    QString claimedText() const;
    QString findingText() const;

private:
    QLabel* m_heading = nullptr;
    QLabel* m_subheading = nullptr;
    QLabel* m_reported = nullptr;
    QLabel* m_claimedCaption = nullptr;
    QLabel* m_claimed = nullptr;
    QLabel* m_register = nullptr;
    QLabel* m_finding = nullptr;
    QLabel* m_protocol = nullptr;
    QLabel* m_verification = nullptr;
    QWidget* m_figures = nullptr;
};

} // namespace dli::ui
