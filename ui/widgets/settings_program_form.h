#pragma once

#include "core/workflow/program_editor.h"

#include <QMap>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace dli::ui {

class Workspace;

// The program's settings: currency, fiscal-year start month, verification window and the caps
// on advances and prior results. Administrators change them through ProgramEditor, each change
// an undoable command committed when the field is left; a refusal (the checker's message, or a
// rule such as "observations already name periods") is shown beside the value typed, which
// stays until it is changed or the stored values are put back.
class SettingsProgramForm : public QWidget {
    Q_OBJECT
public:
    explicit SettingsProgramForm(Workspace& workspace, QWidget* parent = nullptr);

    void refresh();
    // Commits what a field's control holds; true when core accepted it or nothing changed.
    bool commit(ProgramField field);
    QString errorText() const;
    QString readOnlyReason() const;
    void revert();

    QComboBox* currencyCombo() const { return m_currency; }
    QComboBox* monthCombo() const { return m_month; }
    QSpinBox* windowSpin() const { return m_window; }
    QDoubleSpinBox* advanceCapSpin() const { return m_advance; }
    QDoubleSpinBox* priorResultsCapSpin() const { return m_prior; }

    // A share as the spin boxes show it: 0.25 is 25 (%), and back.
    static double percentOf(const QString& share);
    static QString shareOf(double percent);

private:
    QString valueIn(ProgramField field) const;
    void setValueIn(ProgramField field, const QString& value);
    void updateValues();

    Workspace& m_ws;
    QComboBox* m_currency = nullptr;
    QComboBox* m_month = nullptr;
    QSpinBox* m_window = nullptr;
    QDoubleSpinBox* m_advance = nullptr;
    QDoubleSpinBox* m_prior = nullptr;
    QLabel* m_readOnly = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_revert = nullptr;
    QMap<ProgramField, QString> m_refused;
    bool m_committing = false;
};

} // namespace dli::ui
