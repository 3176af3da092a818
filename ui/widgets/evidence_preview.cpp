#include "ui/widgets/evidence_preview.h"

#include "core/io/evidence_service.h"
#include "core/storage/session.h"
#include "ui/models/verification_evidence_model.h"
#include "ui/widgets/filtered_table.h"
#include "ui/workspace.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPdfDocument>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

constexpr int kPdfRenderWidth = 1400; // pixels across the rendered first page
constexpr qsizetype kTextPreviewBytes = 64 * 1024;

bool isText(const Evidence& e)
{
    const QString suffix = QFileInfo(e.fileName).suffix().toLower();
    return e.mimeType.startsWith(u"text/"_s) || e.mimeType == u"application/json"_s ||
           QStringList{u"txt"_s, u"csv"_s, u"json"_s, u"md"_s}.contains(suffix);
}

bool isPdf(const Evidence& e)
{
    return e.mimeType == u"application/pdf"_s ||
           QFileInfo(e.fileName).suffix().compare(u"pdf"_s, Qt::CaseInsensitive) == 0;
}

} // namespace

EvidencePreview::EvidencePreview(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_ws(workspace)
{
    m_model = new VerificationEvidenceModel(this);
    m_table = new FilteredTable;
    m_table->setModel(m_model);
    m_table->filterEdit()->setVisible(false);
    m_table->setEmptyText(tr("No evidence file is attached to this observation."));
    m_table->view()->setAccessibleName(tr("Evidence files"));
    QHeaderView* header = m_table->view()->horizontalHeader();
    header->setStretchLastSection(false);
    for (int c = 0; c < VerificationEvidenceModel::ColumnCount; ++c)
        header->setSectionResizeMode(c, c == VerificationEvidenceModel::FileColumn
                                            ? QHeaderView::Stretch
                                            : QHeaderView::ResizeToContents);
    const int rowHeight = m_table->view()->verticalHeader()->defaultSectionSize();
    m_table->setMaximumHeight(rowHeight * 5 +
                              m_table->view()->horizontalHeader()->sizeHint().height() + 28);

    m_caption = new QLabel;
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setWordWrap(true);
    m_open = new QPushButton(tr("O&pen"));
    m_open->setToolTip(tr("Opens the file in the program your system uses for it"));
    m_save = new QPushButton(tr("Save a cop&y..."));
    auto* captionRow = new QHBoxLayout;
    captionRow->addWidget(m_caption, 1);
    captionRow->addWidget(m_open);
    captionRow->addWidget(m_save);

    m_picture = new QLabel;
    m_picture->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_picture->setAccessibleName(tr("Evidence preview"));
    m_scroll = new QScrollArea;
    m_scroll->setWidget(m_picture);
    m_scroll->setWidgetResizable(true);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_text = new QPlainTextEdit;
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Evidence preview"));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_message = new QLabel;
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_scroll);
    m_stack->addWidget(m_text);

    m_pdf = new QPdfDocument(this);
    connect(m_pdf, &QPdfDocument::statusChanged, this, [this](QPdfDocument::Status status) {
        if (m_kind != Kind::Pdf)
            return;
        if (status == QPdfDocument::Status::Ready && m_pdfPending)
            renderPdf();
        else if (status == QPdfDocument::Status::Error)
            showMessage(Kind::Error, tr("%1 could not be read as a PDF.").arg(m_pdfName));
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(captionRow);
    layout->addWidget(m_stack, 1);

    connect(m_table, &FilteredTable::currentSourceChanged, this,
            [this](const QModelIndex& index) { showRow(index.isValid() ? index.row() : -1); });
    connect(m_open, &QPushButton::clicked, this, &EvidencePreview::openExternally);
    connect(m_save, &QPushButton::clicked, this, &EvidencePreview::saveCopy);
    clear(tr("Select an observation in the queue."));
}

EvidencePreview::~EvidencePreview()
{
    m_pdf->close();
}

void EvidencePreview::setFiles(const QList<Evidence>& files)
{
    m_model->setFiles(files);
    m_current = -1;
    if (files.isEmpty()) {
        showMessage(Kind::None, tr("No evidence file is attached to this observation."));
        return;
    }
    m_table->selectSourceRow(0);
    if (m_current != 0)
        showRow(0);
}

void EvidencePreview::clear(const QString& why)
{
    m_model->setFiles({});
    m_current = -1;
    showMessage(Kind::None, why);
}

QString EvidencePreview::captionText() const
{
    return m_caption->text();
}

void EvidencePreview::showMessage(Kind kind, const QString& text)
{
    m_kind = kind;
    m_image = QImage();
    m_picture->clear();
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    if (kind == Kind::None)
        m_caption->clear();
    const bool file = m_current >= 0;
    m_open->setEnabled(file);
    m_save->setEnabled(file);
}

void EvidencePreview::showRow(int row)
{
    const Evidence* e = m_model->file(row);
    m_current = e ? row : -1;
    if (!e) {
        showMessage(Kind::None, tr("Choose a file to preview it."));
        return;
    }
    const QString size = QLocale().formattedDataSize(e->size, 1);
    m_caption->setText(
        tr("%1 (%2, %3), attached by %4").arg(e->fileName, e->mimeType, size, e->attachedBy));
    auto bytes = m_ws.session().evidence().content(e->id);
    if (!bytes) {
        showMessage(Kind::Error, bytes.error().text());
        return;
    }
    const QByteArray sha =
        QCryptographicHash::hash(bytes.value(), QCryptographicHash::Sha256).toHex();
    if (QString::fromLatin1(sha) != e->sha256) {
        showMessage(Kind::Error, tr("The stored content of %1 does not match its SHA-256 %2: the "
                                    "database was changed outside DLI Tracker. Restore a backup.")
                                     .arg(e->fileName, e->sha256));
        return;
    }
    if (isPdf(*e)) {
        m_pdfName = e->fileName;
        showPdf(bytes.value());
        return;
    }
    if (e->mimeType.startsWith(u"image/"_s)) {
        const QImage image = QImage::fromData(bytes.value());
        if (image.isNull()) {
            showMessage(Kind::Error, tr("%1 could not be read as an image.").arg(e->fileName));
            return;
        }
        m_kind = Kind::Image;
        m_caption->setText(m_caption->text() + u", "_s +
                           tr("%1 × %2 pixels").arg(image.width()).arg(image.height()));
        showImage(image);
        return;
    }
    if (isText(*e)) {
        m_kind = Kind::Text;
        m_image = QImage();
        m_text->setPlainText(QString::fromUtf8(bytes->left(kTextPreviewBytes)));
        m_stack->setCurrentWidget(m_text);
        m_open->setEnabled(true);
        m_save->setEnabled(true);
        return;
    }
    showMessage(Kind::Other, tr("No preview for %1 files. Open it, or save a copy.")
                                 .arg(e->mimeType.isEmpty() ? tr("these") : e->mimeType));
}

void EvidencePreview::showImage(const QImage& image)
{
    m_image = image;
    m_stack->setCurrentWidget(m_scroll);
    m_open->setEnabled(true);
    m_save->setEnabled(true);
    fitImage();
}

void EvidencePreview::showPdf(const QByteArray& bytes)
{
    m_kind = Kind::Pdf;
    m_pdf->close();
    delete m_pdfBytes;
    m_pdfBytes = new QBuffer(this);
    m_pdfBytes->setData(bytes);
    m_pdfBytes->open(QIODevice::ReadOnly);
    m_message->setText(tr("Reading %1...").arg(m_pdfName));
    m_stack->setCurrentWidget(m_message);
    m_pdfPending = true;
    m_pdf->load(m_pdfBytes);
    // A document in memory is usually ready at once (statusChanged has rendered it then);
    // otherwise statusChanged renders it later.
    if (m_pdfPending && m_pdf->status() == QPdfDocument::Status::Ready)
        renderPdf();
    else if (m_pdf->status() == QPdfDocument::Status::Error)
        showMessage(Kind::Error, tr("%1 could not be read as a PDF.").arg(m_pdfName));
}

void EvidencePreview::renderPdf()
{
    m_pdfPending = false;
    const QSizeF points = m_pdf->pagePointSize(0);
    if (m_pdf->pageCount() < 1 || points.isEmpty()) {
        showMessage(Kind::Error, tr("%1 has no page to show.").arg(m_pdfName));
        return;
    }
    const QSize size(kPdfRenderWidth, qRound(kPdfRenderWidth * points.height() / points.width()));
    QImage page = m_pdf->render(0, size);
    if (page.isNull()) {
        showMessage(Kind::Error, tr("%1 could not be rendered.").arg(m_pdfName));
        return;
    }
    // Transparent pages read as paper.
    QImage paper(page.size(), QImage::Format_RGB32);
    paper.fill(Qt::white);
    {
        QPainter painter(&paper);
        painter.drawImage(0, 0, page);
    }
    m_caption->setText(m_caption->text() + u", "_s + tr("page 1 of %n", "", m_pdf->pageCount()));
    showImage(paper);
}

void EvidencePreview::fitImage()
{
    if (m_image.isNull())
        return;
    const int available = std::max(120, m_scroll->viewport()->width() - 16);
    // A PDF page fills the width; a photo is never blown up past twice its size.
    const int width = m_kind == Kind::Pdf ? available : std::min(available, m_image.width() * 2);
    const QImage shown = m_image.scaledToWidth(width, Qt::SmoothTransformation);
    m_picture->setPixmap(QPixmap::fromImage(shown));
}

void EvidencePreview::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitImage();
}

void EvidencePreview::openExternally()
{
    const Evidence* e = m_model->file(m_current);
    if (!e)
        return;
    QTemporaryDir dir(QDir::tempPath() + u"/dlitracker-evidence-XXXXXX"_s);
    dir.setAutoRemove(false); // the other program reads it after we return
    if (!dir.isValid())
        return;
    const QString path = dir.filePath(QFileInfo(e->fileName).fileName());
    auto done = EvidenceService::exportTo(m_ws.session(), e->id, path);
    if (!done) {
        m_ws.report(tr("Cannot open the evidence"), done.error());
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

void EvidencePreview::saveCopy()
{
    const Evidence* e = m_model->file(m_current);
    if (!e)
        return;
    const QString start =
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/' + e->fileName;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save a copy of the evidence"), start);
    if (path.isEmpty())
        return;
    // The dialog asked before replacing a file; the export itself never overwrites.
    if (QFileInfo::exists(path))
        QFile::remove(path);
    auto done = EvidenceService::exportTo(m_ws.session(), e->id, path);
    if (!done)
        m_ws.report(tr("Cannot save the evidence"), done.error());
}

} // namespace dli::ui
