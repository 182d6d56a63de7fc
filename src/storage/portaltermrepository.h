#pragma once

#include "result.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ListingDesk {

/// What a portal term stands for on our side.
enum class TermKind {
    Category, ///< local key: our category id as text
    Region,   ///< local key: a GB/T 2260 region code
};

/// How a portal names one of our categories or regions.
struct PortalTerm
{
    QString localKey;
    QString remoteId; ///< empty until created or found on the portal
    QString remoteName;
    bool accepted = true;
};

/// The map from our categories and regions to each portal's
/// own terms. The portal connection fills the map; the pickers only ask which
/// of our keys a portal refuses, so they can mark them before publishing fails.
class PortalTermRepository
{
public:
    explicit PortalTermRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// Records (or replaces) how the portal names one of our categories or regions.
    Result<void> setTerm(qint64 portalId, TermKind kind, const QString &localKey,
                         const QString &remoteId, const QString &remoteName, bool accepted);
    /// Our keys the portal does not accept. Empty for an unknown portal, and
    /// on a read error (which is logged): the publish step still validates.
    QSet<QString> refusedKeys(qint64 portalId, TermKind kind);
    /// The recorded term for one of our keys; nullopt when none is recorded yet.
    Result<std::optional<PortalTerm>> term(qint64 portalId, TermKind kind, const QString &localKey);
    /// Our key for a portal term id (pulling maps the portal's terms back);
    /// empty when the term is not ours.
    Result<QString> localKeyFor(qint64 portalId, TermKind kind, const QString &remoteId);

    /// How the kind is stored in portal_terms.kind.
    static QString kindKey(TermKind kind);

private:
    QSqlDatabase m_db;
};

} // namespace ListingDesk
