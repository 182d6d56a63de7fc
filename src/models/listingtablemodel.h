#pragma once

#include "listingquery.h"
#include "listingrepository.h"
#include "portalrepository.h"
#include "regionrepository.h"
#include "remotepostrepository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ListingDesk {

/// The listing table. It never holds the whole library: rowCount() is a
/// COUNT(*) of the current query and rows are read in pages as the view asks
/// for them, keeping a bounded window of recent pages. Sorting and filtering
/// become a new SQL query. A saved listing updates its row in place, so the
/// row being edited does not jump while the user types.
class ListingTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        CategoryColumn,
        CitiesColumn,
        StatusColumn,
        UpdatedColumn,
        PortalColumn, ///< where the listing stands on the portals ("On 2 of 2 cities")
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, UuidRole, StatusRole, PromotedRole };

    static constexpr int pageSize = 128;
    static constexpr int maxCachedPages = 24;

    explicit ListingTableModel(ListingRepository *repository, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Where the Portal column reads from; without them it stays empty. The
    /// posts of a page are read with the page (one query per 128 rows).
    void setSyncSources(RemotePostRepository *remotePosts, PortalRepository *portals,
                        RegionRepository *regions);
    /// The Portal column's words for one listing's posts: empty when it was
    /// never sent, else the most pressing state (conflict, failure, deletion)
    /// or how many of its posts the portal has.
    static QString syncSummary(const QList<RemotePostRecord> &posts);

    /// How the Updated column writes a time: the locale's short date, hours and minutes.
    static QString shortDateTime(const QDateTime &when);

    ListingQuery query() const { return m_query; }
    void setQuery(const ListingQuery &query);
    /// Re-runs the current query (after bulk changes).
    void reload();

    qint64 idAt(int row) const;
    /// The row showing \a id among the pages read so far, or -1.
    int rowOf(qint64 id) const;
    /// How many pages have been read from storage since the last reset (for tests).
    int pagesFetched() const { return m_pagesFetched; }

public slots:
    /// Re-reads one listing's row if it is on screen; leaves its position alone.
    void refreshListing(qint64 id);
    /// The same for listings another editor changed (LibraryChangeWatcher).
    void refreshListings(const QList<qint64> &ids);
    /// Re-runs the query after listings were added or removed elsewhere,
    /// without a reset: the selected rows and the current row follow their
    /// listings to wherever they are now, so the row being edited stays chosen.
    void refreshKeepingRows();
    /// Re-reads the portal state of every cached page (after a publish or pull,
    /// and when portals were renamed or removed).
    void refreshSync();

private:
    const ListingRow *rowAt(int row) const;
    QList<RemotePostRecord> postsOf(int row, qint64 id) const;
    void readPosts(int page) const;
    QString syncToolTip(const QList<RemotePostRecord> &posts) const;

    ListingRepository *m_repository;
    ListingQuery m_query;
    int m_count = 0;
    mutable QHash<int, QList<ListingRow>> m_pages;
    mutable QList<int> m_recentPages; // most recent last
    mutable int m_pagesFetched = 0;

    RemotePostRepository *m_remotePosts = nullptr;
    PortalRepository *m_portals = nullptr;
    RegionRepository *m_regions = nullptr;
    QHash<qint64, QString> m_portalNames;
    // The posts of the listings on each cached page, by listing id; evicted with the page.
    mutable QHash<int, QHash<qint64, QList<RemotePostRecord>>> m_posts;
};

} // namespace ListingDesk
