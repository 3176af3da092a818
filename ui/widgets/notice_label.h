#pragma once

class QLabel;

namespace dli::ui {

// How a boxed notice reads: green for work done, amber for what needs attention.
enum class NoticeTone { Done, Attention };

// A boxed notice: wrapped plain text the user can select and copy (a package id, a path),
// hidden until it has something to say.
QLabel* newNoticeLabel(NoticeTone tone);
void setNoticeTone(QLabel* label, NoticeTone tone);

} // namespace dli::ui
