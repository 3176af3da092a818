#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace dli::ui {

// One figure on the dashboard: a small title, the figure in large type and a caption that says
// what it means. A card for something waiting (figures to verify) also has a link-like button
// that opens the page resolving it.
class DashboardCard : public QFrame {
    Q_OBJECT
public:
    explicit DashboardCard(const QString& title, QWidget* parent = nullptr);

    void setValue(const QString& value);
    QString value() const;
    void setCaption(const QString& caption);
    // The figure's type size (the dashboard makes six figures fit in a row).
    void setValuePointSize(qreal points);
    QString caption() const;
    // Emphasis for a figure that needs someone: amber when above zero, calm when zero.
    void setAttention(bool attention);

    // Adds the button ("Open Verification"); its clicks are forwarded as activated().
    QPushButton* addAction(const QString& text, const QString& toolTip);
    QPushButton* actionButton() const { return m_action; }

signals:
    void activated();

private:
    QLabel* m_title = nullptr;
    QLabel* m_value = nullptr;
    QLabel* m_caption = nullptr;
    QPushButton* m_action = nullptr;
};

} // namespace dli::ui
