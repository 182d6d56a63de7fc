#include "termresolver.h"

#include "synclog.h"

#include <QCoreApplication>

namespace ListingDesk {

namespace {

const QString categoriesTaxonomy = QStringLiteral("categories");

PortalError permanent(const QString &message)
{
    PortalError error;
    error.kind = PortalError::Kind::Permanent;
    error.message = message;
    return error;
}

PortalError storageError(const Error &error)
{
    return permanent(error.message);
}

} // namespace

TermResolver::TermResolver(Library &library, WordPressClient *client, PortalInfo portal,
                           QObject *parent)
    : QObject(parent), m_library(library), m_client(client), m_portal(std::move(portal))
{
}

QString TermResolver::cityTaxonomy() const
{
    return m_portal.mode == PortalMode::Plain ? QStringLiteral("tags") : QStringLiteral("city");
}

void TermResolver::withTerms(const QString &taxonomy, Done<bool> done)
{
    if (m_terms.contains(taxonomy))
        return done(true);
    // Jobs running side by side share one fetch of the portal's terms.
    auto waiting = m_fetching.find(taxonomy);
    if (waiting != m_fetching.end()) {
        waiting->append(std::move(done));
        return;
    }
    if (!m_client)
        return done(permanent(tr("The portal connection was closed.")));
    m_fetching.insert(taxonomy, {std::move(done)});
    m_client->fetchTerms(taxonomy, this,
                         [this, taxonomy](const PortalResult<QList<RemoteTerm>> &terms) {
                             PortalResult<bool> result = true;
                             if (terms)
                                 m_terms.insert(taxonomy, terms.value());
                             else
                                 result = terms.error();
                             const QList<Done<bool>> waiters = m_fetching.take(taxonomy);
                             for (const Done<bool> &waiter : waiters)
                                 waiter(result);
                         });
}

void TermResolver::loadRemoteTerms(Done<bool> done)
{
    withTerms(categoriesTaxonomy, [this, done](const PortalResult<bool> &categories) {
        if (!categories)
            return done(categories);
        withTerms(cityTaxonomy(), done);
    });
}

std::optional<RemoteTerm> TermResolver::match(const QString &taxonomy, const Link &link,
                                              qint64 parentId) const
{
    for (const RemoteTerm &term : m_terms.value(taxonomy)) {
        // Cities are found by code, whatever the portal calls them; categories
        // by name under the same parent, as an editor on the site would see them.
        if (!link.slug.isEmpty() ? term.slug == link.slug
                                 : (term.name == link.name && term.parent == parentId))
            return term;
    }
    return std::nullopt;
}

void TermResolver::ensureChain(const QString &taxonomy, TermKind kind, QList<Link> chain,
                               qint64 parentId, Done<qint64> done)
{
    if (chain.isEmpty())
        return done(parentId);
    const Link link = chain.takeFirst();
    auto next = [this, taxonomy, kind, chain, done, link](qint64 id, const QString &name) {
        if (auto recorded = m_library.portalTerms().setTerm(m_portal.id, kind, link.localKey,
                                                            QString::number(id), name, true);
            !recorded)
            return done(storageError(recorded.error()));
        ensureChain(taxonomy, kind, chain, id, done);
    };

    // A recorded mapping is trusted only while the portal still has the term:
    // an editor may have deleted it on the site.
    auto recorded = m_library.portalTerms().term(m_portal.id, kind, link.localKey);
    if (!recorded)
        return done(storageError(recorded.error()));
    if (recorded.value() && !recorded.value()->accepted)
        return done(
            permanent(tr("The portal \"%1\" does not accept %2.").arg(m_portal.name, link.name)));
    const qint64 recordedId = recorded.value() ? recorded.value()->remoteId.toLongLong() : 0;
    for (const RemoteTerm &term : m_terms.value(taxonomy)) {
        if (recordedId && term.id == recordedId)
            return ensureChain(taxonomy, kind, chain, term.id, done);
    }
    if (const auto found = match(taxonomy, link, parentId))
        return next(found->id, found->name);
    if (!m_portal.createTerms)
        return done(permanent(
            tr("The portal \"%1\" has no \"%2\", and creating categories and cities there is "
               "turned off for this portal. Create it on the portal or allow it in the portal's "
               "settings.")
                .arg(m_portal.name, link.name)));
    if (!m_client)
        return done(permanent(tr("The portal connection was closed.")));
    // Jobs running side by side wait for one creation of the same term:
    // WordPress's own check for an existing term is not atomic, so two
    // creations at once can leave two terms of one name.
    const QString creating = taxonomy + u'/' + link.localKey;
    auto whenCreated = [next, done](const PortalResult<RemoteTerm> &created) {
        if (!created)
            return done(created.error());
        next(created.value().id, created.value().name);
    };
    auto waiting = m_creating.find(creating);
    if (waiting != m_creating.end()) {
        waiting->append(whenCreated);
        return;
    }
    m_creating.insert(creating, {whenCreated});
    RemoteTerm wanted;
    wanted.name = link.name;
    wanted.slug = link.slug;
    wanted.parent = taxonomy == QLatin1String("tags") ? 0 : parentId;
    qCInfo(lcSync) << "creating" << taxonomy << "term" << link.localKey << "on" << m_portal.name;
    m_client->createTerm(taxonomy, wanted, this,
                         [this, taxonomy, creating](const PortalResult<RemoteTerm> &created) {
                             if (created)
                                 m_terms[taxonomy].append(created.value());
                             const QList<Done<RemoteTerm>> waiters = m_creating.take(creating);
                             for (const Done<RemoteTerm> &waiter : waiters)
                                 waiter(created);
                         });
}

void TermResolver::categoryTerm(qint64 categoryId, Done<qint64> done)
{
    if (categoryId == 0)
        return done(qint64(0));
    const QStringList names = m_library.categories().pathOf(categoryId).split(u'/');
    QList<Link> chain;
    QString path;
    for (const QString &name : names) {
        path = path.isEmpty() ? name : path + u'/' + name;
        auto id = m_library.categories().idForPath(path);
        if (!id)
            return done(storageError(id.error()));
        chain << Link{QString::number(id.value()), name, {}};
    }
    withTerms(categoriesTaxonomy, [this, chain, done](const PortalResult<bool> &loaded) {
        if (!loaded)
            return done(loaded.error());
        ensureChain(categoriesTaxonomy, TermKind::Category, chain, 0, done);
    });
}

void TermResolver::cityTerm(const QString &regionCode, Done<qint64> done)
{
    RegionRepository &regions = m_library.regions();
    const auto region = regions.byCode(regionCode);
    if (!region)
        return done(permanent(tr("Unknown region code %1.").arg(regionCode)));
    QList<Link> chain;
    if (m_portal.mode == PortalMode::Plain) {
        // Tags are flat and their names unique: "朝阳 · 北京", not just "朝阳区".
        chain << Link{regionCode, regions.displayName(regionCode), regionCode};
    } else {
        for (auto r = region; r;
             r = r->parentCode.isEmpty() ? std::nullopt : regions.byCode(r->parentCode))
            chain.prepend(Link{r->code, r->name, r->code});
    }
    const QString taxonomy = cityTaxonomy();
    withTerms(taxonomy, [this, taxonomy, chain, done](const PortalResult<bool> &loaded) {
        if (!loaded)
            return done(loaded.error());
        ensureChain(taxonomy, TermKind::Region, chain, 0, done);
    });
}

qint64 TermResolver::localCategory(qint64 remoteId) const
{
    auto key = m_library.portalTerms().localKeyFor(m_portal.id, TermKind::Category,
                                                   QString::number(remoteId));
    if (key && !key.value().isEmpty())
        return key.value().toLongLong();
    // A category made on the site: take ours of the same path, if any.
    QStringList names;
    qint64 id = remoteId;
    for (int depth = 0; id && depth < 8; ++depth) {
        const auto &terms = m_terms.value(categoriesTaxonomy);
        auto it = std::find_if(terms.begin(), terms.end(),
                               [id](const RemoteTerm &t) { return t.id == id; });
        if (it == terms.end())
            return 0;
        names.prepend(it->name);
        id = it->parent;
    }
    auto local = m_library.categories().idForPath(names.join(u'/'));
    return local ? local.value() : 0;
}

QString TermResolver::localRegion(qint64 remoteId) const
{
    for (const RemoteTerm &term : m_terms.value(cityTaxonomy())) {
        if (term.id == remoteId && m_library.regions().byCode(term.slug))
            return term.slug;
    }
    return {};
}

} // namespace ListingDesk
