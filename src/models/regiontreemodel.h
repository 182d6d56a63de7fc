#pragma once

#include "nodevectortreemodel.h"
#include "regionrepository.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <vector>

namespace ListingDesk {

namespace Detail {
// At namespace scope, not nested in the model, because the model's base class
// template needs it before the model itself is declared.
struct RegionTreeNode
{
    QString code;
    QString name;
    QString shortName;
    int level = 0;
    int parent = -1;   ///< index into m_nodes; -1 for a province
    int row = 0;       ///< position among its parent's children
    int province = -1; ///< index of its province (itself for a province)
    std::vector<int> children;
    bool checked = false; ///< cities and counties only
    bool refused = false;
    // Provinces only: how many of their cities, and of their cities and
    // counties, are checked. Kept up to date so data() never walks the subtree.
    int checkedCities = 0;
    int checkedTotal = 0;
    int cityCount = 0;
};
} // namespace Detail

/// The city picker's tree: province → prefecture-level city → county, in code
/// order. Cities and counties carry check boxes because one listing goes to
/// several cities; checking a province checks all its prefecture-level cities
/// in one step (a province is never a target itself). The tree is built once
/// with parent links, so parent() and index() are constant time.
class RegionTreeModel : public NodeVectorTreeModel<Detail::RegionTreeNode>
{
    Q_OBJECT
public:
    enum Role {
        CodeRole = Qt::UserRole + 1, ///< "140400"
        LevelRole,                   ///< 1 province, 2 prefecture-level city, 3 county
        AcceptedRole,                ///< false when the chosen portal refuses the region
    };

    explicit RegionTreeModel(const QList<Region> &regions, QObject *parent = nullptr);
    /// Reads RegionRepository::all() once; an unreadable table gives an empty tree.
    explicit RegionTreeModel(RegionRepository *repository, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The row of \a code, or an invalid index when the code is unknown.
    QModelIndex indexForCode(const QString &code) const;

    /// Checked cities and counties, in the order they were checked.
    QStringList checkedCodes() const { return m_checked; }
    /// Replaces the checked set. Province codes and unknown codes are ignored:
    /// only cities and counties are targets.
    void setCheckedCodes(const QStringList &codes);

    /// Regions the chosen portal does not accept (PortalTermRepository::refusedKeys).
    /// They look disabled but stay checkable: publishing reports the problem.
    void setRefusedCodes(const QSet<QString> &codes);
    QSet<QString> refusedCodes() const { return m_refused; }

signals:
    void checkedCodesChanged();

private:
    using Node = Detail::RegionTreeNode;

    void build(const QList<Region> &regions);
    Qt::CheckState checkState(const Node &node) const;
    /// Flips one city or county; records the change in \a changed. No signals.
    bool setChecked(int node, bool checked, std::vector<int> &changed);
    void setProvinceChecked(int province, bool checked, std::vector<int> &changed);
    /// One dataChanged() per parent spanning its changed rows, plus the rows'
    /// provinces (their check state follows their cities).
    void emitChanged(std::vector<int> nodes, const QList<int> &roles);

    QHash<QString, int> m_indexByCode;
    QStringList m_checked;
    QSet<QString> m_refused;
};

} // namespace ListingDesk
