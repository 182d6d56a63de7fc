#include "publishqueue.h"

#include "listinghash.h"
#include "synclog.h"

#include <QCoreApplication>
#include <QSet>
#include <QSysInfo>
#include <QUuid>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <signal.h>
#include <unistd.h>
#endif

namespace ListingDesk {

namespace {

QDateTime nowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

/// Whether the process that wrote a lease owner on this machine still runs.
/// Owners from other machines (a shared library) count as alive: their
/// leases run out instead.
bool ownerIsAlive(const QString &owner)
{
    const QStringList parts = owner.split(u'/');
    if (parts.size() != 3 || parts.at(0) != QSysInfo::machineHostName())
        return true;
    bool ok = false;
    const qint64 pid = parts.at(1).toLongLong(&ok);
    if (!ok || pid <= 0)
        return true;
#ifdef Q_OS_UNIX
    if (pid == ::getpid())
        return true;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    return true;
#endif
}

/// How often a running queue looks for jobs of dead clients, and polls while
/// other clients hold the only jobs left.
constexpr int releaseIntervalMs = 1000;

} // namespace

struct PublishQueue::Lane
{
    enum class State { Disconnected, Connecting, Ready, Unavailable };

    PortalSession session;
    State state = State::Disconnected;
    QList<PublishJob *> running;
    QDateTime holdUntil; ///< the portal asked us to wait (Retry-After)
    QTimer wake;
};

PublishQueue::PublishQueue(Library &library, PortalConnector *connector, MediaSource media,
                           QObject *parent)
    : QObject(parent), m_library(library), m_connector(connector), m_media(std::move(media)),
      m_owner(QSysInfo::machineHostName() + u'/' +
              QString::number(QCoreApplication::applicationPid()) + u'/' +
              QUuid::createUuid().toString(QUuid::Id128).left(8)),
      m_random(QRandomGenerator::securelySeeded())
{
    m_leaseTimer.setInterval(m_settings.leaseMs / 3);
    connect(&m_leaseTimer, &QTimer::timeout, this, &PublishQueue::renewLeases);
}

PublishQueue::~PublishQueue()
{
    // Jobs still running go back to the queue; the next start sends them
    // again and finds by their key whatever the portal already took.
    stop();
    qDeleteAll(m_lanes);
}

void PublishQueue::setSettings(const PublishQueueSettings &settings)
{
    m_settings = settings;
    m_settings.concurrency = std::max(1, settings.concurrency);
    m_settings.leaseMs = std::max(3000, settings.leaseMs);
    m_leaseTimer.setInterval(m_settings.leaseMs / 3);
    for (Lane *lane : std::as_const(m_lanes)) {
        if (lane->session.client)
            applyPace(lane->session.client);
    }
}

Result<qint64> PublishQueue::enqueue(const PortalInfo &portal, const PublishPlan &plan)
{
    auto batch = m_library.outbox().newBatchId();
    if (!batch)
        return batch.error();
    QSet<qint64> listings;
    for (const OutboxRequest &r : plan.requests)
        listings.insert(r.listingId);
    // The jobs and the listings' "queued" in one commit, however many there are.
    auto queued = m_library.inOneTransaction([&]() -> Result<void> {
        auto ids = m_library.outbox().enqueueInTransaction(portal.id, batch.value(), plan.requests,
                                                           nowUtc());
        if (!ids)
            return ids.error();
        for (qint64 id : std::as_const(listings)) {
            if (auto set = m_library.listings().setStatus(id, ListingStatus::Queued); !set)
                return set;
        }
        return {};
    });
    if (!queued)
        return queued.error();
    qCInfo(lcSync) << "queued" << plan.requests.size() << "jobs for" << listings.size()
                   << "listings to" << portal.name << "as batch" << batch.value();
    Lane *lane = laneFor(portal.id);
    lane->session.portal = portal;
    m_idleSent = false; // this batch ends with an idle(), whatever becomes of it
    emit changed();
    if (!m_paused) {
        if (lane->state == Lane::State::Unavailable)
            lane->state = Lane::State::Disconnected;
        pump(lane);
    }
    return batch.value();
}

PublishQueue::Lane *PublishQueue::laneFor(qint64 portalId)
{
    if (Lane *lane = m_lanes.value(portalId))
        return lane;
    auto *lane = new Lane;
    lane->session.portal.id = portalId;
    lane->session.matcher = m_matcher;
    lane->wake.setSingleShot(true);
    connect(&lane->wake, &QTimer::timeout, this, [this, lane] { pump(lane); });
    m_lanes.insert(portalId, lane);
    return lane;
}

void PublishQueue::start()
{
    m_paused = false;
    m_idleSent = false; // every start ends with one idle(), even with nothing to do
    releaseDeadOwners();
    auto portals = m_library.outbox().portalsWithOpenJobs();
    if (!portals) {
        qCWarning(lcSync) << "cannot read the outbox:" << portals.error().message;
        return;
    }
    for (qint64 id : portals.value()) {
        Lane *lane = laneFor(id);
        if (lane->state == Lane::State::Unavailable)
            lane->state = Lane::State::Disconnected;
        pump(lane);
    }
    checkIdle();
}

void PublishQueue::releaseDeadOwnersNowAndThen()
{
    // Half the poll interval: a wake-up of the poll always finds it due.
    if (m_releaseClock.isValid() && m_releaseClock.elapsed() < releaseIntervalMs / 2)
        return;
    releaseDeadOwners();
}

void PublishQueue::releaseDeadOwners()
{
    m_releaseClock.start();
    if (auto expired = m_library.outbox().releaseExpired(nowUtc()); expired && expired.value() > 0)
        qCInfo(lcSync) << "released" << expired.value() << "jobs whose lease ran out";
    auto owners = m_library.outbox().sendingOwners();
    if (!owners)
        return;
    for (const QString &owner : owners.value()) {
        if (ownerIsAlive(owner))
            continue;
        if (auto released = m_library.outbox().releaseOwner(owner); released)
            qCInfo(lcSync) << "resuming" << released.value() << "jobs of" << owner
                           << "which is no longer running";
    }
}

void PublishQueue::pause()
{
    m_paused = true;
    for (Lane *lane : std::as_const(m_lanes))
        lane->wake.stop();
    emit changed();
    checkIdle();
}

void PublishQueue::cancel(const OutboxScope &scope)
{
    auto open = m_library.outbox().jobs(scope, true);
    if (auto cancelled = m_library.outbox().cancelWaiting(scope, nowUtc()); !cancelled)
        qCWarning(lcSync) << "could not cancel:" << cancelled.error().message;
    if (open) {
        QSet<qint64> listings;
        for (const OutboxJob &job : open.value())
            listings.insert(job.listingId);
        for (qint64 id : listings)
            updateListingStatus(id);
    }
    emit changed();
    checkIdle();
}

void PublishQueue::retryFailed(const OutboxScope &scope)
{
    if (auto retried = m_library.outbox().retryFailed(scope, nowUtc()); !retried)
        qCWarning(lcSync) << "could not retry:" << retried.error().message;
    emit changed();
    start();
}

void PublishQueue::stop()
{
    m_paused = true;
    for (Lane *lane : std::as_const(m_lanes)) {
        lane->wake.stop();
        // Deleting a job skips its callbacks; the lease goes back below.
        qDeleteAll(lane->running);
        lane->running.clear();
    }
    m_leaseTimer.stop();
    if (auto released = m_library.outbox().releaseOwner(m_owner); released && released.value() > 0)
        qCInfo(lcSync) << "gave" << released.value() << "running jobs back to the queue";
}

bool PublishQueue::isActive() const
{
    return !m_idleSent;
}

int PublishQueue::jobsInFlight() const
{
    int n = 0;
    for (const Lane *lane : m_lanes)
        n += int(lane->running.size());
    return n;
}

QueueProgress PublishQueue::progress(const OutboxScope &scope)
{
    QueueProgress p;
    if (auto counts = m_library.outbox().counts(scope))
        p.counts = counts.value();
    // The pace of this run so far: jobs finished per second since the first
    // one started. Good enough for "about 3 minutes left".
    if (m_finishedInRun > 0 && m_runClock.isValid() && p.counts.open() > 0) {
        const double msPerJob = double(m_runClock.elapsed()) / m_finishedInRun;
        p.secondsLeft = int(msPerJob * p.counts.open() / 1000.0 + 0.5);
    }
    return p;
}

void PublishQueue::connectLane(Lane *lane)
{
    lane->state = Lane::State::Connecting;
    auto portal = m_library.portals().portal(lane->session.portal.id);
    if (!portal) {
        lane->state = Lane::State::Unavailable;
        emit portalUnavailable(lane->session.portal, portal.error().message, false);
        return checkIdle();
    }
    lane->session.portal = portal.value();
    m_connector->connectTo(portal.value(), this, [this, lane](const Result<WordPressClient *> &c) {
        if (!c) {
            lane->state = Lane::State::Unavailable;
            qCInfo(lcSync) << "portal" << lane->session.portal.name
                           << "unavailable:" << c.error().message;
            emit portalUnavailable(lane->session.portal, c.error().message,
                                   c.error().kind == Error::Kind::NotFound);
            return checkIdle();
        }
        WordPressClient *client = c.value();
        applyPace(client);
        if (lane->session.client != client) {
            // Later: jobs of the old client may still be unwinding.
            if (lane->session.terms)
                lane->session.terms->deleteLater();
            if (lane->session.media)
                lane->session.media->deleteLater();
            lane->session.client = client;
            lane->session.terms = new TermResolver(m_library, client, lane->session.portal, this);
            lane->session.media =
                new MediaPublisher(m_library, client, lane->session.portal.id, m_media, this);
        }
        lane->state = Lane::State::Ready;
        pump(lane);
    });
}

void PublishQueue::applyPace(WordPressClient *client) const
{
    client->setMinimumSpacingMs(m_settings.spacingMs);
    client->setMaxRequestsInFlight(m_settings.concurrency);
}

int PublishQueue::jobsAtOnce() const
{
    // The client lets `concurrency` requests out at once. Twice as many jobs
    // keep a request waiting for each slot while others read the library and
    // record answers, so the wire is never idle for the queue's own work.
    return 2 * m_settings.concurrency;
}

void PublishQueue::pump(Lane *lane)
{
    if (m_paused)
        return checkIdle();
    // The connector drops a portal's client when its account changes.
    if (lane->state == Lane::State::Ready && !lane->session.client)
        lane->state = Lane::State::Disconnected;
    if (lane->state == Lane::State::Disconnected)
        return connectLane(lane);
    if (lane->state != Lane::State::Ready)
        return checkIdle();
    const QDateTime now = nowUtc();
    if (lane->holdUntil.isValid() && lane->holdUntil > now) {
        lane->wake.start(int(std::min<qint64>(now.msecsTo(lane->holdUntil), 86400000)));
        return checkIdle();
    }
    lane->session.matcher = m_matcher;
    releaseDeadOwnersNowAndThen();
    while (lane->running.size() < jobsAtOnce()) {
        auto claimed = m_library.outbox().claimNext(lane->session.portal.id, m_owner, now,
                                                    now.addMSecs(m_settings.leaseMs));
        if (!claimed) {
            // A busy database (another process writing) clears up; try again soon.
            qCWarning(lcSync) << "cannot take a job:" << claimed.error().message;
            lane->wake.start(1000);
            break;
        }
        if (!claimed.value())
            break;
        if (!m_runClock.isValid())
            m_runClock.start();
        m_idleSent = false;
        auto *job = new PublishJob(m_library, lane->session, *claimed.value(), this);
        lane->running << job;
        connect(job, &PublishJob::finished, this, [this, lane, job] { jobFinished(lane, job); });
        emit jobChanged(job->job());
        job->start();
    }
    if (!lane->running.isEmpty() && !m_leaseTimer.isActive())
        m_leaseTimer.start();
    scheduleWake(lane);
    emit changed();
    checkIdle();
}

void PublishQueue::scheduleWake(Lane *lane)
{
    if (lane->running.size() >= jobsAtOnce())
        return; // a finishing job pumps again
    auto due = m_library.outbox().nextDue(lane->session.portal.id);
    qint64 ms = due && due.value() ? nowUtc().msecsTo(*due.value()) : -1;
    // Jobs other clients of a shared library are sending: poll, so that ours
    // takes them over once their owner is found dead or their lease runs out.
    if (auto others = m_library.outbox().leaseEndOfOthers(lane->session.portal.id, m_owner);
        others && others.value())
        ms = ms < 0 ? releaseIntervalMs : std::min<qint64>(ms, releaseIntervalMs);
    if (ms < 0)
        return;
    // A due job that could not be claimed waits on another of its post: poll.
    lane->wake.start(int(std::clamp<qint64>(ms, 50, 86400000)));
}

void PublishQueue::jobFinished(Lane *lane, PublishJob *job)
{
    lane->running.removeOne(job);
    job->deleteLater();
    const OutboxJob &j = job->job();
    const QDateTime now = nowUtc();
    ++m_finishedInRun;
    // One transaction for the job's outcome and its listing's status: one
    // commit per job, and never a listing that says "published" for a job
    // the outbox still holds.
    auto recorded = m_library.inOneTransaction([&]() -> Result<void> {
        if (auto outcome = recordOutcome(lane, job, now); !outcome)
            return outcome;
        updateListingStatus(j.listingId, &job->listing());
        return {};
    });
    if (!recorded)
        qCWarning(lcSync) << "could not record job" << j.id << ":" << recorded.error().message;
    if (recorded && job->succeeded()) {
        // What the outbox now says, without reading it back.
        OutboxJob done = j;
        done.state = OutboxState::Published;
        done.remoteId = job->remoteId();
        done.url = job->url();
        done.lastError.clear();
        done.leaseOwner.clear();
        done.leaseUntil = {};
        done.finishedAt = now;
        emit jobChanged(done);
    } else {
        emitJob(j.id);
    }
    if (lane->running.isEmpty() && jobsInFlight() == 0)
        m_leaseTimer.stop();
    pump(lane);
}

Result<void> PublishQueue::recordOutcome(Lane *lane, PublishJob *job, const QDateTime &now)
{
    const OutboxJob &j = job->job();
    if (job->succeeded())
        return m_library.outbox().markPublished(j.id, job->remoteId(), job->url(), now);
    const PortalError &error = *job->error();
    const QString message = describe(error);
    if (error.kind == PortalError::Kind::Auth || error.kind == PortalError::Kind::Tls) {
        // Not this listing's fault: every job would fail alike. Keep them
        // queued and tell the user once.
        if (lane->state != Lane::State::Unavailable) {
            lane->state = Lane::State::Unavailable;
            emit portalUnavailable(lane->session.portal, message, false);
        }
        return m_library.outbox().markRetry(j.id, now, message);
    }
    if (m_settings.retry.shouldRetry(error, j.attempts)) {
        const int delay = m_settings.retry.delayMs(error, j.attempts, m_random);
        if (error.retryAfterSeconds >= 0)
            lane->holdUntil = now.addSecs(std::min(error.retryAfterSeconds, 86400));
        qCDebug(lcSync) << "job" << j.id << "retries in" << delay << "ms";
        return m_library.outbox().markRetry(j.id, now.addMSecs(delay), message);
    }
    const QString final =
        error.kind == PortalError::Kind::Transient
            ? tr("Gave up after %n attempts: %1", nullptr, j.attempts).arg(message)
            : message;
    PublishJob::recordFailure(m_library, j, final);
    return m_library.outbox().markFailed(j.id, final, now);
}

void PublishQueue::emitJob(qint64 jobId)
{
    if (auto job = m_library.outbox().job(jobId); job && job.value())
        emit jobChanged(*job.value());
}

void PublishQueue::updateListingStatus(qint64 listingId, const Listing *sent)
{
    // While jobs are open the listing stays "queued"; the outbox has the detail.
    auto open = m_library.outbox().openJobsOfListing(listingId);
    if (!open || open.value() > 0)
        return;
    auto stamp = m_library.listings().stamp(listingId);
    if (!stamp || stamp.value().deleted)
        return;
    // The version just sent is the current one unless it was edited meanwhile;
    // only then is the whole listing read again for its content hash.
    QString hash;
    if (sent && sent->id == listingId && sent->revision == stamp.value().revision) {
        hash = listingContentHash(*sent);
    } else {
        auto listing = m_library.listings().load(listingId);
        if (!listing)
            return;
        hash = listingContentHash(listing.value());
    }
    auto posts = m_library.remotePosts().forListing(listingId);
    if (!posts)
        return;
    bool failed = false, live = false, stale = false;
    for (const RemotePostRecord &post : posts.value()) {
        if (post.state == RemoteState::Failed ||
            (post.state != RemoteState::Deleted && !post.lastError.isEmpty()))
            failed = true;
        if (post.state == RemoteState::Published) {
            live = true;
            stale = stale || post.pushedHash != hash;
        }
    }
    // Edited while it was being sent: the portal has an older version.
    const ListingStatus status = failed  ? ListingStatus::Failed
                                 : stale ? ListingStatus::Modified
                                 : live  ? ListingStatus::Published
                                         : ListingStatus::Ready;
    if (stamp.value().status != status) {
        if (auto set = m_library.listings().setStatus(listingId, status); !set)
            qCWarning(lcSync) << "could not set status:" << set.error().message;
    }
}

void PublishQueue::renewLeases()
{
    if (auto renewed =
            m_library.outbox().renewLeases(m_owner, nowUtc().addMSecs(m_settings.leaseMs));
        !renewed)
        qCWarning(lcSync) << "could not renew leases:" << renewed.error().message;
}

void PublishQueue::checkIdle()
{
    if (jobsInFlight() > 0)
        return;
    bool waiting = false;
    if (!m_paused) {
        for (const Lane *lane : std::as_const(m_lanes)) {
            if (lane->state == Lane::State::Unavailable)
                continue;
            auto counts = m_library.outbox().counts({lane->session.portal.id, 0});
            if (counts && counts.value().queued + counts.value().retrying > 0)
                waiting = true;
            // Not done while other clients send jobs of it: one may die, and
            // then this queue finishes its jobs (see scheduleWake).
            if (!waiting && counts && counts.value().sending > 0) {
                auto others = m_library.outbox().leaseEndOfOthers(lane->session.portal.id, m_owner);
                waiting = others && others.value();
            }
        }
    }
    if (waiting || m_idleSent)
        return;
    m_idleSent = true;
    m_runClock.invalidate();
    m_finishedInRun = 0;
    emit idle();
}

} // namespace ListingDesk
