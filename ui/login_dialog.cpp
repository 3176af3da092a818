#include "ui/login_dialog.h"

#include "core/auth/auth.h"
#include "core/io/demo.h"
#include "core/storage/session.h"
#include "ui/widgets/error_text.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

LoginDialog::LoginDialog(Session& session, bool offerDemoAccounts, QWidget* parent)
    : QDialog(parent), m_session(session)
{
    const QString file = QFileInfo(session.path()).fileName();
    setWindowTitle(tr("Log in to %1").arg(file));

    auto* intro = new QLabel(tr("%1 has user accounts. Log in to open it.").arg(file));
    intro->setWordWrap(true);

    m_user = new QComboBox;
    m_user->setEditable(true);
    // Typed names are looked up, never added to the list.
    m_user->setInsertPolicy(QComboBox::NoInsert);
    m_user->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_user->setMinimumContentsLength(16);
    m_user->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    if (offerDemoAccounts) {
        for (const Demo::Account& account : Demo::accounts()) {
            m_user->addItem(account.name);
            m_user->setItemData(m_user->count() - 1,
                                tr("%1, %2 role").arg(account.fullName, roleName(account.role)),
                                Qt::ToolTipRole);
        }
    }
    // No one is chosen for the user: the demo's admin is not a default to fall into.
    m_user->setCurrentIndex(-1);
    m_user->lineEdit()->setPlaceholderText(offerDemoAccounts ? tr("Choose or type a user name")
                                                             : tr("Your user name"));

    m_password = new QLineEdit;
    m_password->setEchoMode(QLineEdit::Password);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);

    m_hint = new QLabel;
    m_hint->setWordWrap(true);
    if (offerDemoAccounts) {
        QStringList names;
        for (const Demo::Account& account : Demo::accounts())
            names << account.name;
        // The password is kept on one line: a break at its hyphen would read as two words.
        m_hint->setText(tr("Demo accounts, one per role: %1. Each has the password %2.")
                            .arg(names.join(u", "_s).toHtmlEscaped(),
                                 u"<span style='white-space:nowrap'><b>"_s +
                                     Demo::password().toHtmlEscaped() + u"</b></span>"_s));
    }
    m_hint->setVisible(offerDemoAccounts);

    m_error = newErrorLabel();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Log in"));
    ok->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { (void)submit(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* box = new QVBoxLayout(this);
    box->addWidget(intro);
    box->addSpacing(6);
    box->addLayout(form);
    box->addWidget(m_hint);
    box->addWidget(m_error);
    box->addSpacing(6);
    box->addWidget(m_buttons);

    setMinimumWidth(440);
    m_user->setFocus();
}

void LoginDialog::setUserName(const QString& name)
{
    m_user->setEditText(name);
}

void LoginDialog::setPassword(const QString& password)
{
    m_password->setText(password);
}

bool LoginDialog::submit()
{
    const QString name = m_user->currentText().trimmed();
    if (name.isEmpty()) {
        showError(tr("Type your user name."), m_user);
        return false;
    }
    if (m_password->text().isEmpty()) {
        // Enter after the name moves on to the password; an empty one is not worth an attempt
        // that counts towards the lock.
        if (m_user->hasFocus() || m_user->lineEdit()->hasFocus())
            m_password->setFocus();
        else
            showError(tr("Type your password."), m_password);
        return false;
    }
    // Checking a password takes a noticeable moment by design.
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto user = Auth::login(m_session, name, m_password->text());
    QGuiApplication::restoreOverrideCursor();
    m_password->clear();
    if (!user) {
        showError(user.error().text(), m_password);
        return false;
    }
    m_error->clear();
    m_error->setVisible(false);
    accept();
    return true;
}

QString LoginDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

QStringList LoginDialog::offeredUserNames() const
{
    QStringList names;
    for (int i = 0; i < m_user->count(); ++i)
        names << m_user->itemText(i);
    return names;
}

QString LoginDialog::hintText() const
{
    return m_hint->isVisibleTo(this) ? m_hint->text() : QString();
}

void LoginDialog::showError(const QString& text, QWidget* focus)
{
    m_error->setText(text);
    m_error->setVisible(true);
    // The message may need more lines than the dialog has room for.
    if (const int needed = heightForWidth(width()); needed > height())
        resize(width(), needed);
    focus->setFocus();
}

} // namespace dli::ui
