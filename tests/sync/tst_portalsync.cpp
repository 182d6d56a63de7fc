// Publishing and pulling against the in-memory fake portal, through the real
// storage: what the portal ends up holding, what the library records, and
// that a lost answer, a refused post, a remote edit, a conflict and a remote
// deletion each end the way a user relies on. The real WordPress runs the
// same paths in tst_wordpresslive.

#include "conflictresolver.h"
#include "fakeportal.h"
#include "listinghash.h"
#include "portalconnector.h"
#include "postmapper.h"
#include "publishqueue.h"
#include "pulloperation.h"
#include "testlibrary.h"

#include <QCryptographicHash>
#include <QSignalSpy>
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

/// What one publish through the queue came to.
struct PublishRun
{
    QString problem; ///< why the planner left the listing out
    QList<OutboxJob> jobs;

    bool succeeded() const
    {
        return problem.isEmpty() && !jobs.isEmpty() &&
               std::all_of(jobs.begin(), jobs.end(),
                           [](const OutboxJob &j) { return j.state == OutboxState::Published; });
    }
};

class TestPortalSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("LISTINGDESK_NO_KEYCHAIN", "1"); }
    void init();
    void cleanup();
    void publishWithPlugin();
    void republishUpdatesInPlace();
    void publishPlainWordPress();
    void lostAnswerNeverDuplicates();
    void queueSurvivesReconnect();
    void imagesUploadedOncePerPortal();
    void refusedPostKeepsListingAndSaysWhy();
    void incompleteListingIsNotSent();
    void plainHttpRuleAndScheduling();
    void pullIntoFreshLibrary_data();
    void pullIntoFreshLibrary();
    void remoteEditPulled();
    void pullRightAfterPublishChangesNothing();
    void conflictDetectedAndResolved_data();
    void conflictDetectedAndResolved();
    void remoteDeletionReportedNotRecreated();
    void postsMadeOnTheSiteAreImported();

private:
    qint64 addPortal(TestLibrary &library, PortalMode mode);
    Listing makeStored(const QString &title, const QString &body = QStringLiteral("<p>正文</p>"));
    std::unique_ptr<PublishRun> publish(qint64 listingId, MediaSource media = {});
    std::unique_ptr<PullOperation> pull(TestLibrary &library, qint64 portalId);
    FakePost onlyPost(const QString &region);

    std::unique_ptr<TestLibrary> m_library;
    std::unique_ptr<FakePortal> m_portal;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<WordPressClient> m_client;
    qint64 m_portalId = 0;
};

void TestPortalSync::init()
{
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
    m_portal = std::make_unique<FakePortal>();
    m_portal->addUser(userLogin, appPassword, str("编辑部"));
    m_nam = std::make_unique<FakeNetworkAccessManager>(m_portal.get());
    PortalEndpoint endpoint;
    endpoint.baseUrl = m_portal->baseUrl();
    endpoint.username = userLogin;
    endpoint.password = appPassword;
    endpoint.timeoutMs = 3000;
    m_client = std::make_unique<WordPressClient>(m_nam.get(), endpoint);
    m_portalId = addPortal(*m_library, PortalMode::Plugin);
}

void TestPortalSync::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_portal.reset();
    m_library.reset();
}

qint64 TestPortalSync::addPortal(TestLibrary &library, PortalMode mode)
{
    PortalInfo p;
    p.name = str("长治信息港");
    p.baseUrl = m_portal->baseUrl().toString();
    p.username = userLogin;
    p.mode = mode;
    p.allowPlainHttp = true; // the fake portal is http://portal.test
    auto id = library.library().portals().add(p);
    return id ? id.value() : 0;
}

Listing TestPortalSync::makeStored(const QString &title, const QString &body)
{
    Listing l = m_library->makeListing(title, body, str("房产/租房"), {changzhi, taiyuan});
    l.contact = {str("张先生"), QStringLiteral("0355-1234567"), QStringLiteral("zhang_wx")};
    l.price = 1200.5;
    l.expiresAt = QDateTime(QDate(2027, 3, 1), QTime(0, 0), Qt::UTC);
    auto created = m_library->listings().create(l);
    return created ? created.value() : Listing{};
}

std::unique_ptr<PublishRun> TestPortalSync::publish(qint64 listingId, MediaSource media)
{
    auto run = std::make_unique<PublishRun>();
    Library &library = m_library->library();
    const PortalInfo portal = library.portals().portal(m_portalId).value();
    const PublishPlan plan = PublishPlanner(library, portal).planPublish({listingId});
    for (const PlanProblem &problem : plan.problems)
        run->problem += problem.reasons.join(u' ');
    if (plan.requests.isEmpty())
        return run;
    CredentialStore credentials;
    credentials.setSessionPassword(m_portalId, appPassword);
    PortalConnector connector(library, &credentials, m_nam.get());
    connector.setTimeoutMs(3000);
    PublishQueue queue(library, &connector, std::move(media));
    PublishQueueSettings settings;
    settings.retry.baseDelayMs = 20;
    queue.setSettings(settings);
    QSignalSpy idle(&queue, &PublishQueue::idle);
    auto batch = queue.enqueue(portal, plan);
    if (!batch) {
        run->problem = batch.error().message;
        return run;
    }
    if (idle.isEmpty() && !idle.wait(15000))
        qWarning("the queue did not finish");
    run->jobs = library.outbox().jobs({m_portalId, batch.value()}).value();
    for (const OutboxJob &job : run->jobs) {
        if (job.state != OutboxState::Published)
            qInfo() << "job" << job.regionCode << outboxStateKey(job.state) << job.lastError;
    }
    return run;
}

std::unique_ptr<PullOperation> TestPortalSync::pull(TestLibrary &library, qint64 portalId)
{
    auto portal = library.library().portals().portal(portalId).value();
    auto op = std::make_unique<PullOperation>(library.library(), m_client.get(), portal);
    QSignalSpy finished(op.get(), &PullOperation::finished);
    op->start();
    if (!finished.wait(10000))
        qWarning("pull did not finish");
    return op;
}

FakePost TestPortalSync::onlyPost(const QString &region)
{
    const auto cities = m_portal->terms(QStringLiteral("city"));
    for (const FakePost &p : m_portal->posts()) {
        for (qint64 id : p.cities) {
            for (const FakeTerm &t : cities) {
                if (t.id == id && t.slug == region)
                    return p;
            }
        }
    }
    return {};
}

void TestPortalSync::publishWithPlugin()
{
    const Listing l = makeStored(str("长治市中心两室一厅出租"));
    auto op = publish(l.id);
    QVERIFY2(op->succeeded(), qPrintable(op->problem));
    QCOMPARE(op->jobs.size(), 2);
    QCOMPARE(m_portal->posts().size(), 2);

    const FakePost post = onlyPost(changzhi);
    QVERIFY(post.id > 0);
    QCOMPARE(post.title, l.title);
    QCOMPARE(post.status, QStringLiteral("publish"));
    QCOMPARE(post.meta.value(u"listingdesk_client_key").toString(), clientKeyFor(l.uuid, changzhi));
    QCOMPARE(post.meta.value(u"listingdesk_listing_uuid").toString(), l.uuid);
    QCOMPARE(post.meta.value(u"listingdesk_contact_name").toString(), str("张先生"));
    QCOMPARE(post.meta.value(u"listingdesk_contact_phone").toString(),
             QStringLiteral("0355-1234567"));
    QCOMPARE(post.meta.value(u"listingdesk_price").toDouble(), 1200.5);
    QVERIFY(post.content.contains(str("正文")));

    // Category 房产 > 租房, city 山西 > 长治市 with the codes as slugs.
    const auto categories = m_portal->terms(QStringLiteral("categories"));
    auto find = [](const QList<FakeTerm> &terms, auto pred) -> FakeTerm {
        for (const FakeTerm &t : terms)
            if (pred(t))
                return t;
        return {};
    };
    const FakeTerm rentals =
        find(categories, [](const FakeTerm &t) { return t.name == str("租房"); });
    const FakeTerm property =
        find(categories, [](const FakeTerm &t) { return t.name == str("房产"); });
    QVERIFY(rentals.id && property.id);
    QCOMPARE(rentals.parent, property.id);
    QCOMPARE(post.categories, QList<qint64>{rentals.id});
    const auto cities = m_portal->terms(QStringLiteral("city"));
    const FakeTerm cz =
        find(cities, [](const FakeTerm &t) { return t.slug == QStringLiteral("140400"); });
    const FakeTerm sx =
        find(cities, [](const FakeTerm &t) { return t.slug == QStringLiteral("140000"); });
    QCOMPARE(cz.name, str("长治市"));
    QCOMPARE(cz.parent, sx.id);
    QCOMPARE(post.cities, QList<qint64>{cz.id});

    // The library records each post and the listing is published.
    auto records = m_library->library().remotePosts().forListing(l.id).value();
    QCOMPARE(records.size(), 2);
    for (const RemotePostRecord &r : records) {
        QCOMPARE(r.state, RemoteState::Published);
        QVERIFY(r.remoteId > 0);
        QVERIFY(!r.url.isEmpty());
        QCOMPARE(r.pushedHash, listingContentHash(l));
        QVERIFY(r.remoteModified.isValid());
    }
    QCOMPARE(m_library->listings().load(l.id).value().status, ListingStatus::Published);
    // The term map is remembered for the pickers and the next publish.
    QVERIFY(
        m_library->library().portalTerms().term(m_portalId, TermKind::Region, changzhi).value());
}

void TestPortalSync::republishUpdatesInPlace()
{
    Listing l = makeStored(str("长治出租"));
    QVERIFY(publish(l.id)->succeeded());
    const int termCreations =
        m_portal->requestCount("POST", QStringLiteral("^/wp/v2/(categories|city)$"));
    l = m_library->listings().load(l.id).value();
    l.title = str("长治出租（已降价）");
    l = m_library->listings().save(l).value();
    QCOMPARE(l.status, ListingStatus::Modified);
    m_portal->clearRequests();
    QVERIFY(publish(l.id)->succeeded());
    QCOMPARE(m_portal->posts().size(), 2);
    QCOMPARE(onlyPost(changzhi).title, l.title);
    QCOMPARE(m_portal->requestCount("POST", QStringLiteral("^/wp/v2/posts$")), 0);
    QCOMPARE(m_portal->requestCount("POST", QStringLiteral("^/wp/v2/posts/\\d+$")), 2);
    QCOMPARE(m_portal->requestCount("POST", QStringLiteral("^/wp/v2/(categories|city)$")), 0);
    QVERIFY(termCreations > 0);
    QCOMPARE(m_library->listings().load(l.id).value().status, ListingStatus::Published);
}

void TestPortalSync::publishPlainWordPress()
{
    m_portal->setCompanionPlugin(false);
    PortalInfo p = m_library->library().portals().portal(m_portalId).value();
    p.mode = PortalMode::Plain;
    QVERIFY(m_library->library().portals().update(p).ok());
    const Listing l = makeStored(str("太原招聘厨师"));
    auto op = publish(l.id);
    QVERIFY2(op->succeeded(), qPrintable(op->problem));
    QCOMPARE(m_portal->posts().size(), 2);
    const auto post = m_portal->postBySlug(clientKeyFor(l.uuid, changzhi));
    QVERIFY(post);
    QVERIFY(post->meta.isEmpty());
    // Contact and price live in a block at the end of the body.
    QVERIFY(post->content.contains(str("张先生")));
    QVERIFY(post->content.contains(QStringLiteral("1200.50")));
    // The city is a tag whose slug is the code.
    const auto tags = m_portal->terms(QStringLiteral("tags"));
    QCOMPARE(post->tags.size(), 1);
    bool found = false;
    for (const FakeTerm &t : tags)
        found |= t.id == post->tags.first() && t.slug == changzhi;
    QVERIFY(found);
}

void TestPortalSync::lostAnswerNeverDuplicates()
{
    const Listing l = makeStored(str("长治出租"));
    Fault lost;
    lost.method = "POST";
    lost.route = QStringLiteral("^/wp/v2/posts$");
    lost.kind = FaultKind::Status;
    lost.status = 502;
    lost.afterCommit = true; // the portal made the post; we never heard
    lost.times = 1;
    m_portal->addFault(lost);
    // The queue retries the 502; the retry finds the post by its client key
    // and updates it instead of making a second one.
    auto run = publish(l.id);
    QVERIFY2(run->succeeded(), qPrintable(run->problem));
    QCOMPARE(m_portal->posts().size(), 2);
    QCOMPARE(m_portal->requestCount("POST", QStringLiteral("^/wp/v2/posts$")), 2);
    int attempts = 0;
    for (const OutboxJob &job : run->jobs)
        attempts += job.attempts;
    QCOMPARE(attempts, 3); // one of the two posts needed a second try
    QCOMPARE(m_library->library().remotePosts().forListing(l.id).value().size(), 2);
    QCOMPARE(m_library->listings().load(l.id).value().status, ListingStatus::Published);
}

void TestPortalSync::imagesUploadedOncePerPortal()
{
    const QByteArray jpeg = QByteArray::fromBase64(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////"
        "////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAA"
        "A//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z");
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(jpeg, QCryptographicHash::Sha256).toHex());
    const QString body = QStringLiteral("<p>会议现场</p><figure><img src=\"ldmedia:%1\" alt=\"\">"
                                        "<figcaption>会议现场</figcaption></figure>")
                             .arg(sha);
    int asked = 0;
    MediaSource source = [&](const QString &hash) -> Result<MediaBlob> {
        ++asked;
        if (hash != sha)
            return makeError(Error::Kind::NotFound, QStringLiteral("no such image"));
        return MediaBlob{jpeg, QStringLiteral("image/jpeg"), str("会议现场.jpg")};
    };
    const Listing l = makeStored(str("长治消防工作会议"), body);
    QVERIFY(publish(l.id, source)->succeeded());
    QCOMPARE(m_portal->media().size(), 1);
    const FakePost post = onlyPost(changzhi);
    QVERIFY2(!post.content.contains(QStringLiteral("ldmedia:")), qPrintable(post.content));
    QVERIFY(post.content.contains(m_portal->media().first().sourceUrl.toString()));
    // A second listing with the same picture reuses the upload.
    const Listing other = makeStored(str("第二条"), body);
    QVERIFY(publish(other.id, source)->succeeded());
    QCOMPARE(m_portal->media().size(), 1);
    QCOMPARE(asked, 1);
}

void TestPortalSync::refusedPostKeepsListingAndSaysWhy()
{
    const Listing l = makeStored(str("长治出租"));
    Fault refused;
    refused.method = "POST";
    refused.route = QStringLiteral("^/wp/v2/posts$");
    refused.status = 400;
    refused.code = QStringLiteral("rest_invalid_param");
    refused.message = str("标题包含不允许的内容");
    refused.times = -1;
    m_portal->addFault(refused);
    auto op = publish(l.id);
    QVERIFY(!op->succeeded());
    QCOMPARE(op->jobs.size(), 2);
    for (const OutboxJob &job : op->jobs) {
        QCOMPARE(job.state, OutboxState::Failed);
        QCOMPARE(job.attempts, 1); // a refusal is not retried
        QVERIFY(job.lastError.contains(str("标题包含不允许的内容")));
    }
    const Listing after = m_library->listings().load(l.id).value();
    QCOMPARE(after.title, l.title);
    QCOMPARE(after.bodyHtml, l.bodyHtml);
    QCOMPARE(after.status, ListingStatus::Failed);
    const auto record = m_library->library().remotePosts().find(m_portalId, l.id, changzhi).value();
    QVERIFY(record);
    QCOMPARE(record->state, RemoteState::Failed);
    QVERIFY(record->lastError.contains(str("标题包含不允许的内容")));
}

void TestPortalSync::incompleteListingIsNotSent()
{
    Listing l =
        m_library->makeListing(str("没有分类"), QStringLiteral("<p>x</p>"), QString(), {changzhi});
    l = m_library->listings().create(l).value();
    m_portal->clearRequests();
    auto op = publish(l.id);
    QVERIFY(!op->succeeded());
    QVERIFY(!op->problem.isEmpty());
    QCOMPARE(m_portal->requests().size(), 0);
    QCOMPARE(m_library->listings().load(l.id).value().status, ListingStatus::Draft);

    // Over the portal's own title limit.
    PortalInfo p = m_library->library().portals().portal(m_portalId).value();
    p.titleLimit = 4;
    QVERIFY(m_library->library().portals().update(p).ok());
    const Listing longTitle = makeStored(str("很长很长的标题"));
    auto limited = publish(longTitle.id);
    QVERIFY(!limited->succeeded());
    QVERIFY2(limited->problem.contains(QStringLiteral("4")), qPrintable(limited->problem));
    QCOMPARE(m_portal->requests().size(), 0);
}

void TestPortalSync::plainHttpRuleAndScheduling()
{
    PortalInfo p;
    for (const char *url : {"http://127.0.0.1:8080", "http://localhost/", "http://[::1]:8080",
                            "https://portal.example.com"}) {
        p.baseUrl = QString::fromLatin1(url);
        QVERIFY2(PortalConnector::isPlainHttpAllowed(p), url);
    }
    p.baseUrl = QStringLiteral("http://portal.example.com");
    QVERIFY(!PortalConnector::isPlainHttpAllowed(p));
    p.allowPlainHttp = true; // confirmed by the user for this portal
    QVERIFY(PortalConnector::isPlainHttpAllowed(p));

    // A time in the future makes a scheduled post.
    PostTarget target;
    target.clientKey = QStringLiteral("ld-x");
    target.publishAtUtc = QDateTime::currentDateTimeUtc().addDays(2);
    const PostPayload scheduled =
        PostMapper::toPayload(makeStored(QStringLiteral("t")), {}, target);
    QCOMPARE(scheduled.status, QStringLiteral("future"));
    QCOMPARE(scheduled.dateGmt, target.publishAtUtc);
    target.publishAtUtc = {};
    QCOMPARE(PostMapper::toPayload(makeStored(QStringLiteral("t")), {}, target).status,
             QStringLiteral("publish"));
}

void TestPortalSync::pullIntoFreshLibrary_data()
{
    QTest::addColumn<bool>("plugin");
    QTest::newRow("companion plugin") << true;
    QTest::newRow("plain WordPress") << false;
}

void TestPortalSync::pullIntoFreshLibrary()
{
    QFETCH(bool, plugin);
    if (!plugin) {
        m_portal->setCompanionPlugin(false);
        PortalInfo p = m_library->library().portals().portal(m_portalId).value();
        p.mode = PortalMode::Plain;
        QVERIFY(m_library->library().portals().update(p).ok());
    }
    const Listing l = makeStored(str("长治市政府召开2017年全市消防工作会议"),
                                 str("<h2>会议要求</h2><p>各单位要高度重视。</p>"));
    QVERIFY(publish(l.id)->succeeded());

    TestLibrary fresh;
    const qint64 portal = addPortal(fresh, plugin ? PortalMode::Plugin : PortalMode::Plain);
    auto op = pull(fresh, portal);
    QVERIFY(!op->failure());
    QCOMPARE(op->summary().created, 1);
    QCOMPARE(op->summary().errors, 0);
    auto copy = fresh.listings().loadByUuid(l.uuid);
    LD_VERIFY_OK(copy);
    const Listing &c = copy.value();
    QCOMPARE(c.title, l.title);
    QCOMPARE(c.bodyHtml, l.bodyHtml);
    QCOMPARE(c.contact, l.contact);
    QCOMPARE(c.price, l.price);
    QCOMPARE(c.expiresAt, l.expiresAt);
    QCOMPARE(c.categoryPath, str("房产/租房"));
    QCOMPARE(QSet<QString>(c.cityCodes.begin(), c.cityCodes.end()),
             (QSet<QString>{changzhi, taiyuan}));
    QCOMPARE(c.status, ListingStatus::Published);
    QCOMPARE(fresh.library().remotePosts().forListing(c.id).value().size(), 2);
}

void TestPortalSync::remoteEditPulled()
{
    const Listing l = makeStored(str("长治出租"));
    QVERIFY(publish(l.id)->succeeded());
    m_portal->advanceClock(120);
    QVERIFY(m_portal->editPost(onlyPost(changzhi).id, [](FakePost &p) {
        p.title = str("长治出租（网站编辑改过）");
        p.meta.insert(QStringLiteral("listingdesk_views"), 44);
    }));
    auto op = pull(*m_library, m_portalId);
    QVERIFY(!op->failure());
    QCOMPARE(op->summary().updated, 1);
    QCOMPARE(op->summary().conflicts, 0);
    const Listing after = m_library->listings().load(l.id).value();
    QCOMPARE(after.title, str("长治出租（网站编辑改过）"));
    QCOMPARE(after.status, ListingStatus::Published);
    const auto record = m_library->library().remotePosts().find(m_portalId, l.id, changzhi).value();
    QCOMPARE(record->views, std::optional<int>(44));
    QCOMPARE(record->pushedHash, listingContentHash(after));
}

// A pull or a connection test connects to the portal again, which replaces
// (and deletes) the client the queue's lane held: the next batch must
// reconnect rather than fail its jobs with "connection closed".
void TestPortalSync::queueSurvivesReconnect()
{
    Library &library = m_library->library();
    const PortalInfo portal = library.portals().portal(m_portalId).value();
    CredentialStore credentials;
    credentials.setSessionPassword(m_portalId, appPassword);
    PortalConnector connector(library, &credentials, m_nam.get());
    connector.setTimeoutMs(3000);
    PublishQueue queue(library, &connector, {});
    QSignalSpy idle(&queue, &PublishQueue::idle);
    const Listing first = makeStored(str("长治出租"));
    LD_VERIFY_OK(queue.enqueue(portal, PublishPlanner(library, portal).planPublish({first.id})));
    QVERIFY(idle.wait(15000));

    bool connected = false;
    connector.connectTo(portal, this,
                        [&connected](const Result<WordPressClient *> &c) { connected = c.ok(); });
    QTRY_VERIFY(connected);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    idle.clear();
    const Listing second = makeStored(str("太原出租"));
    auto batch = queue.enqueue(portal, PublishPlanner(library, portal).planPublish({second.id}));
    LD_VERIFY_OK(batch);
    QVERIFY(idle.wait(15000));
    auto jobs = library.outbox().jobs({m_portalId, batch.value()});
    LD_VERIFY_OK(jobs);
    QCOMPARE(jobs.value().size(), 2);
    for (const OutboxJob &job : jobs.value()) {
        QCOMPARE(job.state, OutboxState::Published);
        QCOMPARE(job.attempts, 1);
        QCOMPARE(job.lastError, QString());
    }
    QCOMPARE(m_portal->posts().size(), 4);
}

void TestPortalSync::pullRightAfterPublishChangesNothing()
{
    const Listing l = makeStored(str("长治出租"));
    QVERIFY(publish(l.id)->succeeded());
    const int revision = m_library->listings().load(l.id).value().revision;
    auto op = pull(*m_library, m_portalId);
    QCOMPARE(op->summary().updated, 0);
    QCOMPARE(op->summary().created, 0);
    QCOMPARE(op->summary().conflicts, 0);
    QCOMPARE(m_library->listings().load(l.id).value().revision, revision);
    // And the next pull starts where this one ended.
    QVERIFY(m_library->library().portals().portal(m_portalId).value().lastPull.isValid());
}

void TestPortalSync::conflictDetectedAndResolved_data()
{
    QTest::addColumn<QString>("choice");
    QTest::newRow("keep mine") << QStringLiteral("mine");
    QTest::newRow("take the portal's") << QStringLiteral("theirs");
    QTest::newRow("keep both") << QStringLiteral("both");
}

void TestPortalSync::conflictDetectedAndResolved()
{
    QFETCH(QString, choice);
    Listing l = makeStored(str("长治出租"));
    QVERIFY(publish(l.id)->succeeded());
    l = m_library->listings().load(l.id).value();
    l.title = str("本地改的标题");
    l = m_library->listings().save(l).value();
    m_portal->advanceClock(60);
    m_portal->editPost(onlyPost(changzhi).id, [](FakePost &p) { p.title = str("网站改的标题"); });

    auto op = pull(*m_library, m_portalId);
    QCOMPARE(op->summary().conflicts, 1);
    QCOMPARE(op->summary().updated, 0);
    QCOMPARE(m_library->listings().load(l.id).value().status, ListingStatus::Conflict);
    QCOMPARE(m_library->listings().load(l.id).value().title, str("本地改的标题")); // nothing lost
    const auto record = m_library->library().remotePosts().find(m_portalId, l.id, changzhi).value();
    QCOMPARE(ConflictResolver::portalVersion(*record).value().title, str("网站改的标题"));

    ConflictResolver resolver(m_library->library());
    if (choice == QLatin1String("mine")) {
        LD_VERIFY_OK(resolver.keepMine(l.id));
        QCOMPARE(m_library->listings().load(l.id).value().status, ListingStatus::Modified);
        QVERIFY(publish(l.id)->succeeded());
        QCOMPARE(onlyPost(changzhi).title, str("本地改的标题"));
    } else if (choice == QLatin1String("theirs")) {
        LD_VERIFY_OK(resolver.takePortals(l.id));
        const Listing after = m_library->listings().load(l.id).value();
        QCOMPARE(after.title, str("网站改的标题"));
        // The local words are in the history, not gone.
        bool kept = false;
        for (const auto &rev : m_library->listings().revisions(l.id))
            kept |= rev.listing.title == str("本地改的标题");
        QVERIFY(kept);
    } else {
        auto copy = resolver.keepBoth(l.id);
        LD_VERIFY_OK(copy);
        QCOMPARE(m_library->listings().load(l.id).value().title, str("本地改的标题"));
        QVERIFY(
            m_library->listings().load(copy.value()).value().title.contains(str("网站改的标题")));
    }
    // Settled: the next pull raises no conflict.
    QCOMPARE(pull(*m_library, m_portalId)->summary().conflicts, 0);
}

void TestPortalSync::remoteDeletionReportedNotRecreated()
{
    const Listing l = makeStored(str("长治出租"));
    QVERIFY(publish(l.id)->succeeded());
    m_portal->advanceClock(60);
    const qint64 trashed = onlyPost(changzhi).id;
    const qint64 gone = onlyPost(taiyuan).id;
    m_portal->editPost(trashed, [](FakePost &p) { p.status = QStringLiteral("trash"); });
    m_portal->removePost(gone); // deleted for good: not in "modified after"

    auto op = pull(*m_library, m_portalId);
    QCOMPARE(op->summary().deleted, 2);
    QCOMPARE(op->summary().messages.size(), 2);
    for (const QString &region : {changzhi, taiyuan})
        QCOMPARE(m_library->library().remotePosts().find(m_portalId, l.id, region).value()->state,
                 RemoteState::Deleted);
    // Publishing again does not bring them back behind the user's back.
    m_portal->clearRequests();
    auto again = publish(l.id);
    QVERIFY(!again->succeeded());
    QCOMPARE(m_portal->requestCount("POST", QStringLiteral("^/wp/v2/posts")), 0);
    QCOMPARE(m_library->listings().load(l.id).value().title, l.title);
}

void TestPortalSync::postsMadeOnTheSiteAreImported()
{
    const qint64 city = m_portal->addTerm(QStringLiteral("city"), str("长治市"), changzhi);
    FakePost post;
    post.title = str("网站上直接发的招聘");
    post.content = QStringLiteral("<p>hello</p><script>alert(1)</script>");
    post.status = QStringLiteral("publish");
    post.cities = {city};
    m_portal->addPost(post);
    auto op = pull(*m_library, m_portalId);
    QCOMPARE(op->summary().created, 1);
    auto ids = m_library->listings().findIds(ListingQuery{}).value();
    QCOMPARE(ids.size(), 1);
    const Listing l = m_library->listings().load(ids.first()).value();
    QCOMPARE(l.title, post.title);
    QCOMPARE(l.bodyHtml, QStringLiteral("<p>hello</p>")); // sanitized on the way in
    QCOMPARE(l.cityCodes, QStringList{changzhi});
    // The next publish updates that post (and gives it our key), never a second one.
    Listing edited = l;
    edited.categoryId = m_library->categoryId(str("房产/租房"));
    QVERIFY(m_library->listings().save(edited).ok());
    auto op2 = publish(l.id);
    QVERIFY2(op2->succeeded(), qPrintable(op2->problem));
    QCOMPARE(m_portal->posts().size(), 1);
    QCOMPARE(m_portal->posts().first().meta.value(u"listingdesk_client_key").toString(),
             clientKeyFor(l.uuid, changzhi));
}

QTEST_GUILESS_MAIN(TestPortalSync)
#include "tst_portalsync.moc"
