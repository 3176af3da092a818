#pragma once

#include "ui/pages/page.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTimer;

namespace dli::ui {

class AuditEntryView;
class AuditLogModel;
class AuditVerifyPanel;
class FilteredTable;

// The hash-chained audit log: every entry, newest first, filtered by date, user, table, row and
// text (the store filters; the log is fetched as the table scrolls); the selected entry's row
// before and after with the changed fields marked; and "Verify integrity".
class AuditPage : public Page {
    Q_OBJECT
public:
    explicit AuditPage(Workspace& workspace, QWidget* parent = nullptr);

    QString id() const override { return QStringLiteral("audit"); }
    QString title() const override { return tr("Audit log"); }
    void refresh() override;
    void focusFind() override;
    // Shows the entries about one row (an observation id, a user id).
    void showItem(const QString& item) override;

    AuditLogModel* model() const { return m_model; }
    FilteredTable* table() const { return m_table; }
    AuditEntryView* entryView() const { return m_view; }
    AuditVerifyPanel* verifyPanel() const { return m_verify; }
    QCheckBox* sinceCheck() const { return m_sinceOn; }
    QDateEdit* sinceEdit() const { return m_since; }
    QComboBox* userCombo() const { return m_user; }
    QComboBox* tableCombo() const { return m_tableName; }
    QLineEdit* rowEdit() const { return m_row; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void applyFilter();
    void storeChanged();
    void fillChoices();
    void onCurrentChanged();
    void updateLoaded();

    AuditLogModel* m_model = nullptr;
    FilteredTable* m_table = nullptr;
    AuditEntryView* m_view = nullptr;
    AuditVerifyPanel* m_verify = nullptr;
    QCheckBox* m_sinceOn = nullptr;
    QDateEdit* m_since = nullptr;
    QComboBox* m_user = nullptr;
    QComboBox* m_tableName = nullptr;
    QLineEdit* m_row = nullptr;
    QLabel* m_loaded = nullptr;
    QString m_text;
    QTimer* m_textTimer = nullptr;
    bool m_stale = false;
};

} // namespace dli::ui
