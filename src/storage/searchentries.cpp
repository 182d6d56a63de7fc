#include "searchentries.h"

#include "categoryrepository.h"
#include "regionrepository.h"

#include <QHash>

namespace ListingDesk {

QList<SearchEntry> regionSearchEntries(RegionRepository &regions)
{
    const auto all = regions.all();
    if (!all)
        return {};
    QHash<QString, const Region *> byCode;
    byCode.reserve(all.value().size());
    for (const Region &region : all.value())
        byCode.insert(region.code, &region);

    QList<SearchEntry> entries;
    entries.reserve(all.value().size());
    for (const Region &region : all.value()) {
        const Region *province = &region;
        while (!province->parentCode.isEmpty()) {
            const Region *parent = byCode.value(province->parentCode);
            if (!parent)
                break;
            province = parent;
        }
        // Cities first: they are what listings target. A province (山西) is
        // less often meant than a city of its own name, and counties are many.
        const int levelOrder = region.level == 2 ? 0 : region.level == 1 ? 1 : 2;
        entries << SearchEntry{region.code,   region.name, region.shortName,
                               region.pinyin, levelOrder,  province->shortName};
    }
    return entries;
}

QList<SearchEntry> categorySearchEntries(CategoryRepository &categories)
{
    const auto all = categories.all();
    if (!all)
        return {};
    QHash<qint64, QString> names;
    for (const Category &category : all.value())
        names.insert(category.id, category.name);

    QList<SearchEntry> entries;
    entries.reserve(all.value().size());
    for (const Category &category : all.value()) {
        entries << SearchEntry{QString::number(category.id),
                               category.name,
                               category.name,
                               category.pinyin,
                               category.parentId ? 1 : 0,
                               names.value(category.parentId)};
    }
    return entries;
}

} // namespace ListingDesk
