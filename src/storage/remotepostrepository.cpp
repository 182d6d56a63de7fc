#include "remotepostrepository.h"

#include "sqlstatement.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ListingDesk {

namespace {

const QString columns = QStringLiteral(
    "id, listing_id, portal_id, region_code, client_key, remote_id, url, remote_status, "
    "remote_modified, pushed_hash, views, state, last_error, conflict_remote, published_at, "
    "synced_at");

RemotePostRecord recordFrom(const SqlStatement &q)
{
    RemotePostRecord r;
    r.id = q.value(0).toLongLong();
    r.listingId = q.value(1).toLongLong();
    r.portalId = q.value(2).toLongLong();
    r.regionCode = q.value(3).toString();
    r.clientKey = q.value(4).toString();
    r.remoteId = q.value(5).toLongLong();
    r.url = q.value(6).toString();
    r.remoteStatus = q.value(7).toString();
    r.remoteModified = timeFromSql(q.value(8));
    r.pushedHash = q.value(9).toString();
    if (!q.value(10).isNull())
        r.views = q.value(10).toInt();
    r.state = remoteStateFromKey(q.value(11).toString());
    r.lastError = q.value(12).toString();
    r.conflictRemote = q.value(13).toString();
    r.publishedAt = timeFromSql(q.value(14));
    r.syncedAt = timeFromSql(q.value(15));
    return r;
}

} // namespace

QString remoteStateKey(RemoteState state)
{
    switch (state) {
    case RemoteState::Pending:
        return QStringLiteral("pending");
    case RemoteState::Published:
        return QStringLiteral("published");
    case RemoteState::Conflict:
        return QStringLiteral("conflict");
    case RemoteState::Deleted:
        return QStringLiteral("deleted");
    case RemoteState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("pending");
}

RemoteState remoteStateFromKey(const QString &key)
{
    for (RemoteState s : {RemoteState::Published, RemoteState::Conflict, RemoteState::Deleted,
                          RemoteState::Failed}) {
        if (remoteStateKey(s) == key)
            return s;
    }
    return RemoteState::Pending;
}

QString remoteStateDisplayName(RemoteState state)
{
    switch (state) {
    case RemoteState::Pending:
        return QCoreApplication::translate("RemoteState", "Not yet on the portal");
    case RemoteState::Published:
        return QCoreApplication::translate("RemoteState", "On the portal");
    case RemoteState::Conflict:
        return QCoreApplication::translate("RemoteState", "Changed here and on the portal");
    case RemoteState::Deleted:
        return QCoreApplication::translate("RemoteState", "Deleted on the portal");
    case RemoteState::Failed:
        return QCoreApplication::translate("RemoteState", "Publishing failed");
    }
    return {};
}

QString clientKeyFor(const QString &listingUuid, const QString &regionCode)
{
    QString hex = listingUuid;
    hex.remove(u'-').remove(u'{').remove(u'}');
    return QStringLiteral("ld-") + hex.toLower() + u'-' + regionCode;
}

bool parseClientKey(const QString &key, QString *listingUuid, QString *regionCode)
{
    static const QRegularExpression pattern(
        QStringLiteral("^ld-([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})-"
                       "([0-9]{6})$"));
    const QRegularExpressionMatch m = pattern.match(key);
    if (!m.hasMatch())
        return false;
    if (listingUuid)
        *listingUuid =
            QStringList{m.captured(1), m.captured(2), m.captured(3), m.captured(4), m.captured(5)}
                .join(u'-');
    if (regionCode)
        *regionCode = m.captured(6);
    return true;
}

Result<QList<RemotePostRecord>> RemotePostRepository::select(const QString &where,
                                                             const QVariantList &params)
{
    SqlStatement query(
        m_db,
        QStringLiteral("SELECT %1 FROM remote_posts WHERE %2 ORDER BY id").arg(columns, where));
    if (auto done = query.exec(params); !done)
        return done.error();
    QList<RemotePostRecord> records;
    while (query.next())
        records << recordFrom(query);
    return records;
}

Result<std::optional<RemotePostRecord>> RemotePostRepository::selectOne(const QString &where,
                                                                        const QVariantList &params)
{
    auto records = select(where, params);
    if (!records)
        return records.error();
    if (records.value().isEmpty())
        return std::optional<RemotePostRecord>();
    return std::optional<RemotePostRecord>(records.value().first());
}

Result<std::optional<RemotePostRecord>>
RemotePostRepository::find(qint64 portalId, qint64 listingId, const QString &regionCode)
{
    return selectOne(QStringLiteral("portal_id = ? AND listing_id = ? AND region_code = ?"),
                     {portalId, listingId, regionCode});
}

Result<std::optional<RemotePostRecord>> RemotePostRepository::findByRemoteId(qint64 portalId,
                                                                             qint64 remoteId)
{
    return selectOne(QStringLiteral("portal_id = ? AND remote_id = ?"), {portalId, remoteId});
}

Result<std::optional<RemotePostRecord>> RemotePostRepository::findByClientKey(qint64 portalId,
                                                                              const QString &key)
{
    return selectOne(QStringLiteral("portal_id = ? AND client_key = ?"), {portalId, key});
}

Result<QList<RemotePostRecord>> RemotePostRepository::forListing(qint64 listingId)
{
    return select(QStringLiteral("listing_id = ?"), {listingId});
}

Result<QHash<qint64, QList<RemotePostRecord>>>
RemotePostRepository::forListings(const QList<qint64> &listingIds)
{
    QHash<qint64, QList<RemotePostRecord>> byListing;
    // SQLite allows 32766 bound parameters; a table page is 128 rows, but
    // chunk anyway so that any caller stays within the limit.
    constexpr int chunk = 500;
    for (int from = 0; from < listingIds.size(); from += chunk) {
        const QList<qint64> part = listingIds.mid(from, chunk);
        QVariantList params;
        QStringList marks;
        for (qint64 id : part) {
            params << id;
            marks << QStringLiteral("?");
        }
        auto records = select(QStringLiteral("listing_id IN (%1)").arg(marks.join(u',')), params);
        if (!records)
            return records.error();
        for (const RemotePostRecord &r : records.value())
            byListing[r.listingId] << r;
    }
    return byListing;
}

Result<QList<RemotePostRecord>> RemotePostRepository::forPortal(qint64 portalId)
{
    return select(QStringLiteral("portal_id = ?"), {portalId});
}

Result<void> RemotePostRepository::save(RemotePostRecord *r)
{
    SqlStatement upsert(
        m_db, QStringLiteral(
                  "INSERT INTO remote_posts (listing_id, portal_id, region_code, client_key, "
                  "remote_id, url, remote_status, remote_modified, pushed_hash, views, state, "
                  "last_error, conflict_remote, published_at, synced_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT (portal_id, listing_id, region_code) DO UPDATE SET "
                  "client_key = excluded.client_key, remote_id = excluded.remote_id, "
                  "url = excluded.url, remote_status = excluded.remote_status, "
                  "remote_modified = excluded.remote_modified, pushed_hash = excluded.pushed_hash, "
                  "views = excluded.views, state = excluded.state, "
                  "last_error = excluded.last_error, conflict_remote = excluded.conflict_remote, "
                  "published_at = excluded.published_at, synced_at = excluded.synced_at "
                  "RETURNING id"));
    if (auto done = upsert.exec(
            {r->listingId, r->portalId, r->regionCode, r->clientKey,
             r->remoteId > 0 ? QVariant(r->remoteId) : QVariant(), sqlText(r->url),
             sqlText(r->remoteStatus), sqlTime(r->remoteModified), sqlText(r->pushedHash),
             r->views ? QVariant(*r->views) : QVariant(), remoteStateKey(r->state),
             sqlText(r->lastError), sqlText(r->conflictRemote), sqlTime(r->publishedAt),
             sqlTime(r->syncedAt)});
        !done)
        return done;
    // RETURNING gives the row's id in both branches (lastInsertId does not
    // after the UPDATE branch of an upsert).
    if (upsert.next())
        r->id = upsert.value(0).toLongLong();
    upsert.query().finish();
    return {};
}

Result<QMap<RemoteState, int>> RemotePostRepository::stateCounts(qint64 portalId)
{
    SqlStatement query(m_db, QStringLiteral("SELECT state, count(*) FROM remote_posts "
                                            "WHERE portal_id = ? GROUP BY state"));
    if (auto done = query.exec({portalId}); !done)
        return done.error();
    QMap<RemoteState, int> counts;
    while (query.next())
        counts[remoteStateFromKey(query.value(0).toString())] += query.value(1).toInt();
    return counts;
}

Result<QString> RemotePostRepository::uploadedMediaUrl(qint64 portalId, const QString &sha256)
{
    SqlStatement query(m_db, QStringLiteral("SELECT url FROM media_uploads WHERE portal_id = ? "
                                            "AND sha256 = ?"));
    if (auto done = query.exec({portalId, sha256}); !done)
        return done.error();
    return query.next() ? query.value(0).toString() : QString();
}

Result<void> RemotePostRepository::recordMediaUpload(qint64 portalId, const QString &sha256,
                                                     qint64 remoteId, const QString &url)
{
    SqlStatement insert(m_db, QStringLiteral("INSERT INTO media_uploads "
                                             "(sha256, portal_id, remote_id, url, uploaded_at) "
                                             "VALUES (?, ?, ?, ?, ?) "
                                             "ON CONFLICT (sha256, portal_id) DO UPDATE SET "
                                             "remote_id = excluded.remote_id, url = excluded.url, "
                                             "uploaded_at = excluded.uploaded_at"));
    return insert.exec({sha256, portalId, remoteId, url, sqlTime(QDateTime::currentDateTimeUtc())});
}

} // namespace ListingDesk
