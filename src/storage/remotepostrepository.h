#pragma once

#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ListingDesk {

/// Where one post of a listing stands on one portal.
enum class RemoteState {
    Pending,   ///< known to us, not (yet) confirmed on the portal
    Published, ///< the portal has it; see remote status for publish/future/draft
    Conflict,  ///< changed here and there since the last sync; the user decides
    Deleted,   ///< removed on the portal; never re-created behind the user's back
    Failed,    ///< the last attempt failed permanently; last_error says why
};

QString remoteStateKey(RemoteState state);
RemoteState remoteStateFromKey(const QString &key);
QString remoteStateDisplayName(RemoteState state);

/// One row of remote_posts: a (listing, portal, city) post.
struct RemotePostRecord
{
    qint64 id = 0;
    qint64 listingId = 0;
    qint64 portalId = 0;
    QString regionCode;
    QString clientKey;   ///< idempotency key the portal stores with the post
    qint64 remoteId = 0; ///< 0 until the portal created it
    QString url;
    QString remoteStatus;
    QDateTime remoteModified; ///< the portal's modified time at the last push or pull
    QString pushedHash;       ///< listingContentHash() as last pushed or pulled
    std::optional<int> views;
    RemoteState state = RemoteState::Pending;
    QString lastError;
    QString conflictRemote; ///< the portal's version (JSON) while in conflict
    QDateTime publishedAt;
    QDateTime syncedAt;

    /// The remote status we record for a post the user took down with
    /// Unpublish (it sits in the portal's trash). Unlike a post deleted on the
    /// portal, publishing the listing again brings it back.
    static QString unpublishedStatus() { return QStringLiteral("unpublished"); }
    /// May this post be sent again? Not when someone removed it on the portal.
    bool isRemovedOnPortal() const
    {
        return state == RemoteState::Deleted && remoteStatus != unpublishedStatus();
    }
};

/// The deterministic idempotency key of a (listing, city) post:
/// "ld-" + the listing uuid without dashes + "-" + the region code. Short and
/// slug-safe, so plain WordPress can hold it as the post slug.
QString clientKeyFor(const QString &listingUuid, const QString &regionCode);
/// The listing uuid and region code inside a client key; false if it is not ours.
bool parseClientKey(const QString &key, QString *listingUuid, QString *regionCode);

/// What the library knows about its posts on portals and the images it
/// uploaded there. Sync writes it; the table and sidebar read it.
class RemotePostRepository
{
public:
    explicit RemotePostRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<std::optional<RemotePostRecord>> find(qint64 portalId, qint64 listingId,
                                                 const QString &regionCode);
    Result<std::optional<RemotePostRecord>> findByRemoteId(qint64 portalId, qint64 remoteId);
    Result<std::optional<RemotePostRecord>> findByClientKey(qint64 portalId, const QString &key);
    Result<QList<RemotePostRecord>> forListing(qint64 listingId);
    Result<QList<RemotePostRecord>> forPortal(qint64 portalId);
    /// The posts of several listings at once, by listing: one query for a
    /// page of the listing table instead of one per row.
    Result<QHash<qint64, QList<RemotePostRecord>>> forListings(const QList<qint64> &listingIds);

    /// Inserts the record, or updates the one of the same (portal, listing,
    /// region); fills in record->id.
    Result<void> save(RemotePostRecord *record);
    /// Number of posts per state on one portal (for the sidebar).
    Result<QMap<RemoteState, int>> stateCounts(qint64 portalId);

    /// The URL of an image already uploaded to the portal; empty if not yet.
    Result<QString> uploadedMediaUrl(qint64 portalId, const QString &sha256);
    Result<void> recordMediaUpload(qint64 portalId, const QString &sha256, qint64 remoteId,
                                   const QString &url);

private:
    Result<QList<RemotePostRecord>> select(const QString &where, const QVariantList &params);
    Result<std::optional<RemotePostRecord>> selectOne(const QString &where,
                                                      const QVariantList &params);

    QSqlDatabase m_db;
};

} // namespace ListingDesk
