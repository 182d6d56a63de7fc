#include "conflictresolver.h"

#include "listinghash.h"

#include <QCoreApplication>

namespace ListingDesk {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("ConflictResolver", text);
}

} // namespace

Result<PortalListingFields> ConflictResolver::portalVersion(const RemotePostRecord &record)
{
    if (auto fields = PostMapper::fromJson(record.conflictRemote))
        return *fields;
    return makeError(Error::Kind::NotFound,
                     translate("The portal's version of this listing is not recorded; pull "
                               "again to fetch it."));
}

Result<ConflictResolver::Conflict> ConflictResolver::conflictOf(qint64 listingId)
{
    auto records = m_library.remotePosts().forListing(listingId);
    if (!records)
        return records.error();
    for (const RemotePostRecord &r : records.value()) {
        if (r.state != RemoteState::Conflict)
            continue;
        auto theirs = portalVersion(r);
        if (!theirs)
            return theirs.error();
        auto mine = m_library.listings().load(listingId);
        if (!mine)
            return mine.error();
        return Conflict{mine.value(), theirs.value()};
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
    auto conflict = conflictOf(listingId);
    if (!conflict)
        return conflict.error();
    if (auto done = settle(conflict.value().mine, false); !done)
        return done;
    return m_library.listings().setStatus(listingId, ListingStatus::Modified);
}

Result<void> ConflictResolver::takePortals(qint64 listingId)
{
    auto conflict = conflictOf(listingId);
    if (!conflict)
        return conflict.error();
    Listing updated = conflict.value().mine;
    PostMapper::applyTo(&updated, conflict.value().theirs);
    updated.status = ListingStatus::Published;
    auto saved = m_library.listings().save(updated, ListingRepository::SaveOrigin::Verbatim);
    if (!saved)
        return saved.error();
    return settle(saved.value(), true);
}

Result<qint64> ConflictResolver::keepBoth(qint64 listingId)
{
    auto conflict = conflictOf(listingId);
    if (!conflict)
        return conflict.error();
    Listing copy = conflict.value().mine;
    copy.id = 0;
    copy.uuid.clear();
    PostMapper::applyTo(&copy, conflict.value().theirs);
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
