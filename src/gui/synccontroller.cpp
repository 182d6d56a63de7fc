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
        m_queue->setSensitiveWords(m_matcher);
        connect(m_queue, &PublishQueue::changed, this, &SyncController::queueChanged);
        connect(m_queue, &PublishQueue::jobChanged, this,
                [this](const OutboxJob &job) { m_unavailable.remove(job.portalId); });
        connect(m_queue, &PublishQueue::idle, this, &SyncController::queueChanged);
        connect(m_queue, &PublishQueue::idle, this, &SyncController::finishBatches);
        connect(m_queue, &PublishQueue::portalUnavailable, this,
                [this](const PortalInfo &portal, const QString &reason, bool needsPassword) {
                    m_unavailable.insert(portal.id, {reason, needsPassword});
                    for (Watch &watch : m_watched) {
                        if (watch.report.portal.id != portal.id)
                            continue;
                        watch.report.connectionProblem = reason;
                        watch.report.needsPassword = needsPassword;
                    }
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
    m_unavailable.clear(); // asked again below
    auto open = m_library.outbox().counts();
    if (open && open.value().open() > 0)
        publishQueue()->start();
}

void SyncController::watchBatch(const PortalInfo &portal, qint64 batchId,
                                const QList<qint64> &listingIds, const QList<PlanProblem> &problems,
                                bool trash)
{
    Watch watch;
    watch.report.portal = portal;
    watch.report.batchId = batchId;
    watch.report.trash = trash;
    watch.report.listingIds = listingIds;
    watch.report.listings = int(listingIds.size());
    for (const PlanProblem &problem : problems)
        watch.report.failures << tr("“%1”: %2")
                                     .arg(problem.title.isEmpty() ? listingTitle(problem.listingId)
                                                                  : problem.title,
                                          problem.reasons.join(u' '));
    watch.listings = listingIds;
    // The queue may have tried the portal and given up before we were told
    // the batch id (a missing password fails at once).
    if (m_queue && !m_queue->isActive() && m_unavailable.contains(portal.id)) {
        watch.report.connectionProblem = m_unavailable.value(portal.id).first;
        watch.report.needsPassword = m_unavailable.value(portal.id).second;
    }
    m_watched.insert(batchId, watch);
    if (m_queue && !m_queue->isActive())
        finishBatches();
}

void SyncController::finishBatches()
{
    const QList<qint64> batches = m_watched.keys();
    for (qint64 batch : batches) {
        auto jobs = m_library.outbox().jobs({0, batch});
        if (!jobs)
            continue;
        Watch &watch = m_watched[batch];
        QHash<qint64, QStringList> failed;
        QSet<qint64> open;
        QSet<qint64> done;
        for (const OutboxJob &job : jobs.value()) {
            if (job.state == OutboxState::Failed)
                failed[job.listingId] << tr("%1: %2").arg(
                    m_library.regions().displayName(job.regionCode), job.lastError);
            else if (!job.isFinished())
                open.insert(job.listingId);
            done.insert(job.listingId);
        }
        // Idle with jobs open means paused or waiting on an unreachable
        // portal: only the latter ends the batch's report.
        if (!open.isEmpty() && watch.report.connectionProblem.isEmpty())
            continue;
        PublishReport report = watch.report;
        for (auto it = failed.cbegin(); it != failed.cend(); ++it)
            report.failures << tr("“%1”: %2").arg(listingTitle(it.key()), it.value().join(u"; "));
        for (const OutboxJob &job : jobs.value()) {
            if (job.state != OutboxState::Published)
                done.remove(job.listingId);
        }
        report.succeeded = int(done.size());
        if (!open.isEmpty() && !report.needsPassword)
            report.connectionProblem +=
                QLatin1Char('\n') +
                tr("%n listing(s) stay in the queue and are sent when the portal can be reached.",
                   nullptr, int(open.size()));
        m_watched.remove(batch);
        emit publishFinished(report);
    }
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
