#include "synccontroller.h"

#include "publishqueue.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSet>

namespace ListingDesk {

namespace {

bool isMissingPassword(const Error &error)
{
    return error.kind == Error::Kind::NotFound;
}

} // namespace

SyncController::SyncController(Library &library, QObject *parent)
    : QObject(parent), m_library(library), m_credentials(new CredentialStore(this))
{
}

SyncController::~SyncController() = default;

void SyncController::setNetworkAccessManager(QNetworkAccessManager *nam)
{
    m_nam = nam;
    // The connector's clients hold the old manager, and the queue the connector.
    delete m_queue;
    m_queue = nullptr;
    delete m_connector;
    m_connector = nullptr;
}

QNetworkAccessManager *SyncController::networkAccessManager()
{
    if (!m_nam) {
        m_ownNam = new QNetworkAccessManager(this);
        // Redirects stay on the same origin; the client decides about others.
        m_ownNam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
        m_nam = m_ownNam;
    }
    return m_nam;
}

PortalConnector *SyncController::connector()
{
    if (!m_connector) {
        m_connector = new PortalConnector(m_library, m_credentials, networkAccessManager(), this);
        m_connector->setTimeoutMs(m_timeoutMs);
    }
    return m_connector;
}

void SyncController::setTimeoutMs(int ms)
{
    m_timeoutMs = ms;
    if (m_connector)
        m_connector->setTimeoutMs(ms);
}

void SyncController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

PublishQueue *SyncController::publishQueue()
{
    if (!m_queue) {
        m_queue = new PublishQueue(m_library, connector(), mediaSourceOf(m_library), this);
        m_queue->setSettings(m_queueSettings);
        connect(m_queue, &PublishQueue::changed, this, &SyncController::reportQueueProgress);
        connect(m_queue, &PublishQueue::idle, this, &SyncController::finishBatch);
        connect(m_queue, &PublishQueue::portalUnavailable, this,
                [this](const PortalInfo &portal, const QString &reason, bool needsPassword) {
                    if (m_batch == 0 || portal.id != m_report.portal.id)
                        return;
                    m_report.connectionProblem = reason;
                    m_report.needsPassword = needsPassword;
                });
    }
    return m_queue;
}

void SyncController::setQueueSettings(const PublishQueueSettings &settings)
{
    m_queueSettings = settings;
    if (m_queue)
        m_queue->setSettings(settings);
}

void SyncController::resumeQueue()
{
    auto open = m_library.outbox().counts();
    if (open && open.value().open() > 0)
        publishQueue()->start();
}

void SyncController::publish(const PortalInfo &portal, const QList<qint64> &listingIds)
{
    if (m_busy || listingIds.isEmpty())
        return;
    PublishPlanner planner(m_library, portal, m_matcher);
    const PublishPlan plan = planner.planPublish(listingIds);
    m_report = PublishReport{};
    m_report.portal = portal;
    m_report.listings = int(listingIds.size());
    for (const PlanProblem &problem : plan.problems)
        m_report.failures << tr("“%1”: %2")
                                 .arg(problem.title.isEmpty() ? listingTitle(problem.listingId)
                                                              : problem.title,
                                      problem.reasons.join(u' '));
    if (plan.requests.isEmpty()) {
        emit publishFinished(m_report);
        return;
    }
    auto batch = publishQueue()->enqueue(portal, plan);
    if (!batch) {
        m_report.connectionProblem = batch.error().message;
        emit publishFinished(m_report);
        return;
    }
    m_batch = batch.value();
    m_batchListings = listingIds;
    setBusy(true);
    emit progress(tr("Connecting to %1…").arg(portal.name), 0, int(plan.requests.size()));
    publishQueue()->start();
}

void SyncController::reportQueueProgress()
{
    if (m_batch == 0)
        return;
    const QueueProgress p = m_queue->progress({0, m_batch});
    emit progress(tr("Publishing to %1: %2 of %3 posts…")
                      .arg(m_report.portal.name)
                      .arg(p.counts.finished())
                      .arg(p.counts.total()),
                  p.counts.finished(), p.counts.total());
}

void SyncController::finishBatch()
{
    if (m_batch == 0)
        return;
    auto jobs = m_library.outbox().jobs({0, m_batch});
    QHash<qint64, QStringList> failed;
    QSet<qint64> open;
    if (jobs) {
        for (const OutboxJob &job : jobs.value()) {
            if (job.state == OutboxState::Failed)
                failed[job.listingId] << tr("%1: %2").arg(
                    m_library.regions().displayName(job.regionCode), job.lastError);
            else if (!job.isFinished())
                open.insert(job.listingId);
        }
    }
    for (auto it = failed.cbegin(); it != failed.cend(); ++it)
        m_report.failures << tr("“%1”: %2").arg(listingTitle(it.key()), it.value().join(u"; "));
    for (qint64 id : std::as_const(m_batchListings)) {
        auto listing = m_library.listings().load(id);
        if (listing && listing.value().status == ListingStatus::Published)
            ++m_report.succeeded;
    }
    if (!open.isEmpty() && m_report.connectionProblem.isEmpty())
        m_report.connectionProblem =
            tr("%n listings stay in the queue and are sent when the portal can be reached.",
               nullptr, int(open.size()));
    m_batch = 0;
    m_batchListings.clear();
    emit progress({}, 0, 0);
    setBusy(false);
    emit publishFinished(m_report);
}

void SyncController::pull(const PortalInfo &portal)
{
    if (m_busy)
        return;
    setBusy(true);
    emit progress(tr("Connecting to %1…").arg(portal.name), 0, 0);
    connector()->connectTo(portal, this, [this, portal](const Result<WordPressClient *> &client) {
        if (!client) {
            PullReport report;
            report.portal = portal;
            report.failure = client.error().message;
            report.needsPassword = isMissingPassword(client.error());
            setBusy(false);
            emit pullFinished(report);
            return;
        }
        auto *operation = new PullOperation(m_library, client.value(), portal, this);
        connect(operation, &PullOperation::progress, this, [this, portal](int done, int total) {
            emit progress(
                tr("Pulling from %1: %2 of %3 posts…").arg(portal.name).arg(done).arg(total), done,
                total);
        });
        connect(operation, &PullOperation::finished, this, [this, operation, portal] {
            operation->deleteLater();
            PullReport report;
            // The pull moved lastPull on; hand the caller the fresh account.
            auto fresh = m_library.portals().portal(portal.id);
            report.portal = fresh ? fresh.value() : portal;
            report.summary = operation->summary();
            if (auto failure = operation->failure())
                report.failure = describe(*failure);
            emit progress({}, 0, 0);
            setBusy(false);
            emit pullFinished(report);
        });
        operation->start();
    });
}

QString SyncController::listingTitle(qint64 id)
{
    auto listing = m_library.listings().load(id);
    if (!listing || listing.value().title.isEmpty())
        return tr("(untitled)");
    return listing.value().title;
}

} // namespace ListingDesk
