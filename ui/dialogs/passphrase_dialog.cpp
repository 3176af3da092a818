#include "ui/dialogs/passphrase_dialog.h"

#include "core/package/sealed_archive.h"
#include "ui/widgets/error_text.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {
PassphraseDialog::Presenter& presenter()
{
    static PassphraseDialog::Presenter p;
    return p;
}
} // namespace

PassphraseDialog::PassphraseDialog(Mode mode, const QString& title, const QString& prompt,
                                   QWidget* parent)
    : QDialog(parent), m_mode(mode)
{
    setWindowTitle(title);
    auto secret = [](const QString& name) {
        auto* edit = new QLineEdit;
        edit->setEchoMode(QLineEdit::Password);
        edit->setAccessibleName(name);
        return edit;
    };
    m_first = secret(tr("Passphrase"));
    m_repeat = secret(tr("Passphrase again"));

    auto* intro = new QLabel(prompt);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Passphrase:"), m_first);
    if (mode == Mode::Seal)
        form->addRow(tr("&Repeat it:"), m_repeat);
    else
        m_repeat->setVisible(false);

    auto* hint = new QLabel(
        mode == Mode::Seal
            ? tr("At least %1 characters. Give it to the other side by another way than the "
                 "file: a phone call, not the same e-mail.")
                  .arg(SealedArchive::MinimumPassphraseLength)
            : tr("The passphrase the file was sealed with."));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    m_error = newErrorLabel();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { (void)submit(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
    m_first->setFocus();
}

PassphraseDialog::~PassphraseDialog()
{
    // Not kept longer than needed.
    m_passphrase.fill('\0');
}

void PassphraseDialog::setPassphrases(const QString& passphrase, const QString& repeated)
{
    m_first->setText(passphrase);
    m_repeat->setText(repeated);
}

bool PassphraseDialog::submit()
{
    const QString first = m_first->text();
    if (first.isEmpty()) {
        showError(tr("Type the passphrase."), m_first);
        return false;
    }
    if (m_mode == Mode::Seal) {
        if (first.size() < SealedArchive::MinimumPassphraseLength) {
            showError(tr("The passphrase is too short: at least %1 characters.")
                          .arg(SealedArchive::MinimumPassphraseLength),
                      m_first);
            return false;
        }
        if (m_repeat->text() != first) {
            m_repeat->clear();
            showError(tr("The two passphrases differ; type it again."), m_repeat);
            return false;
        }
    }
    m_passphrase = first.toUtf8();
    m_first->clear();
    m_repeat->clear();
    m_error->setVisible(false);
    accept();
    return true;
}

QString PassphraseDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void PassphraseDialog::showError(const QString& text, QLineEdit* focus)
{
    m_error->setText(text);
    m_error->setVisible(true);
    if (const int needed = heightForWidth(width()); needed > height())
        resize(width(), needed);
    focus->setFocus();
}

std::optional<QByteArray> PassphraseDialog::ask(QWidget* parent, Mode mode, const QString& title,
                                                const QString& prompt)
{
    PassphraseDialog dialog(mode, title, prompt, parent);
    const bool accepted = presenter() ? presenter()(dialog) : dialog.exec() == QDialog::Accepted;
    if (!accepted || dialog.passphrase().isEmpty())
        return std::nullopt;
    return dialog.passphrase();
}

void PassphraseDialog::setPresenter(Presenter p)
{
    presenter() = std::move(p);
}

} // namespace dli::ui
