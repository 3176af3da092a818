#pragma once

#include "core/model/period.h"
#include "core/report/report_data.h"
#include "core/result.h"
#include "ui/pages/page.h"

#include <QByteArray>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;

namespace dli::ui {

class ReportFacts;
class ReportPreview;

// The quarterly progress report: pick a fiscal quarter and an as-of date, make the report in the
// background (a progress bar, cancellable), look through its PDF pages here, print them, or save
// them as PDF, XLSX or CSV files. The report only reads, so every role may make one.
class ReportsPage : public Page {
    Q_OBJECT
public:
    explicit ReportsPage(Workspace& workspace, QWidget* parent = nullptr);

    QString id() const override { return QStringLiteral("reports"); }
    QString title() const override { return tr("Reports"); }
    // F5 on this page makes the report again; on another page it only refreshes the quarters.
    void refresh() override;
    // A quarter code ("FY2026-Q3"): selects it.
    void showItem(const QString& item) override;

    // Makes the report for the quarter and as-of date chosen; false when it failed (reported)
    // or was cancelled (said on the page). The previous report stays until a new one is made.
    bool makeReport();
    // Write the report made to a file or folder; errors are reported and returned.
    Status savePdf(const QString& path);
    Status saveXlsx(const QString& path);
    Status saveCsv(const QString& folder);
    // The print preview (ReportSaveDialogs::setPrintPresenter answers it in tests).
    void print();

    const std::optional<QuarterlyReport>& report() const { return m_report; }
    const QByteArray& pdf() const { return m_pdf; }
    Period selectedQuarter() const;

    QComboBox* quarterBox() const { return m_quarter; }
    QDateEdit* asOfEdit() const { return m_asOf; }
    QPushButton* makeButton() const { return m_make; }
    QPushButton* printButton() const { return m_print; }
    QPushButton* savePdfButton() const { return m_savePdf; }
    QPushButton* saveXlsxButton() const { return m_saveXlsx; }
    QPushButton* saveCsvButton() const { return m_saveCsv; }
    ReportPreview* preview() const { return m_preview; }
    ReportFacts* facts() const { return m_facts; }
    QLabel* noteLabel() const { return m_note; }

private:
    void fillQuarters();
    void quarterChosen();
    void updateButtons();
    void updateNote();
    QString fileName(const QString& suffix) const;
    void askAndSave(int format);

    std::optional<QuarterlyReport> m_report;
    QByteArray m_pdf;
    Period m_shownQuarter; // the quarter whose end the as-of date follows
    bool m_asOfEdited = false;
    QString m_done; // what the last action did: "Saved ...", "Cancelled ..."

    QComboBox* m_quarter = nullptr;
    QDateEdit* m_asOf = nullptr;
    QPushButton* m_make = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_savePdf = nullptr;
    QPushButton* m_saveXlsx = nullptr;
    QPushButton* m_saveCsv = nullptr;
    QLabel* m_note = nullptr;
    ReportPreview* m_preview = nullptr;
    ReportFacts* m_facts = nullptr;
};

} // namespace dli::ui
