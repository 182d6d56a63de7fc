#pragma once

#include "result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ListingDesk {

/// How a WordPress portal is spoken to: with our companion plugin (city
/// taxonomy, post meta, lookup by client key) or as plain WordPress (cities
/// as tags, contact and price in the body, the client key as the slug).
enum class PortalMode { Unknown, Plugin, Plain };

QString portalModeKey(PortalMode mode);
PortalMode portalModeFromKey(const QString &key);

/// A portal account the library publishes to. The password is not here: it
/// lives in the OS keychain (or, where none runs, only in memory).
struct PortalInfo
{
    qint64 id = 0;
    QString kind = QStringLiteral("wordpress");
    QString name; ///< what the user calls it; unique
    QString baseUrl;
    QString username;
    PortalMode mode = PortalMode::Unknown; ///< found by the last connection test
    bool allowPlainHttp = false;           ///< the user confirmed http:// to a non-local host
    bool createTerms = true;               ///< create missing categories and cities on the portal
    int titleLimit = 0;                    ///< the portal's own limits; 0 = none
    int bodyLimit = 0;
    QDateTime lastPull; ///< newest remote modification a pull has seen (UTC)
};

/// The portals table: add, edit, remove and look up portal accounts.
class PortalRepository
{
public:
    explicit PortalRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The new portal's id. Names are unique so that the user can tell portals apart.
    Result<qint64> add(const PortalInfo &portal);
    /// Saves every field of an existing portal (by id).
    Result<void> update(const PortalInfo &portal);
    /// Removes the portal with its term map and its record of remote posts.
    Result<void> remove(qint64 id);
    /// Every portal, by name.
    Result<QList<PortalInfo>> all();
    Result<PortalInfo> portal(qint64 id);
    Result<PortalInfo> portalByName(const QString &name);

    Result<void> setMode(qint64 id, PortalMode mode);
    Result<void> setLastPull(qint64 id, const QDateTime &when);

private:
    Result<void> checkName(const QString &name, qint64 exceptId);
    Result<PortalInfo> readOne(const QString &where, const QVariant &key);

    QSqlDatabase m_db;
};

} // namespace ListingDesk
