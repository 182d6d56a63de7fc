#pragma once

#include "listing.h"

#include <QString>

namespace ListingDesk {

/// A hash of everything a listing sends to a portal (not its local status,
/// revision or times). Sync compares it with the hash recorded at the last
/// push or pull to tell "changed here since" from "unchanged".
QString listingContentHash(const Listing &listing);

} // namespace ListingDesk
