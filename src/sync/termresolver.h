#pragma once

#include "library.h"
#include "wordpressclient.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace ListingDesk {

/// Maps our categories and regions to a portal's terms, and back. Known
/// mappings come from the library (portal_terms); unknown ones are looked up
/// on the portal (categories by name under their parent, cities by their
/// GB/T 2260 slug) and, when the portal account allows it, created there,
/// parents first. Every answer is remembered per portal.
///
/// Categories are WordPress categories. Cities are the companion plugin's
/// hierarchical `city` taxonomy (province > city > county), or on plain
/// WordPress a tag whose slug is the region code.
class TermResolver : public QObject
{
    Q_OBJECT
public:
    template <class T> using Done = std::function<void(const PortalResult<T> &)>;

    TermResolver(Library &library, WordPressClient *client, PortalInfo portal,
                 QObject *parent = nullptr);

    /// The portal's term id for our category (0 when \a categoryId is 0).
    void categoryTerm(qint64 categoryId, Done<qint64> done);
    /// The portal's city term (or tag) id for a region code.
    void cityTerm(const QString &regionCode, Done<qint64> done);

    /// Loads the portal's category and city terms, so that the reverse
    /// lookups below can answer for posts made on the portal.
    void loadRemoteTerms(Done<bool> done);
    /// Our category for a portal category id; 0 when unknown.
    qint64 localCategory(qint64 remoteId) const;
    /// Our region code for a portal city term (or tag) id; empty when unknown.
    QString localRegion(qint64 remoteId) const;

private:
    struct Link
    {
        QString localKey; ///< category id or region code
        QString name;
        QString slug; ///< empty: let WordPress choose (categories)
    };
    using TermList = QList<RemoteTerm>;

    QString cityTaxonomy() const;
    void withTerms(const QString &taxonomy, Done<bool> done);
    void ensureChain(const QString &taxonomy, TermKind kind, QList<Link> chain, qint64 parentId,
                     Done<qint64> done);
    std::optional<RemoteTerm> match(const QString &taxonomy, const Link &link,
                                    qint64 parentId) const;

    Library &m_library;
    QPointer<WordPressClient> m_client;
    PortalInfo m_portal;
    QHash<QString, TermList> m_terms;             // taxonomy -> the portal's terms, once fetched
    QHash<QString, QList<Done<bool>>> m_fetching; // taxonomy -> who waits for its fetch
    QHash<QString, QList<Done<RemoteTerm>>> m_creating; // "taxonomy/key" -> who waits for it
};

} // namespace ListingDesk
