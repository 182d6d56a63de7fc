#include "library.h"

namespace ListingDesk {

void Library::close()
{
    m_remotePosts.reset();
    m_portals.reset();
    m_media.reset();
    m_outbox.reset();
    m_portalTerms.reset();
    m_listings.reset();
    m_regions.reset();
    m_categories.reset();
    m_database.close();
}

Result<void> Library::open(const QString &path, int schemaVersion)
{
    close();
    if (auto opened = m_database.open(path, schemaVersion); !opened)
        return opened;
    const QSqlDatabase db = m_database.connection();
    m_categories = std::make_unique<CategoryRepository>(db);
    m_regions = std::make_unique<RegionRepository>(db);
    m_listings = std::make_unique<ListingRepository>(db, m_categories.get(), m_regions.get());
    m_portalTerms = std::make_unique<PortalTermRepository>(db);
    m_portals = std::make_unique<PortalRepository>(db);
    m_remotePosts = std::make_unique<RemotePostRepository>(db);
    m_media = std::make_unique<MediaRepository>(db);
    m_outbox = std::make_unique<OutboxRepository>(db);
    return {};
}

} // namespace ListingDesk
