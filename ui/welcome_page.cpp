#include "ui/welcome_page.h"

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
                               "verify what was reported,\nand compute exactly what can be "
                               "claimed."),
                            this);
    text->setWordWrap(true);
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
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(box);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
}

} // namespace dli::ui
