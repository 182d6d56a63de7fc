// The persistent publish queue: jobs survive closing the library, a post
// never has two waiting jobs, a job is handed to one runner at a time, and
// every way out of "sending" (done, retry, failed, released) is recorded.

#include "testlibrary.h"

#include <QMutex>
#include <QSet>
#include <QTest>
#include <QThread>

#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

class TestOutboxRepository : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void queuedJobsSurviveReopening();
    void queueingAPostAgainChangesItsWaitingJob();
    void claimTakesDueJobsInOrder();
    void aPostIsNeverSentTwiceAtOnce();
    void twoConnectionsNeverClaimTheSameJob();
    void clientsClaimingAtOnceTakeEachJobOnce();
    void releaseLeavesAFreshClaimAlone();
    void retryAndFailure();
    void retryOfASupersededJobCancelsIt();
    void releaseOwnerAndExpiredLeases();
    void cancelAndRetryFailedInScope();
    void deletingAListingDropsItsJobs();

private:
    OutboxRepository &outbox() { return m_library->library().outbox(); }
    QList<qint64> queue(const QList<OutboxRequest> &requests, qint64 batch = 1);
    OutboxRequest request(qint64 listing, const QString &region,
                          OutboxAction action = OutboxAction::Create);
    std::optional<OutboxJob> claim(const QString &owner = QStringLiteral("me"),
                                   const QDateTime &now = {});

    std::unique_ptr<TestLibrary> m_library;
    qint64 m_portal = 0;
    QList<qint64> m_listings;
    QDateTime m_now = QDateTime(QDate(2026, 11, 29), QTime(8, 0), Qt::UTC);
};

void TestOutboxRepository::init()
{
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
    auto portal = addPortal(m_library->library(), QStringLiteral("门户"),
                            QStringLiteral("https://portal.example.com"));
    LD_VERIFY_OK(portal);
    m_portal = portal.value();
    auto ids = m_library->createMany(
        5, [&](int i) { return m_library->makeListing(QStringLiteral("房源 %1").arg(i)); });
    LD_VERIFY_OK(ids);
    m_listings = ids.value();
}

void TestOutboxRepository::cleanup()
{
    m_library.reset();
}

OutboxRequest TestOutboxRepository::request(qint64 listing, const QString &region,
                                            OutboxAction action)
{
    OutboxRequest r;
    r.listingId = listing;
    r.regionCode = region;
    r.action = action;
    r.idempotencyKey = QStringLiteral("key-%1-%2").arg(listing).arg(region);
    return r;
}

QList<qint64> TestOutboxRepository::queue(const QList<OutboxRequest> &requests, qint64 batch)
{
    auto ids = outbox().enqueue(m_portal, batch, requests, m_now);
    if (!ids) {
        qWarning() << ids.error().message;
        return {};
    }
    return ids.value();
}

std::optional<OutboxJob> TestOutboxRepository::claim(const QString &owner, const QDateTime &now)
{
    const QDateTime when = now.isValid() ? now : m_now;
    auto job = outbox().claimNext(m_portal, owner, when, when.addSecs(60));
    if (!job) {
        qWarning() << job.error().message;
        return std::nullopt;
    }
    return job.value();
}

void TestOutboxRepository::queuedJobsSurviveReopening()
{
    OutboxRequest scheduled = request(m_listings[0], QStringLiteral("140400"));
    scheduled.publishAt = m_now.addDays(2);
    const QList<qint64> ids =
        queue({scheduled, request(m_listings[0], QStringLiteral("110100"))}, 7);
    QCOMPARE(ids.size(), 2);
    auto taken = claim(QStringLiteral("crashed-runner"));
    QVERIFY(taken);

    const QString path = m_library->path();
    m_library->library().database().close();
    Library reopened;
    LD_VERIFY_OK(reopened.open(path));
    auto jobs = reopened.outbox().jobs({m_portal, 7});
    LD_VERIFY_OK(jobs);
    QCOMPARE(jobs.value().size(), 2);
    const OutboxJob &first = jobs.value().at(0);
    QCOMPARE(first.state, OutboxState::Sending);
    QCOMPARE(first.leaseOwner, QStringLiteral("crashed-runner"));
    QCOMPARE(first.attempts, 1);
    QCOMPARE(first.publishAt, m_now.addDays(2));
    QCOMPARE(first.idempotencyKey, scheduled.idempotencyKey);
    QCOMPARE(first.listingTitle, QStringLiteral("房源 0"));
    QCOMPARE(jobs.value().at(1).state, OutboxState::Queued);
    auto owners = reopened.outbox().sendingOwners();
    LD_VERIFY_OK(owners);
    QCOMPARE(owners.value(), QStringList{QStringLiteral("crashed-runner")});
}

void TestOutboxRepository::queueingAPostAgainChangesItsWaitingJob()
{
    const auto first = queue({request(m_listings[0], QStringLiteral("140400"))}, 1);
    const auto again = queue({request(m_listings[0], QStringLiteral("140400"), OutboxAction::Trash),
                              request(m_listings[1], QStringLiteral("140400"))},
                             2);
    QCOMPARE(again.size(), 2);
    QCOMPARE(again.first(), first.first());
    auto job = outbox().job(first.first());
    LD_VERIFY_OK(job);
    QCOMPARE(job.value()->action, OutboxAction::Trash);
    QCOMPARE(job.value()->batchId, qint64(2));
    auto counts = outbox().counts({m_portal, 0});
    LD_VERIFY_OK(counts);
    QCOMPARE(counts.value().queued, 2);

    // Once it is being sent, a new wish for the post is a job of its own.
    QVERIFY(claim());
    const auto third = queue({request(m_listings[0], QStringLiteral("140400"))}, 3);
    QVERIFY(third.first() != first.first());
    auto batch = outbox().newBatchId();
    LD_VERIFY_OK(batch);
    QCOMPARE(batch.value(), qint64(4));

    // An update queued while the user edits waits for the edits to settle,
    // and each new save moves the wait on instead of adding a job.
    OutboxRequest settle = request(m_listings[1], QStringLiteral("110100"), OutboxAction::Update);
    settle.notBefore = m_now.addSecs(30);
    const auto waiting = queue({settle}, 5);
    settle.notBefore = m_now.addSecs(45);
    QCOMPARE(queue({settle}, 5), waiting);
    auto settled = outbox().job(waiting.first());
    LD_VERIFY_OK(settled);
    QCOMPARE(settled.value()->nextAttemptAt, m_now.addSecs(45));
}

void TestOutboxRepository::claimTakesDueJobsInOrder()
{
    queue({request(m_listings[0], QStringLiteral("140400")),
           request(m_listings[1], QStringLiteral("140400"))});
    auto a = claim();
    auto b = claim();
    QVERIFY(a && b);
    QCOMPARE(a->listingId, m_listings[0]);
    QCOMPARE(b->listingId, m_listings[1]);
    QCOMPARE(a->state, OutboxState::Sending);
    QCOMPARE(a->leaseUntil, m_now.addSecs(60));
    QVERIFY(!claim());

    // A job waiting for its retry time is not due before it.
    LD_VERIFY_OK(outbox().markRetry(a->id, m_now.addSecs(30), QStringLiteral("503")));
    QVERIFY(!claim(QStringLiteral("me"), m_now.addSecs(29)));
    auto due = outbox().nextDue(m_portal);
    LD_VERIFY_OK(due);
    QCOMPARE(*due.value(), m_now.addSecs(30));
    auto again = claim(QStringLiteral("me"), m_now.addSecs(30));
    QVERIFY(again);
    QCOMPARE(again->id, a->id);
    QCOMPARE(again->attempts, 2);
    QCOMPARE(again->lastError, QStringLiteral("503"));
}

void TestOutboxRepository::aPostIsNeverSentTwiceAtOnce()
{
    queue({request(m_listings[0], QStringLiteral("140400"))});
    auto sending = claim();
    QVERIFY(sending);
    queue({request(m_listings[0], QStringLiteral("140400"), OutboxAction::Update)});
    QVERIFY2(!claim(), "the update must wait until the create is done");
    LD_VERIFY_OK(outbox().markPublished(sending->id, 41, QStringLiteral("https://p/41"), m_now));
    auto update = claim();
    QVERIFY(update);
    QCOMPARE(update->action, OutboxAction::Update);
    auto done = outbox().job(sending->id);
    LD_VERIFY_OK(done);
    QCOMPARE(done.value()->remoteId, qint64(41));
    QCOMPARE(done.value()->url, QStringLiteral("https://p/41"));
    QCOMPARE(done.value()->finishedAt, m_now);
}

void TestOutboxRepository::twoConnectionsNeverClaimTheSameJob()
{
    QList<OutboxRequest> requests;
    for (qint64 listing : m_listings) {
        for (int city = 0; city < 20; ++city)
            requests << request(listing, QStringLiteral("%1").arg(110000 + city * 100));
    }
    QCOMPARE(queue(requests).size(), 100);
    Library second;
    LD_VERIFY_OK(second.open(m_library->path()));
    QSet<qint64> taken;
    for (int round = 0; round < 60; ++round) {
        for (OutboxRepository *repo : {&outbox(), &second.outbox()}) {
            auto job = repo->claimNext(m_portal, QStringLiteral("r%1").arg(quintptr(repo)), m_now,
                                       m_now.addSecs(60));
            LD_VERIFY_OK(job);
            if (!job.value())
                continue;
            QVERIFY2(!taken.contains(job.value()->id), "a job was handed out twice");
            taken.insert(job.value()->id);
        }
    }
    QCOMPARE(taken.size(), 100);
}

void TestOutboxRepository::clientsClaimingAtOnceTakeEachJobOnce()
{
    // Four clients, each with its own connection in its own thread, claim
    // as fast as they can from one queue of 400 jobs: on PostgreSQL truly at
    // the same time (FOR UPDATE SKIP LOCKED), on SQLite one writer at a time.
    QList<OutboxRequest> requests;
    for (qint64 listing : m_listings) {
        for (int city = 0; city < 80; ++city)
            requests << request(listing, QStringLiteral("%1").arg(110000 + city * 100));
    }
    QCOMPARE(queue(requests).size(), 400);
    const QString path = m_library->path();
    QMutex mutex;
    QList<qint64> taken;
    QStringList errors;
    QList<int> perClient;
    QList<QThread *> threads;
    for (int client = 0; client < 4; ++client) {
        threads << QThread::create([&, client] {
            Library library;
            if (auto opened = library.open(path); !opened) {
                QMutexLocker lock(&mutex);
                errors << opened.error().message;
                return;
            }
            QList<qint64> mine;
            for (;;) {
                auto job = library.outbox().claimNext(
                    m_portal, QStringLiteral("client-%1").arg(client), m_now, m_now.addSecs(60));
                if (!job) {
                    QMutexLocker lock(&mutex);
                    errors << job.error().message;
                    break;
                }
                if (!job.value())
                    break;
                mine << job.value()->id;
            }
            library.close();
            QMutexLocker lock(&mutex);
            taken << mine;
            perClient << int(mine.size());
        });
    }
    for (QThread *thread : std::as_const(threads))
        thread->start();
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(120000));
        delete thread;
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    qInfo() << "jobs per client:" << perClient;
    QCOMPARE(taken.size(), 400);
    QCOMPARE(QSet<qint64>(taken.begin(), taken.end()).size(), 400);
    auto jobs = outbox().jobs({m_portal, 0});
    LD_VERIFY_OK(jobs);
    for (const OutboxJob &job : jobs.value()) {
        QCOMPARE(job.state, OutboxState::Sending);
        QCOMPARE(job.attempts, 1);
    }
}

void TestOutboxRepository::releaseLeavesAFreshClaimAlone()
{
    queue({request(m_listings[0], QStringLiteral("140400"))});
    auto lapsed = claim(QStringLiteral("gone"));
    QVERIFY(lapsed);
    // One client releases the lapsed lease and another takes the job at once;
    // a third, which saw the same lapsed lease a moment ago, releases late.
    const QDateTime later = m_now.addSecs(61);
    auto first = outbox().releaseExpired(later);
    LD_VERIFY_OK(first);
    QCOMPARE(first.value(), 1);
    auto taken = claim(QStringLiteral("taker"), later);
    QVERIFY(taken);
    auto late = outbox().releaseExpired(later);
    LD_VERIFY_OK(late);
    QCOMPARE(late.value(), 0);
    auto job = outbox().job(lapsed->id);
    LD_VERIFY_OK(job);
    QCOMPARE(job.value()->state, OutboxState::Sending);
    QCOMPARE(job.value()->leaseOwner, QStringLiteral("taker"));
    QCOMPARE(job.value()->attempts, 2);
    // A job that is not being sent is not anyone's to retry or replace.
    LD_VERIFY_OK(outbox().markPublished(lapsed->id, 7, QStringLiteral("https://p/7"), later));
    LD_VERIFY_OK(outbox().markRetry(lapsed->id, later, QStringLiteral("late")));
    job = outbox().job(lapsed->id);
    LD_VERIFY_OK(job);
    QCOMPARE(job.value()->state, OutboxState::Published);
}

void TestOutboxRepository::retryAndFailure()
{
    queue({request(m_listings[0], QStringLiteral("140400"))});
    auto job = claim();
    QVERIFY(job);
    LD_VERIFY_OK(outbox().markFailed(job->id, QStringLiteral("标题不能为空"), m_now));
    auto failed = outbox().job(job->id);
    LD_VERIFY_OK(failed);
    QCOMPARE(failed.value()->state, OutboxState::Failed);
    QCOMPARE(failed.value()->lastError, QStringLiteral("标题不能为空"));
    QVERIFY(failed.value()->leaseOwner.isEmpty());
    QVERIFY(!claim());
    auto counts = outbox().counts();
    LD_VERIFY_OK(counts);
    QCOMPARE(counts.value().failed, 1);
    QCOMPARE(counts.value().open(), 0);
}

void TestOutboxRepository::retryOfASupersededJobCancelsIt()
{
    queue({request(m_listings[0], QStringLiteral("140400"))});
    auto old = claim();
    QVERIFY(old);
    const auto newer = queue({request(m_listings[0], QStringLiteral("140400"))}, 2);
    LD_VERIFY_OK(outbox().markRetry(old->id, m_now.addSecs(5), QStringLiteral("timeout")));
    auto oldNow = outbox().job(old->id);
    LD_VERIFY_OK(oldNow);
    QCOMPARE(oldNow.value()->state, OutboxState::Cancelled);
    QVERIFY(oldNow.value()->lastError.contains(QStringLiteral("timeout")));
    auto next = claim();
    QVERIFY(next);
    QCOMPARE(next->id, newer.first());
}

void TestOutboxRepository::releaseOwnerAndExpiredLeases()
{
    queue({request(m_listings[0], QStringLiteral("140400")),
           request(m_listings[1], QStringLiteral("140400")),
           request(m_listings[2], QStringLiteral("140400"))});
    auto mine = claim(QStringLiteral("me"));
    auto dead = claim(QStringLiteral("dead"));
    auto other = claim(QStringLiteral("other"));
    QVERIFY(mine && dead && other);
    LD_VERIFY_OK(outbox().renewLeases(QStringLiteral("other"), m_now.addSecs(600)));

    auto released = outbox().releaseOwner(QStringLiteral("me"));
    LD_VERIFY_OK(released);
    QCOMPARE(released.value(), 1);
    auto expired = outbox().releaseExpired(m_now.addSecs(61));
    LD_VERIFY_OK(expired);
    QCOMPARE(expired.value(), 1); // "dead"; "other" renewed its lease
    auto counts = outbox().counts();
    LD_VERIFY_OK(counts);
    QCOMPARE(counts.value().sending, 1);
    QCOMPARE(counts.value().retrying, 2);
    auto again = claim(QStringLiteral("me"), m_now.addSecs(61));
    QVERIFY(again);
    QCOMPARE(again->attempts, 2);
}

void TestOutboxRepository::cancelAndRetryFailedInScope()
{
    queue({request(m_listings[0], QStringLiteral("140400")),
           request(m_listings[1], QStringLiteral("140400"))},
          1);
    queue({request(m_listings[2], QStringLiteral("140400"))}, 2);
    auto first = claim();
    QVERIFY(first);
    LD_VERIFY_OK(outbox().markFailed(first->id, QStringLiteral("401"), m_now));
    auto cancelled = outbox().cancelWaiting({m_portal, 1}, m_now);
    LD_VERIFY_OK(cancelled);
    QCOMPARE(cancelled.value(), 1);
    auto counts = outbox().counts({m_portal, 2});
    LD_VERIFY_OK(counts);
    QCOMPARE(counts.value().queued, 1); // the other batch is untouched

    auto retried = outbox().retryFailed({m_portal, 1}, m_now.addSecs(10));
    LD_VERIFY_OK(retried);
    QCOMPARE(retried.value(), 1);
    auto job = outbox().job(first->id);
    LD_VERIFY_OK(job);
    QCOMPARE(job.value()->state, OutboxState::Queued);
    QCOMPARE(job.value()->attempts, 0);
    auto open = outbox().jobs({m_portal, 0}, true);
    LD_VERIFY_OK(open);
    QCOMPARE(open.value().size(), 2);
    auto portals = outbox().portalsWithOpenJobs();
    LD_VERIFY_OK(portals);
    QCOMPARE(portals.value(), QList<qint64>{m_portal});
    auto ofListing = outbox().openJobsOfListing(m_listings[2]);
    LD_VERIFY_OK(ofListing);
    QCOMPARE(ofListing.value(), 1);
}

void TestOutboxRepository::deletingAListingDropsItsJobs()
{
    queue({request(m_listings[0], QStringLiteral("140400"))});
    QSqlQuery purge(m_library->db());
    QVERIFY(purge.exec(QStringLiteral("DELETE FROM listings WHERE id = %1").arg(m_listings[0])));
    auto counts = outbox().counts();
    LD_VERIFY_OK(counts);
    QCOMPARE(counts.value().total(), 0);
}

QTEST_GUILESS_MAIN(TestOutboxRepository)
#include "tst_outboxrepository.moc"
