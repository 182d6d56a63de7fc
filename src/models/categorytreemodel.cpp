#include "categorytreemodel.h"

#include "modelslog.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace ListingDesk {

CategoryTreeModel::CategoryTreeModel(const QList<Category> &categories, QObject *parent)
    : NodeVectorTreeModel(parent)
{
    build(categories);
}

CategoryTreeModel::CategoryTreeModel(CategoryRepository *repository, QObject *parent)
    : NodeVectorTreeModel(parent)
{
    auto categories = repository->all();
    if (!categories) {
        qCWarning(lcModels) << "could not read the categories:" << categories.error().message;
        return;
    }
    build(categories.value());
}

void CategoryTreeModel::build(const QList<Category> &categories)
{
    // all() lists parents first and each level in the portal's order; keep
    // that order, and link in a second pass so a child listed before its
    // parent is not lost.
    m_nodes.reserve(std::size_t(categories.size()));
    for (const Category &category : categories) {
        if (m_indexById.contains(category.id))
            continue;
        m_indexById.insert(category.id, int(m_nodes.size()));
        m_nodes.push_back(Node{category, -1, 0, {}, false});
    }
    std::vector<bool> reachable(m_nodes.size(), false);
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        Node &node = m_nodes[i];
        if (node.category.parentId == 0) {
            node.row = int(m_roots.size());
            m_roots.push_back(int(i));
            reachable[i] = true;
            continue;
        }
        const int parentIndex = m_indexById.value(node.category.parentId, -1);
        // Two levels only: the portal's 发布 page has no third.
        if (parentIndex < 0 || m_nodes[std::size_t(parentIndex)].category.parentId != 0) {
            qCWarning(lcModels) << "category" << node.category.id << "has no top-level parent"
                                << node.category.parentId << "; left out of the tree";
            continue;
        }
        node.parent = parentIndex;
        Node &parentNode = m_nodes[std::size_t(parentIndex)];
        node.row = int(parentNode.children.size());
        parentNode.children.push_back(int(i));
        reachable[i] = true;
    }
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (!reachable[i])
            m_indexById.remove(m_nodes[i].category.id);
    }
}

QVariant CategoryTreeModel::data(const QModelIndex &index, int role) const
{
    // An invalid index is a normal question (views and the tester ask it); any
    // other bad index is a bug worth the warning checkIndex() prints.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeAt(index);
    switch (role) {
    case Qt::DisplayRole:
        return node.category.name;
    case Qt::ToolTipRole:
        if (node.refused)
            return tr("%1\nThe chosen portal does not accept this category.")
                .arg(node.category.nameEn);
        return node.category.nameEn;
    case Qt::ForegroundRole:
        if (node.refused)
            return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case IdRole:
        return node.category.id;
    case PathRole:
        return node.category.path;
    case AcceptedRole:
        return !node.refused;
    default:
        return {};
    }
}

Qt::ItemFlags CategoryTreeModel::flags(const QModelIndex &index) const
{
    // An invalid index is a normal question (views and the tester ask it); any
    // other bad index is a bug worth the warning checkIndex() prints.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeAt(index)->children.empty())
        result |= Qt::ItemNeverHasChildren;
    return result;
}

QHash<int, QByteArray> CategoryTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IdRole, "categoryId");
    names.insert(PathRole, "path");
    names.insert(AcceptedRole, "accepted");
    return names;
}

QModelIndex CategoryTreeModel::indexForId(qint64 id) const
{
    return indexOf(m_indexById.value(id, -1));
}

void CategoryTreeModel::setRefusedIds(const QSet<qint64> &ids)
{
    m_refused = ids;
    // About a hundred rows: one signal per changed row is cheap and exact.
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        Node &node = m_nodes[i];
        const bool refused = ids.contains(node.category.id);
        if (refused == node.refused || !m_indexById.contains(node.category.id))
            continue;
        node.refused = refused;
        const QModelIndex changed = indexOf(int(i));
        emit dataChanged(changed, changed, {Qt::ToolTipRole, Qt::ForegroundRole, AcceptedRole});
    }
}

} // namespace ListingDesk
