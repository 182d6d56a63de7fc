#include "pulloperation.h"

#include "listinghash.h"
#include "postmapper.h"
#include "synclog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace ListingDesk {

PullOperation::PullOperation(Library &library, WordPressClient *client, PortalInfo portal,
                             QObject *parent)
    : QObject(parent), m_library(library), m_client(client), m_portal(std::move(portal)),
      m_terms(new TermResolver(library, client, m_portal, this))
{
}

void PullOperation::fail(const PortalError &error)
{
    m_failure = error;
    emit finished();
}

void PullOperation::start()
{
    if (m_portal.mode == PortalMode::Unknown) {
        PortalError error;
        error.message = tr("The connection to \"%1\" has not been tested yet; test it first.")
                            .arg(m_portal.name);
        QMetaObject::invokeMethod(
            this, [this, error] { fail(error); }, Qt::QueuedConnection);
        return;
    }
    m_terms->loadRemoteTerms([this](const PortalResult<bool> &loaded) {
        if (!loaded)
            return fail(loaded.error());
        // A second of overlap: modified_after is strict and WordPress keeps
        // whole seconds, so an edit in the same second as the last pull would
        // otherwise be missed. Posts we already have are recognised below.
        const QDateTime after =
            m_portal.lastPull.isValid() ? m_portal.lastPull.addSecs(-1) : QDateTime();
        m_client->fetchPostsModifiedAfter(after, this,
                                          [this](const PortalResult<QList<RemotePost>> &posts) {
                                              if (!posts)
                                                  return fail(posts.error());
                                              apply(posts.value());
                                          });
    });
}

void PullOperation::apply(const QList<RemotePost> &posts)
{
    m_newest = m_portal.lastPull;
    int done = 0;
    for (const RemotePost &post : posts) {
        m_seen.insert(post.id);
        applyOne(post);
        if (!m_newest.isValid() || post.modifiedGmt > m_newest)
            m_newest = post.modifiedGmt;
        emit progress(++done, int(posts.size()));
    }
    checkDeletions();
}

void PullOperation::applyOne(const RemotePost &post)
{
    RemotePostRepository &records = m_library.remotePosts();
    const QString key = PostMapper::clientKeyOf(post, m_portal.mode);
    auto record = records.findByRemoteId(m_portal.id, post.id);
    if (record && !record.value() && !key.isEmpty())
        record = records.findByClientKey(m_portal.id, key);
    if (!record) {
        ++m_summary.errors;
        return note(record.error().message);
    }
    if (post.status == QLatin1String("trash")) {
        if (record.value() && record.value()->state != RemoteState::Deleted) {
            RemotePostRecord r = *record.value();
            r.state = RemoteState::Deleted;
            r.remoteStatus = post.status;
            r.syncedAt = QDateTime::currentDateTimeUtc();
            records.save(&r);
            ++m_summary.deleted;
            note(tr("\"%1\" (%2) was deleted on the portal.").arg(post.title, r.regionCode));
        }
        return;
    }
    if (!record.value())
        return importPost(post, key);
    updateFromPortal(*record.value(), post);
}

void PullOperation::updateFromPortal(RemotePostRecord record, const RemotePost &post)
{
    if (record.remoteModified.isValid() && post.modifiedGmt == record.remoteModified) {
        ++m_summary.unchanged;
        return;
    }
    auto loaded = m_library.listings().load(record.listingId);
    if (!loaded) {
        ++m_summary.errors;
        return note(loaded.error().message);
    }
    Listing listing = loaded.value();
    const PortalListingFields fields = PostMapper::fromPost(post, m_portal.mode);
    record.remoteId = post.id;
    record.remoteStatus = post.status;
    record.url = post.link.toString();
    record.views = fields.views;
    record.syncedAt = QDateTime::currentDateTimeUtc();
    const bool changedHere = listingContentHash(listing) != record.pushedHash;
    if (changedHere) {
        // Both sides moved: keep both versions and let the user choose.
        record.state = RemoteState::Conflict;
        record.conflictRemote = PostMapper::toJson(fields, post.modifiedGmt);
        record.remoteModified = post.modifiedGmt;
        m_library.remotePosts().save(&record);
        m_library.listings().setStatus(listing.id, ListingStatus::Conflict);
        ++m_summary.conflicts;
        return note(tr("\"%1\" was changed here and on the portal; choose which version to keep.")
                        .arg(listing.title));
    }
    PostMapper::applyTo(&listing, fields);
    listing.status = ListingStatus::Published;
    auto saved = m_library.listings().save(listing, ListingRepository::SaveOrigin::Verbatim);
    if (!saved) {
        ++m_summary.errors;
        return note(saved.error().message);
    }
    record.pushedHash = listingContentHash(saved.value());
    record.remoteModified = post.modifiedGmt;
    record.state = RemoteState::Published;
    record.conflictRemote.clear();
    m_library.remotePosts().save(&record);
    ++m_summary.updated;
}

void PullOperation::importPost(const RemotePost &post, const QString &clientKey)
{
    const PortalListingFields fields = PostMapper::fromPost(post, m_portal.mode);
    QString region = fields.regionCode;
    if (region.isEmpty()) {
        const QList<qint64> cityTerms =
            m_portal.mode == PortalMode::Plain ? post.tags : post.cities;
        for (qint64 id : cityTerms) {
            region = m_terms->localRegion(id);
            if (!region.isEmpty())
                break;
        }
    }
    // Two posts of one listing (two cities) become one listing with two cities.
    Listing listing;
    bool exists = false;
    if (!fields.listingUuid.isEmpty()) {
        if (auto known = m_library.listings().loadByUuid(fields.listingUuid); known) {
            listing = known.value();
            exists = true;
        }
    }
    if (!exists) {
        listing.uuid = fields.listingUuid.isEmpty()
                           ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                           : fields.listingUuid;
        PostMapper::applyTo(&listing, fields);
        for (qint64 id : post.categories) {
            if (const qint64 local = m_terms->localCategory(id)) {
                listing.categoryId = local;
                break;
            }
        }
        if (!region.isEmpty())
            listing.cityCodes = {region};
        listing.status = ListingStatus::Published;
        auto created = m_library.listings().create(listing);
        if (!created) {
            ++m_summary.errors;
            return note(tr("Could not take \"%1\" from the portal: %2")
                            .arg(post.title, created.error().message));
        }
        listing = created.value();
        ++m_summary.created;
    } else if (!region.isEmpty() && !listing.cityCodes.contains(region)) {
        listing.cityCodes << region;
        auto saved = m_library.listings().save(listing, ListingRepository::SaveOrigin::Verbatim);
        if (saved)
            listing = saved.value();
    }
    RemotePostRecord r;
    r.listingId = listing.id;
    r.portalId = m_portal.id;
    // A post made on the site without a city still gets its record: region_code
    // is NOT NULL, and a null QString would be bound as NULL.
    r.regionCode = region.isEmpty() ? QStringLiteral("") : region;
    // A post made on the site gets our key with the next update.
    r.clientKey = clientKey.isEmpty() ? clientKeyFor(listing.uuid, region) : clientKey;
    r.remoteId = post.id;
    r.url = post.link.toString();
    r.remoteStatus = post.status;
    r.remoteModified = post.modifiedGmt;
    r.views = fields.views;
    r.publishedAt = post.dateGmt;
    r.syncedAt = QDateTime::currentDateTimeUtc();
    r.state = RemoteState::Published;
    // An existing listing whose words differ is a conflict, not a silent overwrite.
    Listing asPortal = listing;
    PostMapper::applyTo(&asPortal, fields);
    if (exists && !asPortal.sameContent(listing)) {
        r.state = RemoteState::Conflict;
        r.conflictRemote = PostMapper::toJson(fields, post.modifiedGmt);
        m_library.listings().setStatus(listing.id, ListingStatus::Conflict);
        ++m_summary.conflicts;
        note(tr("\"%1\" differs from the portal's copy; choose which version to keep.")
                 .arg(listing.title));
    } else {
        r.pushedHash = listingContentHash(listing);
    }
    if (auto saved = m_library.remotePosts().save(&r); !saved) {
        ++m_summary.errors;
        note(saved.error().message);
    }
}

void PullOperation::checkDeletions()
{
    // Posts deleted for good do not show in "modified after": ask for the
    // ones we know by id and see which are gone.
    auto known = m_library.remotePosts().forPortal(m_portal.id);
    if (!known)
        return fail(PortalError{PortalError::Kind::Permanent, 0, {}, known.error().message, -1});
    QList<RemotePostRecord> toCheck;
    for (const RemotePostRecord &r : known.value()) {
        if (r.remoteId > 0 && r.state != RemoteState::Deleted && !m_seen.contains(r.remoteId))
            toCheck << r;
    }
    if (toCheck.isEmpty() || !m_client)
        return finish();
    auto remaining = std::make_shared<int>(0);
    const int chunk = 100;
    for (int i = 0; i < toCheck.size(); i += chunk) {
        const QList<RemotePostRecord> part = toCheck.mid(i, chunk);
        QStringList ids;
        for (const RemotePostRecord &r : part)
            ids << QString::number(r.remoteId);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("include"), ids.join(u','));
        query.addQueryItem(QStringLiteral("status"), WordPressClient::allStatuses());
        query.addQueryItem(QStringLiteral("per_page"), QString::number(chunk));
        query.addQueryItem(QStringLiteral("_fields"), QStringLiteral("id,status"));
        ++*remaining;
        RestJob *job = m_client->get(QStringLiteral("/wp/v2/posts"), query);
        connect(job, &RestJob::finished, this, [this, job, part, remaining] {
            if (job->error()) {
                ++m_summary.errors;
                note(describe(*job->error()));
            } else {
                QSet<qint64> present;
                for (const QJsonValue &v : job->json().array())
                    present.insert(v.toObject().value(u"id").toInteger());
                for (RemotePostRecord r : part) {
                    if (present.contains(r.remoteId))
                        continue;
                    r.state = RemoteState::Deleted;
                    r.syncedAt = QDateTime::currentDateTimeUtc();
                    m_library.remotePosts().save(&r);
                    ++m_summary.deleted;
                    auto l = m_library.listings().load(r.listingId);
                    note(
                        tr("\"%1\" (%2) was deleted on the portal.")
                            .arg(l ? l.value().title : QString::number(r.listingId), r.regionCode));
                }
            }
            if (--*remaining == 0)
                finish();
        });
    }
}

void PullOperation::finish()
{
    if (m_newest.isValid())
        m_library.portals().setLastPull(m_portal.id, m_newest);
    m_library.listings().notifyBulkChange();
    emit finished();
}

} // namespace ListingDesk
