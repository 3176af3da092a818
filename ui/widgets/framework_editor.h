#pragma once

#include "core/workflow/program_editor.h"

#include <QList>
#include <QWidget>

class QFormLayout;
class QFrame;
class QLabel;
class QPushButton;

namespace dli::ui {

class Workspace;

// The editor panel of the results framework page: the fields of the selected item that can
// change (ProgramEditor::fields), each committed when the user leaves it or presses Enter, as
// one undoable command. Administrators edit; everyone else sees the same fields read-only, with
// the reason. A refused edit keeps what the user typed and shows core's message until the
// field is changed again or the stored values are put back.
class FrameworkEditor : public QWidget {
    Q_OBJECT
public:
    explicit FrameworkEditor(Workspace& workspace, QWidget* parent = nullptr);

    // Shows an item's fields (kind Program: the program's); the same item again only updates
    // the values, leaving fields that hold refused text as they are.
    void showItem(ProgramItemKind kind, const QString& code);
    // No program to edit.
    void showNothing();

    ProgramItemKind kind() const { return m_kind; }
    QString code() const { return m_code; }
    // The widget that edits a field (a QLineEdit, QCheckBox or QComboBox), or nullptr.
    QWidget* fieldWidget(ProgramField field, const QString& period = {}) const;
    // Commits what the field's widget holds; true when core accepted it or nothing changed.
    bool commit(ProgramField field, const QString& period = {});
    // Core's refusal as shown, or empty.
    QString errorText() const;
    // Why the fields are read-only, or empty when the user may edit.
    QString readOnlyReason() const;
    // Puts the stored values back into every field and clears the refusal.
    void revert();

private:
    struct Row {
        ProgramField field;
        QString period;
        QWidget* editor = nullptr;
        QString refused;
        QLabel* suffix = nullptr; // unit, share in percent, default in words // the text core
                                  // refused, kept in the field
    };

    void rebuild();
    void updateValues();
    void addRow(ProgramField field, const QString& period = {});
    QWidget* makeEditor(ProgramField field);
    QString labelFor(const Row& row) const;
    QString hintFor(const Row& row) const;
    void updateSuffix(int index);
    QString placeholderFor(const Row& row) const;
    QString textOf(const Row& row) const;
    void setTextOf(Row& row, const QString& text);
    bool commitRow(int index);
    void showError(const QString& text);
    ProgramEdit editOf(const Row& row, const QString& value) const;

    Workspace& m_ws;
    ProgramItemKind m_kind = ProgramItemKind::Program;
    QString m_code;
    bool m_shown = false;
    QLabel* m_heading = nullptr;
    QLabel* m_readOnly = nullptr;
    QWidget* m_formHost = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_note = nullptr;
    QPushButton* m_settings = nullptr;
    QFrame* m_errorBox = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_revert = nullptr;
    QList<Row> m_rows;
    bool m_committing = false;
};

} // namespace dli::ui
