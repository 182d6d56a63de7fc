#pragma once

#include "library.h"
#include "postmapper.h"

namespace ListingDesk {

/// The three ways out of a conflict (changed here and on the portal since
/// the last sync). Nothing is sent: the choice is recorded, and the next
/// publish carries "mine" to the portal.
class ConflictResolver
{
public:
    explicit ConflictResolver(Library &library) : m_library(library) {}

    /// Keep the local version; the listing becomes "modified" so that the
    /// next publish overwrites the portal's copy.
    Result<void> keepMine(qint64 listingId);
    /// Take the portal's version into the listing (the local words go to the
    /// revision history, never lost).
    Result<void> takePortals(qint64 listingId);
    /// Keep mine as it is and add the portal's version as a new draft; returns its id.
    Result<qint64> keepBoth(qint64 listingId);

    /// The portal's side of a conflict, as kept by the pull.
    static Result<PortalListingFields> portalVersion(const RemotePostRecord &record);

private:
    Result<RemotePostRecord> conflictOf(qint64 listingId);
    Result<void> settle(const Listing &listing, bool takeHash);

    Library &m_library;
};

} // namespace ListingDesk
