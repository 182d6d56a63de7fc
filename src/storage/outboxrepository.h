#pragma once

#include "result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ListingDesk {

/// What a publish job does to one (listing, portal, city) post.
enum class OutboxAction {
    Create, ///< no post known yet (still looked up by its key before creating)
    Update, ///< the post exists; send the listing as it is now
    Trash,  ///< unpublish: move the post to the portal's trash
};

enum class OutboxState {
    Queued,    ///< waiting for its turn
    Sending,   ///< a runner holds it (see the lease)
    Retrying,  ///< failed transiently; waits for next_attempt_at
    Published, ///< done (for Trash: the post is in the portal's trash)
    Failed,    ///< failed permanently; the user must act
    Cancelled, ///< the user cancelled it, or a newer job for the same post replaced it
};

QString outboxActionKey(OutboxAction action);
QString outboxStateKey(OutboxState state);
QString outboxStateDisplayName(OutboxState state);
QString outboxActionDisplayName(OutboxAction action);

/// One row of the outbox.
struct OutboxJob
{
    qint64 id = 0;
    qint64 portalId = 0;
    qint64 listingId = 0;
    QString regionCode;
    OutboxAction action = OutboxAction::Create;
    QString idempotencyKey;
    QDateTime publishAt; ///< invalid: publish now; else a scheduled ("future") post
    OutboxState state = OutboxState::Queued;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    qint64 remoteId = 0;
    QString url;
    qint64 batchId = 0;
    QString leaseOwner;
    QDateTime leaseUntil;
    QDateTime createdAt;
    QDateTime finishedAt;
    /// Filled by jobs(): the listing's title, for lists of jobs.
    QString listingTitle;

    bool isWaiting() const
    {
        return state == OutboxState::Queued || state == OutboxState::Retrying;
    }
    bool isFinished() const
    {
        return state == OutboxState::Published || state == OutboxState::Failed ||
               state == OutboxState::Cancelled;
    }
};

/// A job to queue.
struct OutboxRequest
{
    qint64 listingId = 0;
    QString regionCode;
    OutboxAction action = OutboxAction::Create;
    QString idempotencyKey;
    QDateTime publishAt;
    /// Not sent before this time (invalid: at once). Queueing again moves it,
    /// so a listing being edited is updated once the edits settle.
    QDateTime notBefore;
};

/// Jobs per state, for a progress bar.
struct OutboxCounts
{
    int queued = 0;
    int sending = 0;
    int retrying = 0;
    int published = 0;
    int failed = 0;
    int cancelled = 0;

    int total() const { return queued + sending + retrying + published + failed + cancelled; }
    int finished() const { return published + failed + cancelled; }
    int open() const { return queued + sending + retrying; }
};

/// Which jobs a query covers: 0 means any portal / any batch.
struct OutboxScope
{
    qint64 portalId = 0;
    qint64 batchId = 0;
};

/// The persistent publish queue. Every state change is one statement, so a
/// crash at any moment leaves each job in a state the next start can resume
/// from: a job that was being sent keeps its lease owner, and the runner
/// releases leases of owners that are gone. Several clients may drain one
/// outbox at once (a PostgreSQL library, or one SQLite file): claimNext
/// hands each job to one of them, and the statements that change a job
/// re-check its state as they write, so no client undoes another's claim.
class OutboxRepository
{
public:
    explicit OutboxRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// A number for the jobs queued together (one publish dialog, one CLI run).
    Result<qint64> newBatchId();
    /// Queues the jobs in one transaction. A post that already has a waiting
    /// job gets that job changed (action, time, batch) instead of a second one.
    /// Returns the job ids in order.
    Result<QList<qint64>> enqueue(qint64 portalId, qint64 batchId,
                                  const QList<OutboxRequest> &requests, const QDateTime &now);
    /// The same inside a transaction the caller holds (with other changes).
    Result<QList<qint64>> enqueueInTransaction(qint64 portalId, qint64 batchId,
                                               const QList<OutboxRequest> &requests,
                                               const QDateTime &now);

    /// Takes the portal's next due job for \a owner: marks it Sending, counts
    /// the attempt and leases it until \a leaseUntil. Never hands out a job
    /// whose post is being sent by another job. nullopt when nothing is due.
    Result<std::optional<OutboxJob>> claimNext(qint64 portalId, const QString &owner,
                                               const QDateTime &now, const QDateTime &leaseUntil);
    /// Extends the leases of every job \a owner is sending.
    Result<void> renewLeases(const QString &owner, const QDateTime &until);

    Result<void> markPublished(qint64 jobId, qint64 remoteId, const QString &url,
                               const QDateTime &now);
    /// Back to waiting after a transient error. When a newer job for the same
    /// post was queued meanwhile, this one is cancelled instead: the newer one
    /// sends the listing as it is now anyway.
    Result<void> markRetry(qint64 jobId, const QDateTime &nextAttempt, const QString &error);
    Result<void> markFailed(qint64 jobId, const QString &error, const QDateTime &now);

    /// Puts every job \a owner is sending back in the queue (pause, quit);
    /// attempts made stay counted. Returns how many.
    Result<int> releaseOwner(const QString &owner);
    /// Puts back jobs whose lease ran out (their runner died elsewhere).
    Result<int> releaseExpired(const QDateTime &now);
    /// Distinct owners of jobs being sent, for finding dead local runners.
    Result<QStringList> sendingOwners();
    /// When the first lease ends among the portal's jobs that owners other
    /// than \a owner are sending (other clients of a shared library); nullopt
    /// when there are none. A runner waits for those before calling it a day.
    Result<std::optional<QDateTime>> leaseEndOfOthers(qint64 portalId, const QString &owner);

    /// Waiting jobs in scope become Cancelled. Jobs being sent finish.
    Result<int> cancelWaiting(const OutboxScope &scope, const QDateTime &now);
    /// Failed jobs in scope are queued again, with their attempts reset.
    Result<int> retryFailed(const OutboxScope &scope, const QDateTime &now);

    Result<OutboxCounts> counts(const OutboxScope &scope = {});
    /// Jobs in scope, oldest first, with their listing titles; \a openOnly
    /// limits to queued, sending and retrying.
    Result<QList<OutboxJob>> jobs(const OutboxScope &scope = {}, bool openOnly = false,
                                  int limit = -1);
    Result<std::optional<OutboxJob>> job(qint64 jobId);
    /// The earliest next attempt among the portal's waiting jobs.
    Result<std::optional<QDateTime>> nextDue(qint64 portalId);
    /// Portals with queued, sending or retrying jobs.
    Result<QList<qint64>> portalsWithOpenJobs();
    /// Open (waiting or sending) jobs of one listing, any portal.
    Result<int> openJobsOfListing(qint64 listingId);

private:
    /// Puts jobs being sent that match \a where back in the queue (due at
    /// \a nextAttempt, or when they were due if invalid). Returns how many.
    Result<int> release(const QString &where, const QVariantList &params,
                        const QDateTime &nextAttempt, const QDateTime &now);
    Result<QList<OutboxJob>> select(const QString &where, const QVariantList &params,
                                    const QString &tail = {});

    QSqlDatabase m_db;
};

} // namespace ListingDesk
