#include "ui/models/results_framework_model.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace dli::ui {

struct ResultsFrameworkModel::Node {
    Kind kind = Kind::Group;
    QString code; // result area, indicator, DLI or DLR code
    QString title;
    Node* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node* add(Kind k, QString c, QString t)
    {
        auto child = std::make_unique<Node>();
        child->kind = k;
        child->code = std::move(c);
        child->title = std::move(t);
        child->parent = this;
        child->row = static_cast<int>(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

ResultsFrameworkModel::ResultsFrameworkModel(QObject* parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{}

ResultsFrameworkModel::~ResultsFrameworkModel() = default;

void ResultsFrameworkModel::clear()
{
    beginResetModel();
    m_program = Program();
    m_root = std::make_unique<Node>();
    endResetModel();
}

void ResultsFrameworkModel::setProgram(const Program& program)
{
    beginResetModel();
    m_program = program;
    m_root = std::make_unique<Node>();
    auto addIndicator = [&](Node* parent, const Indicator& x) {
        Node* n = parent->add(Kind::Indicator, x.code, x.title);
        if (const Dli* d = m_program.dliForIndicator(x.code)) {
            Node* dn = n->add(Kind::Dli, d->code, d->title);
            for (int i : m_program.dlrOrder(*d))
                dn->add(Kind::Dlr, d->dlrs[i].code, d->dlrs[i].title);
        }
    };
    for (const ResultArea& a : m_program.resultAreas) {
        Node* an = m_root->add(Kind::ResultArea, a.code, a.title);
        for (const Indicator& x : m_program.indicators) {
            if (x.resultArea == a.code)
                addIndicator(an, x);
        }
    }
    Node* others = nullptr;
    for (const Indicator& x : m_program.indicators) {
        if (!x.resultArea.isEmpty())
            continue;
        if (!others)
            others =
                m_root->add(Kind::Group, QString(), tr("Indicators outside the results areas"));
        addIndicator(others, x);
    }
    endResetModel();
}

ResultsFrameworkModel::Node* ResultsFrameworkModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex ResultsFrameworkModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node* p = nodeOf(parent);
    return createIndex(row, column, p->children[static_cast<std::size_t>(row)].get());
}

QModelIndex ResultsFrameworkModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    Node* p = nodeOf(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int ResultsFrameworkModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int ResultsFrameworkModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant ResultsFrameworkModel::display(const Node& n, int column) const
{
    const Currency& c = m_program.currency;
    const int sm = m_program.fiscalYearStartMonth;
    switch (n.kind) {
    case Kind::Group:
    case Kind::ResultArea:
        return column == ItemColumn ? (n.code.isEmpty() ? n.title : n.code + u"  "_s + n.title)
                                    : QVariant();
    case Kind::Indicator: {
        const Indicator* x = m_program.indicator(n.code);
        if (column == ItemColumn)
            return n.code + u"  "_s + n.title;
        if (column == PeriodColumn && !x->targets.isEmpty()) {
            const QString first = x->targets.constFirst().period.code();
            const QString last = x->targets.constLast().period.code();
            return first == last ? first : first + u" – "_s + last;
        }
        if (column == TargetColumn && !x->targets.isEmpty())
            return x->targets.constLast().value.toGroupedString();
        return {};
    }
    case Kind::Dli: {
        const Dli* d = m_program.dli(n.code);
        if (column == ItemColumn)
            return n.code + u"  "_s + n.title;
        if (column == AllocationColumn)
            return d->allocation.format(c);
        return {};
    }
    case Kind::Dlr: {
        const Dli* d = m_program.dli(n.parent->code);
        const Dlr* r = nullptr;
        for (const Dlr& x : d->dlrs) {
            if (x.code == n.code)
                r = &x;
        }
        if (column == ItemColumn)
            return tr("DLR %1  %2").arg(n.code, n.title);
        if (column == PeriodColumn)
            return r->period.code() + u"  ("_s + r->effectiveDeadline(sm).toString(Qt::ISODate) +
                   u')';
        if (column == TargetColumn)
            return r->target.toGroupedString();
        if (column == AllocationColumn)
            return r->allocation.format(c);
        return {};
    }
    }
    return {};
}

QVariant ResultsFrameworkModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Node& n = *nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return display(n, index.column());
    case Qt::ToolTipRole:
        return index.column() == ItemColumn ? n.title : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == TargetColumn || index.column() == AllocationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (n.kind == Kind::ResultArea || n.kind == Kind::Group || n.kind == Kind::Dli) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case KindRole:
        return static_cast<int>(n.kind);
    case CodeRole:
        return n.code;
    default:
        return {};
    }
}

QVariant ResultsFrameworkModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ItemColumn:
        return tr("Results framework");
    case PeriodColumn:
        return tr("Period (deadline)");
    case TargetColumn:
        return tr("Target");
    case AllocationColumn:
        return tr("Allocation");
    default:
        return {};
    }
}

QModelIndex ResultsFrameworkModel::findIn(const Node& node, Kind kind, const QString& code) const
{
    for (const auto& child : node.children) {
        if (child->kind == kind && child->code == code)
            return createIndex(child->row, 0, child.get());
        if (QModelIndex found = findIn(*child, kind, code); found.isValid())
            return found;
    }
    return {};
}

QModelIndex ResultsFrameworkModel::find(Kind kind, const QString& code) const
{
    return findIn(*m_root, kind, code);
}

} // namespace dli::ui
