#include "listingtablemodel.h"

#include "modelslog.h"

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
        if (m_recentPages.size() >= maxCachedPages) {
            const int evicted = m_recentPages.takeFirst();
            m_pages.remove(evicted);
            m_posts.remove(evicted);
        }
        it = m_pages.insert(page, m_repository->rows(m_query, page * pageSize, pageSize));
        ++m_pagesFetched;
        m_recentPages.append(page);
        readPosts(page);
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
        case PortalColumn:
            return syncSummary(postsOf(index.row(), row->id));
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn || index.column() == CitiesColumn)
            return index.column() == TitleColumn ? row->title : row->cities;
        if (index.column() == PortalColumn)
            return syncToolTip(postsOf(index.row(), row->id));
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
    case PortalColumn:
        return tr("Portal");
    }
    return {};
}

void ListingTableModel::sort(int column, Qt::SortOrder order)
{
    static const ListingQuery::SortKey keys[] = {
        ListingQuery::SortKey::Title, ListingQuery::SortKey::Category,
        ListingQuery::SortKey::Cities, ListingQuery::SortKey::Status,
        ListingQuery::SortKey::Updated};
    // The portal state lives in another table; sorting 100,000 rows by it
    // is not worth a join on every page read.
    if (column < 0 || column >= PortalColumn)
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
    m_posts.clear();
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
    if (m_remotePosts) {
        // Publishing and pulling change a listing's status; its posts changed with it.
        auto posts = m_remotePosts->forListing(id);
        if (posts)
            m_posts[row / pageSize].insert(id, posts.value());
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ListingTableModel::refreshListings(const QList<qint64> &ids)
{
    // A change elsewhere can take a listing into or out of the query (moved
    // to the trash, no longer a draft): then the rows themselves change.
    if (m_repository->count(m_query) != m_count) {
        refreshKeepingRows();
        return;
    }
    for (qint64 id : ids)
        refreshListing(id);
}

void ListingTableModel::refreshKeepingRows()
{
    const int oldCount = m_count;
    const int newCount = m_repository->count(m_query);
    if (newCount > oldCount) {
        beginInsertRows({}, oldCount, newCount - 1);
        m_count = newCount;
        endInsertRows();
    }

    // Which listing each persistent index (selection, current row) shows,
    // from the pages read before; rows never read cannot be selected.
    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QList<qint64> ids;
    ids.reserve(before.size());
    for (const QModelIndex &index : before) {
        const auto page = m_pages.constFind(index.row() / pageSize);
        const int inPage = index.row() % pageSize;
        ids << (page != m_pages.cend() && inPage < page->size() ? page->at(inPage).id : 0);
    }
    QList<int> pagesBefore = m_recentPages;
    m_pages.clear();
    m_posts.clear();
    m_recentPages.clear();
    // Read the same pages again: a listing usually stays near where it was.
    for (int page : std::as_const(pagesBefore)) {
        if (page * pageSize < newCount)
            rowAt(page * pageSize);
    }
    QList<qint64> allIds; // read only if a listing moved out of those pages
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        int row = ids[i] ? rowOf(ids[i]) : -1;
        if (row < 0 && ids[i]) {
            if (allIds.isEmpty())
                allIds = m_repository->ids(m_query);
            row = int(allIds.indexOf(ids[i]));
            // Its page is read now, so that the next refresh knows this row's listing.
            if (row >= 0 && row < newCount)
                rowAt(row);
        }
        after << (row >= 0 && row < newCount ? index(row, before[i].column()) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    emit layoutChanged();

    if (newCount < oldCount) {
        beginRemoveRows({}, newCount, oldCount - 1);
        m_count = newCount;
        endRemoveRows();
    }
}

void ListingTableModel::setSyncSources(RemotePostRepository *remotePosts, PortalRepository *portals,
                                       RegionRepository *regions)
{
    m_remotePosts = remotePosts;
    m_portals = portals;
    m_regions = regions;
    refreshSync();
}

void ListingTableModel::readPosts(int page) const
{
    if (!m_remotePosts)
        return;
    QList<qint64> ids;
    for (const ListingRow &row : m_pages.value(page))
        ids << row.id;
    auto posts = m_remotePosts->forListings(ids);
    if (!posts) {
        qCWarning(lcModels) << "cannot read the portal state of a page:" << posts.error().message;
        m_posts.remove(page);
        return;
    }
    m_posts.insert(page, posts.value());
}

void ListingTableModel::refreshSync()
{
    m_portalNames.clear();
    if (m_portals) {
        if (auto portals = m_portals->all()) {
            for (const PortalInfo &portal : portals.value())
                m_portalNames.insert(portal.id, portal.name);
        }
    }
    for (int page : std::as_const(m_recentPages))
        readPosts(page);
    if (m_count > 0)
        emit dataChanged(index(0, PortalColumn), index(m_count - 1, PortalColumn));
}

QList<RemotePostRecord> ListingTableModel::postsOf(int row, qint64 id) const
{
    return m_posts.value(row / pageSize).value(id);
}

QString ListingTableModel::syncSummary(const QList<RemotePostRecord> &posts)
{
    if (posts.isEmpty())
        return {};
    int published = 0;
    const RemotePostRecord *failed = nullptr;
    bool conflict = false;
    bool deleted = false;
    for (const RemotePostRecord &post : posts) {
        switch (post.state) {
        case RemoteState::Published:
            ++published;
            break;
        case RemoteState::Conflict:
            conflict = true;
            break;
        case RemoteState::Deleted:
            deleted = true;
            break;
        case RemoteState::Failed:
            if (!failed)
                failed = &post;
            break;
        case RemoteState::Pending:
            break;
        }
    }
    // The state that asks the user to act comes first.
    if (conflict)
        return tr("Conflict");
    if (failed)
        return failed->lastError.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(failed->lastError);
    if (deleted)
        return tr("Deleted on portal");
    // No plural forms: the English text has no translation file to supply them.
    if (posts.size() == 1)
        return published ? tr("On the portal") : remoteStateDisplayName(RemoteState::Pending);
    return tr("On %1 of %2 cities").arg(published).arg(posts.size());
}

QString ListingTableModel::syncToolTip(const QList<RemotePostRecord> &posts) const
{
    QStringList lines;
    for (const RemotePostRecord &post : posts) {
        const QString portal = m_portalNames.value(post.portalId, QString::number(post.portalId));
        const QString city = m_regions ? m_regions->displayName(post.regionCode) : post.regionCode;
        QString detail = post.state == RemoteState::Failed ? post.lastError : post.url;
        QString line = tr("%1 · %2: %3").arg(portal, city, remoteStateDisplayName(post.state));
        if (!detail.isEmpty())
            line += QStringLiteral(" — ") + detail;
        lines << line;
    }
    return lines.join(u'\n');
}

} // namespace ListingDesk
