#pragma once

#include "core/model/observation.h"
#include "ui/pages/page.h"

class QLabel;
class QTabWidget;

namespace dli::ui {

class EvidencePreview;
class FilteredTable;
class SampleChecklist;
class VerificationDecisionForm;
class VerificationHistoryModel;
class VerificationQueueModel;
class VerificationSummary;

// The queue of submitted figures for the verifier: verify, reject or query, and sample checks.
// A verifier's queue leaves out what they reported or amended (four eyes). Everyone else may read
// the page: they see every submitted figure, and the actions are disabled with the reason.
class VerificationPage : public Page {
    Q_OBJECT
public:
    explicit VerificationPage(Workspace& workspace, QWidget* parent = nullptr);

    QString id() const override { return QStringLiteral("verification"); }
    QString title() const override { return tr("Verification"); }
    void refresh() override;
    void focusFind() override;
    // Selects the observation in the queue; one not in it (decided, or the user's own) is shown
    // on its own, with why it cannot be decided on here.
    void showItem(const QString& observationId) override;

    // The observation shown, or empty.
    const QString& currentObservation() const { return m_current; }
    FilteredTable* queue() const { return m_queue; }
    VerificationQueueModel* queueModel() const { return m_queueModel; }
    VerificationSummary* summary() const { return m_summary; }
    VerificationDecisionForm* form() const { return m_form; }
    EvidencePreview* evidence() const { return m_evidence; }
    FilteredTable* history() const { return m_history; }
    SampleChecklist* samples() const { return m_samples; }
    QTabWidget* tabs() const { return m_tabs; }
    QLabel* statusLabel() const { return m_status; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    bool isVerifier() const;
    void reloadQueue();
    void showObservation(const QString& id);
    // Why the user may not decide on the observation (role, state, four eyes); empty if they may.
    QString blockedReason(const Observation& o) const;
    void verify();
    void decide(bool reject);
    // After a decision: the row that took the decided one's place, so the verifier goes on down
    // the queue.
    void selectQueueRow(int proxyRow);
    int currentQueueRow() const;
    void announce(const QString& text);
    void updateTabTitles();

    QString m_current;
    QLabel* m_banner = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_queueHeading = nullptr;
    VerificationQueueModel* m_queueModel = nullptr;
    FilteredTable* m_queue = nullptr;
    VerificationSummary* m_summary = nullptr;
    QTabWidget* m_tabs = nullptr;
    VerificationDecisionForm* m_form = nullptr;
    EvidencePreview* m_evidence = nullptr;
    VerificationHistoryModel* m_historyModel = nullptr;
    FilteredTable* m_history = nullptr;
    SampleChecklist* m_samples = nullptr;
    bool m_refreshing = false;
    bool m_stale = false; // the store changed while the page was hidden
};

} // namespace dli::ui
