#pragma once

#include "categoryrepository.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <vector>

namespace ListingDesk {

/// The category picker's tree: top-level categories and their second level,
/// in the portal's order. Not checkable: a listing has exactly one category.
class CategoryTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, ///< the category id (qint64)
        PathRole,                  ///< "房产/租房"
        AcceptedRole,              ///< false when the chosen portal refuses the category
    };

    explicit CategoryTreeModel(const QList<Category> &categories, QObject *parent = nullptr);
    /// Reads CategoryRepository::all() once; an unreadable table gives an empty tree.
    explicit CategoryTreeModel(CategoryRepository *repository, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The row of category \a id, or an invalid index when there is none.
    QModelIndex indexForId(qint64 id) const;

    /// Categories the chosen portal does not accept (from
    /// PortalTermRepository::refusedKeys, converted to ids). They look
    /// disabled but stay selectable: publishing reports the problem.
    void setRefusedIds(const QSet<qint64> &ids);
    QSet<qint64> refusedIds() const { return m_refused; }

private:
    struct Node
    {
        Category category;
        int parent = -1; ///< index into m_nodes; -1 for a top-level category
        int row = 0;
        std::vector<int> children;
        bool refused = false;
    };

    void build(const QList<Category> &categories);
    const Node *nodeAt(const QModelIndex &index) const;
    QModelIndex indexOf(int node) const;

    std::vector<Node> m_nodes;
    std::vector<int> m_topLevel;
    QHash<qint64, int> m_indexById;
    QSet<qint64> m_refused;
};

} // namespace ListingDesk
