// The publish queue against the in-memory fake portal, through the real
// storage: exactly one post per (listing, city) under a mix of faults, the
// concurrency and spacing limits, Retry-After, pause / cancel / retry, a
// restart after a crash, scheduled posts, unpublishing and updates.

#include "fakeportal.h"
#include "publishqueue.h"
#include "testlibrary.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTest>

#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {
const QString userLogin = QStringLiteral("editor");
const QString appPassword = QStringLiteral("abcd efgh ijkl mnop");
const QString changzhi = QStringLiteral("140400");
const QString taiyuan = QStringLiteral("140100");
} // namespace

class TestPublishQueue : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("LISTINGDESK_NO_KEYCHAIN", "1"); }
    void init();
    void cleanup();
    void faultMixPublishesEachPostExactlyOnce();
    void fanOutSharesTermsAndImages();
    void concurrencyIsCapped();
    void spacingBetweenRequests();
    void retryAfterHoldsThePortal();
    void permanentErrorsAreNotRetried();
    void pauseResumeCancelAndRetryFailed();
    void resumesJobsOfADeadRun();
    void takesOverAJobWhoseLeaseRunsOutMidRun();
    void waitsForAJobAnotherClientIsSending();
    void scheduledPostsAreFuture();
    void unpublishAndUpdate();
    void publishAgainRestoresUnpublishedPosts();
    void unreachablePortalKeepsJobsQueued();

private:
    /// n stored, complete listings for the given cities.
    QList<qint64> makeListings(int n, const QStringList &cities = {changzhi},
                               const QString &body = QStringLiteral("<p>正文</p>"));
    std::unique_ptr<PublishQueue> makeQueue(const PublishQueueSettings &settings = fastSettings());
    static PublishQueueSettings fastSettings();
    /// Plans and queues the listings; returns the batch id (0 on failure).
    qint64 enqueue(PublishQueue &queue, const QList<qint64> &ids, const QDateTime &at = {});
    static bool waitIdle(QSignalSpy &idle, int timeoutMs = 60000);
    /// Every answer of the portal comes \a ms late.
    void slowDown(int ms);
    /// The next create is refused with \a status (a 4xx: not retried).
    void refuseNextCreate(int status, const QString &code, const QString &message = {});
    PortalInfo portal() { return library().portals().portal(m_portalId).value(); }
    Library &library() { return m_library->library(); }

    std::unique_ptr<TestLibrary> m_library;
    std::unique_ptr<FakePortal> m_portal;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<PortalConnector> m_connector;
    qint64 m_portalId = 0;
};

void TestPublishQueue::init()
{
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
    m_portal = std::make_unique<FakePortal>();
    m_portal->addUser(userLogin, appPassword, QStringLiteral("编辑部"));
    m_nam = std::make_unique<FakeNetworkAccessManager>(m_portal.get());
    PortalInfo p;
    p.name = QStringLiteral("长治信息港");
    p.baseUrl = m_portal->baseUrl().toString();
    p.username = userLogin;
    p.mode = PortalMode::Plugin;
    p.allowPlainHttp = true; // the fake portal is http://portal.test
    auto id = library().portals().add(p);
    LD_VERIFY_OK(id);
    m_portalId = id.value();
    m_credentials = std::make_unique<CredentialStore>();
    m_credentials->setSessionPassword(m_portalId, appPassword);
    m_connector = std::make_unique<PortalConnector>(library(), m_credentials.get(), m_nam.get());
    m_connector->setTimeoutMs(400); // a hang is a timeout soon
}

void TestPublishQueue::cleanup()
{
    m_connector.reset();
    m_credentials.reset();
    m_nam.reset();
    m_portal.reset();
    m_library.reset();
}

PublishQueueSettings TestPublishQueue::fastSettings()
{
    PublishQueueSettings s;
    s.concurrency = 4;
    s.retry.baseDelayMs = 20;
    s.retry.maxDelayMs = 400;
    s.retry.maxAttempts = 15;
    return s;
}

QList<qint64> TestPublishQueue::makeListings(int n, const QStringList &cities, const QString &body)
{
    auto ids = m_library->createMany(n, [&](int i) {
        Listing l =
            m_library->makeListing(QStringLiteral("长治出租第%1号").arg(i), body,
                                   QStringLiteral("房产/租房"), cities, ListingStatus::Ready);
        l.contact = {QStringLiteral("张先生"), QStringLiteral("0355-1234567"), {}};
        return l;
    });
    return ids ? ids.value() : QList<qint64>{};
}

std::unique_ptr<PublishQueue> TestPublishQueue::makeQueue(const PublishQueueSettings &settings)
{
    auto queue =
        std::make_unique<PublishQueue>(library(), m_connector.get(), mediaSourceOf(library()));
    queue->setSettings(settings);
    queue->setRandomSeed(7);
    return queue;
}

qint64 TestPublishQueue::enqueue(PublishQueue &queue, const QList<qint64> &ids, const QDateTime &at)
{
    const PublishPlan plan = PublishPlanner(library(), portal()).planPublish(ids, {}, at);
    for (const PlanProblem &problem : plan.problems)
        qWarning() << "not planned:" << problem.title << problem.reasons;
    auto batch = queue.enqueue(portal(), plan);
    return batch ? batch.value() : 0;
}

bool TestPublishQueue::waitIdle(QSignalSpy &idle, int timeoutMs)
{
    return !idle.isEmpty() || idle.wait(timeoutMs);
}

void TestPublishQueue::slowDown(int ms)
{
    Fault slow;
    slow.kind = FaultKind::Delay;
    slow.delayMs = ms;
    slow.times = -1;
    m_portal->addFault(slow);
}

void TestPublishQueue::refuseNextCreate(int status, const QString &code, const QString &message)
{
    Fault refused;
    refused.method = "POST";
    refused.route = QStringLiteral("^/wp/v2/posts$");
    refused.status = status;
    refused.code = code;
    refused.message = message;
    refused.times = 1;
    m_portal->addFault(refused);
}

void TestPublishQueue::faultMixPublishesEachPostExactlyOnce()
{
    const int count = 500;
    const QList<qint64> ids = makeListings(count);
    QCOMPARE(ids.size(), count);
    m_portal->setSeed(20261129);
    auto fault = [&](FaultKind kind, double probability, int status = 500,
                     const QByteArray &retryAfter = {}) {
        Fault f;
        f.kind = kind;
        f.status = status;
        f.retryAfter = retryAfter;
        f.times = -1;
        f.probability = probability;
        m_portal->addFault(f);
    };
    // Resets let the portal apply the request first: the post exists, the
    // answer is lost. Only the lookup by key keeps that from a second post.
    fault(FaultKind::Status, 0.10, 503);
    fault(FaultKind::Reset, 0.05);
    fault(FaultKind::Hang, 0.05);
    fault(FaultKind::Status, 0.01, 429, "1");

    auto queue = makeQueue();
    int maxOpen = 0;
    connect(queue.get(), &PublishQueue::jobChanged, this,
            [&] { maxOpen = std::max(maxOpen, m_nam->openRequests()); });
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    QElapsedTimer clock;
    clock.start();
    const qint64 batch = enqueue(*queue, ids);
    QVERIFY(batch > 0);
    QVERIFY(waitIdle(idle, 240000));
    qInfo("500 listings through the fault mix in %lld ms, %d requests", clock.elapsed(),
          int(m_portal->requests().size()));

    // The portal: exactly one post per listing, each with its own key.
    const QList<FakePost> posts = m_portal->posts();
    QCOMPARE(posts.size(), count);
    QSet<QString> keys;
    for (const FakePost &post : posts) {
        const QString key = post.meta.value(u"listingdesk_client_key").toString();
        QVERIFY2(!keys.contains(key), qPrintable(QStringLiteral("duplicate post for ") + key));
        keys.insert(key);
        QCOMPARE(post.status, QStringLiteral("publish"));
    }
    for (qint64 id : ids) {
        const Listing l = library().listings().load(id).value();
        QVERIFY(keys.contains(clientKeyFor(l.uuid, changzhi)));
        QCOMPARE(l.status, ListingStatus::Published);
    }
    // The library: every job done, every post recorded once.
    auto counts = library().outbox().counts({m_portalId, batch});
    LD_VERIFY_OK(counts);
    QCOMPARE(counts.value().published, count);
    QCOMPARE(counts.value().total(), count);
    auto records = library().remotePosts().forPortal(m_portalId);
    LD_VERIFY_OK(records);
    QCOMPARE(records.value().size(), count);
    // Four at once, counting the hung requests until their timeout.
    QVERIFY(maxOpen <= 4);
    QVERIFY(m_nam->maxOpenRequests() <= 4);
    // The faults did fire: some jobs needed more than one attempt.
    auto jobs = library().outbox().jobs({m_portalId, batch});
    int retried = 0;
    for (const OutboxJob &job : jobs.value())
        retried += job.attempts > 1;
    QVERIFY2(retried > 50, qPrintable(QString::number(retried)));
}

void TestPublishQueue::fanOutSharesTermsAndImages()
{
    const QByteArray png =
        QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+"
                               "M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    auto stored = library().media().store(png, QStringLiteral("门面.png"));
    LD_VERIFY_OK(stored);
    const QString sha = stored.value().sha256;
    const QString body = QStringLiteral("<p>店面转让</p><figure><img src=\"ldmedia:%1\" alt=\"\">"
                                        "<figcaption>门面</figcaption></figure>")
                             .arg(sha);
    const QStringList cities{changzhi, taiyuan, QStringLiteral("110100"), QStringLiteral("310100")};
    const QList<qint64> ids = makeListings(3, cities, body);
    auto queue = makeQueue();
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    QVERIFY(enqueue(*queue, ids) > 0);
    QVERIFY(waitIdle(idle));
    QCOMPARE(m_portal->posts().size(), 12);
    // One upload for twelve posts running four at a time, and each term
    // fetched and made once.
    QCOMPARE(m_portal->media().size(), 1);
    QCOMPARE(m_portal->requestCount("POST", QStringLiteral("^/wp/v2/media$")), 1);
    QCOMPARE(m_portal->requestCount("GET", QStringLiteral("^/wp/v2/categories$")), 1);
    QCOMPARE(m_portal->requestCount("POST", QStringLiteral("^/wp/v2/categories$")),
             2); // 房产, 租房
    QSet<QString> citySlugs;
    for (const FakeTerm &term : m_portal->terms(QStringLiteral("city"))) {
        QVERIFY2(!citySlugs.contains(term.slug), qPrintable(term.slug + QStringLiteral(" twice")));
        citySlugs.insert(term.slug);
    }
    for (const FakePost &post : m_portal->posts())
        QVERIFY(post.content.contains(m_portal->media().first().sourceUrl.toString()));
}

void TestPublishQueue::concurrencyIsCapped()
{
    // "3 at once" is about the portal: never more than 3 requests open. A few
    // more jobs than that get ready meanwhile, so the 3 slots never wait for
    // the queue's own work.
    const QList<qint64> ids = makeListings(12);
    slowDown(60);
    PublishQueueSettings settings = fastSettings();
    settings.concurrency = 3;
    auto queue = makeQueue(settings);
    int maxJobs = 0;
    connect(queue.get(), &PublishQueue::changed, this,
            [&] { maxJobs = std::max(maxJobs, queue->jobsInFlight()); });
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    QVERIFY(enqueue(*queue, ids) > 0);
    QVERIFY(waitIdle(idle));
    QCOMPARE(m_portal->posts().size(), 12);
    QCOMPARE(m_nam->maxOpenRequests(), 3);
    QVERIFY2(maxJobs > 3 && maxJobs <= 6, qPrintable(QString::number(maxJobs)));
    QCOMPARE(m_nam->openRequests(), 0);
}

void TestPublishQueue::spacingBetweenRequests()
{
    const QList<qint64> ids = makeListings(4);
    PublishQueueSettings settings = fastSettings();
    settings.spacingMs = 150;
    auto queue = makeQueue(settings);
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(enqueue(*queue, ids) > 0);
    QVERIFY(waitIdle(idle));
    const int requests = int(m_portal->requests().size());
    QVERIFY(requests >= 8);
    QVERIFY2(clock.elapsed() >= (requests - 1) * 150 - 50,
             qPrintable(QStringLiteral("%1 requests in %2 ms").arg(requests).arg(clock.elapsed())));
}

void TestPublishQueue::retryAfterHoldsThePortal()
{
    const QList<qint64> ids = makeListings(3);
    Fault busy;
    busy.method = "POST";
    busy.route = QStringLiteral("^/wp/v2/posts$");
    busy.status = 429;
    busy.retryAfter = "2";
    busy.times = 1;
    m_portal->addFault(busy);
    PublishQueueSettings settings = fastSettings();
    settings.concurrency = 1;
    auto queue = makeQueue(settings);
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(enqueue(*queue, ids) > 0);
    QVERIFY(waitIdle(idle));
    // The portal said "2 seconds" and got them: nothing reached it sooner.
    QVERIFY2(clock.elapsed() >= 2000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_portal->posts().size(), 3);
    const auto jobs = library().outbox().jobs({m_portalId, 0});
    LD_VERIFY_OK(jobs);
    QCOMPARE(jobs.value().first().attempts, 2);
}

void TestPublishQueue::permanentErrorsAreNotRetried()
{
    const QList<qint64> ids = makeListings(2);
    refuseNextCreate(400, QStringLiteral("rest_invalid_param"), QStringLiteral("电话号码格式不对"));
    PublishQueueSettings settings = fastSettings();
    settings.concurrency = 1;
    auto queue = makeQueue(settings);
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    QVERIFY(enqueue(*queue, ids) > 0);
    QVERIFY(waitIdle(idle));
    const auto found = library().outbox().jobs({m_portalId, 0});
    LD_VERIFY_OK(found);
    const QList<OutboxJob> &jobs = found.value();
    QCOMPARE(jobs.at(0).state, OutboxState::Failed);
    QCOMPARE(jobs.at(0).attempts, 1);
    QVERIFY(jobs.at(0).lastError.contains(QStringLiteral("电话号码格式不对")));
    QCOMPARE(jobs.at(1).state, OutboxState::Published);
    const Listing failed = library().listings().load(ids.at(0)).value();
    QCOMPARE(failed.status, ListingStatus::Failed);
    QCOMPARE(failed.title, QStringLiteral("长治出租第0号")); // the words stay
}

void TestPublishQueue::pauseResumeCancelAndRetryFailed()
{
    const QList<qint64> ids = makeListings(10);
    slowDown(30);
    PublishQueueSettings settings = fastSettings();
    settings.concurrency = 1;
    auto queue = makeQueue(settings);
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    const qint64 batch = enqueue(*queue, ids);
    QTRY_VERIFY(library().outbox().counts({0, batch}).value().published >= 2);
    queue->pause();
    QVERIFY(waitIdle(idle));
    const int publishedWhenPaused = library().outbox().counts({0, batch}).value().published;
    QTest::qWait(300);
    QCOMPARE(library().outbox().counts({0, batch}).value().published, publishedWhenPaused);
    QVERIFY(library().outbox().counts({0, batch}).value().queued > 0);

    idle.clear();
    queue->resume();
    QTRY_VERIFY(library().outbox().counts({0, batch}).value().published >= publishedWhenPaused + 2);
    queue->cancel({0, batch});
    QVERIFY(waitIdle(idle));
    const OutboxCounts afterCancel = library().outbox().counts({0, batch}).value();
    QVERIFY(afterCancel.cancelled > 0);
    QCOMPARE(afterCancel.open(), 0);
    QCOMPARE(int(m_portal->posts().size()), afterCancel.published);
    // A cancelled listing is back to ready, not stuck in "publishing".
    const Listing last = library().listings().load(ids.last()).value();
    QCOMPARE(last.status, ListingStatus::Ready);

    // Cancelled jobs are not failures; failed ones come back with retryFailed.
    m_portal->clearFaults();
    refuseNextCreate(400, QStringLiteral("rest_invalid_param"));
    idle.clear();
    const qint64 second = enqueue(*queue, {ids.last()});
    QVERIFY(waitIdle(idle));
    QCOMPARE(library().outbox().counts({0, second}).value().failed, 1);
    idle.clear();
    queue->retryFailed({0, second});
    QVERIFY(waitIdle(idle));
    QCOMPARE(library().outbox().counts({0, second}).value().published, 1);
}

void TestPublishQueue::resumesJobsOfADeadRun()
{
    const QList<qint64> ids = makeListings(6);
    {
        // A run that took two jobs and died: its process no longer exists.
        const PublishPlan plan = PublishPlanner(library(), portal()).planPublish(ids);
        auto queued = library().outbox().enqueue(m_portalId, 1, plan.requests,
                                                 QDateTime::currentDateTimeUtc());
        LD_VERIFY_OK(queued);
        const QString dead = QSysInfo::machineHostName() + QStringLiteral("/999999999/dead");
        for (int i = 0; i < 2; ++i) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            auto claimed = library().outbox().claimNext(m_portalId, dead, now, now.addSecs(3600));
            LD_VERIFY_OK(claimed);
            QVERIFY(claimed.value());
        }
        // ...and one whose runner on another machine let its lease run out.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto other = library().outbox().claimNext(m_portalId, QStringLiteral("elsewhere/1/x"), now,
                                                  now.addSecs(-1));
        LD_VERIFY_OK(other);
        QVERIFY(other.value());
    }
    auto queue = makeQueue();
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    queue->start();
    QVERIFY(waitIdle(idle));
    QCOMPARE(m_portal->posts().size(), 6);
    QCOMPARE(library().outbox().counts({m_portalId, 0}).value().published, 6);
}

void TestPublishQueue::takesOverAJobWhoseLeaseRunsOutMidRun()
{
    const QList<qint64> ids = makeListings(4);
    const PublishPlan plan = PublishPlanner(library(), portal()).planPublish(ids);
    LD_VERIFY_OK(
        library().outbox().enqueue(m_portalId, 1, plan.requests, QDateTime::currentDateTimeUtc()));
    // A client on another machine took one job and went silent; its lease
    // still runs for two seconds when this queue starts.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto stalled = library().outbox().claimNext(m_portalId, QStringLiteral("elsewhere/1/x"), now,
                                                now.addMSecs(2000));
    LD_VERIFY_OK(stalled);
    QVERIFY(stalled.value());
    auto queue = makeQueue();
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    QElapsedTimer clock;
    clock.start();
    queue->start();
    QTRY_COMPARE(library().outbox().counts({m_portalId, 0}).value().published, 3);
    // Not done: the running queue takes the job over once the lease ends.
    QVERIFY(idle.isEmpty());
    QVERIFY(waitIdle(idle, 20000));
    QVERIFY2(clock.elapsed() >= 1900, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_portal->posts().size(), 4);
    QCOMPARE(library().outbox().counts({m_portalId, 0}).value().published, 4);
    auto job = library().outbox().job(stalled.value()->id);
    LD_VERIFY_OK(job);
    QCOMPARE(job.value()->state, OutboxState::Published);
    QCOMPARE(job.value()->attempts, 2);
    QVERIFY(job.value()->leaseOwner.isEmpty());
}

void TestPublishQueue::waitsForAJobAnotherClientIsSending()
{
    const QList<qint64> ids = makeListings(3);
    const PublishPlan plan = PublishPlanner(library(), portal()).planPublish(ids);
    LD_VERIFY_OK(
        library().outbox().enqueue(m_portalId, 1, plan.requests, QDateTime::currentDateTimeUtc()));
    // Another machine's client is sending one job and keeps its lease.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto held = library().outbox().claimNext(m_portalId, QStringLiteral("elsewhere/2/y"), now,
                                             now.addSecs(600));
    LD_VERIFY_OK(held);
    QVERIFY(held.value());
    auto queue = makeQueue();
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    queue->start();
    QTRY_COMPARE(library().outbox().counts({m_portalId, 0}).value().published, 2);
    QTest::qWait(1500);
    QVERIFY2(idle.isEmpty(), "the queue is not drained while another client sends a job");
    // That client finishes it: this queue is done, and never touched the job.
    LD_VERIFY_OK(
        library().outbox().markPublished(held.value()->id, 0, {}, QDateTime::currentDateTimeUtc()));
    QVERIFY(waitIdle(idle, 10000));
    QCOMPARE(m_portal->posts().size(), 2);
    auto job = library().outbox().job(held.value()->id);
    LD_VERIFY_OK(job);
    QCOMPARE(job.value()->attempts, 1);
}

void TestPublishQueue::scheduledPostsAreFuture()
{
    const QList<qint64> ids = makeListings(2);
    const QDateTime at = QDateTime::currentDateTimeUtc().addDays(1);
    auto queue = makeQueue();
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    QVERIFY(enqueue(*queue, ids, at) > 0);
    QVERIFY(waitIdle(idle));
    QCOMPARE(m_portal->posts().size(), 2);
    for (const FakePost &post : m_portal->posts()) {
        QCOMPARE(post.status, QStringLiteral("future"));
        QCOMPARE(post.dateGmt.toSecsSinceEpoch(), at.toSecsSinceEpoch());
    }
}

void TestPublishQueue::unpublishAndUpdate()
{
    const QList<qint64> ids = makeListings(2, {changzhi, taiyuan});
    auto queue = makeQueue();
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    QVERIFY(enqueue(*queue, ids) > 0);
    QVERIFY(waitIdle(idle));
    QCOMPARE(m_portal->posts().size(), 4);
    // The account was edited meanwhile: the connector made a new client.
    m_connector->forget(m_portalId);

    // An edit of a published listing: its two posts are updated in place.
    Listing edited = library().listings().load(ids.first()).value();
    edited.title = QStringLiteral("长治出租（已降价）");
    edited = library().listings().save(edited).value();
    QCOMPARE(edited.status, ListingStatus::Modified);
    const PublishPlan update = PublishPlanner(library(), portal()).planUpdate(edited.id);
    QCOMPARE(update.requests.size(), 2);
    for (const OutboxRequest &r : update.requests)
        QCOMPARE(r.action, OutboxAction::Update);
    idle.clear();
    QVERIFY(queue->enqueue(portal(), update).ok());
    QVERIFY(waitIdle(idle));
    QCOMPARE(m_portal->posts().size(), 4);
    int renamed = 0;
    for (const FakePost &post : m_portal->posts())
        renamed += post.title == edited.title;
    QCOMPARE(renamed, 2);
    QCOMPARE(library().listings().load(edited.id).value().status, ListingStatus::Published);

    // Unpublish the other: both its posts go to the portal's trash.
    const PublishPlan trash = PublishPlanner(library(), portal()).planTrash({ids.last()});
    QCOMPARE(trash.requests.size(), 2);
    idle.clear();
    QVERIFY(queue->enqueue(portal(), trash).ok());
    QVERIFY(waitIdle(idle));
    int trashed = 0;
    for (const FakePost &post : m_portal->posts())
        trashed += post.status == QLatin1String("trash");
    QCOMPARE(trashed, 2);
    const auto records = library().remotePosts().forListing(ids.last());
    LD_VERIFY_OK(records);
    for (const RemotePostRecord &r : records.value())
        QCOMPARE(r.state, RemoteState::Deleted);
    QCOMPARE(library().listings().load(ids.last()).value().status, ListingStatus::Ready);
}

void TestPublishQueue::publishAgainRestoresUnpublishedPosts()
{
    const QList<qint64> ids = makeListings(1, {changzhi, taiyuan});
    auto queue = makeQueue();
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    QVERIFY(enqueue(*queue, ids) > 0);
    QVERIFY(waitIdle(idle));
    idle.clear();
    QVERIFY(queue->enqueue(portal(), PublishPlanner(library(), portal()).planTrash(ids)).ok());
    QVERIFY(waitIdle(idle));

    // Taken down from the app, so publishing again is the user's choice: the
    // two posts come back out of the trash, and no third post is made.
    const PublishPlan again = PublishPlanner(library(), portal()).planPublish(ids);
    QVERIFY2(again.problems.isEmpty(),
             qPrintable(again.problems.value(0).reasons.join(QLatin1Char(' '))));
    QCOMPARE(again.requests.size(), 2);
    idle.clear();
    QVERIFY(queue->enqueue(portal(), again).ok());
    QVERIFY(waitIdle(idle));
    QCOMPARE(m_portal->posts().size(), 2);
    for (const FakePost &post : m_portal->posts())
        QCOMPARE(post.status, QStringLiteral("publish"));
    QCOMPARE(library().listings().load(ids.first()).value().status, ListingStatus::Published);

    // A post a moderator deleted on the portal is still not re-created.
    RemotePostRecord removed =
        library().remotePosts().find(m_portalId, ids.first(), changzhi).value().value();
    removed.state = RemoteState::Deleted;
    removed.remoteStatus = QStringLiteral("trash");
    LD_VERIFY_OK(library().remotePosts().save(&removed));
    const PublishPlan refused = PublishPlanner(library(), portal()).planPublish(ids);
    QCOMPARE(refused.problems.size(), 1);
    QVERIFY(refused.problems.first()
                .reasons.join(QLatin1Char(' '))
                .contains(QStringLiteral("deleted on the portal")));
}

void TestPublishQueue::unreachablePortalKeepsJobsQueued()
{
    const QList<qint64> ids = makeListings(3);
    m_credentials = std::make_unique<CredentialStore>(); // no password anywhere
    m_connector = std::make_unique<PortalConnector>(library(), m_credentials.get(), m_nam.get());
    auto queue = makeQueue();
    QSignalSpy idle(queue.get(), &PublishQueue::idle);
    QSignalSpy unavailable(queue.get(), &PublishQueue::portalUnavailable);
    QVERIFY(enqueue(*queue, ids) > 0);
    QVERIFY(waitIdle(idle));
    QCOMPARE(unavailable.size(), 1);
    QCOMPARE(unavailable.first().at(2).toBool(), true); // needs a password
    QCOMPARE(library().outbox().counts({m_portalId, 0}).value().queued, 3);
    QCOMPARE(m_portal->posts().size(), 0);
}

QTEST_GUILESS_MAIN(TestPublishQueue)
#include "tst_publishqueue.moc"
