#pragma once

#include <QByteArray>
#include <QDialog>
#include <functional>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace dli::ui {

// Asks for the passphrase of a field package or return, without echo. Opening a file asks once;
// sealing one asks twice and wants SealedArchive::MinimumPassphraseLength characters at least,
// as the CLI does (docs/field-packages.md). The GUI always asks: DLITRACKER_PACKAGE_PASSPHRASE is
// for scripts.
class PassphraseDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode {
        Open, // once
        Seal, // twice, at least MinimumPassphraseLength characters
    };

    PassphraseDialog(Mode mode, const QString& title, const QString& prompt,
                     QWidget* parent = nullptr);
    ~PassphraseDialog() override;

    Mode mode() const { return m_mode; }
    void setPassphrases(const QString& passphrase, const QString& repeated = {});
    // What OK does: checks what was typed; true (and the dialog accepted) when it will do.
    bool submit();
    // What was typed, in UTF-8, once submit() succeeded.
    QByteArray passphrase() const { return m_passphrase; }
    QString errorText() const;

    // Runs the dialog modally: the passphrase, or nothing when the user cancelled.
    static std::optional<QByteArray> ask(QWidget* parent, Mode mode, const QString& title,
                                         const QString& prompt);
    // Tests answer instead of the user: the presenter fills the dialog in and returns whether
    // it was accepted. Empty: the dialog runs modally.
    using Presenter = std::function<bool(PassphraseDialog& dialog)>;
    static void setPresenter(Presenter presenter);

private:
    void showError(const QString& text, QLineEdit* focus);

    Mode m_mode;
    QLineEdit* m_first = nullptr;
    QLineEdit* m_repeat = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QByteArray m_passphrase;
};

} // namespace dli::ui
