#pragma once

#include "core/model/register_fields.h"
#include "ui/pages/page.h"

#include <QMap>
#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace dli::ui {

class CorrectionDialog;
class FilteredTable;
class ImportWizard;
class ObservationEvidencePanel;
class ObservationForm;
class ObservationTableModel;
class RegisterView;

// Observations and the registers behind them: the observations grid with its filters, entry and
// amendment with inline validation (undoable), evidence by button or drag-and-drop, submission,
// the four registers fetched lazily, and the import wizard.
class DataPage : public Page {
    Q_OBJECT
public:
    explicit DataPage(Workspace& workspace, QWidget* parent = nullptr);

    QString id() const override { return QStringLiteral("data"); }
    QString title() const override { return tr("Data"); }
    void refresh() override;
    void focusFind() override;
    // An observation's id: shows it in the grid (clearing filters that hide it) and selects it.
    void showItem(const QString& item) override;

    // The observations the user selected in the grid, by id.
    QStringList selectedIds() const;
    // Submits the selected observations; false when core refused any (its reason is shown).
    bool submitSelected();
    // Loads the selected draft or queried observation into the form to amend it.
    bool amendSelected();
    // Attaches files to the observation in the grid's row (source terms).
    bool attachToRow(const QStringList& paths, int row);
    // Asks for the correction of the selected verified (or rejected) observation and creates
    // its replacement draft (Workflow::supersede); false when cancelled or refused.
    bool correctSelected();
    // How the correction dialog is put to the user: true once accepted. Tests fill it in.
    using CorrectionPresenter = std::function<bool(CorrectionDialog& dialog)>;
    void setCorrectionPresenter(CorrectionPresenter presenter)
    {
        m_presentCorrection = std::move(presenter);
    }
    // Opens the import wizard for the kind (the current register, or observations).
    void openImportWizard();
    // How the wizard is put to the user; the default runs it modally. Tests fill it in.
    using WizardPresenter = std::function<void(ImportWizard& wizard)>;
    void setWizardPresenter(WizardPresenter presenter) { m_presentWizard = std::move(presenter); }

    QTabWidget* tabs() const { return m_tabs; }
    FilteredTable* observationTable() const { return m_table; }
    ObservationTableModel* observationModel() const { return m_model; }
    ObservationForm* form() const { return m_form; }
    ObservationEvidencePanel* evidencePanel() const { return m_evidence; }
    RegisterView* registerView(ImportKind kind) const { return m_registers.value(kind); }
    QComboBox* periodFilter() const { return m_periodFilter; }
    QComboBox* indicatorFilter() const { return m_indicatorFilter; }
    QComboBox* orgUnitFilter() const { return m_unitFilter; }
    QComboBox* stateFilter() const { return m_stateFilter; }
    QPushButton* newButton() const { return m_new; }
    QPushButton* amendButton() const { return m_amend; }
    QPushButton* submitButton() const { return m_submit; }
    QPushButton* correctButton() const { return m_correct; }
    QPushButton* importButton() const { return m_import; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    // Reads the observations if the page has not yet.
    void ensureLoaded();
    QWidget* makeObservationsTab();
    void fillFilters();
    void applyFilters();
    void reloadObservations();
    void selectionChanged();
    void updateActions();
    void selectObservation(const QString& id);

    QTabWidget* m_tabs = nullptr;
    QComboBox* m_periodFilter = nullptr;
    QComboBox* m_indicatorFilter = nullptr;
    QComboBox* m_unitFilter = nullptr;
    QComboBox* m_stateFilter = nullptr;
    FilteredTable* m_table = nullptr;
    ObservationTableModel* m_model = nullptr;
    ObservationForm* m_form = nullptr;
    ObservationEvidencePanel* m_evidence = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_amend = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_correct = nullptr;
    QPushButton* m_import = nullptr;
    QLabel* m_status = nullptr;
    QMap<ImportKind, RegisterView*> m_registers;
    WizardPresenter m_presentWizard;
    CorrectionPresenter m_presentCorrection;
    bool m_loaded = false;
};

} // namespace dli::ui
