#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace dli::ui {

// The language of the window. English now; Urdu is offered for when its translation arrives.
// The choice is kept in QSettings (ui/language: "en" or "ur") and takes effect when DLI Tracker
// starts again: the start-up code calls applyStoredLayoutDirection(), which lays the window out
// right to left for Urdu.
class SettingsLanguage : public QWidget {
    Q_OBJECT
public:
    explicit SettingsLanguage(QWidget* parent = nullptr);

    static QString settingsKey();
    // The stored choice, "en" when none.
    static QString storedLanguage();
    // Call once the QApplication exists: right to left for Urdu.
    static void applyStoredLayoutDirection();

    QComboBox* combo() const { return m_combo; }
    // Stores the language ("en" or "ur") and says that a restart applies it.
    void choose(const QString& code);
    QString noteText() const;

private:
    void updateNote();

    QComboBox* m_combo = nullptr;
    QLabel* m_note = nullptr;
    QString m_started; // the language the window was started in
};

} // namespace dli::ui
