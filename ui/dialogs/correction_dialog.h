#pragma once

#include "core/model/decimal.h"
#include "core/model/observation.h"

#include <QDialog>
#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace dli::ui {

// Asks for the corrected value of a verified (or rejected) figure and why it was wrong. The
// correction becomes a replacement draft that goes through verification again; the figure it
// replaces keeps counting until then.
class CorrectionDialog : public QDialog {
    Q_OBJECT
public:
    CorrectionDialog(const Observation& observation, QWidget* parent = nullptr);

    QLineEdit* valueEdit() const { return m_value; }
    QPlainTextEdit* reasonEdit() const { return m_reason; }
    // The corrected value once both fields are valid.
    std::optional<Decimal> value() const;
    QString reason() const;

private:
    void validate();

    QLineEdit* m_value = nullptr;
    QPlainTextEdit* m_reason = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace dli::ui
