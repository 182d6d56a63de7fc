#include "portaltermrepository.h"

#include "sqlstatement.h"
#include "storagelog.h"

#include <QCoreApplication>

namespace ListingDesk {

namespace {

// A null QString binds as SQL NULL, which the NOT NULL DEFAULT '' columns
// refuse; callers may well pass {} for "none".
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

} // namespace

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

Result<qint64> PortalTermRepository::addPortal(const QString &name, const QString &baseUrl,
                                               const QString &username)
{
    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty())
        return makeError(Error::Kind::Data, QCoreApplication::translate("PortalTermRepository",
                                                                        "A portal needs a name."));
    // Checked before inserting so the user reads which name is taken rather
    // than SQLite's "UNIQUE constraint failed: portals.name".
    SqlStatement existing(m_db, QStringLiteral("SELECT 1 FROM portals WHERE name = ?"));
    if (auto done = existing.exec({trimmedName}); !done)
        return done.error();
    if (existing.next())
        return makeError(Error::Kind::Conflict,
                         QCoreApplication::translate(
                             "PortalTermRepository",
                             "There is already a portal named \"%1\"; choose another name.")
                             .arg(trimmedName));
    SqlStatement insert(m_db, QStringLiteral("INSERT INTO portals (name, base_url, username) "
                                             "VALUES (?, ?, ?)"));
    if (auto done = insert.exec({trimmedName, text(baseUrl.trimmed()), text(username)}); !done)
        return done.error();
    return insert.lastInsertId().toLongLong();
}

Result<QList<PortalInfo>> PortalTermRepository::portals()
{
    SqlStatement query(m_db, QStringLiteral("SELECT id, kind, name, base_url, username "
                                            "FROM portals ORDER BY name, id"));
    if (auto done = query.exec(); !done)
        return done.error();
    QList<PortalInfo> result;
    while (query.next()) {
        result << PortalInfo{query.value(0).toLongLong(), query.value(1).toString(),
                             query.value(2).toString(), query.value(3).toString(),
                             query.value(4).toString()};
    }
    return result;
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
    return upsert.exec(
        {portalId, kindKey(kind), localKey, text(remoteId), text(remoteName), accepted ? 1 : 0});
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

} // namespace ListingDesk
