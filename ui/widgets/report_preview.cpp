#include "ui/widgets/report_preview.h"

#include <QBuffer>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QResizeEvent>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {
enum Zoom { FitWidth, WholePage, Actual };
// Margin around the pages, and the widest a page is drawn when fitted to the width: wider than
// A4 at 100% (794 px), narrower than a 1920 px screen, where a page would need four screens.
constexpr int Margin = 12;
constexpr int WidestPage = 1000;
} // namespace

ReportPreview::ReportPreview(QWidget* parent) : QWidget(parent)
{
    m_document = new QPdfDocument(this);
    m_buffer = new QBuffer(this);
    m_view = new QPdfView;
    m_view->setDocument(m_document);
    m_view->setPageMode(QPdfView::PageMode::MultiPage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_view->setPageSpacing(Margin);
    m_view->setDocumentMargins(QMargins(Margin, Margin, Margin, Margin));
    m_view->viewport()->installEventFilter(this);
    m_view->setAccessibleName(tr("Preview of the report's pages"));
    // Paper on a grey desk, as every PDF reader shows it.
    QPalette desk = m_view->palette();
    desk.setColor(QPalette::Dark, QColor(0x8a, 0x8f, 0x96));
    m_view->setPalette(desk);
    m_view->setBackgroundRole(QPalette::Dark);

    m_placeholder = new QLabel;
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    // A column narrow enough to read, in the middle of the empty desk.
    m_placeholder->setMaximumWidth(560);
    m_empty = new QFrame;
    m_empty->setFrameShape(QFrame::StyledPanel);
    auto* centre = new QVBoxLayout(m_empty);
    centre->setContentsMargins(24, 24, 24, 24);
    centre->addWidget(m_placeholder, 0, Qt::AlignCenter);

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);

    m_pages = new QLabel;
    m_pages->setAccessibleName(tr("Page count"));
    m_zoom = new QComboBox;
    m_zoom->addItem(tr("Fit width"), FitWidth);
    m_zoom->addItem(tr("Whole page"), WholePage);
    m_zoom->addItem(tr("100%"), Actual);
    auto* zoomLabel = new QLabel(tr("&Zoom:"));
    zoomLabel->setBuddy(m_zoom);
    m_bar = new QWidget;
    auto* bar = new QHBoxLayout(m_bar);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_pages);
    bar->addStretch(1);
    bar->addWidget(zoomLabel);
    bar->addWidget(m_zoom);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_stack, 1);

    connect(m_zoom, &QComboBox::currentIndexChanged, this, &ReportPreview::applyZoom);
    connect(m_document, &QPdfDocument::pageCountChanged, this, &ReportPreview::showPageNumber);
    connect(m_view->pageNavigator(), &QPdfPageNavigator::currentPageChanged, this,
            &ReportPreview::showPageNumber);
    setPdf({});
}

ReportPreview::~ReportPreview()
{
    // The document reads from the buffer until it is closed.
    m_document->close();
}

void ReportPreview::setPlaceholder(const QString& text)
{
    m_placeholder->setText(text);
}

int ReportPreview::pageCount() const
{
    return m_document->status() == QPdfDocument::Status::Ready ? m_document->pageCount() : 0;
}

void ReportPreview::setPdf(const QByteArray& pdf)
{
    m_document->close();
    m_buffer->close();
    m_buffer->setData(pdf);
    if (!pdf.isEmpty()) {
        m_buffer->open(QIODevice::ReadOnly);
        m_document->load(m_buffer);
        m_view->pageNavigator()->jump(0, QPointF(), 0);
    }
    m_stack->setCurrentWidget(pdf.isEmpty() ? static_cast<QWidget*>(m_empty) : m_view);
    // Page numbers and zoom mean nothing over the placeholder.
    m_bar->setVisible(!pdf.isEmpty());
    showPageNumber();
}

void ReportPreview::showPageNumber()
{
    const int count = pageCount();
    if (count == 0) {
        m_pages->setText(tr("No pages yet"));
        return;
    }
    const int current = std::clamp(m_view->pageNavigator()->currentPage(), 0, count - 1);
    m_pages->setText(tr("Page %1 of %2").arg(current + 1).arg(count));
}

bool ReportPreview::eventFilter(QObject* watched, QEvent* event)
{
    // Before the view lays its pages out for the new width.
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitMargins(static_cast<QResizeEvent*>(event)->size().width());
    return QWidget::eventFilter(watched, event);
}

void ReportPreview::fitMargins(int viewportWidth)
{
    int side = Margin;
    if (m_view->zoomMode() == QPdfView::ZoomMode::FitToWidth)
        side = std::max(Margin, (viewportWidth - WidestPage) / 2);
    if (m_view->documentMargins().left() != side)
        m_view->setDocumentMargins(QMargins(side, Margin, side, Margin));
}

void ReportPreview::applyZoom()
{
    switch (m_zoom->currentData().toInt()) {
    case WholePage:
        m_view->setZoomMode(QPdfView::ZoomMode::FitInView);
        break;
    case Actual:
        m_view->setZoomMode(QPdfView::ZoomMode::Custom);
        m_view->setZoomFactor(1.0);
        break;
    default:
        m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
        break;
    }
    fitMargins(m_view->viewport()->width());
}

} // namespace dli::ui
