#include "ui/pages/framework_page.h"

#include "ui/details_panel.h"
#include "ui/models/results_framework_model.h"
#include "ui/widgets/framework_editor.h"
#include "ui/workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

ProgramItemKind itemKind(ResultsFrameworkModel::Kind kind)
{
    switch (kind) {
    case ResultsFrameworkModel::Kind::ResultArea:
        return ProgramItemKind::ResultArea;
    case ResultsFrameworkModel::Kind::Indicator:
        return ProgramItemKind::Indicator;
    case ResultsFrameworkModel::Kind::Dli:
        return ProgramItemKind::Dli;
    case ResultsFrameworkModel::Kind::Dlr:
        return ProgramItemKind::Dlr;
    case ResultsFrameworkModel::Kind::Group:
        break;
    }
    return ProgramItemKind::Program;
}

} // namespace

FrameworkPage::FrameworkPage(Workspace& workspace, QWidget* parent) : Page(workspace, parent)
{
    m_model = new ResultsFrameworkModel(this);
    m_tree = new QTreeView;
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAccessibleName(tr("Results framework"));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ResultsFrameworkModel::ItemColumn, QHeaderView::Stretch);
    for (int c = ResultsFrameworkModel::PeriodColumn; c < ResultsFrameworkModel::ColumnCount; ++c)
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FrameworkPage::onSelectionChanged);
    // Created in tab order: the tree, the editor's fields, the details.
    m_editor = new FrameworkEditor(workspace);
    m_details = new DetailsPanel;
    auto* editorScroll = new QScrollArea;
    editorScroll->setWidget(m_editor);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    editorScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    editorScroll->setAccessibleName(tr("Edit the selected item"));

    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(editorScroll);
    right->addWidget(m_details);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    right->setChildrenCollapsible(false);
    // The editor first: a DLR has ten fields; the details read well in what is left.
    right->setSizes({600, 400});

    auto* splitter = new QSplitter;
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    connect(&m_ws, &Workspace::programReloaded, this, &FrameworkPage::refresh);
    refresh();
}

void FrameworkPage::refresh()
{
    const Program* program = m_ws.program();
    if (!program) {
        m_model->clear();
        m_editor->showNothing();
        m_details->setHtml(u"<h2>"_s + tr("No program yet").toHtmlEscaped() + u"</h2><p>"_s +
                           tr("This database holds no program. Use File > Import program "
                              "definition to load one (see docs/program-format.md).")
                               .toHtmlEscaped() +
                           u"</p>"_s);
        return;
    }
    // An edit reloads the program: the same item stays selected.
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    const QVariant kind = current.data(ResultsFrameworkModel::KindRole);
    const QString code = current.data(ResultsFrameworkModel::CodeRole).toString();
    m_model->setProgram(*program);
    m_tree->expandAll();
    QModelIndex again;
    if (current.isValid())
        again = m_model->find(static_cast<ResultsFrameworkModel::Kind>(kind.toInt()), code);
    m_tree->setCurrentIndex(again);
    if (!again.isValid()) {
        m_details->showProgram(*program);
        m_editor->showItem(ProgramItemKind::Program, QString());
    }
}

void FrameworkPage::showItem(const QString& item)
{
    for (auto kind :
         {ResultsFrameworkModel::Kind::Dlr, ResultsFrameworkModel::Kind::Dli,
          ResultsFrameworkModel::Kind::Indicator, ResultsFrameworkModel::Kind::ResultArea}) {
        const QModelIndex index = m_model->find(kind, item);
        if (index.isValid()) {
            m_tree->setCurrentIndex(index);
            m_tree->scrollTo(index);
            return;
        }
    }
}

void FrameworkPage::onSelectionChanged()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid()) {
        m_details->showProgram(m_model->program());
        m_editor->showItem(ProgramItemKind::Program, QString());
        return;
    }
    const QModelIndex first = current.siblingAtColumn(0);
    const auto kind = static_cast<ResultsFrameworkModel::Kind>(
        first.data(ResultsFrameworkModel::KindRole).toInt());
    const QString code = first.data(ResultsFrameworkModel::CodeRole).toString();
    m_details->showItem(m_model->program(), kind, code);
    m_editor->showItem(itemKind(kind), code);
}

} // namespace dli::ui
