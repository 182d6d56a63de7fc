#pragma once

#include "placesearch.h"

#include <QList>

namespace ListingDesk {

class CategoryRepository;
class RegionRepository;

/// What the city picker and `listingdesk-cli regions search` search: one entry
/// per region, key = its code. Prefecture-level cities rank before provinces,
/// provinces before counties (levelOrder 0, 1, 2); context is the short name
/// of the region's province (its own for a province, so a municipality's
/// city shows 北京 beside 北京). Empty when the region table cannot be read;
/// RegionRepository::all() then says why.
QList<SearchEntry> regionSearchEntries(RegionRepository &regions);

/// What the category picker searches: one entry per category, key = its id as
/// text, name and shortName = its Chinese name. Top-level categories rank
/// before second-level ones (levelOrder 0, 1), then by id (the order of
/// categories.json); context is the parent's name (empty at the top). Empty
/// when the table cannot be read; CategoryRepository::all() then says why.
QList<SearchEntry> categorySearchEntries(CategoryRepository &categories);

} // namespace ListingDesk
