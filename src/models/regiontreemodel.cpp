#include "regiontreemodel.h"

#include "modelslog.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace ListingDesk {

RegionTreeModel::RegionTreeModel(const QList<Region> &regions, QObject *parent)
    : NodeVectorTreeModel(parent)
{
    build(regions);
}

RegionTreeModel::RegionTreeModel(RegionRepository *repository, QObject *parent)
    : NodeVectorTreeModel(parent)
{
    auto regions = repository->all();
    if (!regions) {
        qCWarning(lcModels) << "could not read the regions:" << regions.error().message;
        return;
    }
    build(regions.value());
}

void RegionTreeModel::build(const QList<Region> &regions)
{
    // Code order puts parents first, but links are made in a second pass so
    // that the tree does not depend on it.
    QList<Region> sorted = regions;
    std::sort(sorted.begin(), sorted.end(),
              [](const Region &a, const Region &b) { return a.code < b.code; });
    m_nodes.reserve(std::size_t(sorted.size()));
    QStringList parentCodes; // aligned with m_nodes
    for (const Region &region : std::as_const(sorted)) {
        if (m_indexByCode.contains(region.code))
            continue;
        Node node;
        node.code = region.code;
        node.name = region.name;
        node.shortName = region.shortName;
        node.level = region.level;
        m_indexByCode.insert(region.code, int(m_nodes.size()));
        m_nodes.push_back(std::move(node));
        parentCodes << region.parentCode;
    }
    std::vector<bool> linked(m_nodes.size(), false);
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        const QString &parentCode = parentCodes.at(qsizetype(i));
        Node &node = m_nodes[i];
        if (parentCode.isEmpty()) {
            node.row = int(m_roots.size());
            m_roots.push_back(int(i));
            linked[i] = true;
            continue;
        }
        const int parentIndex = m_indexByCode.value(parentCode, -1);
        if (parentIndex < 0) {
            qCWarning(lcModels) << "region" << node.code << "has an unknown parent" << parentCode
                                << "; left out of the tree";
            continue;
        }
        node.parent = parentIndex;
        Node &parentNode = m_nodes[std::size_t(parentIndex)];
        node.row = int(parentNode.children.size());
        parentNode.children.push_back(int(i));
        linked[i] = true;
    }
    // Provinces of every node, and the number of cities each province has.
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        int top = int(i);
        int guard = 0; // a parent cycle in bad data must not hang the picker
        while (m_nodes[std::size_t(top)].parent >= 0 && guard++ < 8)
            top = m_nodes[std::size_t(top)].parent;
        m_nodes[i].province =
            m_nodes[std::size_t(top)].parent < 0 && linked[std::size_t(top)] ? top : -1;
    }
    for (int province : m_roots)
        m_nodes[std::size_t(province)].cityCount =
            int(m_nodes[std::size_t(province)].children.size());
    // Nodes hanging from an orphan are unreachable; forget their codes so
    // indexForCode() and setCheckedCodes() never hand out a row that is not shown.
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].province < 0)
            m_indexByCode.remove(m_nodes[i].code);
    }
}

Qt::CheckState RegionTreeModel::checkState(const Node &node) const
{
    if (node.parent >= 0)
        return node.checked ? Qt::Checked : Qt::Unchecked;
    if (node.checkedTotal == 0)
        return Qt::Unchecked;
    return node.cityCount > 0 && node.checkedCities == node.cityCount ? Qt::Checked
                                                                      : Qt::PartiallyChecked;
}

QVariant RegionTreeModel::data(const QModelIndex &index, int role) const
{
    // An invalid index is a normal question (views and the tester ask it); any
    // other bad index is a bug worth the warning checkIndex() prints.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeAt(index);
    switch (role) {
    case Qt::DisplayRole:
        return node.shortName;
    case Qt::ToolTipRole:
        if (node.refused)
            return tr("%1\nThe chosen portal does not accept this region.").arg(node.name);
        return node.name;
    case Qt::CheckStateRole:
        return checkState(node);
    case Qt::ForegroundRole:
        if (node.refused)
            return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case CodeRole:
        return node.code;
    case LevelRole:
        return node.level;
    case AcceptedRole:
        return !node.refused;
    default:
        return {};
    }
}

Qt::ItemFlags RegionTreeModel::flags(const QModelIndex &index) const
{
    // An invalid index is a normal question (views and the tester ask it); any
    // other bad index is a bug worth the warning checkIndex() prints.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    if (nodeAt(index)->children.empty())
        result |= Qt::ItemNeverHasChildren;
    return result;
}

QHash<int, QByteArray> RegionTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(CodeRole, "code");
    names.insert(LevelRole, "level");
    names.insert(AcceptedRole, "accepted");
    return names;
}

bool RegionTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const auto state = Qt::CheckState(value.toInt());
    if (state == Qt::PartiallyChecked)
        return false; // a mixed state follows from the cities; nobody sets it
    const int node = int(index.internalId());
    std::vector<int> changed;
    if (m_nodes[std::size_t(node)].parent < 0)
        setProvinceChecked(node, state == Qt::Checked, changed);
    else
        setChecked(node, state == Qt::Checked, changed);
    if (changed.empty())
        return true;
    emitChanged(std::move(changed), {Qt::CheckStateRole});
    emit checkedCodesChanged();
    return true;
}

bool RegionTreeModel::setChecked(int index, bool checked, std::vector<int> &changed)
{
    Node &node = m_nodes[std::size_t(index)];
    if (node.parent < 0 || node.checked == checked)
        return false;
    node.checked = checked;
    const int delta = checked ? 1 : -1;
    Node &province = m_nodes[std::size_t(node.province)];
    province.checkedTotal += delta;
    if (node.parent == node.province)
        province.checkedCities += delta;
    if (checked)
        m_checked.append(node.code);
    else
        m_checked.removeOne(node.code);
    changed.push_back(index);
    return true;
}

void RegionTreeModel::setProvinceChecked(int province, bool checked, std::vector<int> &changed)
{
    const Node &node = m_nodes[std::size_t(province)];
    for (int city : node.children) {
        setChecked(city, checked, changed);
        // Unchecking a province empties it entirely; otherwise a checked
        // county would keep the province half checked right after the user
        // cleared it. Checking leaves counties alone: they stay as chosen.
        if (!checked) {
            for (int county : m_nodes[std::size_t(city)].children)
                setChecked(county, false, changed);
        }
    }
}

void RegionTreeModel::setCheckedCodes(const QStringList &codes)
{
    QSet<int> wanted;
    QList<int> order;
    for (const QString &code : codes) {
        const int index = m_indexByCode.value(code, -1);
        if (index < 0 || m_nodes[std::size_t(index)].parent < 0 || wanted.contains(index))
            continue;
        wanted.insert(index);
        order << index;
    }
    std::vector<int> changed;
    const QStringList previous = m_checked;
    for (const QString &code : previous) {
        const int index = m_indexByCode.value(code);
        if (!wanted.contains(index))
            setChecked(index, false, changed);
    }
    for (int index : std::as_const(order))
        setChecked(index, true, changed);
    // The caller's order wins, also for codes that were already checked.
    QStringList ordered;
    for (int index : std::as_const(order))
        ordered << m_nodes[std::size_t(index)].code;
    m_checked = ordered;
    if (!changed.empty())
        emitChanged(std::move(changed), {Qt::CheckStateRole});
    if (m_checked != previous)
        emit checkedCodesChanged();
}

void RegionTreeModel::setRefusedCodes(const QSet<QString> &codes)
{
    std::vector<int> changed;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        Node &node = m_nodes[i];
        if (node.province < 0)
            continue;
        const bool refused = codes.contains(node.code);
        if (refused != node.refused) {
            node.refused = refused;
            changed.push_back(int(i));
        }
    }
    m_refused = codes;
    if (!changed.empty())
        emitChanged(std::move(changed), {Qt::ToolTipRole, Qt::ForegroundRole, AcceptedRole});
}

QModelIndex RegionTreeModel::indexForCode(const QString &code) const
{
    return indexOf(m_indexByCode.value(code, -1));
}

void RegionTreeModel::emitChanged(std::vector<int> nodes, const QList<int> &roles)
{
    const bool checkStates = roles.contains(Qt::CheckStateRole);
    if (checkStates) {
        // A province's state is derived from its cities and counties.
        const std::size_t count = nodes.size();
        for (std::size_t i = 0; i < count; ++i)
            nodes.push_back(m_nodes[std::size_t(nodes[i])].province);
    }
    // Nodes are numbered in code order, which is also row order within a
    // parent, so after sorting each parent's changed rows are adjacent.
    std::sort(nodes.begin(), nodes.end(), [this](int a, int b) {
        const Node &na = m_nodes[std::size_t(a)];
        const Node &nb = m_nodes[std::size_t(b)];
        return na.parent != nb.parent ? na.parent < nb.parent : na.row < nb.row;
    });
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    std::size_t first = 0;
    while (first < nodes.size()) {
        std::size_t last = first;
        const int parentNode = m_nodes[std::size_t(nodes[first])].parent;
        while (last + 1 < nodes.size() &&
               m_nodes[std::size_t(nodes[last + 1])].parent == parentNode)
            ++last;
        emit dataChanged(indexOf(nodes[first]), indexOf(nodes[last]), roles);
        first = last + 1;
    }
}

} // namespace ListingDesk
