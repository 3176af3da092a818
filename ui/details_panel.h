#pragma once

#include "core/model/program.h"
#include "ui/models/results_framework_model.h"

#include <QTextBrowser>

namespace dli::ui {

// Everything the program file says about the selected item, in plain words: what a DLR pays
// for, from which baseline, by when, and what happens to money it does not earn.
class DetailsPanel : public QTextBrowser {
    Q_OBJECT
public:
    explicit DetailsPanel(QWidget* parent = nullptr);

    void showProgram(const Program& program);
    void showItem(const Program& program, ResultsFrameworkModel::Kind kind, const QString& code);
    void showNothing();

private:
    QString programHtml(const Program& p) const;
    QString areaHtml(const Program& p, const QString& code) const;
    QString indicatorHtml(const Program& p, const QString& code) const;
    QString dliHtml(const Program& p, const QString& code) const;
    QString dlrHtml(const Program& p, const QString& code) const;
};

} // namespace dli::ui
