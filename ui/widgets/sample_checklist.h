#pragma once

#include "core/model/observation.h"
#include "core/workflow/samples.h"

#include <QWidget>
#include <optional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace dli::ui {

class FilteredTable;
class SampleItemsModel;
class Workspace;

// Sample verification of one observation (core's Samples): draw register rows with a seed and a
// size, record what the check of each found in a checklist, and close the sample, which verifies
// the figure at floor(reported x (1 - e)) or rejects it when the error rate e is beyond the
// protocol's limit. An open sample's progress is shown as it goes.
class SampleChecklist : public QWidget {
    Q_OBJECT
public:
    explicit SampleChecklist(Workspace& workspace, QWidget* parent = nullptr);

    // Shows the samples of the observation (the open one, else the latest). `blocked` says why
    // the user may not act on it; empty when they may.
    void setObservation(const Observation& observation, const QString& blocked);
    void clear(const QString& why);
    // The sample shown, if any.
    const std::optional<Sample>& sample() const { return m_sample; }
    // A short state for the tab's title: "open, 3 of 20", "closed", or empty.
    QString stateText() const;

    QLineEdit* seedEdit() const { return m_seed; }
    QSpinBox* sizeBox() const { return m_size; }
    QPushButton* drawButton() const { return m_draw; }
    FilteredTable* table() const { return m_table; }
    QLineEdit* noteEdit() const { return m_note; }
    QPushButton* outcomeButton(SampleOutcome outcome) const;
    QPushButton* closeButton() const { return m_close; }
    QLabel* progressLabel() const { return m_progressText; }

signals:
    // Something was written: a draw or an outcome (progressed), or the sample was closed and the
    // observation decided (decided, with what core said).
    void progressed();
    void decided(const QString& message);

private:
    void reload();
    void draw();
    void record(SampleOutcome outcome);
    void closeSample();
    void updateState();
    void selectNextUnchecked(int from);
    QString cannotDraw() const;

    Workspace& m_ws;
    Observation m_observation;
    QString m_blocked;
    std::optional<Sample> m_sample;

    QLabel* m_intro = nullptr;
    QGroupBox* m_drawBox = nullptr;
    QLineEdit* m_seed = nullptr;
    QSpinBox* m_size = nullptr;
    QLabel* m_drawHint = nullptr;
    QPushButton* m_draw = nullptr;
    QLabel* m_progressText = nullptr;
    QProgressBar* m_progress = nullptr;
    SampleItemsModel* m_model = nullptr;
    FilteredTable* m_table = nullptr;
    QWidget* m_recordRow = nullptr;
    QLineEdit* m_note = nullptr;
    QPushButton* m_confirmed = nullptr;
    QPushButton* m_notConfirmed = nullptr;
    QPushButton* m_notFound = nullptr;
    QLabel* m_closeHint = nullptr;
    QPushButton* m_close = nullptr;
};

} // namespace dli::ui
