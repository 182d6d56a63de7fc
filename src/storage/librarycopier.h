#pragma once

#include "result.h"

#include <QList>
#include <QString>

namespace ListingDesk {

class Database;

/// Moves a whole library between backends (SQLite file <-> PostgreSQL):
/// every row of every table, ids kept, so references between tables, remote
/// posts and the publish queue stay valid. Used by `listingdesk-cli
/// copy-library`.
class LibraryCopier
{
public:
    struct TableCount
    {
        QString table;
        qint64 rows = 0;
    };

    /// Copies \a source into \a target; both are open at the current schema
    /// version. The target must hold no listings, portals, media or jobs of
    /// its own (its seeded regions and categories are replaced by the
    /// source's). All or nothing: one transaction on the target. PostgreSQL's
    /// id generators are moved past the copied ids afterwards, and its copied
    /// tables are vacuumed and analysed (otherwise the first queries of a
    /// fresh 100k team library were planned as if it were empty).
    static Result<QList<TableCount>> copy(Database &source, Database &target);
};

} // namespace ListingDesk
