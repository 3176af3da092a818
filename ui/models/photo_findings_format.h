#pragma once

#include "core/model/evidence.h"

#include <QCoreApplication>
#include <QVariant>

namespace dli::ui {

// How the evidence lists show the findings on a photo attached during a field visit
// (docs/field-packages.md, "Photos"), so that they read the same in every list.
class PhotoFindingsFormat {
    Q_DECLARE_TR_FUNCTIONS(PhotoFindingsFormat)
public:
    // "No GPS", "Far from the firm"... for a finding's kind (the kind itself when unknown).
    static QString kind(const QString& kind);
    // The cell: the findings' short names, "None" for a photo judged without any, empty for a
    // file that was not judged.
    static QString summary(const Evidence& e);
    // The cell's tooltip: each finding's message, or what "None" means; empty when not judged.
    static QString tooltip(const Evidence& e);
    // The cell's text colour: the dashboard's attention colour when there are findings.
    static QVariant foreground(const Evidence& e);
};

} // namespace dli::ui
