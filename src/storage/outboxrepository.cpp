#include "outboxrepository.h"

#include "sqldialect.h"
#include "sqlstatement.h"

#include <QCoreApplication>

namespace ListingDesk {

namespace {

const QString columns = QStringLiteral(
    "o.id, o.portal_id, o.listing_id, o.region_code, o.action, o.idempotency_key, o.publish_at, "
    "o.state, o.attempts, o.next_attempt_at, o.last_error, o.remote_id, o.url, o.batch_id, "
    "o.lease_owner, o.lease_until, o.created_at, o.finished_at, l.title");

const QString waitingStates = QStringLiteral("('queued', 'retrying')");

OutboxAction actionFromKey(const QString &key)
{
    if (key == QLatin1String("update"))
        return OutboxAction::Update;
    if (key == QLatin1String("trash"))
        return OutboxAction::Trash;
    return OutboxAction::Create;
}

OutboxState stateFromKey(const QString &key)
{
    for (OutboxState s : {OutboxState::Sending, OutboxState::Retrying, OutboxState::Published,
                          OutboxState::Failed, OutboxState::Cancelled}) {
        if (outboxStateKey(s) == key)
            return s;
    }
    return OutboxState::Queued;
}

OutboxJob jobFrom(const QSqlQuery &q)
{
    OutboxJob j;
    j.id = q.value(0).toLongLong();
    j.portalId = q.value(1).toLongLong();
    j.listingId = q.value(2).toLongLong();
    j.regionCode = q.value(3).toString();
    j.action = actionFromKey(q.value(4).toString());
    j.idempotencyKey = q.value(5).toString();
    j.publishAt = timeFromSql(q.value(6));
    j.state = stateFromKey(q.value(7).toString());
    j.attempts = q.value(8).toInt();
    j.nextAttemptAt = timeFromSql(q.value(9));
    j.lastError = q.value(10).toString();
    j.remoteId = q.value(11).toLongLong();
    j.url = q.value(12).toString();
    j.batchId = q.value(13).toLongLong();
    j.leaseOwner = q.value(14).toString();
    j.leaseUntil = timeFromSql(q.value(15));
    j.createdAt = timeFromSql(q.value(16));
    j.finishedAt = timeFromSql(q.value(17));
    j.listingTitle = q.value(18).toString();
    return j;
}

/// "o.portal_id = ? AND o.batch_id = ?" for the parts of the scope that are set.
QString scopeWhere(const OutboxScope &scope, QVariantList *params, const QString &table = {})
{
    QStringList parts{QStringLiteral("1 = 1")};
    if (scope.portalId > 0) {
        parts << table + QStringLiteral("portal_id = ?");
        *params << scope.portalId;
    }
    if (scope.batchId > 0) {
        parts << table + QStringLiteral("batch_id = ?");
        *params << scope.batchId;
    }
    return parts.join(QStringLiteral(" AND "));
}

} // namespace

QString outboxActionKey(OutboxAction action)
{
    switch (action) {
    case OutboxAction::Create:
        return QStringLiteral("create");
    case OutboxAction::Update:
        return QStringLiteral("update");
    case OutboxAction::Trash:
        return QStringLiteral("trash");
    }
    return QStringLiteral("create");
}

QString outboxStateKey(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued:
        return QStringLiteral("queued");
    case OutboxState::Sending:
        return QStringLiteral("sending");
    case OutboxState::Retrying:
        return QStringLiteral("retrying");
    case OutboxState::Published:
        return QStringLiteral("published");
    case OutboxState::Failed:
        return QStringLiteral("failed");
    case OutboxState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("queued");
}

QString outboxStateDisplayName(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued:
        return QCoreApplication::translate("OutboxState", "Queued");
    case OutboxState::Sending:
        return QCoreApplication::translate("OutboxState", "Sending");
    case OutboxState::Retrying:
        return QCoreApplication::translate("OutboxState", "Retrying");
    case OutboxState::Published:
        return QCoreApplication::translate("OutboxState", "Done");
    case OutboxState::Failed:
        return QCoreApplication::translate("OutboxState", "Failed");
    case OutboxState::Cancelled:
        return QCoreApplication::translate("OutboxState", "Cancelled");
    }
    return {};
}

QString outboxActionDisplayName(OutboxAction action)
{
    switch (action) {
    case OutboxAction::Create:
        return QCoreApplication::translate("OutboxAction", "Publish");
    case OutboxAction::Update:
        return QCoreApplication::translate("OutboxAction", "Update");
    case OutboxAction::Trash:
        return QCoreApplication::translate("OutboxAction", "Unpublish");
    }
    return {};
}

Result<qint64> OutboxRepository::newBatchId()
{
    // Batches only group jobs for progress; a number above every one in use
    // is enough, and a job row carries it, so no table of its own.
    SqlStatement q(m_db, QStringLiteral("SELECT COALESCE(MAX(batch_id), 0) + 1 FROM outbox"));
    if (auto done = q.exec(); !done)
        return done.error();
    return q.next() ? q.value(0).toLongLong() : qint64(1);
}

Result<QList<qint64>> OutboxRepository::enqueue(qint64 portalId, qint64 batchId,
                                                const QList<OutboxRequest> &requests,
                                                const QDateTime &now)
{
    return inTransaction(m_db,
                         [&] { return enqueueInTransaction(portalId, batchId, requests, now); });
}

Result<QList<qint64>> OutboxRepository::enqueueInTransaction(qint64 portalId, qint64 batchId,
                                                             const QList<OutboxRequest> &requests,
                                                             const QDateTime &now)
{
    // One upsert per job on the partial unique index of waiting jobs, not a
    // look-up followed by an UPDATE or an INSERT: between those two another
    // client (PostgreSQL) could claim the waiting job, and the UPDATE would
    // then put a job being sent back in the queue; or two clients could both
    // find no waiting job and both insert one. The upsert decides on the row
    // as it is when the statement runs: PostgreSQL waits for a claim in
    // progress and then inserts, because the claimed job no longer conflicts.
    SqlStatement upsert(
        m_db,
        QStringLiteral("INSERT INTO outbox (portal_id, listing_id, region_code, action, "
                       "idempotency_key, publish_at, state, attempts, next_attempt_at, "
                       "batch_id, created_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?) "
                       "ON CONFLICT (portal_id, listing_id, region_code) WHERE state IN ") +
            waitingStates +
            QStringLiteral(" DO UPDATE SET action = excluded.action, idempotency_key = "
                           "excluded.idempotency_key, publish_at = excluded.publish_at, "
                           "batch_id = excluded.batch_id, state = 'queued', attempts = 0, "
                           "next_attempt_at = excluded.next_attempt_at, last_error = '' "
                           "RETURNING id"));
    QList<qint64> ids;
    for (const OutboxRequest &r : requests) {
        const QDateTime due = r.notBefore.isValid() && r.notBefore > now ? r.notBefore : now;
        if (auto done = upsert.exec({portalId, r.listingId, r.regionCode, outboxActionKey(r.action),
                                     r.idempotencyKey, sqlTime(r.publishAt), sqlTime(due), batchId,
                                     sqlTime(now)});
            !done)
            return done.error();
        if (!upsert.next())
            return makeError(Error::Kind::Database, QStringLiteral("no id for a queued job"));
        ids << upsert.value(0).toLongLong();
        upsert.query().finish();
    }
    return ids;
}

Result<std::optional<OutboxJob>> OutboxRepository::claimNext(qint64 portalId, const QString &owner,
                                                             const QDateTime &now,
                                                             const QDateTime &leaseUntil)
{
    // One statement. SQLite has one writer at a time, so no two runners can
    // take the same row. On PostgreSQL (READ COMMITTED) the inner SELECT would
    // let two sessions pick the same row, and the second UPDATE would take
    // it again once the first commits (it re-checks only "id = X"). So the
    // SELECT locks the row it picks and skips rows other sessions locked
    // (SqlDialect::lockSkippingLocked), and the UPDATE checks the state again.
    //
    // Never two jobs of one post sending, across clients: the partial unique
    // index allows one waiting job per post at a time. A second one can be
    // queued only after the first stopped waiting, i.e. after its claim
    // committed, so any snapshot that shows the second job waiting also shows
    // the first as sending, and NOT EXISTS skips the second. A session whose
    // snapshot is older than that claim sees the first job still waiting; it
    // cannot lock it while the claim is open, and afterwards PostgreSQL
    // re-reads the row, finds it sending and skips it.
    SqlStatement claim(
        m_db,
        QStringLiteral(
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1, lease_owner = ?, "
            "lease_until = ? WHERE id = (SELECT w.id FROM outbox w WHERE w.portal_id = ? AND "
            "w.state IN ('queued', 'retrying') AND w.next_attempt_at <= ? AND NOT EXISTS "
            "(SELECT 1 FROM outbox s WHERE s.state = 'sending' AND s.portal_id = w.portal_id AND "
            "s.listing_id = w.listing_id AND s.region_code = w.region_code) "
            "ORDER BY w.next_attempt_at, w.id LIMIT 1") +
            SqlDialect::of(m_db).lockSkippingLocked(QStringLiteral("w")) +
            QStringLiteral(") AND state IN ('queued', 'retrying') RETURNING id"));
    if (auto done = claim.exec({owner, sqlTime(leaseUntil), portalId, sqlTime(now)}); !done)
        return done.error();
    if (!claim.next())
        return std::optional<OutboxJob>();
    const qint64 id = claim.value(0).toLongLong();
    claim.query().finish();
    return job(id);
}

Result<void> OutboxRepository::renewLeases(const QString &owner, const QDateTime &until)
{
    SqlStatement q(m_db, QStringLiteral("UPDATE outbox SET lease_until = ? WHERE state = "
                                        "'sending' AND lease_owner = ?"));
    return q.exec({sqlTime(until), owner});
}

Result<void> OutboxRepository::markPublished(qint64 jobId, qint64 remoteId, const QString &url,
                                             const QDateTime &now)
{
    SqlStatement q(m_db, QStringLiteral("UPDATE outbox SET state = 'published', remote_id = ?, "
                                        "url = ?, last_error = '', lease_owner = '', "
                                        "lease_until = NULL, finished_at = ? WHERE id = ?"));
    return q.exec(
        {remoteId > 0 ? QVariant(remoteId) : QVariant(), sqlText(url), sqlTime(now), jobId});
}

Result<void> OutboxRepository::markRetry(qint64 jobId, const QDateTime &nextAttempt,
                                         const QString &error)
{
    // Two statements without a transaction of their own, so that callers can
    // group them with more: a crash between them leaves the job "sending",
    // which is released and retried like any job of a dead run. Both check
    // "sending", so a job that finished meanwhile is left as it is. (A job
    // another client took over after our lease ran out is not told apart from
    // ours: renewing the lease while the job runs keeps that from happening.)
    // On PostgreSQL a client queueing the same post at this very moment may
    // win the race for the one waiting slot: then the UPDATE fails on the
    // unique index, the job stays "sending" under our lease, and the release
    // when the runner stops cancels it in favour of the new one.
    SqlStatement back(
        m_db, QStringLiteral("UPDATE outbox SET state = 'retrying', next_attempt_at = ?, "
                             "last_error = ?, lease_owner = '', lease_until = NULL WHERE id = ? "
                             "AND state = 'sending' AND NOT EXISTS (SELECT 1 FROM outbox n "
                             "WHERE n.id <> outbox.id AND n.portal_id = "
                             "outbox.portal_id AND n.listing_id = outbox.listing_id AND "
                             "n.region_code = outbox.region_code AND n.state IN ") +
                  waitingStates + u')');
    if (auto done = back.exec({sqlTime(nextAttempt), sqlText(error), jobId}); !done)
        return done;
    if (back.rowsAffected() > 0)
        return {};
    SqlStatement superseded(m_db,
                            QStringLiteral("UPDATE outbox SET state = 'cancelled', last_error = ?, "
                                           "lease_owner = '', lease_until = NULL, finished_at = ? "
                                           "WHERE id = ? AND state = 'sending'"));
    return superseded.exec(
        {QCoreApplication::translate("OutboxRepository", "Replaced by a newer job: %1").arg(error),
         sqlTime(nextAttempt), jobId});
}

Result<void> OutboxRepository::markFailed(qint64 jobId, const QString &error, const QDateTime &now)
{
    SqlStatement q(m_db, QStringLiteral("UPDATE outbox SET state = 'failed', last_error = ?, "
                                        "lease_owner = '', lease_until = NULL, finished_at = ? "
                                        "WHERE id = ?"));
    return q.exec({sqlText(error), sqlTime(now), jobId});
}

Result<int> OutboxRepository::releaseOwner(const QString &owner)
{
    // Not a failure: the next attempt may start at once.
    return release(QStringLiteral("lease_owner = ?"), {owner}, {}, QDateTime::currentDateTimeUtc());
}

Result<int> OutboxRepository::releaseExpired(const QDateTime &now)
{
    return release(QStringLiteral("lease_until < ?"), {sqlTime(now)}, now, now);
}

Result<int> OutboxRepository::release(const QString &where, const QVariantList &params,
                                      const QDateTime &nextAttempt, const QDateTime &now)
{
    // Set-based, and every statement checks "sending" and the lease again as
    // it changes the row: several clients may release the same expired lease
    // at once, and meanwhile a third may have claimed the released job anew
    // (with a fresh lease, which the condition no longer matches). A look-up
    // followed by one UPDATE per id would put that third client's job back.
    // First the jobs that simply wait again; then those whose post got a
    // newer waiting job meanwhile, which are replaced by it.
    const QString sending = QStringLiteral(" WHERE state = 'sending' AND ") + where;
    SqlStatement back(
        m_db, QStringLiteral("UPDATE outbox SET state = 'retrying', ") +
                  (nextAttempt.isValid() ? QStringLiteral("next_attempt_at = ?, ") : QString()) +
                  QStringLiteral("lease_owner = '', lease_until = NULL") + sending +
                  QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM outbox n WHERE n.id <> "
                                 "outbox.id AND n.portal_id = outbox.portal_id AND n.listing_id = "
                                 "outbox.listing_id AND n.region_code = outbox.region_code AND "
                                 "n.state IN ") +
                  waitingStates + u')');
    QVariantList backParams = params;
    if (nextAttempt.isValid())
        backParams.prepend(sqlTime(nextAttempt));
    if (auto done = back.exec(backParams); !done)
        return done.error();
    const int waiting = back.rowsAffected();
    SqlStatement superseded(m_db, QStringLiteral("UPDATE outbox SET state = 'cancelled', "
                                                 "last_error = replace(?, '%1', last_error), "
                                                 "lease_owner = '', lease_until = NULL, "
                                                 "finished_at = ?") +
                                      sending);
    QVariantList supersededParams{
        QCoreApplication::translate("OutboxRepository", "Replaced by a newer job: %1"),
        sqlTime(now)};
    supersededParams << params;
    if (auto done = superseded.exec(supersededParams); !done)
        return done.error();
    return waiting + superseded.rowsAffected();
}

Result<QStringList> OutboxRepository::sendingOwners()
{
    SqlStatement q(m_db, QStringLiteral("SELECT DISTINCT lease_owner FROM outbox WHERE state = "
                                        "'sending'"));
    if (auto done = q.exec(); !done)
        return done.error();
    QStringList owners;
    while (q.next())
        owners << q.value(0).toString();
    return owners;
}

Result<std::optional<QDateTime>> OutboxRepository::leaseEndOfOthers(qint64 portalId,
                                                                    const QString &owner)
{
    SqlStatement q(m_db, QStringLiteral("SELECT MIN(lease_until) FROM outbox WHERE portal_id = ? "
                                        "AND state = 'sending' AND lease_owner <> ?"));
    if (auto done = q.exec({portalId, owner}); !done)
        return done.error();
    if (!q.next() || q.value(0).isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(timeFromSql(q.value(0)));
}

Result<int> OutboxRepository::cancelWaiting(const OutboxScope &scope, const QDateTime &now)
{
    QVariantList params{sqlTime(now)};
    const QString where = scopeWhere(scope, &params);
    SqlStatement q(m_db, QStringLiteral("UPDATE outbox SET state = 'cancelled', finished_at = ? "
                                        "WHERE state IN ") +
                             waitingStates + QStringLiteral(" AND ") + where);
    if (auto done = q.exec(params); !done)
        return done.error();
    return q.rowsAffected();
}

Result<int> OutboxRepository::retryFailed(const OutboxScope &scope, const QDateTime &now)
{
    return [&]() -> Result<int> {
        QVariantList params;
        const QString where = scopeWhere(scope, &params);
        // A post with a newer waiting job keeps that one; its failed one stays as it is.
        SqlStatement q(m_db, QStringLiteral("UPDATE outbox SET state = 'queued', attempts = 0, "
                                            "next_attempt_at = ?, finished_at = NULL WHERE state = "
                                            "'failed' AND ") +
                                 where +
                                 QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM outbox n WHERE "
                                                "n.portal_id = outbox.portal_id AND n.listing_id = "
                                                "outbox.listing_id AND n.region_code = "
                                                "outbox.region_code AND n.state IN ") +
                                 waitingStates + u')');
        params.prepend(sqlTime(now));
        if (auto done = q.exec(params); !done)
            return done.error();
        return q.rowsAffected();
    }();
}

Result<OutboxCounts> OutboxRepository::counts(const OutboxScope &scope)
{
    QVariantList params;
    const QString where = scopeWhere(scope, &params);
    SqlStatement q(m_db, QStringLiteral("SELECT state, COUNT(*) FROM outbox WHERE ") + where +
                             QStringLiteral(" GROUP BY state"));
    if (auto done = q.exec(params); !done)
        return done.error();
    OutboxCounts c;
    while (q.next()) {
        const int n = q.value(1).toInt();
        switch (stateFromKey(q.value(0).toString())) {
        case OutboxState::Queued:
            c.queued = n;
            break;
        case OutboxState::Sending:
            c.sending = n;
            break;
        case OutboxState::Retrying:
            c.retrying = n;
            break;
        case OutboxState::Published:
            c.published = n;
            break;
        case OutboxState::Failed:
            c.failed = n;
            break;
        case OutboxState::Cancelled:
            c.cancelled = n;
            break;
        }
    }
    return c;
}

Result<QList<OutboxJob>> OutboxRepository::jobs(const OutboxScope &scope, bool openOnly, int limit)
{
    QVariantList params;
    QString where = scopeWhere(scope, &params, QStringLiteral("o."));
    if (openOnly)
        where += QStringLiteral(" AND o.state IN ('queued', 'sending', 'retrying')");
    QString tail = QStringLiteral(" ORDER BY o.id");
    if (limit >= 0)
        tail += QStringLiteral(" LIMIT %1").arg(limit);
    return select(where, params, tail);
}

Result<std::optional<OutboxJob>> OutboxRepository::job(qint64 jobId)
{
    auto found = select(QStringLiteral("o.id = ?"), {jobId});
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return std::optional<OutboxJob>();
    return std::optional<OutboxJob>(found.value().first());
}

Result<std::optional<QDateTime>> OutboxRepository::nextDue(qint64 portalId)
{
    SqlStatement q(m_db, QStringLiteral("SELECT MIN(next_attempt_at) FROM outbox WHERE "
                                        "portal_id = ? AND state IN ") +
                             waitingStates);
    if (auto done = q.exec({portalId}); !done)
        return done.error();
    if (!q.next() || q.value(0).isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(timeFromSql(q.value(0)));
}

Result<QList<qint64>> OutboxRepository::portalsWithOpenJobs()
{
    SqlStatement q(m_db, QStringLiteral("SELECT DISTINCT portal_id FROM outbox WHERE state IN "
                                        "('queued', 'sending', 'retrying') ORDER BY portal_id"));
    if (auto done = q.exec(); !done)
        return done.error();
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

Result<int> OutboxRepository::openJobsOfListing(qint64 listingId)
{
    SqlStatement q(m_db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE listing_id = ? AND "
                                        "state IN ('queued', 'sending', 'retrying')"));
    if (auto done = q.exec({listingId}); !done)
        return done.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Result<QList<OutboxJob>> OutboxRepository::select(const QString &where, const QVariantList &params,
                                                  const QString &tail)
{
    SqlStatement q(m_db, QStringLiteral("SELECT ") + columns +
                             QStringLiteral(" FROM outbox o LEFT JOIN listings l ON l.id = "
                                            "o.listing_id WHERE ") +
                             where + tail);
    if (auto done = q.exec(params); !done)
        return done.error();
    QList<OutboxJob> jobs;
    while (q.next())
        jobs << jobFrom(q.query());
    return jobs;
}

} // namespace ListingDesk
