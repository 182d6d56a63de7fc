#pragma once

#include "categoryrepository.h"
#include "database.h"
#include "listingrepository.h"
#include "mediarepository.h"
#include "outboxrepository.h"
#include "portalrepository.h"
#include "portaltermrepository.h"
#include "regionrepository.h"
#include "remotepostrepository.h"
#include "sqlstatement.h"

#include <memory>

namespace ListingDesk {

/// An open library and its repositories: what the GUI and the CLI hold.
class Library
{
public:
    Library() = default;
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;

    Result<void> open(const QString &path, int schemaVersion = Database::currentSchemaVersion);
    /// Drops the repositories and closes the connection (a PostgreSQL
    /// database can only be dropped once nobody is connected to it).
    void close();

    Database &database() { return m_database; }
    ListingRepository &listings() { return *m_listings; }
    CategoryRepository &categories() { return *m_categories; }
    RegionRepository &regions() { return *m_regions; }
    PortalTermRepository &portalTerms() { return *m_portalTerms; }
    PortalRepository &portals() { return *m_portals; }
    RemotePostRepository &remotePosts() { return *m_remotePosts; }
    MediaRepository &media() { return *m_media; }
    OutboxRepository &outbox() { return *m_outbox; }

    /// Runs \a body in one transaction of this library: all of its changes
    /// are saved together, or none when it returns an error.
    template <typename Body> auto inOneTransaction(Body &&body) -> decltype(body())
    {
        return inTransaction(m_database.connection(), std::forward<Body>(body));
    }

private:
    Database m_database;
    std::unique_ptr<CategoryRepository> m_categories;
    std::unique_ptr<RegionRepository> m_regions;
    std::unique_ptr<ListingRepository> m_listings;
    std::unique_ptr<PortalTermRepository> m_portalTerms;
    std::unique_ptr<PortalRepository> m_portals;
    std::unique_ptr<RemotePostRepository> m_remotePosts;
    std::unique_ptr<MediaRepository> m_media;
    std::unique_ptr<OutboxRepository> m_outbox;
};

} // namespace ListingDesk
