#pragma once

#include "core/engine/disbursement.h"
#include "core/model/program.h"

#include <QTextBrowser>

namespace dli::ui {

// The selected DLR's derivation in plain words (DlrResult::explanation), with its dates and
// figures; the forecast's derivation follows under its own heading, never mixed in. For a DLI:
// its money, advances and the DLRs it pays through.
class DisbursementExplanation : public QTextBrowser {
    Q_OBJECT
public:
    explicit DisbursementExplanation(QWidget* parent = nullptr);

    void showDlr(const Program& program, const DlrResult& verified, const DlrResult* forecast);
    void showDli(const Program& program, const DliResult& dli);
    void showNothing();
};

} // namespace dli::ui
