#include "ui/widgets/error_text.h"

#include <QLabel>
#include <QPalette>

namespace dli::ui {

QColor errorColour()
{
    return QColor(0xb0, 0x1c, 0x1c);
}

QLabel* newErrorLabel()
{
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette red = label->palette();
    red.setColor(QPalette::WindowText, errorColour());
    label->setPalette(red);
    label->setVisible(false);
    return label;
}

} // namespace dli::ui
