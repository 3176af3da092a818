#pragma once

#include <QWidget>

class QBuffer;
class QComboBox;
class QFrame;
class QLabel;
class QPdfDocument;
class QPdfView;
class QStackedWidget;

namespace dli::ui {

// The pages of a PDF held in memory, scrolled one after another and fitted to the width (up to a
// size still read at a glance on a wide screen), with the page number and count and a zoom choice
// above them; a sentence in their place while there is none.
class ReportPreview : public QWidget {
    Q_OBJECT
public:
    explicit ReportPreview(QWidget* parent = nullptr);
    ~ReportPreview() override;

    // Shows the PDF; an empty one brings the placeholder back.
    void setPdf(const QByteArray& pdf);
    // What is said while there are no pages.
    void setPlaceholder(const QString& text);

    QPdfDocument* document() const { return m_document; }
    QPdfView* view() const { return m_view; }
    QComboBox* zoomBox() const { return m_zoom; }
    QLabel* pageLabel() const { return m_pages; }
    int pageCount() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showPageNumber();
    void fitMargins(int viewportWidth);
    void applyZoom();

    QStackedWidget* m_stack = nullptr;
    QFrame* m_empty = nullptr;
    QLabel* m_placeholder = nullptr;
    QPdfView* m_view = nullptr;
    QPdfDocument* m_document = nullptr;
    QBuffer* m_buffer = nullptr;
    QWidget* m_bar = nullptr;
    QLabel* m_pages = nullptr;
    QComboBox* m_zoom = nullptr;
};

} // namespace dli::ui
