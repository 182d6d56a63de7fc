#include "listingtablemodel.h"

#include <QFont>
#include <QLocale>

namespace ListingDesk {

ListingTableModel::ListingTableModel(ListingRepository *repository, QObject *parent)
    : QAbstractTableModel(parent), m_repository(repository)
{
    connect(m_repository, &ListingRepository::listingChanged, this,
            &ListingTableModel::refreshListing);
    connect(m_repository, &ListingRepository::listingsChanged, this, &ListingTableModel::reload);
    m_count = m_repository->count(m_query);
}

int ListingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int ListingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const ListingRow *ListingTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const int page = row / pageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        // Evict before inserting: QHash::remove() moves other entries, which
        // would leave an iterator to the new page pointing at the wrong bucket.
        if (m_recentPages.size() >= maxCachedPages)
            m_pages.remove(m_recentPages.takeFirst());
        it = m_pages.insert(page, m_repository->rows(m_query, page * pageSize, pageSize));
        ++m_pagesFetched;
        m_recentPages.append(page);
    } else if (m_recentPages.last() != page) {
        m_recentPages.removeOne(page);
        m_recentPages.append(page);
    }
    const int inPage = row % pageSize;
    // The library can shrink under us (another process); a short page is not an error.
    return inPage < it->size() ? &it->at(inPage) : nullptr;
}

QVariant ListingTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ListingRow *row = rowAt(index.row());
    if (!row)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return row->title.isEmpty() ? tr("(untitled)") : row->title;
        case CategoryColumn:
            return row->category;
        case CitiesColumn:
            return row->cities;
        case StatusColumn:
            return statusDisplayName(row->status);
        case UpdatedColumn:
            return shortDateTime(row->updatedAt);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn || index.column() == CitiesColumn)
            return index.column() == TitleColumn ? row->title : row->cities;
        break;
    case Qt::FontRole:
        if (index.column() == TitleColumn && row->promoted) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case IdRole:
        return row->id;
    case UuidRole:
        return row->uuid;
    case StatusRole:
        return int(row->status);
    case PromotedRole:
        return row->promoted;
    }
    return {};
}

QString ListingTableModel::shortDateTime(const QDateTime &when)
{
    const QLocale locale;
    return locale.toString(when.toLocalTime(),
                           locale.dateFormat(QLocale::ShortFormat) + QStringLiteral(" HH:mm"));
}

QVariant ListingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case CategoryColumn:
        return tr("Category");
    case CitiesColumn:
        return tr("Cities");
    case StatusColumn:
        return tr("Status");
    case UpdatedColumn:
        return tr("Updated");
    }
    return {};
}

void ListingTableModel::sort(int column, Qt::SortOrder order)
{
    static const ListingQuery::SortKey keys[] = {
        ListingQuery::SortKey::Title, ListingQuery::SortKey::Category,
        ListingQuery::SortKey::Cities, ListingQuery::SortKey::Status,
        ListingQuery::SortKey::Updated};
    if (column < 0 || column >= ColumnCount)
        return;
    ListingQuery query = m_query;
    query.sortKey = keys[column];
    query.descending = order == Qt::DescendingOrder;
    setQuery(query);
}

void ListingTableModel::setQuery(const ListingQuery &query)
{
    m_query = query;
    reload();
}

void ListingTableModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_recentPages.clear();
    m_pagesFetched = 0;
    m_count = m_repository->count(m_query);
    endResetModel();
}

qint64 ListingTableModel::idAt(int row) const
{
    const ListingRow *r = rowAt(row);
    return r ? r->id : 0;
}

int ListingTableModel::rowOf(qint64 id) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (int i = 0; i < it->size(); ++i) {
            if (it->at(i).id == id)
                return it.key() * pageSize + i;
        }
    }
    return -1;
}

void ListingTableModel::refreshListing(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    const std::optional<ListingRow> fresh = m_repository->row(id);
    if (!fresh)
        return;
    m_pages[row / pageSize][row % pageSize] = *fresh;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace ListingDesk
