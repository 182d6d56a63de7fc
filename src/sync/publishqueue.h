#pragma once

#include "library.h"
#include "portalconnector.h"
#include "publishjob.h"
#include "publishplanner.h"
#include "retrypolicy.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>

namespace ListingDesk {

/// How hard the queue may push each portal.
struct PublishQueueSettings
{
    int concurrency = 4;  ///< requests on the wire at once per portal
    int spacingMs = 0;    ///< least time between two requests to one portal
    int leaseMs = 120000; ///< how long a claimed job stays ours without renewal
    RetryPolicy retry;
};

/// How far the jobs of a batch (or of everything queued) got, with an
/// estimate of the time left from the pace of this run.
struct QueueProgress
{
    OutboxCounts counts;
    int secondsLeft = -1; ///< -1 while there is nothing to estimate from
};

/// Drains the outbox: for every portal with due jobs it connects once, runs
/// up to `concurrency` jobs at a time, retries transient failures with
/// backoff (the whole portal waits when it sends Retry-After), fails
/// permanent ones, and records every step in the outbox, so that a quit or a
/// crash at any moment leaves a queue the next start resumes. Shared by the
/// GUI and the CLI. No widgets, no nested event loops.
class PublishQueue : public QObject
{
    Q_OBJECT
public:
    PublishQueue(Library &library, PortalConnector *connector, MediaSource media,
                 QObject *parent = nullptr);
    ~PublishQueue() override;

    void setSettings(const PublishQueueSettings &settings);
    const PublishQueueSettings &settings() const { return m_settings; }
    /// Sensitive words to check each listing against just before sending.
    void setSensitiveWords(const SensitiveWordMatcher *matcher) { m_matcher = matcher; }
    /// Tests fix the jitter.
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }
    /// Who holds our leases: host, process id and a random part.
    QString owner() const { return m_owner; }

    /// Queues the planned jobs as one batch, marks their listings queued and
    /// starts sending. Returns the batch id.
    Result<qint64> enqueue(const PortalInfo &portal, const PublishPlan &plan);

    /// Starts (or resumes after a restart) sending every portal's due jobs.
    /// Releases jobs left "sending" by runs of this machine that died.
    void start();
    /// No new jobs start; running ones finish. Queued jobs stay queued.
    void pause();
    void resume() { start(); }
    bool isPaused() const { return m_paused; }
    /// Waiting jobs in scope are cancelled; running ones finish.
    void cancel(const OutboxScope &scope = {});
    /// Failed jobs in scope are queued again and sending resumes.
    void retryFailed(const OutboxScope &scope = {});
    /// Stops sending and gives running jobs back to the queue, for a quick
    /// exit: what they sent is found again by its key on the next run.
    void stop();

    /// True while any job is in flight or due soon in this process.
    bool isActive() const;
    int jobsInFlight() const;
    QueueProgress progress(const OutboxScope &scope = {});

signals:
    /// A job changed state (started, published, retrying, failed, cancelled).
    void jobChanged(const OutboxJob &job);
    /// Counts changed; cheap to connect a progress bar to.
    void changed();
    /// A portal could not be reached at all; its jobs stay queued.
    /// \a needsPassword: no password was found for it.
    void portalUnavailable(const PortalInfo &portal, const QString &reason, bool needsPassword);
    /// Nothing left to send now: every open job has finished or waits on a
    /// stopped, paused or unreachable portal.
    void idle();

private:
    struct Lane;

    Lane *laneFor(qint64 portalId);
    void connectLane(Lane *lane);
    void pump(Lane *lane);
    void scheduleWake(Lane *lane);
    void jobFinished(Lane *lane, PublishJob *job);
    /// Writes what became of a finished job to the outbox (and remote_posts).
    Result<void> recordOutcome(Lane *lane, PublishJob *job, const QDateTime &now);
    void applyPace(WordPressClient *client) const;
    int jobsAtOnce() const;
    /// \a sent is the version a finished job sent, when there is one.
    void updateListingStatus(qint64 listingId, const Listing *sent = nullptr);
    void releaseDeadOwners();
    /// releaseDeadOwners() at most every releaseIntervalMs, for a running
    /// queue: another client of a shared library may die at any time.
    void releaseDeadOwnersNowAndThen();
    void renewLeases();
    void emitJob(qint64 jobId);
    void checkIdle();

    Library &m_library;
    PortalConnector *m_connector;
    MediaSource m_media;
    const SensitiveWordMatcher *m_matcher = nullptr;
    PublishQueueSettings m_settings;
    QString m_owner;
    QRandomGenerator m_random;
    QHash<qint64, Lane *> m_lanes;
    QTimer m_leaseTimer;
    QElapsedTimer m_runClock;     ///< since the first job of this run started
    QElapsedTimer m_releaseClock; ///< since releaseDeadOwners() last ran
    int m_finishedInRun = 0;
    bool m_paused = false;
    bool m_idleSent = true;
};

} // namespace ListingDesk
