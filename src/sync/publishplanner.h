#pragma once

#include "library.h"

#include <QCoreApplication>
#include <QDateTime>

namespace ListingDesk {

class SensitiveWordMatcher;

/// Why one listing cannot go, in sentences for the user.
struct PlanProblem
{
    qint64 listingId = 0;
    QString title;
    QStringList reasons;
};

/// The jobs a publish (or unpublish) of a selection comes to, and the
/// listings left out with their reasons; the rest may go ahead.
struct PublishPlan
{
    QList<OutboxRequest> requests;
    QList<PlanProblem> problems;
    int listingsPlanned = 0; ///< listings with at least one job
};

/// Turns "these listings to that portal" into outbox jobs: one per listing and
/// city (the fan-out), create or update as the library knows the post. Checks
/// everything it can without the network first: required fields, sensitive
/// words, the portal's title and body limits, cities that exist, categories
/// and cities the portal refused or may not be asked to create.
class PublishPlanner
{
    Q_DECLARE_TR_FUNCTIONS(PublishPlanner)
public:
    PublishPlanner(Library &library, PortalInfo portal,
                   const SensitiveWordMatcher *matcher = nullptr);

    /// \a cities empty: each listing's own cities. \a publishAtUtc invalid:
    /// now; in the future: scheduled posts.
    PublishPlan planPublish(const QList<qint64> &listingIds, const QStringList &cities = {},
                            const QDateTime &publishAtUtc = {});
    /// Every post of the listings on the portal goes to its trash.
    PublishPlan planTrash(const QList<qint64> &listingIds);
    /// The listing's existing posts on the portal, sent as it is now.
    PublishPlan planUpdate(qint64 listingId);

    /// What keeps \a listing from the portal; empty when it may go. Used
    /// again by each job just before sending, since the listing may have
    /// changed while it waited.
    static QStringList problemsFor(Library &library, const Listing &listing,
                                   const PortalInfo &portal,
                                   const SensitiveWordMatcher *matcher = nullptr);

private:
    Library &m_library;
    PortalInfo m_portal;
    const SensitiveWordMatcher *m_matcher;
};

} // namespace ListingDesk
