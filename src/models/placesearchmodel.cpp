#include "placesearchmodel.h"

namespace ListingDesk {

PlaceSearchModel::PlaceSearchModel(const QList<SearchEntry> &entries, QObject *parent)
    : QAbstractListModel(parent)
{
    m_index.setEntries(entries);
}

int PlaceSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

const SearchEntry *PlaceSearchModel::entryAt(int row) const
{
    if (row < 0 || row >= m_hits.size())
        return nullptr;
    const int entry = m_hits.at(row).entry;
    const QList<SearchEntry> &entries = m_index.entries();
    return entry >= 0 && entry < entries.size() ? &entries.at(entry) : nullptr;
}

QString PlaceSearchModel::displayText(const SearchEntry &entry)
{
    if (entry.context.isEmpty() || entry.context == entry.shortName)
        return entry.shortName;
    return entry.shortName + QStringLiteral(" · ") + entry.context;
}

QVariant PlaceSearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchEntry *entry = entryAt(index.row());
    if (!entry)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*entry);
    case Qt::ToolTipRole:
        return entry->name;
    case KeyRole:
        return entry->key;
    case MatchKindRole:
        return int(m_hits.at(index.row()).kind);
    default:
        return {};
    }
}

QHash<int, QByteArray> PlaceSearchModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(MatchKindRole, "matchKind");
    return names;
}

void PlaceSearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    beginResetModel();
    m_query = query;
    m_hits = m_index.search(query, resultLimit);
    endResetModel();
}

} // namespace ListingDesk
