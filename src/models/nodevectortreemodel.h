#pragma once

#include <QAbstractItemModel>

#include <vector>

namespace ListingDesk {

/// The index plumbing of a one-column tree that is built once into a flat
/// vector, shared by the region and category pickers so that the subtle part
/// (internal ids, row/parent bookkeeping, the checks QAbstractItemModelTester
/// insists on) lives in one place. A model index's internalId is the node's
/// position in m_nodes, so index() and parent() are constant time.
///
/// Node needs `int row` (position among its siblings), `int parent` (index into
/// m_nodes, -1 at the top level) and `std::vector<int> children` (indices into
/// m_nodes, in row order). The subclass fills m_nodes and m_roots.
///
/// Not a Q_OBJECT: moc does not take class templates. Subclasses declare their
/// own Q_OBJECT, which also gives them their own tr() context.
template <typename Node> class NodeVectorTreeModel : public QAbstractItemModel
{
public:
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        if (row < 0 || column != 0)
            return {};
        const std::vector<int> *rows = &m_roots;
        if (parent.isValid()) {
            if (parent.column() != 0)
                return {};
            rows = &nodeAt(parent)->children;
        }
        if (std::size_t(row) >= rows->size())
            return {};
        return createIndex(row, 0, quintptr((*rows)[std::size_t(row)]));
    }

    QModelIndex parent(const QModelIndex &child) const override
    {
        const Node *node = nodeAt(child);
        return node ? indexOf(node->parent) : QModelIndex();
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        if (!parent.isValid())
            return int(m_roots.size());
        if (parent.column() != 0)
            return 0;
        return int(nodeAt(parent)->children.size());
    }

    int columnCount(const QModelIndex & = {}) const override { return 1; }

protected:
    explicit NodeVectorTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

    /// The node behind \a index, or nullptr for an invalid index or one of
    /// another model (a view may hand us either).
    const Node *nodeAt(const QModelIndex &index) const
    {
        if (!index.isValid() || index.model() != this)
            return nullptr;
        return &m_nodes[std::size_t(index.internalId())];
    }

    /// The index of m_nodes[\a node]; invalid for -1, so a top-level node's
    /// parent and an unknown id both come out as "no index".
    QModelIndex indexOf(int node) const
    {
        if (node < 0)
            return {};
        return createIndex(m_nodes[std::size_t(node)].row, 0, quintptr(node));
    }

    std::vector<Node> m_nodes;
    std::vector<int> m_roots; ///< top-level nodes, in row order
};

} // namespace ListingDesk
