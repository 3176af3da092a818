#pragma once

#include "core/model/observation.h"
#include "core/result.h"
#include "core/workflow/observation_entry.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace dli::ui {

class Workspace;

// The entry form of the Data page: a new observation (indicator, period, org unit, category,
// value, source, note) or the amendment of a draft or queried one (value and note). It checks
// what is typed as an import would (ObservationEntry::check) a moment after each change and
// shows each problem under its field with the rule's message; saving refuses input with errors
// and keeps what was typed. Saving is an undo command on the workspace's stack.
class ObservationForm : public QWidget {
    Q_OBJECT
public:
    explicit ObservationForm(Workspace& workspace, QWidget* parent = nullptr);

    // Fills the choices from the workspace's program (after it was reloaded).
    void reloadProgram();
    // A new observation; the indicator, period and org unit stay for the next figure.
    void startNew();
    // Amends the observation (a draft or a queried one): only the value and the note change.
    void startAmend(const Observation& observation);
    bool isAmending() const { return !m_amending.isEmpty(); }
    const QString& amendingId() const { return m_amending; }

    ObservationInput input() const;
    void setInput(const ObservationInput& input);

    // Checks what is typed now and shows the problems; errors and warnings alike.
    QList<ObservationEntry::Problem> validateNow();
    // Saves (an undo command); false when the input has errors or core refused, with the
    // reason shown and the input kept.
    bool save();

    // What the form shows under a field ("value", "period" ...), or above it for the row as a
    // whole (""); empty when nothing.
    QString message(const QString& field) const;
    QWidget* field(const QString& name) const;
    QPushButton* saveButton() const { return m_save; }

signals:
    // A new observation was saved, or an amendment.
    void saved(const QString& id);
    // The user left an amendment without saving it.
    void amendCancelled();

private:
    void indicatorChanged();
    void scheduleCheck();
    void show(const QList<ObservationEntry::Problem>& problems);
    void showBanner(const QString& text, bool error);
    void clearProblems();
    void applyRole();
    QLabel* addField(QFormLayout* form, const QString& label, QWidget* widget, const QString& name);

    Workspace& m_ws;
    QString m_amending;
    QLabel* m_title = nullptr;
    QLabel* m_banner = nullptr;
    QComboBox* m_indicator = nullptr;
    QComboBox* m_period = nullptr;
    QComboBox* m_orgUnit = nullptr;
    QComboBox* m_category = nullptr;
    QLineEdit* m_value = nullptr;
    QLineEdit* m_source = nullptr;
    QLineEdit* m_note = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_clear = nullptr;
    QTimer* m_checkTimer = nullptr;
    QHash<QString, QLabel*> m_messages; // field -> the label under it
    QHash<QString, QWidget*> m_fields;
    QString m_amendBeforeValue;
    QString m_amendBeforeNote;
    bool m_filling = false; // while the form sets its own fields
};

} // namespace dli::ui
