#pragma once

#include "core/result.h"

#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QWidget>
#include <functional>
#include <memory>

class QLabel;
class QPushButton;

namespace dli::ui {

class FilteredTable;
class ObservationEvidenceModel;
class Workspace;

// The evidence files of the observation selected on the Data page: the list, "Attach files..."
// (a file dialog) and files dropped on the panel, and opening one (its stored content is
// checked against its SHA-256, written to a temporary file and opened with the desktop's viewer).
class ObservationEvidencePanel : public QWidget {
    Q_OBJECT
public:
    using Opener = std::function<bool(const QUrl& url)>;
    using FileChooser = std::function<QStringList(QWidget* parent)>;

    explicit ObservationEvidencePanel(Workspace& workspace, QWidget* parent = nullptr);
    ~ObservationEvidencePanel() override;

    // Shows the files of the observation (none for an empty id); label names it for people.
    void setObservation(const QString& id, const QString& label);
    const QString& observationId() const { return m_id; }
    // Reads the list again (after evidence was attached elsewhere).
    void reload();

    // Attaches the files to the shown observation (or to `id`), all or none; reports core's
    // refusal and returns false.
    bool attach(const QStringList& paths, const QString& id = {});
    // Asks for files (the chooser) and attaches them.
    void chooseAndAttach();
    // Opens the file in the row of the list; false (reported) when it could not be.
    bool open(int row);

    // How files are opened (QDesktopServices::openUrl by default) and chosen (a file dialog);
    // tests replace both.
    void setOpener(Opener opener) { m_opener = std::move(opener); }
    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }

    FilteredTable* table() const { return m_table; }
    ObservationEvidenceModel* model() const { return m_model; }
    QPushButton* attachButton() const { return m_attach; }
    QPushButton* openButton() const { return m_open; }

signals:
    // Files were attached to the observation.
    void attached(const QString& observationId);

private:
    void updateButtons();

    Workspace& m_ws;
    QString m_id;
    QLabel* m_caption = nullptr;
    FilteredTable* m_table = nullptr;
    ObservationEvidenceModel* m_model = nullptr;
    QPushButton* m_attach = nullptr;
    QPushButton* m_open = nullptr;
    Opener m_opener;
    FileChooser m_chooser;
    std::unique_ptr<QTemporaryDir> m_exports;
    int m_exported = 0;
};

} // namespace dli::ui
