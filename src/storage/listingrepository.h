#pragma once

#include "listing.h"
#include "listingquery.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSqlDatabase>

#include <array>

namespace ListingDesk {

class CategoryRepository;
class RegionRepository;

/// What the listing table shows of a listing: one row, cheap to fetch by the page.
struct ListingRow
{
    qint64 id = 0;
    QString uuid;
    QString title;
    QString category; ///< "房产/租房"
    QString cities;   ///< "长治、太原"
    ListingStatus status = ListingStatus::Draft;
    QDateTime updatedAt;
    bool promoted = false;
    bool deleted = false;
};

/// Where a listing stands, without its content: for callers that only need
/// to know whether it changed (the revision) and how it is marked.
struct ListingStamp
{
    QString uuid;
    int revision = 0;
    ListingStatus status = ListingStatus::Draft;
    bool deleted = false;
};

/// One earlier version of a listing, as it was before a save replaced it.
struct ListingRevision
{
    int revision = 0;
    QDateTime savedAt;
    Listing listing;
};

/// Reads and writes listings. Every write keeps the full-text index (through
/// triggers) and the revision history in step, and announces itself through
/// the signals so that views can update without polling.
class ListingRepository : public QObject
{
    Q_OBJECT
public:
    ListingRepository(QSqlDatabase db, CategoryRepository *categories, RegionRepository *regions,
                      QObject *parent = nullptr);

    Result<Listing> load(qint64 id);
    Result<Listing> loadByUuid(const QString &uuid);
    /// One small row instead of the whole listing and its cities.
    Result<ListingStamp> stamp(qint64 id);

    /// Stores a new listing (a uuid is made when it has none) as revision 1.
    Result<Listing> create(const Listing &listing);
    /// Who is writing: a person's edit of a published listing makes it
    /// "modified" (due for the next publish); a verbatim write (the portal's
    /// version pulled in, an import restoring a file) keeps the status given.
    enum class SaveOrigin { User, Verbatim };
    /// Saves the user's edits. Fails with Error::Kind::Conflict when the stored
    /// revision is no longer the one the edit started from.
    Result<Listing> save(const Listing &listing, SaveOrigin origin = SaveOrigin::User);
    /// Publishing's own status changes (published, failed, conflict...). Not
    /// a content edit: no revision, so a form holding the listing open can
    /// still save over it.
    Result<void> setStatus(qint64 id, ListingStatus status);
    /// A new draft with the same content and " (copy)" after the title.
    Result<Listing> duplicate(qint64 id);
    Result<void> moveToTrash(const QList<qint64> &ids);
    Result<void> restore(const QList<qint64> &ids);
    /// Deletes the listings in the trash for good.
    Result<int> emptyTrash();

    /// The same two writes without a transaction of their own, for callers
    /// (the importer) that group many writes into one.
    Result<Listing> insertInTransaction(Listing listing);
    Result<Listing> updateInTransaction(Listing listing, bool checkRevision,
                                        SaveOrigin origin = SaveOrigin::User);
    /// Announces a batch written with the functions above.
    void notifyBulkChange() { emit listingsChanged(); }

    int count(const ListingQuery &query);
    QList<ListingRow> rows(const ListingQuery &query, int offset, int limit);
    std::optional<ListingRow> row(qint64 id);
    /// Ids in the query's order, for the CLI and export; an unreadable library is an error.
    Result<QList<qint64>> findIds(const ListingQuery &query, int offset = 0, int limit = -1);
    /// The same, empty on errors (for views, which show what they can).
    QList<qint64> ids(const ListingQuery &query, int offset = 0, int limit = -1);
    /// Listing counts for each saved filter, in SavedFilter order.
    std::array<int, savedFilterCount> filterCounts();
    /// Earlier versions, newest first (the last 100 are kept).
    QList<ListingRevision> revisions(qint64 id);

signals:
    /// One listing's content or status changed; its row can be updated in place.
    void listingChanged(qint64 id);
    /// Listings were added, removed or changed in bulk; views should re-query.
    void listingsChanged();

private:
    Result<void> writeRegions(qint64 id, const QStringList &codes);
    Result<void> writeRevision(const Listing &listing);
    Result<void> setDeleted(const QList<qint64> &ids, bool deleted);
    Result<Listing> readListing(const QString &where, const QVariant &key);

    QSqlDatabase m_db;
    CategoryRepository *m_categories;
    RegionRepository *m_regions;
};

} // namespace ListingDesk
