#include "conflictresolver.h"

#include "listinghash.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace ListingDesk {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("ConflictResolver", text);
}

void apply(Listing *l, const PortalListingFields &f)
{
    l->title = f.title;
    l->bodyHtml = f.bodyHtml;
    l->contact = f.contact;
    l->price = f.price;
    l->expiresAt = f.expiresAt;
    l->promoted = f.promoted;
}

} // namespace

Result<PortalListingFields> ConflictResolver::portalVersion(const RemotePostRecord &record)
{
    const QJsonObject o = QJsonDocument::fromJson(record.conflictRemote.toUtf8()).object();
    if (o.isEmpty())
        return makeError(Error::Kind::NotFound,
                         translate("The portal's version of this listing is not recorded; pull "
                                   "again to fetch it."));
    PortalListingFields f;
    f.title = o.value(u"title").toString();
    f.bodyHtml = o.value(u"body_html").toString();
    f.contact = {o.value(u"contact_name").toString(), o.value(u"contact_phone").toString(),
                 o.value(u"contact_wechat").toString()};
    if (o.contains(u"price"))
        f.price = o.value(u"price").toDouble();
    f.expiresAt = QDateTime::fromString(o.value(u"expires_at").toString(), Qt::ISODate);
    f.promoted = o.value(u"promoted").toBool();
    return f;
}

Result<RemotePostRecord> ConflictResolver::conflictOf(qint64 listingId)
{
    auto records = m_library.remotePosts().forListing(listingId);
    if (!records)
        return records.error();
    for (const RemotePostRecord &r : records.value()) {
        if (r.state == RemoteState::Conflict)
            return r;
    }
    return makeError(Error::Kind::NotFound, translate("This listing is not in conflict."));
}

// Every conflicting post of the listing is settled the same way: after the
// choice, the listing is the one version of record.
Result<void> ConflictResolver::settle(const Listing &listing, bool takeHash)
{
    auto records = m_library.remotePosts().forListing(listing.id);
    if (!records)
        return records.error();
    for (RemotePostRecord r : records.value()) {
        if (r.state != RemoteState::Conflict)
            continue;
        r.state = RemoteState::Published;
        r.conflictRemote.clear();
        // "Mine" leaves the old hash, so the post counts as changed here and
        // the next publish sends it; "theirs" records the new one.
        if (takeHash)
            r.pushedHash = listingContentHash(listing);
        if (auto saved = m_library.remotePosts().save(&r); !saved)
            return saved;
    }
    return {};
}

Result<void> ConflictResolver::keepMine(qint64 listingId)
{
    auto record = conflictOf(listingId);
    if (!record)
        return record.error();
    auto listing = m_library.listings().load(listingId);
    if (!listing)
        return listing.error();
    if (auto done = settle(listing.value(), false); !done)
        return done;
    return m_library.listings().setStatus(listingId, ListingStatus::Modified);
}

Result<void> ConflictResolver::takePortals(qint64 listingId)
{
    auto record = conflictOf(listingId);
    if (!record)
        return record.error();
    auto theirs = portalVersion(record.value());
    if (!theirs)
        return theirs.error();
    auto listing = m_library.listings().load(listingId);
    if (!listing)
        return listing.error();
    Listing updated = listing.value();
    apply(&updated, theirs.value());
    updated.status = ListingStatus::Published;
    auto saved = m_library.listings().save(updated, ListingRepository::SaveOrigin::Verbatim);
    if (!saved)
        return saved.error();
    return settle(saved.value(), true);
}

Result<qint64> ConflictResolver::keepBoth(qint64 listingId)
{
    auto record = conflictOf(listingId);
    if (!record)
        return record.error();
    auto theirs = portalVersion(record.value());
    if (!theirs)
        return theirs.error();
    auto listing = m_library.listings().load(listingId);
    if (!listing)
        return listing.error();
    Listing copy = listing.value();
    copy.id = 0;
    copy.uuid.clear();
    apply(&copy, theirs.value());
    copy.title = translate("%1 (portal's version)").arg(copy.title);
    copy.status = ListingStatus::Draft;
    auto created = m_library.listings().create(copy);
    if (!created)
        return created.error();
    if (auto mine = keepMine(listingId); !mine)
        return mine.error();
    return created.value().id;
}

} // namespace ListingDesk
