#include "ui/widgets/notice_label.h"

#include <QLabel>

using namespace Qt::StringLiterals;

namespace dli::ui {

QLabel* newNoticeLabel(NoticeTone tone)
{
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setContentsMargins(10, 8, 10, 8);
    label->setVisible(false);
    setNoticeTone(label, tone);
    return label;
}

void setNoticeTone(QLabel* label, NoticeTone tone)
{
    label->setStyleSheet(tone == NoticeTone::Done
                             ? u"QLabel { background: #e6f2e6; color: #1d3b1d; "
                               u"border: 1px solid #9cc59c; border-radius: 3px; }"_s
                             : u"QLabel { background: #fff4d6; color: #3d2e00; "
                               u"border: 1px solid #d9b54a; border-radius: 3px; }"_s);
}

} // namespace dli::ui
