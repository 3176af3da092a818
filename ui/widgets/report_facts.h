#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace dli {
struct QuarterlyReport;
}

namespace dli::ui {

// What a reader needs to check a report against the database, under its preview: the quarter,
// as-of date, as-known-at moment and who prepared it; the data fingerprint, to select or copy;
// and the command that prints the fingerprint again from the database.
class ReportFacts : public QFrame {
    Q_OBJECT
public:
    explicit ReportFacts(QWidget* parent = nullptr);

    // Hidden without a report; `database` is the file the check command names.
    void setReport(const QuarterlyReport* report, const QString& database);

    QLabel* summaryLabel() const { return m_summary; }
    QLabel* fingerprintLabel() const { return m_fingerprint; }
    QLabel* commandLabel() const { return m_command; }
    QPushButton* copyButton() const { return m_copy; }

private:
    QLabel* m_summary = nullptr;
    QLabel* m_fingerprint = nullptr;
    QLabel* m_command = nullptr;
    QPushButton* m_copy = nullptr;
};

} // namespace dli::ui
