#pragma once

#include "listingstatus.h"

#include <QString>

#include <optional>

namespace ListingDesk {

/// Which listings a view shows and in what order. Everything here is applied
/// in SQL by storage, never by filtering rows in memory.
struct ListingQuery
{
    enum class SortKey { Title, Category, Cities, Status, Updated };

    SavedFilter filter = SavedFilter::All;
    std::optional<ListingStatus> status; ///< narrows further to exactly this status
    qint64 categoryId = 0;               ///< 0 = any; otherwise this category and its children
    QString regionCode; ///< empty = any; otherwise listings targeting this region or below
    QString searchText; ///< substring of title or article text (Chinese works)
    SortKey sortKey = SortKey::Updated;
    bool descending = true;

    bool operator==(const ListingQuery &) const = default;
};

} // namespace ListingDesk
