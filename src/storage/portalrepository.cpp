#include "portalrepository.h"

#include "sqlstatement.h"

#include <QCoreApplication>
#include <QUrl>

namespace ListingDesk {

namespace {

const QString columns =
    QStringLiteral("id, kind, name, base_url, username, mode, allow_plain_http, "
                   "create_terms, title_limit, body_limit, last_pull");

PortalInfo portalFrom(const SqlStatement &query)
{
    PortalInfo p;
    p.id = query.value(0).toLongLong();
    p.kind = query.value(1).toString();
    p.name = query.value(2).toString();
    p.baseUrl = query.value(3).toString();
    p.username = query.value(4).toString();
    p.mode = portalModeFromKey(query.value(5).toString());
    p.allowPlainHttp = query.value(6).toBool();
    p.createTerms = query.value(7).toBool();
    p.titleLimit = query.value(8).toInt();
    p.bodyLimit = query.value(9).toInt();
    p.lastPull = timeFromSql(query.value(10));
    return p;
}

QString translate(const char *text)
{
    return QCoreApplication::translate("PortalRepository", text);
}

// Checked before writing so that the user reads what is wrong with the
// account rather than a constraint name.
Result<void> validate(const PortalInfo &portal)
{
    if (portal.name.trimmed().isEmpty())
        return makeError(Error::Kind::Data, translate("A portal needs a name."));
    const QUrl url(portal.baseUrl.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return makeError(Error::Kind::Data, translate("\"%1\" is not a web address; write it like "
                                                      "https://portal.example.com")
                                                .arg(portal.baseUrl));
    if (portal.titleLimit < 0 || portal.bodyLimit < 0)
        return makeError(Error::Kind::Data, translate("A length limit cannot be negative."));
    return {};
}

} // namespace

QString portalModeKey(PortalMode mode)
{
    switch (mode) {
    case PortalMode::Plugin:
        return QStringLiteral("plugin");
    case PortalMode::Plain:
        return QStringLiteral("plain");
    case PortalMode::Unknown:
        break;
    }
    return QStringLiteral("");
}

PortalMode portalModeFromKey(const QString &key)
{
    if (key == QLatin1String("plugin"))
        return PortalMode::Plugin;
    if (key == QLatin1String("plain"))
        return PortalMode::Plain;
    return PortalMode::Unknown;
}

Result<void> PortalRepository::checkName(const QString &name, qint64 exceptId)
{
    SqlStatement existing(m_db, QStringLiteral("SELECT 1 FROM portals WHERE name = ? AND id <> ?"));
    if (auto done = existing.exec({name, exceptId}); !done)
        return done;
    if (existing.next())
        return makeError(
            Error::Kind::Conflict,
            translate("There is already a portal named \"%1\"; choose another name.").arg(name));
    return {};
}

Result<qint64> PortalRepository::add(const PortalInfo &portal)
{
    if (auto valid = validate(portal); !valid)
        return valid.error();
    const QString name = portal.name.trimmed();
    if (auto free = checkName(name, 0); !free)
        return free.error();
    SqlStatement insert(m_db, QStringLiteral("INSERT INTO portals (kind, name, base_url, username, "
                                             "mode, allow_plain_http, create_terms, title_limit, "
                                             "body_limit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                             "RETURNING id"));
    if (auto done = insert.exec({sqlText(portal.kind), name, portal.baseUrl.trimmed(),
                                 sqlText(portal.username), portalModeKey(portal.mode),
                                 portal.allowPlainHttp, portal.createTerms, portal.titleLimit,
                                 portal.bodyLimit});
        !done)
        return done.error();
    // RETURNING rather than lastInsertId(), which QPSQL cannot answer.
    if (!insert.next())
        return makeError(Error::Kind::Database, translate("The library did not report the new "
                                                          "portal's id."));
    return insert.value(0).toLongLong();
}

Result<void> PortalRepository::update(const PortalInfo &portal)
{
    if (auto valid = validate(portal); !valid)
        return valid;
    const QString name = portal.name.trimmed();
    if (auto free = checkName(name, portal.id); !free)
        return free;
    SqlStatement update(m_db, QStringLiteral("UPDATE portals SET kind = ?, name = ?, base_url = ?, "
                                             "username = ?, mode = ?, allow_plain_http = ?, "
                                             "create_terms = ?, title_limit = ?, body_limit = ?, "
                                             "last_pull = ? WHERE id = ?"));
    if (auto done = update.exec({sqlText(portal.kind), name, portal.baseUrl.trimmed(),
                                 sqlText(portal.username), portalModeKey(portal.mode),
                                 portal.allowPlainHttp, portal.createTerms, portal.titleLimit,
                                 portal.bodyLimit, sqlTime(portal.lastPull), portal.id});
        !done)
        return done;
    if (update.rowsAffected() == 0)
        return makeError(Error::Kind::NotFound,
                         translate("The portal \"%1\" no longer exists.").arg(name));
    return {};
}

Result<void> PortalRepository::remove(qint64 id)
{
    SqlStatement remove(m_db, QStringLiteral("DELETE FROM portals WHERE id = ?"));
    return remove.exec({id});
}

Result<QList<PortalInfo>> PortalRepository::all()
{
    SqlStatement query(m_db,
                       QStringLiteral("SELECT %1 FROM portals ORDER BY name, id").arg(columns));
    if (auto done = query.exec(); !done)
        return done.error();
    QList<PortalInfo> result;
    while (query.next())
        result << portalFrom(query);
    return result;
}

Result<PortalInfo> PortalRepository::readOne(const QString &where, const QVariant &key)
{
    SqlStatement query(m_db, QStringLiteral("SELECT %1 FROM portals WHERE %2").arg(columns, where));
    if (auto done = query.exec({key}); !done)
        return done.error();
    if (!query.next())
        return makeError(Error::Kind::NotFound,
                         translate("There is no portal \"%1\"; `listingdesk-cli portal list` shows "
                                   "the portals of this library.")
                             .arg(key.toString()));
    return portalFrom(query);
}

Result<PortalInfo> PortalRepository::portal(qint64 id)
{
    return readOne(QStringLiteral("id = ?"), id);
}

Result<PortalInfo> PortalRepository::portalByName(const QString &name)
{
    return readOne(QStringLiteral("name = ?"), name.trimmed());
}

Result<void> PortalRepository::setMode(qint64 id, PortalMode mode)
{
    SqlStatement update(m_db, QStringLiteral("UPDATE portals SET mode = ? WHERE id = ?"));
    return update.exec({portalModeKey(mode), id});
}

Result<void> PortalRepository::setLastPull(qint64 id, const QDateTime &when)
{
    SqlStatement update(m_db, QStringLiteral("UPDATE portals SET last_pull = ? WHERE id = ?"));
    return update.exec({sqlTime(when), id});
}

} // namespace ListingDesk
