#pragma once

#include <QWidget>

class QDateEdit;
class QPushButton;

namespace dli::ui {

class Workspace;

// "As of [2026-07-01] [Today]": the date the dashboard and the disbursement page compute at,
// shared through the workspace, so that both always show the same day.
class DisbursementAsOfEdit : public QWidget {
    Q_OBJECT
public:
    explicit DisbursementAsOfEdit(Workspace& workspace, QWidget* parent = nullptr);

    QDateEdit* dateEdit() const { return m_date; }
    QPushButton* todayButton() const { return m_today; }

private:
    Workspace& m_ws;
    QDateEdit* m_date = nullptr;
    QPushButton* m_today = nullptr;
};

} // namespace dli::ui
