#pragma once

#include <QColor>

class QLabel;

namespace dli::ui {

// The one red the window uses for refusals and errors, readable on the light background.
QColor errorColour();
// A label for a refusal or error message: wrapped, plain text the user can select and copy,
// in errorColour(), hidden until it has something to say.
QLabel* newErrorLabel();

} // namespace dli::ui
