// Crash safety of the publish queue, end to end: the real listingdesk-cli
// publishes 300 listings to the fake portal running as its own process
// (fakeportal-server, real HTTP), and is killed with SIGKILL at five random
// moments and started again each time. At the end the portal must hold
// exactly 300 posts, one per listing, and the library must record all 300.
// The plain run uses a SQLite file, `tst_publishcrash_pg` a PostgreSQL database.

#include "fakeportalprocess.h"
#include "library.h"
#include "remotepostrepository.h"
#include "testlibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <signal.h>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {
const QString portalName = QStringLiteral("崩溃测试门户");
const QString appPassword = QStringLiteral("abcd efgh ijkl mnop qrst uvwx");
constexpr int listingCount = 300;
constexpr int kills = 5;
} // namespace

class TestPublishCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void killedFiveTimesPublishesExactlyOnce();

private:
    QJsonArray fakePosts();
    QProcessEnvironment cliEnvironment() const;

    QProcess m_server;
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

void TestPublishCrash::initTestCase()
{
    // Latency stretches a run over seconds, so that the kills land in the middle
    // of a run, with requests in flight.
    QString error;
    m_base = startFakePortalServer(m_server, 40, &error);
    QVERIFY2(m_base.isValid(), qPrintable(error));
}

void TestPublishCrash::cleanupTestCase()
{
    m_server.terminate();
    if (!m_server.waitForFinished(5000))
        m_server.kill();
}

QJsonArray TestPublishCrash::fakePosts()
{
    return fakeServerPosts(m_nam, m_base);
}

QProcessEnvironment TestPublishCrash::cliEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LISTINGDESK_NO_KEYCHAIN"), QStringLiteral("1"));
    env.insert(QStringLiteral("LISTINGDESK_PORTAL_PASSWORD"), appPassword);
    return env;
}

void TestPublishCrash::killedFiveTimesPublishesExactlyOnce()
{
    // A file, or in the `_pg` run a fresh PostgreSQL database.
    TestLibrary testLibrary;
    QVERIFY2(testLibrary.isOpen(), qPrintable(testLibrary.error()));
    const QString path = testLibrary.path();
    QStringList uuids;
    {
        Library &library = testLibrary.library();
        PortalInfo portal;
        portal.name = portalName;
        portal.baseUrl = m_base.toString();
        portal.username = QStringLiteral("editor");
        portal.mode = PortalMode::Plugin;
        LD_VERIFY_OK(library.portals().add(portal));
        auto category = library.categories().idForPath(QStringLiteral("房产/租房"));
        LD_VERIFY_OK(category);
        for (int i = 0; i < listingCount; ++i) {
            Listing l;
            l.title = QStringLiteral("长治出租房源第%1号").arg(i);
            l.bodyHtml = QStringLiteral("<p>两室一厅，近地铁，第%1号。</p>").arg(i);
            l.categoryId = category.value();
            l.cityCodes = {i % 2 ? QStringLiteral("140400") : QStringLiteral("140100")};
            l.contact = {QStringLiteral("王女士"), QStringLiteral("13800000000"), {}};
            l.status = ListingStatus::Ready;
            auto created = library.listings().create(l);
            LD_VERIFY_OK(created);
            uuids << created.value().uuid;
        }
    }

    const QStringList args{QStringLiteral("--db"),
                           path,
                           QStringLiteral("publish"),
                           QStringLiteral("--portal"),
                           portalName,
                           QStringLiteral("--all-ready"),
                           QStringLiteral("--jobs"),
                           QStringLiteral("4")};
    QRandomGenerator random(20261129);
    int killedMidRun = 0;
    for (int round = 0; round < kills; ++round) {
        QProcess cli;
        cli.setProcessEnvironment(cliEnvironment());
        cli.start(QStringLiteral(LISTINGDESK_CLI_PATH), args);
        QVERIFY(cli.waitForStarted(5000));
        const int before = int(fakePosts().size());
        // Kill once this run is creating posts (start-up takes longer under
        // the sanitizers), after a random part of a second more.
        for (int waited = 0; waited < 60000 && cli.state() == QProcess::Running &&
                             int(fakePosts().size()) == before;
             waited += 50)
            QTest::qWait(50);
        QTest::qWait(int(random.bounded(0, 600)));
        if (cli.state() == QProcess::Running) {
            ::kill(pid_t(cli.processId()), SIGKILL);
            QVERIFY(cli.waitForFinished(5000));
            QCOMPARE(cli.exitStatus(), QProcess::CrashExit);
        }
        const int after = int(fakePosts().size());
        qInfo("round %d: the portal went from %d to %d posts before the kill", round + 1, before,
              after);
        killedMidRun += after > before && after < listingCount;
    }
    QVERIFY2(killedMidRun >= 4, "the kills should land while posts were being created");

    // The last run resumes whatever the killed ones left and finishes.
    QProcess last;
    last.setProcessEnvironment(cliEnvironment());
    last.start(QStringLiteral(LISTINGDESK_CLI_PATH), args);
    QVERIFY(last.waitForFinished(120000));
    const QByteArray err = last.readAllStandardError();
    QVERIFY2(last.exitCode() == 0, err.constData());

    const QJsonArray posts = fakePosts();
    QCOMPARE(posts.size(), listingCount);
    QSet<QString> keys;
    for (const QJsonValue &value : posts) {
        const QString key = value.toObject().value(u"client_key").toString();
        QVERIFY2(!keys.contains(key), qPrintable(QStringLiteral("two posts for ") + key));
        keys.insert(key);
    }
    Library &library = testLibrary.library();
    auto portal = library.portals().portalByName(portalName);
    LD_VERIFY_OK(portal);
    auto records = library.remotePosts().forPortal(portal.value().id);
    LD_VERIFY_OK(records);
    QCOMPARE(records.value().size(), listingCount);
    for (const RemotePostRecord &r : records.value()) {
        QCOMPARE(r.state, RemoteState::Published);
        QVERIFY(keys.contains(r.clientKey));
    }
    auto counts = library.outbox().counts({portal.value().id, 0});
    LD_VERIFY_OK(counts);
    QCOMPARE(counts.value().open(), 0);
    QCOMPARE(counts.value().failed, 0);
    for (const QString &uuid : std::as_const(uuids))
        QCOMPARE(library.listings().loadByUuid(uuid).value().status, ListingStatus::Published);
}

QTEST_GUILESS_MAIN(TestPublishCrash)
#include "tst_publishcrash.moc"
