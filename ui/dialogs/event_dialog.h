#pragma once

#include "core/engine/disbursement.h"
#include "core/result.h"
#include "core/workflow/disbursements.h"
#include "ui/dialogs/event_preview.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace dli::ui {

class Workspace;

// Records one money event (a disbursement, an advance, a refund, a reallocation or a
// cancellation) for a manager, showing before anything is written what the engine will say
// (errors no one may override, rules a forced event overrides) and what the event will change
// (payable, pending, outstanding advances), updated as the user types. A refused event can be
// recorded anyway with a reason. Nothing typed is lost when core refuses.
class EventDialog : public QDialog {
    Q_OBJECT
public:
    // `code` preselects the DLR (or, for advances and refunds, the DLI).
    EventDialog(Workspace& workspace, EventKind kind, const QString& code = {},
                QWidget* parent = nullptr);
    ~EventDialog() override;

    EventKind kind() const { return m_kind; }

    // The fields, for tests and for the page to prefill.
    QComboBox* targetBox() const { return m_target; }
    QComboBox* toBox() const { return m_to; }
    QLineEdit* amountEdit() const { return m_amount; }
    QDateEdit* dateEdit() const { return m_date; }
    QLineEdit* referenceEdit() const { return m_reference; }
    QCheckBox* forceBox() const { return m_force; }
    QLineEdit* reasonEdit() const { return m_reason; }
    QPushButton* recordButton() const { return m_record; }

    // Checks and previews now instead of after the short pause that follows typing.
    void updateNow();
    // What the last check said.
    const QStringList& errors() const { return m_errors; }
    const QStringList& refusals() const { return m_refusals; }
    // The preview's lines ("Payable, DLR 6.1: US$1,180,000.00 → US$0.00") and new findings.
    QStringList previewLines() const;
    const EventPreview& preview() const { return m_preview; }
    bool canRecord() const;
    // Why the last attempt to record failed, as core said it; empty after success.
    QString errorText() const;

    // Records the event through core; on success accepts the dialog and returns true. On a
    // refusal the dialog stays open with everything typed and core's message shown.
    bool submit();
    const std::optional<DisbursementEvent>& recorded() const { return m_recorded; }

    // The event as typed so far (amount zero when it does not parse).
    DisbursementEvent event() const;

private:
    void fillTargets();
    void scheduleUpdate();
    void prefillAmount();
    void showCheck();
    std::optional<Money> parsedAmount(QString* why = nullptr) const;
    QString title() const;
    QString intro() const;

    Workspace& m_ws;
    EventKind m_kind;
    Disbursements m_service;
    DisbursementEngine::Input m_recordedInput; // every observation and event, read once
    QComboBox* m_target = nullptr;
    QComboBox* m_to = nullptr;
    QLineEdit* m_amount = nullptr;
    QDateEdit* m_date = nullptr;
    QLineEdit* m_reference = nullptr;
    QLabel* m_checkLabel = nullptr;
    QLabel* m_previewTitle = nullptr;
    QLabel* m_previewLabel = nullptr;
    QCheckBox* m_force = nullptr;
    QLabel* m_reasonLabel = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_record = nullptr;
    QTimer* m_timer = nullptr;
    QStringList m_errors;
    QStringList m_refusals;
    EventPreview m_preview;
    bool m_amountTouched = false;
    std::optional<DisbursementEvent> m_recorded;
};

} // namespace dli::ui
