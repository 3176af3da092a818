#pragma once

#include "core/model/evidence.h"

#include <QImage>
#include <QWidget>

class QBuffer;
class QLabel;
class QPdfDocument;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace dli::ui {

class FilteredTable;
class VerificationEvidenceModel;
class Workspace;

// The evidence files of one observation and a preview of the chosen one: images as they are,
// PDFs with their first page rendered (Qt PDF), text files as text, anything else named. The
// stored bytes are checked against their SHA-256 before they are shown; a file can be opened in
// its own program or saved as a copy.
class EvidencePreview : public QWidget {
    Q_OBJECT
public:
    explicit EvidencePreview(Workspace& workspace, QWidget* parent = nullptr);
    ~EvidencePreview() override;

    // Lists the files and previews the first.
    void setFiles(const QList<Evidence>& files);
    void clear(const QString& why);

    enum class Kind { None, Image, Pdf, Text, Other, Error };
    Kind previewKind() const { return m_kind; }
    // The picture shown, at its full size (an image, or a PDF's first page).
    const QImage& previewImage() const { return m_image; }
    QString captionText() const;
    FilteredTable* table() const { return m_table; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showRow(int row);
    void showImage(const QImage& image);
    void showPdf(const QByteArray& bytes);
    void renderPdf();
    void showMessage(Kind kind, const QString& text);
    void fitImage();
    void openExternally();
    void saveCopy();

    Workspace& m_ws;
    VerificationEvidenceModel* m_model = nullptr;
    FilteredTable* m_table = nullptr;
    QLabel* m_caption = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_save = nullptr;
    QStackedWidget* m_stack = nullptr;
    QScrollArea* m_scroll = nullptr;
    QLabel* m_picture = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_message = nullptr;
    QPdfDocument* m_pdf = nullptr;
    QBuffer* m_pdfBytes = nullptr;
    QString m_pdfName;
    bool m_pdfPending = false; // loaded, first page not rendered yet
    QImage m_image;
    Kind m_kind = Kind::None;
    int m_current = -1;
};

} // namespace dli::ui
