#pragma once

#include <QString>

namespace ListingDesk {

/// The local life-cycle state of a listing (see ARCHITECTURE.md, "Listing life cycle").
enum class ListingStatus {
    Draft,
    Ready,
    Queued,
    Publishing,
    Published,
    Retrying,
    Failed,
    Modified,
    Conflict,
};

/// Stable lowercase key stored in the database and the interchange format.
QString statusKey(ListingStatus status);
/// Parses a key written by statusKey(); returns false for anything else.
bool statusFromKey(const QString &key, ListingStatus *status);
/// Translated name for the user interface.
QString statusDisplayName(ListingStatus status);

/// The sidebar's saved filters. Each maps to a set of statuses (or to the trash).
enum class SavedFilter { All, Drafts, Ready, Published, Failed, Trash };
constexpr int savedFilterCount = 6;
QString savedFilterDisplayName(SavedFilter filter);
QString savedFilterKey(SavedFilter filter);

} // namespace ListingDesk
