#include "portaltermrepository.h"

#include "sqlstatement.h"
#include "storagelog.h"

#include <QCoreApplication>

namespace ListingDesk {

QString PortalTermRepository::kindKey(TermKind kind)
{
    switch (kind) {
    case TermKind::Category:
        return QStringLiteral("category");
    case TermKind::Region:
        return QStringLiteral("region");
    }
    return {};
}

Result<void> PortalTermRepository::setTerm(qint64 portalId, TermKind kind, const QString &localKey,
                                           const QString &remoteId, const QString &remoteName,
                                           bool accepted)
{
    // Without this the insert fails with "FOREIGN KEY constraint failed",
    // which does not say which portal is missing.
    SqlStatement portal(m_db, QStringLiteral("SELECT 1 FROM portals WHERE id = ?"));
    if (auto done = portal.exec({portalId}); !done)
        return done;
    if (!portal.next())
        return makeError(
            Error::Kind::NotFound,
            QCoreApplication::translate("PortalTermRepository",
                                        "There is no portal with id %1; it may have been removed.")
                .arg(portalId));
    // Done reading: on SQLite an open SELECT keeps its snapshot, and a write
    // from that snapshot after another process wrote fails at once with
    // "database is locked" instead of waiting (two publishers on one file).
    portal.query().finish();
    if (localKey.isEmpty())
        return makeError(
            Error::Kind::Data,
            QCoreApplication::translate("PortalTermRepository",
                                        "A portal term needs the category or region it maps."));
    SqlStatement upsert(
        m_db, QStringLiteral("INSERT INTO portal_terms "
                             "(portal_id, kind, local_key, remote_id, remote_name, accepted) "
                             "VALUES (?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (portal_id, kind, local_key) DO UPDATE SET "
                             "remote_id = excluded.remote_id, remote_name = excluded.remote_name, "
                             "accepted = excluded.accepted"));
    return upsert.exec({portalId, kindKey(kind), localKey, sqlText(remoteId), sqlText(remoteName),
                        accepted ? 1 : 0});
}

QSet<QString> PortalTermRepository::refusedKeys(qint64 portalId, TermKind kind)
{
    SqlStatement query(m_db, QStringLiteral("SELECT local_key FROM portal_terms "
                                            "WHERE portal_id = ? AND kind = ? AND accepted = 0"));
    QSet<QString> keys;
    if (auto done = query.exec({portalId, kindKey(kind)}); !done) {
        qCWarning(lcStorage) << "could not read refused terms of portal" << portalId << ":"
                             << done.error().message;
        return keys;
    }
    while (query.next())
        keys.insert(query.value(0).toString());
    return keys;
}

Result<std::optional<PortalTerm>> PortalTermRepository::term(qint64 portalId, TermKind kind,
                                                             const QString &localKey)
{
    SqlStatement query(m_db, QStringLiteral("SELECT remote_id, remote_name, accepted FROM "
                                            "portal_terms WHERE portal_id = ? AND kind = ? AND "
                                            "local_key = ?"));
    if (auto done = query.exec({portalId, kindKey(kind), localKey}); !done)
        return done.error();
    if (!query.next())
        return std::optional<PortalTerm>();
    return std::optional<PortalTerm>(PortalTerm{
        localKey, query.value(0).toString(), query.value(1).toString(), query.value(2).toBool()});
}

Result<QString> PortalTermRepository::localKeyFor(qint64 portalId, TermKind kind,
                                                  const QString &remoteId)
{
    SqlStatement query(m_db,
                       QStringLiteral("SELECT local_key FROM portal_terms WHERE portal_id = ? "
                                      "AND kind = ? AND remote_id = ? AND remote_id <> ''"));
    if (auto done = query.exec({portalId, kindKey(kind), remoteId}); !done)
        return done.error();
    return query.next() ? query.value(0).toString() : QString();
}

} // namespace ListingDesk
