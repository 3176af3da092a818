#include "ui/dialogs/report_save_dialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QPrintPreviewDialog>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {
// Process-wide on purpose: a test hook, like TaskRunner's, not state of any page.
ReportSaveDialogs::Chooser g_chooser;
ReportSaveDialogs::PrintPresenter g_printPresenter;
} // namespace

QString ReportSaveDialogs::settingsKey()
{
    return u"reports/lastFolder"_s;
}

QString ReportSaveDialogs::lastFolder()
{
    const QString kept = QSettings().value(settingsKey()).toString();
    // A folder since removed (a USB stick) is no place to start.
    if (!kept.isEmpty() && QFileInfo(kept).isDir())
        return kept;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

void ReportSaveDialogs::rememberFolder(const QString& folder)
{
    if (!folder.isEmpty())
        QSettings().setValue(settingsKey(), QDir::cleanPath(folder));
}

QString ReportSaveDialogs::saveFile(QWidget* parent, const QString& caption,
                                    const QString& fileName, const QString& filter)
{
    const QString suggested = QDir(lastFolder()).filePath(fileName);
    QString path = g_chooser ? g_chooser(caption, suggested, filter)
                             : QFileDialog::getSaveFileName(parent, caption, suggested, filter);
    // A name typed without its ending gets the suggested one ("q3" saves "q3.pdf").
    const QString suffix = QFileInfo(fileName).suffix();
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty() && !suffix.isEmpty())
        path += u'.' + suffix;
    if (!path.isEmpty())
        rememberFolder(QFileInfo(path).absolutePath());
    return path;
}

QString ReportSaveDialogs::folder(QWidget* parent, const QString& caption)
{
    const QString start = lastFolder();
    const QString path = g_chooser ? g_chooser(caption, start, {})
                                   : QFileDialog::getExistingDirectory(parent, caption, start);
    if (!path.isEmpty())
        rememberFolder(path);
    return path;
}

void ReportSaveDialogs::showPrintPreview(QPrintPreviewDialog& dialog)
{
    if (g_printPresenter)
        g_printPresenter(dialog);
    else
        dialog.exec();
}

void ReportSaveDialogs::setChooser(Chooser chooser)
{
    g_chooser = std::move(chooser);
}

void ReportSaveDialogs::setPrintPresenter(PrintPresenter presenter)
{
    g_printPresenter = std::move(presenter);
}

} // namespace dli::ui
