#include "ui/widgets/dashboard_card.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

DashboardCard::DashboardCard(const QString& title, QWidget* parent) : QFrame(parent)
{
    setObjectName(u"dashboardCard"_s);
    setStyleSheet(u"#dashboardCard { background: palette(base); border: 1px solid palette(mid);"
                  u" border-radius: 6px; }"_s);
    m_title = new QLabel(title);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    m_title->setWordWrap(true);
    m_value = new QLabel;
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The figure's width never holds the window wide: the dashboard sizes its type to fit.
    m_value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_caption = new QLabel;
    m_caption->setWordWrap(true);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    QFont small = m_caption->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    m_caption->setFont(small);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
    layout->addStretch(1);
    setAccessibleName(title);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void DashboardCard::setValue(const QString& value)
{
    m_value->setText(value);
    setAccessibleDescription(value + u' ' + m_caption->text());
}

void DashboardCard::setValuePointSize(qreal points)
{
    QFont f = m_value->font();
    if (qFuzzyCompare(f.pointSizeF(), points))
        return;
    f.setPointSizeF(points);
    m_value->setFont(f);
}

QString DashboardCard::value() const
{
    return m_value->text();
}

void DashboardCard::setCaption(const QString& caption)
{
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
    setAccessibleDescription(m_value->text() + u' ' + caption);
}

QString DashboardCard::caption() const
{
    return m_caption->text();
}

void DashboardCard::setAttention(bool attention)
{
    QPalette p = m_value->palette();
    p.setColor(QPalette::WindowText,
               attention ? QColor(0xa6, 0x5f, 0x00) : palette().color(QPalette::WindowText));
    m_value->setPalette(p);
}

QPushButton* DashboardCard::addAction(const QString& text, const QString& toolTip)
{
    if (!m_action) {
        m_action = new QPushButton;
        m_action->setFlat(true);
        m_action->setCursor(Qt::PointingHandCursor);
        m_action->setStyleSheet(u"QPushButton { color: palette(link); text-align: left;"
                                u" padding: 2px 0px; border: none; }"
                                u"QPushButton:focus { text-decoration: underline; }"_s);
        layout()->addWidget(m_action);
        connect(m_action, &QPushButton::clicked, this, &DashboardCard::activated);
    }
    m_action->setText(text);
    m_action->setToolTip(toolTip);
    return m_action;
}

} // namespace dli::ui
