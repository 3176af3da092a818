#include "ui/welcome_page.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent)
{
    auto* title = new QLabel(tr("DLI Tracker"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    title->setFont(big);
    auto* text = new QLabel(tr("Keep a Program-for-Results' disbursement-linked indicators, "
                               "verify what was reported, and compute exactly what can be "
                               "claimed."),
                            this);
    text->setWordWrap(true);
    text->setFixedWidth(460);
    auto* demo = new QPushButton(tr("Open the &demo program"), this);
    auto* open = new QPushButton(tr("&Open a database..."), this);
    auto* create = new QPushButton(tr("&New database..."), this);
    demo->setDefault(true);
    connect(demo, &QPushButton::clicked, this, &WelcomePage::openDemoRequested);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(create, &QPushButton::clicked, this, &WelcomePage::newRequested);

    auto* box = new QVBoxLayout;
    box->addWidget(title);
    box->addWidget(text);
    box->addSpacing(16);
    for (QPushButton* b : {demo, open, create}) {
        b->setMinimumWidth(240);
        box->addWidget(b, 0, Qt::AlignLeft);
    }
    box->addSpacing(16);
    m_recentTitle = new QLabel(u"<b>"_s + tr("Recent databases").toHtmlEscaped() + u"</b>"_s);
    box->addWidget(m_recentTitle);
    m_recentBox = new QVBoxLayout;
    box->addLayout(m_recentBox);

    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(box);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
    setRecentFiles({});
}

void WelcomePage::setRecentFiles(const QStringList& paths)
{
    while (QLayoutItem* item = m_recentBox->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_recentTitle->setVisible(!paths.isEmpty());
    for (const QString& path : paths) {
        const QFileInfo info(path);
        // A link per file: the name to click, the folder beside it in grey.
        auto* link = new QLabel(u"<a href='open'>"_s + info.fileName().toHtmlEscaped() +
                                u"</a>&nbsp;&nbsp;<span style='color:#777'>"_s +
                                QDir::toNativeSeparators(info.absolutePath()).toHtmlEscaped() +
                                u"</span>"_s);
        link->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
        link->setToolTip(QDir::toNativeSeparators(path));
        connect(link, &QLabel::linkActivated, this,
                [this, path] { emit openRecentRequested(path); });
        m_recentBox->addWidget(link);
    }
}

} // namespace dli::ui
