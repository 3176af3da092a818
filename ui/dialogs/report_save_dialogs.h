#pragma once

#include <QCoreApplication>
#include <QString>
#include <functional>

class QPrintPreviewDialog;
class QWidget;

namespace dli::ui {

// The questions the Reports page asks before it saves or prints: a file name, a folder, the
// print preview. Each starts in the folder last used for a report (kept in QSettings), and each
// can be answered by a hook instead of a modal dialog, so that tests never wait on exec().
class ReportSaveDialogs {
    Q_DECLARE_TR_FUNCTIONS(ReportSaveDialogs)
public:
    // Answers a file or folder question: the path chosen, or empty for Cancel. `suggested` is
    // the full path the dialog would start at; `filter` is empty when a folder is asked for.
    using Chooser = std::function<QString(const QString& caption, const QString& suggested,
                                          const QString& filter)>;
    // Shows the print preview: returns when the user is done with it.
    using PrintPresenter = std::function<void(QPrintPreviewDialog& dialog)>;

    // A file to save to, suggested as `fileName` in the last folder, with fileName's ending
    // added when the name chosen has none. Empty: cancelled.
    static QString saveFile(QWidget* parent, const QString& caption, const QString& fileName,
                            const QString& filter);
    // A folder to save into, starting at the last folder. Empty: cancelled.
    static QString folder(QWidget* parent, const QString& caption);
    static void showPrintPreview(QPrintPreviewDialog& dialog);

    // The folder last saved into (Documents until something has been saved).
    static QString lastFolder();
    static void rememberFolder(const QString& folder);
    static QString settingsKey();

    // Tests: answer instead of the dialogs; an empty function restores the dialogs.
    static void setChooser(Chooser chooser);
    static void setPrintPresenter(PrintPresenter presenter);
};

} // namespace dli::ui
