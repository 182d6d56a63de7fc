#include "publishplanner.h"

#include "htmlsanitizer.h"
#include "htmltext.h"
#include "sensitivewordmatcher.h"

namespace ListingDesk {

PublishPlanner::PublishPlanner(Library &library, PortalInfo portal,
                               const SensitiveWordMatcher *matcher)
    : m_library(library), m_portal(std::move(portal)), m_matcher(matcher)
{
}

QStringList PublishPlanner::problemsFor(Library &library, const Listing &listing,
                                        const PortalInfo &portal,
                                        const SensitiveWordMatcher *matcher)
{
    if (listing.deleted)
        return {tr("It is in the trash.")};
    QStringList problems = readinessProblems(listing, matcher);
    if (portal.mode == PortalMode::Unknown)
        problems << tr("The connection to \"%1\" has not been tested yet; test it first so that "
                       "ListingDesk knows whether the companion plugin is there.")
                        .arg(portal.name);
    if (portal.titleLimit > 0 && listing.title.size() > portal.titleLimit)
        problems << tr("The title has %1 characters; \"%2\" takes at most %3.")
                        .arg(listing.title.size())
                        .arg(portal.name)
                        .arg(portal.titleLimit);
    if (portal.bodyLimit > 0) {
        const int length = htmlToPlainText(HtmlSanitizer::sanitize(listing.bodyHtml)).size();
        if (length > portal.bodyLimit)
            problems << tr("The article has %1 characters; \"%2\" takes at most %3.")
                            .arg(length)
                            .arg(portal.name)
                            .arg(portal.bodyLimit);
    }
    // A category the portal refused before fails every time; say so now.
    // (One it merely lacks may still be found or created when sending.)
    if (listing.categoryId > 0) {
        auto term = library.portalTerms().term(portal.id, TermKind::Category,
                                               QString::number(listing.categoryId));
        if (term && term.value() && !term.value()->accepted)
            problems << tr("\"%1\" does not take this category.").arg(portal.name);
    }
    return problems;
}

PublishPlan PublishPlanner::planPublish(const QList<qint64> &listingIds, const QStringList &cities,
                                        const QDateTime &publishAtUtc)
{
    PublishPlan plan;
    for (qint64 id : listingIds) {
        auto loaded = m_library.listings().load(id);
        if (!loaded) {
            plan.problems << PlanProblem{id, QString(), {loaded.error().message}};
            continue;
        }
        const Listing &listing = loaded.value();
        QStringList reasons = problemsFor(m_library, listing, m_portal, m_matcher);
        const QStringList targets = cities.isEmpty() ? listing.cityCodes : cities;
        if (targets.isEmpty())
            reasons << tr("It has no city to publish to.");
        QList<OutboxRequest> jobs;
        for (const QString &code : targets) {
            if (!m_library.regions().byCode(code)) {
                reasons << tr("%1 is not a known region code.").arg(code);
                continue;
            }
            auto refused = m_library.portalTerms().term(m_portal.id, TermKind::Region, code);
            if (refused && refused.value() && !refused.value()->accepted) {
                reasons << tr("\"%1\" does not take the city %2.")
                               .arg(m_portal.name, m_library.regions().displayName(code));
                continue;
            }
            auto record = m_library.remotePosts().find(m_portal.id, id, code);
            if (record && record.value() && record.value()->isRemovedOnPortal()) {
                reasons << tr("Its post for %1 was deleted on the portal; it is not re-created "
                              "automatically.")
                               .arg(m_library.regions().displayName(code));
                continue;
            }
            OutboxRequest r;
            r.listingId = id;
            r.regionCode = code;
            r.action = record && record.value() && record.value()->remoteId > 0
                           ? OutboxAction::Update
                           : OutboxAction::Create;
            r.idempotencyKey = clientKeyFor(listing.uuid, code);
            r.publishAt = publishAtUtc;
            jobs << r;
        }
        if (!reasons.isEmpty()) {
            plan.problems << PlanProblem{id, listing.title, reasons};
            continue;
        }
        plan.requests << jobs;
        ++plan.listingsPlanned;
    }
    return plan;
}

PublishPlan PublishPlanner::planTrash(const QList<qint64> &listingIds)
{
    PublishPlan plan;
    for (qint64 id : listingIds) {
        auto posts = m_library.remotePosts().forListing(id);
        if (!posts) {
            plan.problems << PlanProblem{id, QString(), {posts.error().message}};
            continue;
        }
        int planned = 0;
        for (const RemotePostRecord &post : posts.value()) {
            if (post.portalId != m_portal.id || post.state == RemoteState::Deleted)
                continue;
            OutboxRequest r;
            r.listingId = id;
            r.regionCode = post.regionCode;
            r.action = OutboxAction::Trash;
            r.idempotencyKey = post.clientKey;
            plan.requests << r;
            ++planned;
        }
        if (planned > 0) {
            ++plan.listingsPlanned;
        } else {
            auto listing = m_library.listings().load(id);
            plan.problems << PlanProblem{id,
                                         listing ? listing.value().title : QString(),
                                         {tr("It has no post on \"%1\".").arg(m_portal.name)}};
        }
    }
    return plan;
}

PublishPlan PublishPlanner::planUpdate(qint64 listingId)
{
    PublishPlan plan;
    auto posts = m_library.remotePosts().forListing(listingId);
    if (!posts)
        return plan;
    QStringList cities;
    for (const RemotePostRecord &post : posts.value()) {
        if (post.portalId == m_portal.id && post.remoteId > 0 &&
            post.state != RemoteState::Deleted && post.state != RemoteState::Conflict)
            cities << post.regionCode;
    }
    if (!cities.isEmpty())
        plan = planPublish({listingId}, cities);
    return plan;
}

} // namespace ListingDesk
