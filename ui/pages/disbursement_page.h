#pragma once

#include "core/engine/disbursement.h"
#include "ui/pages/page.h"

#include <QList>
#include <functional>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTreeView;

namespace dli::ui {

class DisbursementAsOfEdit;
class DisbursementEventsModel;
class DisbursementExplanation;
class DisbursementFindingsModel;
class DisbursementTreeModel;
class EventDialog;
class FilteredTable;

// What can be claimed per DLI and DLR, verified and forecast, and the events managers record.
class DisbursementPage : public Page {
    Q_OBJECT
public:
    explicit DisbursementPage(Workspace& workspace, QWidget* parent = nullptr);

    QString id() const override { return QStringLiteral("disbursement"); }
    QString title() const override { return tr("Disbursement"); }
    // Computes again at the workspace's as-of date (and the "as known at" moment when set).
    void refresh() override;
    void focusFind() override;
    // Selects a DLI or DLR by code.
    void showItem(const QString& item) override;

    // How event dialogs are shown: exec() by default; tests fill the dialog and submit it.
    using EventPresenter = std::function<bool(EventDialog& dialog)>;
    void setEventPresenter(EventPresenter presenter) { m_presentEvent = std::move(presenter); }
    // Opens the dialog for an event of this kind, preset to the selected DLR or DLI; true when
    // an event was recorded.
    bool recordEvent(EventKind kind);

    // For tests.
    DisbursementTreeModel* treeModel() const { return m_tree; }
    QTreeView* treeView() const { return m_treeView; }
    DisbursementEventsModel* eventsModel() const { return m_events; }
    DisbursementFindingsModel* findingsModel() const { return m_findings; }
    FilteredTable* eventsTable() const { return m_eventsTable; }
    DisbursementExplanation* explanation() const { return m_explanation; }
    QCheckBox* forecastBox() const { return m_forecastBox; }
    QCheckBox* movedBox() const { return m_movedBox; }
    QCheckBox* knownAtBox() const { return m_knownAtBox; }
    QDateTimeEdit* knownAtEdit() const { return m_knownAt; }
    QPushButton* recordButton(EventKind kind) const;
    QLabel* summaryLabel() const { return m_summary; }

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void invalidate();
    void compute();
    void updateColumns();
    // The DLI / DLR column takes the width the figures leave.
    void fitItemColumn();
    // The first time the page is shown: the tree as tall as its rows (within limits), the
    // explanation beside the events wide enough to read.
    void arrangeSplitters();
    void scheduleFit();
    void showSelection();
    QWidget* buildTopBar();
    QWidget* buildEventsTab();
    QString selectedCode() const;

    DisbursementAsOfEdit* m_asOf = nullptr;
    QCheckBox* m_knownAtBox = nullptr;
    QDateTimeEdit* m_knownAt = nullptr;
    QCheckBox* m_forecastBox = nullptr;
    QCheckBox* m_movedBox = nullptr;
    QLabel* m_summary = nullptr;
    DisbursementTreeModel* m_tree = nullptr;
    QTreeView* m_treeView = nullptr;
    QSplitter* m_split = nullptr;
    QSplitter* m_bottom = nullptr;
    bool m_arranged = false;
    bool m_fitQueued = false;
    DisbursementExplanation* m_explanation = nullptr;
    QTabWidget* m_tabs = nullptr;
    DisbursementEventsModel* m_events = nullptr;
    FilteredTable* m_eventsTable = nullptr;
    DisbursementFindingsModel* m_findings = nullptr;
    FilteredTable* m_findingsTable = nullptr;
    QList<QPair<EventKind, QPushButton*>> m_recordButtons;
    EventPresenter m_presentEvent;
    bool m_dirty = true;
};

} // namespace dli::ui
