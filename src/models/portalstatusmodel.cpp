#include "portalstatusmodel.h"

#include "modelslog.h"

namespace ListingDesk {

PortalStatusModel::PortalStatusModel(PortalRepository *portals, RemotePostRepository *remotePosts,
                                     QObject *parent)
    : QAbstractTableModel(parent), m_portals(portals), m_remotePosts(remotePosts)
{
    m_rows = read();
}

int PortalStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PortalStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant PortalStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 0)
            return row.portal.name + u'\n' + countsText(row.counts);
        return countsText(row.counts);
    case Qt::ToolTipRole: {
        QStringList lines{row.portal.baseUrl};
        for (auto it = row.counts.cbegin(); it != row.counts.cend(); ++it)
            lines << tr("%1: %2").arg(remoteStateDisplayName(it.key())).arg(it.value());
        return lines.join(u'\n');
    }
    case Qt::AccessibleTextRole:
        return tr("Portal %1: %2").arg(row.portal.name, countsText(row.counts));
    case PortalIdRole:
        return row.portal.id;
    case NameRole:
        return row.portal.name;
    }
    return {};
}

int PortalStatusModel::count(int row, RemoteState state) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).counts.value(state) : 0;
}

QString PortalStatusModel::countsText(const QMap<RemoteState, int> &counts)
{
    QStringList parts;
    if (int n = counts.value(RemoteState::Conflict))
        parts << tr("%1 in conflict").arg(n);
    if (int n = counts.value(RemoteState::Failed))
        parts << tr("%1 failed").arg(n);
    if (int n = counts.value(RemoteState::Deleted))
        parts << tr("%1 deleted").arg(n);
    if (int n = counts.value(RemoteState::Published))
        parts << tr("%1 on the portal").arg(n);
    if (int n = counts.value(RemoteState::Pending))
        parts << tr("%1 pending").arg(n);
    if (parts.isEmpty())
        return tr("nothing sent yet");
    return parts.join(QStringLiteral(" · "));
}

QList<PortalStatusModel::Row> PortalStatusModel::read() const
{
    QList<Row> rows;
    auto portals = m_portals->all();
    if (!portals) {
        qCWarning(lcModels) << "cannot read the portals:" << portals.error().message;
        return rows;
    }
    for (const PortalInfo &portal : portals.value()) {
        auto counts = m_remotePosts->stateCounts(portal.id);
        rows << Row{portal, counts ? counts.value() : QMap<RemoteState, int>{}};
    }
    return rows;
}

void PortalStatusModel::refresh()
{
    QList<Row> rows = read();
    bool sameRows = rows.size() == m_rows.size();
    for (int i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows.at(i).portal.id == m_rows.at(i).portal.id &&
                   rows.at(i).portal.name == m_rows.at(i).portal.name;
    if (!sameRows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, 1));
}

} // namespace ListingDesk
