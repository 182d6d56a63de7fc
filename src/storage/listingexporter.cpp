#include "listingexporter.h"

#include "interchange.h"
#include "library.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace ListingDesk {

Result<int> ListingExporter::exportFile(const QString &path)
{
    const auto format = interchangeFormatForPath(path);
    if (!format)
        return makeError(Error::Kind::Data,
                         QCoreApplication::translate("ListingExporter",
                                                     "%1: unknown file type; export writes "
                                                     ".json and .csv files")
                             .arg(path));
    ListingQuery query;
    query.sortKey = ListingQuery::SortKey::Updated;
    query.descending = false;
    auto ids = m_library.listings().findIds(query);
    if (!ids)
        return ids.error();
    QList<Listing> listings;
    for (qint64 id : std::as_const(ids.value())) {
        auto listing = m_library.listings().load(id);
        if (!listing)
            return listing.error();
        listings << listing.value();
    }
    // QSaveFile: an interrupted export never leaves half a file behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(writeInterchange(listings, *format)) < 0 ||
        !file.commit())
        return makeError(Error::Kind::Io,
                         QCoreApplication::translate("ListingExporter", "cannot write %1 (%2)")
                             .arg(path, file.errorString()));
    return int(listings.size());
}

} // namespace ListingDesk
