#pragma once

#include <Qt>

namespace dli::ui {

// Data roles the application's models share.
enum Roles {
    // A value to sort by when the text would sort wrong ("1,000.00" before "900.00"): numbers,
    // dates. Tables fall back to the text when a model gives none.
    SortRole = Qt::UserRole + 100,
    // The row's key in core terms: an observation id, a DLR code.
    KeyRole,
};

} // namespace dli::ui
