#pragma once

#include "result.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace ListingDesk {

/// What a portal term stands for on our side.
enum class TermKind {
    Category, ///< local key: our category id as text
    Region,   ///< local key: a GB/T 2260 region code
};

/// A portal the library publishes to. The password is not here: it lives in
/// the OS keychain.
struct PortalInfo
{
    qint64 id = 0;
    QString kind; ///< "wordpress"
    QString name; ///< what the user calls it; unique
    QString baseUrl;
    QString username;
};

/// The portals and the map from our categories and regions to each portal's
/// own terms. The portal connection fills the map; the pickers only ask which
/// of our keys a portal refuses, so they can mark them before publishing fails.
class PortalTermRepository
{
public:
    explicit PortalTermRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The new portal's id. Names are unique so that the user can tell portals apart.
    Result<qint64> addPortal(const QString &name, const QString &baseUrl,
                             const QString &username = {});
    /// Every portal, by name.
    Result<QList<PortalInfo>> portals();

    /// Records (or replaces) how the portal names one of our categories or regions.
    Result<void> setTerm(qint64 portalId, TermKind kind, const QString &localKey,
                         const QString &remoteId, const QString &remoteName, bool accepted);
    /// Our keys the portal does not accept. Empty for an unknown portal, and
    /// on a read error (which is logged): the publish step still validates.
    QSet<QString> refusedKeys(qint64 portalId, TermKind kind);

    /// How the kind is stored in portal_terms.kind.
    static QString kindKey(TermKind kind);

private:
    QSqlDatabase m_db;
};

} // namespace ListingDesk
