#pragma once

#include "categoryrepository.h"
#include "nodevectortreemodel.h"

#include <QHash>
#include <QSet>

#include <vector>

namespace ListingDesk {

namespace Detail {
// At namespace scope, not nested in the model, because the model's base class
// template needs it before the model itself is declared.
struct CategoryTreeNode
{
    Category category;
    int parent = -1; ///< index into m_nodes; -1 for a top-level category
    int row = 0;
    std::vector<int> children;
    bool refused = false;
};
} // namespace Detail

/// The category picker's tree: top-level categories and their second level,
/// in the portal's order. Not checkable: a listing has exactly one category.
class CategoryTreeModel : public NodeVectorTreeModel<Detail::CategoryTreeNode>
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
    using Node = Detail::CategoryTreeNode;

    void build(const QList<Category> &categories);

    QHash<qint64, int> m_indexById;
    QSet<qint64> m_refused;
};

} // namespace ListingDesk
