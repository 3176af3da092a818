#include "ui/widgets/settings_language.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

QString SettingsLanguage::settingsKey()
{
    return u"ui/language"_s;
}

QString SettingsLanguage::storedLanguage()
{
    const QString code = QSettings().value(settingsKey(), u"en"_s).toString();
    return code == u"ur"_s ? code : u"en"_s;
}

void SettingsLanguage::applyStoredLayoutDirection()
{
    QGuiApplication::setLayoutDirection(storedLanguage() == u"ur"_s ? Qt::RightToLeft
                                                                    : Qt::LeftToRight);
}

SettingsLanguage::SettingsLanguage(QWidget* parent) : QWidget(parent)
{
    m_started = storedLanguage();
    m_combo = new QComboBox;
    m_combo->addItem(tr("English"), u"en"_s);
    // The language's own name, so that a reader of Urdu finds it whatever the window's language.
    m_combo->addItem(tr("%1 (Urdu): translation to come").arg(u"اردو"_s), u"ur"_s);
    m_combo->setCurrentIndex(m_combo->findData(m_started));
    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("&Language:"), m_combo);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_note);
    connect(m_combo, &QComboBox::activated, this,
            [this] { choose(m_combo->currentData().toString()); });
    updateNote();
}

void SettingsLanguage::choose(const QString& code)
{
    const QString c = code == u"ur"_s ? code : u"en"_s;
    QSettings().setValue(settingsKey(), c);
    m_combo->setCurrentIndex(m_combo->findData(c));
    updateNote();
}

QString SettingsLanguage::noteText() const
{
    return m_note->text();
}

void SettingsLanguage::updateNote()
{
    const QString chosen = m_combo->currentData().toString();
    QString text;
    if (chosen != m_started)
        text = tr("The new language applies when DLI Tracker starts again.") + u' ';
    if (chosen == u"ur"_s)
        text += tr("The Urdu translation is not ready yet: menus and pages stay in English, but "
                   "the window is laid out right to left, as Urdu reads.");
    else
        text += tr("Urdu will be offered here once its translation is complete; the window is "
                   "then laid out right to left.");
    m_note->setText(text);
}

} // namespace dli::ui
