// A shared publish queue, end to end: 300 listings are queued once, then TWO
// real listingdesk-cli processes drain that one outbox at the same time into
// one fake portal (fakeportal-server, real HTTP). Each job must be taken by
// exactly one of them: 300 posts, one per key, every job published on its
// first attempt, and both processes did part of the work. Then the same with
// one process SIGKILLed mid-run: the other takes over its jobs and finishes,
// still without a duplicate post. The plain run shares one SQLite file; the
// `_pg` run one PostgreSQL database (tests/pg).

#include "fakeportalprocess.h"
#include "library.h"
#include "listingquery.h"
#include "publishplanner.h"
#include "remotepostrepository.h"
#include "testlibrary.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QTest>

#include <memory>
#include <signal.h>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {
const QString portalName = QStringLiteral("共享队列门户");
const QString appPassword = QStringLiteral("abcd efgh ijkl mnop qrst uvwx");
constexpr int listingCount = 300;
} // namespace

class TestSharedQueue : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void twoProcessesTakeEachJobOnce();
    void survivorFinishesTheJobsOfAKilledProcess();

private:
    /// A fresh library with the portal and 300 ready listings, all queued
    /// (one batch) but not sent.
    bool prepareQueue();
    std::unique_ptr<QProcess> startPublisher();
    /// "UUID  CITY" of every post a finished publisher printed.
    static QSet<QString> publishedBy(const QByteArray &output);
    QJsonArray fakePosts();
    /// The portal holds 300 posts, one per key; the library records all of them.
    void verifyExactlyOncePerPost();

    QProcess m_server;
    QUrl m_base;
    QNetworkAccessManager m_nam;
    std::unique_ptr<TestLibrary> m_library;
    qint64 m_portalId = 0;
    QSet<QString> m_keys; ///< the idempotency key of every queued job
};

void TestSharedQueue::init()
{
    // Latency stretches a run over seconds, so that the two publishers
    // overlap and a kill lands with requests in flight.
    QString error;
    m_base = startFakePortalServer(m_server, 20, &error);
    QVERIFY2(m_base.isValid(), qPrintable(error));
    QVERIFY(prepareQueue());
}

void TestSharedQueue::cleanup()
{
    m_library.reset();
    m_server.terminate();
    if (!m_server.waitForFinished(5000))
        m_server.kill();
}

bool TestSharedQueue::prepareQueue()
{
    m_library = std::make_unique<TestLibrary>();
    if (!m_library->isOpen()) {
        qWarning("%s", qPrintable(m_library->error()));
        return false;
    }
    Library &library = m_library->library();
    PortalInfo portal;
    portal.name = portalName;
    portal.baseUrl = m_base.toString();
    portal.username = QStringLiteral("editor");
    portal.mode = PortalMode::Plugin;
    auto added = library.portals().add(portal);
    if (!added)
        return false;
    m_portalId = added.value();
    portal.id = m_portalId;
    auto ids = m_library->createMany(listingCount, [&](int i) {
        Listing l = m_library->makeListing(
            QStringLiteral("长治出租房源第%1号").arg(i),
            QStringLiteral("<p>两室一厅，近地铁，第%1号。</p>").arg(i), QStringLiteral("房产/租房"),
            {i % 2 ? QStringLiteral("140400") : QStringLiteral("140100")}, ListingStatus::Ready);
        l.contact = {QStringLiteral("王女士"), QStringLiteral("13800000000"), {}};
        return l;
    });
    if (!ids)
        return false;
    // Queued once, here; the publishers only drain.
    const PublishPlan plan = PublishPlanner(library, portal).planPublish(ids.value());
    if (plan.requests.size() != listingCount)
        return false;
    // As PublishQueue::enqueue does: the jobs, and their listings "queued",
    // so that `publish --all-ready` finds nothing new to queue and resumes.
    auto queued = library.inOneTransaction([&]() -> Result<void> {
        auto jobs = library.outbox().enqueueInTransaction(m_portalId, 1, plan.requests,
                                                          QDateTime::currentDateTimeUtc());
        if (!jobs)
            return jobs.error();
        for (qint64 id : ids.value()) {
            if (auto set = library.listings().setStatus(id, ListingStatus::Queued); !set)
                return set;
        }
        return {};
    });
    if (!queued)
        return false;
    m_keys.clear();
    for (const OutboxRequest &r : plan.requests)
        m_keys.insert(r.idempotencyKey);
    return m_keys.size() == listingCount;
}

std::unique_ptr<QProcess> TestSharedQueue::startPublisher()
{
    auto cli = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LISTINGDESK_NO_KEYCHAIN"), QStringLiteral("1"));
    env.insert(QStringLiteral("LISTINGDESK_PORTAL_PASSWORD"), appPassword);
    cli->setProcessEnvironment(env);
    cli->setProcessChannelMode(QProcess::SeparateChannels);
    cli->start(QStringLiteral(LISTINGDESK_CLI_PATH),
               {QStringLiteral("--db"), m_library->path(), QStringLiteral("publish"),
                QStringLiteral("--portal"), portalName, QStringLiteral("--all-ready"),
                QStringLiteral("--jobs"), QStringLiteral("4")});
    return cli;
}

QSet<QString> TestSharedQueue::publishedBy(const QByteArray &output)
{
    // One line per post: "UUID  CITY  URL"; then a summary.
    QSet<QString> posts;
    for (const QString &line : QString::fromUtf8(output).split(u'\n')) {
        const QStringList parts = line.split(QStringLiteral("  "));
        if (parts.size() == 3 && parts.at(2).startsWith(QLatin1String("http")))
            posts.insert(parts.at(0) + u' ' + parts.at(1));
    }
    return posts;
}

QJsonArray TestSharedQueue::fakePosts()
{
    return fakeServerPosts(m_nam, m_base);
}

void TestSharedQueue::verifyExactlyOncePerPost()
{
    const QJsonArray posts = fakePosts();
    QCOMPARE(posts.size(), listingCount);
    QSet<QString> keys;
    for (const QJsonValue &value : posts) {
        const QString key = value.toObject().value(u"client_key").toString();
        QVERIFY2(!keys.contains(key), qPrintable(QStringLiteral("two posts for ") + key));
        QVERIFY2(m_keys.contains(key), qPrintable(QStringLiteral("a post nobody queued: ") + key));
        keys.insert(key);
    }
    Library &library = m_library->library();
    auto records = library.remotePosts().forPortal(m_portalId);
    LD_VERIFY_OK(records);
    QCOMPARE(records.value().size(), listingCount);
    for (const RemotePostRecord &r : records.value()) {
        QCOMPARE(r.state, RemoteState::Published);
        QVERIFY(keys.contains(r.clientKey));
    }
    auto counts = library.outbox().counts({m_portalId, 0});
    LD_VERIFY_OK(counts);
    QCOMPARE(counts.value().published, listingCount);
    QCOMPARE(counts.value().total(), listingCount);
    auto ready = library.listings().findIds([] {
        ListingQuery query;
        query.status = ListingStatus::Published;
        return query;
    }());
    LD_VERIFY_OK(ready);
    QCOMPARE(ready.value().size(), listingCount);
}

void TestSharedQueue::twoProcessesTakeEachJobOnce()
{
    QElapsedTimer clock;
    clock.start();
    auto first = startPublisher();
    auto second = startPublisher();
    QVERIFY(first->waitForFinished(180000));
    QVERIFY(second->waitForFinished(180000));
    const qint64 elapsed = clock.elapsed();
    // Both wait for each other's last jobs, so both end with everything sent.
    QVERIFY2(first->exitCode() == 0, first->readAllStandardError().constData());
    QVERIFY2(second->exitCode() == 0, second->readAllStandardError().constData());
    const QSet<QString> byFirst = publishedBy(first->readAllStandardOutput());
    const QSet<QString> bySecond = publishedBy(second->readAllStandardOutput());
    qInfo("two publishers drained %d jobs (%s) in %lld ms: %d and %d", listingCount,
          m_library->isPostgres() ? "PostgreSQL" : "SQLite", elapsed, int(byFirst.size()),
          int(bySecond.size()));
    QVERIFY2(!byFirst.isEmpty() && !bySecond.isEmpty(), "both processes should share the work");
    QVERIFY(!byFirst.intersects(bySecond));
    QCOMPARE(byFirst.size() + bySecond.size(), listingCount);

    verifyExactlyOncePerPost();
    // Taken once: no job was claimed a second time.
    auto jobs = m_library->library().outbox().jobs({m_portalId, 0});
    LD_VERIFY_OK(jobs);
    for (const OutboxJob &job : jobs.value()) {
        QVERIFY2(job.state == OutboxState::Published,
                 qPrintable(outboxStateKey(job.state) + u' ' + job.lastError));
        QCOMPARE(job.attempts, 1);
    }
}

void TestSharedQueue::survivorFinishesTheJobsOfAKilledProcess()
{
    auto victim = startPublisher();
    auto survivor = startPublisher();
    QVERIFY(victim->waitForStarted(5000));
    // Kill once the victim has sent a few posts itself, early enough that
    // much of the queue is left (start-up takes longer under the sanitizers).
    QByteArray victimOut;
    for (int waited = 0; waited < 60000 && victim->state() == QProcess::Running &&
                         publishedBy(victimOut).size() < 3;
         waited += 10) {
        QTest::qWait(10);
        victimOut += victim->readAllStandardOutput();
    }
    QVERIFY2(victim->state() == QProcess::Running, "the victim finished before the kill");
    const int postsAtKill = int(fakePosts().size());
    ::kill(pid_t(victim->processId()), SIGKILL);
    QVERIFY(victim->waitForFinished(5000));
    QCOMPARE(victim->exitStatus(), QProcess::CrashExit);
    QVERIFY2(postsAtKill < listingCount - 20,
             qPrintable(QStringLiteral("killed too late: %1 posts").arg(postsAtKill)));

    // The victim died holding jobs ("sending" under its lease); the survivor
    // releases them (their owner's process is gone) and sends them again,
    // finding by key any post the victim created but did not record.
    QVERIFY(survivor->waitForFinished(180000));
    QVERIFY2(survivor->exitCode() == 0, survivor->readAllStandardError().constData());
    victimOut += victim->readAllStandardOutput();
    const QSet<QString> byVictim = publishedBy(victimOut);
    const QSet<QString> bySurvivor = publishedBy(survivor->readAllStandardOutput());
    qInfo("killed after %d posts: the victim recorded %d, the survivor %d", postsAtKill,
          int(byVictim.size()), int(bySurvivor.size()));
    QVERIFY(!byVictim.isEmpty());
    QVERIFY(!byVictim.intersects(bySurvivor));
    QVERIFY(byVictim.size() + bySurvivor.size() <= listingCount);

    // Only jobs the victim held when it died were taken twice.
    auto jobs = m_library->library().outbox().jobs({m_portalId, 0});
    LD_VERIFY_OK(jobs);
    int again = 0;
    for (const OutboxJob &job : jobs.value()) {
        QVERIFY2(job.state == OutboxState::Published,
                 qPrintable(outboxStateKey(job.state) + u' ' + job.lastError));
        QVERIFY(job.attempts <= 2);
        again += job.attempts == 2;
    }
    // --jobs 4: 4 requests at once, so at most 8 jobs in hand.
    QVERIFY2(again <= 8, qPrintable(QString::number(again)));
    verifyExactlyOncePerPost();
}

QTEST_GUILESS_MAIN(TestSharedQueue)
#include "tst_sharedqueue.moc"
